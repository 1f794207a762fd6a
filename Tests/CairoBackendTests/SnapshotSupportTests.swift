import Foundation
import Testing

/// The snapshot helpers can fail: a missing snapshot, a changed line, a number beyond the
/// tolerance; and only `RECORD_SNAPSHOTS=1`, never CI, writes.
@Suite("Snapshot support")
struct SnapshotSupportTests {
  @Test("geometry lines: numbers within 0.1 pt or 0.1 % match; words, text, colours do not")
  func geometryTolerance() {
    let line: Substring =
      "text [73.5,28.8 7x12.8] DejaVu Serif, NanumMyeongjo 11 #111111 edge0 \"0.19\""
    func matches(_ other: Substring) -> Bool { geometryLinesMatch(line, other) }
    #expect(matches(line))
    // One step of the 0.1 rounding, anywhere: a font metric moved a little.
    #expect(
      matches("text [73.6,28.8 7x12.9] DejaVu Serif, NanumMyeongjo 11 #111111 edge0 \"0.19\""))
    #expect(
      matches("text [73.4,28.7 7.1x12.8] DejaVu Serif, NanumMyeongjo 11 #111111 edge0 \"0.19\""))
    // More than that fails.
    #expect(
      !matches("text [73.7,28.8 7x12.8] DejaVu Serif, NanumMyeongjo 11 #111111 edge0 \"0.19\""))
    #expect(!matches("text [73.5,28.8 7x13] DejaVu Serif, NanumMyeongjo 11 #111111 edge0 \"0.19\""))
    #expect(
      !matches("text [73.5,28.8 7x12.8] DejaVu Serif, NanumMyeongjo 12 #111111 edge0 \"0.19\""))
    // The label's text, the colour, the owner, the font and the kind are exact.
    #expect(
      !matches("text [73.5,28.8 7x12.8] DejaVu Serif, NanumMyeongjo 11 #111111 edge0 \"0.20\""))
    #expect(
      !matches("text [73.5,28.8 7x12.8] DejaVu Serif, NanumMyeongjo 11 #111112 edge0 \"0.19\""))
    #expect(
      !matches("text [73.5,28.8 7x12.8] DejaVu Serif, NanumMyeongjo 11 #111111 edge1 \"0.19\""))
    #expect(!matches("text [73.5,28.8 7x12.8] DejaVu Sans, NanumGothic 11 #111111 edge0 \"0.19\""))
    #expect(!matches("text [73.5,28.8 7x12.8] DejaVu Serif, NanumMyeongjo 11 #111111 edge0"))
    #expect(
      !matches("box [73.5,28.8 7x12.8] DejaVu Serif, NanumMyeongjo 11 #111111 edge0 \"0.19\""))
    // A large number may move by 0.1 %; a point more is a point more.
    #expect(
      geometryLinesMatch(
        "scene 323.4x92.9 background #ffffff \"t\"", "scene 323.7x92.9 background #ffffff \"t\""))
    #expect(
      !geometryLinesMatch(
        "scene 323.4x92.9 background #ffffff \"t\"", "scene 324.4x92.9 background #ffffff \"t\""))
    // A point added to a line is a change of structure.
    #expect(
      !geometryLinesMatch(
        "line (1,2) (3,4) #666666 w1 edge0", "line (1,2) (3,4) (5,6) #666666 w1 edge0"))
  }

  @Test(
    "geometry tokens: coordinates, radii, widths and sizes are numbers; colours and owners are not")
  func tokens() {
    let circle = geometryTokens("circle (155.8,44.6) r28.6 fill #ffffff stroke #b3b3b3 w1.2 node1")
    #expect(circle.numbers == [155.8, 44.6, 28.6, 1.2])
    #expect(circle.skeleton == "circle (§,§) r§ fill #ffffff stroke #b3b3b3 w§ node1")
    let head = geometryTokens("head (44.8,54.6) dir(-1,0) 10x13 filled #1a2b3c edge10")
    #expect(head.numbers == [44.8, 54.6, -1, 0, 10, 13])
    #expect(head.skeleton == "head (§,§) dir(§,§) §x§ filled #1a2b3c edge10")
  }

  @Test("the diff: removed and added lines with their line numbers, the first ones only")
  func diff() {
    let changes = lineChanges(
      expected: ["a", "b", "c", "d"], actual: ["a", "B", "c", "d", "e"], same: { $0 == $1 })
    #expect(changes == [.removed(2, "b"), .added(2, "B"), .added(5, "e")])
    #expect(renderDiff(changes) == "-   2 | b\n+   2 | B\n+   5 | e")
    #expect(renderDiff(changes, limit: 1) == "-   2 | b\n… and 2 more changed lines")
    #expect(lineChanges(expected: ["a", "b"], actual: ["a", "b"], same: { $0 == $1 }).isEmpty)
    #expect(lineChanges(expected: [], actual: ["x"], same: { $0 == $1 }) == [.added(1, "x")])
    #expect(lineChanges(expected: ["x"], actual: [], same: { $0 == $1 }) == [.removed(1, "x")])
  }

  @Test("a missing snapshot fails and is not written, unless RECORD_SNAPSHOTS=1 outside CI")
  func missing() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("s.txt")
    func check(_ environment: [String: String]) -> String {
      checkSnapshot("a\n", in: folder, named: "s.txt", environment: environment, module: "M")
        ?? "passed"
    }
    for environment in [[:], ["RECORD_SNAPSHOTS": "0"], ["RECORD_SNAPSHOTS": "true"]] {
      let failure = check(environment)
      #expect(failure.hasPrefix("the snapshot s.txt is missing (\(file.path))"), "\(environment)")
      #expect(
        failure.hasSuffix(
          "to record it, run `RECORD_SNAPSHOTS=1 swift test --filter M`, "
            + "review the file and commit it"))
      #expect(!FileManager.default.fileExists(atPath: file.path), "\(environment)")
    }
    for ci in ["true", "1"] {
      let failure = check(["CI": ci, "RECORD_SNAPSHOTS": "1"])
      #expect(failure.hasPrefix("the snapshot s.txt is missing"))
      #expect(failure.contains("CI never records snapshots"))
      #expect(!FileManager.default.fileExists(atPath: file.path))
    }
    // Recording writes it, and still fails, so that a recording run is never green.
    #expect(check(["RECORD_SNAPSHOTS": "1"]).hasPrefix("recorded the new snapshot s.txt (1 lines)"))
    #expect(try String(contentsOf: file, encoding: .utf8) == "a\n")
    // Then it passes.
    #expect(check([:]) == "passed")
  }

  @Test("a changed snapshot fails with its diff, and only RECORD_SNAPSHOTS=1 rewrites it")
  func changed() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("s.txt")
    try "one\ntwo\nthree\n".write(to: file, atomically: true, encoding: .utf8)
    func check(_ environment: [String: String]) -> String? {
      checkSnapshot(
        "one\n2\nthree\n", in: folder, named: "s.txt", environment: environment, module: "M")
    }
    #expect(
      check([:]) == """
        s.txt differs from its snapshot (- snapshot, + actual):
        -   2 | two
        +   2 | 2
        if the change is intended, run `RECORD_SNAPSHOTS=1 swift test --filter M`, review the new file and commit it
        """)
    for environment in [["CI": "true"], ["CI": "true", "RECORD_SNAPSHOTS": "1"]] {
      #expect(
        check(environment) == """
          s.txt differs from its snapshot (- snapshot, + actual):
          -   2 | two
          +   2 | 2
          CI never records snapshots
          """)
    }
    #expect(try String(contentsOf: file, encoding: .utf8) == "one\ntwo\nthree\n")
    #expect(
      check(["RECORD_SNAPSHOTS": "1"]) == """
        re-recorded the snapshot s.txt; review the change, then run again without RECORD_SNAPSHOTS:
        -   2 | two
        +   2 | 2
        """)
    #expect(try String(contentsOf: file, encoding: .utf8) == "one\n2\nthree\n")
    #expect(check([:]) == nil)
  }

  @Test("geometry within the tolerance passes, and recording leaves the snapshot as it is")
  func withinTolerance() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("g.txt")
    let recorded =
      "scene 100x50 background #ffffff \"t\"\ncircle (10,20) r5 fill none stroke #000000 w1 node0\n"
    try recorded.write(to: file, atomically: true, encoding: .utf8)
    func check(_ actual: String, _ environment: [String: String]) -> String? {
      checkSnapshot(
        actual, in: folder, named: "g.txt", same: geometryLinesMatch, environment: environment,
        module: "M")
    }
    let moved = recorded.replacingOccurrences(of: "(10,20)", with: "(10.1,19.9)")
    #expect(check(moved, [:]) == nil)
    #expect(check(moved, ["RECORD_SNAPSHOTS": "1"]) == nil)
    #expect(try String(contentsOf: file, encoding: .utf8) == recorded)
    let grown = recorded.replacingOccurrences(of: "r5", with: "r5.5")
    #expect(
      check(grown, [:])?.contains(
        "-   2 | circle (10,20) r5 fill none stroke #000000 w1 node0\n"
          + "+   2 | circle (10,20) r5.5 fill none stroke #000000 w1 node0") == true)
  }

  private func temporaryFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "lessongen-snapshots-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }
}
