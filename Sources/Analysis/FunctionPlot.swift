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
    if let range = compiled.lesson.plot {
      from = range.from
      to = range.to
    } else {
      from = Swift.min(-6, (x0 - 2).rounded(.down))
      to = Swift.max(6, (x0 + 2).rounded(.up))
    }
    func sample(_ x: Double) -> Sample {
      switch Evaluator.evaluate(graph, inputs: [name: x]) {
      case .success(let e):
        Sample(x: x, y: e.value(graph.output), slope: e.gradient(graph.inputs[0]))
      case .failure: Sample(x: x, y: nil, slope: nil)
      }
    }
    let n = Self.sampleCount
    let (lo, hi) = (from, to)
    samples = (0..<n).map { k in sample(lo + (hi - lo) * Double(k) / Double(n - 1)) }
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
