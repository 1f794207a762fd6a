import Testing

@testable import GraphLayout

@Suite("Phase 5: edge routing")
struct EdgeRoutingTests {
  static func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) < 1e-6 }

  @Test(
    "wires run from the source's boundary to the target's, inside the figure",
    arguments: LayoutFixtures.all.indices)
  func endpoints(_ index: Int) {
    let request = LayoutFixtures.all[index]
    let result = LayeredLayout.layout(request)
    let horizontal = request.direction == .leftToRight
    for (e, route) in result.edges.enumerated() {
      guard let first = route.points.first, let last = route.points.last else {
        Issue.record("edge \(e) has no points")
        continue
      }
      let source = result.nodes[request.edges[e].from]
      let target = result.nodes[request.edges[e].to]
      if horizontal {
        #expect(Self.close(first.x, source.x + source.width))
        #expect(Self.close(last.x, target.x))
      } else {
        #expect(Self.close(first.y, source.y))
        #expect(Self.close(last.y, target.y + target.height))
      }
      #expect(route.branch >= 0 && route.branch < route.points.count)
      for p in route.points {
        #expect(p.x >= 0 && p.x <= result.size.width && p.y >= 0 && p.y <= result.size.height)
      }
    }
  }

  @Test("no two consecutive segments of a wire continue in a straight line")
  func straightRunsAreOneSegment() {
    let result = LayeredLayout.layout(LayoutFixtures.flatSum(20))
    for route in result.edges {
      let p = route.points
      for i in p.indices.dropFirst().dropLast() where i != route.branch {
        let horizontal = Self.close(p[i - 1].y, p[i].y) && Self.close(p[i].y, p[i + 1].y)
        let vertical = Self.close(p[i - 1].x, p[i].x) && Self.close(p[i].x, p[i + 1].x)
        #expect(!(horizontal || vertical))
      }
    }
  }

  @Test("a fan-out's branches leave the trunk on the owner's own points")
  func branchesOnTrunk() {
    let request = LayoutFixtures.flatSum(8)
    let result = LayeredLayout.layout(request)
    let fromX = result.edges.indices.filter { request.edges[$0].from == 0 }
    // The trunk is drawn by the edge that runs furthest.
    guard
      let owner = fromX.max(by: {
        result.edges[$0].points.last?.x ?? 0 < result.edges[$1].points.last?.x ?? 0
      })
    else {
      Issue.record("no edge leaves x")
      return
    }
    #expect(result.edges[owner].branch == 0)
    let trunk = result.edges[owner].points
    for e in fromX where e != owner {
      let route = result.edges[e]
      let point = route.points[route.branch]
      // The branch point lies on the owner's polyline.
      // (Within 0.02 pt: a straight run is one segment when it is straight to 0.01 pt.)
      let onTrunk = zip(trunk, trunk.dropFirst()).contains { a, b in
        let (dx, dy) = (b.x - a.x, b.y - a.y)
        let length2 = dx * dx + dy * dy
        let t =
          length2 > 0 ? max(0, min(1, ((point.x - a.x) * dx + (point.y - a.y) * dy) / length2)) : 0
        let (nx, ny) = (a.x + t * dx - point.x, a.y + t * dy - point.y)
        return (nx * nx + ny * ny).squareRoot() < 0.02
      }
      #expect(onTrunk, "edge \(e) branches off at \(point), not on x's trunk")
    }
  }
}
