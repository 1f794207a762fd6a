import ExpressionLanguage
import GraphEngine

/// Verifies a lesson's derivation by evaluation: at the lesson's inputs and at a few points
/// around them, the first step must equal the gradient of the output with respect to the
/// derivation's variable (from the backward pass), and each later step the one before it.
public enum DerivationChecker {
  /// How many points each step is evaluated at.
  public static let sampleCount = 5

  /// Relative tolerance of the comparisons.
  static let tolerance = 1e-8

  static func problems(_ derivation: Derivation, lesson: Lesson, graph: Graph, upstream: Double)
    -> [EngineDiagnostic]
  {
    let variable = derivation.variable.value
    guard let input = graph.inputs.first(where: { graph[$0].name == variable }) else {
      return [
        EngineDiagnostic(
          "the derivation is by '\(variable)', which is not an input of the function",
          at: derivation.variable.location)
      ]
    }
    var known = Set(graph.nodes.compactMap(\.name))
    known.insert(graph.outputName)
    for step in derivation.steps {
      for case .variable(let name) in step.program.expressions.map(\.kind)
      where !known.contains(name) {
        return [
          EngineDiagnostic(
            "'\(name)' is not a name of the function; a step may use the inputs and the "
              + "names the function assigns", at: step.location)
        ]
      }
    }
    var checked = 0
    for values in samplePoints(lesson) {
      guard case .success(let e) = Evaluator.evaluate(graph, inputs: values, upstream: 1) else {
        continue
      }
      var symbols: [String: Double] = values
      for node in graph.nodes { if let name = node.name { symbols[name] = e.value(node.id) } }
      symbols[graph.outputName] = e.value(graph.output)
      var previous = e.gradient(input)
      var previousName = "∂\(graph.outputName)/∂\(variable)"
      var ok = true
      for (k, step) in derivation.steps.enumerated() {
        guard let value = step.formula.evaluate(symbols: symbols), value.isFinite else {
          ok = false
          break
        }
        if Swift.abs(value - previous) > tolerance * Swift.max(1, Swift.abs(previous)) {
          let at = values.keys.sorted().map { "\($0) = \(short(values[$0] ?? 0))" }
            .joined(separator: ", ")
          return [
            EngineDiagnostic(
              "this step is not equal to \(previousName): at \(at) it is \(short(value)), "
                + "but \(previousName) is \(short(previous))", at: step.location)
          ]
        }
        previous = value
        previousName = "step \(k + 1)"
      }
      if ok { checked += 1 }
    }
    if checked < 2, let first = derivation.steps.first {
      return [
        EngineDiagnostic(
          "the derivation could not be checked: its steps are not defined near the inputs",
          at: first.location)
      ]
    }
    return []
  }

  /// The lesson's inputs, then four points around them.
  static func samplePoints(_ lesson: Lesson) -> [[String: Double]] {
    var points: [[String: Double]] = []
    for k in 0..<sampleCount {
      var values: [String: Double] = [:]
      for (i, input) in lesson.inputs.enumerated() {
        let sign = (k + i) % 2 == 0 ? 1.0 : -1.0
        values[input.name] = input.value * (1 + 0.11 * Double(k)) + sign * 0.07 * Double(k)
      }
      points.append(values)
    }
    return points
  }

  private static func short(_ v: Double) -> String {
    NumberFormat.shortest(significantDigits: 6).format(v)
  }
}
