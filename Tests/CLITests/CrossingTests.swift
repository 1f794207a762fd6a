import Foundation
import Testing

/// Edge crossings of the graph figure against Graphviz dot's on the same nodes and edges,
/// counted by `Scripts/crossings.py` from `lessongen layout` and `dot -Tplain` (Graphviz is
/// installed by the test setup, as the reference). The nodes are the figure's: a fan-out's
/// branch node is given to dot too (not in colah, which draws none), and dot's arrowheads
/// count as part of its wires.
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

  @Test(
    "the built-in lessons and those of Tests/Lessons cross no more than dot",
    arguments: ["dlfs", "cs231n", "colah"])
  func lessons(style: String) throws {
    let rows = try Self.rows(["--style", style])
    #expect(rows.count >= 24)
    for row in rows {
      #expect(
        row.lessongen <= row.dot,
        "\(style) \(row.lesson): lessongen \(row.lessongen), dot \(row.dot)")
    }
  }

  @Test(
    "200 random expressions: no more crossings than dot on any",
    arguments: ["dlfs", "cs231n", "colah"])
  func random(style: String) throws {
    let rows = try Self.rows(["--style", style, "--random", "200"])
    #expect(rows.count == 200)
    for row in rows {
      #expect(
        row.lessongen <= row.dot,
        "\(style) \(row.lesson): lessongen \(row.lessongen), dot \(row.dot)")
    }
    // Measured when this test was written (docs/LAYOUT.md): DLFS 22 against dot's 36,
    // CS231n 22 against 27, colah 20 against 20.
    #expect(rows.reduce(0) { $0 + $1.lessongen } <= rows.reduce(0) { $0 + $1.dot })
  }
}
