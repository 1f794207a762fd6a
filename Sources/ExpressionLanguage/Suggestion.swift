/// "Did you mean …?": the closest of some names to a misspelt one.
public enum Suggestion {
  /// The candidate nearest to `name` in edit distance (ignoring case), if it is at most
  /// `maximumDistance` edits away and at most one edit for every three characters (one for
  /// a short name): `sigmod` → `sigmoid`, `lnag` → `lang`, `Y` → `y`, but `foo` is not `log`;
  /// nil when nothing is close.
  public static func closest(
    to name: String, in candidates: [String], maximumDistance: Int = 2
  ) -> String? {
    let lowered = name.lowercased()
    var best: (candidate: String, distance: Int)?
    for candidate in candidates {
      let d = editDistance(lowered, candidate.lowercased())
      if d < (best?.distance ?? Int.max) { best = (candidate, d) }
    }
    let allowed = Swift.min(maximumDistance, Swift.max(1, name.count / 3))
    guard let best, best.distance <= allowed else {
      return nil
    }
    return best.candidate
  }

  /// Optimal string alignment distance: the fewest insertions, deletions, substitutions and
  /// swaps of two neighbours that turn `a` into `b` (`lnag` → `lang` is one swap), computed
  /// row by row (Wagner–Fischer with Damerau's transposition).
  public static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    var beforePrevious = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    for i in 1...a.count {
      var current = [i] + Array(repeating: 0, count: b.count)
      for j in stride(from: 1, through: b.count, by: 1) {
        current[j] = Swift.min(
          previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          current[j] = Swift.min(current[j], beforePrevious[j - 2] + 1)
        }
      }
      beforePrevious = previous
      previous = current
    }
    return previous[b.count]
  }
}
