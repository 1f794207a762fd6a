import Foundation

/// An output folder written file by file through a temporary name and a rename, so a
/// reader never sees a half-written file.
struct OutputFolder {
  let url: URL

  init(_ url: URL) {
    self.url = url
  }

  /// Writes every file, creating folders as needed.
  func write(_ files: [Artifacts.File]) throws {
    let manager = FileManager.default
    for file in files {
      let target = url.appendingPathComponent(file.path)
      try manager.createDirectory(
        at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
      let temporary = target.deletingLastPathComponent()
        .appendingPathComponent(".\(target.lastPathComponent).partial")
      try file.contents.write(to: temporary)
      if manager.fileExists(atPath: target.path) {
        _ = try manager.replaceItemAt(target, withItemAt: temporary)
      } else {
        try manager.moveItem(at: temporary, to: target)
      }
    }
  }
}
