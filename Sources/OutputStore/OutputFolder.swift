import Foundation
import LessonKit

#if canImport(Glibc)
  import CSystem
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A lesson's output folder (`Output/<id>/`), replaced all at once.
///
/// A run builds the new folder privately beside the old one (`mkdtemp`,
/// `.<id>.lessongen-XXXXXX` in the same parent), then exchanges the two in one
/// `renameat2(RENAME_EXCHANGE)` and removes the old one: a reader sees the old folder or the
/// new one, never a mix, and when anything fails before the exchange the folder is exactly as
/// it was. Files the new run does not make are gone with the old folder. A file whose bytes
/// did not change is hard-linked from the old folder into the new one, so it keeps its inode
/// and its date, and a rerun that changes nothing touches nothing at all.
///
/// Nothing is opened for writing through a symbolic link: new files are created with
/// `O_CREAT | O_EXCL | O_NOFOLLOW` inside the private folder, and a symlinked `<id>/` or
/// `figures/` is refused. A folder that is not lessongen's output (no `trace.json`) is refused
/// rather than replaced. Runs on one folder take an advisory lock (`flock` on the parent
/// folder), so concurrent runs finish one after the other and leave what a single run leaves;
/// private folders a killed run left behind are removed by the next run.
///
/// Where the private folder cannot be made or exchanged — `<id>/` is a mount point (a
/// container volume), or the parent is not writable — the files are replaced one by one
/// inside `<id>/` instead, each through a temporary name and a rename: every file is whole,
/// but a failure midway leaves some files new.
public struct OutputFolder {
  /// The folder's path as the user gave it (`..` after a symbolic link is resolved by the file
  /// system, as a shell would, not by removing text).
  public let path: String
  /// For `build` and `site`: the `--out` folder this one lies in, and the path below it; the
  /// folders between the two are made without following links (``OutputRoot``).
  public let root: (OutputRoot, relative: String)?

  public init(path: String) {
    self.path = path
    self.root = nil
  }

  public init(_ url: URL) {
    self.init(path: url.path)
  }

  /// The folder `relative` below `root` (checked by ``OutputRoot/isSafe(_:)`` when written).
  public init(root: OutputRoot, relative: String) {
    self.path = root.path(relative)
    self.root = (root, relative)
  }

  /// What the last ``write(_:failAfter:)`` did.
  public enum Outcome: Equatable {
    /// Nothing differed: the folder was left untouched.
    case unchanged
    /// The folder was replaced at once.
    case replaced
    /// The files were replaced one by one inside the folder (see the type's comment).
    case replacedInPlace
  }

  /// Writes exactly `files` into the folder (and nothing else), all at once.
  ///
  /// - Parameter failAfter: for tests: fail as if the disk were full after writing this many
  ///   files into the private folder.
  @discardableResult
  public func write(_ files: [OutputFile], failAfter: Int? = nil) throws -> Outcome {
    try writeRecorded(files, failAfter: failAfter).outcome
  }

  /// ``write(_:failAfter:)``, and the folder's ``stamp(of:)`` taken under the same lock: what
  /// this run left, for the build manifest to compare with later.
  public func writeRecorded(_ files: [OutputFile], failAfter: Int? = nil) throws -> (
    outcome: Outcome, stamp: String
  ) {
    let target = path
    let parent = (target as NSString).deletingLastPathComponent
    let name = (target as NSString).lastPathComponent
    let folder = parent.isEmpty ? "." : parent
    if let (root, relative) = root {
      try root.check(relative)
      try root.makeFolder(OutputRoot.parent(of: relative))
    } else {
      try Self.makeFolders(folder)
    }
    let lock = Self.lock(folder)
    defer { if let lock { close(lock) } }
    // Only under the lock: without it another run's private folder could be in use.
    if lock != nil { Self.removeLeftovers(in: folder, of: name) }
    let outcome = try writeLocked(files, failAfter: failAfter, folder: folder, name: name)
    return (outcome, Self.stamp(of: target))
  }

  /// The body of ``write(_:failAfter:)``, under the parent's lock.
  private func writeLocked(
    _ files: [OutputFile], failAfter: Int?, folder: String, name: String
  ) throws -> Outcome {
    let target = path
    let old = try Self.existingFolder(target, writing: Set(files.map(\.path)))
    if let old, Self.matches(old, files) { return .unchanged }
    if let old, Self.isMountPoint(old, parent: folder) {
      return try Self.writeInPlace(files, into: target, failAfter: failAfter)
    }

    var pattern = Array((folder + "/" + Self.privatePrefix(name) + "XXXXXX").utf8CString)
    guard mkdtemp(&pattern) != nil else {
      if old != nil, [EACCES, EPERM, EROFS].contains(errno) {
        return try Self.writeInPlace(files, into: target, failAfter: failAfter)
      }
      throw OutputError("cannot create a folder in \(folder): \(Self.reason())")
    }
    let staging = OutputFolder.string(pattern)
    do {
      // mkdtemp makes the folder private (0700); the output folder is as mkdir would make it.
      guard chmod(staging, 0o777 & ~Self.umaskValue) == 0 else {
        throw OutputError("cannot create a folder in \(folder): \(Self.reason())")
      }
      var made: Set<String> = [""]
      for (count, file) in files.enumerated() {
        if let failAfter, count == failAfter {
          throw OutputError("cannot write \(target)/\(file.path): No space left on device")
        }
        let subfolder = (file.path as NSString).deletingLastPathComponent
        if made.insert(subfolder).inserted {
          try Self.makeFolders(staging + "/" + subfolder)
        }
        let destination = staging + "/" + file.path
        if let old, Self.holds(old + "/" + file.path, file.contents),
          link(old + "/" + file.path, destination) == 0
        {
          continue
        }
        try Self.create(destination, file.contents, shownAs: target + "/" + file.path)
      }
    } catch {
      Self.remove(staging)
      throw error
    }
    do {
      try Self.exchange(staging, target, existed: old != nil)
    } catch let error as ExchangeRefused {
      // `<id>/` cannot be renamed (a mount point, another file system).
      Self.remove(staging)
      guard old != nil else { throw OutputError("cannot create \(target): \(error.reason)") }
      return try Self.writeInPlace(files, into: target, failAfter: failAfter)
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
  public static func makeFolders(_ path: String) throws {
    if isFolder(path) { return }
    var partial = path.hasPrefix("/") ? "" : "."
    for component in path.split(separator: "/") {
      partial += "/" + component
      if mkdir(partial, 0o777) != 0 && errno != EEXIST {
        throw OutputError("cannot create the folder \(partial): \(reason())")
      }
    }
    guard isFolder(path) else {
      var info = stat()
      if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK {
        throw OutputError("\(path) is a symbolic link to a folder that does not exist")
      }
      throw OutputError("cannot write into \(path): it is a file, not a folder")
    }
  }

  /// Whether `path` is a folder (following links).
  private static func isFolder(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
  }

  /// Takes the lock of the folder `parent`, waiting for another run that holds it; nil where
  /// the folder cannot be locked (not readable, or a network file system without `flock`):
  /// the run goes on without it.
  ///
  /// The lock is `flock` on the parent folder itself, so it leaves no file behind; runs into
  /// one parent (two lessons into `Output/`) wait for each other for the few milliseconds
  /// their exchanges take, and the lock goes with the process however it ends.
  private static func lock(_ parent: String) -> Int32? {
    let fd = open(parent, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    while flock(fd, LOCK_EX) != 0 {
      guard errno == EINTR else {
        close(fd)
        return nil
      }
    }
    return fd
  }

  /// The start of the name of a run's private folder beside `<name>/`: distinctive, so that
  /// no folder of the user's is ever taken for one.
  public static func privatePrefix(_ name: String) -> String { "." + name + ".lessongen-" }

  /// Removes the private folders of `name` a killed run left in `parent`
  /// (`.<name>.lessongen-XXXXXX`, and `….old` from the two-rename fallback). Only called
  /// under the lock, when no other run can be using them.
  private static func removeLeftovers(in parent: String, of name: String) {
    guard let entries = try? FileManager.default.contentsOfDirectory(atPath: parent) else {
      return
    }
    let prefix = privatePrefix(name)
    for entry in entries where entry.hasPrefix(prefix) {
      var rest = entry.dropFirst(prefix.count)
      if rest.hasSuffix(".old") { rest = rest.dropLast(4) }
      guard rest.count == 6, rest.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
      else { continue }
      var info = stat()
      guard lstat(parent + "/" + entry, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
        continue
      }
      remove(parent + "/" + entry)
    }
  }

  /// The path of the folder already there, nil when there is none; refuses a symbolic link
  /// or a file where the folder or its `figures/` should be, and a folder that is not
  /// lessongen's output.
  public static func existingFolder(_ target: String, writing: Set<String> = []) throws -> String? {
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
    guard let listed = FolderListing.names(target) else {
      throw OutputError(
        "cannot read \(target): \(reason()); lessongen replaces only a folder it can read")
    }
    // A file system's own folder at the root of a volume mounted there does not count.
    let entries = listed.filter { $0 != "lost+found" }
    let hasTrace = lstat(target + "/trace.json", &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    if !entries.isEmpty, !hasTrace {
      throw OutputError(
        "\(target) is not lessongen's output (it has no trace.json file), and lessongen replaces "
          + "its output folder whole; move the folder away or choose another --out")
    }
    if let stranger = strangeFile(in: target, writing: writing) {
      throw OutputError(
        "\(target)/\(stranger) is not a file lessongen writes, and lessongen replaces "
          + "\(target) whole; move the file out of the folder or choose another --out")
    }
    return target
  }

  /// The first file (sorted) in a lesson's output folder that lessongen never writes there,
  /// or nil. lessongen writes, for a folder `<id>`: `trace.json`, `<id>.pdf`, `<id>.md`,
  /// `<id>.html`, the same with `-exercise`, `index.html` and `exercise.html` (a site's
  /// pages), `figures/` holding `.pdf`, `.png` and `.svg` files, and the files of the run
  /// at hand (`writing`). Anything else — a lesson file saved in the folder, the author's
  /// notes — is the user's, and replacing the folder would delete it.
  public static func strangeFile(in target: String, writing: Set<String> = []) -> String? {
    let id = (target as NSString).lastPathComponent
    let mine: Set<String> = Set(
      ["trace.json", "index.html", "exercise.html", "lost+found"]
        + ["pdf", "md", "html"].flatMap { ["\(id).\($0)", "\(id)-exercise.\($0)"] })
    for entry in FolderListing.entries(target) ?? []
    where !mine.contains(entry.name) && !writing.contains(entry.name) {
      guard entry.name == "figures", entry.isFolder else { return entry.name }
      for figure in FolderListing.entries(target + "/figures") ?? [] {
        let isImage = [".pdf", ".png", ".svg"].contains { figure.name.hasSuffix($0) }
        guard isImage, figure.isFile else { return "figures/" + figure.name }
      }
    }
    return nil
  }

  /// What is on disk at `path` now, as a fingerprint: the inode, modification and change
  /// times of the folder and of each folder in it (or of the file); "" when there is
  /// nothing. Every run of lessongen puts a new folder in place (a new inode), and adding,
  /// removing or renaming a file changes its folder's times, so a build that finds its
  /// recorded stamp knows the folder still holds what it wrote — with two `lstat` calls,
  /// not one per file (the check of 17 unchanged lessons took 1,200 of them). Only bytes
  /// rewritten inside an existing file by hand go unseen.
  public static func stamp(of path: String) -> String {
    var lines: [String] = []
    func add(_ relative: String) {
      var info = stat()
      guard lstat(relative.isEmpty ? path : path + "/" + relative, &info) == 0 else { return }
      lines.append(
        "\(relative)\u{1F}\(info.st_mode)\u{1F}\(info.st_size)\u{1F}\(info.st_ino)\u{1F}"
          + "\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)\u{1F}"
          + "\(info.st_ctim.tv_sec).\(info.st_ctim.tv_nsec)")
    }
    add("")
    guard !lines.isEmpty else { return "" }
    for entry in FolderListing.entries(path) ?? [] where entry.isFolder { add(entry.name) }
    return BuildManifest.fingerprint([Data(lines.joined(separator: "\n").utf8)])
  }

  /// Whether `folder` is a mount point (another device than its parent's): it cannot be
  /// renamed, so it is written in place.
  private static func isMountPoint(_ folder: String, parent: String) -> Bool {
    var inner = stat()
    var outer = stat()
    return stat(folder, &inner) == 0 && stat(parent, &outer) == 0 && inner.st_dev != outer.st_dev
  }

  /// Whether the folder holds exactly `files`, byte for byte, and nothing else.
  private static func matches(_ folder: String, _ files: [OutputFile]) -> Bool {
    var expected = Set(files.map(\.path))
    let folders = Set(
      files.map { ($0.path as NSString).deletingLastPathComponent }.filter { !$0.isEmpty })
    guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return false }
    while let relative = enumerator.nextObject() as? String {
      if folders.contains(relative) { continue }
      guard expected.remove(relative) != nil else { return false }
    }
    guard expected.isEmpty else { return false }
    return files.allSatisfy { holds(folder + "/" + $0.path, $0.contents) }
  }

  /// The files replaced one by one inside `target`, each through a temporary name of its own
  /// and a rename; files the run does not make are removed.
  public static func writeInPlace(_ files: [OutputFile], into target: String, failAfter: Int?)
    throws -> Outcome
  {
    var made: Set<String> = []
    for (count, file) in files.enumerated() {
      if let failAfter, count == failAfter {
        throw OutputError("cannot write \(target)/\(file.path): No space left on device")
      }
      let subfolder = (file.path as NSString).deletingLastPathComponent
      let folder = subfolder.isEmpty ? target : target + "/" + subfolder
      if made.insert(folder).inserted { try makeFolders(folder) }
      try replaceFile(target + "/" + file.path, with: file.contents)
    }
    // What the run does not make: files first, then the folders left empty.
    let keep = Set(files.map(\.path))
    let enumerator = FileManager.default.enumerator(atPath: target)
    var folders: [String] = []
    while let relative = enumerator?.nextObject() as? String {
      var info = stat()
      guard lstat(target + "/" + relative, &info) == 0 else { continue }
      if info.st_mode & S_IFMT == S_IFDIR {
        folders.append(relative)
      } else if !keep.contains(relative) {
        unlink(target + "/" + relative)
      }
    }
    for folder in folders.reversed() { rmdir(target + "/" + folder) }
    return .replacedInPlace
  }

  /// Replaces the one file at `destination` (its folder made if missing) through a
  /// temporary name of its own and a rename, so a reader sees the old bytes or the new ones;
  /// a file that already holds `contents` is not touched.
  public static func replaceFile(_ destination: String, with contents: Data) throws {
    let folder = (destination as NSString).deletingLastPathComponent
    try makeFolders(folder)
    if holds(destination, contents) { return }
    var pattern = Array(
      (folder + "/." + (destination as NSString).lastPathComponent + ".XXXXXX").utf8CString)
    // mkstemp creates the file new (O_EXCL): never through a link.
    let fd = mkstemp(&pattern)
    guard fd >= 0 else { throw OutputError("cannot write \(destination): \(reason())") }
    let temporary = string(pattern)
    do {
      defer { close(fd) }
      guard fchmod(fd, 0o666 & ~umaskValue) == 0 else {
        throw OutputError("cannot write \(destination): \(reason())")
      }
      try writeAll(fd, contents, shownAs: destination)
    } catch {
      unlink(temporary)
      throw error
    }
    guard rename(temporary, destination) == 0 else {
      let why = reason()
      unlink(temporary)
      throw OutputError("cannot write \(destination): \(why)")
    }
  }

  /// Creates a new file (never through a link, never over an existing one) holding `data`.
  private static func create(_ path: String, _ data: Data, shownAs shown: String) throws {
    let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
    guard fd >= 0 else { throw OutputError("cannot write \(shown): \(reason())") }
    defer { close(fd) }
    try writeAll(fd, data, shownAs: shown)
  }

  /// write(2) until every byte is written.
  private static func writeAll(_ fd: Int32, _ data: Data, shownAs shown: String) throws {
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

  /// The exchange could not be made on this file system (the caller writes in place).
  private struct ExchangeRefused: Error {
    public var reason: String
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
    switch errno {
    case EBUSY, EXDEV: throw ExchangeRefused(reason: reason())
    case EINVAL, ENOSYS: break
    default: throw OutputError("cannot replace \(target): \(reason())")
    }
    // A file system without RENAME_EXCHANGE: two renames, undone if the second fails.
    let aside = staging + ".old"
    guard rename(target, aside) == 0 else {
      if errno == EBUSY || errno == EXDEV { throw ExchangeRefused(reason: reason()) }
      throw OutputError("cannot replace \(target): \(reason())")
    }
    guard rename(staging, target) == 0 else {
      let why = reason()
      _ = rename(aside, target)
      throw OutputError("cannot replace \(target): \(why)")
    }
    // The old folder goes where the caller removes it; if even that fails, remove it here.
    if rename(aside, staging) != 0 { remove(aside) }
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

  /// The path mkdtemp or mkstemp filled into `pattern`: its bytes up to the terminating NUL.
  public static func string(_ pattern: [CChar]) -> String {
    String(decoding: pattern.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// The process's umask, from `/proc/self/status` (umask(2) can only read it by changing
  /// it, which would race with other threads creating files); 022 where that is not there.
  private static let umaskValue: mode_t = {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
      let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Umask:") }),
      let value = mode_t(line.dropFirst(6).trimmingCharacters(in: .whitespaces), radix: 8)
    else { return 0o022 }
    return value
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
public struct OutputError: Error, CustomStringConvertible {
  public var description: String

  /// One line, whatever the paths in it hold (a newline in a file name is shown escaped).
  public init(_ description: String) {
    self.description = TextHygiene.escapedLine(description)
  }
}
