/// "Did you mean …?": the closest of some names to a misspelt one.
public enum Suggestion {
  /// The candidate nearest to `name` in edit distance (ignoring case), if it is at most
  /// `maximumDistance` edits away and nearer than the name is long: `sigmod` → `sigmoid`,
  /// `Y` → `y`; nil when nothing is close.
  public static func closest(
    to name: String, in candidates: [String], maximumDistance: Int = 2
  ) -> String? {
    let lowered = name.lowercased()
    var best: (candidate: String, distance: Int)?
    for candidate in candidates {
      let d = editDistance(lowered, candidate.lowercased())
      if d < (best?.distance ?? Int.max) { best = (candidate, d) }
    }
    guard let best, best.distance <= maximumDistance, best.distance < name.count else {
      return nil
    }
    return best.candidate
  }

  /// Levenshtein distance: the fewest insertions, deletions and substitutions that turn
  /// `a` into `b` (Wagner–Fischer, one row at a time).
  public static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
      var current = [i] + Array(repeating: 0, count: b.count)
      for j in stride(from: 1, through: b.count, by: 1) {
        current[j] = Swift.min(
          previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      previous = current
    }
    return previous[b.count]
  }
}
