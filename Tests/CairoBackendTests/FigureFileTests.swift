import Analysis
import CCairo
import Drawing
import Figures
import Foundation
import GraphLayout
import TestSupport
import Testing

@testable import CairoBackend

#if canImport(FoundationXML)
  import FoundationXML
#endif

@Suite("Figure files")
struct FigureFileTests {

  @Test(
    "PDF: accepted by poppler, with title, creator, selectable text and embedded fonts",
    .externalTools)
  func pdf() throws {
    let figure = try figures("sigmoid", style: .dlfs, kinds: [.expanded])[0]
    let data = try FigureRenderer.render(figure.scene, as: .pdf)
    let file = FileManager.default.temporaryDirectory.appendingPathComponent(
      "lessongen-\(UUID()).pdf")
    defer { try? FileManager.default.removeItem(at: file) }
    try data.write(to: file)
    let info = try runTool("pdfinfo", [file.path])
    func field(_ name: String) -> String? {
      info.split(separator: "\n").first { $0.hasPrefix(name + ":") }
        .map { $0.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces) }
    }
    #expect(field("Title") == "Derivative of the sigmoid function — expanded")
    #expect(field("Creator") == "lessongen")
    #expect(field("Pages") == "1")
    let text = try runTool("pdftotext", [file.path, "-"])
    for label in ["0.367879", "1.36788", "−0.534447", "0.196612", "exp"] {
      #expect(text.contains(label), "\(label) not selectable in the PDF")
    }
    let fonts = try pdfFonts(file)
    #expect(fonts.contains { $0.name.contains("DejaVu") })
    #expect(!fonts.isEmpty && fonts.allSatisfy { $0.emb == "yes" }, "\(fonts)")
  }

  @Test("PDF: every font of every figure kind, in every style, is embedded", .externalTools)
  func embeddedFonts() throws {
    for theme in Theme.all {
      for figure in try figures("sigmoid", style: theme, labels: .both) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(
          "lessongen-\(UUID()).pdf")
        defer { try? FileManager.default.removeItem(at: file) }
        try FigureRenderer.render(figure.scene, as: .pdf).write(to: file)
        let fonts = try pdfFonts(file)
        #expect(!fonts.isEmpty, "\(theme.name) \(figure.id.fileStem): no fonts")
        for font in fonts where font.emb != "yes" {
          Issue.record("\(theme.name) \(figure.id.fileStem): \(font.name) is not embedded")
        }
      }
    }
  }

  @Test("pdffonts is read by its columns: a font that is not embedded reads as emb no")
  func pdffontsColumns() throws {
    let output = """
      name                                 type              encoding         emb sub uni object ID
      ------------------------------------ ----------------- ---------------- --- --- --- ---------
      ETKBAL+DejaVuSans-Bold               TrueType          WinAnsi          yes yes yes      6  0
      Helvetica                            Type 1            Custom           no  no  no      12  0
      HQPURW+DejaVuSerif                   CID TrueType      Identity-H       yes no  yes     10  0

      """
    let fonts = try parsePDFFonts(output)
    #expect(
      fonts == [
        PDFFont(
          name: "ETKBAL+DejaVuSans-Bold", type: "TrueType", encoding: "WinAnsi", emb: "yes",
          sub: "yes", uni: "yes", objectID: "6  0"),
        PDFFont(
          name: "Helvetica", type: "Type 1", encoding: "Custom", emb: "no", sub: "no", uni: "no",
          objectID: "12  0"),
        PDFFont(
          name: "HQPURW+DejaVuSerif", type: "CID TrueType", encoding: "Identity-H", emb: "yes",
          sub: "no", uni: "yes", objectID: "10  0"),
      ])
    // The old check, a line that ends in "no", never matched: rows end with the object ID.
    #expect(fonts.filter { $0.emb == "yes" }.count == 2)
    // A row pushed out of its columns is an error, not a row read wrong.
    let shifted = output.replacingOccurrences(
      of: "Helvetica                           ", with: String(repeating: "N", count: 40))
    #expect(throws: PopplerError.self) { try parsePDFFonts(shifted) }
    #expect(throws: PopplerError.self) { try parsePDFFonts("") }
  }

  @Test("PNG: twice the figure's size")
  func png() throws {
    let figure = try figures("cs231n-circuit", style: .cs231n, kinds: [.graph])[0]
    let data = try FigureRenderer.render(figure.scene, as: .png)
    #expect(data.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
    let width = data[16..<20].reduce(0) { $0 << 8 | Int($1) }
    let height = data[20..<24].reduce(0) { $0 << 8 | Int($1) }
    #expect(width == Int((figure.scene.size.width * 2).rounded(.up)))
    #expect(height == Int((figure.scene.size.height * 2).rounded(.up)))
  }

  @Test("PNG: libpng (through Cairo) reads back exactly the pixels drawn")
  func pngPixels() throws {
    for figure in try figures("sigmoid", style: .dlfs, kinds: [.graph, .expanded]) {
      let data = try FigureRenderer.render(figure.scene, as: .png)
      let file = FileManager.default.temporaryDirectory.appendingPathComponent(
        "lessongen-\(UUID()).png")
      defer { try? FileManager.default.removeItem(at: file) }
      try data.write(to: file)
      let decoded = cairo_image_surface_create_from_png(file.path)
      defer { cairo_surface_destroy(decoded) }
      try #require(cairo_surface_status(decoded) == CAIRO_STATUS_SUCCESS)

      // The same scene drawn straight onto an image surface.
      let width = cairo_image_surface_get_width(decoded)
      let height = cairo_image_surface_get_height(decoded)
      let drawn = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height)
      defer { cairo_surface_destroy(drawn) }
      let cr = cairo_create(drawn)
      cairo_scale(cr, 2, 2)
      CairoCanvas(cr!).draw(figure.scene)
      cairo_destroy(cr)
      cairo_surface_flush(drawn)

      let a = try #require(cairo_image_surface_get_data(decoded))
      let b = try #require(cairo_image_surface_get_data(drawn))
      let strideA = Int(cairo_image_surface_get_stride(decoded))
      let strideB = Int(cairo_image_surface_get_stride(drawn))
      var differing = 0
      for y in 0..<Int(height) {
        for x in 0..<Int(width) {
          for c in 0..<3 where a[y * strideA + 4 * x + c] != b[y * strideB + 4 * x + c] {
            differing += 1
          }
        }
      }
      #expect(differing == 0, "\(figure.id.fileStem): \(differing) colour values differ")
      #expect(Int(width) == Int((figure.scene.size.width * 2).rounded(.up)))
    }
  }

  @Test("SVG: well-formed XML with an escaped <title>")
  func svg() throws {
    var figure = try figures("colah-tree", style: .colah, kinds: [.graph])[0]
    figure.scene.title = "Sum <over> paths & 'more'"
    let data = try FigureRenderer.render(figure.scene, as: .svg)
    let parser = XMLParser(data: data)
    #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
    let text = String(decoding: data, as: UTF8.self)
    #expect(text.contains("<title>Sum &lt;over&gt; paths &amp; 'more'</title>"))
    #expect(text.contains("id=\"surface1\""))
  }

  @Test("the same scene gives the same bytes, in every format, however many were drawn before")
  func deterministic() throws {
    let figure = try figures("tanh", style: .dlfs, labels: .both, kinds: [.expanded])[0]
    for format in FigureFormat.allCases {
      let first = try FigureRenderer.render(figure.scene, as: format)
      _ = try FigureRenderer.render(figure.scene, as: .svg)
      let second = try FigureRenderer.render(figure.scene, as: format)
      #expect(first == second, "\(format)")
    }
  }
}
