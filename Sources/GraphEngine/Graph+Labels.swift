extension Op {
  /// Whether input `i` of the op is a loss's labels t (`cross_entropy`, `softmax_with_loss`):
  /// data the loss compares against, which nothing learns, so no gradient is followed to it.
  public func isLabelSlot(_ i: Int) -> Bool {
    (self == .crossEntropy || self == .softmaxWithLoss) && i == 1
  }
}

extension Graph {
  /// The inputs used only as a loss's labels (``Op/isLabelSlot(_:)`` in every use): no
  /// gradient is shown or checked for them.
  public var labelInputs: Set<Node.ID> {
    var uses: [Node.ID: (all: Int, labels: Int)] = [:]
    for node in nodes {
      for (i, input) in node.inputs.enumerated() where self[input].op == .input {
        var count = uses[input] ?? (0, 0)
        count.all += 1
        if node.op.isLabelSlot(i) { count.labels += 1 }
        uses[input] = count
      }
    }
    return Set(uses.filter { $0.value.all == $0.value.labels }.keys)
  }
}

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
