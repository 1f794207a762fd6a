import GraphEngine

/// One input's gradient from the backward pass checked against a central difference,
/// (f(x + h) − f(x − h)) / 2h with h = 10⁻⁶·max(1, |x|), times the upstream gradient.
public struct GradientCheck: Sendable {
  /// The input's name.
  public let input: String
  /// The step h.
  public let step: Double
  public let outcome: Outcome

  public enum Outcome: Sendable {
    /// Both gradients, `backprop` from the backward pass, `estimate` from the difference,
    /// their ``GradientCheck/relativeError(_:_:)`` and the verdict on it.
    case compared(backprop: Double, estimate: Double, relativeError: Double, verdict: Verdict)
    /// No central difference could be taken.
    case skipped(Skip)
  }

  /// Why an input has no central difference.
  public enum Skip: Sendable {
    /// x ± h is not a finite number.
    case stepNotFinite
    /// The function cannot be evaluated at x ± h; the engine's message says why.
    case notEvaluable(String)
    /// Both values are finite but their difference quotient is not.
    case quotientNotFinite
  }

  /// How far apart the two gradients are, in the bands of CS231n's notes on gradient
  /// checks (relative error above 10⁻² "probably wrong", 10⁻⁴ to 10⁻² "uncomfortable",
  /// 10⁻⁷ to 10⁻⁴ "okay for objectives with kinks", below 10⁻⁷ "happy").
  public enum Verdict: Sendable, Equatable {
    /// Equal to rounding: relative error below 10⁻⁷, or a difference within what rounding
    /// in f(x ± h) alone can make (see ``GradientCheck/roundingBound(value:step:)``).
    case agrees
    /// Relative error from 10⁻⁷ to 10⁻⁴.
    case close
    /// Relative error from 10⁻⁴ to 10⁻².
    case doubtful
    /// Relative error above 10⁻².
    case disagrees
  }

  /// The step h at x: 10⁻⁶·max(1, |x|), small against x but far above rounding.
  public static func step(at x: Double) -> Double { 1e-6 * Swift.max(1, Swift.abs(x)) }
  /// The same rule as the walk-through writes it.
  public static let stepRule = "10⁻⁶·max(1, |x|)"

  /// |a − n| / max(|a|, |n|), 0 when both are 0 (CS231n's relative error).
  public static func relativeError(_ a: Double, _ n: Double) -> Double {
    let scale = Swift.max(Swift.abs(a), Swift.abs(n))
    return scale == 0 ? 0 : Swift.abs(a - n) / scale
  }

  /// The largest difference rounding alone makes in a central difference: f(x ± h) each
  /// carry a relative error of about ε = 2⁻⁵², so their difference over 2h is off by about
  /// ε·|f(x)|/h; ten times that is still rounding. (A true gradient of 0 estimated as 10⁻¹¹
  /// has a relative error of 1, yet agrees.)
  public static func roundingBound(value: Double, step: Double) -> Double {
    10 * Double.ulpOfOne * Swift.max(1, Swift.abs(value)) / step
  }

  /// The verdict on `backprop` against `estimate`, for a function whose value is `value`.
  public static func verdict(backprop: Double, estimate: Double, value: Double, step: Double)
    -> Verdict
  {
    let error = relativeError(backprop, estimate)
    if error < 1e-7
      || Swift.abs(backprop - estimate) <= roundingBound(value: value, step: step)
    {
      return .agrees
    }
    if error < 1e-4 { return .close }
    return error < 1e-2 ? .doubtful : .disagrees
  }

  /// Checks every input of `evaluation`'s graph named in `inputs` (in that order).
  static func all(
    _ evaluation: Evaluation, inputs: [String: Double], order: [String]
  ) -> [GradientCheck] {
    let graph = evaluation.graph
    let value = evaluation.value(graph.output)
    var checks: [GradientCheck] = []
    for name in order {
      guard let id = graph.inputs.first(where: { graph[$0].name == name }) else { continue }
      let x = inputs[name] ?? 0
      let h = step(at: x)
      func skipped(_ why: Skip) {
        checks.append(GradientCheck(input: name, step: h, outcome: .skipped(why)))
      }
      guard (x + h).isFinite, (x - h).isFinite else {
        skipped(.stepNotFinite)
        continue
      }
      var plus = inputs
      var minus = inputs
      plus[name] = x + h
      minus[name] = x - h
      let up: Double
      let down: Double
      switch (Evaluator.output(graph, inputs: plus), Evaluator.output(graph, inputs: minus)) {
      case (.success(let a), .success(let b)): (up, down) = (a, b)
      case (.failure(let problem), _), (_, .failure(let problem)):
        skipped(.notEvaluable(problem.diagnostics.first?.message ?? "a value is not finite"))
        continue
      }
      let estimate = (up - down) / (2 * h) * evaluation.upstream
      guard estimate.isFinite else {
        skipped(.quotientNotFinite)
        continue
      }
      let backprop = evaluation.gradient(id)
      let verdict = Self.verdict(
        backprop: backprop, estimate: estimate, value: value * evaluation.upstream, step: h)
      checks.append(
        GradientCheck(
          input: name, step: h,
          outcome: .compared(
            backprop: backprop, estimate: estimate,
            relativeError: relativeError(backprop, estimate), verdict: verdict)))
    }
    return checks
  }
}
