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
