internal import CCairo
import Explain
import Foundation
import GraphLayout

/// Writes a walk-through as the print-ready handout PDF: pages of the chosen paper, the
/// figures drawn as vectors at print size, typeset math, page numbers, title and creator in
/// the metadata, and a bookmark for every section.
public enum HandoutRenderer {
  /// Lays the document out and returns its pages, for checks; `figures` by name.
  public static func pages(_ document: Document, figures: [String: Scene], paper: Paper)
    -> [HandoutPage]
  {
    var layout = HandoutLayout(paper: paper, measurer: PangoTextMeasurer(), figures: figures)
    layout.layout(document)
    return layout.pages
  }

  public static func render(_ document: Document, figures: [String: Scene], paper: Paper) throws
    -> Data
  {
    var layout = HandoutLayout(paper: paper, measurer: PangoTextMeasurer(), figures: figures)
    layout.layout(document)
    let sink = ByteSink()
    let closure = Unmanaged.passUnretained(sink).toOpaque()
    let size = paper.size
    let surface = cairo_pdf_surface_create_for_stream(
      writeHandoutBytes, closure, size.width, size.height)
    defer { cairo_surface_destroy(surface) }
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, document.title)
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "lessongen")
    if let summary = document.summary {
      cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, summary)
    }
    cairo_pdf_surface_set_metadata(
      surface, CAIRO_PDF_METADATA_CREATE_DATE, FigureRenderer.fixedDate)
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, FigureRenderer.fixedDate)
    guard let cr = cairo_create(surface) else {
      throw RenderError(description: "Cairo could not create a drawing context")
    }
    let canvas = CairoCanvas(cr)
    for (index, page) in layout.pages.enumerated() {
      cairo_set_source_rgb(cr, 1, 1, 1)
      cairo_paint(cr)
      for item in page.items { draw(item, canvas) }
      let number = String(index + 1)
      let font = HandoutLayout.caption
      let w = PangoTextMeasurer().measure(number, font: font)
      canvas.setColor(HandoutLayout.grey)
      canvas.text.draw(
        number, font: font,
        at: Rect(
          x: (size.width - w.width) / 2,
          y: size.height - HandoutLayout.bottomMargin / 2 - w.height / 2,
          width: w.width, height: w.height), on: cr)
      cairo_show_page(cr)
    }
    var parent: Int32 = 0
    for mark in layout.bookmarks {
      let attributes = "page=\(mark.page) pos=[\(Int(HandoutLayout.margin)) \(Int(mark.y))]"
      let id = cairo_pdf_surface_add_outline(
        surface, mark.level <= 2 ? 0 : parent, mark.title, attributes,
        cairo_pdf_outline_flags_t(rawValue: 0))
      if mark.level <= 2 { parent = id }
    }
    try check(cairo_status(cr))
    cairo_destroy(cr)
    cairo_surface_finish(surface)
    try check(cairo_surface_status(surface))
    return sink.data
  }

  private static func draw(_ item: PageItem, _ canvas: CairoCanvas) {
    let cr = canvas.cr
    switch item {
    case .text(let markup, let font, let color, let frame, let wrap):
      canvas.setColor(color)
      canvas.text.draw(markup, font: font, at: frame, on: cr, width: wrap ? frame.width + 0.5 : nil)
    case .math(let box, let origin):
      canvas.setColor(HandoutLayout.ink)
      for mark in box.items {
        switch mark.shifted(origin.x, origin.y) {
        case .text(let markup, let font, let o):
          canvas.text.drawOnBaseline(markup, font: font, at: o, on: cr)
        case .rule(let x, let y, let w, let t):
          cairo_rectangle(cr, x, y - t / 2, w, t)
          cairo_fill(cr)
        case .path(let points, let w):
          guard let first = points.first else { continue }
          cairo_move_to(cr, first.x, first.y)
          for p in points.dropFirst() { cairo_line_to(cr, p.x, p.y) }
          cairo_set_line_width(cr, w)
          cairo_stroke(cr)
        }
      }
    case .figure(let scene, let frame):
      cairo_save(cr)
      cairo_translate(cr, frame.x, frame.y)
      cairo_scale(cr, frame.width / scene.size.width, frame.height / scene.size.height)
      canvas.drawElements(scene)
      cairo_restore(cr)
    case .line(let a, let b, let width, let color):
      canvas.setColor(color)
      cairo_move_to(cr, a.x, a.y)
      cairo_line_to(cr, b.x, b.y)
      cairo_set_line_width(cr, width)
      cairo_stroke(cr)
    }
  }

  private static func check(_ status: cairo_status_t) throws {
    guard status != CAIRO_STATUS_SUCCESS else { return }
    throw RenderError(
      description:
        "Cairo failed writing the handout: \(String(cString: cairo_status_to_string(status)))")
  }
}

/// Cairo's write callback for the handout: appends to the ``ByteSink`` passed as closure.
private let writeHandoutBytes: cairo_write_func_t = { closure, bytes, length in
  guard let closure, let bytes else { return CAIRO_STATUS_WRITE_ERROR }
  Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue().data.append(
    bytes, count: Int(length))
  return CAIRO_STATUS_SUCCESS
}
