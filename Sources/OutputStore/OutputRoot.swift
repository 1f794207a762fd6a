import Foundation

#if canImport(Glibc)
  import CSystem
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The folder given as `--out` to `build` and `site`, and everything they write under it.
///
/// Every path written below the root is a relative path whose components are checked
/// (``isSafe(_:)``: no empty, `.` or `..` component, no control character), so it is proved
/// to lie inside the root by its text alone. Below the root no symbolic link is followed:
/// each folder on the way is made with `mkdir` or found with `lstat` to be a real folder, and
/// a link or a file in its place is refused with a message naming it. The root itself is the
/// user's choice and may be a link.
public struct OutputRoot: Sendable {
  /// The root as given (`Output`, `site/`, `/tmp/x`).
  public let path: String

  public init(_ path: String) {
    self.path = path
  }

  /// `root/relative` as text, for messages and for the file calls.
  public func path(_ relative: String) -> String {
    relative.isEmpty ? path : (path.hasSuffix("/") ? path : path + "/") + relative
  }

  /// Whether `relative` names a place inside the root: components separated by single
  /// slashes, none empty, `.` or `..`, none with a control character or a backslash.
  public static func isSafe(_ relative: String) -> Bool {
    guard !relative.isEmpty else { return false }
    return relative.split(separator: "/", omittingEmptySubsequences: false).allSatisfy {
      component in
      !component.isEmpty && component != "." && component != ".."
        && !component.unicodeScalars.contains {
          $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0 == "\\"
        }
    }
  }

  /// Refuses a relative path that could leave the root (see ``isSafe(_:)``).
  public func check(_ relative: String) throws {
    guard Self.isSafe(relative) else {
      throw OutputError(
        "lessongen refuses to write \(path(relative)): the name would leave \(path)")
    }
  }

  /// The folder `root/relative`, made where missing, every component below the root a real
  /// folder (never a symbolic link).
  public func makeFolder(_ relative: String) throws {
    if !relative.isEmpty { try check(relative) }
    // The root itself as `mkdir -p` makes it, following links: it is the user's choice.
    try OutputFolder.makeFolders(path)
    guard !relative.isEmpty else { return }
    var partial = ""
    for component in relative.split(separator: "/") {
      partial += (partial.isEmpty ? "" : "/") + component
      let full = path(partial)
      if mkdir(full, 0o777) != 0 && errno != EEXIST {
        throw OutputError("cannot create the folder \(full): \(Self.reason())")
      }
      if let problem = Self.notAFolder(full) { throw OutputError(problem) }
    }
  }

  /// Why `path` (which exists) cannot be written into, or nil when it is a real folder.
  public static func notAFolder(_ path: String) -> String? {
    var info = stat()
    guard lstat(path, &info) == 0 else { return "cannot use \(path): \(reason())" }
    switch info.st_mode & S_IFMT {
    case S_IFDIR: return nil
    case S_IFLNK:
      return "\(path) is a symbolic link; lessongen writes only into folders of its own below "
        + "--out and never through a link (remove the link)"
    default:
      return
        "\(path) is a file where lessongen needs a folder; move it away or choose another --out"
    }
  }

  /// Why a folder on the way to `root/relative` cannot be used, or nil: each component that
  /// exists must be a real folder. Nothing is made.
  public func problemOnTheWay(to relative: String) -> String? {
    guard Self.isSafe(relative) else {
      return "lessongen refuses to write \(path(relative)): the name would leave \(path)"
    }
    var partial = ""
    for component in relative.split(separator: "/").dropLast() {
      partial += (partial.isEmpty ? "" : "/") + component
      var info = stat()
      guard lstat(path(partial), &info) == 0 else { return nil }  // made later
      if let problem = Self.notAFolder(path(partial)) { return problem }
    }
    return nil
  }

  /// Replaces the one file `root/relative` (see ``OutputFolder/replaceFile(_:with:)``), its
  /// folders made without following links.
  public func replaceFile(_ relative: String, with contents: Data) throws {
    try check(relative)
    try makeFolder(Self.parent(of: relative))
    try OutputFolder.replaceFile(path(relative), with: contents)
  }

  /// The folder part of a relative path: `a/b/c` → `a/b`, `a` → "". (Not NSString's
  /// `deletingLastPathComponent`, which traps on some one-component strings on Linux.)
  public static func parent(of relative: String) -> String {
    guard let slash = relative.lastIndex(of: "/") else { return "" }
    return String(relative[..<slash])
  }

  private static func reason() -> String { String(cString: strerror(errno)) }
}
