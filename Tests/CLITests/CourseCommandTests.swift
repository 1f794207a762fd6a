import Foundation
import TestSupport
import Testing

/// `lessongen build COURSE.yaml`: a course's lessons and its handout with contents, outline
/// and running heads, checked with poppler's tools.
@Suite("course handout")
struct CourseCommandTests {
  static let square = "title: Square\nfunction: y = x * x\ninputs: {x: 3}\n"
  static let course = """
    title: Backpropagation by Hand
    subtitle: Graphs from the textbooks
    author: A. Author
    lessons:
      - sigmoid
      - part: Activation functions
        lessons:
          - tanh
          - lessons/square.yaml

    """

  /// Runs a poppler tool on a file of `folder`.
  static func poppler(_ tool: String, _ arguments: [String], in folder: TemporaryFolder) throws
    -> String
  {
    let result = try ProcessRunner.run(
      arguments, in: folder.url, binary: URL(fileURLWithPath: "/usr/bin/" + tool))
    #expect(result.status == 0, "\(tool) \(arguments): \(result.stderr)")
    return result.stdout
  }

  /// The number printed at the foot of a page: its lowest word.
  static func printedNumber(_ pdf: String, page: Int, in folder: TemporaryFolder) throws -> String?
  {
    let words = try poppler(
      "pdftotext", ["-bbox", "-f", "\(page)", "-l", "\(page)", pdf, "-"], in: folder)
    return words.matches(of: /<word xMin="[\d.]+" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/)
      .max { (Double($0.1) ?? 0) < (Double($1.1) ?? 0) }.map { String($0.2) }
  }

  static func built(_ text: String = course) throws -> TemporaryFolder {
    let folder = try TemporaryFolder()
    try folder.write("lessons/square.yaml", square)
    try folder.write("course.yaml", text)
    let run = try ProcessRunner.run(["build", "course.yaml", "--out", "out"], in: folder.url)
    #expect(run.status == 0, "\(run.stderr)")
    return folder
  }

  @Test("a course writes each lesson under its folder and one handout", .externalTools)
  func files() throws {
    let folder = try Self.built()
    defer { folder.cleanUp() }
    let files = folder.listing()
    for path in [
      "out/course/course.pdf", "out/course/sigmoid/sigmoid.pdf", "out/course/tanh/trace.json",
      "out/course/square/square.md",
    ] {
      #expect(files.contains(path), "\(path) missing from \(files)")
    }
    let info = try Self.poppler("pdfinfo", ["out/course/course.pdf"], in: folder)
    #expect(info.contains("Title:           Backpropagation by Hand"))
    #expect(info.contains("Author:          A. Author"))
    #expect(info.contains("A4"))
  }

  @Test(
    "contents and outline give the pages the lessons start on, as printed there", .externalTools)
  func contentsAndOutline() throws {
    let folder = try Self.built()
    defer { folder.cleanUp() }
    let pdf = "out/course/course.pdf"
    // The outline: part → lesson → section, with page numbers.
    let xml = try Self.poppler("pdftohtml", ["-xml", "-stdout", "-i", "-q", pdf], in: folder)
    let outline = String(xml[xml.range(of: "<outline>")!.lowerBound...])
    let items = outline.matches(of: /<item page="(\d+)">([^<]*)<\/item>/).map {
      (Int($0.1)!, String($0.2))
    }
    let titles = items.map(\.1)
    #expect(titles.starts(with: ["Contents", "Derivative of the sigmoid function"]))
    #expect(titles.contains("Activation functions") && titles.contains("Square"))
    // Nesting: the part's lessons are inside the part's <outline>, the sections inside theirs.
    let part = outline.range(of: "Activation functions</item>\n<outline>")
    #expect(part != nil, "\(outline.prefix(600))")
    #expect(outline.contains("Derivative of the sigmoid function</item>\n<outline>"))
    // The contents page: every lesson with a page number that is the page it starts on, and
    // the number printed at that page's foot.
    let contents = try Self.poppler(
      "pdftotext", ["-f", "2", "-l", "2", "-layout", pdf, "-"], in: folder)
    #expect(contents.contains("Contents"))
    // A part opens on the page of its first lesson, bearing its title above the lesson's,
    // the page the contents gives.
    let partLine = contents.split(separator: "\n").first { $0.contains("Activation functions") }
    let partPage = try #require(partLine.flatMap { Int($0.split(separator: " ").last ?? "") })
    let opening = try Self.poppler(
      "pdftotext", ["-f", "\(partPage)", "-l", "\(partPage)", pdf, "-"], in: folder)
    #expect(opening.contains("Activation functions"), "\(opening)")
    for lesson in [
      "Derivative of the sigmoid function", "Derivative of the tanh function", "Square",
    ] {
      let line = contents.split(separator: "\n").first { $0.contains(lesson) }
      let number = line.flatMap { Int($0.split(separator: " ").last ?? "") }
      #expect(number != nil, "no page for \(lesson) in \(contents)")
      guard let number else { continue }
      #expect(items.contains { $0 == (number, lesson) }, "outline disagrees for \(lesson)")
      let page = try Self.poppler(
        "pdftotext", ["-f", "\(number)", "-l", "\(number)", pdf, "-"], in: folder)
      var lines = page.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
      if number == partPage { #expect(lines.removeFirst() == "Activation functions") }
      #expect(lines.first == lesson, "page \(number) starts with \(lines.first ?? "")")
      #expect(try Self.printedNumber(pdf, page: number, in: folder) == "\(number)")
    }
    // Links: one for each entry of the contents.
    let bytes = try Data(contentsOf: folder.url.appendingPathComponent(pdf))
    let links = String(decoding: bytes, as: UTF8.self).components(separatedBy: "/Subtype /Link")
    #expect(links.count - 1 == 4)
  }

  @Test("pages after a lesson's first carry the running heads and run on in number", .externalTools)
  func runningHeads() throws {
    let folder = try Self.built()
    defer { folder.cleanUp() }
    let pdf = "out/course/course.pdf"
    let count =
      try Self.poppler("pdfinfo", [pdf], in: folder).matches(of: /Pages:\s+(\d+)/)
      .first.map { Int($0.1)! } ?? 0
    #expect(count > 6)
    let page4 = try Self.poppler("pdftotext", ["-f", "4", "-l", "4", pdf, "-"], in: folder)
    #expect(page4.hasPrefix("Backpropagation by Hand"), "\(page4.prefix(200))")
    #expect(page4.contains("Derivative of the sigmoid function"))
    for number in 2...count {
      #expect(try Self.printedNumber(pdf, page: number, in: folder) == "\(number)")
    }
  }

  @Test("a Korean course on letter paper says 목차", .externalTools)
  func korean() throws {
    let folder = try Self.built(
      "title: 역전파\nlang: ko\npaper: letter\nlessons:\n  - sigmoid\n  - tanh\n")
    defer { folder.cleanUp() }
    let pdf = "out/course/course.pdf"
    let contents = try Self.poppler("pdftotext", ["-f", "2", "-l", "2", pdf, "-"], in: folder)
    #expect(contents.contains("목차"))
    #expect(contents.contains("시그모이드"), "\(contents)")
    let info = try Self.poppler("pdfinfo", [pdf], in: folder)
    #expect(info.contains("612 x 792"))
  }

  @Test("unknown keys, bad values and missing lessons are located errors; nothing is written")
  func errors() throws {
    let folder = try TemporaryFolder()
    defer { folder.cleanUp() }
    try folder.write(
      "course.yaml",
      "title: C\nautor: me\nstyle: fancy\nlessons:\n  - sigmod\n  - lessons/none.yaml\n"
        + "  - part: P\n    lesons: [tanh]\n")
    let run = try ProcessRunner.run(["build", "course.yaml", "--out", "out"], in: folder.url)
    #expect(run.status == 1)
    for expected in [
      "course.yaml:2:1: error: unknown key 'autor'; did you mean 'author'?",
      "course.yaml:5:5: error: no built-in lesson 'sigmod'; did you mean 'sigmoid'?",
      "course.yaml:6:5: error: no lesson file 'lessons/none.yaml'",
      "course.yaml:8:5: error: unknown key 'lesons' in a part",
      "  - sigmod\n    ^",
    ] {
      #expect(run.stderr.contains(expected), "missing \(expected) in \(run.stderr)")
    }
    #expect(!folder.listing().contains { $0.hasPrefix("out") })
    // The style is checked once the file reads.
    try folder.write("course.yaml", "title: C\nstyle: fancy\nlessons: [sigmoid]\n")
    let styled = try ProcessRunner.run(["build", "course.yaml", "--out", "out"], in: folder.url)
    #expect(styled.stderr.contains("course.yaml:2:8: error: unknown style 'fancy'"))
    // A course does not list a course (itself, say).
    try folder.write("course.yaml", "title: C\nlessons: [course.yaml]\n")
    let nested = try ProcessRunner.run(["build", "course.yaml", "--out", "out"], in: folder.url)
    #expect(
      nested.stderr.contains(
        "course.yaml:2:11: error: 'course.yaml' is a course, not a lesson"), "\(nested.stderr)")
    #expect(!folder.listing().contains { $0.hasPrefix("out") })
  }

  @Test("a course rebuilds only what changed, its handout when any lesson did")
  func incremental() throws {
    let folder = try Self.built()
    defer { folder.cleanUp() }
    let before = try FileIdentity.all(in: folder)
    let again = try ProcessRunner.run(["build", "course.yaml", "--out", "out"], in: folder.url)
    #expect(again.stdout.contains("0 built, 4 unchanged"), "\(again.stdout)")
    #expect(try FileIdentity.all(in: folder) == before)
    try folder.write("lessons/square.yaml", Self.square.replacingOccurrences(of: "3", with: "5"))
    let edited = try ProcessRunner.run(["build", "course.yaml", "--out", "out"], in: folder.url)
    #expect(edited.stdout.contains("2 built, 2 unchanged"), "\(edited.stdout)")
    let after = try FileIdentity.all(in: folder)
    #expect(after["out/course/course.pdf"] != before["out/course/course.pdf"])
    #expect(after["out/course/sigmoid/sigmoid.pdf"] == before["out/course/sigmoid/sigmoid.pdf"])
  }
}
