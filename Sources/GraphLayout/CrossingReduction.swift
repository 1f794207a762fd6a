/// Phase 3: the order of the items in each rank, with few edge crossings.
///
/// The barycenter heuristic of Sugiyama, Tagawa and Toda (1981): sweep down and up, sorting
/// each rank by the mean position of its neighbours in the rank just swept; keep the best
/// order seen. Crossings are counted in O(E log V) with the accumulator tree of Barth,
/// Jünger and Mutzel (2002). Ties keep the current order, so the start order (nodes in graph
/// order, a node's first input before its second) survives where it costs nothing.
///
/// Pre: every link joins adjacent ranks (``LayerGrid``). Post: the returned order is a
/// permutation of each rank, the one with the fewest crossings seen over the sweeps.
enum CrossingReduction {
  /// The order chosen for every rank, and how many link crossings it leaves.
  struct Order {
    var layers: [[Int]]
    var crossings: Int
  }

  static func order(_ start: LayerGrid, sweeps: Int = 8) -> Order {
    var grid = start
    var down = [[Int]](repeating: [], count: grid.items.count)
    var up = [[Int]](repeating: [], count: grid.items.count)
    for link in grid.links {
      down[link.to].append(link.from)
      up[link.from].append(link.to)
    }
    var position = [Int](repeating: 0, count: grid.items.count)
    func index() {
      for layer in grid.layers { for (i, item) in layer.enumerated() { position[item] = i } }
    }
    // Start: each rank in the order of its neighbours before it.
    index()
    for r in grid.layers.indices.dropFirst() {
      reorder(&grid.layers[r], by: down, position)
      for (i, item) in grid.layers[r].enumerated() { position[item] = i }
    }

    var best = grid.layers
    var bestCrossings = crossings(grid, position)
    if bestCrossings == 0 { return Order(layers: best, crossings: 0) }
    for sweep in 0..<sweeps {
      if sweep % 2 == 0 {
        for r in grid.layers.indices.dropFirst() {
          reorder(&grid.layers[r], by: down, position)
          for (i, item) in grid.layers[r].enumerated() { position[item] = i }
        }
      } else {
        for r in grid.layers.indices.reversed().dropFirst() {
          reorder(&grid.layers[r], by: up, position)
          for (i, item) in grid.layers[r].enumerated() { position[item] = i }
        }
      }
      let count = crossings(grid, position)
      if count < bestCrossings {
        bestCrossings = count
        best = grid.layers
        if count == 0 { break }
      }
    }
    return Order(layers: best, crossings: bestCrossings)
  }

  private static func reorder(_ layer: inout [Int], by neighbours: [[Int]], _ position: [Int]) {
    let keyed = layer.map { item -> (Double, Int, Int) in
      let ns = neighbours[item]
      let center =
        ns.isEmpty
        ? Double(position[item])
        : Double(ns.reduce(0) { $0 + position[$1] }) / Double(ns.count)
      return (center, position[item], item)
    }
    layer = keyed.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
  }

  /// Total crossings between all adjacent ranks.
  static func crossings(_ grid: LayerGrid, _ position: [Int]) -> Int {
    var byRank = [[(Int, Int)]](repeating: [], count: grid.layers.count)
    for link in grid.links {
      byRank[grid.items[link.from].rank].append((position[link.from], position[link.to]))
    }
    var total = 0
    for (rank, pairs) in byRank.enumerated() where pairs.count > 1 && rank + 1 < grid.layers.count {
      total += inversions(pairs.sorted { $0 < $1 }.map(\.1), size: grid.layers[rank + 1].count)
    }
    return total
  }

  /// Pairs i < j with values[i] > values[j], with a Fenwick tree.
  static func inversions(_ values: [Int], size: Int) -> Int {
    var tree = [Int](repeating: 0, count: size + 1)
    var count = 0
    for (seen, v) in values.enumerated() {
      var i = v + 1
      var atMost = 0
      while i > 0 {
        atMost += tree[i]
        i -= i & -i
      }
      count += seen - atMost
      i = v + 1
      while i <= size {
        tree[i] += 1
        i += i & -i
      }
    }
    return count
  }
}
