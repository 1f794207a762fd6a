import Analysis
import CairoBackend
import Drawing
import Explain
import Figures
import GraphLayout
import Handout
import LessonKit
import Testing

/// The handout's step figures as small multiples (issue 22): several steps to a page, each
/// readable, each captioned with its step, node and upstream × local = downstream.
@Suite("Step figures as small multiples")
struct StepGridTests {
  /// Two tanh neurons feeding a squared error: 17 operations written, 26 steps expanded.
  static let twoNeurons = """
    title: Two tanh neurons and a squared error
    function: |
      h1 = tanh(w11 * x1 + w12 * x2 + b1)
      h2 = tanh(w21 * x1 + w22 * x2 + b2)
      y = v1 * h1 + v2 * h2
      L = (y - t) ^ 2 / 2
    inputs: {x1: 0.5, x2: -1, w11: 0.3, w12: 0.8, b1: 0.1, w21: -0.4, w22: 0.2, b2: 0,
      v1: 1.5, v2: -0.7, t: 1}

    """

  func pages(_ text: String, theme: Theme) throws -> [HandoutPage] {
    let lesson = try LessonLoader.load(text: text, path: "two.yaml", id: "two")
    let analysis = LessonAnalysis(
      try CompiledLesson.compile(lesson), figures: [.graph, .expanded, .steps])
    return HandoutFixture.pages(analysis, theme: theme)
  }

  @Test("26 steps of a wide graph: several to a page, readable, captioned", arguments: Theme.all)
  func steps(theme: Theme) throws {
    let pages = try pages(Self.twoNeurons, theme: theme)
    var captions: [Int] = []
    for page in pages {
      var count = 0
      for case .text(let run, _) in page.scene.elements where run.markup.hasPrefix("Step ") {
        count += 1
      }
      for case .scene(let figure, let frame) in page.scene.elements where count > 0 {
        // Every figure on a page of steps reads at 6.5 pt or more.
        let smallest = (figure.smallestTextSize ?? 9) * frame.width / figure.size.width
        #expect(smallest >= HandoutStyle.standard.minimumTextSize - 0.01, "\(theme.name)")
      }
      if count > 0 { captions.append(count) }
    }
    #expect(captions.reduce(0, +) == 26, "\(theme.name): \(captions)")
    // Small multiples: on average at least three steps to a page (one a page before).
    #expect(captions.count * 3 <= 26 + 2, "\(theme.name): \(captions)")
  }

  @Test(
    "no close-up of the 26 steps has an arrow into nothing",
    arguments: Theme.all)
  func closeUpsWhole(theme: Theme) throws {
    let pages = try pages(Self.twoNeurons, theme: theme)
    var figures = 0
    for page in pages {
      guard
        page.scene.elements.contains(where: {
          if case .text(let run, _) = $0 { run.markup.hasPrefix("Step ") } else { false }
        })
      else { continue }
      for case .scene(let figure, _) in page.scene.elements {
        figures += 1
        // Every arrowhead points into a node's shape, or ends at the close-up's edge (the
        // wire leaves it; the output's has no shape of its own).
        let shapes = figure.elements.compactMap { element -> Rect? in
          switch element {
          case .circle(let c, let r, _, _):
            Rect(x: c.x - r, y: c.y - r, width: 2 * r, height: 2 * r).insetBy(-3)
          case .ellipse(let rect, _, _), .roundedRect(let rect, _, _, _): rect.insetBy(-3)
          default: nil
          }
        }
        // The wires' heads, along the flow (DLFS's backward arrows under the wires point
        // back and end beside their labels).
        for case .arrowhead(let tip, let direction, _, _, _, _, _, _) in figure.elements
        where direction.x > 0.5 || direction.y < -0.5 {
          let onShape = shapes.contains {
            tip.x >= $0.x && tip.x <= $0.x + $0.width && tip.y >= $0.y && tip.y <= $0.y + $0.height
          }
          // A wire leaving the close-up ends at its edge, its node outside (past a cut, in
          // the margin kept for continuation marks).
          let edge = 2 * Scene.continuationPad
          let atEdge =
            tip.x < edge || tip.x > figure.size.width - edge || tip.y < edge
            || tip.y > figure.size.height - edge
          #expect(
            onShape || atEdge,
            "\(theme.name): an arrow into nothing at \(tip) in \(figure.title)")
        }
      }
    }
    #expect(figures >= 26)
  }

  @Test("a close-up keeps a node whole or leaves it out, and clips wires at its edge")
  func crop() {
    let theme = Theme.dlfs
    let inside = Rect(x: 10, y: 10, width: 20, height: 20)
    let across = Rect(x: 90, y: 10, width: 20, height: 20)
    let style = ShapeStyle(fill: theme.nodeFill, stroke: theme.nodeStroke, lineWidth: 1)
    let font = theme.labelFont
    var scene = Scene(size: Size(width: 200, height: 50), background: .white, title: "t")
    scene.elements = [
      .ellipse(inside, style: style, owner: .node(0)),
      .text(TextRun(markup: "a", font: font, color: .black, frame: inside), owner: .node(0)),
      .ellipse(across, style: style, owner: .node(1)),
      .text(
        TextRun(
          markup: "b", font: font, color: .black, frame: Rect(x: 92, y: 12, width: 5, height: 5)),
        owner: .node(1)),
      .polyline(
        [Point(x: 30, y: 20), Point(x: 90, y: 20)], color: .black, width: 1, owner: .edge(0)),
    ]
    let part = scene.cropped(to: Rect(x: 0, y: 0, width: 100, height: 50))
    #expect(part.size == Size(width: 100, height: 50))
    var texts: [String] = []
    var ellipses = 0
    var lines: [[Point]] = []
    for element in part.elements {
      switch element {
      case .text(let run, _): texts.append(run.markup)
      case .ellipse: ellipses += 1
      case .polyline(let points, _, _, _): lines.append(points)
      default: break
      }
    }
    // Node 1 reaches past the edge: neither its ellipse nor its text (inside) is kept.
    #expect(texts == ["a"])
    #expect(ellipses == 1)
    #expect(lines == [[Point(x: 30, y: 20), Point(x: 90, y: 20)]])
    let clipped = scene.cropped(to: Rect(x: 50, y: 0, width: 100, height: 50))
    let wire = clipped.elements.compactMap { element -> [Point]? in
      if case .polyline(let points, _, _, _) = element { points } else { nil }
    }
    #expect(wire == [[Point(x: 0, y: 20), Point(x: 40, y: 20)]])
  }
}
