/// Phase 4: positions across the flow, keeping the order and the gaps.
///
/// Each item is pulled toward the weighted mean of its neighbours; within a rank the
/// positions closest to those wishes that keep the order and the least gaps are found
/// exactly by weighted isotonic regression (pool adjacent violators) after subtracting the
/// cumulative gaps. Sweeps alternate down and up until they settle. A chain of single-input
/// nodes ends up on one straight line; side inputs with a low edge weight move out of its
/// way instead of bending it.
///
/// Post: `positions[item]` is the anchor line of every item; neighbours in a rank are at
/// least their separation apart.
enum CoordinateAssignment {
  static func positions(_ grid: LayerGrid, spacing: Spacing) -> Coordinates {
    var neighbours = [[(item: Int, weight: Double)]](repeating: [], count: grid.items.count)
    for link in grid.links {
      neighbours[link.from].append((link.to, link.weight))
      neighbours[link.to].append((link.from, link.weight))
    }
    var position = [Double](repeating: 0, count: grid.items.count)
    for layer in grid.layers {
      var offset = 0.0
      for (i, item) in layer.enumerated() {
        if i > 0 { offset += separation(grid, layer[i - 1], item, spacing) }
        position[item] = offset
      }
    }
    let sweeps = Swift.max(8, Swift.min(300, 1_500_000 / Swift.max(1, grid.items.count)))
    var previous = position
    for sweep in 0..<sweeps {
      let order = sweep % 2 == 0 ? Array(grid.layers.indices) : grid.layers.indices.reversed()
      for r in order {
        place(grid.layers[r], grid, neighbours, &position, spacing)
      }
      // Settled: after a down and an up sweep nothing moved by a thousandth of a point.
      if sweep % 2 == 1 {
        var moved = 0.0
        for i in position.indices { moved = Swift.max(moved, Swift.abs(position[i] - previous[i])) }
        if moved < 1e-3 { break }
        previous = position
      }
    }
    return Coordinates(across: position)
  }

  /// The least distance between the anchors of two neighbours in a rank.
  static func separation(_ grid: LayerGrid, _ a: Int, _ b: Int, _ spacing: Spacing) -> Double {
    let gap =
      grid.isPassage(a) && grid.isPassage(b) ? spacing.passage / 2 : spacing.between
    return grid.items[a].across - grid.items[a].anchor + gap + grid.items[b].anchor
  }

  private static func place(
    _ layer: [Int], _ grid: LayerGrid, _ neighbours: [[(item: Int, weight: Double)]],
    _ position: inout [Double], _ spacing: Spacing
  ) {
    guard !layer.isEmpty else { return }
    var targets: [Double] = []
    var weights: [Double] = []
    var offsets: [Double] = []
    var offset = 0.0
    for (i, item) in layer.enumerated() {
      if i > 0 { offset += separation(grid, layer[i - 1], item, spacing) }
      offsets.append(offset)
      let ns = neighbours[item]
      let total = ns.reduce(0) { $0 + $1.weight }
      if total > 0 {
        targets.append(ns.reduce(0) { $0 + $1.weight * position[$1.item] } / total - offset)
        weights.append(total)
      } else {
        targets.append(position[item] - offset)
        weights.append(0.01)
      }
    }
    let fitted = isotonic(targets, weights)
    for (i, item) in layer.enumerated() { position[item] = fitted[i] + offsets[i] }
  }

  /// The non-decreasing sequence nearest to `values` in weighted least squares (PAVA).
  static func isotonic(_ values: [Double], _ weights: [Double]) -> [Double] {
    var means: [Double] = []
    var sums: [Double] = []
    var counts: [Int] = []
    for (v, w) in zip(values, weights) {
      means.append(v)
      sums.append(w)
      counts.append(1)
      while means.count > 1, means[means.count - 2] > means[means.count - 1] {
        let w2 = sums.removeLast()
        let m2 = means.removeLast()
        let c2 = counts.removeLast()
        let w1 = sums[sums.count - 1]
        means[means.count - 1] = (means[means.count - 1] * w1 + m2 * w2) / (w1 + w2)
        sums[sums.count - 1] = w1 + w2
        counts[counts.count - 1] += c2
      }
    }
    var result: [Double] = []
    result.reserveCapacity(values.count)
    for (m, c) in zip(means, counts) { result.append(contentsOf: repeatElement(m, count: c)) }
    return result
  }
}

/// Phase 4's result: every grid item's anchor line across the flow, in points.
struct Coordinates {
  var across: [Double]

  subscript(item: Int) -> Double { across[item] }
}
