/// Phase 2: the graph made proper — every link joins adjacent ranks.
///
/// Node `n` at rank r goes to grid rank 2r. Each edge gets its *label slot* at the odd rank
/// just before its target, so labels are placed like nodes (never on top of one another,
/// also at fan-out). Sander, "Layout of Directed Hypergraphs with Orthogonal Hyperedges" and
/// dagre's edge-label ranks follow the same idea.
///
/// Long edges are routed around nodes through thin *passages*, one per rank crossed; but
/// the passages belong to the edges' *source*, not to each edge: all edges leaving a node
/// share one trunk and branch off it where their targets are, as the textbooks draw a
/// fan-out (DLFS's branch node). One dummy per edge and rank, as in dot and dagre, made a
/// flat sum `x + x + … + x` of n terms cost n²/2 passages (1,000 terms: 500,000 items and
/// 700 MB); a trunk per source costs at most one passage per rank, 2n for that sum.
struct LayerGrid {
  enum Kind {
    case node(Int)
    case label(edge: Int)
    /// A rank crossed by the trunk of the edges leaving node `source`.
    case passage(source: Int)
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
  /// For each layout edge, how many leading items of its chain are shared with a longer edge
  /// from the same source (its node and trunk passages); 0 for the edge that runs furthest.
  var shared: [Int] = []
  /// The item of each node.
  var nodeItem: [Int] = []

  init(request: LayoutRequest, ranks: Ranks) {
    let horizontal = request.direction == .leftToRight
    func extents(_ size: Size) -> (along: Double, across: Double) {
      horizontal ? (size.width, size.height) : (size.height, size.width)
    }
    let top = ranks.top * 2
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
    // Each source's trunk: its passages by rank, made as far as its furthest edge needs.
    var trunk: [Int: [Int]] = [:]
    var furthest: [Int: (edge: Int, rank: Int)] = [:]
    var linkIndex: [Int64: Int] = [:]
    for (index, edge) in request.edges.enumerated() {
      let last = ranks[edge.to] * 2 - 1
      if let f = furthest[edge.from], f.rank >= last { continue }
      furthest[edge.from] = (index, last)
    }
    /// Adds the link a → b, or raises the weight of the link already there (trunk links are
    /// shared by every edge that runs along them).
    func link(_ a: Int, _ b: Int, _ weight: Double) {
      let key = Int64(a) << 32 | Int64(b)
      if let existing = linkIndex[key] {
        links[existing].weight = Swift.max(links[existing].weight, weight)
      } else {
        linkIndex[key] = links.count
        links.append(Link(from: a, to: b, weight: weight))
      }
    }
    for (index, edge) in request.edges.enumerated() {
      var chain = [nodeItem[edge.from]]
      let first = ranks[edge.from] * 2 + 1
      let last = ranks[edge.to] * 2 - 1
      var passages = trunk[edge.from] ?? []
      for rank in stride(from: first, to: last, by: 1) {
        let k = rank - first
        if k == passages.count {
          passages.append(
            add(
              .init(
                kind: .passage(source: edge.from), rank: rank, along: 0, across: passage,
                anchor: passage / 2)))
        }
        chain.append(passages[k])
      }
      trunk[edge.from] = passages
      shared.append(furthest[edge.from]?.edge == index ? 0 : chain.count)
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
        link(a, b, edge.weight * [1, 2, 8][passages])
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

  /// The same grid with its ranks in `order` (phase 3's result). Pre: each of the order's
  /// layers is a permutation of the grid's layer of that rank.
  func ordered(_ order: CrossingReduction.Order) -> LayerGrid {
    precondition(
      order.layers.count == layers.count
        && zip(order.layers, layers).allSatisfy {
          $0.count == $1.count && $0.sorted() == $1.sorted()
        },
      "an order must permute each rank's items")
    var grid = self
    grid.layers = order.layers
    return grid
  }
}
