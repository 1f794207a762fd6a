import Analysis
import Drawing
import Explain
import Figures
import GraphEngine
import Handout
import LessonKit
import Publishing
import TensorWording

/// One lesson file's bytes through every stage that reads what an author wrote: loading,
/// compiling, both passes, the walk-through and its Markdown and HTML, the trace, and the
/// figures composed and laid out (text measured by an estimate, so no fonts are needed); for
/// a lesson of vectors and matrices, its shapes, both passes, its trace, its figure (with
/// each label mode's formulas), its Softmax-with-Loss drawn out class by class, and its
/// walk-through typeset.
///
/// A course file goes through `lessongen build` and `lessongen site` (``CourseExercise``).
///
/// The fuzzer (`Scripts/fuzz.sh`) calls this for every input it makes, and a test replays
/// the inputs it once found (`Fuzz/regressions/`). An input that is not a valid lesson stops
/// at its diagnostics, which are formatted too, as the command line would print them.
public enum PipelineExercise {
  /// Up to this many nodes a lesson's every figure is composed; above, its graph alone.
  static let allFiguresUpTo = 120

  public static func run(_ bytes: [UInt8]) {
    // A course: built and published as `build` and `site` do (``CourseExercise``).
    CourseExercise.run(bytes)
    // A lesson of vectors and matrices: its shapes, both passes and its trace.
    do {
      if let shaped = try CompiledTensorLesson.compile(bytes: bytes, path: "fuzz.yaml", id: "fuzz")
      {
        _ = TraceJSON.write(shaped)
        // As `lessongen LESSON` does: the figure only for a graph it draws; the numeric
        // check on a small budget (the fuzzer's build is many times slower, and its
        // timeout is 60 s).
        let theme = Theme.all[bytes.count % Theme.all.count]
        let labels = LabelMode.allCases[(bytes.count / 3) % LabelMode.allCases.count]
        if shaped.graph.nodes.count <= Limits.drawnNodes {
          _ = TensorFigure.compose(
            shaped.evaluation, theme: theme, measurer: EstimatedTextMeasurer(), labels: labels,
            title: "fuzz")
          // Softmax-with-Loss drawn out class by class, a lesson of numbers of its own.
          if let classes = SoftmaxClasses(shaped) {
            let analysis = LessonAnalysis(
              classes.compiled, figures: [.graph], convention: theme.convention)
            _ = FigureSet(analysis, theme: theme, labels: labels, titles: { _ in "fuzz" })
              .compose(measurer: EstimatedTextMeasurer())
          }
        }
        for language in Language.allCases {
          var walkthrough = TensorWalkthrough(
            compiled: shaped, words: tensorProse(for: language))
          walkthrough.checkBudget = 200_000
          let document = walkthrough.document()
          _ = MarkdownWriter().write(document)
          _ = HTMLWriter().write(document)
          _ = HandoutLayout.layOut(
            document, figures: [:], paper: .a4, measurer: EstimatedTextMeasurer())
        }
        return
      }
    } catch {
      _ = error.description
      return
    }
    let compiled: CompiledLesson
    do {
      compiled = try CompiledLesson.compile(bytes: bytes, path: "fuzz.yaml", id: "fuzz")
    } catch {
      _ = error.description
      return
    }
    // The style and labels come from the input, so every combination is reached.
    let theme = Theme.all[bytes.count % Theme.all.count]
    let labels = LabelMode.allCases[(bytes.count / 3) % LabelMode.allCases.count]
    let plan: FigurePlan
    do {
      plan = try FigurePlan.make(for: compiled, style: theme.name, labels: labels.rawValue)
    } catch {
      _ = error.description
      return
    }
    // A large graph's figures: the graph alone. Its step figures lay out the same graph again
    // and again, and the fuzzer's instrumented build is about ten times slower than a release
    // build (a fan-out of 56 terms, 236 nodes, took 52 s, 26 s with the graph alone; 4 s in
    // `lessongen`). Large graphs' step figures are checked by the test suite instead.
    let kinds = compiled.graph.nodes.count > Self.allFiguresUpTo ? [.graph] : plan.kinds
    let analysis = LessonAnalysis(
      compiled, figures: kinds, convention: plan.theme.convention)
    let titles = Walkthrough(analysis, language: .korean).figureTitle
    _ = FigureSet(analysis, theme: plan.theme, labels: plan.labels, titles: titles)
      .compose(measurer: EstimatedTextMeasurer())
    for language in Language.allCases {
      let document = Walkthrough(analysis, language: language).document()
      _ = MarkdownWriter().write(document)
      _ = HTMLWriter().write(document)
      _ = HandoutLayout.layOut(
        document, figures: [:], paper: .a4, measurer: EstimatedTextMeasurer())
    }
    _ = TraceJSON.write(compiled)
  }
}
