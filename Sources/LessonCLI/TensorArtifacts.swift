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
/// Also the expanded figure (layers drawn apart) and, for up to 8 operations, step figures.
/// Not yet: colah's in-node values (colah is drawn with wire labels, in its own colours),
/// exercise sheets, plots.
enum TensorArtifacts {
  /// A lesson of vectors and matrices explained and its figures composed, before anything
  /// is laid out or drawn: what its handout, Markdown, HTML, course pages and site page are
  /// made from.
  struct Prepared {
    var document: Document
    var figures: [Figure]

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
              title: words.expandedTitle(title), id: .expanded, geometry: geometry))
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
    let rendered = try FigureBatch.render(
      prepared.figures, formats: FigureFormat.allCases, helpers: [helper])
    files.append(Artifacts.File(path: "\(lesson.id).pdf", contents: try handout.value()))
    for output in rendered {
      files.append(
        Artifacts.File(
          path: "figures/\(output.figure.fileStem).\(output.format.rawValue)",
          contents: output.data))
    }
    return files
  }
}
