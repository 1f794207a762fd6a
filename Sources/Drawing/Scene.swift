public import GraphLayout

/// A figure, or a handout page, as a backend-neutral display list: what to draw, in order, in
/// points, y growing down. The Cairo canvas only draws it; tests compare it as text.
public struct Scene: Sendable {
  public var size: Size
  public var background: Color
  /// The figure's title: PDF metadata, SVG `<title>`, alt text.
  public var title: String
  /// How the corners of stroked lines are joined.
  public var lineJoin: LineJoin
  public var elements: [SceneElement]
  /// Where a figure put its nodes, wires and labels (nil for a handout page).
  public var geometry: FigureGeometry?
  /// Where the figure may be cut into parts side by side (x positions; see
  /// ``Scene/split(at:)``); empty if it may not.
  public var cuts: [Double] = []
  /// The highlighted node's frame in a step figure (nil in other figures): a handout that
  /// prints the steps small shows the part of a wide graph around it.
  public var focus: Rect?
  /// Whether the highlighted node shows in itself the gradient arriving from upstream
  /// (colah's nodes hold it; the other styles write it on the wire out): a close-up of the step
  /// then needs the wires into the node with their labels, not the wires out.
  public var focusHoldsGradient = false
  /// The same figure turned to flow left to right, for a colah tree too wide to print
  /// readably (a handout uses it, and may cut it); empty otherwise.
  public var turned: [Scene] = []

  public init(
    size: Size, background: Color, title: String, lineJoin: LineJoin = .miter,
    elements: [SceneElement] = []
  ) {
    self.size = size
    self.background = background
    self.title = title
    self.lineJoin = lineJoin
    self.elements = elements
  }
}

/// How the corners of a stroked line are joined.
public enum LineJoin: Hashable, Sendable {
  /// Pointed corners, cut off where they grow too long: PDF's and Cairo's default.
  case miter
  /// Rounded corners.
  case round
}

/// What a scene element belongs to, for the geometry checks.
public enum SceneOwner: Hashable, Sendable {
  case node(Int)
  case edge(Int)
  /// A handout page's own text, math and rules (not part of a figure).
  case page
  /// A figure's legend under the graph.
  case legend
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
  /// One line of Pango markup with its baseline's left end at `origin` (typeset math).
  case baselineText(String, font: Font, color: Color, origin: Point, owner: SceneOwner)
  /// A filled rectangle (a fraction bar).
  case rectangle(Rect, fill: Color, owner: SceneOwner)
  /// Another scene scaled into `frame`, without its background: a figure on a handout page.
  case scene(Scene, frame: Rect)
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
  /// The text's logical box; without a wrap width, several lines are centred on one another.
  public var frame: Rect
  /// The width the text is broken into left-aligned lines at; nil for the lines as written.
  public var wrapWidth: Double?

  public init(markup: String, font: Font, color: Color, frame: Rect, wrapWidth: Double? = nil) {
    self.markup = markup
    self.font = font
    self.color = color
    self.frame = frame
    self.wrapWidth = wrapWidth
  }
}

extension Scene {
  /// The size of the smallest text in the scene, in points (nil without text): what a
  /// figure scaled by s prints its smallest label at, times s.
  public var smallestTextSize: Double? {
    elements.compactMap { element -> Double? in
      switch element {
      case .text(let run, _): run.font.size
      case .baselineText(_, let font, _, _, _): font.size
      default: nil
      }
    }.min()
  }
}
