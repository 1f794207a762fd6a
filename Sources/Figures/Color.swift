/// An sRGB colour.
public struct Color: Hashable, Sendable, CustomStringConvertible {
  public var red: Double
  public var green: Double
  public var blue: Double

  /// A colour from `0xRRGGBB`.
  public init(hex: UInt32) {
    red = Double((hex >> 16) & 0xff) / 255
    green = Double((hex >> 8) & 0xff) / 255
    blue = Double(hex & 0xff) / 255
  }

  /// `#rrggbb`.
  public var description: String {
    func byte(_ v: Double) -> String {
      let s = String(Int((v * 255).rounded()), radix: 16)
      return s.count == 1 ? "0" + s : s
    }
    return "#" + byte(red) + byte(green) + byte(blue)
  }

  public static let black = Color(hex: 0x000000)
  public static let white = Color(hex: 0xffffff)
}

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
