import Foundation
import Testing

/// Compares a scene's text with `Snapshots/<name>.txt` beside this file, its numbers within
/// the tolerance of ``geometryLinesMatch(_:_:)``; see ``verifySnapshot(_:in:named:same:environment:sourceLocation:)``
/// for when it fails and how `RECORD_SNAPSHOTS=1` records.
func assertSnapshot(
  _ text: String, named name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
  let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Snapshots")
  verifySnapshot(
    text, in: folder, named: name + ".txt", same: geometryLinesMatch,
    sourceLocation: sourceLocation)
}
