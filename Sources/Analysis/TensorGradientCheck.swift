public import GraphEngine
public import LessonKit

/// A lesson of vectors and matrices checked element by element against central
/// differences: for each element x of each input (its labels aside), the backpropagated
/// ∂L/∂x against (L(x + h) − L(x − h))/2h with the step of the lessons of numbers
/// (``GradientCheck/step(at:)``, 10⁻⁶·max(1, |x|)), where L = Σ ∂L/∂Y ⊙ Y
/// (the seed as the upstream gradient), judged by the rule of the lessons of numbers
/// (``GradientCheck/verdict(backprop:estimate:value:step:)``): CS231n's relative error
/// |a − n| / max(|a|, |n|), taken as 0 where the difference is within what rounding in
/// L(x ± h) alone makes (``GradientCheck/roundingBound(value:step:)``: a true 0 estimated
/// as 10⁻¹¹ has a relative error of 1, yet agrees).
///
/// Each element costs two forward passes; the checks together stay under `budget` units of
/// work (a unit: one element of one node's value computed once, a product's by its inner
/// size, about 50 for a node itself), so a large lesson has its first elements of each input
/// checked (up to 10 each), a small one every element (up to ``checkedElements``).
public struct TensorGradientCheck: Sendable {
  /// One element checked.
  public struct Row: Sendable {
    /// The input's name.
    public var input: String
    /// The element's index in the input's value (row-major).
    public var element: Int
    /// The input's shape, for numpy's index of the element.
    public var shape: Shape
    public var analytic: Double
    public var numeric: Double
    /// The relative error, 0 where the difference is within rounding.
    public var relativeError: Double
    public var verdict: GradientCheck.Verdict
  }

  /// The elements checked, input by input.
  public var rows: [Row] = []
  /// How many elements the inputs (their labels aside) have in all.
  public var total = 0
  /// The largest relative error (0 when nothing was checked).
  public var worst = 0.0

  /// Up to this many elements in all are checked when the budget allows.
  public static let checkedElements = 2_500

  public init(_ compiled: CompiledTensorLesson, budget: Int = 20_000_000) {
    let graph = compiled.graph
    let evaluation = compiled.evaluation
    var inputs: [String: Tensor] = [:]
    for id in graph.inputs { inputs[graph[id].name ?? ""] = evaluation.values[id] }
    let seed = evaluation.upstream
    func loss(_ values: [String: Tensor]) -> Double? {
      // L(x ± h) needs the forward pass only.
      guard case .success(let pass) = TensorEvaluator.forward(graph, inputs: values) else {
        return nil
      }
      return zip(pass.values[graph.output].elements, seed.elements).reduce(0) { $0 + $1.0 * $1.1 }
    }
    let labels = graph.labelInputs
    let checked = graph.inputs.filter { !labels.contains($0) }
    total = checked.reduce(0) { $0 + evaluation.values[$1].shape.count }
    // A graph of 10,000 small nodes gets 19 checks, not 1,000.
    let pass = graph.nodes.reduce(1) { work, node in
      let y = evaluation.values[node.id].shape.count + 50
      guard node.op.multipliesMatrices else { return work + y }
      return work + y * (evaluation.values[node.inputs[1]].shape.dimensions.first ?? 1)
    }
    let affordable = max(checked.count, budget / (2 * pass))
    let perInput =
      total <= min(Self.checkedElements, affordable)
      ? Int.max : max(1, min(10, affordable / max(1, checked.count)))
    // L at the inputs themselves: the size of the values whose rounding the differences see.
    let at = loss(inputs) ?? 0
    for id in checked {
      let name = graph[id].name ?? ""
      let value = evaluation.values[id]
      for k in value.elements.indices.prefix(perInput) {
        let h = GradientCheck.step(at: value.elements[k])
        var plus = inputs
        var minus = inputs
        plus[name]?.elements[k] += h
        minus[name]?.elements[k] -= h
        guard let up = loss(plus), let down = loss(minus) else { continue }
        let numeric = (up - down) / (2 * h)
        let analytic = evaluation.gradients[id].elements[k]
        let verdict = GradientCheck.verdict(
          backprop: analytic, estimate: numeric, value: at, step: h)
        let relative = GradientCheck.relativeError(analytic, numeric)
        let error = verdict == .agrees && relative >= 1e-7 ? 0 : relative
        worst = max(worst, error)
        rows.append(
          Row(
            input: name, element: k, shape: value.shape, analytic: analytic, numeric: numeric,
            relativeError: error, verdict: verdict))
      }
    }
  }
}
