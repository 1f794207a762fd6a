@testable import GraphLayout

/// Small requests shaped like lessons: boxes of text size, labelled edges.
enum LayoutFixtures {
  static let box = Size(width: 30, height: 30)
  static let label = Size(width: 50, height: 30)

  /// Nodes 0..<count, the given edges, every edge labelled.
  static func request(
    _ count: Int, _ edges: [(Int, Int)], direction: LayoutRequest.Direction = .leftToRight
  ) -> LayoutRequest {
    LayoutRequest(
      nodes: Array(repeating: LayoutNode(size: box), count: count),
      edges: edges.map { LayoutEdge(from: $0.0, to: $0.1, label: label, lineOffset: 15) },
      direction: direction)
  }

  /// `y = x + x + … + x`: x is node 0, the k-th sum node k, adding x and the sum before.
  static func flatSum(_ terms: Int) -> LayoutRequest {
    var edges = [(0, 1), (0, 1)]
    for k in stride(from: 2, to: terms, by: 1) {
      edges += [(k - 1, k), (0, k)]
    }
    return request(terms, edges)
  }

  /// The sigmoid chain of DLFS Fig. 5-19: x, −1 → × → exp → (1) + → /.
  static let sigmoid = request(
    7, [(0, 2), (1, 2), (2, 3), (3, 5), (4, 5), (5, 6)])

  /// colah's tree: a, b → c = a + b; b, 1 → d = b + 1; c, d → e = c·d.
  static let colahTree = request(
    6, [(0, 3), (1, 3), (1, 4), (2, 4), (3, 5), (4, 5)], direction: .bottomToTop)

  /// A deterministic pseudo-random DAG: each node after the first `inputs` takes one or two
  /// earlier nodes.
  static func random(seed: UInt64, nodes: Int, inputs: Int) -> LayoutRequest {
    var state = seed
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    var edges: [(Int, Int)] = []
    for v in inputs..<nodes {
      edges.append((next(v), v))
      if next(2) == 1 { edges.append((next(v), v)) }
    }
    return request(nodes, edges)
  }

  static let all: [LayoutRequest] =
    [sigmoid, colahTree, flatSum(12)]
    + (1...30).map { random(seed: UInt64($0), nodes: 8 + $0 % 20, inputs: 2 + $0 % 4) }
}
