extension LayoutResult {
  /// How crooked the wires are: how many have more than four bends (a corner where a
  /// route changes direction), then the bends of all wires. Compared lexicographically.
  struct Bendiness: Comparable {
    var crooked: Int
    var total: Int

    static func < (a: Bendiness, b: Bendiness) -> Bool {
      (a.crooked, a.total) < (b.crooked, b.total)
    }

    /// Fewer wires with more than four bends, or as many and at least two bends fewer in
    /// all. One bend less is not worth another order: on staged.yaml in DLFS style it bought
    /// two wires running 9 pt apart over a third of the figure.
    func isClearlyBetter(than other: Bendiness) -> Bool {
      crooked < other.crooked || (crooked == other.crooked && total <= other.total - 2)
    }
  }

  var bendiness: Bendiness {
    var result = Bendiness(crooked: 0, total: 0)
    for edge in edges {
      let p = edge.points
      var bends = 0
      for i in p.indices.dropFirst().dropLast() {
        let u = (p[i].x - p[i - 1].x, p[i].y - p[i - 1].y)
        let v = (p[i + 1].x - p[i].x, p[i + 1].y - p[i].y)
        if Swift.abs(u.0 * v.1 - u.1 * v.0) > 1e-6 { bends += 1 }
      }
      result.total += bends
      if bends > 4 { result.crooked += 1 }
    }
    return result
  }
}
