/// Phase 2: the graph made proper — every link joins adjacent ranks.
///
/// Node `n` at rank r goes to grid rank 2r. Each edge gets its *label slot* at the odd rank
/// just before its target, and a thin *passage* at every rank it crosses before that, so
/// labels are placed like nodes (never on top of one another, also at fan-out) and long
/// edges are routed around nodes. Sander, "Layout of Directed Hypergraphs with Orthogonal
/// Hyperedges" and dagre's edge-label ranks follow the same idea.
struct LayerGrid {
  enum Kind {
    case node(Int)
    case label(edge: Int)
    case passage(edge: Int)
  }

  struct Item {
    var kind: Kind
    var rank: Int
    /// Extent along the flow.
    var along: Double
    /// Extent across the flow.
    var across: Double
    /// Where links attach, measured across from the item's start.
    var anchor: Double
  }

  struct Link {
    var from: Int
    var to: Int
    var weight: Double
  }

  var items: [Item] = []
  var layers: [[Int]] = []
  var links: [Link] = []
  /// For each layout edge, its items from source node to target node.
  var chains: [[Int]] = []
  /// The item of each node.
  var nodeItem: [Int] = []

  init(request: LayoutRequest, ranks: [Int]) {
    let horizontal = request.direction == .leftToRight
    func extents(_ size: Size) -> (along: Double, across: Double) {
      horizontal ? (size.width, size.height) : (size.height, size.width)
    }
    let top = (ranks.max() ?? 0) * 2
    layers = Array(repeating: [], count: top + 1)
    for (id, node) in request.nodes.enumerated() {
      let (along, across) = extents(node.size)
      nodeItem.append(
        add(
          .init(
            kind: .node(id), rank: ranks[id] * 2, along: along, across: across, anchor: across / 2))
      )
    }
    let passage = request.spacing.passage
    for (index, edge) in request.edges.enumerated() {
      var chain = [nodeItem[edge.from]]
      let first = ranks[edge.from] * 2 + 1
      let last = ranks[edge.to] * 2 - 1
      for rank in stride(from: first, to: last, by: 1) {
        chain.append(
          add(
            .init(
              kind: .passage(edge: index), rank: rank, along: 0, across: passage,
              anchor: passage / 2)))
      }
      let (along, across) = extents(edge.label)
      if across > 0 {
        chain.append(
          add(
            .init(
              kind: .label(edge: index), rank: last, along: along, across: across,
              anchor: edge.lineOffset)))
      } else {
        chain.append(
          add(
            .init(
              kind: .label(edge: index), rank: last, along: along, across: passage,
              anchor: passage / 2)))
      }
      chain.append(nodeItem[edge.to])
      // Gansner et al.'s weights: long edges stay straight between their ends.
      for (a, b) in zip(chain, chain.dropFirst()) {
        let passages = (isPassage(a) ? 1 : 0) + (isPassage(b) ? 1 : 0)
        links.append(Link(from: a, to: b, weight: edge.weight * [1, 2, 8][passages]))
      }
      chains.append(chain)
    }
  }

  private mutating func add(_ item: Item) -> Int {
    items.append(item)
    layers[item.rank].append(items.count - 1)
    return items.count - 1
  }

  /// Whether the item is a passage (a long edge going through).
  func isPassage(_ item: Int) -> Bool {
    if case .passage = items[item].kind { return true }
    return false
  }
}
