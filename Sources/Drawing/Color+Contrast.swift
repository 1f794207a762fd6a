import GraphEngine

extension Color {
  /// WCAG 2's relative luminance: 0.2126 R + 0.7152 G + 0.0722 B of the linear sRGB
  /// components (each c ≤ 0.04045 is c / 12.92, else ((c + 0.055) / 1.055)^2.4).
  public var relativeLuminance: Double {
    func linear(_ c: Double) -> Double {
      c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4)
    }
    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
  }

  /// WCAG 2's contrast ratio (L₁ + 0.05) / (L₂ + 0.05), the lighter luminance over the
  /// darker: 1 for equal colours, 21 for black on white. Text needs 4.5 (level AA).
  public func contrast(with other: Color) -> Double {
    let (a, b) = (relativeLuminance, other.relativeLuminance)
    return (Swift.max(a, b) + 0.05) / (Swift.min(a, b) + 0.05)
  }

  /// CIE L*, perceived lightness from 0 (black) to 100 (white): 116·Y^(1/3) − 16 (linear
  /// below Y = 0.008856). Two colours far apart in L* stay apart for readers who cannot
  /// tell red from green.
  public var lightness: Double {
    let y = relativeLuminance
    return y > 0.008856 ? 116 * Math.pow(y, 1.0 / 3) - 16 : 903.3 * y
  }
}
