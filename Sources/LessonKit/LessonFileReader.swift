#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a lesson file's bytes, refusing what is not a lesson before reading much of it.
///
/// The size is checked on the open file (not on the path, which could change in between)
/// and at most `limit + 1` bytes are ever read, so a 200 MB file costs one `fstat` and a
/// FIFO or a device is refused instead of read forever.
enum LessonFileReader {
  /// Why a file cannot be read, as a sentence for a diagnostic.
  struct Problem: Error {
    var message: String
  }

  static func read(_ path: String, limit: Int) -> Result<[UInt8], Problem> {
    let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard fd >= 0 else {
      let reason: String
      switch errno {
      case ENOENT: reason = "the file does not exist"
      case EACCES: reason = "the file cannot be read: permission denied"
      case EISDIR: reason = "this is a folder, not a lesson file"
      default: reason = "the file cannot be read: " + String(cString: strerror(errno))
      }
      return .failure(Problem(message: reason))
    }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else {
      return .failure(
        Problem(message: "the file cannot be read: " + String(cString: strerror(errno))))
    }
    switch info.st_mode & S_IFMT {
    case S_IFREG: break
    case S_IFDIR: return .failure(Problem(message: "this is a folder, not a lesson file"))
    default: return .failure(Problem(message: "this is not a regular file"))
    }
    let tooLarge = Problem(
      message: "the file is larger than 1 MiB (\(limit) bytes), lessongen's limit for a lesson; "
        + "is it a lesson?")
    if Int(info.st_size) > limit { return .failure(tooLarge) }
    var bytes = [UInt8](repeating: 0, count: limit + 1)
    var filled = 0
    while filled < bytes.count {
      let n = bytes.withUnsafeMutableBytes { buffer in
        buffer.baseAddress.map { posixRead(fd, $0 + filled, buffer.count - filled) } ?? -1
      }
      if n < 0 && errno == EINTR { continue }
      if n < 0 {
        return .failure(
          Problem(message: "the file cannot be read: " + String(cString: strerror(errno))))
      }
      if n == 0 { break }
      filled += n
    }
    // The file grew past the limit after fstat.
    if filled > limit { return .failure(tooLarge) }
    bytes.removeSubrange(filled...)
    return .success(bytes)
  }
}

/// read(2), under a name the enum's own `read` does not shadow.
private func posixRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
  read(fd, buffer, count)
}
