import Foundation
import TestSupport
import Testing

/// Wires finished (issue 22): `Scripts/wires.py` reads every wire of the graph, expanded and
/// step figures of the built-in lessons and Tests/Lessons, in each style, from `lessongen
/// layout`.
@Suite("wires without small jogs", .externalTools)
struct WireTests {
  struct Report: Decodable {
    struct Place: Decodable {
      var lesson: String
      var style: String
      var figure: String
      var wire: String
    }
    var wires: Int
    var jogs: [Place]
    var bendy: [Place]
  }

  @Test("no wire of any figure steps across by less than 8 pt; none bends more than 4 times")
  func wires() throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "python3", ProcessRunner.root.appendingPathComponent("Scripts/wires.py").path, "--json",
      "--binary", ProcessRunner.binary.path,
      // The step figures are drawn on these layouts; Scripts/wires.py alone reads them too.
      "--figures", "graph,expanded",
    ]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    let report = try JSONDecoder().decode(Report.self, from: data)
    #expect(report.wires >= 1_000)
    for jog in report.jogs {
      #expect(Bool(false), "a jog: \(jog.lesson) \(jog.style) \(jog.figure) \(jog.wire)")
    }
    for wire in report.bendy {
      #expect(Bool(false), "over 4 bends: \(wire.lesson) \(wire.style) \(wire.figure) \(wire.wire)")
    }
  }
}
