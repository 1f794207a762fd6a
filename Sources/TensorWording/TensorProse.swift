public import GraphEngine

/// The generated sentences of a walk-through of a lesson of vectors and matrices, in one
/// language: one catalogue per language (``EnglishTensorProse``, ``KoreanTensorProse``), each
/// a complete conformance, as ``Prose`` is for lessons of numbers.
public protocol TensorProse: Sendable {
  var language: Language { get }
  func figureTitle(_ title: String) -> String
  func expandedTitle(_ title: String) -> String
  /// Before the expanded figure: what was drawn apart (`affine`: MatMul and +; `repeats`: a
  /// batch's row through a Repeat node; `loss`: Softmax-with-Loss as its two nodes).
  func expandedIntro(affine: Bool, repeats: Bool, loss: Bool) -> String
  func expandedAlt(_ title: String) -> String
  var classesHeading: String { get }
  /// Introduces the figure of ``Analysis/SoftmaxClasses``: what its nodes are; on a batch,
  /// that each row has its own and the error is their mean. `gates`: the figure draws
  /// CS231n's gates (`1/x`, `*`, `*−1`) rather than the textbook's operators (/, ×, ×(−1)).
  func classesIntro(_ classes: Int, rows: Int, gates: Bool) -> String
  /// What the drawn-out graph brings back to each score: yₖ − tₖ (over N on a batch), with
  /// the numbers; `score` names a score by its subscript (`a₁₂`).
  func classesResult(
    _ parts: [(score: String, y: String, t: String, gradient: String)], rows: Int,
    upstream: String?
  ) -> String
  /// The caption of the class-by-class figure: numbers, not matrices.
  var classesCaption: String { get }
  func classesAlt(_ title: String) -> String
  func classesTitle(_ title: String) -> String
  /// Why the Softmax-with-Loss layer is not drawn out class by class.
  func classesOmitted(_ why: String) -> String
  /// Why a small graph has no step figures: it does not print whole on a page. (Not "the
  /// figure above": in the handout such a figure floats to a landscape page after the text.)
  var stepsTooWide: String { get }
  var stepsHeading: String { get }
  func stepTitle(_ title: String, _ k: Int, _ n: Int) -> String
  /// One step of the backward pass: what the node receives and what it sends back.
  func step(
    _ k: Int, of n: Int, node: String, receives: (String, Shape), sends: [(String, Shape)]
  ) -> String
  var graphHeading: String { get }
  /// The row-vector convention (stated where the lesson multiplies matrices) and how the
  /// wires are labelled.
  func convention(products: Bool) -> String
  func figureAlt(_ title: String) -> String
  /// The caption under a graph figure; with symbolic labels the gradients are formulas
  /// and no matrix is written out.
  func caption(symbolic: Bool) -> String
  /// A step figure's caption: which step, which node (highlighted), then `caption`.
  func stepCaption(_ k: Int, of n: Int, node: String, symbolic: Bool) -> String
  var shapesHeading: String { get }
  /// Opens the section of gradients found by their shapes; the matrix product's argument
  /// only where there is one.
  func shapesIntro(products: Bool) -> String
  /// The short names of the unnamed wires whose expression is too long to name them, each
  /// `u₁ = …`, as the figures' legend gives them.
  func shortNames(_ definitions: [String]) -> String
  /// An element-by-element op's backward pass: ∂L/∂x = ∂L/∂y ⊙ (local gradient).
  func elementwise(_ op: String, x: String, y: String, local: String) -> String
  /// y = a ⊙ b, a / b, a ^ b on arrays: each input's local gradient at every element.
  func elementwisePair(_ op: String, a: String, b: String, y: String) -> String
  /// cross_entropy(p, t) on arrays: −Σ t·log p / N, sending back −t/(N·p).
  func crossEntropy(_ p: String, _ t: String) -> String
  /// max(a, b) or min(a, b) on arrays: numpy's element-by-element maximum (minimum), not a
  /// reduction over an axis.
  func gate(_ op: String, a: String, b: String, y: String) -> String
  func matmul(
    x: String, w: String, y: String, transposed: (x: String, w: String), xShape: Shape,
    wShape: Shape, yShape: Shape
  ) -> String
  /// `b` was broadcast to `output` along `axes` (``GraphEngine/GradientShapes/broadcastAxes(from:to:)``):
  /// added to every row ([0]), every column ([1] of a matrix), or stretched along several;
  /// `negated` when it was subtracted (its gradient is then −∂L/∂Y summed). `addend` is
  /// what it was added to (X·W, not the sum X·W + b); `output` the sum, whose gradient is
  /// summed.
  func bias(
    _ b: String, _ shape: Shape, _ y: Shape, to addend: String, output: String, axes: [Int],
    negated: Bool
  ) -> String
  /// After the name of a loss's labels: its shape and value, and why it has no gradient.
  func labelSentence(_ shape: Shape, _ value: String) -> String
  /// After the name of a loss's labels set as a matrix above.
  var labelsHaveNoGradient: String { get }
  func softmaxWithLoss(_ a: String, _ t: String) -> String
  func repeatSum(_ x: String, _ n: Int) -> String
  /// A transpose y = xᵀ: each element moved, so each gradient moved back.
  func transposed(_ x: String, _ y: String) -> String
  /// An op along an axis, `function` its name in a lesson (`sum`, `mean`, `max`,
  /// `logsumexp`, `softmax`, `log_softmax`): what it does to each lane of x and what each
  /// element gets back. `lanes` says which lanes (``AxisLanes``); `kept` for keepdims=true;
  /// `n` the lane's length.
  func alongAxis(
    _ function: String, x: String, y: String, lanes: AxisLanes, kept: Bool, n: Int
  ) -> String
  var lossHeading: String { get }
  /// An exercise sheet's title, what it asks, its figure's caption, its answers' heading.
  func exerciseTitle(_ title: String) -> String
  func exerciseIntro(forward: Bool) -> String
  var exerciseCaption: String { get }
  var answerKeyHeading: String { get }
  /// A loss written out of its parts, its gradient derived whole: `input` the scores S (z, Y),
  /// `middle` P = softmax(S) (p = σ(z), Y − T), `target` T, `count` N (N·D elements for the
  /// squared error), `rows` for a batch.
  func lossDerivation(
    _ kind: LossKind, input: String, middle: String, target: String, count: Int, indices: Bool
  ) -> String
  /// After a gradient formula of a value used `uses` times: it is one branch's share.
  func branchShare(_ x: String, uses: Int) -> String
  /// y = a − b of one shape: ∂L/∂y to a, negated to b.
  func difference(_ a: String, _ b: String, y: String) -> String
  /// The labels as class indices (CS231n's y): one per row of `classes` scores, standing
  /// for one-hot rows.
  func classIndices(_ t: String, rows: Int, classes: Int, loss: String) -> String
  var valuesHeading: String { get }
  /// After the input's name: its shape, value and gradient.
  func valueSentence(_ shape: Shape, _ value: String, _ gradient: String, of name: String)
    -> String
  /// Introduces the output's value set as a matrix under it.
  func outputIs(_ name: String, _ shape: Shape) -> String
  /// The output `y` is a layer's, not the loss: the gradient reaching it, `value`, is given.
  func givenUpstream(_ y: String, _ value: String) -> String
  func outputSentence(_ name: String, _ value: String, _ shape: Shape) -> String
  var checkHeading: String { get }
  func checkIntro(checked: Int, of total: Int) -> String
  var checkHeader: [String] { get }
  /// CS231n's reading of the largest relative error (`worst`, written as `text`).
  func checkVerdict(_ worst: Double, _ text: String) -> String
}

/// The tensor catalogue for a language.
/// The losses whose gradient the walk-through derives whole (Analysis's `LossDerivation`).
public enum LossKind: Sendable {
  case softmaxCrossEntropy, binaryCrossEntropy, meanSquaredError
}

/// The lanes an op along an axis works on, as the walk-through names them: each row of a
/// matrix (axis 1 or −1), each column (axis 0 or −2), or all of a vector or of every element.
public enum AxisLanes: Sendable {
  case rows, columns, all
}

public func tensorProse(for language: Language) -> any TensorProse {
  switch language {
  case .english: EnglishTensorProse()
  case .korean: KoreanTensorProse()
  }
}

extension TensorProse {
  /// The check's difference and relative error, with no-break spaces so that no line
  /// breaks inside them.
  static var difference: String { "(L(x\u{A0}+\u{A0}h)\u{A0}−\u{A0}L(x\u{A0}−\u{A0}h))/2h" }
  static var relative: String { "|a\u{A0}−\u{A0}n|/max(|a|,\u{A0}|n|)" }

  /// `∂L/∂X (2, 3)`: a gradient named with its shape (none for a number's).
  func gradient(_ pair: (String, Shape)) -> String {
    "∂L/∂\(pair.0)" + (pair.1.isScalar ? "" : " \(pair.1)")
  }

  /// Whether another order of a matrix product's factors would give its gradients' shapes
  /// too, so that the dimension check alone decides nothing: for X (N, D)·W (D, H),
  /// W·(∂L/∂Y)ᵀ is (N, D) when N = D, and (∂L/∂Y)ᵀ·X is (D, H) when D = H ((3, 3)·(3, 3)).
  static func shapesAlike(_ x: Shape, _ w: Shape) -> Bool {
    guard x.rank == 2, w.rank == 2 else { return false }
    let (n, d, h) = (x.dimensions[0], x.dimensions[1], w.dimensions[1])
    return n == d || d == h
  }

  /// CS231n's reading of the largest relative error.
  public func checkVerdict(_ worst: Double) -> String {
    // Two digits, more where two would round a value under CS231n's 1e−7 up to it (9.96e−8
    // read "1e−7: below 1e−7").
    var digits = 2
    var plain = NumberFormat.shortest(significantDigits: digits).format(worst)
    while worst < 1e-7, (Double(plain) ?? 0) >= 1e-7, digits < 17 {
      digits += 1
      plain = NumberFormat.shortest(significantDigits: digits).format(worst)
    }
    return checkVerdict(worst, String(plain.map { $0 == "-" ? "−" : $0 }))
  }
}
