public import GraphEngine

/// The symbolic side of a graph's nodes as the walk-through writes it: each node's
/// definition in terms of its operands' labels, and each local gradient ∂y/∂u in the
/// textbooks' forms (in operands, −1/x²; and in the result where that differs, −y²).
public struct NodeFormulas: Sendable {
  /// The operation as the graph computes it, untidied (x·(−1), not −x); an input's name.
  public let definitions: [Formula]
  /// The same, tidied (−x).
  public let tidiedDefinitions: [Formula]
  /// `locals[node][i]`: ∂node/∂(input i) in operands, then in the result when that form
  /// differs; tidied, over the operands' labels.
  public let locals: [[[Formula]]]

  init(_ graph: Graph, labels: SymbolicLabels) {
    var definitions: [Formula] = []
    var tidied: [Formula] = []
    var locals: [[[Formula]]] = []
    definitions.reserveCapacity(graph.nodes.count)
    for node in graph.nodes {
      let operands = node.inputs.map { labels.values[$0] }
      let y = labels.values[node.id]
      let definition =
        node.op == .input
        ? Formula.symbol(node.name ?? "") : SymbolicLabels.value(of: node, operands: operands)
      definitions.append(definition)
      guard !node.op.isLeaf else {
        tidied.append(definition)
        locals.append([])
        continue
      }
      tidied.append(definition.tidied())
      locals.append(
        node.op.symbolicLocalGradients(parameter: node.parameter).map { rule in
          let inOperands = rule.inOperands.substituting(operands: operands, result: y).tidied()
          guard let r = rule.inResult?.substituting(operands: operands, result: y).tidied(),
            r != inOperands
          else { return [inOperands] }
          return [inOperands, r]
        })
    }
    self.definitions = definitions
    self.tidiedDefinitions = tidied
    self.locals = locals
  }
}
