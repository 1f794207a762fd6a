import Analysis
import ArgumentParser
import CairoBackend
import Drawing
import Figures
import Foundation
import GraphEngine
import Handout
import LessonKit
import OutputStore
import Synchronization

#if canImport(Glibc)
  import CSystem
  import Glibc
#endif

/// `lessongen build [PATH…]`: many lessons at once, each into `DIR/<id>/` exactly as
/// `lessongen LESSON` writes it, skipping the lessons whose inputs have not changed.
struct Build: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Build many lessons into DIR/<id>/, again only what changed.",
    discussion: """
      PATH: folders of lessons (their .yaml files) or lesson files; none means the built-in
      lessons. A lesson is built again only when its file, the options or lessongen changed
      (the bookkeeping is in DIR/.lessongen/); a lesson that fails leaves its old output as it
      was, the others still build, and the exit status is 1.
      """)

  @Argument(help: "Folders of lessons or lesson files (default: the built-in lessons).")
  var paths: [String] = []

  @OptionGroup var style: StyleOptions
  @OptionGroup var exercise: ExerciseOptions

  @Option(help: ArgumentHelp("Write under DIR/<id>/ (default: ./Output).", valueName: "DIR"))
  var out: String = "Output"

  @Option(
    help: ArgumentHelp("Lessons built at once (default: the number of cores).", valueName: "N"))
  var jobs: Int?

  @Flag(help: "Stay running and build again what changes, as soon as a lesson is saved.")
  var watch = false

  func validate() throws {
    guard !out.isEmpty else {
      throw ValidationError("--out needs a folder (use --out . for the current folder)")
    }
    if let jobs, jobs < 1 { throw ValidationError("--jobs needs at least 1") }
    if watch && paths.isEmpty {
      throw ValidationError(
        "--watch needs the folders or files to watch (the built-in lessons do not change)")
    }
  }

  enum Outcome: Sendable {
    case built(String)
    case unchanged(String)
    case failed(String, message: String)
  }

  func run() throws {
    let failed = try buildOnce()
    guard watch else {
      if failed { throw ExitCode.failure }
      return
    }
    try watchAndBuild()
  }

  /// Builds what changed; whether a lesson failed.
  func buildOnce() throws -> Bool {
    let entries = try collect()
    let root = OutputRoot(out)
    let manifest = try BuildManifest.opened(in: root, for: "build")
    // A key that is not a safe path (a file name with a newline) is a lesson whose id is
    // refused when it is read: it fails there, located, and the others build.
    let problems = OutputPreflight.problems(
      root: root, manifest: manifest,
      folders: entries.compactMap {
        if case .lesson = $0.kind, OutputRoot.isSafe($0.key) { $0.key } else { nil }
      },
      files: entries.flatMap { entry in
        Self.handoutFiles(of: entry).map { (relative: $0, key: entry.key) }
      })
    if !problems.isEmpty {
      for problem in problems { Terminal.printError("error: " + TextHygiene.escapedLine(problem)) }
      throw ExitCode.failure
    }
    // The folder claimed for build before anything is written (a site started at the same
    // time into a new folder is refused, not mixed in).
    if manifest.kind == nil { try BuildManifest.claim(root, for: "build") }
    let outcomes = Mutex<[Int: (Outcome, fingerprint: String, done: Done)]>([:])
    let next = Atomic<Int>(0)
    let done = Atomic<Int>(0)
    let terminal = isatty(STDOUT_FILENO) == 1
    let printing = Mutex(Set<String>())
    let workers = Swift.min(jobs ?? ProcessInfo.processInfo.activeProcessorCount, entries.count)
    DispatchQueue.concurrentPerform(iterations: Swift.max(workers, 1)) { _ in
      let helper = RenderThread()
      while true {
        let i = next.add(1, ordering: .relaxed).oldValue
        guard i < entries.count else { break }
        let entry = entries[i]
        let options =
          [
            entry.style.style ?? "", entry.style.labels ?? "", entry.style.lang ?? "",
            entry.style.paper ?? "a4", BuildManifest.toolIdentity,
          ].joined(separator: "\u{1F}")
          + (entry.exercise == .none ? "" : "\u{1F}exercise " + entry.exercise.rawValue)
          + (entry.style.math.map { "\u{1F}math " + $0 } ?? "")
          + (entry.style.steps.map { "\u{1F}steps " + $0 } ?? "")
        let fingerprint = BuildManifest.fingerprint([entry.bytes, Data(options.utf8)])
        let result = build(
          entry, root: root, fingerprint: fingerprint, manifest: manifest, helper: helper)
        outcomes.withLock { $0[i] = (result.outcome, fingerprint, result) }
        let count = done.add(1, ordering: .relaxed).newValue
        printing.withLock { printed in
          Self.report(
            result.outcome, count, of: entries.count, terminal: terminal, printed: &printed)
        }
      }
    }

    var built = 0
    var unchanged = 0
    var failed: [String] = []
    var records: [(key: String, fingerprint: String, done: Done)] = []
    let results = outcomes.withLock { $0 }
    for i in entries.indices {
      guard let (outcome, fingerprint, result) = results[i] else { continue }
      switch outcome {
      case .built:
        built += 1
        records.append((entries[i].key, fingerprint, result))
      case .unchanged: unchanged += 1
      case .failed(let shown, _): failed.append(shown)
      }
    }
    if terminal { Terminal.write("\n") }
    // Nothing built: nothing written, the manifest included.
    if !records.isEmpty {
      do {
        try BuildManifest.update(in: root, kind: "build") { manifest in
          for (key, fingerprint, result) in records {
            manifest.lessons[key] = fingerprint
            manifest.stamps[key] = result.stamp
            manifest.files.merge(result.files) { _, new in new }
            for relative in result.removed { manifest.files[relative] = nil }
          }
        }
      } catch {
        Terminal.printError("error: \(error)")
        throw ExitCode.failure
      }
    }
    var summary = "\(built) built, \(unchanged) unchanged"
    if !failed.isEmpty { summary += ", \(failed.count) failed: " + failed.joined(separator: ", ") }
    Terminal.write(TextHygiene.escapedLine(summary) + "\n")
    return !failed.isEmpty
  }

  /// What building one entry did: its outcome, the stamp of what it left on disk, and the
  /// single files it wrote (relative to the root) with the fingerprints of their bytes.
  struct Done: Sendable {
    var outcome: Outcome
    var stamp: String = ""
    var files: [String: String] = [:]
    /// Single files it removed (a course's exercise handout once exercises are off).
    var removed: [String] = []
  }

  /// A course handout entry's files, relative to the root (none for a lesson).
  static func handoutFiles(of entry: Entry) -> [String] {
    guard case .courseHandout(let course) = entry.kind else { return [] }
    var names = [course.id + "/" + course.id + ".pdf"]
    if entry.exercise != .none { names.append(course.id + "/" + course.id + "-exercise.pdf") }
    return names
  }

  /// The stamp of single files: each one's stamp, in order.
  static func stamp(of files: [String], in root: OutputRoot) -> String {
    files.map { OutputFolder.stamp(of: root.path($0)) }.joined(separator: ",")
  }

  /// Watches the folders of the paths (a file's folder: editors save by writing a new file
  /// and renaming it over the old one) with inotify, and builds again after every save;
  /// never returns unless watching fails. Events a few milliseconds apart (an editor's
  /// write, rename and attribute change) make one build. A watched folder that is removed
  /// (or moved away) is looked for every 200 ms; when it is back, it is watched again and
  /// built (a checkout, `git stash`, a sync tool re-create folders).
  func watchAndBuild() throws {
    let fd = inotify_init1(Int32(IN_CLOEXEC))
    guard fd >= 0 else {
      Terminal.printError("error: cannot watch for changes: \(String(cString: strerror(errno)))")
      throw ExitCode.failure
    }
    let mask = UInt32(
      IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_DELETE_SELF
        | IN_MOVE_SELF)
    /// What is watched: a folder, and the one file of it that matters (nil: any lesson).
    typealias Watch = (folder: String, only: String?)
    var watched: [Int32: Watch] = [:]
    var lost: [Watch] = []
    /// Watches `watch`'s folder; false when it is not there now.
    func add(_ watch: Watch) -> Bool {
      let wd = inotify_add_watch(fd, watch.folder.isEmpty ? "." : watch.folder, mask)
      guard wd >= 0 else { return false }
      if let existing = watched[wd], existing.only == nil || existing.only != watch.only {
        watched[wd] = (watch.folder, nil)  // Two files of one folder: any lesson of it.
      } else {
        watched[wd] = watch
      }
      return true
    }
    // A course's lesson files, wherever they are, are watched with it.
    var watching = paths
    for path in paths where CourseLoader.isCourse(LessonSource.file(path).bytes() ?? Data()) {
      for lesson in (try? CourseLoader.load(path: path))?.lessons ?? [] {
        if case .file(let file) = lesson.source { watching.append(file) }
      }
    }
    for path in watching {
      var isFolder: ObjCBool = false
      _ = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
      let folder = isFolder.boolValue ? path : (path as NSString).deletingLastPathComponent
      let only = isFolder.boolValue ? nil : (path as NSString).lastPathComponent
      guard add((folder, only)) else {
        Terminal.printError("\(path): error: cannot watch: \(String(cString: strerror(errno)))")
        throw ExitCode.failure
      }
    }
    // Ctrl-C and `kill` end the watch even when whoever started lessongen had blocked those
    // signals (a blocked mask is inherited: a test runner's child got it, and ignored
    // SIGTERM).
    var stopping = sigset_t()
    sigemptyset(&stopping)
    for signal in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&stopping, signal) }
    pthread_sigmask(SIG_UNBLOCK, &stopping, nil)
    Terminal.write("watching for changes (Ctrl-C stops)\n")
    var buffer = [UInt8](repeating: 0, count: 64 * 1024)
    /// Whether the events read name a lesson that matters; a watch the kernel dropped (its
    /// folder removed) goes to `lost`.
    func relevant(_ count: Int) -> Bool {
      var offset = 0
      var any = false
      while offset + 16 <= count {
        let wd = buffer.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: Int32.self) }
        let events = buffer.withUnsafeBytes {
          $0.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
        }
        let length = Int(
          buffer.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self) })
        let nameBytes = buffer[(offset + 16)..<Swift.min(count, offset + 16 + length)]
        let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
        if events & UInt32(IN_MOVE_SELF) != 0, let watch = watched[wd] {
          // Moved away: the path no longer names it.
          inotify_rm_watch(fd, wd)
          watched[wd] = nil
          lost.append(watch)
        } else if events & UInt32(IN_IGNORED) != 0, let watch = watched.removeValue(forKey: wd) {
          lost.append(watch)
        } else if let watch = watched[wd], name.hasSuffix(".yaml"),
          watch.only == nil || watch.only == name
        {
          any = true
        }
        offset += 16 + length
      }
      return any
    }
    while true {
      // Lost folders are looked for every 200 ms; otherwise wait for events.
      var waiting = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
      let ready = poll(&waiting, 1, lost.isEmpty ? -1 : 200)
      if ready < 0 && errno != EINTR {
        Terminal.printError("error: watching stopped: \(String(cString: strerror(errno)))")
        throw ExitCode.failure
      }
      var changed = false
      if ready > 0 {
        let count = read(fd, &buffer, buffer.count)
        if count < 0 && errno == EINTR { continue }
        guard count > 0 else {
          Terminal.printError("error: watching stopped: \(String(cString: strerror(errno)))")
          throw ExitCode.failure
        }
        changed = relevant(count)
        // Let the rest of a save arrive (an editor writes, renames, sets times) before
        // building.
        while poll(&waiting, 1, 30) > 0 {
          let more = read(fd, &buffer, buffer.count)
          if more > 0 && relevant(more) { changed = true }
        }
      }
      // A folder that is back is watched again, and what it holds built.
      let before = lost.count
      lost.removeAll { add($0) }
      if lost.count < before { changed = true }
      if changed { _ = try? buildOnce() }
    }
  }

  /// The lessons and courses the paths name (see ``BuildInputs/collect()``).
  func collect() throws -> [Entry] {
    try BuildInputs(paths: paths, out: out, style: style, exercise: exercise.blanks).collect()
  }

  typealias Entry = BuildInputs.Entry

  /// Builds one lesson, or a course's handout, unless its fingerprint says its inputs are
  /// the same and its stamp that what it wrote is still there.
  func build(
    _ entry: Entry, root: OutputRoot, fingerprint: String, manifest: BuildManifest,
    helper: RenderThread
  ) -> Done {
    let recorded = manifest.lessons[entry.key] == fingerprint ? manifest.stamps[entry.key] : nil
    switch entry.kind {
    case .lesson(let source):
      // Up to date: not even read again.
      if let recorded, !recorded.isEmpty,
        recorded == OutputFolder.stamp(of: root.path(entry.key))
      {
        return Done(outcome: .unchanged(entry.name))
      }
      let compiled: LessonSource.Compiled
      do {
        compiled = try source.compileAny()
      } catch {
        return Done(outcome: .failed(entry.shown, message: error.description))
      }
      // The same steps and messages as `lessongen LESSON`.
      let folder = OutputFolder(root: root, relative: entry.key)
      let result = Generate.write(
        compiled, style: entry.style, exercise: entry.exercise, to: folder, helper: helper)
      switch result {
      case .success(let stamp): return Done(outcome: .built(entry.name), stamp: stamp)
      case .failure(let failure):
        return Done(outcome: .failed(entry.shown, message: failure.message))
      }
    case .courseHandout(let course):
      let files = Self.handoutFiles(of: entry)
      if let recorded, !recorded.isEmpty, recorded == Self.stamp(of: files, in: root) {
        return Done(outcome: .unchanged(entry.name))
      }
      var written: [String: String] = [:]
      do {
        // Both made before either is written: a lesson that fails leaves both as they were.
        let made = try CourseHandout.render(course, style: entry.style, exercise: entry.exercise)
        for (name, data) in made {
          let relative = course.id + "/" + name
          let fingerprint = BuildManifest.fingerprint([data])
          // Known as lessongen's before it is replaced, whenever the run stops.
          try BuildManifest.update(in: root, kind: "build") { $0.accept(relative, fingerprint) }
          try root.replaceFile(relative, with: data)
          written[relative] = fingerprint
        }
      } catch let error as LessonError {
        return Done(outcome: .failed(entry.shown, message: error.description))
      } catch {
        return Done(outcome: .failed(entry.shown, message: "\(entry.shown): error: \(error)"))
      }
      // Exercises turned off: the course's exercise handout lessongen wrote goes, as the
      // lessons' exercise sheets go from their folders (one of the user's stays).
      var removed: [String] = []
      let stale = course.id + "/" + course.id + "-exercise.pdf"
      if entry.exercise == .none, manifest.files[stale] != nil, manifest.owns(stale, in: root),
        unlink(root.path(stale)) == 0
      {
        removed.append(stale)
      }
      return Done(
        outcome: .built(entry.name), stamp: Self.stamp(of: files, in: root), files: written,
        removed: removed)
    }
  }

  /// On a terminal one progress line, rewritten (`[12/40] tanh`); otherwise a line a lesson.
  /// A failure's diagnostics go to standard error either way.
  /// A failure's diagnostics are printed once: a course's handout fails with the diagnostics
  /// of the lesson that failed, already printed for that lesson (`printed` keeps them).
  static func report(
    _ outcome: Outcome, _ count: Int, of total: Int, terminal: Bool,
    printed: inout Set<String>
  ) {
    let (name, word): (String, String)
    switch outcome {
    case .built(let id): (name, word) = (id, "built")
    case .unchanged(let id): (name, word) = (id, "unchanged")
    case .failed(let shown, let message):
      if printed.insert(message).inserted {
        if terminal { Terminal.progress("") }
        Terminal.printError(message)
      }
      (name, word) = (shown, "failed")
    }
    let shown = TextHygiene.escapedLine(name)
    if terminal {
      Terminal.progress("[\(count)/\(total)] \(shown)")
    } else {
      Terminal.write("[\(count)/\(total)] \(shown): \(word)\n")
    }
  }
}
