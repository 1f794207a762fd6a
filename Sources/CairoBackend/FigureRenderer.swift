internal import CCairo
public import Drawing
import Figures
import Foundation
import GraphLayout

/// Writes a ``Scene`` as PDF, PNG or SVG bytes, the same bytes for the same scene.
public enum FigureRenderer {
  /// The creation and modification date written into every PDF: fixed, so files are
  /// byte-identical from run to run (Cairo would write the current time).
  public static let fixedDate = "2000-01-01T00:00:00Z"

  public static func render(_ scene: Scene, as format: FigureFormat) throws -> Data {
    let sink = ByteSink()
    let closure = Unmanaged.passUnretained(sink).toOpaque()
    let w = scene.size.width
    let h = scene.size.height
    let surface: OpaquePointer
    switch format {
    case .pdf:
      surface = cairo_pdf_surface_create_for_stream(writeToSink, closure, w, h)
      setMetadata(surface, title: scene.title)
    case .svg:
      surface = cairo_svg_surface_create_for_stream(writeToSink, closure, w, h)
    case .png:
      let scale = FigureFormat.pngScale(width: w, height: h)
      surface = cairo_image_surface_create(
        CAIRO_FORMAT_ARGB32, Int32((w * scale).rounded(.up)), Int32((h * scale).rounded(.up)))
    }
    defer { cairo_surface_destroy(surface) }
    try check(cairo_surface_status(surface), "creating the \(format.rawValue) surface")

    guard let cr = cairo_create(surface) else {
      throw RenderError(description: "Cairo could not create a drawing context")
    }
    if format == .png {
      let scale = FigureFormat.pngScale(width: w, height: h)
      cairo_scale(cr, scale, scale)
    }
    CairoCanvas(cr).draw(scene)
    try check(cairo_status(cr), "drawing")
    cairo_destroy(cr)

    if format == .png {
      return try PNGEncoder.encode(surface)
    }
    cairo_surface_finish(surface)
    try check(cairo_surface_status(surface), "finishing the \(format.rawValue) file")
    return format == .svg ? SVGPostProcessor.finish(sink.data, title: scene.title) : sink.data
  }

  /// Title, creator (and subject) of a PDF, with the fixed dates that keep it reproducible.
  static func setMetadata(
    _ surface: OpaquePointer, title: String, subject: String? = nil, author: String? = nil
  ) {
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title)
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "lessongen")
    if let subject { cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, subject) }
    if let author { cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, author) }
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, fixedDate)
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, fixedDate)
  }

  /// Turns a Cairo status into a ``RenderError`` saying what was being done.
  static func check(_ status: cairo_status_t, _ what: String) throws {
    guard status != CAIRO_STATUS_SUCCESS else { return }
    throw RenderError(
      description: "Cairo failed \(what): \(String(cString: cairo_status_to_string(status)))")
  }
}
