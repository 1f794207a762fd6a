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

  /// Writes every file, creating each folder once.
  func write(_ files: [Artifacts.File]) throws {
    var made: Set<String> = []
    for file in files {
      let target = url.appendingPathComponent(file.path)
      let folder = target.deletingLastPathComponent()
      if made.insert(folder.path).inserted {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      }
      let temporary = folder.appendingPathComponent(".\(target.lastPathComponent).partial").path
      try Self.writeFile(file.contents, to: temporary)
      // rename(2) replaces the target atomically, whether or not it exists.
      guard rename(temporary, target.path) == 0 else {
        let reason = String(cString: strerror(errno))
        unlink(temporary)
        throw OutputError(description: "cannot write \(target.path): \(reason)")
      }
    }
  }

  /// open(2), write(2), close(2): no more than a file needs.
  private static func writeFile(_ data: Data, to path: String) throws {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else {
      throw OutputError(description: "cannot write \(path): \(String(cString: strerror(errno)))")
    }
    defer { close(fd) }
    try data.withUnsafeBytes { buffer in
      guard let base = buffer.baseAddress else { return }
      var offset = 0
      while offset < buffer.count {
        let n = posixWrite(fd, base + offset, buffer.count - offset)
        if n < 0 && errno == EINTR { continue }
        guard n > 0 else {
          throw OutputError(
            description: "cannot write \(path): \(String(cString: strerror(errno)))")
        }
        offset += n
      }
    }
  }
}

/// write(2), under a name that the methods above do not shadow.
private func posixWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
  write(fd, bytes, count)
}

/// A file that could not be written.
struct OutputError: Error, CustomStringConvertible {
  var description: String
}
