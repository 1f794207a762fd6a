import Analysis
import Foundation
import GraphEngine
import LessonKit
import TestSupport
import Testing

@testable import Explain
@testable import Publishing

/// Author text never becomes Markdown structure: read back by cmark-gfm, GitHub's own
/// CommonMark reader, every paragraph that starts like a list, a rule, a heading, a quote,
/// a fence, a table, an HTML block or a code block is still a paragraph with its text.
@Suite("Markdown escaping")
struct MarkdownEscapingTests {
  /// Paragraph starts that are block syntax in CommonMark, and the text a reader must see.
  static let starts: [(written: String, shown: String)] = [
    ("1. first", "1. first"), ("1) first", "1) first"), ("123456789. big", "123456789. big"),
    ("- dash", "- dash"), ("+ plus", "+ plus"), ("* star", "* star"), ("- - -", "- - -"),
    ("***", "***"), ("___", "___"), ("=== equals", "=== equals"), ("# hash", "# hash"),
    ("> quote", "&gt; quote"), ("```swift", "```swift"), ("~~~", "~~~"),
    ("| a | b |", "| a | b |"), ("<div>x</div>", "&lt;div&gt;x&lt;/div&gt;"),
    ("[link]: http://example.com", "[link]: http://example.com"),
  ]

  static func lesson() -> String {
    var yaml = "title: \"1. A title | with <html> & *stars*\"\n"
    yaml += "function: y = x * 2\ninputs:\n  x: 3\nintroduction: |\n"
    for (written, _) in starts { yaml += "  " + written + "\n\n" }
    return yaml
  }

  static func cmark(_ markdown: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/cmark-gfm")
    process.arguments = ["--extension", "table", "--extension", "strikethrough"]
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    input.fileHandleForWriting.write(Data(markdown.utf8))
    try input.fileHandleForWriting.close()
    let html = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: html, as: UTF8.self)
  }

  @Test("paragraphs that start like block syntax stay paragraphs (cmark-gfm)", .externalTools)
  func blockStarts() throws {
    let lesson = try LessonLoader.load(text: Self.lesson(), path: "escape.yaml", id: "escape")
    let compiled = try CompiledLesson.compile(lesson)
    let document = Walkthrough(LessonAnalysis(compiled, figures: []), language: .english).document()
    let markdown = MarkdownWriter().write(document)
    // The body, without the front matter (which is YAML, not Markdown).
    let body = markdown.components(separatedBy: "---\n").dropFirst(2).joined(separator: "---\n")
    let html = try Self.cmark(body)
    for (written, shown) in Self.starts {
      #expect(html.contains("<p>\(shown)</p>"), "\(written) did not stay a paragraph")
    }
    #expect(html.contains("<h1>1. A title | with &lt;html&gt; &amp; *stars*</h1>"))
    for tag in ["<ol", "<ul", "<hr", "<blockquote", "<pre", "<div", "<strong", "<em>1"] {
      #expect(!html.contains(tag), "\(tag) in the HTML")
    }
    // The only tables are the walk-through's own: forward, backward, numeric check.
    #expect(html.components(separatedBy: "<table>").count - 1 == 3)
  }

  @Test("every block start the writer escapes, unit by unit")
  func blockSafe() {
    #expect(MarkdownWriter.blockSafe("1. x") == "1\\. x")
    #expect(MarkdownWriter.blockSafe("12) x") == "12\\) x")
    #expect(MarkdownWriter.blockSafe("1234567890. x") == "1234567890. x")
    #expect(MarkdownWriter.blockSafe("- x") == "\\- x")
    #expect(MarkdownWriter.blockSafe("    code") == "code")
    #expect(MarkdownWriter.blockSafe("plain 1. text") == "plain 1. text")
  }
}
