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
}

/// A Cairo failure, with Cairo's own words.
public struct RenderError: Error, CustomStringConvertible {
  public var description: String
}
