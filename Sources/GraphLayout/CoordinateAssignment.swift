/// Phase 4: positions across the flow, keeping the order and the gaps.
///
/// Each item is pulled toward the weighted mean of its neighbours; within a rank the
/// positions closest to those wishes that keep the order and the least gaps are found
/// exactly by weighted isotonic regression (pool adjacent violators) after subtracting the
/// cumulative gaps. Sweeps alternate down and up until they settle. A chain of single-input
/// nodes ends up on one straight line; side inputs with a low edge weight move out of its
/// way instead of bending it.
///
/// Post: `positions[item]` is the anchor line of every item; neighbours in a rank keep their
/// order, at least ``leastApart(_:_:_:_:)`` apart (their separation, less half its gap where
/// that straightens a wire); no link steps across by less than ``leastJog``.
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
    straighten(&position, grid, spacing: spacing)
    removeSmallJogs(&position, grid, spacing: spacing)
    return Coordinates(across: position)
  }

  /// The positions that minimise Σ weight·|x_a − x_b| over the links, keeping each rank's
  /// order and gaps: dot's coordinate assignment, Gansner et al. (1993) §4.2, solved by the
  /// same network simplex as the ranks on an auxiliary graph — for every link a node `n`
  /// below both ends (n → a, n → b, each of the link's weight, least length 0, so the cost
  /// is |x_a − x_b| when n sits at the lower end), and for neighbours in a rank an edge of
  /// weight 0 and least length their separation. A sum of absolute values, unlike the
  /// squares of the sweeps above, prefers a wire straight and one bend to many small jogs:
  /// a straight wire costs 0 and any jog its full height. Positions are whole half points.
  /// The sweeps' result is the start, so a capped search still improves it; very large
  /// grids (over 4,000 items) keep the sweeps' result.
  static func straighten(_ position: inout [Double], _ grid: LayerGrid, spacing: Spacing) {
    let count = grid.items.count
    guard count > 1, count <= 4_000 else { return }
    let unit = 0.5
    var x = position.map { Int(($0 / unit).rounded()) }
    var constraints: [NetworkSimplex.Constraint] = []
    for layer in grid.layers {
      for (u, w) in zip(layer, layer.dropFirst()) {
        let gap = Int((separation(grid, u, w, spacing) / unit - 1e-9).rounded(.up))
        x[w] = Swift.max(x[w], x[u] + gap)
        constraints.append(.init(from: u, to: w, minimum: gap, weight: 0))
      }
    }
    for link in grid.links {
      let n = x.count
      x.append(Swift.min(x[link.from], x[link.to]))
      constraints.append(.init(from: n, to: link.from, minimum: 0, weight: link.weight))
      constraints.append(.init(from: n, to: link.to, minimum: 0, weight: link.weight))
    }
    NetworkSimplex.optimise(&x, constraints: constraints)
    for i in 0..<count { position[i] = Double(x[i]) * unit }
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
