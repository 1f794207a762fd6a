import ExpressionLanguage
public import GraphEngine
import LessonKit

/// A lesson's function of its one input over a range, and its derivative, as the engine
/// computes them: the data of the `plot` figure.
///
/// Each sample runs the lesson's own graph forward and backward at that input (the same
/// ``Evaluator`` as the lesson's numbers), so the curve of dy/dx is the backward pass's
/// result, not a finite difference. Where the function is not defined (log of a negative,
/// a division by zero) the sample is missing and the curve breaks.
public struct FunctionPlot: Sendable {
  /// The input's and the output's names (`x`, `y`).
  public let input: String
  public let output: String
  /// The input's range.
  public let from: Double
  public let to: Double
  /// The samples in order of x; `y` and `slope` are nil where the graph cannot be evaluated.
  public let samples: [Sample]
  /// The lesson's point: its input value, the output there and the derivative.
  public let point: Sample
  /// Where the derivative turns (a maximum or minimum inside the range, as σ′'s peak of 0.25
  /// at 0), found between samples and refined by golden-section search on the engine's own
  /// gradient; none when the derivative turns more than three times.
  public let turningPoints: [Sample]
  /// The derivative's closed form in terms of the output and the input, when the output is
  /// a composite applied to the input (`y(1 − y)` for sigmoid), for the legend.
  public let closedForm: Formula?

  /// One point of both curves.
  public struct Sample: Sendable {
    public var x: Double
    public var y: Double?
    public var slope: Double?
  }

  /// Samples across the range: enough that the curves look smooth at print size (an A4
  /// figure is about 400 pt wide: 2 pt a step).
  public static let sampleCount = 201

  /// The plot of a lesson with exactly one input, over the lesson's `plot` range or an
  /// automatic one: [−6, 6], widened to keep the lesson's point 2 away from either end.
  public init?(_ compiled: CompiledLesson, composites: [CompositeChain]) {
    let graph = compiled.graph
    guard graph.inputs.count == 1, let name = graph[graph.inputs[0]].name,
      let x0 = compiled.inputValues[name]
    else { return nil }
    input = name
    output = graph.outputName
    func sample(_ x: Double) -> Sample {
      switch Evaluator.evaluate(graph, inputs: [name: x]) {
      case .success(let e):
        Sample(x: x, y: e.value(graph.output), slope: e.gradient(graph.inputs[0]))
      case .failure: Sample(x: x, y: nil, slope: nil)
      }
    }
    let n = Self.sampleCount
    func sampled(_ lo: Double, _ hi: Double) -> [Sample] {
      (0..<n).map { k in sample(lo + (hi - lo) * Double(k) / Double(n - 1)) }
    }
    var range: (Double, Double)
    var drawn: [Sample]
    if let chosen = compiled.lesson.plot {
      range = (chosen.from, chosen.to)
      drawn = sampled(chosen.from, chosen.to)
    } else {
      // −6 to 6 shows an activation whole (σ, tanh, relu); but where the function grows so
      // much there (a cubic reaches ±1,000) that around the lesson's point it would look flat,
      // the plot keeps to x0 ± 2 instead, where the tangent can be seen.
      range = (Swift.min(-6, (x0 - 2).rounded(.down)), Swift.max(6, (x0 + 2).rounded(.up)))
      drawn = sampled(range.0, range.1)
      let values = drawn.compactMap(\.y).filter(\.isFinite)
      let span = (values.max() ?? 0) - (values.min() ?? 0)
      let y0 = sample(x0).y ?? 0
      let near = [x0 - 1, x0 + 1].compactMap { sample($0).y }.map { abs($0 - y0) }
      if let local = near.max(), local > 0, span > 0, local < 0.05 * span {
        range = ((x0 - 2).rounded(.down), (x0 + 2).rounded(.up))
        drawn = sampled(range.0, range.1)
      }
    }
    (from, to) = range
    self.samples = drawn
    // The derivative's turning points, refined: golden-section search between the samples
    // around each one, on the slope the backward pass gives.
    var turns: [Sample] = []
    let candidates = drawn.indices.dropFirst().dropLast().filter { k in
      guard let a = drawn[k - 1].slope, let b = drawn[k].slope, let c = drawn[k + 1].slope
      else { return false }
      return (b > a && b > c) || (b < a && b < c)
    }
    // More than three turns (an oscillation) are not labelled, so not refined either: each
    // refinement runs the graph 120 times.
    if candidates.count <= 3 {
      for k in candidates {
        guard let a = drawn[k - 1].slope, let b = drawn[k].slope else { continue }
        let sign = b > a ? 1.0 : -1.0
        var lo = drawn[k - 1].x
        var hi = drawn[k + 1].x
        let ratio = (5.0.squareRoot() - 1) / 2
        for _ in 0..<60 {
          let m1 = hi - ratio * (hi - lo)
          let m2 = lo + ratio * (hi - lo)
          let s1 = (sample(m1).slope.map { $0 * sign }) ?? -.infinity
          let s2 = (sample(m2).slope.map { $0 * sign }) ?? -.infinity
          if s1 < s2 { lo = m1 } else { hi = m2 }
        }
        var x = (lo + hi) / 2
        // A turn within rounding of a sample (σ′ at 0) is at that sample.
        if abs(x - drawn[k].x) < 1e-7 * (range.1 - range.0) { x = drawn[k].x }
        turns.append(sample(x))
      }
    }
    turningPoints = turns
    let e = compiled.evaluation
    point = Sample(x: x0, y: e.value(graph.output), slope: e.gradient(graph.inputs[0]))
    // sigmoid(x), tanh(x): the derivative the textbooks write, in y.
    if let chain = composites.first(where: { $0.node == graph.output }),
      graph[graph.output].inputs == [graph.inputs[0]]
    {
      closedForm = chain.closedForm.substituting(symbols: [
        "u": .symbol(name), "y": .symbol(output),
      ]).tidied()
    } else {
      closedForm = nil
    }
  }
}
