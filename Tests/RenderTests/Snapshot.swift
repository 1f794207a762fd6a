import Foundation
import Testing

/// Compares `text` with `Snapshots/<name>.txt` beside this file; with `RECORD_SNAPSHOTS` set
/// (or no snapshot yet) it writes the file instead and reports that it did.
func assertSnapshot(
  _ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation
) {
  let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Snapshots")
  let file = folder.appendingPathComponent(name + ".txt")
  let recorded = try? String(contentsOf: file, encoding: .utf8)
  if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil || recorded == nil {
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try? text.write(to: file, atomically: true, encoding: .utf8)
    Issue.record("recorded snapshot \(name); run again to compare", sourceLocation: sourceLocation)
    return
  }
  #expect(
    text == recorded, "scene \(name) differs from its snapshot", sourceLocation: sourceLocation)
}
