/// What to lay out: boxes and the edges between them, each edge with a slot for its labels.
public struct LayoutRequest: Sendable {
  /// Which way the edges flow.
  public enum Direction: Sendable {
    /// Inputs on the left (DLFS, CS231n).
    case leftToRight
    /// Inputs at the bottom, a tree growing up (colah).
    case bottomToTop
  }

  public var nodes: [LayoutNode]
  public var edges: [LayoutEdge]
  public var direction: Direction
  public var spacing: Spacing

  public init(
    nodes: [LayoutNode], edges: [LayoutEdge], direction: Direction = .leftToRight,
    spacing: Spacing = Spacing()
  ) {
    self.nodes = nodes
    self.edges = edges
    self.direction = direction
    self.spacing = spacing
  }
}

/// A box to place; ids are indices into ``LayoutRequest/nodes``.
public struct LayoutNode: Sendable {
  /// The box, in figure orientation.
  public var size: Size
  /// A constant drawn as a short stub at the node it feeds: when it has one edge out and
  /// no label on it, it sits in the label column just before that node, flush against it,
  /// instead of a column of its own.
  public var stub: Bool

  public init(size: Size, stub: Bool = false) {
    self.size = size
    self.stub = stub
  }
}

/// An edge `from` → `to` (the graph must be acyclic).
public struct LayoutEdge: Sendable {
  public var from: Int
  public var to: Int
  /// The box holding the edge's labels, in figure orientation; the edge runs straight through
  /// it. Zero for an edge without labels.
  public var label: Size
  /// Where the edge runs through the label box, measured across the flow from its top
  /// (left to right) or from its left (bottom to top): between the labels above and below.
  public var lineOffset: Double
  /// How much the layout tries to keep the edge straight (1 normal; less for side inputs).
  public var weight: Double

  public init(from: Int, to: Int, label: Size = .zero, lineOffset: Double = 0, weight: Double = 1) {
    self.from = from
    self.to = to
    self.label = label
    self.lineOffset = lineOffset
    self.weight = weight
  }
}

/// Distances, in points.
public struct Spacing: Sendable {
  /// Least gap between neighbouring boxes across the flow.
  public var between: Double = 14
  /// Least gap between columns along the flow (diagonal segments cross it).
  public var columnGap: Double = 18
  /// Largest column gap: steeper diagonals get more room up to this.
  public var maximumColumnGap: Double = 60
  /// Empty border around the figure.
  public var margin: Double = 16
  /// How much room a long edge passing through a column takes across the flow.
  public var passage: Double = 6
  /// Least straight run into a target, for its arrowhead; less than ``columnGap``.
  public var finalStub: Double = 11

  public init() {}
}
