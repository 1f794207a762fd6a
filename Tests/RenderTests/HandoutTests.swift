import Explain
import Foundation
import GraphLayout
import LessonKit
import Testing

@testable import Render

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

  @Test("no page ends with a heading, or with the paragraph that introduces an equation or table")
  func keptTogether() throws {
    // Softplus: its numeric check's paragraph once ended page 3 and its table began page 4.
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "lessongen-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let softplus = folder.appendingPathComponent("softplus.yaml")
    try """
    title: Softplus
    function: y = log(1 + exp(x))
    inputs:
      x: 0.5
    introduction: Softplus is a smooth ReLU.
    derivation:
      of: x
      steps:
        - text: By the chain rule,
          math: exp(x) / (1 + exp(x))
        - text: dividing by exp(x),
          math: 1 / (1 + exp(-x))
    """.write(to: softplus, atomically: true, encoding: .utf8)
    var lessons = try LessonSource.builtinCatalog().map { LessonSource.builtin($0.id) }
    lessons.append(.file(softplus.path))
    for source in lessons {
      let compiled = try source.compile()
      let made = FigureSet.make(
        evaluation: compiled.evaluation, inputs: compiled.inputValues,
        kinds: FigureSet.defaultKinds(for: compiled.graph), theme: .dlfs, labels: .numeric,
        title: compiled.lesson.title, measurer: PangoTextMeasurer())
      let scenes = Dictionary(made.map { ($0.name, $0.scene) }, uniquingKeysWith: { a, _ in a })
      for language in ["en", "ko"] {
        for paper in Paper.allCases {
          let document = Walkthrough(compiled, language: language, figures: made.map(\.name))
            .document()
          let pages = HandoutRenderer.pages(document, figures: scenes, paper: paper)
          for (n, page) in pages.enumerated().dropLast() {
            let next = pages[n + 1].items.first
            let where_ = "\(compiled.lesson.id) \(language) \(paper) page \(n + 1)"
            guard case .text(let markup, let font, _, _, _)? = page.items.last else { continue }
            #expect(
              font != HandoutLayout.heading2 && font != HandoutLayout.heading3,
              "\(where_) ends with the heading \(markup)")
            if font == HandoutLayout.body {
              switch next {
              case .math?, .line?:
                Issue.record("\(where_) ends with \(markup), away from what it introduces")
              default: break
              }
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
