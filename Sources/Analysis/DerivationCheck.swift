public import GraphEngine
import LessonKit

/// The author's derivation as verified when the lesson was compiled: ∂y/∂x = step₁ = step₂
/// = …, every step equal to the backward pass's gradient at the lesson's inputs and at
/// points around them (``DerivationChecker``; a step that is not is a located error).
public struct DerivationCheck: Sendable {
  /// The output y and the variable x.
  public let output: String
  public let variable: String
  /// The sides of the chain after ∂y/∂x.
  public let steps: [Formula]
  /// At how many points each step was evaluated.
  public let points: Int

  init?(_ compiled: CompiledLesson) {
    guard let derivation = compiled.lesson.derivation else { return nil }
    output = compiled.graph.outputName
    variable = derivation.variable.value
    steps = derivation.steps.map(\.formula)
    points = DerivationChecker.sampleCount
  }
}
