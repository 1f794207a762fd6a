import Foundation
import Testing

/// Edge crossings of the graph figure against Graphviz dot's on the same nodes and edges,
/// counted by `Scripts/crossings.py` from `lessongen layout` and `dot -Tplain` (Graphviz is
/// installed by the test setup, as the reference).
@Suite("crossings against Graphviz dot")
struct CrossingTests {
  struct Row: Decodable {
    var lesson: String
    var lessongen: Int
    var dot: Int
  }

  static func rows(_ arguments: [String]) throws -> [Row] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments =
      [
        "python3", ProcessRunner.root.appendingPathComponent("Scripts/crossings.py").path, "--json",
        "--binary", ProcessRunner.binary.path,
      ] + arguments
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "crossings.py \(arguments)")
    return try JSONDecoder().decode([Row].self, from: data)
  }

  /// Lessons where lessongen still draws one crossing more than dot, and why: the branch
  /// point of `p` takes a column of its own, so `t` cannot stand inside p's fan as dot puts
  /// it. Listed so that any other regression fails.
  static let knownWorse: [String: Int] = ["logistic-loss": 1]

  @Test(
    "the built-in lessons and those of Tests/Lessons cross no more than dot",
    arguments: ["dlfs", "cs231n", "colah"])
  func lessons(style: String) throws {
    let rows = try Self.rows(["--style", style])
    #expect(rows.count >= 24)
    for row in rows {
      #expect(
        row.lessongen <= row.dot + (Self.knownWorse[row.lesson] ?? 0),
        "\(style) \(row.lesson): lessongen \(row.lessongen), dot \(row.dot)")
    }
  }

  @Test("200 random expressions: about as few crossings as dot in all", arguments: ["dlfs"])
  func random(style: String) throws {
    let rows = try Self.rows(["--style", style, "--random", "200"])
    #expect(rows.count == 200)
    let ours = rows.reduce(0) { $0 + $1.lessongen }
    let dot = rows.reduce(0) { $0 + $1.dot }
    let worse = rows.filter { $0.lessongen > $0.dot }
    // Measured when this test was written: 23 against dot's 27, 3 expressions worse (see
    // docs/LAYOUT.md); these bounds catch a regression, they are not the goal.
    #expect(ours <= dot, "lessongen \(ours), dot \(dot)")
    #expect(worse.count <= 3, "\(worse.map { "\($0.lesson) \($0.lessongen)/\($0.dot)" })")
  }
}
