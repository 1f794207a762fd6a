import Analysis
import CairoBackend
import Drawing
import Explain
import Figures
import Foundation
import GraphEngine
import Handout
import LessonKit
import OutputStore
import Publishing

/// The files of one lesson's output folder, made in memory before anything is written, so
/// an error leaves the folder as it was.
enum Artifacts {
  /// A file to write: its path inside `Output/<id>/` and its bytes.
  /// One output file (the output folder's type).
  typealias File = OutputFile

  /// A lesson analysed and explained, before anything is laid out or drawn: what its
  /// documents and figures are made from.
  struct Prepared {
    var analysis: LessonAnalysis
    var walkthrough: Walkthrough
    var plan: FigurePlan

    /// The lesson's analysis and walk-through; the warnings (figures left out, text not
    /// translated, tables cut) are printed when `warn`.
    init(_ compiled: CompiledLesson, plan: FigurePlan, warn: Bool) {
      self.plan = plan
      analysis = LessonAnalysis(
        compiled, figures: plan.kinds, convention: plan.theme.convention)
      if warn {
        for omission in analysis.omitted {
          Terminal.printError("\(compiled.lesson.path): warning: \(omission.warning)")
        }
        let untranslated = compiled.lesson.untranslated(in: plan.language)
        if !untranslated.isEmpty {
          Terminal.printError(
            "\(compiled.lesson.path): warning: --lang \(plan.language): not translated, so "
              + "shown in '\(compiled.lesson.language)': " + untranslated.joined(separator: ", "))
        }
      }
      walkthrough = Walkthrough(
        analysis, language: plan.language,
        operatorNames: FigureSet.operatorNames(analysis.walked.graph, theme: plan.theme))
      if warn {
        for warning in walkthrough.tableWarnings {
          Terminal.printError("\(compiled.lesson.path): warning: \(warning)")
        }
      }
    }

    /// The figures, composed; with `blanks`, an exercise's figures.
    func figures(blanks: Blanks = .none) -> [Figure] {
      FigureSet(
        analysis, theme: plan.theme, labels: plan.labels, blanks: blanks,
        titles: walkthrough.figureTitle
      ).compose(measurer: PangoTextMeasurer())
    }
  }

  /// One lesson of a course handout: its text typeset for `plan`'s paper and its figures;
  /// for the course's exercise handout (`plan.exercise` not `.none`) the exercise sheet, and
  /// its answer key for the course's end.
  static func courseLesson(_ compiled: CompiledLesson, plan: FigurePlan) -> (
    lesson: CourseHandoutLayout.Lesson, answers: CourseHandoutLayout.Lesson?
  ) {
    let prepared = Prepared(compiled, plan: plan, warn: false)
    func typeset(_ document: Document) -> TypesetHandout {
      HandoutLayout.typeset(
        document, paper: plan.paper, style: plan.handoutStyle, measurer: PangoTextMeasurer())
    }
    var figures = prepared.figures()
    guard plan.exercise != .none else {
      let document = prepared.walkthrough.document()
      return (
        CourseHandoutLayout.Lesson(
          typeset: typeset(plan.steps == .none ? document.withoutStepFigures() : document),
          figures: scenes(figures)), nil
      )
    }
    figures += prepared.figures(blanks: plan.exercise)
    let walkthrough = prepared.walkthrough
    let sheet = walkthrough.exerciseSheet(plan.exercise)
    let answers = Document(
      title: compiled.lesson.title(plan.language), summary: nil, language: plan.language,
      blocks: walkthrough.answerKey(plan.exercise, heading: false))
    return (
      CourseHandoutLayout.Lesson(typeset: typeset(sheet), figures: scenes(figures)),
      CourseHandoutLayout.Lesson(typeset: typeset(answers), figures: scenes(figures))
    )
  }

  /// Figures by their ids, for the handout layout.
  static func scenes(_ figures: [Figure]) -> [FigureID: Scene] {
    Dictionary(figures.map { ($0.id, $0.scene) }, uniquingKeysWith: { a, _ in a })
  }

  /// Everything `lessongen LESSON` produces for the lesson.
  ///
  /// The handout is typeset on `helper` while this thread composes the figures, then put on
  /// pages and drawn there while this thread draws the figures' files; `helper` joins in once
  /// the handout is done.
  static func make(for compiled: CompiledLesson, plan: FigurePlan, helper: RenderThread) throws
    -> [File]
  {
    var files = [File(path: "trace.json", contents: Data(TraceJSON.write(compiled).utf8))]
    let paper = plan.paper
    var markdown = MarkdownWriter()
    markdown.math = plan.math
    let prepared = Prepared(compiled, plan: plan, warn: true)
    let document = prepared.walkthrough.document()
    // The handout's text is measured and typeset on the thread that will draw it (its Pango
    // cache keeps the shaped text) while this thread composes the figures; then it is only
    // put on pages with them.
    let handoutDocument = plan.steps == .none ? document.withoutStepFigures() : document
    let handoutStyle = plan.handoutStyle
    let typeset = helper.submit {
      HandoutLayout.typeset(
        handoutDocument, paper: paper, style: handoutStyle, measurer: PangoTextMeasurer())
    }
    let figures = prepared.figures()
    files.append(
      File(
        path: "\(compiled.lesson.id).md",
        contents: Data(markdown.write(document).utf8)))
    files.append(
      File(
        path: "\(compiled.lesson.id).html", contents: Data(HTMLWriter().write(document).utf8)))
    var scenes = Self.scenes(figures)
    let handout = helper.submit { [scenes] in
      try HandoutRenderer.render(
        HandoutLayout.paginate(
          try typeset.value(), figures: scenes, measurer: PangoTextMeasurer()))
    }
    var drawn = figures
    var exerciseHandout: Pending<Data>?
    if plan.exercise != .none {
      // The exercise sheet and its answer key: `<id>-exercise.*`, its figures with blanks
      // beside the others.
      let exercise = prepared.walkthrough.exercise(plan.exercise)
      let blanked = prepared.figures(blanks: plan.exercise)
      drawn += blanked
      scenes.merge(Self.scenes(blanked)) { a, _ in a }
      files.append(
        File(
          path: "\(compiled.lesson.id)-exercise.md",
          contents: Data(markdown.write(exercise).utf8)))
      files.append(
        File(
          path: "\(compiled.lesson.id)-exercise.html",
          contents: Data(HTMLWriter().write(exercise).utf8)))
      exerciseHandout = helper.submit { [scenes] in
        try HandoutRenderer.render(
          HandoutLayout.layOut(
            exercise, figures: scenes, paper: paper, measurer: PangoTextMeasurer()))
      }
    }
    let rendered = try FigureBatch.render(
      drawn, formats: FigureFormat.allCases, helpers: [helper])
    files.append(File(path: "\(compiled.lesson.id).pdf", contents: try handout.value()))
    if let exerciseHandout {
      files.append(
        File(path: "\(compiled.lesson.id)-exercise.pdf", contents: try exerciseHandout.value()))
    }
    for output in rendered {
      files.append(
        File(
          path: "figures/\(output.figure.fileStem).\(output.format.rawValue)",
          contents: output.data))
    }
    return files
  }
}
