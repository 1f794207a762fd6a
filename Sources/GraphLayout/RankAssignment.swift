/// Phase 1: a rank (column) for every node.
///
/// Longest-path layering (each node one rank after its latest input), then every node is
/// pulled as far toward its consumers as its inputs allow, in reverse topological order, so
/// inputs and side constants sit just before the node that uses them, as the textbooks draw
/// them (`tax` enters at the last `×`, not at the far left). Gansner et al., "A Technique for
/// Drawing Directed Graphs" (1993), §2, without network simplex.
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
    for v in order.reversed() where !outgoing[v].isEmpty {
      let latest = outgoing[v].map { rank[$0] }.min() ?? rank[v]
      let earliest = incoming[v].map { rank[$0] + 1 }.max() ?? 0
      rank[v] = Swift.max(earliest, latest - 1)
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
