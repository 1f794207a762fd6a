/// Phase 3: the order of the items in each rank, with few edge crossings.
///
/// Label slots and the odd-rank passages hang between two node ranks with one link on each
/// side, so the order is found for the node ranks alone (each slot a link from its source to
/// its target) and each slot then goes where its two ends put it: ordering the slots by
/// their targets, then their sources, adds no crossing. Ordering all ranks at once moved a
/// node without the slots of its inputs, so the two-layer network of Tests/Lessons kept 3
/// crossings where one is needed.
///
/// The barycenter heuristic of Sugiyama, Tagawa and Toda (1981): sweep down and up, sorting
/// each rank by the mean position of its neighbours in the rank just swept; after every sweep
/// the *transpose* step of Gansner et al., "A Technique for Drawing Directed Graphs" (1993),
/// §3: swap neighbours in a rank while that lowers the crossings on both sides of the rank,
/// also on a tie every other sweep, which walks off the plateaus a barycenter sweep cannot
/// leave (a side input above or below a passing trunk costs one crossing either way until
/// both ranks are swapped). Two starts, the better kept: graph order (a node's first input
/// before its second), and the order a depth-first search from the output meets the items,
/// as dot's "init_order" does. Crossings are counted in O(E log V) with the accumulator tree
/// of Barth, Jünger and Mutzel (2002). Ties keep the current order, so the start order
/// survives where it costs nothing.
///
/// Pre: every link joins adjacent ranks (``LayerGrid``). Post: the returned order is a
/// permutation of each rank, the one with the fewest crossings seen over the sweeps.
enum CrossingReduction {
  /// The order chosen for every rank, and how many link crossings it leaves.
  struct Order {
    var layers: [[Int]]
    var crossings: Int
  }

  /// The node ranks (the grid's even ranks) and the links between them: one per item of
  /// the odd rank between, from its source-side neighbour to its target-side one.
  struct Compact {
    var layers: [[Int]]
    var down: [[Int]]
    var up: [[Int]]
    /// For each item of an odd rank, its neighbour before and after (-1 if none).
    var before: [Int]
    var after: [Int]

    init(_ grid: LayerGrid) {
      let count = grid.items.count
      before = [Int](repeating: -1, count: count)
      after = [Int](repeating: -1, count: count)
      for link in grid.links {
        if grid.items[link.to].rank % 2 == 1 { before[link.to] = link.from }
        if grid.items[link.from].rank % 2 == 1 { after[link.from] = link.to }
      }
      down = [[Int]](repeating: [], count: count)
      up = [[Int]](repeating: [], count: count)
      layers = stride(from: 0, to: grid.layers.count, by: 2).map { grid.layers[$0] }
      for layer in stride(from: 1, to: grid.layers.count, by: 2).map({ grid.layers[$0] }) {
        for slot in layer where before[slot] >= 0 && after[slot] >= 0 {
          down[after[slot]].append(before[slot])
          up[before[slot]].append(after[slot])
        }
      }
    }
  }

  static func order(_ grid: LayerGrid, sweeps: Int = 24) -> Order {
    let compact = Compact(grid)
    var best = run(compact, compact.layers, sweeps: sweeps, presorted: false, median: false)
    let starts = [nil, false, true]
    for median in [false, true] {
      for forward in starts where best.crossings > 0 && (median || forward != nil) {
        let start = forward.map { depthFirstLayers(compact, forward: $0) } ?? compact.layers
        let other = run(
          compact, start, sweeps: sweeps, presorted: forward != nil, median: median)
        if other.crossings < best.crossings { best = other }
      }
    }
    // A graph of a lesson's size gets more starts: each rank shuffled (a fixed seed, so the
    // figure is reproducible), the sweeps from there. They cost a few milliseconds on such a
    // graph and leave fewer local optima: over 200 random expressions, 8 starts took the
    // crossings from 30 to 23 (dot: 27); with items kept in place by ``reorder``, 8 starts
    // left one colah tree with one more crossing than dot and 32 none (of 500, in any style).
    if best.crossings > 0, compact.down.count <= 400 {
      var state: UInt64 = 0x9E37_79B9_7F4A_7C15
      for k in 0..<32 where best.crossings > 0 {
        var start = compact.layers
        for r in start.indices {
          // Fisher–Yates with SplitMix64.
          for i in stride(from: start[r].count - 1, to: 0, by: -1) {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            z ^= z >> 31
            start[r].swapAt(i, Int(z % UInt64(i + 1)))
          }
        }
        let other = run(compact, start, sweeps: sweeps, presorted: true, median: k % 2 == 1)
        if other.crossings < best.crossings { best = other }
      }
    }
    if best.crossings > 0 {
      routeAround(&best, compact, grid)
      let again = run(compact, best.layers, sweeps: sweeps, presorted: true, median: true)
      if again.crossings < best.crossings { best = again }
    }
    return expanded(best.layers, compact, grid)
  }

  /// The whole grid's order from the node ranks' `nodeLayers`: each odd rank's items sorted
  /// by their neighbours after, then before (which adds no crossing).
  static func expanded(_ nodeLayers: [[Int]], _ compact: Compact, _ grid: LayerGrid) -> Order {
    var layers = grid.layers
    var position = [Int](repeating: 0, count: grid.items.count)
    for (k, layer) in nodeLayers.enumerated() {
      layers[2 * k] = layer
      for (i, item) in layer.enumerated() { position[item] = i }
    }
    for r in stride(from: 1, to: layers.count, by: 2) {
      let keyed = layers[r].enumerated().map { (index, item) -> (Int, Int, Int, Int) in
        let a = compact.after[item]
        let b = compact.before[item]
        // A stub has no neighbour before it: it goes above or below its target's other
        // inputs by its operand slot.
        let second = b >= 0 ? position[b] : grid.items[item].flush ? grid.items[item].hint : index
        return (a >= 0 ? position[a] : index, second, index, item)
      }
      layers[r] = keyed.sorted { ($0.0, $0.1, $0.2) < ($1.0, $1.1, $1.2) }.map(\.3)
      for (i, item) in layers[r].enumerated() { position[item] = i }
    }
    var ordered = grid
    ordered.layers = layers
    return Order(layers: layers, crossings: crossings(ordered, position))
  }

  /// Moves each long wire's run of passages, as a whole, above or below everything in its
  /// ranks when that lowers the crossings: dot's drawings route a long wire around the
  /// outside of the graph, a move the rank-by-rank sweeps cannot make (moving one passage
  /// of a run costs two crossings with its own neighbours before it pays). 13 of 200
  /// random expressions crossed more than dot without it.
  static func routeAround(_ order: inout Order, _ compact: Compact, _ grid: LayerGrid) {
    var runs: [[Int]] = []
    for layer in compact.layers {
      for item in layer where grid.isPassage(item) {
        guard compact.down[item].count != 1 || !grid.isPassage(compact.down[item][0]) else {
          continue
        }
        var run = [item]
        while let next = compact.up[run[run.count - 1]].first,
          compact.up[run[run.count - 1]].count == 1, grid.isPassage(next)
        {
          run.append(next)
        }
        runs.append(run)
      }
    }
    guard runs.count <= 400 else { return }
    var layerOf = [Int](repeating: 0, count: compact.down.count)
    for (k, layer) in compact.layers.enumerated() { for item in layer { layerOf[item] = k } }
    var position = [Int](repeating: 0, count: compact.down.count)
    func index(_ layers: [[Int]]) {
      for layer in layers { for (i, item) in layer.enumerated() { position[item] = i } }
    }
    for run in runs {
      for top in [true, false] {
        var layers = order.layers
        for item in run {
          let k = layerOf[item]
          layers[k].removeAll { $0 == item }
          if top { layers[k].insert(item, at: 0) } else { layers[k].append(item) }
        }
        index(layers)
        let count = crossings(layers, up: compact.up, position)
        if count < order.crossings {
          order = Order(layers: layers, crossings: count)
          if count == 0 { return }
        }
      }
    }
  }

  /// The ranks in the order a depth-first search meets the items: backward from the items
  /// nothing follows (last rank first) through their inputs in input order, or forward from
  /// the items nothing precedes (first rank first) through their users.
  static func depthFirstLayers(_ compact: Compact, forward: Bool) -> [[Int]] {
    var seen = [Bool](repeating: false, count: compact.down.count)
    var layerOf = [Int](repeating: 0, count: compact.down.count)
    for (k, layer) in compact.layers.enumerated() { for item in layer { layerOf[item] = k } }
    let next = forward ? compact.up : compact.down
    var layers = [[Int]](repeating: [], count: compact.layers.count)
    for layer in forward ? compact.layers : compact.layers.reversed() {
      for root in layer where (forward ? compact.down : compact.up)[root].isEmpty && !seen[root] {
        // Iterative, so a deep chain cannot overflow the stack.
        var stack = [root]
        seen[root] = true
        while let item = stack.popLast() {
          layers[layerOf[item]].append(item)
          for n in next[item].reversed() where !seen[n] {
            seen[n] = true
            stack.append(n)
          }
        }
      }
    }
    return layers
  }

  private static func run(
    _ compact: Compact, _ start: [[Int]], sweeps: Int, presorted: Bool, median: Bool
  ) -> Order {
    var layers = start
    let down = compact.down
    let up = compact.up
    // Transposing costs the square of a rank's degrees; a flat sum of 1,000 terms has one
    // rank with 1,000 links, so it is left to the sweeps there.
    let transposes = down.reduce(0) { $0 + $1.count } <= 4_000
    var position = [Int](repeating: 0, count: down.count)
    for layer in layers { for (i, item) in layer.enumerated() { position[item] = i } }
    // Start: each rank in the order of its neighbours before it (unless given an order).
    for r in layers.indices.dropFirst() where !presorted {
      reorder(&layers[r], by: down, position, median: median)
      for (i, item) in layers[r].enumerated() { position[item] = i }
    }

    var best = layers
    var bestCrossings = crossings(layers, up: up, position)
    if bestCrossings == 0 { return Order(layers: best, crossings: 0) }
    for sweep in 0..<sweeps {
      if sweep % 2 == 0 {
        for r in layers.indices.dropFirst() {
          reorder(&layers[r], by: down, position, median: median)
          for (i, item) in layers[r].enumerated() { position[item] = i }
        }
      } else {
        for r in layers.indices.reversed().dropFirst() {
          reorder(&layers[r], by: up, position, median: median)
          for (i, item) in layers[r].enumerated() { position[item] = i }
        }
      }
      if transposes {
        transpose(&layers, down: down, up: up, &position, ties: sweep % 2 == 1)
      }
      let count = crossings(layers, up: up, position)
      if count < bestCrossings {
        bestCrossings = count
        best = layers
        if count == 0 { break }
      }
    }
    return Order(layers: best, crossings: bestCrossings)
  }

  /// Crossings between consecutive layers joined by `up` links.
  static func crossings(_ layers: [[Int]], up: [[Int]], _ position: [Int]) -> Int {
    var total = 0
    for r in layers.indices.dropLast() {
      var pairs: [(Int, Int)] = []
      for item in layers[r] { for n in up[item] { pairs.append((position[item], position[n])) } }
      if pairs.count > 1 {
        total += inversions(pairs.sorted { $0 < $1 }.map(\.1), size: layers[r + 1].count)
      }
    }
    return total
  }

  /// Swaps neighbours in each rank while a swap lowers the crossings of their links to the
  /// ranks on both sides (or leaves them equal, with `ties`), until a pass gains nothing.
  static func transpose(
    _ layers: inout [[Int]], down: [[Int]], up: [[Int]], _ position: inout [Int], ties: Bool
  ) {
    /// Crossings between the links of `v` and of `w` (v before w) to one side.
    func crossings(_ v: Int, _ w: Int, _ neighbours: [[Int]]) -> (kept: Int, swapped: Int) {
      var kept = 0
      var swapped = 0
      for p in neighbours[v] {
        for q in neighbours[w] {
          if position[p] > position[q] {
            kept += 1
          } else if position[p] < position[q] {
            swapped += 1
          }
        }
      }
      return (kept, swapped)
    }
    for _ in 0..<50 {
      var improved = false
      for r in layers.indices where layers[r].count > 1 {
        for i in 0..<(layers[r].count - 1) {
          let v = layers[r][i]
          let w = layers[r][i + 1]
          let a = crossings(v, w, down)
          let b = crossings(v, w, up)
          let kept = a.kept + b.kept
          let swapped = a.swapped + b.swapped
          // A tie never counts as progress, so the passes end.
          if swapped < kept || (ties && swapped == kept && kept > 0) {
            layers[r].swapAt(i, i + 1)
            position[v] = i + 1
            position[w] = i
            if swapped < kept { improved = true }
          }
        }
      }
      if !improved { break }
    }
  }

  private static func reorder(
    _ layer: inout [Int], by neighbours: [[Int]], _ position: [Int], median: Bool
  ) {
    let keyed = layer.map { item -> (Double, Int, Int) in
      let ns = neighbours[item]
      let center: Double
      if ns.isEmpty {
        center = Double(position[item])
      } else if median {
        // dot's weighted median: the middle position, or between the two middle ones
        // weighted toward the side whose neighbours lie closer together.
        let sorted = ns.map { Double(position[$0]) }.sorted()
        let m = sorted.count / 2
        if sorted.count % 2 == 1 {
          center = sorted[m]
        } else if sorted.count == 2 {
          center = (sorted[0] + sorted[1]) / 2
        } else {
          let left = sorted[m - 1] - sorted[0]
          let right = sorted[sorted.count - 1] - sorted[m]
          center =
            left + right > 0
            ? (sorted[m - 1] * right + sorted[m] * left) / (left + right)
            : (sorted[m - 1] + sorted[m]) / 2
        }
      } else {
        center = Double(ns.reduce(0) { $0 + position[$1] }) / Double(ns.count)
      }
      return (center, position[item], item)
    }
    // As dot's `reorder`: an item with no neighbours on the swept side keeps its place and
    // the others are sorted around it. Keyed by its own index instead, such an item could
    // only go first or last among neighbours of equal mean (an input between two chains fed
    // by one fork went above both, a crossing dot did not have).
    let sorted = keyed.filter { !neighbours[$0.2].isEmpty }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
    var k = 0
    for i in layer.indices where !neighbours[layer[i]].isEmpty {
      layer[i] = sorted[k].2
      k += 1
    }
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
