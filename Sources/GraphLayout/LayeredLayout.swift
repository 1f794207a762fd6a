/// Lays out a DAG in layers, left to right or bottom to top, with a label box on every
/// edge: ranks, proper layering with label slots, crossing reduction, coordinates, routing.
public enum LayeredLayout {
  public static func layout(_ request: LayoutRequest) -> LayoutResult {
    let ranks = RankAssignment.ranks(nodeCount: request.nodes.count, edges: request.edges)
    let proper = LayerGrid(request: request, ranks: ranks)
    let grid = proper.ordered(CrossingReduction.order(proper))
    let across = CoordinateAssignment.positions(grid, spacing: request.spacing)
    return EdgeRouting.result(grid, across: across, request: request)
  }
}
