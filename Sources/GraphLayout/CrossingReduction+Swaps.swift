extension CrossingReduction {
  /// Orders with as few crossings as `order` in which two long wires that run side by side
  /// have traded places: wherever two passages are neighbours in a rank, their runs are
  /// swapped over the whole stretch where they stay neighbours, which moves the crossing
  /// between them (if any) from one end of the stretch to the other. Crossings cannot tell
  /// these orders apart, but the wires can: a crossing just under a label box forces a
  /// wire around it (a wire of staged.yaml took 5 bends in colah style), one just above a
  /// node costs nothing. ``LayeredLayout`` lays out each and keeps the one with the fewest
  /// bends.
  ///
  /// Pre: `order` is `order(grid)`. Post: every order returned permutes each rank of the
  /// grid and has at most `order.crossings` crossings.
  static func passageSwaps(_ grid: LayerGrid, _ order: Order, limit: Int) -> [Order] {
    let compact = Compact(grid)
    let nodeLayers = stride(from: 0, to: order.layers.count, by: 2).map { order.layers[$0] }
    var position = [Int](repeating: 0, count: grid.items.count)
    var layerOf = [Int](repeating: 0, count: grid.items.count)
    for (k, layer) in nodeLayers.enumerated() {
      for (i, item) in layer.enumerated() {
        position[item] = i
        layerOf[item] = k
      }
    }
    /// The passage a run of passages continues with, along `neighbours`.
    func next(_ item: Int, _ neighbours: [[Int]]) -> Int? {
      let n = neighbours[item]
      return n.count == 1 && grid.isPassage(n[0]) ? n[0] : nil
    }
    /// `a` and `b` are neighbours in their rank, in that order.
    func besides(_ a: Int, _ b: Int) -> Bool {
      layerOf[a] == layerOf[b] && position[b] == position[a] + 1
    }
    var orders: [Order] = []
    for (k, layer) in nodeLayers.enumerated() where layer.count > 1 {
      for i in 0..<(layer.count - 1) where orders.count < limit {
        var a = layer[i]
        var b = layer[i + 1]
        guard grid.isPassage(a), grid.isPassage(b) else { continue }
        // Each stretch once, from its first rank.
        if let below = next(a, compact.down), let other = next(b, compact.down),
          besides(below, other)
        {
          continue
        }
        var layers = nodeLayers
        var rank = k
        while true {
          layers[rank].swapAt(position[a], position[b])
          guard let up = next(a, compact.up), let other = next(b, compact.up), besides(up, other)
          else { break }
          (a, b, rank) = (up, other, rank + 1)
        }
        let swapped = expanded(layers, compact, grid)
        if swapped.crossings <= order.crossings { orders.append(swapped) }
      }
    }
    return orders
  }
}
