/// A language the material is written in. Lessons, courses and the command line name it by
/// its BCP 47 code (`lang: ko`, `--lang ko`), which HTML's `lang` and Markdown's front matter
/// write too; everything past reading takes this type, never the code.
public enum Language: String, Sendable, Hashable, CaseIterable, Comparable,
  CustomStringConvertible
{
  case english = "en"
  case korean = "ko"

  /// The BCP 47 code: `en`, `ko`.
  public var code: String { rawValue }

  /// The code, as messages name a language (`--lang ko: not translated`).
  public var description: String { code }

  /// The language of a code, or nil for one lessongen does not write.
  public init?(code: String) { self.init(rawValue: code) }

  /// The codes, as an error message lists them: `en, ko`.
  public static let codes = allCases.map(\.code).joined(separator: ", ")

  /// By code, as the codes sort: en before ko.
  public static func < (a: Language, b: Language) -> Bool { a.code < b.code }
}
