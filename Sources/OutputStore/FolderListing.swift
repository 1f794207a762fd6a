import Foundation

#if canImport(Glibc)
  import CSystem
  import Glibc
#endif

/// The names in a folder, read with `opendir`/`readdir` (Foundation's listing and its
/// enumerator cost about ten times as much: `lessongen build` lists every lesson folder
/// twice to check it is still as written, and with nothing to build that is all it does).
public enum FolderListing {
  /// The names in `path` other than `.` and `..`, sorted; nil when it cannot be read.
  public static func names(_ path: String) -> [String]? {
    entries(path)?.map(\.name)
  }

  /// What `readdir` says of an entry: its name, and whether it is a folder or a regular file
  /// (`readdir`'s `d_type`; where the file system does not say, `lstat` does).
  public struct Entry {
    public var name: String
    public var isFolder: Bool
    public var isFile: Bool
  }

  /// The entries of `path` other than `.` and `..`, sorted by name; nil when it cannot be
  /// read.
  public static func entries(_ path: String) -> [Entry]? {
    guard let folder = opendir(path) else { return nil }
    defer { closedir(folder) }
    var entries: [Entry] = []
    while let entry = readdir(folder) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      guard name != "." && name != ".." else { continue }
      var type = Int32(entry.pointee.d_type)
      if type == Int32(DT_UNKNOWN) {
        var info = stat()
        guard lstat(path + "/" + name, &info) == 0 else { continue }
        type =
          info.st_mode & S_IFMT == S_IFDIR
          ? Int32(DT_DIR) : info.st_mode & S_IFMT == S_IFREG ? Int32(DT_REG) : Int32(DT_LNK)
      }
      entries.append(
        Entry(name: name, isFolder: type == Int32(DT_DIR), isFile: type == Int32(DT_REG)))
    }
    return entries.sorted { $0.name < $1.name }
  }
}
