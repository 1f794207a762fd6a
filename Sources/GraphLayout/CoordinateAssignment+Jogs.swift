extension CoordinateAssignment {
  /// The smallest step across the flow a wire may take between two columns: a smaller one
  /// reads as a wire drawn crooked, not as a bend.
  static let leastJog = 8.0

  /// The least distance between the anchors of neighbours `a` and `b` in a rank once small
  /// steps are straightened: their ``separation(_:_:_:_:)`` less half the gap it holds (two
  /// label boxes 7 pt apart rather than 14, so that a wire runs straight).
  static func leastApart(_ grid: LayerGrid, _ a: Int, _ b: Int, _ spacing: Spacing) -> Double {
    let gap = grid.isPassage(a) && grid.isPassage(b) ? spacing.passage / 2 : spacing.between
    return separation(grid, a, b, spacing) - gap / 2
  }

  /// The most items moved together to straighten one wire.
  static let largestBlock = 64

  /// Straightens the wires that step across by less than ``leastJog``: one end, with all
  /// that straight wires join to it (nodes, label slots, passages), is moved into line with
  /// the other, where its rank's order allows, the gap to a neighbour
  /// kept at least half its usual width, and no wire it touches is left with a small step of
  /// its own. The cost `Σ weight·|x_a − x_b|` of
  /// ``straighten(_:_:spacing:)`` is often the same either way: a node between two inputs
  /// may sit anywhere between them, and the simplex picks a corner that leaves one a few
  /// points off. Each move removes a small step and adds none, so the passes end.
  static func removeSmallJogs(_ position: inout [Double], _ grid: LayerGrid, spacing: Spacing) {
    let count = grid.items.count
    var touching = [[Int]](repeating: [], count: count)
    for (k, link) in grid.links.enumerated() {
      touching[link.from].append(k)
      touching[link.to].append(k)
    }
    var slot = [(layer: Int, index: Int)](repeating: (0, 0), count: count)
    for (r, layer) in grid.layers.enumerated() {
      for (i, item) in layer.enumerated() { slot[item] = (r, i) }
    }
    func other(_ k: Int, _ item: Int) -> Int {
      grid.links[k].from == item ? grid.links[k].to : grid.links[k].from
    }
    func small(_ step: Double) -> Bool { step.magnitude > 1e-9 && step.magnitude < leastJog - 1e-9 }
    /// `start` and every item joined to it by straight wires, not through `from`: what
    /// moves together so that no straight wire gets a step (at most ``largestBlock`` items;
    /// nil when the block is larger, or reaches `from` another way).
    func block(_ start: Int, awayFrom from: Int) -> [Int]? {
      var items = [start]
      var seen: Set<Int> = [start, from]
      var k = 0
      while k < items.count {
        let item = items[k]
        k += 1
        for link in touching[item] {
          let next = other(link, item)
          guard (position[next] - position[item]).magnitude < 1e-9 else { continue }
          if next == from && item != start { return nil }
          guard seen.insert(next).inserted else { continue }
          items.append(next)
          if items.count > largestBlock { return nil }
        }
      }
      return items
    }
    /// Whether moving `items` by `delta` keeps every rank's order and half its gaps, and
    /// leaves no small step.
    func allowed(_ items: [Int], by delta: Double) -> Bool {
      let moving = Set(items)
      for item in items {
        let (r, i) = slot[item]
        let layer = grid.layers[r]
        if i > 0, !moving.contains(layer[i - 1]),
          position[item] + delta - position[layer[i - 1]] < leastApart(
            grid, layer[i - 1], item, spacing) - 1e-9
        {
          return false
        }
        if i + 1 < layer.count, !moving.contains(layer[i + 1]),
          position[layer[i + 1]] - position[item] - delta < leastApart(
            grid, item, layer[i + 1], spacing) - 1e-9
        {
          return false
        }
        for k in touching[item] where !moving.contains(other(k, item)) {
          if small(position[item] + delta - position[other(k, item)]) { return false }
        }
      }
      return true
    }
    for _ in 0..<20 {
      var moved = false
      for link in grid.links {
        let step = position[link.to] - position[link.from]
        guard small(step) else { continue }
        for (start, from, delta) in [(link.to, link.from, -step), (link.from, link.to, step)] {
          if let items = block(start, awayFrom: from), allowed(items, by: delta) {
            for item in items { position[item] += delta }
            moved = true
            break
          }
        }
      }
      if !moved { break }
    }
  }
}
