public import GraphLayout

/// Where a figure put everything, for renderers of its own (TikZ, D3, slides) and for tests
/// that measure it: `lessongen layout` prints it as JSON (docs/LAYOUT.md). Points, boxes by
/// their top-left corner, y downward; texts plain, without markup.
public struct FigureGeometry: Sendable {
  /// Which way the graph flows: DLFS and CS231n to the right, colah up.
  public enum Direction: String, Sendable {
    case right, up
  }

  public enum NodeKind: String, Sendable {
    /// A free variable, at the start of its wires.
    case input
    /// A number written in the function (DLFS's side inputs).
    case constant
    /// An operation: a circle, or colah's ellipse.
    case operation
    /// The end of the output's wire (DLFS, CS231n; colah's output is its last operation).
    case output
  }

  public struct Node: Sendable {
    /// The node's id in the trace JSON (its name, or `#n`); `#output` for the output's end.
    public var id: String
    public var kind: NodeKind
    /// The text inside or at the node.
    public var label: String
    public var frame: Rect

    public init(id: String, kind: NodeKind, label: String, frame: Rect) {
      self.id = id
      self.kind = kind
      self.label = label
      self.frame = frame
    }
  }

  public struct Edge: Sendable {
    public var from: String
    public var to: String
    /// The wire from the source's boundary to the target's, arrowheads excluded.
    public var points: [Point]

    public init(from: String, to: String, points: [Point]) {
      self.from = from
      self.to = to
      self.points = points
    }
  }

  /// A text set along a wire: a value, a gradient, a name, a local derivative.
  public struct Label: Sendable {
    public var text: String
    public var frame: Rect

    public init(text: String, frame: Rect) {
      self.text = text
      self.frame = frame
    }
  }

  public var size: Size
  public var direction: Direction
  public var nodes: [Node] = []
  public var edges: [Edge] = []
  public var labels: [Label] = []

  public init(
    size: Size, direction: Direction, nodes: [Node] = [], edges: [Edge] = [],
    labels: [Label] = []
  ) {
    self.size = size
    self.direction = direction
    self.nodes = nodes
    self.edges = edges
    self.labels = labels
  }
}
