/// Phase 1: a rank (column) for every node.
///
/// Longest-path layering: each node one rank after its latest input, so every operation sits
/// as early as its inputs allow and the inputs stand in the first column. Then, in reverse
/// topological order, a node is pulled to just before its first use when that shortens the
/// wires in all: moving a node one rank later shortens each of its outgoing edges and
/// lengthens each incoming one, so it moves when it has more edges out than in — every source
/// (a constant or an input used late sits at the node that uses it, as the textbooks draw
/// `tax` at the last `×` and the `1` of `1 + exp(−x)` at the `+`). That greedy start is then
/// made optimal, Σ weight·length least, by the network simplex of Gansner et al., "A
/// Technique for Drawing Directed Graphs" (1993), §2 (``NetworkSimplex``), as dot ranks.
///
/// Pre: the edges form a DAG (checked: a cycle is a programming error, since every graph
/// lessongen lays out is built in evaluation order). Post: `rank[to] > rank[from]` for every
/// edge; the least rank is 0.
enum RankAssignment {
  static func ranks(nodeCount: Int, edges: [LayoutEdge]) -> Ranks {
    var outgoing = [[Int]](repeating: [], count: nodeCount)
    var incoming = [[Int]](repeating: [], count: nodeCount)
    for edge in edges {
      outgoing[edge.from].append(edge.to)
      incoming[edge.to].append(edge.from)
    }
    let order = topologicalOrder(nodeCount: nodeCount, outgoing: outgoing, incoming: incoming)
    precondition(
      order.count == nodeCount,
      "rank assignment needs a DAG: \(nodeCount - order.count) nodes on a cycle")
    var rank = [Int](repeating: 0, count: nodeCount)
    for v in order {
      for u in incoming[v] { rank[v] = Swift.max(rank[v], rank[u] + 1) }
    }
    for v in order.reversed() where outgoing[v].count > incoming[v].count {
      let latest = outgoing[v].map { rank[$0] }.min() ?? rank[v]
      let earliest = incoming[v].map { rank[$0] + 1 }.max() ?? 0
      rank[v] = Swift.max(earliest, latest - 1)
    }
    NetworkSimplex.optimise(&rank, edges: edges)
    // Ties of the optimum: a node with as many edges out as in may sit anywhere along its
    // slack at the same total length. One fed by a fan-out moves next to its first use
    // (tanh's `exp(x)` beside the branch point before the `−` and `+`, its value label next
    // to it instead of at the end of a long bare wire), but only while each node feeding it
    // stays just before another of its uses, so no input drifts into the middle.
    for v in order.reversed() where !incoming[v].isEmpty && outgoing[v].count >= incoming[v].count {
      guard let latest = outgoing[v].map({ rank[$0] }).min(), latest - 1 > rank[v] else { continue }
      let anchored = incoming[v].allSatisfy { u in
        outgoing[u].contains { $0 != v && rank[$0] == rank[u] + 1 }
      }
      if anchored { rank[v] = latest - 1 }
    }
    let low = rank.min() ?? 0
    return Ranks(values: rank.map { $0 - low })
  }

  /// Kahn's algorithm, taking the lowest id first so the result is deterministic.
  static func topologicalOrder(nodeCount: Int, outgoing: [[Int]], incoming: [[Int]]) -> [Int] {
    var remaining = incoming.map(\.count)
    var ready = (0..<nodeCount).filter { remaining[$0] == 0 }.reversed().map { $0 }
    var order: [Int] = []
    order.reserveCapacity(nodeCount)
    while let v = ready.popLast() {
      order.append(v)
      var freed: [Int] = []
      for w in outgoing[v] {
        remaining[w] -= 1
        if remaining[w] == 0 { freed.append(w) }
      }
      ready.append(contentsOf: freed.sorted(by: >))
    }
    return order
  }
}

/// Phase 1's result: the rank (column) of every node, the least being 0.
struct Ranks: Equatable {
  var values: [Int]

  subscript(node: Int) -> Int { values[node] }

  /// The highest rank (0 for no nodes).
  var top: Int { values.max() ?? 0 }
}
