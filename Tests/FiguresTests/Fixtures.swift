import Analysis
import Drawing
import Figures
import GraphEngine
import LessonKit

/// The figures of a built-in lesson, composed with text sizes estimated (no fonts): for
/// checks of what the figures show, which does not depend on how large the text is.
func figures(
  _ id: String, style: Theme, labels: LabelMode = .numeric,
  kinds: [FigureKind] = FigureKind.allCases, blanks: Blanks = .none
) throws -> [Figure] {
  let compiled = try LessonSource.builtin(id).compile()
  return FigureSet(
    LessonAnalysis(compiled, figures: kinds, convention: style.convention),
    theme: style, labels: labels, blanks: blanks,
    titles: { "\(compiled.lesson.title) — \($0.fileStem)" }
  ).compose(measurer: EstimatedTextMeasurer())
}
