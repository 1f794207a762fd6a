public import Drawing
public import GraphLayout

/// Typeset math: a box with a width, a height above the baseline (ascent) and below it
/// (descent), and what to draw, relative to its left end on the baseline (y grows down).
public struct MathBox: Sendable {
  public var width: Double = 0
  public var ascent: Double = 0
  public var descent: Double = 0
  public var items: [MathItem] = []

  public init(width: Double = 0, ascent: Double = 0, descent: Double = 0, items: [MathItem] = []) {
    self.width = width
    self.ascent = ascent
    self.descent = descent
    self.items = items
  }

  public var height: Double { ascent + descent }

  /// The items moved by (dx, dy).
  public func shifted(_ dx: Double, _ dy: Double) -> [MathItem] {
    items.map { $0.shifted(dx, dy) }
  }

  /// What the box draws, in `color`, with its baseline's left end at `origin`.
  public func elements(at origin: Point, color: Color) -> [SceneElement] {
    shifted(origin.x, origin.y).map { item in
      switch item {
      case .text(let markup, let font, let o):
        .baselineText(markup, font: font, color: color, origin: o, owner: .page)
      case .rule(let x, let y, let w, let t):
        .rectangle(Rect(x: x, y: y - t / 2, width: w, height: t), fill: color, owner: .page)
      case .path(let points, let w):
        .polyline(points, color: color, width: w, owner: .page)
      }
    }
  }

  /// The box scaled about its origin, for equations too wide for the page.
  public func scaled(_ s: Double) -> MathBox {
    MathBox(
      width: width * s, ascent: ascent * s, descent: descent * s, items: items.map { $0.scaled(s) })
  }
}

/// One mark of typeset math.
public enum MathItem: Sendable {
  /// Pango markup whose baseline starts at `origin`.
  case text(String, Font, origin: Point)
  /// A horizontal rule (fraction bar), `y` its centre.
  case rule(x: Double, y: Double, width: Double, thickness: Double)
  /// A stroked path (radical sign, tall parentheses).
  case path([Point], width: Double)

  public func shifted(_ dx: Double, _ dy: Double) -> MathItem {
    switch self {
    case .text(let m, let f, let o): .text(m, f, origin: Point(x: o.x + dx, y: o.y + dy))
    case .rule(let x, let y, let w, let t): .rule(x: x + dx, y: y + dy, width: w, thickness: t)
    case .path(let points, let w): .path(points.map { Point(x: $0.x + dx, y: $0.y + dy) }, width: w)
    }
  }

  public func scaled(_ s: Double) -> MathItem {
    switch self {
    case .text(let m, var f, let o):
      f.size *= s
      return .text(m, f, origin: Point(x: o.x * s, y: o.y * s))
    case .rule(let x, let y, let w, let t):
      return .rule(x: x * s, y: y * s, width: w * s, thickness: t * s)
    case .path(let points, let w):
      return .path(points.map { Point(x: $0.x * s, y: $0.y * s) }, width: w * s)
    }
  }
}
