import Drawing
import Figures
import GraphLayout

/// Checks a laid-out scene the way an editor looks at a figure: nothing overlaps, nothing
/// is clipped, no wire runs through a label or a node, no arrowhead hides under a node.
enum SceneGeometry {
  private struct Shape {
    enum Kind {
      case circle(Point, Double)
      case box(Rect)
    }
    var kind: Kind
    var owner: SceneOwner

    var bounds: Rect {
      switch kind {
      case .circle(let c, let r): Rect(center: c, size: Size(width: 2 * r, height: 2 * r))
      case .box(let r): r
      }
    }

    /// The interior, shrunk by `inset`, meets the rectangle.
    func meets(_ rect: Rect, inset: Double) -> Bool {
      switch kind {
      case .circle(let c, let r):
        let x = Swift.min(Swift.max(c.x, rect.minX), rect.maxX)
        let y = Swift.min(Swift.max(c.y, rect.minY), rect.maxY)
        let d = ((x - c.x) * (x - c.x) + (y - c.y) * (y - c.y)).squareRoot()
        return d < r - inset
      case .box(let r): return r.insetBy(inset).intersects(rect)
      }
    }

    /// The interior, shrunk by `inset`, meets the segment.
    func meets(_ a: Point, _ b: Point, inset: Double) -> Bool {
      switch kind {
      case .circle(let c, let r):
        let dx = b.x - a.x
        let dy = b.y - a.y
        let length2 = dx * dx + dy * dy
        let t =
          length2 == 0
          ? 0 : Swift.max(0, Swift.min(1, ((c.x - a.x) * dx + (c.y - a.y) * dy) / length2))
        let x = a.x + t * dx - c.x
        let y = a.y + t * dy - c.y
        return (x * x + y * y).squareRoot() < r - inset
      case .box(let r): return r.insetBy(inset).intersectsSegment(a, b)
      }
    }
  }

  /// Every problem found, in words; empty when the figure is clean.
  /// What is wrong with a figure: a graph's checks below, or for a function plot (which has no
  /// nodes or wires) that its texts stay inside the figure and none overlaps another.
  static func problems(_ scene: Scene) -> [String] {
    // A plot: everything in it is owned by the legend (it has no nodes or wires).
    let isPlot = scene.elements.allSatisfy { element in
      switch element {
      case .polyline(_, _, _, .legend), .text(_, .legend), .circle(_, _, _, .legend),
        .roundedRect(_, _, _, .legend):
        true
      default: false
      }
    }
    guard isPlot else { return graphProblems(scene) }
    var found: [String] = []
    var texts: [(Rect, String)] = []
    for case .text(let run, _) in scene.elements {
      let r = run.frame
      if r.x < -0.5 || r.y < -0.5 || r.maxX > scene.size.width + 0.5
        || r.maxY > scene.size.height + 0.5
      {
        found.append("text \(run.markup) leaves the plot")
      }
      for (other, markup) in texts
      where r.x < other.maxX - 0.5 && other.x < r.maxX - 0.5
        && r.y < other.maxY - 0.5 && other.y < r.maxY - 0.5
      {
        found.append("text \(run.markup) overlaps \(markup)")
      }
      texts.append((r, run.markup))
    }
    return found
  }

  static func graphProblems(_ scene: Scene) -> [String] {
    var texts: [(Rect, SceneOwner, String)] = []
    var nodes: [Shape] = []
    var boxes: [Shape] = []
    var segments: [(Point, Point, SceneOwner)] = []
    var heads: [(Rect, SceneOwner)] = []
    var found: [String] = []
    for element in scene.elements {
      switch element {
      // A ring drawn round the step's node (no fill) marks it; it is not a node itself.
      case .circle(_, _, let style, _) where style.fill == nil: break
      case .ellipse(_, let style, _) where style.fill == nil: break
      case .roundedRect(_, _, let style, _) where style.fill == nil: break
      case .circle(let c, let r, _, let owner):
        nodes.append(Shape(kind: .circle(c, r), owner: owner))
      case .ellipse(let rect, _, let owner): nodes.append(Shape(kind: .box(rect), owner: owner))
      case .roundedRect(let rect, _, _, let owner):
        boxes.append(Shape(kind: .box(rect), owner: owner))
      case .polyline(let points, _, _, let owner):
        for (a, b) in zip(points, points.dropFirst()) { segments.append((a, b, owner)) }
      case .arrowhead(let tip, let d, let length, let width, _, _, _, let owner):
        let base = Point(x: tip.x - d.x * length, y: tip.y - d.y * length)
        let n = Point(x: -d.y * width / 2, y: d.x * width / 2)
        let xs = [tip.x, base.x + n.x, base.x - n.x]
        let ys = [tip.y, base.y + n.y, base.y - n.y]
        let rect = Rect(
          x: xs.min() ?? 0, y: ys.min() ?? 0, width: (xs.max() ?? 0) - (xs.min() ?? 0),
          height: (ys.max() ?? 0) - (ys.min() ?? 0))
        heads.append((rect, owner))
      case .text(let run, let owner): texts.append((run.frame, owner, run.markup))
      case .baselineText, .rectangle, .scene:
        // Handout pages' elements; figures have none.
        found.append("a figure holds a handout page's element: \(element)")
      }
    }
    // A node's own text stays inside its circle or ellipse (corners within, 1 pt of slack).
    var outlines: [SceneOwner: (center: Point, rx: Double, ry: Double)] = [:]
    for element in scene.elements {
      switch element {
      case .circle(let c, let r, let style, let owner) where style.fill != nil:
        outlines[owner] = (c, r, r)
      case .ellipse(let rect, let style, let owner) where style.fill != nil:
        outlines[owner] = (rect.center, rect.width / 2, rect.height / 2)
      default: break
      }
    }
    for (rect, owner, markup) in texts {
      guard let o = outlines[owner] else { continue }
      let corners = [
        (rect.minX, rect.minY), (rect.maxX, rect.minY), (rect.minX, rect.maxY),
        (rect.maxX, rect.maxY),
      ]
      let outside = corners.contains { x, y in
        let dx = (x - o.center.x) / (o.rx + 1)
        let dy = (y - o.center.y) / (o.ry + 1)
        return dx * dx + dy * dy > 1
      }
      if outside { found.append("text \(markup) sticks out of its node \(owner)") }
    }
    let canvas = Rect(x: 0, y: 0, width: scene.size.width, height: scene.size.height).insetBy(2)
    for (rect, _, markup) in texts where !canvas.contains(rect) {
      found.append("text \(markup) is clipped by the border")
    }
    for shape in nodes + boxes where !canvas.contains(shape.bounds) {
      found.append("a shape of \(shape.owner) is clipped by the border")
    }
    for (a, b, owner) in segments
    where !canvas.contains(
      Rect(
        x: Swift.min(a.x, b.x), y: Swift.min(a.y, b.y), width: Swift.abs(a.x - b.x),
        height: Swift.abs(a.y - b.y)))
    {
      found.append("a wire of \(owner) leaves the figure")
    }
    for i in texts.indices {
      for j in texts.indices where j > i && texts[i].0.insetBy(0.5).intersects(texts[j].0) {
        found.append("text \(texts[i].2) overlaps text \(texts[j].2)")
      }
    }
    for (rect, owner, markup) in texts {
      for shape in nodes where shape.owner != owner && shape.meets(rect, inset: 0.5) {
        found.append("text \(markup) overlaps the node \(shape.owner)")
      }
      for shape in boxes where shape.owner != owner && shape.meets(rect, inset: 0.5) {
        found.append("text \(markup) overlaps the box of \(shape.owner)")
      }
    }
    for i in nodes.indices {
      for j in nodes.indices where j > i && nodes[i].meets(nodes[j].bounds.insetBy(1), inset: 1) {
        found.append("node \(nodes[i].owner) overlaps node \(nodes[j].owner)")
      }
    }
    let ownBox = Set(boxes.map(\.owner))
    for (a, b, owner) in segments {
      for (rect, textOwner, markup) in texts where rect.insetBy(0.5).intersectsSegment(a, b) {
        // colah's derivative box sits on its own wire by design.
        if textOwner == owner && ownBox.contains(owner) { continue }
        found.append("a wire of \(owner) runs through text \(markup)")
      }
      for shape in nodes where shape.meets(a, b, inset: 1.5) {
        found.append("a wire of \(owner) runs through node \(shape.owner)")
      }
    }
    for (rect, owner) in heads {
      for shape in nodes where shape.meets(rect.insetBy(0.5), inset: 1.5) {
        found.append("an arrowhead of \(owner) hides under node \(shape.owner)")
      }
      for (text, _, markup) in texts where text.insetBy(0.5).intersects(rect) {
        found.append("an arrowhead of \(owner) covers text \(markup)")
      }
    }
    return found
  }
}
