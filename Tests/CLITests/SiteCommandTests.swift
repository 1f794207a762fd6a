import Foundation
import Testing

/// `lessongen site`: the pages, their links, their text, and rebuilding only what changed.
@Suite("site command")
struct SiteCommandTests {
  /// Every `href` and `src` of an HTML file.
  static func links(_ html: String) -> [String] {
    html.matches(of: /(?:href|src|srcset)="([^"]*)"/).map { String($0.1) }
  }

  static func built(_ arguments: [String] = [], in folder: TemporaryFolder) throws -> [String] {
    let run = try ProcessRunner.run(["site", "--out", "site"] + arguments, in: folder.url)
    #expect(run.status == 0, "\(run.stderr)")
    return folder.listing().filter { $0.hasPrefix("site/") && $0.hasSuffix(".html") }
  }

  @Test("the built-in lessons: every link relative and resolving, lang set, headings in order")
  func builtins() throws {
    let folder = try TemporaryFolder()
    defer { folder.cleanUp() }
    let pages = try Self.built(in: folder)
    #expect(pages.contains("site/index.html") && pages.contains("site/sigmoid/index.html"))
    #expect(pages.contains("site/sigmoid/exercise.html"))
    #expect(folder.listing().contains("site/style.css"))
    for page in pages {
      let url = folder.url.appendingPathComponent(page)
      let html = try String(contentsOf: url, encoding: .utf8)
      #expect(html.contains("<html lang=\"en\">"), "\(page)")
      #expect(!html.contains("<script"), "\(page) has a script")
      for link in Self.links(html) {
        #expect(!link.hasPrefix("/") && !link.contains("://"), "\(page): \(link) is not relative")
        let target = url.deletingLastPathComponent().appendingPathComponent(link).standardized
        #expect(FileManager.default.fileExists(atPath: target.path), "\(page): \(link) is missing")
      }
      // Headings never skip a level.
      var level = 0
      for match in html.matches(of: /<h([1-6])[ >]/) {
        let next = Int(match.1) ?? 0
        #expect(next <= level + 1, "\(page): h\(next) after h\(level)")
        level = next
      }
      for table in html.matches(of: /<table>[\s\S]*?<\/table>/) {
        #expect(table.0.contains("<th>"), "\(page): a table without header cells")
      }
    }
    // Lesson pages: navigation, figures with a dark variant and a PNG fallback.
    let sigmoid = try String(
      contentsOf: folder.url.appendingPathComponent("site/sigmoid/index.html"), encoding: .utf8)
    #expect(sigmoid.contains("<a href=\"../index.html\">Contents</a>"))
    #expect(sigmoid.contains("rel=\"prev\" href=\"../dlfs2-repeat-sum/index.html\""))
    #expect(sigmoid.contains("rel=\"next\" href=\"../tanh/index.html\""))
    #expect(sigmoid.contains("srcset=\"figures/graph-dark.svg\""))
    #expect(sigmoid.contains("<img src=\"figures/graph.png\" alt=\"The computational graph"))
    // The exercise page keeps its answers in <details>, and none before it.
    let exercise = try String(
      contentsOf: folder.url.appendingPathComponent("site/sigmoid/exercise.html"), encoding: .utf8)
    let parts = exercise.components(separatedBy: "<details class=\"answers\">")
    #expect(parts.count == 2)
    #expect(!parts[0].contains("0.196612") && parts[1].contains("0.196612"))
    #expect(parts[1].contains("<summary>Answer key</summary>"))
  }

  @Test("author text is escaped; a Korean site says so and speaks Korean")
  func escapingAndKorean() throws {
    let folder = try TemporaryFolder()
    defer { folder.cleanUp() }
    try folder.write(
      "lessons/odd.yaml",
      "title: \"<b>x</b> & \\\"y\\\" 'z'\"\ndescription: \"<script>alert(1)</script>\"\n"
        + "function: y = x * x\ninputs: {x: 3}\n")
    try folder.write(
      "lessons/sq.yaml", "title: 제곱\nlang: ko\nfunction: y = x * x\ninputs: {x: 2}\n")
    _ = try Self.built(["lessons", "--lang", "ko"], in: folder)
    let index = try String(
      contentsOf: folder.url.appendingPathComponent("site/index.html"), encoding: .utf8)
    #expect(index.contains("&lt;b&gt;x&lt;/b&gt; &amp; &quot;y&quot; &#39;z&#39;"), "\(index)")
    #expect(!index.contains("<script>") && index.contains("&lt;script&gt;"))
    #expect(index.contains("<html lang=\"ko\">") && index.contains("<h1>레슨</h1>"))
    let page = try String(
      contentsOf: folder.url.appendingPathComponent("site/sq/index.html"), encoding: .utf8)
    #expect(page.contains("<html lang=\"ko\">"))
    #expect(page.contains(">목차</a>") && page.contains("← 이전: "))
  }

  @Test(
    "a rebuild writes nothing when nothing changed, and a lesson and its neighbours when one did")
  func incremental() throws {
    let folder = try TemporaryFolder()
    defer { folder.cleanUp() }
    for name in ["a", "b", "c", "d"] {
      try folder.write(
        "lessons/\(name).yaml", "title: \(name)\nfunction: y = x * x\ninputs: {x: 3}\n")
    }
    _ = try Self.built(["lessons"], in: folder)
    let before = try FileIdentity.all(in: folder)
    let again = try ProcessRunner.run(["site", "lessons", "--out", "site"], in: folder.url)
    #expect(again.stdout.contains("0 built, 4 unchanged"), "\(again.stdout)")
    #expect(try FileIdentity.all(in: folder) == before)
    // b's title changes: b, and a and c whose links name it, are made again; d is not.
    try folder.write("lessons/b.yaml", "title: bee\nfunction: y = x * x\ninputs: {x: 3}\n")
    let edited = try ProcessRunner.run(["site", "lessons", "--out", "site"], in: folder.url)
    #expect(edited.stdout.contains("3 built, 1 unchanged"), "\(edited.stdout)")
    let after = try FileIdentity.all(in: folder)
    #expect(after["site/d/index.html"] == before["site/d/index.html"])
    #expect(after["site/index.html"] != before["site/index.html"])
  }
}
