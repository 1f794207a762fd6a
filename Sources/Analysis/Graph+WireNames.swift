public import GraphEngine

extension Graph {
  /// The most characters of a formula that names an unnamed wire (`X·W₁ + b₁`); a longer one
  /// is not used as a name.
  public static let wireNameLength = 14

  /// The formula that names node `id`'s wire when it has no name of its own: its op applied to
  /// its operands' names (`X·W₁ + b₁`), when every operand has a name; nil otherwise. Whether
  /// it is short enough (``wireNameLength``) is for the writer to say, who knows its text.
  public func operandFormula(_ id: Node.ID, shapes: [Shape]? = nil) -> Formula? {
    let node = self[id]
    let operands = node.inputs.map { self[$0].name }
    guard !operands.isEmpty, operands.allSatisfy({ $0 != nil }) else { return nil }
    return valueFormula(id, operands: operands.map { .symbol($0 ?? "") }, shapes: shapes)
  }

  /// Node `id`'s op applied to `operands` (its descriptor's ``OpDescriptor/value``), as the
  /// books write it on vectors and matrices given each node's shape: a product of two arrays
  /// element by element is X ⊙ W, the Hadamard product, never X·W, which is the matrix
  /// product (CS231n, d2l).
  public func valueFormula(_ id: Node.ID, operands: [Formula], shapes: [Shape]? = nil) -> Formula {
    let node = self[id]
    if let shapes, node.op == .mul, node.inputs.count == 2,
      node.inputs.allSatisfy({ !shapes[$0].isScalar })
    {
      return .hadamard(operands[0], operands[1])
    }
    return node.op.descriptor.value(operands, node.parameter)
  }
}
