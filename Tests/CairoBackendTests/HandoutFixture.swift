import Analysis
import CairoBackend
import Drawing
import Explain
import Figures
import GraphEngine
import Handout

/// A lesson's handout laid out on A4 in English with its figures composed in `theme`, as
/// `lessongen LESSON` lays it out, for tests that read its pages.
enum HandoutFixture {
  static func pages(_ analysis: LessonAnalysis, theme: Theme) -> [HandoutPage] {
    let made = FigureSet(analysis, theme: theme, labels: .numeric, titles: { $0.fileStem })
      .compose(measurer: PangoTextMeasurer())
    let scenes = Dictionary(made.map { ($0.id, $0.scene) }, uniquingKeysWith: { a, _ in a })
    return HandoutLayout.layOut(
      Walkthrough(
        analysis, language: .english,
        operatorNames: FigureSet.operatorNames(analysis.walked.graph, theme: theme)
      ).document(), figures: scenes, paper: .a4,
      measurer: PangoTextMeasurer()
    ).pages
  }
}
