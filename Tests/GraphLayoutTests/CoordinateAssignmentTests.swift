import Testing

@testable import GraphLayout

@Suite("Phase 4: coordinate assignment")
struct CoordinateAssignmentTests {
  @Test(
    "neighbours in a rank are at least their separation (less half its gap) apart, in order",
    arguments: LayoutFixtures.all.indices)
  func separation(_ index: Int) {
    var grid = LayerGridTests.grid(LayoutFixtures.all[index])
    grid = grid.ordered(CrossingReduction.order(grid))
    let spacing = Spacing()
    let position = CoordinateAssignment.positions(grid, spacing: spacing)
    for layer in grid.layers {
      for (a, b) in zip(layer, layer.dropFirst()) {
        let gap = position[b] - position[a]
        #expect(gap >= CoordinateAssignment.leastApart(grid, a, b, spacing) - 1e-6)
      }
    }
  }

  @Test(
    "no wire steps across by less than 8 pt: it runs straight or bends clearly",
    arguments: LayoutFixtures.all.indices)
  func noSmallJogs(_ index: Int) {
    var grid = LayerGridTests.grid(LayoutFixtures.all[index])
    grid = grid.ordered(CrossingReduction.order(grid))
    let position = CoordinateAssignment.positions(grid, spacing: Spacing())
    for link in grid.links {
      let step = abs(position[link.to] - position[link.from])
      #expect(step < 1e-9 || step >= CoordinateAssignment.leastJog, "a step of \(step) pt")
    }
  }

  @Test(
    "a node between two inputs a separation apart lines up with one of them, not a few points off")
  func smallJogStraightened() {
    // x and a feed m; m and n feed o: the simplex may leave m a point or two off its inputs'
    // lines where any place between them costs the same.
    let request = LayoutFixtures.request(
      6, [(0, 2), (1, 2), (2, 4), (3, 4), (4, 5)])
    var grid = LayerGridTests.grid(request)
    grid = grid.ordered(CrossingReduction.order(grid))
    var across = CoordinateAssignment.positions(grid, spacing: Spacing()).across
    let m = grid.nodeItem[2]
    // m set 2 pt off the line of its first input, then straightened.
    across[m] = across[grid.nodeItem[0]] + 2
    #expect(grid.links.contains { abs(across[$0.to] - across[$0.from]) == 2 })
    CoordinateAssignment.removeSmallJogs(&across, grid, spacing: Spacing())
    for link in grid.links {
      let step = abs(across[link.to] - across[link.from])
      #expect(step < 1e-9 || step >= CoordinateAssignment.leastJog, "a step of \(step) pt")
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
