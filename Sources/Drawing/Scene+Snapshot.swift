import GraphLayout

extension Scene {
  /// The scene as text, one element a line, coordinates to 0.1 pt: what the snapshot tests
  /// compare, and a readable account of what a figure draws.
  public var snapshot: String {
    var lines = ["scene \(n(size.width))x\(n(size.height)) background \(background) \"\(title)\""]
    for element in elements {
      switch element {
      case .circle(let c, let r, let style, let owner):
        lines.append("circle \(p(c)) r\(n(r)) \(s(style)) \(o(owner))")
      case .ellipse(let rect, let style, let owner):
        lines.append("ellipse \(rc(rect)) \(s(style)) \(o(owner))")
      case .roundedRect(let rect, let radius, let style, let owner):
        lines.append("box \(rc(rect)) r\(n(radius)) \(s(style)) \(o(owner))")
      case .polyline(let points, let color, let width, let owner):
        lines.append(
          "line \(points.map(p).joined(separator: " ")) \(color) w\(n(width)) \(o(owner))")
      case .arrowhead(let tip, let d, let length, let width, let filled, let color, _, let owner):
        lines.append(
          "head \(p(tip)) dir\(p(d)) \(n(length))x\(n(width)) \(filled ? "filled" : "open") \(color) \(o(owner))"
        )
      case .text(let run, let owner):
        lines.append(
          "text \(rc(run.frame)) \(run.font) \(run.color) \(o(owner))"
            + (run.wrapWidth.map { " wrap\(n($0))" } ?? "") + " \(run.markup.debugDescription)"
        )
      case .baselineText(let markup, let font, let color, let origin, let owner):
        lines.append(
          "baseline \(p(origin)) \(font) \(color) \(o(owner)) \(markup.debugDescription)")
      case .rectangle(let rect, let fill, let owner):
        lines.append("rect \(rc(rect)) fill \(fill) \(o(owner))")
      case .scene(let scene, let frame):
        lines.append(
          "scene \(rc(frame)) of \(n(scene.size.width))x\(n(scene.size.height)) \"\(scene.title)\"")
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  private func n(_ v: Double) -> String { NumberText.short(v) }
  private func p(_ q: Point) -> String { "(\(n(q.x)),\(n(q.y)))" }
  private func rc(_ r: Rect) -> String { "[\(n(r.x)),\(n(r.y)) \(n(r.width))x\(n(r.height))]" }
  private func s(_ style: ShapeStyle) -> String {
    "fill \(style.fill.map(\.description) ?? "none") stroke \(style.stroke.map(\.description) ?? "none") w\(n(style.lineWidth))"
  }
  private func o(_ owner: SceneOwner) -> String {
    switch owner {
    case .node(let i): "node\(i)"
    case .edge(let i): "edge\(i)"
    case .page: "page"
    case .legend: "legend"
    }
  }
}
