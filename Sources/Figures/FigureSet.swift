public import Analysis
import GraphEngine
import GraphLayout

/// One figure of a lesson: which it is and its scene.
public struct Figure: Sendable {
  public var id: FigureID
  public var scene: Scene
}

/// Draws the figures a lesson's analysis plans, in a house style.
public struct FigureSet {
  private let analysis: LessonAnalysis
  private let theme: Theme
  private let labels: LabelMode
  private let title: String

  /// - Parameter title: the lesson's title, for each figure's metadata.
  public init(_ analysis: LessonAnalysis, theme: Theme, labels: LabelMode, title: String) {
    self.analysis = analysis
    self.theme = theme
    self.labels = labels
    self.title = title
  }

  /// How the theme writes symbolic gradients: colah, drawn bottom to top, writes
  /// derivatives of the output itself (∂e/∂c).
  public static func convention(of theme: Theme) -> LabelConvention {
    theme.direction == .bottomToTop ? .output : .loss
  }

  /// Draws the figures, measuring their text with `measurer`.
  public func compose(measurer: any TextMeasuring) -> [Figure] {
    let composer = SceneComposer(theme: theme, measurer: measurer)
    var figures: [Figure] = []
    for group in analysis.figureGroups {
      let d = DiagramBuilder(
        figure: analysis.figureGraph(group.source), theme: theme, labels: labels)
      switch group.kind {
      case .graph, .forward, .expanded:
        let caption = [.graph: "the graph", .forward: "forward pass", .expanded: "expanded"][
          group.kind, default: ""]
        let scene = composer.compose(
          d.diagram(title: "\(title) — \(caption)", gradients: group.kind != .forward))
        figures += group.ids.map { Figure(id: $0, scene: scene) }
      case .steps:
        let count = group.ids.count
        let diagrams = (0..<count).map { k in
          d.diagram(
            title: "\(title) — backward pass, step \(k + 1) of \(count)", gradients: true,
            processed: k + 1)
        }
        for (id, scene) in zip(group.ids, composer.compose(sequence: diagrams)) {
          figures.append(Figure(id: id, scene: scene))
        }
      }
    }
    return figures
  }
}
