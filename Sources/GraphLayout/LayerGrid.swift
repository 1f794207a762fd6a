/// Phase 2: the graph made proper — every link joins adjacent ranks.
///
/// Node `n` at rank r goes to grid rank 2r. Each edge gets its *label slot* at the odd rank
/// just before its target, so labels are placed like nodes (never on top of one another,
/// also at fan-out). Sander, "Layout of Directed Hypergraphs with Orthogonal Hyperedges" and
/// dagre's edge-label ranks follow the same idea.
///
/// Long edges are routed around nodes through thin *passages*, one per rank crossed, each
/// edge its own as in dot and dagre, so the wires from one branch point may pass a chain on
/// either side. On a very large graph (``perEdgeSpanLimit``) the passages belong to the
/// edges' *source* instead: all edges leaving a node share one trunk and branch off it where
/// their targets are. One dummy per edge and rank made a flat sum `x + x + … + x` of n terms
/// cost n²/2 passages (1,000 terms: 500,000 items and 700 MB); a trunk per source costs at
/// most one passage per rank, 2n for that sum.
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
    /// A stub: set flush against the end of its column, next to its target.
    var flush: Bool = false
    /// For a stub, where it goes among its target's inputs: -1 before the others (a first
    /// operand), `Int.max` after them.
    var hint: Int = 0
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

  /// Above this many passages in all (one per edge and rank crossed) edges from one source
  /// share a trunk; a lesson-sized graph stays far below it (the largest built-in: 180).
  static let perEdgeSpanLimit = 20_000

  init(request: LayoutRequest, ranks: Ranks, perEdgeSpanLimit: Int = LayerGrid.perEdgeSpanLimit) {
    let horizontal = request.direction == .leftToRight
    func extents(_ size: Size) -> (along: Double, across: Double) {
      horizontal ? (size.width, size.height) : (size.height, size.width)
    }
    // Stubs: constants with one unlabelled edge out and none in, by their edge.
    var outCount = [Int](repeating: 0, count: request.nodes.count)
    var inCount = [Int](repeating: 0, count: request.nodes.count)
    for edge in request.edges {
      outCount[edge.from] += 1
      inCount[edge.to] += 1
    }
    var stubEdge = [Int?](repeating: nil, count: request.nodes.count)
    var slotOfEdge = [Int](repeating: 0, count: request.edges.count)
    var seenInputs = [Int](repeating: 0, count: request.nodes.count)
    for (index, edge) in request.edges.enumerated() {
      slotOfEdge[index] = seenInputs[edge.to]
      seenInputs[edge.to] += 1
      if request.nodes[edge.from].stub, outCount[edge.from] == 1, inCount[edge.from] == 0,
        edge.label == .zero
      {
        stubEdge[edge.from] = index
      }
    }
    // A stub before a node of the first rank needs a column before it: shift by one rank.
    let shift =
      request.edges.indices.contains {
        stubEdge[request.edges[$0].from] == $0 && ranks[request.edges[$0].to] == 0
      } ? 2 : 0
    let top = ranks.top * 2 + shift
    layers = Array(repeating: [], count: top + 1)
    for (id, node) in request.nodes.enumerated() {
      let (along, across) = extents(node.size)
      if let e = stubEdge[id] {
        let target = request.edges[e].to
        var item = Item(
          kind: .node(id), rank: ranks[target] * 2 + shift - 1, along: along, across: across,
          anchor: across / 2)
        item.flush = true
        item.hint = slotOfEdge[e] == 0 ? -1 : Int.max
        nodeItem.append(add(item))
      } else {
        nodeItem.append(
          add(
            .init(
              kind: .node(id), rank: ranks[id] * 2 + shift, along: along, across: across,
              anchor: across / 2)))
      }
    }
    let passage = request.spacing.passage
    // Each source's trunk: its passages by rank, made as far as its furthest edge needs. A
    // graph of lesson size gets a trunk per edge instead, as dot draws long edges: wires
    // from one branch point may then pass a chain on both sides (a trunk per source forced
    // them all to one side, a crossing dot does not make in 1 of 10 random expressions).
    var span = 0
    for edge in request.edges { span += Swift.max(0, 2 * (ranks[edge.to] - ranks[edge.from]) - 2) }
    let trunkPerEdge = span <= perEdgeSpanLimit
    var trunk: [Int: [Int]] = [:]
    var furthest: [Int: (edge: Int, rank: Int)] = [:]
    var linkIndex: [Int64: Int] = [:]
    for (index, edge) in request.edges.enumerated() where stubEdge[edge.from] != index {
      let last = ranks[edge.to] * 2 + shift - 1
      let key = trunkPerEdge ? request.nodes.count + index : edge.from
      if let f = furthest[key], f.rank >= last { continue }
      furthest[key] = (index, last)
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
      if stubEdge[edge.from] == index {
        // A stub: straight into its target, the heaviest link, so it stays level with it.
        let chain = [nodeItem[edge.from], nodeItem[edge.to]]
        link(chain[0], chain[1], edge.weight * 4)
        shared.append(0)
        chains.append(chain)
        continue
      }
      var chain = [nodeItem[edge.from]]
      let first = ranks[edge.from] * 2 + shift + 1
      let last = ranks[edge.to] * 2 + shift - 1
      let key = trunkPerEdge ? request.nodes.count + index : edge.from
      var passages = trunk[key] ?? []
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
      trunk[key] = passages
      shared.append(furthest[key]?.edge == index ? 0 : chain.count)
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
      // Gansner et al.'s weights: long edges stay straight between their ends. The last
      // link, from the label into the target, weighs more, so a wire that must bend does it
      // before its labels and enters its node straight.
      for (a, b) in zip(chain, chain.dropFirst()) {
        let passages = (isPassage(a) ? 1 : 0) + (isPassage(b) ? 1 : 0)
        link(a, b, edge.weight * [1, 2, 8][passages] * (b == chain.last ? 1.5 : 1))
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
