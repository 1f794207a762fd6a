import Foundation

#if canImport(Glibc)
  import CSystem
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A lesson's output folder (`Output/<id>/`), replaced all at once.
///
/// A run builds the new folder privately beside the old one (`mkdtemp`, `.<id>.XXXXXX` in the
/// same parent), then exchanges the two in one `renameat2(RENAME_EXCHANGE)` and removes the
/// old one: a reader sees the old folder or the new one, never a mix, and when anything fails
/// before the exchange the folder is exactly as it was. Files the new run does not make are
/// gone with the old folder. A file whose bytes did not change is hard-linked from the old
/// folder into the new one, so it keeps its inode and its date, and a rerun that changes
/// nothing touches nothing at all.
///
/// Nothing is opened for writing through a symbolic link: new files are created with
/// `O_CREAT | O_EXCL | O_NOFOLLOW` inside the private folder, and a symlinked `<id>/` or
/// `figures/` is refused. Runs on one folder take an advisory lock (`flock` on the parent
/// folder), so concurrent runs finish one after the other and leave what a single run leaves.
struct OutputFolder {
  let url: URL

  init(_ url: URL) {
    self.url = url
  }

  /// What the last ``write(_:)`` did.
  enum Outcome: Equatable {
    /// Nothing differed: the folder was left untouched.
    case unchanged
    /// The folder was replaced.
    case replaced
  }

  /// Writes exactly `files` into the folder (and nothing else), all at once.
  ///
  /// - Parameter failAfter: for tests: fail as if the disk were full after writing this many
  ///   files into the private folder.
  @discardableResult
  func write(_ files: [Artifacts.File], failAfter: Int? = nil) throws -> Outcome {
    let target = url.standardizedFileURL.path
    let parent = (target as NSString).deletingLastPathComponent
    let name = (target as NSString).lastPathComponent
    try Self.makeFolders(parent.isEmpty ? "." : parent)
    let lock = try Self.lock(parent: parent, name: name)
    defer { close(lock) }

    let old = try Self.existingFolder(target)
    if let old, Self.matches(old, files) { return .unchanged }

    let template = parent + "/." + name + ".XXXXXX"
    var pattern = Array(template.utf8CString)
    guard mkdtemp(&pattern) != nil else {
      throw OutputError("cannot create a folder in \(parent): \(Self.reason())")
    }
    let staging = String(cString: pattern)
    do {
      // mkdtemp makes the folder private (0700); the output folder is as mkdir would make it.
      guard chmod(staging, 0o777 & ~Self.umaskValue) == 0 else {
        throw OutputError("cannot create a folder in \(parent): \(Self.reason())")
      }
      var made: Set<String> = [""]
      for (count, file) in files.enumerated() {
        if let failAfter, count == failAfter {
          throw OutputError("cannot write \(target)/\(file.path): No space left on device")
        }
        let folder = (file.path as NSString).deletingLastPathComponent
        if made.insert(folder).inserted {
          try Self.makeFolders(staging + "/" + folder)
        }
        let destination = staging + "/" + file.path
        if let old, Self.holds(old + "/" + file.path, file.contents),
          link(old + "/" + file.path, destination) == 0
        {
          continue
        }
        try Self.create(destination, file.contents, shownAs: target + "/" + file.path)
      }
      try Self.exchange(staging, target, existed: old != nil)
    } catch {
      Self.remove(staging)
      throw error
    }
    // After the exchange the private name holds the old folder.
    if old != nil { Self.remove(staging) }
    return .replaced
  }

  // MARK: Steps

  /// `mkdir -p`, with a message that names the folder.
  private static func makeFolders(_ path: String) throws {
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
      guard isFolder.boolValue else {
        throw OutputError("cannot write into \(path): it is a file, not a folder")
      }
      return
    }
    var partial = path.hasPrefix("/") ? "" : "."
    for component in path.split(separator: "/") {
      partial += "/" + component
      if mkdir(partial, 0o755) != 0 && errno != EEXIST {
        throw OutputError("cannot create the folder \(partial): \(reason())")
      }
    }
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue
    else {
      throw OutputError("cannot write into \(path): it is a file, not a folder")
    }
  }

  /// Takes the lock of the folder's parent, waiting for another run that holds it.
  ///
  /// The lock is `flock` on the parent folder itself, so it leaves no file behind; runs into
  /// one parent (two lessons into `Output/`) wait for each other for the few milliseconds
  /// their exchanges take, and the lock goes with the process however it ends.
  private static func lock(parent: String, name: String) throws -> Int32 {
    let fd = open(parent, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else {
      throw OutputError("cannot use the folder \(parent): \(reason())")
    }
    while flock(fd, LOCK_EX) != 0 {
      guard errno == EINTR else {
        let why = reason()
        close(fd)
        throw OutputError("cannot lock the folder \(parent): \(why)")
      }
    }
    return fd
  }

  /// The path of the folder already there, nil when there is none; refuses a symbolic link
  /// or a file where the folder or its `figures/` should be.
  private static func existingFolder(_ target: String) throws -> String? {
    var info = stat()
    guard lstat(target, &info) == 0 else {
      if errno == ENOENT { return nil }
      throw OutputError("cannot use \(target): \(reason())")
    }
    switch info.st_mode & S_IFMT {
    case S_IFDIR: break
    case S_IFLNK:
      throw OutputError(
        "\(target) is a symbolic link; lessongen writes only into a folder of its own "
          + "(remove the link, or give --out the folder it points to)")
    default:
      throw OutputError("\(target) is a file, not a folder; move it away or choose another --out")
    }
    if lstat(target + "/figures", &info) == 0, info.st_mode & S_IFMT == S_IFLNK {
      throw OutputError(
        "\(target)/figures is a symbolic link; lessongen writes only into a folder of its own "
          + "(remove the link)")
    }
    return target
  }

  /// Whether the folder holds exactly `files`, byte for byte, and nothing else.
  private static func matches(_ folder: String, _ files: [Artifacts.File]) -> Bool {
    var expected = Set(files.map(\.path))
    let folders = Set(
      files.map { ($0.path as NSString).deletingLastPathComponent }.filter {
        !$0.isEmpty
      })
    guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return false }
    while let relative = enumerator.nextObject() as? String {
      if folders.contains(relative) { continue }
      guard expected.remove(relative) != nil else { return false }
    }
    guard expected.isEmpty else { return false }
    return files.allSatisfy { holds(folder + "/" + $0.path, $0.contents) }
  }

  /// Creates a new file (never through a link, never over an existing one) holding `data`.
  private static func create(_ path: String, _ data: Data, shownAs shown: String) throws {
    let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw OutputError("cannot write \(shown): \(reason())") }
    defer { close(fd) }
    try data.withUnsafeBytes { buffer in
      guard let base = buffer.baseAddress else { return }
      var offset = 0
      while offset < buffer.count {
        let n = posixWrite(fd, base + offset, buffer.count - offset)
        if n < 0 && errno == EINTR { continue }
        guard n > 0 else { throw OutputError("cannot write \(shown): \(reason())") }
        offset += n
      }
    }
  }

  /// Puts the new folder in place: exchanged with the old one, or renamed when there is none.
  private static func exchange(_ staging: String, _ target: String, existed: Bool) throws {
    if !existed {
      guard rename(staging, target) == 0 else {
        throw OutputError("cannot create \(target): \(reason())")
      }
      return
    }
    if renameExchange(staging, target) == 0 { return }
    guard errno == EINVAL || errno == ENOSYS else {
      throw OutputError("cannot replace \(target): \(reason())")
    }
    // A file system without RENAME_EXCHANGE: two renames, undone if the second fails.
    let aside = staging + ".old"
    guard rename(target, aside) == 0 else {
      throw OutputError("cannot replace \(target): \(reason())")
    }
    guard rename(staging, target) == 0 else {
      let why = reason()
      _ = rename(aside, target)
      throw OutputError("cannot replace \(target): \(why)")
    }
    _ = rename(aside, staging)
  }

  /// Removes a private folder of this run and everything in it.
  private static func remove(_ path: String) {
    try? FileManager.default.removeItem(atPath: path)
  }

  /// Whether the regular file at `path` holds exactly `data`.
  private static func holds(_ path: String, _ data: Data) -> Bool {
    var info = stat()
    guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size == data.count
    else { return false }
    if data.isEmpty { return true }
    let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
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
    return existing.withUnsafeBytes { a in
      data.withUnsafeBytes { b in
        guard let x = a.baseAddress, let y = b.baseAddress else { return false }
        return memcmp(x, y, data.count) == 0
      }
    }
  }

  private static func reason() -> String { String(cString: strerror(errno)) }

  /// The process's umask, read once at start-up (umask(2) can only be read by setting it).
  private static let umaskValue: mode_t = {
    let mask = umask(0o022)
    umask(mask)
    return mask
  }()
}

/// renameat2(2) with RENAME_EXCHANGE: swaps two paths in one step (Linux 3.15 and later).
private func renameExchange(_ a: String, _ b: String) -> Int32 {
  #if canImport(Glibc)
    return lessongen_rename_exchange(a, b)
  #else
    errno = ENOSYS
    return -1
  #endif
}

/// write(2), under a name that the methods above do not shadow.
private func posixWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
  write(fd, bytes, count)
}

/// A file or folder that could not be written.
struct OutputError: Error, CustomStringConvertible {
  var description: String

  init(_ description: String) {
    self.description = description
  }
}
