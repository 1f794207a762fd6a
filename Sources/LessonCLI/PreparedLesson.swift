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

/// A lesson read, compiled and planned: what every command takes. A lesson computes with
/// numbers or with vectors and matrices (``LessonSource/Compiled``); this type is the one
/// place in the commands that tells the two apart. `lessongen LESSON`, `build`, a course
/// handout, `site`, `trace`, `check` and `layout` ask it for what they need — its trace, its
/// files, a figure's geometry, its pages in a course handout — never which kind it is.
struct PreparedLesson {
  let compiled: LessonSource.Compiled
  var plan: FigurePlan

  /// Plans the lesson with the command line's style, labels and language over the lesson's
  /// own keys.
  ///
  /// - Throws: a located error for an unknown name in the lesson's `style`, `labels` or
  ///   `figures`.
  init(
    _ compiled: LessonSource.Compiled, style: String?, labels: String?, language: Language? = nil
  ) throws(LessonError) {
    self.compiled = compiled
    switch compiled {
    case .numbers(let numbers):
      plan = try FigurePlan.make(for: numbers, style: style, labels: labels, language: language)
    case .tensors(let tensors):
      plan = try FigurePlan.make(for: tensors, style: style, labels: labels, language: language)
    }
  }

  /// Plans the lesson with a command's or a course's style options: style, labels,
  /// language, paper, step layout and math.
  init(_ compiled: LessonSource.Compiled, options: StyleOptions) throws(LessonError) {
    try self.init(
      compiled, style: options.style, labels: options.labels, language: options.language)
    plan.paper = options.paperSize
    if let steps = options.stepLayout { plan.steps = steps }
    plan.math = options.mathFlavour
  }

  var lesson: Lesson { compiled.lesson }

  var traceJSON: String { compiled.traceJSON }

  /// What `check` says of a valid lesson: its node count, and a shaped output's shape.
  var summary: String {
    switch compiled {
    case .numbers(let numbers):
      return "\(numbers.graph.nodes.count) nodes"
    case .tensors(let tensors):
      let output = tensors.evaluation.values[tensors.graph.output].shape
      let what = output.isScalar ? "a number" : "\(output)"
      return "\(tensors.graph.nodes.count) nodes; output \(what)"
    }
  }

  /// Every file of the lesson's folder (`lessongen LESSON`): trace, handout, Markdown, HTML
  /// and figures, with `plan.exercise`'s sheet.
  func files(helper: RenderThread) throws -> [Artifacts.File] {
    switch compiled {
    case .numbers(let numbers): try Artifacts.make(for: numbers, plan: plan, helper: helper)
    case .tensors(let tensors): try TensorArtifacts.make(for: tensors, plan: plan, helper: helper)
    }
  }

  /// The geometry of the figure whose file is named `stem` (`graph`, `step-03`), or the
  /// message that says why there is none.
  func geometry(of stem: String) -> Result<FigureGeometry, Generate.Failure> {
    switch compiled {
    case .numbers(let numbers): Self.geometry(of: stem, numbers, plan: plan)
    case .tensors(let tensors): Self.geometry(of: stem, tensors, plan: plan)
    }
  }

  /// The lesson in a course handout, and with `exercise` blanks its exercise sheet and
  /// answer key.
  func courseLessons(exercise: Blanks) -> (
    lesson: CourseHandoutLayout.Lesson, sheet: CourseHandoutLayout.Lesson?,
    answers: CourseHandoutLayout.Lesson?
  ) {
    switch compiled {
    case .numbers(let numbers):
      let lesson = Artifacts.courseLesson(numbers, plan: plan).lesson
      guard exercise != .none else { return (lesson, nil, nil) }
      var sheetPlan = plan
      sheetPlan.exercise = exercise
      let made = Artifacts.courseLesson(numbers, plan: sheetPlan)
      return (lesson, made.lesson, made.answers)
    case .tensors(let tensors):
      let prepared = TensorArtifacts.Prepared(tensors, plan: plan, warn: false)
      let figures = Artifacts.scenes(prepared.figures + prepared.exerciseFigures(exercise))
      func typeset(_ document: Document) -> CourseHandoutLayout.Lesson {
        CourseHandoutLayout.Lesson(
          typeset: HandoutLayout.typeset(
            document, paper: plan.paper, style: plan.handoutStyle, measurer: PangoTextMeasurer()),
          figures: figures)
      }
      let lesson = typeset(prepared.document)
      guard exercise != .none else { return (lesson, nil, nil) }
      let answers = Document(
        title: tensors.lesson.title(plan.language), summary: nil, language: plan.language,
        blocks: prepared.walkthrough.answerKey(exercise, heading: false))
      return (lesson, typeset(prepared.walkthrough.exerciseSheet(exercise)), typeset(answers))
    }
  }

  /// A lesson's page on the site: `index.html`, `exercise.html` where it has a sheet, the
  /// trace and the figures, light and dark. `plan.exercise` gives the sheet's blanks.
  func siteFiles(
    _ page: Site.Page, pages: [Site.Page], helper: RenderThread
  ) throws -> [Artifacts.File] {
    var writer = HTMLWriter()
    writer.site = Site.sitePage(page, pages: pages, language: plan.language)
    switch compiled {
    case .numbers(let numbers):
      let prepared = Artifacts.Prepared(numbers, plan: plan, warn: true)
      let document = prepared.walkthrough.document()
      let exercise = prepared.walkthrough.exercise(plan.exercise)
      let figures = prepared.figures() + prepared.figures(blanks: plan.exercise)
      var files = [
        Artifacts.File(path: "trace.json", contents: Data(traceJSON.utf8)),
        Artifacts.File(path: "index.html", contents: Data(writer.write(document).utf8)),
      ]
      writer.site?.related = [
        SitePage.Link(href: "index.html", text: lesson.title(plan.language))
      ]
      files.append(
        Artifacts.File(path: "exercise.html", contents: Data(writer.write(exercise).utf8)))
      return files + (try Site.figureFiles(figures, helper: helper))
    case .tensors(let tensors):
      let prepared = TensorArtifacts.Prepared(tensors, plan: plan, warn: true)
      var files = [
        Artifacts.File(path: "trace.json", contents: Data(traceJSON.utf8)),
        Artifacts.File(path: "index.html", contents: Data(writer.write(prepared.document).utf8)),
      ]
      var figures = prepared.figures
      if plan.exercise != .none {
        writer.site?.related = [
          SitePage.Link(href: "index.html", text: lesson.title(plan.language))
        ]
        let exercise = prepared.walkthrough.exercise(plan.exercise)
        files.append(
          Artifacts.File(path: "exercise.html", contents: Data(writer.write(exercise).utf8)))
        figures += prepared.exerciseFigures(plan.exercise)
      }
      return files + (try Site.figureFiles(figures, helper: helper))
    }
  }
}

extension LessonSource.Compiled {
  /// The trace (docs/TRACE.md), which needs no plan: `trace` writes it for a lesson whose
  /// style or labels keys `check` would refuse.
  var traceJSON: String {
    switch self {
    case .numbers(let numbers): TraceJSON.write(numbers)
    case .tensors(let tensors): TraceJSON.write(tensors)
    }
  }
}
