import Analysis
import CairoBackend
import Drawing
import Explain
import Figures
import LessonKit

extension PreparedLesson {
  /// A figure of a lesson of numbers: the graph, forward, expanded, a step (not the plot,
  /// which is a chart).
  static func geometry(of stem: String, _ compiled: CompiledLesson, plan: FigurePlan)
    -> Result<FigureGeometry, Generate.Failure>
  {
    let kind: FigureKind? =
      stem.hasPrefix("step-")
      ? .steps : FigureKind(rawValue: stem).flatMap { $0 == .steps ? nil : $0 }
    let analysis = LessonAnalysis(
      compiled, figures: kind.map { [$0] } ?? [], convention: plan.theme.convention)
    guard let id = analysis.figures.first(where: { $0.fileStem == stem }) else {
      var why = analysis.omitted.map { $0.warning }
      if why.isEmpty {
        let all = LessonAnalysis(compiled, figures: FigureKind.allCases).figures.map(\.fileStem)
        why = ["this lesson's figures are " + shortList(all)]
      }
      return .failure(
        Generate.Failure(
          "\(compiled.lesson.path): error: no figure '\(stem)': " + why.joined(separator: "; ")))
    }
    let walkthrough = Walkthrough(analysis, language: plan.language)
    let figures = FigureSet(
      analysis, theme: plan.theme, labels: plan.labels, titles: walkthrough.figureTitle
    ).compose(measurer: PangoTextMeasurer(), geometry: true)
    guard let geometry = figures.first(where: { $0.id == id })?.scene.geometry else {
      return .failure(
        Generate.Failure(
          "\(compiled.lesson.path): error: the figure '\(stem)' is a function plot, not a "
            + "graph; lessongen layout prints the geometry of graph figures"))
    }
    return .success(geometry)
  }

  /// A figure of a lesson of vectors and matrices: `graph`, `expanded` or a step.
  static func geometry(of stem: String, _ shaped: CompiledTensorLesson, plan: FigurePlan)
    -> Result<FigureGeometry, Generate.Failure>
  {
    let prepared = TensorArtifacts.Prepared(shaped, plan: plan, warn: false, geometry: true)
    guard let found = prepared.figures.first(where: { $0.id.fileStem == stem }),
      let geometry = found.scene.geometry
    else {
      let all = prepared.figures.map(\.id.fileStem)
      let why =
        all.isEmpty
        ? "the graph is too large to draw" : "this lesson's figures are " + shortList(all)
      return .failure(Generate.Failure("\(shaped.lesson.path): error: no figure '\(stem)': " + why))
    }
    return .success(geometry)
  }

  /// Up to six names; a longer list as its first four, `…` and its last.
  private static func shortList(_ all: [String]) -> String {
    (all.count > 6 ? Array(all.prefix(4)) + ["…", all[all.count - 1]] : all)
      .joined(separator: ", ")
  }
}
