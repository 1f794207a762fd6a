/// Where everything went: node boxes, label boxes and edge paths, in figure coordinates.
public struct LayoutResult: Sendable {
  /// The figure's size, margins included.
  public var size: Size
  /// Each node's box, by node id.
  public var nodes: [Rect]
  /// Each edge's route, by edge index.
  public var edges: [EdgeRoute]
  /// Where the figure may be cut across the flow (x for a left-to-right figure, empty for
  /// another): just after each column of nodes, where no box is crossed and no wire starts
  /// or ends. A figure too wide to print is split there.
  public var cuts: [Double] = []
}

/// The path of one edge and the box of its labels.
public struct EdgeRoute: Sendable {
  /// The polyline from the source's boundary to the target's boundary.
  public var points: [Point]
  /// The label box the edge runs through.
  public var label: Rect
  /// The straight part of the path inside the label box, in flow direction.
  public var labelLine: (start: Point, end: Point)
  /// Where the edge leaves the trunk it shares with a longer edge from the same source, as
  /// an index into ``points``; 0 for the edge that runs furthest. Points before it are drawn
  /// by that longer edge, so a fan-out's trunk is drawn once.
  public var branch: Int = 0
}
