/// Lays out a DAG in layers, left to right or bottom to top, with a label box on every
/// edge: ranks, proper layering with label slots, crossing reduction, coordinates, routing.
public enum LayeredLayout {
  /// Above this many nodes a figure is laid out once, in the order crossing reduction chose;
  /// up to it, orders that trade two side-by-side wires are laid out too (at most
  /// ``swapLimit``), and one whose wires clearly bend less is kept. On the 17-operation
  /// two-tanh lesson in colah style (a handout of 30 step figures) this costs about 5 % of
  /// the run.
  static let swapNodeLimit = 60
  static let swapLimit = 16

  public static func layout(_ request: LayoutRequest) -> LayoutResult {
    let ranks = RankAssignment.ranks(nodeCount: request.nodes.count, edges: request.edges)
    let proper = LayerGrid(request: request, ranks: ranks)
    let order = CrossingReduction.order(proper)
    var best = laidOut(proper, order, request)
    guard request.nodes.count <= swapNodeLimit, best.bendiness.total > 0 else { return best }
    for other in CrossingReduction.passageSwaps(proper, order, limit: swapLimit) {
      let result = laidOut(proper, other, request)
      if result.bendiness.isClearlyBetter(than: best.bendiness) { best = result }
    }
    return best
  }

  /// Phases 4 and 5 on `grid` in `order`.
  static func laidOut(
    _ grid: LayerGrid, _ order: CrossingReduction.Order, _ request: LayoutRequest
  ) -> LayoutResult {
    let ordered = grid.ordered(order)
    let across = CoordinateAssignment.positions(ordered, spacing: request.spacing)
    return EdgeRouting.result(ordered, across: across, request: request)
  }
}
