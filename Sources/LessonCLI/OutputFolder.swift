import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

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
      // rename(2) replaces the target atomically, whether or not it exists.
      guard rename(temporary.path, target.path) == 0 else {
        let reason = String(cString: strerror(errno))
        try? manager.removeItem(at: temporary)
        throw OutputError(description: "cannot write \(target.path): \(reason)")
      }
    }
  }
}

/// A file that could not be written.
struct OutputError: Error, CustomStringConvertible {
  var description: String
}
