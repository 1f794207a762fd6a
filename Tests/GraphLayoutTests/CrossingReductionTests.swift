import Testing

@testable import GraphLayout

@Suite("Phase 3: crossing reduction")
struct CrossingReductionTests {
  @Test(
    "the order is a permutation of every rank, with its crossings counted",
    arguments: LayoutFixtures.all.indices)
  func permutation(_ index: Int) {
    let grid = LayerGridTests.grid(LayoutFixtures.all[index])
    let order = CrossingReduction.order(grid)
    #expect(order.layers.count == grid.layers.count)
    for (a, b) in zip(order.layers, grid.layers) { #expect(a.sorted() == b.sorted()) }
    var ordered = grid
    ordered.layers = order.layers
    var position = [Int](repeating: 0, count: grid.items.count)
    for layer in order.layers { for (i, item) in layer.enumerated() { position[item] = i } }
    #expect(CrossingReduction.crossings(ordered, position) == order.crossings)
  }

  @Test("a crossing that a swap removes is removed")
  func removesSimpleCrossing() {
    // a, b → c and a, b → d, with c fed by b only from the second slot: any order works;
    // x → q, y → p with p listed first crosses until one rank is swapped.
    let request = LayoutFixtures.request(4, [(0, 3), (1, 2)])
    let grid = LayerGridTests.grid(request)
    #expect(CrossingReduction.order(grid).crossings == 0)
  }

  @Test(
    "side-by-side wires trade places without adding a crossing; the least bendy layout is kept",
    arguments: LayoutFixtures.all.indices)
  func passageSwaps(_ index: Int) {
    let request = LayoutFixtures.all[index]
    let grid = LayerGridTests.grid(request)
    let order = CrossingReduction.order(grid)
    let swaps = CrossingReduction.passageSwaps(grid, order, limit: 100)
    var ordered = grid
    var position = [Int](repeating: 0, count: grid.items.count)
    for swapped in swaps {
      #expect(swapped.layers != order.layers)
      for (a, b) in zip(swapped.layers, grid.layers) { #expect(a.sorted() == b.sorted()) }
      ordered.layers = swapped.layers
      for layer in swapped.layers { for (i, item) in layer.enumerated() { position[item] = i } }
      #expect(CrossingReduction.crossings(ordered, position) == swapped.crossings)
      #expect(swapped.crossings <= order.crossings)
    }
    let kept = LayeredLayout.layout(request).bendiness
    #expect(kept <= LayeredLayout.laidOut(grid, order, request).bendiness)
    for swapped in swaps.prefix(LayeredLayout.swapLimit) {
      #expect(!LayeredLayout.laidOut(grid, swapped, request).bendiness.isClearlyBetter(than: kept))
    }
  }

  @Test("two long wires side by side are traded over one unbroken stretch of ranks")
  func tradesAStretch() {
    var traded = 0
    for request in LayoutFixtures.all {
      let grid = LayerGridTests.grid(request)
      let order = CrossingReduction.order(grid)
      for swapped in CrossingReduction.passageSwaps(grid, order, limit: 100) {
        traded += 1
        // The node ranks changed: consecutive, each by two neighbouring passages trading.
        let changed = stride(from: 0, to: grid.layers.count, by: 2).filter {
          swapped.layers[$0] != order.layers[$0]
        }
        #expect(!changed.isEmpty && changed.last! - changed.first! == 2 * (changed.count - 1))
        for rank in changed {
          let moved = order.layers[rank].indices.filter {
            order.layers[rank][$0] != swapped.layers[rank][$0]
          }
          #expect(moved.count == 2 && moved[1] == moved[0] + 1)
          #expect(moved.allSatisfy { grid.isPassage(order.layers[rank][$0]) })
        }
      }
    }
    #expect(traded > 0)
  }

  @Test("inversions are counted as by brute force")
  func inversions() {
    var state: UInt64 = 7
    for _ in 0..<50 {
      var values: [Int] = []
      for _ in 0..<20 {
        state = state &* 6_364_136_223_846_793_005 &+ 1
        values.append(Int((state >> 33) % 8))
      }
      var brute = 0
      for i in values.indices {
        for j in values.indices where i < j && values[i] > values[j] { brute += 1 }
      }
      #expect(CrossingReduction.inversions(values, size: 8) == brute)
    }
  }
}
