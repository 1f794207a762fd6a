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
import TensorWording

/// Everything `lessongen LESSON` writes for a lesson of vectors and matrices: the trace, the
/// graph figure in three formats, and a walk-through (handout, Markdown, HTML) that states
/// the row-vector convention, derives each matrix gradient by its shapes, lists every value
/// and gradient, and checks every element against central differences.
///
/// Also the expanded figure (layers drawn apart), for up to 8 operations step figures, and
/// with `plan.exercise` the exercise sheet and its answer key. Not yet: colah's in-node
/// values (colah is drawn with wire labels, in its own colours), plots.
enum TensorArtifacts {
  /// A lesson of vectors and matrices explained and its figures composed, before anything
  /// is laid out or drawn: what its handout, Markdown, HTML, course pages and site page are
  /// made from.
  struct Prepared {
    var document: Document
    var figures: [Figure]
    /// The walk-through the document was made from: an exercise sheet and its answers too.
    var walkthrough: TensorWalkthrough
    private let compiled: CompiledTensorLesson
    private let plan: FigurePlan

    /// - Parameters:
    ///   - plan: the style, labels, figures and language (``FigurePlan/make(for:style:labels:language:)-(CompiledTensorLesson,_,_,_)``).
    ///   - warn: whether to print the warnings (a graph too large to draw).
    ///   - geometry: whether the figures record their geometry (`lessongen layout`).
    init(
      _ compiled: CompiledTensorLesson, plan: FigurePlan, warn: Bool, geometry: Bool = false
    ) {
      let lesson = compiled.lesson
      // The drawn-out Softmax-with-Loss in the same adapted style as the matrices.
      let theme = TensorFigure.adapted(plan.theme)
      let language = plan.language
      let words = tensorProse(for: language)
      let title = lesson.title(language)
      var walkthrough = TensorWalkthrough(compiled: compiled, words: words)
      walkthrough.symbolic = plan.labels == .symbolic
      walkthrough.gates = plan.theme.operators == .gates
      var figures: [Figure] = []
      if compiled.graph.nodes.count > Limits.drawnNodes {
        // Too large to draw, as for a lesson of numbers: a sentence and a warning instead.
        let omitted = OmittedFigure(.graph, reason: .tooLarge(nodes: compiled.graph.nodes.count))
        walkthrough.omitted = omittedFigureSentence(omitted, language: words.language)
        if warn { Terminal.printError("\(lesson.path): warning: \(omitted.warning)") }
      } else {
        figures.append(
          TensorFigure.compose(
            compiled.evaluation, theme: theme, measurer: PangoTextMeasurer(),
            labels: plan.labels, title: words.figureTitle(title), geometry: geometry))
        // The layers drawn apart (MatMul and +, the batch bias's Repeat, softmax and the
        // cross-entropy error), when there is anything to draw apart.
        // A figure left out is said, on stderr and in the walk-through, every time.
        func omit(_ warning: String, _ sentence: String) {
          walkthrough.omittedFigures.append(sentence)
          if warn { Terminal.printError("\(lesson.path): warning: \(warning)") }
        }
        let expansion = TensorExpansion.expansion(compiled)
        if plan.kinds.contains(.expanded), case .failure(let why)? = expansion {
          let omitted = OmittedFigure(.expanded, reason: .notEvaluable(why.description))
          omit(omitted.warning, omittedFigureSentence(omitted, language: words.language))
        }
        if plan.kinds.contains(.expanded), case .success(let expanded)? = expansion,
          expanded.graph.nodes.count <= Limits.drawnNodes
        {
          figures.append(
            TensorFigure.compose(
              expanded, theme: theme, measurer: PangoTextMeasurer(), labels: plan.labels,
              title: words.expandedTitle(title), id: .expanded, geometry: geometry,
              reusing: compiled.graph.wireNames(shapes: compiled.evaluation.values.map(\.shape))
            ))
          walkthrough.hasExpanded = true
          walkthrough.repeats =
            expanded.graph.nodes.count { $0.op.role == .rowCopies }
            > compiled.graph.nodes.count { $0.op.role == .rowCopies }
        }
        // Softmax-with-Loss on up to 3 classes, drawn out as in DLFS's Appendix A.
        if plan.kinds.contains(.expanded), let classes = SoftmaxClasses(compiled) {
          let analysis = LessonAnalysis(
            classes.compiled, figures: [.graph], convention: theme.convention)
          let drawn = FigureSet(
            analysis, theme: theme, labels: plan.labels,
            titles: { _ in words.classesTitle(title) }
          ).compose(measurer: PangoTextMeasurer(), geometry: geometry)
          if var figure = drawn.first {
            figure.id = .classes
            figures.append(figure)
            walkthrough.classes = classes
          }
        } else if plan.kinds.contains(.expanded), let why = SoftmaxClasses.problem(compiled) {
          omit(
            "the class-by-class figure (classes) is left out: Softmax-with-Loss drawn out "
              + "cannot be evaluated at these scores (\(why))", words.classesOmitted(why))
        }
        // The backward pass step by step on a small graph, as for a lesson of numbers, when
        // a step prints whole on a page: a figure per step cut in parts over two landscape
        // pages each (the two-layer network: 16 pages) shows less than the one graph.
        let operations = compiled.graph.operationCount
        let whole = figures.first.map { HandoutLayout.printsWhole($0.scene, paper: plan.paper) }
        if whole == false { walkthrough.stepsTooWide = true }
        // One operation: its one step is the graph figure again, highlighted.
        if (2...8).contains(operations) && plan.kinds.contains(.steps) && whole == true {
          figures += TensorFigure.steps(
            compiled.evaluation, theme: theme, measurer: PangoTextMeasurer(), labels: plan.labels,
            title: { words.stepTitle(title, $0, $1) }, geometry: geometry)
          walkthrough.hasSteps = true
        }
      }
      document = walkthrough.document()
      self.figures = figures
      self.walkthrough = walkthrough
      self.compiled = compiled
      self.plan = plan
    }

    /// An exercise's figure: the graph with an empty box for every element of every
    /// gradient (and with forward blanks every value but the inputs'); none for a graph too
    /// large to draw.
    func exerciseFigures(_ blanks: Blanks) -> [Figure] {
      guard blanks != .none, compiled.graph.nodes.count <= Limits.drawnNodes else { return [] }
      let words = tensorProse(for: plan.language)
      return [
        TensorFigure.compose(
          compiled.evaluation, theme: TensorFigure.adapted(plan.theme),
          measurer: PangoTextMeasurer(), labels: plan.labels,
          title: words.exerciseTitle(compiled.lesson.title(plan.language)),
          id: .exercise(.graph), blanks: blanks)
      ]
    }
  }

  /// Everything `lessongen LESSON` writes for the lesson.
  static func make(for compiled: CompiledTensorLesson, plan: FigurePlan, helper: RenderThread)
    throws -> [Artifacts.File]
  {
    let lesson = compiled.lesson
    let prepared = Prepared(compiled, plan: plan, warn: true)
    let document = prepared.document
    var markdown = MarkdownWriter()
    markdown.math = plan.math
    var files = [
      Artifacts.File(path: "trace.json", contents: Data(TraceJSON.write(compiled).utf8)),
      Artifacts.File(path: "\(lesson.id).md", contents: Data(markdown.write(document).utf8)),
      Artifacts.File(path: "\(lesson.id).html", contents: Data(HTMLWriter().write(document).utf8)),
    ]
    // The handout is laid out and drawn on the helper thread while this one draws the
    // figures' files.
    let paper = plan.paper
    let scenes = Artifacts.scenes(prepared.figures)
    let handoutDocument = plan.steps == .none ? document.withoutStepFigures() : document
    let handoutStyle = plan.handoutStyle
    let handout = helper.submit {
      try HandoutRenderer.render(
        HandoutLayout.layOut(
          handoutDocument, figures: scenes, paper: paper, style: handoutStyle,
          measurer: PangoTextMeasurer()))
    }
    // The exercise sheet and its answer key: `<id>-exercise.*`, its figure with blanks.
    let blanked = prepared.exerciseFigures(plan.exercise)
    var exerciseHandout: Pending<Data>?
    if plan.exercise != .none {
      let exercise = prepared.walkthrough.exercise(plan.exercise)
      files.append(
        Artifacts.File(
          path: "\(lesson.id)-exercise.md", contents: Data(markdown.write(exercise).utf8)))
      files.append(
        Artifacts.File(
          path: "\(lesson.id)-exercise.html", contents: Data(HTMLWriter().write(exercise).utf8)))
      let all = Artifacts.scenes(prepared.figures + blanked)
      exerciseHandout = helper.submit {
        try HandoutRenderer.render(
          HandoutLayout.layOut(
            exercise, figures: all, paper: paper, style: handoutStyle,
            measurer: PangoTextMeasurer()))
      }
    }
    let rendered = try FigureBatch.render(
      prepared.figures + blanked, formats: FigureFormat.allCases, helpers: [helper])
    files.append(Artifacts.File(path: "\(lesson.id).pdf", contents: try handout.value()))
    if let exerciseHandout {
      files.append(
        Artifacts.File(path: "\(lesson.id)-exercise.pdf", contents: try exerciseHandout.value()))
    }
    for output in rendered {
      files.append(
        Artifacts.File(
          path: "figures/\(output.figure.fileStem).\(output.format.rawValue)",
          contents: output.data))
    }
    return files
  }
}
