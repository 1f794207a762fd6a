import Foundation

#if canImport(Glibc)
  import CSystem
  import Glibc
#endif

/// The bookkeeping of `lessongen build` and `lessongen site` in `DIR/.lessongen/manifest.json`.
///
/// For each thing built (a lesson's folder, a course's handout, a site's page) it keeps a
/// fingerprint of everything the output depends on — the lesson's bytes, the options, and
/// lessongen itself — and a ``OutputFolder/stamp(of:)`` of what the run left on disk. A thing
/// is "unchanged" only when both still match: the fingerprint says the inputs are the same,
/// the stamp that the files are still the ones written (another run, another command or the
/// user may have replaced them since). For the single files written outside lesson folders
/// (a course's handout, a site's `index.html` and `style.css`) it keeps a fingerprint of the
/// bytes written: a file there that lessongen has no record of is the user's and is never
/// replaced.
public struct BuildManifest: Codable, Equatable, Sendable {
  /// The format of this file, for a later lessongen to recognise it.
  public var format = 2
  /// Which command's output the folder holds: `build` or `site`; one folder is one kind.
  public var kind: String?
  /// Key (the folder under DIR, or a course handout's file) → fingerprint of its inputs.
  public var lessons: [String: String] = [:]
  /// Key → the stamp of what was written for it.
  public var stamps: [String: String] = [:]
  /// File (relative to DIR) → fingerprint of the bytes lessongen wrote there.
  public var files: [String: String] = [:]
  /// Read from a format-1 manifest (before file records): the files its keys name are taken
  /// as lessongen's.
  public var legacy = false

  private enum CodingKeys: String, CodingKey {
    case format, kind, lessons, stamps, files
  }

  public init(kind: String? = nil) {
    self.kind = kind
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    format = try container.decode(Int.self, forKey: .format)
    kind = try container.decodeIfPresent(String.self, forKey: .kind)
    lessons = try container.decodeIfPresent([String: String].self, forKey: .lessons) ?? [:]
    stamps = try container.decodeIfPresent([String: String].self, forKey: .stamps) ?? [:]
    files = try container.decodeIfPresent([String: String].self, forKey: .files) ?? [:]
    if format == 1 {
      legacy = true
      kind = lessons.keys.contains { $0.hasPrefix("site/") } ? "site" : "build"
    }
  }

  /// The metadata folder and the manifest, relative to DIR.
  public static let folder = ".lessongen"
  public static let file = folder + "/manifest.json"

  /// The manifest's path under the output folder.
  public static func path(in out: String) -> String { OutputRoot(out).path(file) }

  /// The manifest in `root`: an empty one when there is none or it cannot be read as one
  /// (everything is then built again, which is always safe). A `.lessongen` or manifest that
  /// is a symbolic link, or a folder where the manifest should be, is an error: lessongen
  /// neither reads through a planted link nor can it keep its records there.
  public static func read(in root: OutputRoot) throws -> BuildManifest {
    var info = stat()
    if lstat(root.path(folder), &info) == 0 {
      if let problem = OutputRoot.notAFolder(root.path(folder)) { throw OutputError(problem) }
    }
    if lstat(root.path(file), &info) == 0, info.st_mode & S_IFMT != S_IFREG {
      throw OutputError(
        "\(root.path(file)) is not a file (lessongen keeps its records there); "
          + "remove it or choose another --out")
    }
    let fd = open(root.path(file), O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
    guard fd >= 0 else { return BuildManifest() }
    let data = FileHandle(fileDescriptor: fd, closeOnDealloc: true).readDataToEndOfFile()
    guard let manifest = try? JSONDecoder().decode(BuildManifest.self, from: data),
      [1, 2].contains(manifest.format)
    else { return BuildManifest() }
    return manifest
  }

  /// Refuses a folder that holds the other command's output: `site` and `build` write
  /// different files under the same names, and each would take the other's for its own.
  public func checkKind(_ wanted: String, root: OutputRoot) throws {
    guard let kind, kind != wanted else { return }
    throw OutputError(
      "\(root.path) holds the output of lessongen \(kind) (\(root.path(Self.file))); lessongen "
        + "\(wanted) writes another kind of folder: choose another --out")
  }

  /// Whether the file `relative` may be replaced: it is not there, or lessongen wrote it and
  /// it still holds what lessongen wrote (a file the user changed is the user's).
  public func owns(_ relative: String, in root: OutputRoot, key: String? = nil) -> Bool {
    var info = stat()
    guard lstat(root.path(relative), &info) == 0 else { return true }
    guard info.st_mode & S_IFMT == S_IFREG else { return false }
    if legacy { return key.map { lessons[$0] != nil } ?? true }
    guard let recorded = files[relative],
      let data = FileManager.default.contents(atPath: root.path(relative))
    else { return false }
    return recorded.split(separator: ",").contains { $0 == Self.fingerprint([data]) }
  }

  /// Records, before a file is replaced, that it may hold either what it holds now or
  /// `fingerprint` (its new bytes): a run stopped between the replacing and its final record
  /// leaves a file lessongen still knows as its own.
  public mutating func accept(_ relative: String, _ fingerprint: String) {
    let known = files[relative].map { $0.split(separator: ",").map(String.init) } ?? []
    files[relative] = (known.filter { $0 != fingerprint } + [fingerprint]).joined(separator: ",")
  }

  /// Records what this run did, merged into the manifest on disk under a lock on the metadata
  /// folder, so runs into one folder at once keep each other's records; `update` is applied to
  /// what is there now. Writes nothing when nothing changes.
  public static func update(
    in root: OutputRoot, kind: String, _ update: (inout BuildManifest) -> Void
  ) throws {
    try root.makeFolder(folder)
    let fd = open(root.path(folder), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
    guard fd >= 0 else {
      throw OutputError("cannot use \(root.path(folder)): \(String(cString: strerror(errno)))")
    }
    defer { close(fd) }
    while flock(fd, LOCK_EX) != 0 && errno == EINTR {}
    let old = try read(in: root)
    // Another command claimed the folder since this run checked it (two runs at once).
    try old.checkKind(kind, root: root)
    var new = old
    new.kind = kind
    new.format = 2
    if new.legacy {
      // The files a format-1 manifest's keys name become records of what is there now.
      new.legacy = false
      for key in new.lessons.keys where key.hasSuffix(".pdf") {
        if let data = FileManager.default.contents(atPath: root.path(key)) {
          new.files[key] = fingerprint([data])
        }
      }
    }
    update(&new)
    guard new != old || old.legacy else { return }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
    let data = try encoder.encode(new) + Data("\n".utf8)
    // A temporary file of a private name, made new (mkstemp: O_EXCL), renamed over the old.
    try root.replaceFile(file, with: data)
  }

  /// A fingerprint of `parts`: 64-bit FNV-1a over their bytes, each part's length first so
  /// that parts cannot run into each other. Change detection, not security: a collision
  /// would need two edits of one lesson to hash alike (about 1 in 10¹⁹).
  public static func fingerprint(_ parts: [Data]) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for part in parts {
      var length = UInt64(part.count).littleEndian
      withUnsafeBytes(of: &length) {
        for b in $0 {
          hash ^= UInt64(b)
          hash = hash &* 0x0000_0100_0000_01b3
        }
      }
      part.withUnsafeBytes { buffer in
        for b in buffer {
          hash ^= UInt64(b)
          hash = hash &* 0x0000_0100_0000_01b3
        }
      }
    }
    return String(hash, radix: 16)
  }
}
