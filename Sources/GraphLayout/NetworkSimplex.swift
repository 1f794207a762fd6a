/// The ranking that minimises the weighted length of all edges, Σ weight·(rank[to] −
/// rank[from]), subject to rank[to] ≥ rank[from] + 1: the network simplex of Gansner,
/// Koutsofios, North and Vo, "A Technique for Drawing Directed Graphs" (1993), §2, as dot
/// ranks. Its structure follows dagre's `network-simplex` (a feasible tight spanning tree,
/// cut values from low/lim numbers, then exchanges while a tree edge has a negative cut
/// value).
///
/// Why not the greedy pulls alone: they move one node, or a node with all its ancestors, but
/// an optimum may need a set with an edge entering it to move — `min(a, t0)` of a random
/// lesson, whose `t0` chain moves one column later with it, lengthening `a → min` by one and
/// shortening two edges, which then lets the chain's wires avoid a crossing dot avoids.
///
/// Each exchange recomputes the tree's numbering and cut values, O(V + E); a graph of a
/// lesson's size needs tens of exchanges. The exchanges are capped (``maximumExchanges``),
/// which leaves a feasible ranking in any case.
enum NetworkSimplex {
  /// At most this many exchanges (dot's default search is similar in spirit: it stops
  /// after a bounded number of iterations without asking for the optimum).
  static let maximumExchanges = 2_000

  /// Improves a feasible `rank` in place. Pre: every edge has rank[to] > rank[from]; the
  /// graph is connected (otherwise the ranking is left feasible as far as its tree grew, with
  /// no exchanges).
  static func optimise(_ rank: inout [Int], edges: [LayoutEdge]) {
    optimise(
      &rank, constraints: edges.map { Constraint(from: $0.from, to: $0.to, weight: $0.weight) })
  }

  /// rank[to] − rank[from] ≥ minimum, at a cost of weight per unit of length.
  struct Constraint {
    var from: Int
    var to: Int
    var minimum: Int = 1
    var weight: Double
  }

  /// Improves a feasible `rank` in place for any constraints of this kind.
  static func optimise(
    _ rank: inout [Int], constraints: [Constraint], maximumExchanges: Int = maximumExchanges
  ) {
    guard rank.count > 1 else { return }
    var tree = Tree(rank: rank, constraints: constraints)
    // Not connected: the ranking as far as the tree grew (still feasible), no exchanges.
    if tree.makeFeasible() { tree.exchange(upTo: maximumExchanges) }
    rank = tree.rank
  }

  /// The state of the simplex, in flat arrays held by one value: nested functions capturing
  /// them (as this was first written) spent most of a 160-node layout in retains and releases.
  private struct Tree {
    var rank: [Int]
    let n: Int
    // The merged constraints: edge e runs from[e] → to[e].
    var from: [Int] = []
    var to: [Int] = []
    var weight: [Double] = []
    var minimum: [Int] = []
    var m: Int { from.count }
    /// Node v's incident edges, in edge order: incident[start[v]..<start[v + 1]].
    var start: [Int] = []
    var incident: [Int] = []
    var inTree: [Bool]
    var treeEdge: [Bool] = []
    var treeNodes = [0]
    var low: [Int]
    var lim: [Int]
    var parentEdge: [Int]
    var postorder: [Int] = []
    var visited: [Bool]
    var stack: [(Int, Int)] = []
    var cut: [Double] = []

    init(rank: [Int], constraints: [Constraint]) {
      self.rank = rank
      n = rank.count
      inTree = [Bool](repeating: false, count: n)
      low = [Int](repeating: 0, count: n)
      lim = [Int](repeating: 0, count: n)
      parentEdge = [Int](repeating: -1, count: n)
      visited = [Bool](repeating: false, count: n)
      // Parallel constraints merged (x·x), each pair once with the summed weight.
      var merged: [Int64: Int] = [:]
      for edge in constraints {
        let key = Int64(edge.from) << 32 | Int64(edge.to)
        if let k = merged[key] {
          weight[k] += edge.weight
          minimum[k] = Swift.max(minimum[k], edge.minimum)
        } else {
          merged[key] = from.count
          from.append(edge.from)
          to.append(edge.to)
          weight.append(edge.weight)
          minimum.append(edge.minimum)
        }
      }
      let m = from.count
      start = [Int](repeating: 0, count: n + 1)
      for e in 0..<m {
        start[from[e] + 1] += 1
        start[to[e] + 1] += 1
      }
      for v in 0..<n { start[v + 1] += start[v] }
      incident = [Int](repeating: 0, count: 2 * m)
      var fill = start
      for e in 0..<m {
        incident[fill[from[e]]] = e
        fill[from[e]] += 1
        incident[fill[to[e]]] = e
        fill[to[e]] += 1
      }
      treeEdge = [Bool](repeating: false, count: m)
      cut = [Double](repeating: 0, count: m)
    }

    func slack(_ e: Int) -> Int { rank[to[e]] - rank[from[e]] - minimum[e] }

    /// Whether v is below root in the tree.
    func below(_ v: Int, _ root: Int) -> Bool { low[root] <= lim[v] && lim[v] <= lim[root] }

    /// 1. A feasible tree: grow a tree of tight edges; when it stops short, shift it by the
    /// least slack of an edge leaving it, which makes that edge tight. False when the graph is
    /// not connected.
    mutating func makeFeasible() -> Bool {
      inTree[0] = true
      grow()
      while treeNodes.count < n {
        var best = -1
        var bestSlack = Int.max
        for e in 0..<m where inTree[from[e]] != inTree[to[e]] && slack(e) < bestSlack {
          best = e
          bestSlack = slack(e)
        }
        guard best >= 0 else { return false }
        let delta = inTree[from[best]] ? bestSlack : -bestSlack
        for v in treeNodes { rank[v] += delta }
        grow()
      }
      return true
    }

    mutating func grow() {
      var k = 0
      while k < treeNodes.count {
        let v = treeNodes[k]
        for i in start[v]..<start[v + 1] {
          let e = incident[i]
          let w = from[e] == v ? to[e] : from[e]
          if !inTree[w] && slack(e) == 0 {
            inTree[w] = true
            treeEdge[e] = true
            treeNodes.append(w)
          }
        }
        k += 1
      }
    }

    /// 2. Low/lim numbers of a depth-first walk of the tree from node 0, and each node's
    /// parent edge: v is below u iff low[u] ≤ lim[v] ≤ lim[u].
    mutating func number() {
      postorder.removeAll(keepingCapacity: true)
      for v in 0..<n { visited[v] = false }
      var next = 1
      // Iterative walk: (node, index of the next incident edge to look at).
      stack.removeAll(keepingCapacity: true)
      stack.append((0, 0))
      visited[0] = true
      parentEdge[0] = -1
      low[0] = next
      while let (v, i) = stack.last {
        if start[v] + i < start[v + 1] {
          stack[stack.count - 1].1 += 1
          let e = incident[start[v] + i]
          guard treeEdge[e] else { continue }
          let w = from[e] == v ? to[e] : from[e]
          if visited[w] { continue }
          visited[w] = true
          parentEdge[w] = e
          low[w] = next
          stack.append((w, 0))
        } else {
          lim[v] = next
          next += 1
          postorder.append(v)
          stack.removeLast()
        }
      }
    }

    /// 3. Cut values: for the tree edge above v, the weight of the edges from the tail's side
    /// of the cut to the head's side minus those going back; computed bottom-up from the
    /// children's values (dagre's calcCutValue).
    mutating func cutValues() {
      for v in postorder where parentEdge[v] >= 0 {
        let pe = parentEdge[v]
        let childIsTail = from[pe] == v
        var value = weight[pe]
        for i in start[v]..<start[v + 1] {
          let e = incident[i]
          guard e != pe else { continue }
          let isOut = from[e] == v
          let pointsToHead = isOut == childIsTail
          value += pointsToHead ? weight[e] : -weight[e]
          if treeEdge[e] {
            value += pointsToHead ? -cut[e] : cut[e]
          }
        }
        cut[pe] = value
      }
    }

    /// 4. Exchanges while a tree edge has a negative cut value, at most `most`.
    mutating func exchange(upTo most: Int) {
      number()
      cutValues()
      var exchanges = 0
      var search = 0
      while exchanges < most {
        // The leaving edge: a tree edge with a negative cut value, searched from where the
        // last search stopped (dot's round robin).
        var leaving = -1
        for k in 0..<m {
          let e = (search + k) % m
          if treeEdge[e] && cut[e] < -1e-9 {
            leaving = e
            search = (e + 1) % m
            break
          }
        }
        guard leaving >= 0 else { break }
        // The component below the leaving edge, and the entering edge: the non-tree edge of
        // least slack that crosses the cut the other way.
        let (tail, head) = (from[leaving], to[leaving])
        let lower = lim[tail] < lim[head] ? tail : head
        let flip = lower == head
        var entering = -1
        var bestSlack = Int.max
        for e in 0..<m where !treeEdge[e] {
          if flip == below(from[e], lower) && flip != below(to[e], lower) && slack(e) < bestSlack {
            entering = e
            bestSlack = slack(e)
          }
        }
        guard entering >= 0 else { break }
        treeEdge[leaving] = false
        treeEdge[entering] = true
        number()
        cutValues()
        // Ranks again from the root along tree edges, each tree edge tight.
        for v in postorder.reversed() where parentEdge[v] >= 0 {
          let pe = parentEdge[v]
          rank[v] = from[pe] == v ? rank[to[pe]] - minimum[pe] : rank[from[pe]] + minimum[pe]
        }
        exchanges += 1
      }
    }
  }
}
