import Analysis
import ArgumentParser
import CairoBackend
import Drawing
import Explain
import Figures
import Foundation
import GraphEngine
import Handout
import LessonKit
import OutputStore
import Publishing
import Synchronization

/// `lessongen site [PATH…] --out SITE`: the lessons as a static web site — `index.html` with
/// every lesson, a page per lesson and per exercise sheet, light and dark figures — built
/// again only where something changed.
struct Site: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Write the lessons as a static web site: SITE/index.html and a page per lesson.",
    discussion: """
      PATH: folders of lessons, lesson files or course files, as for lessongen build; none
      means the built-in lessons. Each lesson gets SITE/<id>/index.html (its walk-through) and
      SITE/<id>/exercise.html (the exercise sheet, its answers folded in <details>), with its
      figures as SVG (and a dark variant) and PNG. Plain HTML and CSS, MathML, no scripts,
      relative links only. A rebuild writes only what changed (bookkeeping in SITE/.lessongen/).
      """)

  @Argument(help: "Folders of lessons, lesson files or course files (default: the built-ins).")
  var paths: [String] = []

  @OptionGroup var style: StyleOptions

  @Option(help: ArgumentHelp("Write the site into DIR (default: ./Site).", valueName: "DIR"))
  var out: String = "Site"

  @Option(help: ArgumentHelp("Pages made at once (default: the number of cores).", valueName: "N"))
  var jobs: Int?

  func validate() throws {
    guard !out.isEmpty else { throw ValidationError("--out needs a folder") }
    if let jobs, jobs < 1 { throw ValidationError("--jobs needs at least 1") }
  }

  /// One lesson's page: where it comes from, where it goes, its neighbours.
  struct Page {
    var entry: BuildInputs.Entry
    /// The lesson, read and computed.
    var compiled: LessonSource.Compiled
    var title: String
    var summary: String?
    /// The folder under SITE (`sigmoid`, `course/sigmoid`).
    var key: String
    var previous: Int?
    var next: Int?
  }

  func run() throws {
    let root = OutputRoot(out)
    let inputs = BuildInputs(
      paths: paths, out: out, style: style, exercise: nil)
    let entries = try inputs.collect()
    let manifest = try BuildManifest.opened(in: root, for: "site")
    let courses = entries.compactMap { if case .courseHandout(let c) = $0.kind { c } else { nil } }
    let lessons = entries.filter { if case .lesson = $0.kind { true } else { false } }
    // Every lesson compiled first: one that fails is left out of the contents and of its
    // neighbours' links, so no page links to a page that is not written.
    let compiled = Self.compileAll(lessons, jobs: jobs)
    var pages: [Page] = []
    var failed: [String] = []
    for (entry, result) in zip(lessons, compiled) {
      let lesson: LessonSource.Compiled
      switch result {
      case .failure(let error):
        Terminal.printError(error.description)
        failed.append(entry.shown)
        continue
      case .success(let done): lesson = done
      }
      let source = lesson.lesson
      let language = entry.style.language ?? source.language
      pages.append(
        Page(
          entry: entry, compiled: lesson, title: source.title(language),
          summary: source.authorText(language).summary ?? source.summary,
          key: entry.key, previous: pages.isEmpty ? nil : pages.count - 1, next: nil))
    }
    for i in pages.indices.dropLast() { pages[i].next = i + 1 }
    let problems = OutputPreflight.problems(
      root: root, manifest: manifest, folders: pages.map(\.key),
      files: pages.isEmpty ? [] : [("index.html", nil), ("style.css", nil)])
    if !problems.isEmpty {
      for problem in problems { Terminal.printError("error: " + TextHygiene.escapedLine(problem)) }
      throw ExitCode.failure
    }
    // The folder claimed for a site before anything is written (see Build).
    if manifest.kind == nil, !pages.isEmpty { try BuildManifest.claim(root, for: "site") }
    let all = pages
    let language = style.language ?? courses.first?.language?.value ?? .english

    let outcomes = Mutex<[Int: (Build.Done, String)]>([:])
    let next = Atomic<Int>(0)
    let done = Atomic<Int>(0)
    let printing = Mutex(Set<String>())
    let terminal = isatty(STDOUT_FILENO) == 1
    let workers = Swift.max(
      1, Swift.min(jobs ?? ProcessInfo.processInfo.activeProcessorCount, pages.count))
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
      let helper = RenderThread()
      while true {
        let i = next.add(1, ordering: .relaxed).oldValue
        guard i < all.count else { break }
        let page = all[i]
        // A page depends on its lesson, the options, lessongen, and its neighbours' titles.
        let neighbours = [page.previous, page.next].map {
          $0.map { all[$0].key + all[$0].title } ?? ""
        }
        let options =
          [
            "site", page.entry.style.style ?? "", page.entry.style.labels ?? "",
            page.entry.style.lang ?? "", language.code, BuildManifest.toolIdentity,
          ] + neighbours
        let fingerprint = BuildManifest.fingerprint(
          [page.entry.bytes, Data(options.joined(separator: "\u{1F}").utf8)])
        let key = "site/" + page.key
        let result: Build.Done
        if manifest.lessons[key] == fingerprint, let stamp = manifest.stamps[key], !stamp.isEmpty,
          stamp == OutputFolder.stamp(of: root.path(page.key))
        {
          result = Build.Done(outcome: .unchanged(page.key))
        } else {
          result = build(page, pages: all, root: root, language: language, helper: helper)
        }
        outcomes.withLock { $0[i] = (result, fingerprint) }
        let count = done.add(1, ordering: .relaxed).newValue
        printing.withLock { printed in
          Build.report(result.outcome, count, of: all.count, terminal: terminal, printed: &printed)
        }
      }
    }
    if terminal { Terminal.write("\n") }

    var built = 0
    var unchanged = 0
    var records: [(key: String, fingerprint: String, stamp: String)] = []
    var listed: [Page] = []
    let results = outcomes.withLock { $0 }
    for i in pages.indices {
      guard let (result, fingerprint) = results[i] else { continue }
      switch result.outcome {
      case .built:
        built += 1
        records.append(("site/" + pages[i].key, fingerprint, result.stamp))
        listed.append(pages[i])
      case .unchanged:
        unchanged += 1
        listed.append(pages[i])
      case .failed(let shown, _): failed.append(shown)
      }
    }
    // The contents page and the stylesheet, written only when their bytes change, and only
    // when the site has a page: they list only the pages that are there.
    if !listed.isEmpty {
      let index = Data(Self.index(listed, courses: courses, language: language).utf8)
      let stylesheet = Data(SiteIndex.stylesheet.utf8)
      do {
        // Known as lessongen's before they are replaced, whenever the run stops.
        try BuildManifest.update(in: root, kind: "site") {
          $0.accept("index.html", BuildManifest.fingerprint([index]))
          $0.accept("style.css", BuildManifest.fingerprint([stylesheet]))
        }
        try root.replaceFile("index.html", with: index)
        try root.replaceFile("style.css", with: stylesheet)
        try BuildManifest.update(in: root, kind: "site") { manifest in
          for (key, fingerprint, stamp) in records {
            manifest.lessons[key] = fingerprint
            manifest.stamps[key] = stamp
          }
          manifest.files["index.html"] = BuildManifest.fingerprint([index])
          manifest.files["style.css"] = BuildManifest.fingerprint([stylesheet])
        }
      } catch {
        Terminal.printError("error: \(error)")
        throw ExitCode.failure
      }
    }
    var summary = "\(built) built, \(unchanged) unchanged"
    if !failed.isEmpty { summary += ", \(failed.count) failed: " + failed.joined(separator: ", ") }
    Terminal.write(TextHygiene.escapedLine(summary) + "\n")
    if !failed.isEmpty { throw ExitCode.failure }
  }

  /// Every lesson read and computed, both cores busy; in order.
  static func compileAll(_ entries: [BuildInputs.Entry], jobs: Int?) -> [Result<
    LessonSource.Compiled, LessonError
  >] {
    let results = Mutex<[Int: Result<LessonSource.Compiled, LessonError>]>([:])
    let workers = Swift.max(
      1, Swift.min(jobs ?? ProcessInfo.processInfo.activeProcessorCount, entries.count))
    let next = Atomic<Int>(0)
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
      while true {
        let i = next.add(1, ordering: .relaxed).oldValue
        guard i < entries.count else { break }
        guard case .lesson(let source) = entries[i].kind else { continue }
        let result: Result<LessonSource.Compiled, LessonError>
        do throws(LessonError) {
          result = .success(try source.compileAny())
        } catch {
          result = .failure(error)
        }
        results.withLock { $0[i] = result }
      }
    }
    let all = results.withLock { $0 }
    // Every index was done (only lessons are passed); an empty error list otherwise.
    return entries.indices.map { all[$0] ?? .failure(LessonError([])) }
  }

  /// The contents page: a course's title and parts, or "Lessons".
  static func index(_ pages: [Page], courses: [Course], language: Language) -> String {
    var groups: [SiteIndex.Group] = []
    var placed: Set<String> = []
    func entry(_ page: Page) -> SiteIndex.Entry {
      SiteIndex.Entry(
        href: page.key + "/index.html", title: page.title, summary: page.summary,
        thumbnail: page.key + "/figures/graph.svg",
        darkThumbnail: page.key + "/figures/graph-dark.svg",
        alt: BookWords.graphAlt(language, page.title),
        exercise: page.key + "/exercise.html")
    }
    let byKey = Dictionary(pages.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
    for course in courses {
      for part in course.parts {
        let entries = part.lessons.compactMap { byKey[course.id + "/" + $0.source.id] }
        placed.formUnion(entries.map(\.key))
        groups.append(
          SiteIndex.Group(
            title: part.title ?? (courses.count > 1 ? course.title : nil),
            entries: entries.map(entry)))
      }
    }
    let rest = pages.filter { !placed.contains($0.key) }
    if !rest.isEmpty {
      groups.append(
        SiteIndex.Group(
          title: courses.isEmpty ? nil : BookWords.lessons(language), entries: rest.map(entry)))
    }
    let title = courses.count == 1 ? courses[0].title : BookWords.lessons(language)
    return SiteIndex(
      title: title, subtitle: courses.count == 1 ? courses[0].subtitle : nil, language: language,
      groups: groups, exerciseWord: BookWords.exercise(language)
    ).write()
  }

  /// Makes one lesson's folder: its page, its exercise page, its figures light and dark.
  func build(
    _ page: Page, pages: [Page], root: OutputRoot, language: Language, helper: RenderThread
  ) -> Build.Done {
    let folder = OutputFolder(root: root, relative: page.key)
    do throws(any Error) {
      var prepared = try PreparedLesson(
        page.compiled, style: page.entry.style.style, labels: page.entry.style.labels,
        language: page.entry.style.language)
      // The site's exercise page blanks the gradients unless the lesson says otherwise.
      prepared.plan.exercise = page.entry.exercise == .none ? .gradients : page.entry.exercise
      let files = try prepared.siteFiles(page, pages: pages, helper: helper)
      let stamp = try folder.writeRecorded(files).stamp
      return Build.Done(outcome: .built(page.key), stamp: stamp)
    } catch let error as LessonError {
      return Build.Done(outcome: .failed(page.entry.shown, message: error.description))
    } catch {
      return Build.Done(
        outcome: .failed(page.entry.shown, message: "\(page.entry.shown): error: \(error)"))
    }
  }

  /// The navigation of a lesson's page: contents, previous, next, and its exercise sheet.
  static func sitePage(_ page: Page, pages: [Page], language: Language) -> SitePage {
    let root = String(repeating: "../", count: page.key.split(separator: "/").count)
    func link(_ i: Int?) -> SitePage.Link? {
      i.map {
        SitePage.Link(href: root + pages[$0].key + "/index.html", text: pages[$0].title)
      }
    }
    let contents = SitePage.Link(href: root + "index.html", text: BookWords.contents(language))
    return SitePage(
      stylesheet: root + "style.css", contents: contents, previous: link(page.previous),
      next: link(page.next),
      related: [SitePage.Link(href: "exercise.html", text: BookWords.exercise(language))],
      previousWord: BookWords.previous(language), nextWord: BookWords.next(language))
  }

  /// The figures as SVG and PNG, and the SVG of each one's dark variant.
  static func figureFiles(_ figures: [Figure], helper: RenderThread) throws -> [Artifacts.File] {
    let dark = figures.map { $0.darkVariant }
    let light = try FigureBatch.render(figures, formats: [.svg, .png], helpers: [helper])
    let darkFiles = try FigureBatch.render(dark, formats: [.svg], helpers: [helper])
    var files: [Artifacts.File] = []
    for output in light {
      files.append(
        Artifacts.File(
          path: "figures/\(output.figure.fileStem).\(output.format.rawValue)",
          contents: output.data))
    }
    for output in darkFiles {
      files.append(
        Artifacts.File(path: "figures/\(output.figure.fileStem)-dark.svg", contents: output.data))
    }
    return files
  }
}
