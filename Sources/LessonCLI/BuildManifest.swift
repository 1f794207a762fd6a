import ArgumentParser
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The bookkeeping of `lessongen build` in `DIR/.lessongen/manifest.json`: for each lesson id,
/// a fingerprint of everything its output depends on — the lesson's bytes, the options, and
/// lessongen itself. A lesson whose fingerprint is unchanged and whose folder is there is not
/// built again.
struct BuildManifest: Codable, Equatable {
  /// The format of this file, for a later lessongen to recognise it.
  var format = 1
  /// Lesson id → fingerprint (hex).
  var lessons: [String: String] = [:]

  /// The manifest's path under the output folder.
  static func path(in out: String) -> String {
    (out.hasSuffix("/") ? out : out + "/") + ".lessongen/manifest.json"
  }

  /// The manifest in `out`, or an empty one (none yet, or one lessongen cannot read: then
  /// everything is built again, which is always safe).
  static func read(in out: String) -> BuildManifest {
    guard let data = FileManager.default.contents(atPath: path(in: out)),
      let manifest = try? JSONDecoder().decode(BuildManifest.self, from: data),
      manifest.format == 1
    else { return BuildManifest() }
    return manifest
  }

  /// Writes the manifest whole (a temporary file renamed over the old one), keys sorted so
  /// the same builds give the same bytes.
  func write(in out: String) throws {
    let target = Self.path(in: out)
    let folder = (target as NSString).deletingLastPathComponent
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
    let data = try encoder.encode(self) + Data("\n".utf8)
    let temporary = folder + "/.manifest-\(getpid()).json"
    try data.write(to: URL(fileURLWithPath: temporary))
    guard rename(temporary, target) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      throw CocoaError(
        .fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "\(target): \(reason)"])
    }
  }

  /// A fingerprint of `parts`: 64-bit FNV-1a over their bytes, each part's length first so
  /// that parts cannot run into each other. Change detection, not security: a collision
  /// would need two edits of one lesson to hash alike (about 1 in 10¹⁹).
  static func fingerprint(_ parts: [Data]) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    func mix(_ byte: UInt8) {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01b3
    }
    for part in parts {
      var length = UInt64(part.count).littleEndian
      withUnsafeBytes(of: &length) { for b in $0 { mix(b) } }
      for b in part { mix(b) }
    }
    return String(hash, radix: 16)
  }

  /// What identifies this lessongen: its version and its executable's size and time, so a
  /// rebuilt or upgraded lessongen builds everything again.
  static var toolIdentity: String {
    let version = LessongenCommand.configuration.version
    var info = stat()
    guard stat("/proc/self/exe", &info) == 0 else { return version }
    return version + "+\(info.st_size)-\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
  }
}
