internal import CCairo
import Drawing
import Figures
import Foundation
import GraphLayout
public import Handout

/// Writes a laid-out handout as the print-ready PDF: each page's scene drawn by
/// ``CairoCanvas`` (the figures in it as vectors at print size), the title, subject and
/// creator in the metadata, and a bookmark for every heading.
public enum HandoutRenderer {
  public static func render(_ handout: PagedHandout) throws -> Data {
    let sink = ByteSink()
    let closure = Unmanaged.passUnretained(sink).toOpaque()
    let size = handout.paper.size
    let surface: OpaquePointer = cairo_pdf_surface_create_for_stream(
      writeToSink, closure, size.width, size.height)
    defer { cairo_surface_destroy(surface) }
    FigureRenderer.setMetadata(
      surface, title: handout.title, subject: handout.subject, author: handout.author)
    guard let cr = cairo_create(surface) else {
      throw RenderError(description: "Cairo could not create a drawing context")
    }
    let canvas = CairoCanvas(cr)
    var current = size
    for page in handout.pages {
      // A landscape page (a wide figure's) and back.
      if page.scene.size.width != current.width || page.scene.size.height != current.height {
        current = page.scene.size
        cairo_pdf_surface_set_size(surface, current.width, current.height)
      }
      canvas.draw(page.scene)
      for link in page.links {
        let a = link.area
        let attributes =
          "rect=[\(a.x) \(a.y) \(a.width) \(a.height)] page=\(link.page) pos=[\(link.x) \(link.y)]"
        cairo_tag_begin(cr, "Link", attributes)
        cairo_tag_end(cr, "Link")
      }
      cairo_show_page(cr)
    }
    // Each bookmark under the last one before it that is less deep (0: the outline's root).
    var parents: [Int32] = []
    for mark in handout.bookmarks {
      let attributes = "page=\(mark.page) pos=[\(Int(mark.x)) \(Int(mark.y))]"
      let depth = min(mark.depth, parents.count)
      parents.removeSubrange(depth...)
      let id = cairo_pdf_surface_add_outline(
        surface, parents.last ?? 0, mark.title, attributes,
        cairo_pdf_outline_flags_t(rawValue: 0))
      parents.append(id)
    }
    try FigureRenderer.check(cairo_status(cr), "drawing the handout")
    cairo_destroy(cr)
    cairo_surface_finish(surface)
    try FigureRenderer.check(cairo_surface_status(surface), "writing the handout")
    return sink.data
  }
}
