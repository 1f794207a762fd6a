import Testing

@testable import GraphLayout

@Suite("Phase 1: network simplex ranking")
struct NetworkSimplexTests {
  /// Σ weight·length over the edges.
  static func length(_ rank: [Int], _ edges: [LayoutEdge]) -> Double {
    edges.reduce(0) { $0 + $1.weight * Double(rank[$1.to] - rank[$1.from]) }
  }

  /// The least total length by trying every ranking with ranks below `ranks`.
  static func bruteForce(_ nodes: Int, _ edges: [LayoutEdge], ranks: Int? = nil) -> Double {
    var best = Double.infinity
    var rank = [Int](repeating: 0, count: nodes)
    func visit(_ v: Int) {
      if v == nodes {
        if edges.allSatisfy({ rank[$0.to] > rank[$0.from] }) {
          best = min(best, length(rank, edges))
        }
        return
      }
      for r in 0..<(ranks ?? nodes) {
        rank[v] = r
        visit(v + 1)
      }
    }
    visit(0)
    return best
  }

  @Test("the ranking is feasible and as short as the shortest, on small random graphs")
  func optimal() {
    for seed in 1...25 {
      let request = LayoutFixtures.random(seed: UInt64(seed), nodes: 6, inputs: 2)
      // Connected through the last node, as every lesson's graph is through its output.
      let edges = request.edges
      let ranks = RankAssignment.ranks(nodeCount: 6, edges: edges)
      for edge in edges { #expect(ranks[edge.to] > ranks[edge.from]) }
      let connected = Set(edges.flatMap { [$0.from, $0.to] }).count == 6
      if connected {
        #expect(
          Self.length(ranks.values, edges) == Self.bruteForce(6, edges),
          "seed \(seed): \(ranks.values)")
      }
    }
  }

  @Test("a set with an edge into it moves when that shortens the wires in all")
  func movesSetWithEntering() {
    // a (0) → m (5) ← t (4), t ← r (3) ← s (2) ← b (1), t → p (6) → y (7), m → y: the
    // greedy pulls leave b's chain in the first columns and m right after t; moving b's
    // chain and m one column later lengthens a → m and shortens t → p and m → y.
    let edges = [(0, 5), (0, 6), (1, 2), (2, 3), (3, 4), (4, 5), (4, 6), (5, 7), (6, 7)]
      .map { LayoutEdge(from: $0.0, to: $0.1) }
    let ranks = RankAssignment.ranks(nodeCount: 8, edges: edges)
    #expect(Self.length(ranks.values, edges) == Self.bruteForce(8, edges, ranks: 6))
  }
}
