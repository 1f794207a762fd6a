/// Phase 5: columns along the flow, then every edge as a polyline.
///
/// Columns are as wide as their widest item; the gap after a column grows with the steepest
/// diagonal that crosses it. An edge runs straight along the flow inside every column it
/// touches (at its item's anchor line, where no other item of that column can be) and turns
/// only in the gaps between columns, where there are no boxes: so no edge passes through a
/// node or a label. Every edge ends on a straight stub (``Spacing/finalStub``). Post: the figure is shifted so everything lies inside the margins.
enum EdgeRouting {
  /// Below this size along and across, a node is a point: a branch point's dot.
  static let pointSize = 8.0

  static func result(
    _ grid: LayerGrid, across position: Coordinates, request: LayoutRequest
  ) -> LayoutResult {
    let spacing = request.spacing
    // Across the flow: shift so the topmost box starts at the margin.
    var low = Double.infinity
    var high = -Double.infinity
    for (i, item) in grid.items.enumerated() {
      low = Swift.min(low, position[i] - item.anchor)
      high = Swift.max(high, position[i] - item.anchor + item.across)
    }
    if grid.items.isEmpty { (low, high) = (0, 0) }
    let shift = spacing.margin - low
    let p = position.across.map { $0 + shift }
    let acrossTotal = high - low + 2 * spacing.margin

    // Along the flow: column widths and gaps.
    let count = grid.layers.count
    var width = [Double](repeating: 0, count: count)
    for item in grid.items { width[item.rank] = Swift.max(width[item.rank], item.along) }
    var steepest = [Double](repeating: 0, count: count)
    for link in grid.links {
      let r = grid.items[link.from].rank
      steepest[r] = Swift.max(steepest[r], Swift.abs(p[link.to] - p[link.from]))
    }
    var start = [Double](repeating: 0, count: count)
    var cursor = spacing.margin
    for r in 0..<count {
      start[r] = cursor
      cursor += width[r]
      if r + 1 < count {
        cursor += Swift.min(
          spacing.maximumColumnGap, Swift.max(spacing.columnGap, steepest[r] * 0.45))
      }
    }
    let alongTotal = cursor + spacing.margin
    func center(_ item: Int) -> Double {
      let it = grid.items[item]
      // A stub stands flush against its target's column.
      return it.flush
        ? start[it.rank] + width[it.rank] - it.along / 2 : start[it.rank] + width[it.rank] / 2
    }

    let horizontal = request.direction == .leftToRight
    func point(_ along: Double, _ across: Double) -> Point {
      horizontal ? Point(x: along, y: across) : Point(x: across, y: alongTotal - along)
    }
    func box(_ item: Int) -> Rect {
      let it = grid.items[item]
      let a0 = center(item) - it.along / 2
      let c0 = p[item] - it.anchor
      return horizontal
        ? Rect(x: a0, y: c0, width: it.along, height: it.across)
        : Rect(x: c0, y: alongTotal - a0 - it.along, width: it.across, height: it.along)
    }

    let nodes = grid.nodeItem.map(box)
    var routes: [EdgeRoute] = []
    for chain in grid.chains {
      var along: [(Double, Double)] = []
      for (k, item) in chain.enumerated() {
        let it = grid.items[item]
        let r = it.rank
        if k == 0 {
          along.append((center(item) + it.along / 2, p[item]))
          along.append((start[r] + width[r], p[item]))
        } else if k == chain.count - 1 {
          // End on a straight stub at least an arrowhead long, borrowed from the gap if the
          // column has no room, so the head points along the flow and stays outside the box.
          let boundary = center(item) - it.along / 2
          along.append((Swift.min(start[r], boundary - spacing.finalStub), p[item]))
          along.append((boundary, p[item]))
        } else {
          along.append((start[r], p[item]))
          along.append((start[r] + width[r], p[item]))
        }
      }
      // The last point this edge shares with a longer edge from the same source: where it
      // branches off their trunk.
      let sharedItems = grid.shared[routes.count]
      let branchAlong = sharedItems > 0 ? 2 * sharedItems - 1 : 0
      var points: [Point] = []
      var branch = 0
      for (k, (a, c)) in along.enumerated() {
        let q = point(a, c)
        if let last = points.last, Swift.abs(last.x - q.x) < 1e-9, Swift.abs(last.y - q.y) < 1e-9 {
          if k == branchAlong { branch = points.count - 1 }
          continue
        }
        // A point in the middle of a straight run along the flow says nothing: drop it
        // (a trunk through many ranks is one segment), unless the edge branches there.
        // (Within a hundredth of a point: coordinates settle to a thousandth.)
        if points.count >= 2, points.count - 1 != branch {
          let a = points[points.count - 2]
          let b = points[points.count - 1]
          if (Swift.abs(a.y - b.y) < 0.01 && Swift.abs(b.y - q.y) < 0.01)
            || (Swift.abs(a.x - b.x) < 0.01 && Swift.abs(b.x - q.x) < 0.01)
          {
            points.removeLast()
          }
        }
        if k == branchAlong { branch = points.count }
        points.append(q)
      }
      let slot = chain[chain.count - 2]
      let label = box(slot)
      let half = grid.items[slot].along / 2
      let line = (point(center(slot) - half, p[slot]), point(center(slot) + half, p[slot]))
      let labelRect: Rect
      if case .label = grid.items[slot].kind, request.edges[routes.count].label.width > 0 {
        labelRect = label
      } else {
        labelRect = Rect(x: label.center.x, y: label.center.y, width: 0, height: 0)
      }
      routes.append(EdgeRoute(points: points, label: labelRect, labelLine: line, branch: branch))
    }
    let size =
      horizontal
      ? Size(width: alongTotal, height: acrossTotal) : Size(width: acrossTotal, height: alongTotal)
    var result = LayoutResult(size: size, nodes: nodes, edges: routes)
    if horizontal {
      // Just after each column of nodes but the last: no box reaches past its column,
      // and every wire there has left its node and is on its way across the gap (a wire
      // ends inside a node's column, so none ends at the cut; wires leaving one node are
      // still together, one continuation for all of them).
      // Not just after a branch point, though: its wires part there, and their
      // continuation marks, all at one point, sat on one another.
      var outgoing = [Int](repeating: 0, count: grid.items.count)
      for link in grid.links { outgoing[link.from] += 1 }
      var branching = Set<Int>()
      for (i, item) in grid.items.enumerated() where outgoing[i] > 1 {
        if case .node = item.kind, item.along < Self.pointSize, item.across < Self.pointSize {
          branching.insert(item.rank)
        }
      }
      result.cuts = stride(from: 0, to: count - 1, by: 2).filter { !branching.contains($0) }
        .map { start[$0] + width[$0] + 2 }
    }
    return result
  }
}
