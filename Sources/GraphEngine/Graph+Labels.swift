extension Op {
  /// Whether input `i` of the op is a loss's labels t (`cross_entropy`, `softmax_with_loss`;
  /// ``TensorRule/labels``): data the loss compares against, which nothing learns, so no
  /// gradient is followed to it.
  public func isLabelSlot(_ i: Int) -> Bool { descriptor.tensor?.labels.contains(i) ?? false }
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
