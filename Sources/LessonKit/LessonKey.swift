import ExpressionLanguage
import GraphEngine

/// The top-level keys a lesson file may have (see docs/LESSONS.md).
enum LessonKey: String, CaseIterable {
  case title
  case function
  case inputs
  case upstream
  case description
  case figures
  case style
  case labels
  case steps
  case lang
  case introduction
  case notes
  case derivation
  case translations
  case plot

  static let required: [LessonKey] = [.title, .function, .inputs]

  /// The known key nearest to a misspelling, if one is close (edit distance ≤ 2).
  static func suggestion(for key: String) -> LessonKey? {
    Suggestion.closest(to: key, in: allCases.map(\.rawValue)).flatMap(LessonKey.init(rawValue:))
  }
}
