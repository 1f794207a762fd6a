internal import CCairo
import Explain
public import Figures
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
    laidOut(document, figures: figures, paper: paper).pages
  }

  /// Loads the handout's fonts (upright and italic, as text and math use them) into this
  /// thread's Pango cache, before there is a document to lay out.
  public static func loadFonts() {
    let measurer = PangoTextMeasurer()
    for font in HandoutStyle.standard.fonts {
      _ = measurer.measure("Ag 0.1 = −<i>x</i> × ∂", font: font)
    }
  }

  /// Lays the document out once before its figures exist, on the thread that will render
  /// it: the fonts get loaded and every paragraph, table cell and formula shaped into this
  /// thread's Pango cache while the figures are still being composed on another thread;
  /// ``render(_:figures:paper:)`` on the same thread then finds them there.
  public static func prepare(_ document: Document, paper: Paper) {
    _ = laidOut(document, figures: [:], paper: paper)
  }

  private static func laidOut(_ document: Document, figures: [String: Scene], paper: Paper)
    -> HandoutLayout
  {
    var layout = HandoutLayout(paper: paper, measurer: PangoTextMeasurer(), figures: figures)
    layout.layout(document)
    return layout
  }

  /// The handout laid out with `measurer` and no figures: its page count. For tests and
  /// the fuzzer, which lay out pages without loading fonts.
  public static func pageCount(
    _ document: Document, paper: Paper, measurer: any PageTextMeasuring
  ) -> Int {
    var layout = HandoutLayout(paper: paper, measurer: measurer, figures: [:])
    layout.layout(document)
    return layout.pages.count
  }

  public static func render(_ document: Document, figures: [String: Scene], paper: Paper) throws
    -> Data
  {
    let layout = laidOut(document, figures: figures, paper: paper)
    let sink = ByteSink()
    let closure = Unmanaged.passUnretained(sink).toOpaque()
    let size = paper.size
    let surface: OpaquePointer = cairo_pdf_surface_create_for_stream(
      writeToSink, closure, size.width, size.height)
    defer { cairo_surface_destroy(surface) }
    FigureRenderer.setMetadata(surface, title: document.title, subject: document.summary)
    guard let cr = cairo_create(surface) else {
      throw RenderError(description: "Cairo could not create a drawing context")
    }
    let canvas = CairoCanvas(cr)
    for page in layout.pages {
      canvas.draw(page.scene)
      cairo_show_page(cr)
    }
    var parent: Int32 = 0
    for mark in layout.bookmarks {
      let attributes = "page=\(mark.page) pos=[\(Int(mark.x)) \(Int(mark.y))]"
      let id = cairo_pdf_surface_add_outline(
        surface, mark.level <= 2 ? 0 : parent, mark.title, attributes,
        cairo_pdf_outline_flags_t(rawValue: 0))
      if mark.level <= 2 { parent = id }
    }
    try FigureRenderer.check(cairo_status(cr), "drawing the handout")
    cairo_destroy(cr)
    cairo_surface_finish(surface)
    try FigureRenderer.check(cairo_surface_status(surface), "writing the handout")
    return sink.data
  }
}
