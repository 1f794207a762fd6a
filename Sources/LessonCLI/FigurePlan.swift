import Analysis
import Drawing
import Explain
import Figures
import GraphEngine
import Handout
import LessonKit
import Publishing

/// The style, labels and figures of one run: the lesson's choices, then the flags' overrides.
struct FigurePlan {
  var theme: Theme
  var labels: LabelMode
  var kinds: [FigureKind]
  /// The language of the generated prose: `--lang`, else the lesson's `lang`.
  var language: Language
  /// The handout's paper.
  var paper: Paper = .a4
  /// What the exercise sheet leaves blank; `.none`: no exercise sheet.
  var exercise: Blanks = .none
  /// How the Markdown delimits math.
  var math: MathFlavour = .dollars
  /// How the handout prints the step figures: `--steps`, else the lesson's `steps`, else
  /// small multiples.
  var steps: StepLayout = .grid

  /// The handout's style for this plan (its step layout).
  var handoutStyle: HandoutStyle {
    var style = HandoutStyle.standard
    style.steps = steps
    return style
  }

  /// - Throws: a located error for an unknown name in the lesson's `style`, `labels` or
  ///   `figures`.
  static func make(
    for compiled: CompiledLesson, style: String?, labels: String?, language: Language? = nil
  ) throws(LessonError) -> FigurePlan {
    try make(
      for: compiled.lesson, defaultKinds: LessonAnalysis.defaultFigures(for: compiled.graph),
      style: style, labels: labels, language: language)
  }

  /// The plan of a lesson of vectors and matrices: its figures are the graph, the expanded
  /// graph and the steps (a `figures` list may leave some out).
  static func make(
    for compiled: CompiledTensorLesson, style: String?, labels: String?, language: Language? = nil
  ) throws(LessonError) -> FigurePlan {
    try make(
      for: compiled.lesson, defaultKinds: [.graph, .expanded, .steps], style: style,
      labels: labels, language: language)
  }

  private static func make(
    for lesson: Lesson, defaultKinds: [FigureKind], style: String?, labels: String?,
    language: Language?
  ) throws(LessonError) -> FigurePlan {
    var problems: [Diagnostic] = []
    func problem(_ message: String, _ at: Located<String>) {
      problems.append(
        Diagnostic(
          path: lesson.path, location: at.location, message: message,
          sourceLine: lesson.source.line(at.location.line)))
    }
    var theme = Theme.dlfs
    if let name = style ?? lesson.style?.value {
      if let found = Theme.named(name) {
        theme = found
      } else if let written = lesson.style, style == nil {
        problem("unknown style '\(name)'; the styles are \(Self.styleNames)", written)
      }
    }
    var mode = LabelMode.numeric
    if let name = labels ?? lesson.labels?.value {
      if let found = LabelMode(rawValue: name) {
        mode = found
      } else if let written = lesson.labels, labels == nil {
        problem("unknown labels '\(name)'; they are \(Self.labelNames)", written)
      }
    }
    var steps = StepLayout.grid
    if let written = lesson.steps {
      if let found = StepLayout(rawValue: written.value) {
        steps = found
      } else {
        problem("unknown steps '\(written.value)'; they are \(Self.stepNames)", written)
      }
    }
    var kinds = defaultKinds
    if let chosen = lesson.figures {
      kinds = []
      for entry in chosen {
        if let kind = FigureKind(rawValue: entry.value) {
          if kinds.contains(kind) {
            problem("figure '\(entry.value)' is listed twice", entry)
          } else {
            kinds.append(kind)
          }
        } else {
          let names = FigureKind.allCases.map(\.rawValue).joined(separator: ", ")
          problem("unknown figure '\(entry.value)'; the figures are \(names)", entry)
        }
      }
    }
    if !problems.isEmpty {
      throw LessonError(
        problems.sorted {
          ($0.location ?? .init(line: 0, column: 0)) < ($1.location ?? .init(line: 0, column: 0))
        })
    }
    var plan = FigurePlan(
      theme: theme, labels: mode, kinds: kinds, language: language ?? lesson.language)
    plan.steps = steps
    return plan
  }

  static var styleNames: String { Theme.all.map(\.name).joined(separator: ", ") }
  static var labelNames: String { LabelMode.allCases.map(\.rawValue).joined(separator: ", ") }
  static var stepNames: String { StepLayout.allCases.map(\.rawValue).joined(separator: ", ") }
}
