import Analysis
import ArgumentParser
import CairoBackend
import Drawing
import Explain
import Figures
import LessonKit

/// `lessongen layout LESSON [--figure NAME] [--style S] [--labels M]`: one figure's geometry
/// as JSON on standard output (docs/LAYOUT.md); nothing written.
struct Layout: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print one figure's geometry as JSON: nodes, wires and labels, in points.")

  @OptionGroup var options: LessonOptions

  @Option(
    help: ArgumentHelp(
      "The figure: graph (default), forward, expanded, step-01, …", valueName: "name"))
  var figure: String = "graph"

  @Option(help: ArgumentHelp("House style: dlfs (default), cs231n or colah.", valueName: "name"))
  var style: String?

  @Option(
    help: ArgumentHelp("Edge labels: numeric (default), symbolic or both.", valueName: "mode"))
  var labels: String?

  func validate() throws {
    if let style, Theme.named(style) == nil {
      throw ValidationError("unknown style '\(style)'; the styles are \(FigurePlan.styleNames)")
    }
    if let labels, LabelMode(rawValue: labels) == nil {
      throw ValidationError("unknown labels '\(labels)'; they are \(FigurePlan.labelNames)")
    }
  }

  func run() throws {
    let compiled: CompiledLesson
    switch try options.compileAny() {
    case .numbers(let lesson): compiled = lesson
    case .tensors(let shaped):
      try run(shaped)
      return
    }
    let plan: FigurePlan
    do {
      plan = try FigurePlan.make(for: compiled, style: style, labels: labels)
    } catch {
      Terminal.printError(error.description)
      throw ExitCode.failure
    }
    let kind: FigureKind? =
      figure.hasPrefix("step-")
      ? .steps
      : FigureKind(rawValue: figure).flatMap {
        $0 == .steps ? nil : $0
      }
    let analysis = LessonAnalysis(
      compiled, figures: kind.map { [$0] } ?? [], convention: plan.theme.convention)
    guard let id = analysis.figures.first(where: { $0.fileStem == figure }) else {
      var why = analysis.omitted.map { $0.warning }
      if why.isEmpty {
        let all = LessonAnalysis(compiled, figures: FigureKind.allCases).figures.map(\.fileStem)
        let shown = all.count > 6 ? Array(all.prefix(4)) + ["…", all[all.count - 1]] : all
        why = ["this lesson's figures are " + shown.joined(separator: ", ")]
      }
      Terminal.printError(
        "\(compiled.lesson.path): error: no figure '\(figure)': " + why.joined(separator: "; "))
      throw ExitCode.failure
    }
    let walkthrough = Walkthrough(analysis, language: plan.language)
    let figures = FigureSet(
      analysis, theme: plan.theme, labels: plan.labels, titles: walkthrough.figureTitle
    ).compose(measurer: PangoTextMeasurer(), geometry: true)
    guard let geometry = figures.first(where: { $0.id == id })?.scene.geometry else {
      // The plot is a chart, not a graph of nodes and wires.
      Terminal.printError(
        "\(compiled.lesson.path): error: the figure '\(figure)' is a function plot, not a "
          + "graph; lessongen layout prints the geometry of graph figures")
      throw ExitCode.failure
    }
    Terminal.write(LayoutJSON.write(geometry))
  }

  /// The geometry of a figure of a lesson of vectors and matrices: `graph`, `expanded` or a
  /// step.
  func run(_ shaped: CompiledTensorLesson) throws {
    let plan: FigurePlan
    do {
      plan = try FigurePlan.make(for: shaped, style: style, labels: labels)
    } catch {
      Terminal.printError(error.description)
      throw ExitCode.failure
    }
    let prepared = TensorArtifacts.Prepared(shaped, plan: plan, warn: false, geometry: true)
    guard let found = prepared.figures.first(where: { $0.id.fileStem == figure }),
      let geometry = found.scene.geometry
    else {
      let all = prepared.figures.map(\.id.fileStem)
      let shown = all.count > 6 ? Array(all.prefix(4)) + ["…", all[all.count - 1]] : all
      let why =
        all.isEmpty
        ? "the graph is too large to draw"
        : "this lesson's figures are " + shown.joined(separator: ", ")
      Terminal.printError("\(shaped.lesson.path): error: no figure '\(figure)': " + why)
      throw ExitCode.failure
    }
    Terminal.write(LayoutJSON.write(geometry))
  }
}
