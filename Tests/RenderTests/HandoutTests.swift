import Explain
import Foundation
import GraphLayout
import LessonKit
import Render
import Testing

@Suite("Handout")
struct HandoutTests {
  private func document(_ id: String, _ language: String, figures: [Figure]) throws -> Document {
    let compiled = try LessonSource.builtin(id).compile()
    return Walkthrough(compiled, language: language, figures: figures.map(\.name)).document()
  }

  @Test("nothing leaves the text area, for every built-in lesson, language and paper")
  func margins() throws {
    for entry in try LessonSource.builtinCatalog() {
      let made = try figures(entry.id, style: .dlfs, kinds: [.graph, .expanded, .steps, .forward])
      let scenes = Dictionary(made.map { ($0.name, $0.scene) }, uniquingKeysWith: { a, _ in a })
      for language in ["en", "ko"] {
        for paper in Paper.allCases {
          let pages = HandoutRenderer.pages(
            try document(entry.id, language, figures: made), figures: scenes, paper: paper)
          let area = Rect(
            x: 61.5, y: 61.5, width: paper.size.width - 123, height: paper.size.height - 61.5 - 69.5
          )
          for (n, page) in pages.enumerated() {
            for frame in page.frames where !area.contains(frame) {
              Issue.record(
                "\(entry.id) \(language) \(paper) page \(n + 1): \(frame) leaves the text area")
            }
          }
        }
      }
    }
  }

  @Test("the sigmoid handout: pages, metadata, bookmarks, and the trace's numbers as text")
  func sigmoidPDF() throws {
    let made = try figures("sigmoid", style: .dlfs, kinds: [.graph, .expanded, .steps])
    let scenes = Dictionary(made.map { ($0.name, $0.scene) }, uniquingKeysWith: { a, _ in a })
    let data = try HandoutRenderer.render(
      try document("sigmoid", "en", figures: made), figures: scenes, paper: .a4)
    let file = FileManager.default.temporaryDirectory.appendingPathComponent(
      "lessongen-\(UUID()).pdf")
    defer { try? FileManager.default.removeItem(at: file) }
    try data.write(to: file)
    let info = try runTool("pdfinfo", [file.path])
    #expect(
      info.contains("Title:           Derivative of the sigmoid function")
        || info.contains("Title:          Derivative of the sigmoid function"))
    #expect(info.contains("lessongen"))
    let pages =
      Int(
        info.split(separator: "\n").first { $0.hasPrefix("Pages:") }?.split(separator: " ").last
          ?? "0") ?? 0
    #expect((3...6).contains(pages), "\(pages) pages")
    #expect(info.contains("595.28 x 841.89") || info.contains("595 x 842"))
    let text = try runTool("pdftotext", [file.path, "-"])
    for number in ["0.731059", "0.367879", "1.36788", "−0.534447", "−0.196612", "0.196612"] {
      #expect(text.contains(number), "\(number)")
    }
    #expect(text.contains("the gradient of L with respect to x"))
    let outline = String(decoding: data, as: UTF8.self)
    #expect(outline.contains("/Outlines"))
    let letter = try HandoutRenderer.render(
      try document("sigmoid", "ko", figures: made), figures: scenes, paper: .letter)
    try letter.write(to: file)
    #expect(try runTool("pdfinfo", [file.path]).contains("612 x 792"))
    #expect(try runTool("pdftotext", [file.path, "-"]).contains("역전파"))
  }

}
