import Testing

@testable import GraphLayout

@Suite("Phase 1: rank assignment")
struct RankAssignmentTests {
  @Test("every edge goes to a later rank; ranks start at 0", arguments: LayoutFixtures.all.indices)
  func postcondition(_ index: Int) {
    let request = LayoutFixtures.all[index]
    let ranks = RankAssignment.ranks(nodeCount: request.nodes.count, edges: request.edges)
    for edge in request.edges { #expect(ranks[edge.to] > ranks[edge.from]) }
    #expect(ranks.values.min() == 0)
  }

  @Test("side inputs sit just before the node that uses them (DLFS's constants)")
  func sideInputsPulledForward() {
    let ranks = RankAssignment.ranks(
      nodeCount: 7, edges: LayoutFixtures.sigmoid.edges)
    // The constant 1 (node 4) enters at the + (node 5), not at the far left.
    #expect(ranks[4] == ranks[5] - 1)
    #expect(ranks.values == [0, 0, 1, 2, 2, 3, 4])
  }

  @Test("a chain stays at its input's side; a source or a fan-out moves to its first use")
  func chainsStayFanOutsMove() {
    // y → − → exp → / → (+) ← x; and a node feeding two others late.
    let edges =
      [(0, 1), (1, 2), (2, 3), (3, 5), (4, 5), (0, 6), (6, 7), (7, 8), (8, 9), (9, 10)]
      .map { LayoutEdge(from: $0.0, to: $0.1) }
      + [LayoutEdge(from: 11, to: 10), LayoutEdge(from: 11, to: 9)]
    let ranks = RankAssignment.ranks(nodeCount: 12, edges: edges)
    // The chain from y keeps y in the first column (it was pulled to the middle).
    #expect(ranks[0] == 0 && ranks[1] == 1 && ranks[2] == 2 && ranks[3] == 3)
    // x, a source used once, enters just before its use.
    #expect(ranks[4] == ranks[5] - 1)
    // Node 11 feeds two late nodes: moved next to the first of them.
    #expect(ranks[11] == ranks[9] - 1)
  }

  @Test("the topological order takes the lowest id first")
  func deterministicOrder() {
    let outgoing = [[2], [2], []]
    let incoming = [[], [], [0, 1]]
    #expect(
      RankAssignment.topologicalOrder(nodeCount: 3, outgoing: outgoing, incoming: incoming)
        == [0, 1, 2])
  }

  @Test("a cycle breaks the precondition: the layout stops instead of dropping nodes")
  func cycleIsRefused() async {
    await #expect(processExitsWith: .failure) {
      let edges = [
        LayoutEdge(from: 0, to: 1), LayoutEdge(from: 1, to: 2), LayoutEdge(from: 2, to: 1),
      ]
      _ = RankAssignment.ranks(nodeCount: 3, edges: edges)
    }
  }
}
