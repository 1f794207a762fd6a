/// A font: a fontconfig family list (Pango falls back along it, and then to any font with
/// the glyph, such as a Korean one), a size in points, and a style.
public struct Font: Hashable, Sendable, CustomStringConvertible {
  public var family: String
  public var size: Double
  public var italic: Bool = false

  public init(family: String, size: Double, italic: Bool = false) {
    self.family = family
    self.size = size
    self.italic = italic
  }

  /// A Pango font description string, such as `DejaVu Serif, NanumMyeongjo 11`.
  public var description: String {
    family + (italic ? " Italic" : "") + " " + NumberText.short(size)
  }
}

/// Short decimal text for snapshots and font sizes.
enum NumberText {
  static func short(_ v: Double) -> String {
    let r = (v * 10).rounded() / 10
    return r == r.rounded() ? String(Int(r)) : String(r)
  }
}
