public import GraphEngine

extension TensorFigure {
  /// The nodes whose rows are a batch's N inputs, for writing their shapes with the letter
  /// N as DLFS and CS231n do in symbolic figures (`X (N, 2)`, `(N×2)·(2×3) → N×3`).
  ///
  /// A batch starts at a matrix of more than one row that is the left operand of a matrix
  /// product (X of X @ W, or of affine) or the scores of a loss with labels (their rows the
  /// examples it averages over); a product of a batch on the left, and an
  /// element-by-element op or softmax of a batch with as many rows, is one too; then what
  /// meets a batch row for row becomes one: the labels t of a loss on a batch (one-hot rows,
  /// or one class index a row), a bias repeated to N rows; and a batch's matrix reduced
  /// along each row (axis 1) is a batch's vector, (N,). Anything else (W, a bias (3,), a row
  /// of one) keeps its numbers.
  public static func batchRows(_ graph: Graph, shapes: [Shape]) -> Set<Node.ID> {
    func rows(_ id: Node.ID) -> Int? {
      shapes[id].rank == 2 ? shapes[id].dimensions[0] : nil
    }
    var batch = Set<Node.ID>()
    for node in graph.nodes where node.op.multipliesMatrices {
      let left = node.inputs[0]
      if graph[left].op == .input, let n = rows(left), n > 1 { batch.insert(left) }
    }
    // A loss with labels takes its scores' rows for a batch's examples (it divides by them).
    for node in graph.nodes where !node.op.tensorRule.labels.isEmpty {
      if let n = rows(node.inputs[0]), n > 1 { batch.insert(node.inputs[0]) }
    }
    for node in graph.nodes where node.op != .input && node.op != .constant {
      // Each row of a batch reduced along its other axis: still one entry an example, (N,).
      if node.op.descriptor.axis != nil, batch.contains(node.inputs[0]),
        shapes[node.inputs[0]].rank == 2,
        AxisParameter(node.parameter).index(in: shapes[node.inputs[0]]) == 1
      {
        batch.insert(node.id)
        continue
      }
      guard let n = rows(node.id) else { continue }
      switch node.op {
      case _ where node.op.multipliesMatrices:
        if batch.contains(node.inputs[0]) { batch.insert(node.id) }
      case _ where node.op.role == .rowCopies:
        continue
      case .sum, .sumAxis, .mean:
        continue
      default:
        if node.inputs.contains(where: { batch.contains($0) && rows($0) == n }) {
          batch.insert(node.id)
        }
      }
    }
    // What meets a batch row for row: a loss's labels, a repeated bias.
    for node in graph.nodes where !node.op.multipliesMatrices {
      let batchRows = node.inputs.first { batch.contains($0) }.flatMap(rows)
      guard let n = batchRows else { continue }
      for (i, input) in node.inputs.enumerated() {
        if rows(input) == n,
          graph[input].op == .input || graph[input].op.role == .rowCopies
        {
          batch.insert(input)
        } else if node.op.isLabelSlot(i), shapes[input].rank == 1,
          shapes[input].count == n
        {
          // CS231n's y: one class index a row, (N,).
          batch.insert(input)
        }
      }
    }
    return batch
  }

  /// A shape as the wires write it, `(2, 3)`, or with N for a batch's rows, `(N, 3)` (a
  /// batch's class indices `(N,)`).
  static func shapeText(_ shape: Shape, batch: Bool) -> String {
    guard batch, (1...2).contains(shape.rank) else { return shapeText(shape) }
    return shape.rank == 1 ? " (<i>N</i>,)" : " (<i>N</i>, \(shape.dimensions[1]))"
  }
}
