public import GraphLayout

/// A figure as a backend-neutral display list: what to draw, in order, in points. The Cairo
/// canvas only draws it; tests compare it as text.
public struct Scene: Sendable {
  public var size: Size
  public var background: Color
  /// The figure's title: PDF metadata, SVG `<title>`, alt text.
  public var title: String
  public var elements: [SceneElement]

  public init(size: Size, background: Color, title: String, elements: [SceneElement] = []) {
    self.size = size
    self.background = background
    self.title = title
    self.elements = elements
  }
}

/// What a scene element belongs to, for the geometry checks.
public enum SceneOwner: Hashable, Sendable {
  case node(Int)
  case edge(Int)
}

/// One thing to draw.
public enum SceneElement: Sendable {
  case circle(center: Point, radius: Double, style: ShapeStyle, owner: SceneOwner)
  case ellipse(Rect, style: ShapeStyle, owner: SceneOwner)
  case roundedRect(Rect, radius: Double, style: ShapeStyle, owner: SceneOwner)
  case polyline([Point], color: Color, width: Double, owner: SceneOwner)
  /// An arrowhead whose tip is at `tip`, pointing along the unit vector `direction`.
  case arrowhead(
    tip: Point, direction: Point, length: Double, width: Double, filled: Bool, color: Color,
    lineWidth: Double, owner: SceneOwner)
  case text(TextRun, owner: SceneOwner)
}

/// Fill and outline of a shape.
public struct ShapeStyle: Hashable, Sendable {
  public var fill: Color?
  public var stroke: Color?
  public var lineWidth: Double

  public init(fill: Color?, stroke: Color?, lineWidth: Double) {
    self.fill = fill
    self.stroke = stroke
    self.lineWidth = lineWidth
  }
}

/// A block of Pango markup placed in a box (its logical extents, as measured).
public struct TextRun: Hashable, Sendable {
  public var markup: String
  public var font: Font
  public var color: Color
  /// The text's logical box; several lines are centred on one another.
  public var frame: Rect

  public init(markup: String, font: Font, color: Color, frame: Rect) {
    self.markup = markup
    self.font = font
    self.color = color
    self.frame = frame
  }
}
