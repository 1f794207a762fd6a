import Drawing
import GraphLayout
import Testing

@Suite("Close-ups of a figure")
struct CropTests {
  static let font = Font(family: "DejaVu Serif", size: 9)

  /// A wire with a label box on it (colah's), and a node.
  static let scene = Scene(
    size: Size(width: 300, height: 100), background: .white, title: "boxes",
    elements: [
      .polyline(
        [Point(x: 0, y: 20), Point(x: 300, y: 20)], color: .black, width: 1, owner: .edge(0)),
      .roundedRect(
        Rect(x: 100, y: 10, width: 80, height: 20), radius: 3,
        style: ShapeStyle(fill: .white, stroke: nil, lineWidth: 0), owner: .edge(0)),
      .text(
        TextRun(
          markup: "∂u/∂x = 1", font: font, color: .black,
          frame: Rect(x: 104, y: 14, width: 72, height: 12)),
        owner: .edge(0)),
      .circle(
        center: Point(x: 150, y: 70), radius: 15,
        style: ShapeStyle(fill: .white, stroke: .black, lineWidth: 1), owner: .node(1)),
    ])

  @Test("a close-up's wire from a row left out is a short tick, not a stub into the caption")
  func cutWires() {
    let node = SceneElement.circle(
      center: Point(x: 70, y: 50), radius: 10,
      style: ShapeStyle(fill: .white, stroke: .black, lineWidth: 1), owner: .node(1))
    // Up from the bottom edge, then the last straight run into the node.
    let stub = SceneElement.polyline(
      [Point(x: 0, y: 100), Point(x: 50, y: 50), Point(x: 60, y: 50)], color: .black, width: 1,
      owner: .edge(0))
    let through = SceneElement.polyline(
      [Point(x: 100, y: 0), Point(x: 100, y: 100)], color: .black, width: 1, owner: .edge(2))
    let scene = Scene(
      size: Size(width: 200, height: 100), background: .white, title: "close-up",
      elements: [node, stub, through])
    let shortened = scene.shorteningCutWires(length: 12)
    #expect(shortened.elements.count == 2, "a wire with both ends outside is left out")
    guard case .polyline(let points, _, _, _) = shortened.elements[1] else {
      Issue.record("the stub is gone")
      return
    }
    // From the node: its 10-point run, then 12 points of the diagonal.
    #expect(points.first == Point(x: 60, y: 50))
    #expect(points.count == 3)
    let tick = ((points[2].x - 50) * (points[2].x - 50) + (points[2].y - 50) * (points[2].y - 50))
      .squareRoot()
    #expect(abs(tick - 12) < 1e-9)
    // With a label still in the close-up, the wire is kept whole.
    var labelled = scene
    labelled.elements.append(
      .text(
        TextRun(
          markup: "x", font: Self.font, color: .black,
          frame: Rect(x: 20, y: 60, width: 8, height: 12)),
        owner: .edge(0)))
    guard case .polyline(let whole, _, _, _) = labelled.shorteningCutWires().elements[1] else {
      return
    }
    #expect(whole.count == 3 && whole.first == Point(x: 0, y: 100))
  }

  @Test("a part's empty band is closed up; one a wire runs down across is kept")
  func emptyBands() {
    let font = Self.font
    func label(_ y: Double) -> SceneElement {
      .text(
        TextRun(
          markup: "x", font: font, color: .black, frame: Rect(x: 10, y: y, width: 8, height: 12)),
        owner: .edge(0))
    }
    // A label at the top, a wire at 200 with a node on it, nothing between 22 and 190.
    let wire = SceneElement.polyline(
      [Point(x: 0, y: 200), Point(x: 300, y: 200)], color: .black, width: 1, owner: .edge(1))
    let node = SceneElement.circle(
      center: Point(x: 150, y: 200), radius: 10,
      style: ShapeStyle(fill: .white, stroke: .black, lineWidth: 1), owner: .node(2))
    var scene = Scene(
      size: Size(width: 300, height: 220), background: .white, title: "part",
      elements: [label(10), wire, node])
    scene.focus = Rect(x: 140, y: 190, width: 20, height: 20)
    let closed = scene.closingEmptyBands(least: 36, room: 14)
    // The band from 22 to 190 (168 pt) becomes 14 pt: everything under it moves up 154 pt.
    #expect(closed.size.height == 220 - 154)
    guard case .circle(let center, _, _, _) = closed.elements[2] else {
      Issue.record("the node is gone")
      return
    }
    #expect(center == Point(x: 150, y: 46))
    #expect(closed.focus == Rect(x: 140, y: 36, width: 20, height: 20))
    guard case .text(let run, _) = closed.elements[0] else { return }
    #expect(run.frame.y == 10, "what is above the band stays")
    // A wire running down from the label to the node fills the band: nothing moves.
    scene.elements.append(
      .polyline(
        [Point(x: 20, y: 20), Point(x: 20, y: 200)], color: .black, width: 1, owner: .edge(3)))
    #expect(scene.closingEmptyBands().size.height == 220)
  }

  @Test("an edge's label box cut by the window takes its text with it; one kept whole keeps it")
  func boxGoesWithText() {
    // The window's top edge passes through the box (y 10–30) but not through its text (14–26).
    let cut = Self.scene.cropped(to: Rect(x: 0, y: 12, width: 300, height: 88))
    let texts = cut.elements.filter { if case .text = $0 { true } else { false } }
    let boxes = cut.elements.filter { if case .roundedRect = $0 { true } else { false } }
    #expect(boxes.isEmpty)
    #expect(texts.isEmpty, "a label without its box has the wire drawn through it")
    let whole = Self.scene.cropped(to: Rect(x: 0, y: 0, width: 300, height: 100))
    #expect(whole.elements.contains { if case .text = $0 { true } else { false } })
    #expect(whole.elements.contains { if case .roundedRect = $0 { true } else { false } })
  }

  @Test("a cropped step figure keeps whether its node holds the gradient from upstream")
  func keepsFocusKind() {
    var scene = Self.scene
    scene.focus = Rect(x: 135, y: 55, width: 30, height: 30)
    scene.focusHoldsGradient = true
    let cut = scene.cropped(to: Rect(x: 50, y: 0, width: 200, height: 100))
    #expect(cut.focus == Rect(x: 85, y: 55, width: 30, height: 30))
    #expect(cut.focusHoldsGradient)
  }

  @Test("the labels around a node: those of the wires into it, and of the wires out of it too")
  func labelBounds() throws {
    var scene = Self.scene
    // A wire into the node from the left, its label at x 20–60; one out of it to the right,
    // its label at x 230–280.
    scene.elements += [
      .polyline(
        [Point(x: 0, y: 70), Point(x: 135, y: 70)], color: .black, width: 1, owner: .edge(1)),
      .text(
        TextRun(
          markup: "2", font: Self.font, color: .black,
          frame: Rect(x: 20, y: 56, width: 40, height: 12)),
        owner: .edge(1)),
      .polyline(
        [Point(x: 165, y: 70), Point(x: 300, y: 70)], color: .black, width: 1, owner: .edge(2)),
      .text(
        TextRun(
          markup: "3", font: Self.font, color: .black,
          frame: Rect(x: 230, y: 56, width: 50, height: 12)),
        owner: .edge(2)),
    ]
    let node = Rect(x: 135, y: 55, width: 30, height: 30)
    let both = try #require(scene.labelBounds(around: node))
    #expect(both.x == 20 && both.x + both.width == 280)
    let into = try #require(scene.labelBounds(around: node, outgoing: false))
    #expect(into.x == 20 && into.x + into.width == 165)
  }
}
