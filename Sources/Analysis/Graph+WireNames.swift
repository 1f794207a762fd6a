public import GraphEngine

extension Graph {
  /// The most characters of a formula that names an unnamed wire (`X·W₁ + b₁`); a longer one
  /// is not used as a name.
  public static let wireNameLength = 14

  /// The formula that names node `id`'s wire when it has no name of its own: its op applied to
  /// its operands (`X·W₁ + b₁`, `1 − p`), an unnamed operand written the same way in turn
  /// (`sum(W ⊙ W)`), at most ``operandDepth`` ops deep; nil when an operand has no such name.
  /// Whether it is short enough (``wireNameLength``) is for the writer to say, who knows its
  /// text.
  public func operandFormula(_ id: Node.ID, shapes: [Shape]? = nil) -> Formula? {
    operandFormula(id, shapes: shapes, depth: Self.operandDepth)
  }

  /// How many ops deep an unnamed wire's name may go; a name of 14 characters holds no more.
  static let operandDepth = 3

  private func operandFormula(_ id: Node.ID, shapes: [Shape]?, depth: Int) -> Formula? {
    let node = self[id]
    guard !node.inputs.isEmpty, depth > 0 else { return nil }
    var operands: [Formula] = []
    for input in node.inputs {
      let operand = self[input]
      if let name = operand.name {
        operands.append(.symbol(name))
      } else if operand.op == .constant {
        operands.append(.number(operand.parameter))
      } else if let inner = operandFormula(input, shapes: shapes, depth: depth - 1) {
        operands.append(inner)
      } else {
        return nil
      }
    }
    return valueFormula(id, operands: operands, shapes: shapes)
  }

  /// Node `id`'s op applied to `operands` (its descriptor's ``OpDescriptor/value``), as the
  /// books write it on vectors and matrices given each node's shape: a product of two arrays
  /// element by element is X ⊙ W, the Hadamard product, never X·W, which is the matrix
  /// product (CS231n, d2l).
  public func valueFormula(_ id: Node.ID, operands: [Formula], shapes: [Shape]? = nil) -> Formula {
    let node = self[id]
    if let shapes, isHadamard(id, shapes: shapes) {
      return .hadamard(operands[0], operands[1])
    }
    return node.op.descriptor.value(operands, node.parameter)
  }

  /// Whether node `id` multiplies two arrays element by element (the Hadamard product ⊙),
  /// which the figures and the text write ⊙, keeping × for numbers.
  public func isHadamard(_ id: Node.ID, shapes: [Shape]) -> Bool {
    let node = self[id]
    return node.op == .mul && node.inputs.count == 2
      && node.inputs.allSatisfy { !shapes[$0].isScalar }
  }

  /// The symbol the text calls node `id` by (`the ⊙ node`, `the MatMul node`).
  public func walkthroughName(_ id: Node.ID, shapes: [Shape]) -> String {
    isHadamard(id, shapes: shapes) ? "⊙" : self[id].op.descriptor.walkthroughName
  }
}
