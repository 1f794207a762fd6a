import Analysis
import FormulaWriting
import GraphEngine
import TensorWording

extension TensorWalkthrough {
  /// Each loss written out of its parts (``Analysis/LossDerivation``): how its parts'
  /// gradients combine into the layer's ((P − T)/N, (p − t)/N, 2(Y − T)/(N·D)), then the
  /// combined gradient and P (or p, or Y − T) written out.
  func lossSection() -> [Block] {
    let found = LossDerivation.find(evaluation)
    guard !found.isEmpty else { return [] }
    var blocks: [Block] = [.heading(level: 2, text: words.lossHeading)]
    for loss in found {
      let kind: LossKind =
        switch loss.kind {
        case .softmaxCrossEntropy: .softmaxCrossEntropy
        case .binaryCrossEntropy: .binaryCrossEntropy
        case .meanSquaredError: .meanSquaredError
        }
      let middle = middleName(loss)
      blocks.append(
        .paragraph([
          .text(
            words.lossDerivation(
              kind, input: name(loss.input), middle: middle, target: name(loss.target),
              count: loss.count,
              indices: evaluation.values[loss.target].shape.rank
                < evaluation.values[loss.middle].shape.rank))
        ]))
      let (p, t) = (Formula.symbol(middle), formula(loss.target))
      var rule: Formula
      switch loss.kind {
      case .softmaxCrossEntropy, .binaryCrossEntropy:
        rule = .quotient(.difference(p, t), .symbol("N"))
      case .meanSquaredError:
        rule = .quotient(.product([2, .difference(formula(loss.input), t)]), .symbol("N·D"))
      }
      // ∂L/∂(loss) when the loss is not L itself (0.5 · mean(…)).
      if loss.upstream != 1 { rule = .product([.number(loss.upstream), rule]) }
      var sides: [Formula] = [gradient(loss.input), rule]
      if let matrix = loss.gradient.matrixFormula { sides.append(matrix) }
      blocks.append(.equation(sides))
      if loss.kind != .meanSquaredError, let values = evaluation.values[loss.middle].matrixFormula {
        blocks.append(.equation([p, values]))
      }
    }
    return blocks
  }

  /// What the text calls softmax's (or the sigmoid's, or the difference's) output: its name,
  /// its short name, else P (p for a sigmoid) unless the lesson uses that name, else its
  /// formula.
  private func middleName(_ loss: LossDerivation) -> String {
    let node = graph[loss.middle]
    if loss.kind == .meanSquaredError { return argument(loss.middle) }
    if node.name != nil || wires.isShort(loss.middle) { return name(loss.middle) }
    let letter = loss.kind == .softmaxCrossEntropy ? "P" : "p"
    return graph.nodes.contains { $0.name == letter } ? argument(loss.middle) : letter
  }
}
