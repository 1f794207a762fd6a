extension Graph {
  /// The same function with every composite node replaced by its primitive graph:
  ///
  /// - σ(a) → a × (−1) → exp → 1 + · → 1/·, the chain DLFS draws (Fig. 5-19);
  /// - tanh(a) → (exp(a) − exp(−a)) / (exp(a) + exp(−a));
  /// - softplus(a) → log(1 + exp(a)).
  ///
  /// New nodes keep the composite's location and point back to it through `origin`; the
  /// last node of each chain inherits the composite's name.
  ///
  /// - Parameter expands: which composites to expand (all by default).
  public func expandingComposites(where expands: (Op) -> Bool = { _ in true }) -> Graph {
    var builder = ExpansionBuilder()
    var newID = [Node.ID](repeating: 0, count: nodes.count)
    for node in nodes {
      let inputs = node.inputs.map { newID[$0] }
      let last: Node.ID
      if expands(node.op), let expand = node.op.descriptor.expansion {
        builder.source = node
        last = expand(&builder, inputs)
      } else {
        last = builder.nodes.count
        var copy = node
        copy.id = last
        copy.inputs = inputs
        builder.nodes.append(copy)
      }
      builder.nodes[last].name = node.name
      newID[node.id] = last
    }
    return Graph(
      nodes: builder.nodes, output: newID[output], outputName: outputName,
      inputs: inputs.map { newID[$0] })
  }

  /// Whether any node is a composite (`sigmoid`, `tanh`, `softplus`).
  public var hasComposites: Bool { nodes.contains { $0.op.isComposite } }

  /// How many nodes are operations (neither inputs nor constants).
  public var operationCount: Int { nodes.count { !$0.op.isLeaf } }
}

extension Evaluation {
  /// Both passes again on the graph with its composites expanded (the same inputs and
  /// upstream): what the expanded figures draw and the walk-through walks; a failure names
  /// the primitive that leaves its domain (σ(−1000) is 0 as a composite, but its expansion
  /// computes exp(1000)); nil when there is no composite.
  public func expandedResult(inputs: [String: Double]) -> Result<Evaluation, DiagnosticList>? {
    guard graph.hasComposites else { return nil }
    return Evaluator.evaluate(graph.expandingComposites(), inputs: inputs, upstream: upstream)
  }
}
