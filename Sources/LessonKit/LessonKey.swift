/// The top-level keys a lesson file may have (see docs/LESSONS.md).
enum LessonKey: String, CaseIterable {
  case title
  case function
  case inputs
  case upstream
  case description
  case figures
  case style
  case labels
  case lang
  case introduction
  case notes
  case derivation
  case translations

  static let required: [LessonKey] = [.title, .function, .inputs]

  /// The known key nearest to a misspelling, if one is close (edit distance ≤ 2).
  static func suggestion(for key: String) -> LessonKey? {
    let scored = allCases.map { ($0, editDistance(key.lowercased(), $0.rawValue)) }
    guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= 2 else { return nil }
    return best.0
  }

  static func editDistance(_ a: String, _ b: String) -> Int {
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
