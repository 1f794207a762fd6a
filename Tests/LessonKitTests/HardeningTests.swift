import ExpressionLanguage
import Foundation
import GraphEngine
import Testing

@testable import LessonKit

/// Lessons written carelessly or with intent: each finding of the robustness review, as a
/// test that failed before its fix.
@Suite("Hardening: lesson files")
struct HardeningTests {
  @Test("control characters are located errors naming the character; never echoed raw")
  func controlCharacters() {
    let text = diagnostics("title: \"a\u{1B}[31mred\u{07}\"\nfunction: y = x\ninputs: {x: 1}\n")
    #expect(
      text == """
        lesson.yaml:1:10: error: the control character U+001B (ESC) cannot appear in a lesson; delete it
        title: "a<U+001B>[31mred<U+0007>"
                 ^
        lesson.yaml:1:18: error: the control character U+0007 (BEL) cannot appear in a lesson; delete it
        title: "a<U+001B>[31mred<U+0007>"
                                ^
        """)
    #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
  }

  @Test("NUL, DEL, C1 controls and noncharacters are refused too; tabs, newlines and CR are not")
  func refusedCharacters() {
    for scalar in [0x00, 0x7F, 0x85, 0x9B, 0xFDD0, 0xFFFE, 0xFFFF, 0x1FFFF] as [UInt32] {
      let c = Unicode.Scalar(scalar) ?? "?"
      let text = diagnostics("title: a\(Character(c))b\nfunction: y = x\ninputs: {x: 1}\n")
      #expect(text.contains("error: the "), "U+\(String(scalar, radix: 16)) passed")
      #expect(text.contains(TextHygiene.codePoint(c)))
      #expect(!text.unicodeScalars.contains { TextHygiene.isRefused($0) })
    }
    #expect(diagnostics("title: a\tb\r\nfunction: y = x\r\ninputs: {x: 1}\r\n") == "")
  }

  @Test("a file that is not UTF-8 is located at its first bad byte")
  func notUTF8() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "lessongen-utf8-\(UInt32.random(in: 0...UInt32.max))")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("bad.yaml")
    try Data("title: ok\nfunction: y = x é \u{FF}".utf8.map { $0 } + [0xFF, 0x41]).write(to: file)
    #expect {
      _ = try LessonSource.file(file.path).compile()
    } throws: { error in
      "\(error)".hasPrefix(file.path + ":2:20: error: the file is not UTF-8 text: byte 0xFF")
    }
  }

  @Test("a huge file is refused from its size, before it is read; a FIFO is not read at all")
  func sizeBeforeReading() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "lessongen-size-\(UInt32.random(in: 0...UInt32.max))")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    // A sparse 200 MB file: reading it whole would take 200 MB.
    let big = folder.appendingPathComponent("big.yaml").path
    #expect(FileManager.default.createFile(atPath: big, contents: nil))
    #expect(truncate(big, 200 << 20) == 0)
    #expect(
      throws: LessonError.self,
      performing: {
        _ = try LessonSource.file(big).compile()
      })
    if case .failure(let problem) = LessonFileReader.read(big, limit: Limits.fileBytes) {
      #expect(problem.message.hasPrefix("the file is larger than 1 MiB (1048576 bytes)"))
    } else {
      Issue.record("a 200 MB file was read")
    }
    let fifo = folder.appendingPathComponent("pipe.yaml").path
    #expect(mkfifo(fifo, 0o600) == 0)
    if case .failure(let problem) = LessonFileReader.read(fifo, limit: Limits.fileBytes) {
      #expect(problem.message == "this is not a regular file")
    } else {
      Issue.record("a FIFO was read")
    }
  }

  @Test("a note or translated note for a node that does not exist is an error, with a suggestion")
  func unknownNotes() {
    let text = diagnostics(
      """
      title: t
      function: |
        q = sin(x)
        y = q * 2
      inputs: {x: 1}
      notes:
        Y: the output
        zzz: far
      translations:
        ko:
          notes:
            X: 입력
      """)
    #expect(
      text == """
        lesson.yaml:7:3: error: a note for 'Y', but no node is named 'Y'; did you mean 'y'?
          Y: the output
          ^
        lesson.yaml:8:3: error: a note for 'zzz', but no node is named 'zzz'; the named nodes are x, q, y
          zzz: far
          ^
        lesson.yaml:12:7: error: a note for 'X', but no node is named 'X'; did you mean 'x'?
              X: 입력
              ^
        """)
  }

  @Test("an unknown function does not hide the missing and unused inputs; 'did you mean'")
  func allProblemsAtOnce() {
    let text = allDiagnostics(
      "title: t\nfunction: |\n  q = sigmod(x) + w\n  y = max(q)\ninputs:\n  x: 1\n  z: 2\n")
    #expect(
      text == """
        lesson.yaml:3:7: error: unknown function 'sigmod'; did you mean 'sigmoid'?
          q = sigmod(x) + w
              ^
        lesson.yaml:3:19: error: 'w' has no value: give it one under 'inputs' or assign it first
          q = sigmod(x) + w
                          ^
        lesson.yaml:4:7: error: max takes two values (numpy's maximum, max(a, b)) or x and an axis (max(x, axis=k)), but 1 was given
          y = max(q)
              ^
        lesson.yaml:7:3: error: input 'z' is never used by the function
          z: 2
          ^
        """)
  }

  @Test("written numbers that underflow or overflow are located errors")
  func underflowOverflow() {
    #expect(
      diagnostics("title: t\nfunction: y = x + 1e-400\ninputs: {x: 1}\n")
        .hasPrefix(
          "lesson.yaml:2:19: error: the number 1e-400 is too small: it would be read as 0"))
    #expect(
      diagnostics("title: t\nfunction: y = x + 1e400\ninputs: {x: 1}\n")
        .hasPrefix("lesson.yaml:2:19: error: the number 1e400 is too large"))
    #expect(
      diagnostics("title: t\nfunction: y = x\ninputs:\n  x: 2e-999\n")
        .hasPrefix("lesson.yaml:4:6: error: input 'x' is too small: 2e-999 would be read as 0"))
    #expect(diagnostics("title: t\nfunction: y = x + 0e-400 + 5e-324\ninputs: {x: 1}\n") == "")
  }

  @Test("titles and descriptions longer than their limits are located errors")
  func longTitle() {
    let long = String(repeating: "word ", count: 100)
    #expect(
      diagnostics("title: \(long)\nfunction: y = x\ninputs: {x: 1}\n")
        .hasPrefix(
          "lesson.yaml:1:8: error: the title is 499 characters long; lessongen's limit is 300"))
    let title = String(repeating: "t", count: Limits.titleCharacters)
    #expect(diagnostics("title: \(title)\nfunction: y = x\ninputs: {x: 1}\n") == "")
  }

  @Test("more statements than the limit is a located error at the first one too many")
  func statementLimit() {
    var function = "function: |\n  a0 = x\n"
    for i in 1...Limits.statements { function += "  a\(i) = a\(i - 1)\n" }
    let text = diagnostics("title: t\n" + function + "inputs: {x: 1}\n")
    #expect(
      text.hasPrefix(
        "lesson.yaml:\(Limits.statements + 3):3: error: the function has more than "
          + "\(Limits.statements) statements"))
  }

  @Test("a derivation step deeper than the formula limit is refused, not typeset by recursion")
  func deepDerivationStep() {
    let step = Array(repeating: "y", count: Limits.formulaDepth + 5).joined(separator: " + ")
    let text = diagnostics(
      "title: t\nfunction: y = sigmoid(x)\ninputs: {x: 1}\nderivation:\n  of: x\n  steps:\n"
        + "    - math: \(step)\n")
    #expect(text.contains("error: this step is nested more than 200 levels deep"))
  }

  @Test(
    "escapes in double quotes cannot bring in what the raw file may not hold, located at the escape"
  )
  func decodedEscapes() {
    #expect(
      diagnostics("title: \"ab\\uFFFFcd\"\nfunction: y = x\ninputs: {x: 1}\n")
        .hasPrefix(
          "lesson.yaml:1:11: error: the noncharacter U+FFFF in a quoted value cannot appear"))
    #expect(
      diagnostics("title: \"ab\\0cd\\e[2J\"\nfunction: y = x\ninputs: {x: 1}\n")
        .hasPrefix("lesson.yaml:1:11: error: the control character U+0000 (NUL) in a quoted value"))
    #expect(
      diagnostics("title: t\nintroduction: \"a\\r- b\"\nfunction: y = x\ninputs: {x: 1}\n")
        .hasPrefix("lesson.yaml:2:17: error: a carriage return (U+000D) in a quoted value that"))
  }

  @Test("a lone carriage return is refused; CRLF files are fine; a byte order mark is skipped")
  func carriageReturns() throws {
    let text = diagnostics("title: t\nfunction: y = x # a\rerror: all fine\ninputs: {x: 1}\n")
    #expect(text.hasPrefix("lesson.yaml:2:20: error: a carriage return (U+000D) that does not end"))
    #expect(text.contains("# a<U+000D>error: all fine"))
    #expect(!text.contains("\r"))
    #expect(diagnostics("title: t\r\nfunction: y = x\r\ninputs: {x: 1}\r\n") == "")
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "lessongen-bom-\(UInt32.random(in: 0...UInt32.max))")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("bom.yaml")
    try Data([0xEF, 0xBB, 0xBF] + Array("title: T\nfunction: y = x * 2\ninputs: {x: 1}\n".utf8))
      .write(to: file)
    #expect(try LessonSource.file(file.path).compile().graph.nodes.count == 3)
  }

  @Test("a run of combining marks longer than 30 is refused before any shaping sees it")
  func combiningMarks() {
    let marks = String(repeating: "\u{301}", count: 40_000)
    let text = diagnostics("title: a\(marks)\nfunction: y = x\ninputs: {x: 1}\n")
    #expect(text.hasPrefix("lesson.yaml:1:39: error: more than 30 combining marks in a row"))
    // Thirty are fine (Vietnamese and Hangul need a few).
    let thirty = String(repeating: "\u{301}", count: 30)
    #expect(diagnostics("title: a\(thirty) tiếng 한국어\nfunction: y = x\ninputs: {x: 1}\n") == "")
  }

  @Test("bidirectional controls and zero-width characters are allowed, but quoted escaped")
  func bidiQuotedEscaped() {
    let text = diagnostics(
      "title: a\u{202E}b\nfunction: y = x\u{200B} + sigmod(x)\ninputs: {x: 1}\n")
    #expect(text.contains("y = x<U+200B> + sigmod(x)"))
    #expect(!text.unicodeScalars.contains { $0 == "\u{202E}" || $0 == "\u{200B}" })
  }

  @Test("anchors and aliases that expand to more values than the file has characters are refused")
  func aliasBomb() {
    var yaml =
      "title: t\nfunction: y = x\ninputs: {x: 1}\nextra:\n  a0: &a0 [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\n"
    for level in 1...9 {
      let items = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
      yaml += "  a\(level): &a\(level) [\(items)]\n"
    }
    let text = diagnostics(yaml)
    #expect(
      text.contains("error: the YAML's anchors and aliases (&name, *name) expand to more values"))
    // A few aliases, as an author might use them, are fine.
    #expect(diagnostics("title: t\nfunction: y = x * w\ninputs:\n  x: &one 1\n  w: *one\n") == "")
  }

  @Test("a quoted \\r\\n and a CR at the very end of the file are line ends, not errors")
  func carriageReturnLineEnds() {
    #expect(diagnostics("title: \"a\\r\\nb\"\nfunction: y = x\ninputs: {x: 1}\r") == "")
  }
}
