import Testing

@testable import GraphLayout

@Suite("Phase 4: coordinate assignment")
struct CoordinateAssignmentTests {
  @Test(
    "neighbours in a rank are at least their separation apart, in order",
    arguments: LayoutFixtures.all.indices)
  func separation(_ index: Int) {
    var grid = LayerGridTests.grid(LayoutFixtures.all[index])
    grid = grid.ordered(CrossingReduction.order(grid))
    let spacing = Spacing()
    let position = CoordinateAssignment.positions(grid, spacing: spacing)
    for layer in grid.layers {
      for (a, b) in zip(layer, layer.dropFirst()) {
        let gap = position[b] - position[a]
        #expect(gap >= CoordinateAssignment.separation(grid, a, b, spacing) - 1e-6)
      }
    }
  }

  @Test("a chain of single-input nodes lies on one straight line")
  func chainIsStraight() {
    let request = LayoutFixtures.request(5, [(0, 1), (1, 2), (2, 3), (3, 4)])
    var grid = LayerGridTests.grid(request)
    grid = grid.ordered(CrossingReduction.order(grid))
    let position = CoordinateAssignment.positions(grid, spacing: Spacing())
    let lines = Set(grid.nodeItem.map { (position[$0] * 1000).rounded() })
    #expect(lines.count == 1)
  }

  @Test("isotonic regression: non-decreasing, the weighted least-squares fit (PAVA)")
  func isotonic() {
    let fitted = CoordinateAssignment.isotonic([3, 1, 2, 5, 4], [1, 1, 1, 1, 3])
    for (a, b) in zip(fitted, fitted.dropFirst()) { #expect(a <= b + 1e-12) }
    // 3, 1, 2 pool to their mean 2; 5 and 4 (weight 3) pool to 4.25.
    #expect(fitted == [2, 2, 2, 4.25, 4.25])
    #expect(CoordinateAssignment.isotonic([1, 2, 3], [1, 1, 1]) == [1, 2, 3])
  }
}
