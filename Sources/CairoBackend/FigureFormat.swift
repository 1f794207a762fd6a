/// The file formats a figure is written in.
public enum FigureFormat: String, CaseIterable, Sendable {
  /// Vector, fonts embedded, text selectable, with title and creator metadata.
  case pdf
  /// Raster at twice the figure's size, for screens.
  case png
  /// Vector for the web, with a `<title>`.
  case svg

  /// Pixels per point of the PNG.
  public static let pngScale = 2.0

  /// The PNG's pixels per point for a figure of `width` × `height` points: 2, unless that
  /// would pass Cairo's limit of 32,767 pixels a side or 40 megapixels in all; then as much
  /// as fits (only graphs of hundreds of nodes get there; their PDF and SVG stay exact).
  public static func pngScale(width: Double, height: Double) -> Double {
    let side = 32_000 / Swift.max(width, height, 1)
    let area = (40e6 / Swift.max(width * height, 1)).squareRoot()
    return Swift.min(pngScale, side, area)
  }
}
