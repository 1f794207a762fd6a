extension Graph {
  /// The same function with every composite node replaced by its primitive graph:
  ///
  /// - σ(a) → a × (−1) → exp → 1 + · → 1/·, the chain DLFS draws (Fig. 5-19);
  /// - tanh(a) → (exp(a) − exp(−a)) / (exp(a) + exp(−a)).
  ///
  /// New nodes keep the composite's location and point back to it through `origin`; the
  /// last node of each chain inherits the composite's name.
  public func expandingComposites() -> Graph {
    var result: [Node] = []
    var newID = [Node.ID](repeating: 0, count: nodes.count)
    func add(_ op: Op, _ inputs: [Node.ID], _ parameter: Double = 0, from node: Node) -> Node.ID {
      let id = result.count
      result.append(
        Node(
          id: id, op: op, inputs: inputs, parameter: parameter, location: node.location,
          origin: node.origin ?? node.id))
      return id
    }
    for node in nodes {
      let inputs = node.inputs.map { newID[$0] }
      let last: Node.ID
      switch node.op {
      case .sigmoid:
        let minusOne = add(.constant, [], -1, from: node)
        let negated = add(.mul, [inputs[0], minusOne], from: node)
        let e = add(.exp, [negated], from: node)
        let one = add(.constant, [], 1, from: node)
        let denominator = add(.add, [one, e], from: node)
        last = add(.recip, [denominator], from: node)
      case .tanh:
        let ePlus = add(.exp, [inputs[0]], from: node)
        let negated = add(.neg, [inputs[0]], from: node)
        let eMinus = add(.exp, [negated], from: node)
        let numerator = add(.sub, [ePlus, eMinus], from: node)
        let denominator = add(.add, [ePlus, eMinus], from: node)
        last = add(.div, [numerator, denominator], from: node)
      default:
        last = result.count
        var copy = node
        copy.id = last
        copy.inputs = inputs
        result.append(copy)
      }
      result[last].name = node.name
      newID[node.id] = last
    }
    return Graph(
      nodes: result, output: newID[output], outputName: outputName,
      inputs: inputs.map { newID[$0] })
  }

  /// Whether any node is a composite (`sigmoid`, `tanh`).
  public var hasComposites: Bool { nodes.contains { $0.op.isComposite } }

  /// How many nodes are operations (neither inputs nor constants).
  public var operationCount: Int { nodes.count { !$0.op.isLeaf } }
}

extension Evaluation {
  /// Both passes again on the graph with its composites expanded (the same `inputs` and
  /// upstream): what the expanded figures draw and the walk-through walks. nil when the graph
  /// has no composite, or its expansion cannot be evaluated.
  public func expandingComposites(inputs: [String: Double]) -> Evaluation? {
    try? expandedResult(inputs: inputs)?.get()
  }

  /// The same, with the reason when the expansion cannot be evaluated (σ(−1000) is 0 as a
  /// composite, but its expansion computes exp(1000)); nil when there is no composite.
  public func expandedResult(inputs: [String: Double]) -> Result<Evaluation, DiagnosticList>? {
    guard graph.hasComposites else { return nil }
    return Evaluator.evaluate(graph.expandingComposites(), inputs: inputs, upstream: upstream)
  }
}
