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
