internal import CCairo
internal import CPangoCairo

/// The versions of the C drawing libraries lessongen was built against and runs with.
public enum LibraryVersions {
  /// Cairo's version at run time, such as `1.16.0`.
  public static var cairo: String { String(cString: cairo_version_string()) }
  /// Pango's version at run time, such as `1.50.12`.
  public static var pango: String { String(cString: pango_version_string()) }
}
