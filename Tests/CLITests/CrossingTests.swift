import Foundation
import TestSupport
import Testing

/// Edge crossings of the graph figure against Graphviz dot's on the same nodes and edges,
/// counted by `Scripts/crossings.py` from `lessongen layout` and `dot -Tplain` (Graphviz is
/// installed by the test setup, as the reference). The nodes are the figure's: a fan-out's
/// branch node is given to dot too (not in colah, which draws none), and dot's arrowheads
/// count as part of its wires.
@Suite("crossings against Graphviz dot", .externalTools)
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
    "the built-in lessons and those of Tests/Lessons cross no more than dot, graph and expanded",
    arguments: ["dlfs", "cs231n", "colah"])
  func lessons(style: String) throws {
    let rows = try Self.rows(["--style", style])
    #expect(rows.count >= 24)
    // The expanded figure, for the lessons with a composite node (the step figures are
    // drawn on it, or on the graph when there is none).
    let expanded = try Self.rows(["--style", style, "--figure", "expanded"])
    #expect(expanded.count >= 12)
    for (figure, rows) in [("graph", rows), ("expanded", expanded)] {
      for row in rows {
        #expect(
          row.lessongen <= row.dot,
          "\(style) \(row.lesson) \(figure): lessongen \(row.lessongen), dot \(row.dot)")
      }
    }
  }

  @Test(
    "random expressions (LESSONGEN_TEST_SAMPLES, 40 unless set): no more crossings than dot on any",
    arguments: ["dlfs", "cs231n", "colah"])
  func random(style: String) throws {
    let count = TestTier.samples(40)
    let seed = TestTier.seed(7)
    let rows = try Self.rows(["--style", style, "--random", "\(count)", "--seed", "\(seed)"])
    #expect(rows.count == count)
    for row in rows {
      #expect(
        row.lessongen <= row.dot,
        "\(style) \(row.lesson) (seed \(seed)): lessongen \(row.lessongen), dot \(row.dot)")
    }
  }
}
