import Testing

@testable import GraphLayout

@Suite("Phase 2: the layer grid")
struct LayerGridTests {
  static func grid(_ request: LayoutRequest) -> LayerGrid {
    let ranks = RankAssignment.ranks(nodeCount: request.nodes.count, edges: request.edges)
    return LayerGrid(request: request, ranks: ranks)
  }

  @Test(
    "every link joins adjacent ranks; chains run from source to target",
    arguments: LayoutFixtures.all.indices)
  func proper(_ index: Int) {
    let request = LayoutFixtures.all[index]
    let grid = Self.grid(request)
    for link in grid.links {
      #expect(grid.items[link.to].rank == grid.items[link.from].rank + 1)
    }
    for (e, chain) in grid.chains.enumerated() {
      #expect(chain.first == grid.nodeItem[request.edges[e].from])
      #expect(chain.last == grid.nodeItem[request.edges[e].to])
      // The label slot is just before the target.
      if case .label(let edge) = grid.items[chain[chain.count - 2]].kind {
        #expect(edge == e)
      } else {
        Issue.record("edge \(e) has no label slot before its target")
      }
      for (a, b) in zip(chain, chain.dropFirst()) {
        #expect(grid.items[b].rank == grid.items[a].rank + 1)
      }
    }
    for (r, layer) in grid.layers.enumerated() {
      for item in layer { #expect(grid.items[item].rank == r) }
    }
  }

  @Test("a large fan-out shares one trunk: a flat sum of n terms costs O(n) items, not n²/2")
  func trunkIsLinear() {
    for terms in [10, 100, 1_000] {
      let request = LayoutFixtures.flatSum(terms)
      let ranks = RankAssignment.ranks(nodeCount: request.nodes.count, edges: request.edges)
      // 1,000 terms are over the limit by themselves; the smaller sums are made to share.
      let grid = LayerGrid(
        request: request, ranks: ranks,
        perEdgeSpanLimit: terms < 1_000 ? 0 : LayerGrid.perEdgeSpanLimit)
      let passages = grid.items.indices.filter { grid.isPassage($0) }.count
      // x's trunk crosses each of the 2·terms grid ranks at most once.
      #expect(passages <= 2 * terms, "\(terms) terms: \(passages) passages")
      #expect(grid.items.count <= 5 * terms)
    }
  }

  @Test("a small graph gives every long edge its own passages, as dot does")
  func passagesPerEdge() {
    let request = LayoutFixtures.flatSum(6)
    let grid = Self.grid(request)
    #expect(grid.shared.allSatisfy { $0 == 0 })
    var seen: Set<Int> = []
    for chain in grid.chains {
      for item in chain where grid.isPassage(item) { #expect(seen.insert(item).inserted) }
    }
  }

  @Test("over the limit, edges from one source share their passages; the furthest owns them")
  func sharedPrefix() {
    let request = LayoutFixtures.flatSum(6)
    let grid = LayerGrid(
      request: request,
      ranks: RankAssignment.ranks(nodeCount: request.nodes.count, edges: request.edges),
      perEdgeSpanLimit: 0)
    let fromX = grid.chains.indices.filter { LayoutFixtures.flatSum(6).edges[$0].from == 0 }
    let owners = fromX.filter { grid.shared[$0] == 0 }
    #expect(owners.count == 1)
    for e in fromX where grid.shared[e] > 0 {
      let owner = grid.chains[owners[0]]
      let prefix = grid.chains[e].prefix(grid.shared[e])
      #expect(Array(owner.prefix(prefix.count)) == Array(prefix))
    }
  }

  @Test("an order that is not a permutation of each rank breaks the precondition")
  func orderMustPermute() async {
    await #expect(processExitsWith: .failure) {
      let grid = LayerGridTests.grid(LayoutFixtures.sigmoid)
      var layers = grid.layers
      layers[0].append(layers[0][0])
      _ = grid.ordered(CrossingReduction.Order(layers: layers, crossings: 0))
    }
  }

  @Test("the crossing reduction's order is accepted and leaves the items and links alone")
  func orderedKeepsItems() {
    let grid = LayerGridTests.grid(LayoutFixtures.sigmoid)
    let ordered = grid.ordered(CrossingReduction.order(grid))
    #expect(ordered.items.count == grid.items.count)
    #expect(ordered.links.count == grid.links.count)
    #expect(ordered.chains == grid.chains)
  }
}
