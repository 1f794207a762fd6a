import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An output folder written file by file through a temporary name and a rename, so a
/// reader never sees a half-written file. A file whose bytes are already there is left as
/// it is, date included: a rerun touches only what changed (static-site builders, `make` and
/// `rsync` see no change where there is none), and costs a read instead of a write.
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
      if Self.holds(target.path, file.contents) { continue }
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

  /// Whether the regular file at `path` holds exactly `data`.
  private static func holds(_ path: String, _ data: Data) -> Bool {
    var info = stat()
    guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size == data.count
    else { return false }
    if data.isEmpty { return true }
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    var existing = [UInt8](repeating: 0, count: data.count + 1)
    var filled = 0
    while filled < existing.count {
      let n = existing.withUnsafeMutableBytes { buffer in
        buffer.baseAddress.map { read(fd, $0 + filled, buffer.count - filled) } ?? -1
      }
      if n < 0 && errno == EINTR { continue }
      guard n > 0 else { break }
      filled += n
    }
    // One byte more than expected would mean the file grew since lstat.
    guard filled == data.count else { return false }
    return Data(existing[..<filled]) == data
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
