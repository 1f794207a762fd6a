import FormulaWriting
public import GraphEngine

/// What a figure of one graph draws from: its evaluation, its symbolic labels in the
/// figure's convention, and the formulas its labels write out.
public struct FigureGraph: Sendable {
  public let evaluation: Evaluation
  public let labels: SymbolicLabels
  /// Each node's definition and local gradients over `labels` (colah writes them in the
  /// nodes and on the edges).
  public let formulas: NodeFormulas
  /// The output as a formula of the inputs, when that is short (at most
  /// ``SymbolicLabels/maximumLength`` characters) and says more than its label: DLFS writes
  /// it on the output's wire. nil otherwise.
  public let outputDefinition: Formula?

  init(_ evaluation: Evaluation, labels: SymbolicLabels, formulas: NodeFormulas? = nil) {
    self.evaluation = evaluation
    self.labels = labels
    self.formulas = formulas ?? NodeFormulas(evaluation.graph, labels: labels)
    outputDefinition = Self.outputDefinition(evaluation.graph, labels: labels)
  }

  /// Each node's formula is built from its operands' only while it stays short (nil after),
  /// so no formula grows with the graph: a long chain is neither built nor written.
  private static func outputDefinition(_ graph: Graph, labels: SymbolicLabels) -> Formula? {
    var expanded: [Formula?] = []
    for node in graph.nodes {
      if node.op == .input {
        expanded.append(labels.values[node.id])
        continue
      }
      let operands = node.inputs.compactMap { expanded[$0] }
      guard operands.count == node.inputs.count else {
        expanded.append(nil)
        continue
      }
      let formula = SymbolicLabels.value(of: node, operands: operands).tidied()
      expanded.append(formula.unicode().count <= SymbolicLabels.maximumLength ? formula : nil)
    }
    guard let definition = expanded[graph.output], definition != labels.values[graph.output]
    else { return nil }
    return definition
  }
}
