import Foundation

/// The lessons in this folder, compiled into the binary as resources so that
/// `lessongen sigmoid` works from any directory.
public enum BuiltinLessonFiles {
  /// The ids of the built-in lessons, sorted.
  public static let ids: [String] = {
    guard let folder = Bundle.module.resourcePath,
      let names = try? FileManager.default.contentsOfDirectory(atPath: folder)
    else { return [] }
    return names.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
  }()

  /// The YAML text of a built-in lesson, or nil if there is none with that id.
  public static func text(_ id: String) -> String? {
    guard let url = Bundle.module.url(forResource: id, withExtension: "yaml"),
      let data = try? Data(contentsOf: url)
    else { return nil }
    return String(data: data, encoding: .utf8)
  }
}
