public import GraphEngine

/// A loss written out of its parts whose combined gradient the books derive whole, found in a
/// lesson of vectors and matrices, with the numbers that show it:
/// - softmax then the cross-entropy error (DLFS's Softmax-with-Loss): ∂L/∂S = (P − T)/N;
/// - a sigmoid then the binary cross-entropy −mean(t·log p + (1 − t)·log(1 − p))
///   (Sigmoid-with-Loss): ∂L/∂z = (p − t)/N;
/// - the mean of a squared difference (the mean squared error): ∂L/∂Y = 2(Y − T)/(N·D).
///
/// Each is found by its parts (``GraphEngine/OpDescriptor/LossPart``) and kept only when the
/// engine's own backward pass agrees with the combined formula at every element (relative
/// error ≤ 1e-9): labels whose rows do not add up to 1, or a binary cross-entropy written
/// another way, are not claimed to give what they do not.
public struct LossDerivation: Sendable {
  public enum Kind: Sendable, Equatable {
    case softmaxCrossEntropy, binaryCrossEntropy, meanSquaredError
  }

  public let kind: Kind
  /// S, z or Y: the input whose gradient is derived.
  public let input: Node.ID
  /// P = softmax(S) or p = σ(z); for the squared error, the difference Y − T.
  public let middle: Node.ID
  /// The labels or targets T, t.
  public let target: Node.ID
  /// The count the gradient is divided by: N rows (N·D elements for the squared error).
  public let count: Int
  /// The combined gradient, from the values (∂L/∂(loss) times (P − T)/N, …): the engine's
  /// along that edge.
  public let gradient: Tensor
  /// ∂L/∂(loss): 1 when the loss is the output, else what reaches it.
  public let upstream: Double

  /// Every such loss in the lesson, in graph order.
  public static func find(_ evaluation: TensorEvaluation) -> [LossDerivation] {
    let graph = evaluation.graph
    var found: [LossDerivation] = []
    for node in graph.nodes {
      switch node.op.descriptor.lossPart {
      case .logLikelihood?:
        if let d = softmaxCrossEntropy(node, evaluation) { found.append(d) }
      case .average?:
        if let d = squaredError(node, evaluation) { found.append(d) }
      case .squashing?:
        if let d = binaryCrossEntropy(node, evaluation) { found.append(d) }
      default: continue
      }
    }
    return found
  }

  /// cross_entropy(P, T) with P = softmax(S) along the rows: (P − T)/N.
  private static func softmaxCrossEntropy(_ node: Node, _ e: TensorEvaluation)
    -> LossDerivation?
  {
    let graph = e.graph
    let softmax = graph[node.inputs[0]]
    guard softmax.op.descriptor.lossPart == .probabilities,
      AxisParameter(softmax.parameter).index(in: e.values[softmax.id].shape)
        == e.values[softmax.id].shape.rank - 1
    else { return nil }
    let p = e.values[softmax.id]
    let t = OpDescriptor.oneHot(e.values[node.inputs[1]], like: p)
    let n = p.shape.rank == 2 ? p.shape.dimensions[0] : 1
    let g = e.gradients[node.id].scalar
    let combined = Tensor(p.shape, zip(p.elements, t.elements).map { g * ($0 - $1) / Double(n) })
    return checked(
      .softmaxCrossEntropy, input: softmax.inputs[0], middle: softmax.id, target: node.inputs[1],
      count: n, combined, upstream: g, engine: e.edgeGradients[softmax.id][0])
  }

  /// mean((Y − T)^2): 2(Y − T)/(N·D) to Y.
  private static func squaredError(_ node: Node, _ e: TensorEvaluation) -> LossDerivation? {
    let graph = e.graph
    let square = graph[node.inputs[0]]
    guard square.op.descriptor.lossPart == .power, square.parameter == 2 else { return nil }
    let difference = graph[square.inputs[0]]
    guard difference.op.descriptor.lossPart == .difference else { return nil }
    let d = e.values[difference.id]
    let y = e.values[difference.inputs[0]]
    guard y.shape == d.shape, !d.shape.isScalar else { return nil }
    let g = e.gradients[node.id].scalar
    let n = d.shape.count
    let combined = d.map { g * 2 * $0 / Double(n) }
    return checked(
      .meanSquaredError, input: difference.inputs[0], middle: difference.id,
      target: difference.inputs[1], count: n, combined, upstream: g,
      engine: e.edgeGradients[difference.id][0])
  }

  /// p = σ(z) whose gradient back to z is (p − t)/N for one of the lesson's inputs t of p's
  /// shape: the binary cross-entropy, however it was written.
  private static func binaryCrossEntropy(_ node: Node, _ e: TensorEvaluation)
    -> LossDerivation?
  {
    let graph = e.graph
    let p = e.values[node.id]
    guard !p.shape.isScalar else { return nil }
    let engine = e.edgeGradients[node.id][0]
    let g = e.upstream.elements.count == 1 ? e.upstream.scalar : 1
    let rows = p.shape.rank == 2 ? p.shape.dimensions[0] : 1
    for t in graph.inputs where t != node.inputs[0] && e.values[t].shape == p.shape {
      let labels = e.values[t]
      // Labels are 0 or 1 (or between, as probabilities).
      guard labels.elements.allSatisfy({ (0...1).contains($0) }) else { continue }
      for n in Set([p.shape.count, rows]).sorted() {
        let combined = Tensor(
          p.shape, zip(p.elements, labels.elements).map { g * ($0 - $1) / Double(n) })
        if let d = checked(
          .binaryCrossEntropy, input: node.inputs[0], middle: node.id, target: t, count: n,
          combined, upstream: g, engine: engine)
        {
          return d
        }
      }
    }
    return nil
  }

  private static func checked(
    _ kind: Kind, input: Node.ID, middle: Node.ID, target: Node.ID, count: Int,
    _ combined: Tensor, upstream: Double, engine: Tensor
  ) -> LossDerivation? {
    guard combined.shape == engine.shape else { return nil }
    let scale = max(engine.elements.map(Swift.abs).max() ?? 0, 1e-300)
    for (a, b) in zip(combined.elements, engine.elements) where Swift.abs(a - b) > 1e-9 * scale {
      return nil
    }
    return LossDerivation(
      kind: kind, input: input, middle: middle, target: target, count: count,
      gradient: combined, upstream: upstream)
  }
}
