public import GraphEngine

extension Graph {
  /// The most characters of a formula that names an unnamed wire (`X·W₁ + b₁`); a longer one
  /// is not used as a name.
  public static let wireNameLength = 14

  /// The formula that names node `id`'s wire when it has no name of its own: its op applied to
  /// its operands' names (`X·W₁ + b₁`), when every operand has a name; nil otherwise. Whether
  /// it is short enough (``wireNameLength``) is for the writer to say, who knows its text.
  public func operandFormula(_ id: Node.ID) -> Formula? {
    let node = self[id]
    let operands = node.inputs.map { self[$0].name }
    guard !operands.isEmpty, operands.allSatisfy({ $0 != nil }) else { return nil }
    return node.op.descriptor.value(operands.map { .symbol($0 ?? "") }, node.parameter)
  }
}
