public import GraphEngine

/// A composite op of the lesson (σ, tanh, softplus) taken apart: the composite alone,
/// y = op(u) at the lesson's value of u, expanded into primitives and differentiated with a
/// seed of 1, against the closed form of its local gradient.
///
/// Along a single chain the chain rule makes ∂y/∂u the product of the chain's local
/// gradients; where u reaches y along several paths, the sum over the paths — either way
/// the expanded graph's gradient at u, which must equal the closed form (σ′ = y(1 − y)).
public struct CompositeChain: Sendable {
  public let op: Op
  /// The first node of this op in the written graph.
  public let node: Node.ID
  /// u and y at that node.
  public let input: Double
  public let output: Double
  /// The primitive operations of the expansion, in evaluation order.
  public let operations: [Op]
  /// Whether every node of the expansion feeds at most one other (a chain, not a graph).
  public let isChain: Bool
  /// For a chain: the product of its local gradients as a formula of `u` and `y`
  /// (`y²·exp(−u)` for σ); nil otherwise.
  public let product: Formula?
  /// The closed form of the local gradient as a formula of `u` and `y` (`y(1 − y)`).
  public let closedForm: Formula
  /// For a chain: its local gradients in numbers, from the output back.
  public let chainLocals: [Double]
  /// ∂y/∂u through the expanded graph.
  public let throughExpansion: Double
  /// ∂y/∂u by the closed form (the composite node's local gradient in the lesson).
  public let closed: Double

  /// One chain for each composite op of `evaluation`'s graph, in the order they first
  /// appear; an op whose expansion cannot be evaluated at its input is left out.
  static func all(_ evaluation: Evaluation) -> [CompositeChain] {
    let graph = evaluation.graph
    guard graph.hasComposites else { return [] }
    var seen: Set<Op> = []
    var chains: [CompositeChain] = []
    for node in graph.nodes where node.op.isComposite && seen.insert(node.op).inserted {
      let x = evaluation.value(node.inputs[0])
      let single = Graph(
        nodes: [
          Node(id: 0, op: .input, inputs: [], name: "u", location: node.location),
          Node(id: 1, op: node.op, inputs: [0], name: "y", location: node.location),
        ], output: 1, outputName: "y", inputs: [0])
      let expanded = single.expandingComposites()
      guard case .success(let e) = Evaluator.evaluate(expanded, inputs: ["u": x], upstream: 1)
      else { continue }
      let closed = node.op.symbolicLocalGradients(parameter: 0)[0]
      let isChain = expanded.consumers.allSatisfy { $0.count <= 1 }
      var product: Formula?
      if isChain {
        // Along a single chain, the product of local gradients is the seed-1 edge label.
        let labels = SymbolicLabels(expanded, seed: 1)
        product = labels.edges[expanded.nodes.first { $0.inputs.contains(0) }?.id ?? 0][0]
      }
      let chainLocals = expanded.nodes.reversed().filter { !$0.op.isLeaf }.compactMap { n in
        n.inputs.indices.first { expanded[n.inputs[$0]].op != .constant }
          .map { e.localGradients[n.id][$0] }
      }
      chains.append(
        CompositeChain(
          op: node.op, node: node.id, input: x, output: evaluation.value(node.id),
          operations: expanded.nodes.filter { !$0.op.isLeaf }.map(\.op), isChain: isChain,
          product: product,
          closedForm: (closed.inResult ?? closed.inOperands)
            .substituting(operands: [.symbol("u")], result: .symbol("y")),
          chainLocals: isChain ? chainLocals : [], throughExpansion: e.gradient(0),
          closed: evaluation.localGradients[node.id][0]))
    }
    return chains
  }
}
