public import Analysis
import Drawing
import FormulaWriting
public import GraphEngine
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
  private let blanks: Blanks
  private let titles: (FigureID) -> String

  /// - Parameter titles: each figure's title, for its metadata (PDF title, SVG `<title>`),
  ///   in the lesson's language.
  public init(
    _ analysis: LessonAnalysis, theme: Theme, labels: LabelMode, blanks: Blanks = .none,
    titles: @escaping (FigureID) -> String
  ) {
    self.blanks = blanks
    self.analysis = analysis
    self.theme = theme
    self.labels = labels
    self.titles = titles
  }

  /// What each operation node of `graph` is called in the theme's figures, as plain text
  /// (`×`, `**2`; CS231n's `*`, `*-1`): the walk-through names the nodes so, and the figure
  /// and the text agree. nil for inputs and constants.
  public static func operatorNames(_ graph: Graph, theme: Theme) -> [String?] {
    let folded = DiagramBuilder.foldedConstants(graph, theme: theme)
    return graph.nodes.map { node in
      node.op.isLeaf
        ? nil
        : PangoMarkupDialect.plainText(
          DiagramBuilder.operatorText(node, graph: graph, theme: theme, folded: folded))
    }
  }

  /// A bottom-to-top figure wider than this (points; about the text width of a page) or
  /// taller than ``turnHeight`` (the height a handout gives a figure) also gets a turned
  /// version (``Scene/turned``).
  public static let turnWidth = 460.0
  public static let turnHeight = 500.0

  /// Draws the figures, measuring their text with `measurer`.
  ///
  /// - Parameter geometry: whether each scene records where everything went
  ///   (``Scene/geometry``, what `lessongen layout` prints).
  public func compose(measurer: any TextMeasuring, geometry: Bool = false) -> [Figure] {
    var composer = SceneComposer(theme: theme, measurer: measurer)
    composer.recordsGeometry = geometry
    // A tree growing up that is wider or taller than a page holds also gets a turned version.
    var sideways = theme
    sideways.direction = .leftToRight
    let turner = SceneComposer(theme: sideways, measurer: measurer)
    func turned(_ scenes: [Scene], _ diagrams: () -> [Diagram]) -> [Scene] {
      guard theme.direction == .bottomToTop,
        scenes.contains(where: {
          $0.size.width > Self.turnWidth || $0.size.height > Self.turnHeight
        })
      else { return scenes }
      return zip(scenes, turner.compose(sequence: diagrams())).map { scene, other in
        var scene = scene
        scene.turned = [other]
        return scene
      }
    }
    var figures: [Figure] = []
    for group in analysis.figureGroups {
      if group.kind == .plot {
        // Not a graph: a plot of the function (only the lesson and its answer key show it).
        guard blanks == .none, let plot = analysis.plot else { continue }
        let scene = PlotComposer(theme: theme, measurer: measurer).compose(
          plot, function: analysis.statements.count == 1 ? analysis.statements[0].formula : nil,
          title: titles(.plot))
        figures.append(Figure(id: .plot, scene: scene))
        continue
      }
      let d = DiagramBuilder(
        figure: analysis.figureGraph(group.source), theme: theme, labels: labels, blanks: blanks)
      if blanks != .none {
        // An exercise's figures: the whole graphs with their blanks, no steps (each would
        // only fill in the boxes the reader is to fill).
        guard group.kind != .steps else { continue }
        for id in group.ids {
          let exercise = FigureID.exercise(id)
          let diagram = d.diagram(title: titles(exercise), gradients: group.kind != .forward)
          let scene = turned([composer.compose(diagram)]) { [diagram] }[0]
          figures.append(Figure(id: exercise, scene: scene))
        }
        continue
      }
      if group.kind == .steps {
        let diagrams = group.ids.enumerated().map { k, id in
          d.diagram(title: titles(id), gradients: true, processed: k + 1)
        }
        let scenes = turned(composer.compose(sequence: diagrams)) { diagrams }
        for (id, scene) in zip(group.ids, scenes) {
          figures.append(Figure(id: id, scene: scene))
        }
      } else {
        for id in group.ids {
          let diagram = d.diagram(title: titles(id), gradients: group.kind != .forward)
          let scene = turned([composer.compose(diagram)]) { [diagram] }[0]
          figures.append(Figure(id: id, scene: scene))
        }
      }
    }
    return figures
  }
}

extension Figure {
  /// The same figure for a dark page.
  public var darkVariant: Figure { Figure(id: id, scene: scene.darkVariant) }
}
