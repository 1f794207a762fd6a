import Analysis
import ArgumentParser
import CairoBackend
import Figures
import Foundation
import GraphEngine
import Handout
import LessonKit
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
    let manifest = BuildManifest.read(in: out)
    let outcomes = Mutex<[Int: (Outcome, fingerprint: String?)]>([:])
    let next = Atomic<Int>(0)
    let done = Atomic<Int>(0)
    let terminal = isatty(STDOUT_FILENO) == 1
    let printing = Mutex(())
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
        let fingerprint = BuildManifest.fingerprint([entry.bytes, Data(options.utf8)])
        let outcome = build(entry, fingerprint: fingerprint, manifest: manifest, helper: helper)
        outcomes.withLock { $0[i] = (outcome, fingerprint) }
        let count = done.add(1, ordering: .relaxed).newValue
        printing.withLock { _ in Self.report(outcome, count, of: entries.count, terminal: terminal)
        }
      }
    }

    var updated = manifest
    var built = 0
    var unchanged = 0
    var failed: [String] = []
    let results = outcomes.withLock { $0 }
    for i in entries.indices {
      guard let (outcome, fingerprint) = results[i] else { continue }
      switch outcome {
      case .built:
        built += 1
        updated.lessons[entries[i].key] = fingerprint
      case .unchanged: unchanged += 1
      case .failed(let shown, _): failed.append(shown)
      }
    }
    if terminal { Terminal.write("\n") }
    // Nothing built: nothing written, the manifest included.
    if updated != manifest {
      do { try updated.write(in: out) } catch {
        Terminal.printError("error: \(error)")
        throw ExitCode.failure
      }
    }
    var summary = "\(built) built, \(unchanged) unchanged"
    if !failed.isEmpty { summary += ", \(failed.count) failed: " + failed.joined(separator: ", ") }
    Terminal.write(summary + "\n")
    return !failed.isEmpty
  }

  /// Watches the folders of the paths (a file's folder: editors save by writing a new file
  /// and renaming it over the old one) with inotify, and builds again after every save;
  /// never returns unless watching fails. Events a few milliseconds apart (an editor's
  /// write, rename and attribute change) make one build.
  func watchAndBuild() throws {
    let fd = inotify_init1(Int32(IN_CLOEXEC))
    guard fd >= 0 else {
      Terminal.printError("error: cannot watch for changes: \(String(cString: strerror(errno)))")
      throw ExitCode.failure
    }
    let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_MOVED_FROM)
    var watched: [Int32: (folder: String, only: String?)] = [:]
    // A course's lesson files, wherever they are, are watched with it.
    var watching = paths
    for path in paths where CourseLoader.isCourse(LessonSource.file(path).bytes() ?? Data()) {
      for lesson in (try? CourseLoader.load(path: path))?.lessons ?? [] {
        if case .file(let file) = lesson.source { watching.append(file) }
      }
    }
    for path in watching {
      var isFolder: ObjCBool = false
      FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
      let folder = isFolder.boolValue ? path : (path as NSString).deletingLastPathComponent
      let only = isFolder.boolValue ? nil : (path as NSString).lastPathComponent
      let wd = inotify_add_watch(fd, folder.isEmpty ? "." : folder, mask)
      guard wd >= 0 else {
        Terminal.printError("\(path): error: cannot watch: \(String(cString: strerror(errno)))")
        throw ExitCode.failure
      }
      if let existing = watched[wd], existing.only != nil, only != nil {
        watched[wd] = (folder, nil)  // Two files of one folder: any lesson of it.
      } else if watched[wd] == nil {
        watched[wd] = (folder, only)
      } else {
        watched[wd] = (folder, nil)
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
    func relevant(_ count: Int) -> Bool {
      var offset = 0
      var any = false
      while offset + 16 <= count {
        let wd = buffer.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: Int32.self) }
        let length = Int(
          buffer.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self) })
        let nameBytes = buffer[(offset + 16)..<Swift.min(count, offset + 16 + length)]
        let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
        if let watch = watched[wd], name.hasSuffix(".yaml"), watch.only == nil || watch.only == name
        {
          any = true
        }
        offset += 16 + length
      }
      return any
    }
    while true {
      let count = read(fd, &buffer, buffer.count)
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else {
        Terminal.printError("error: watching stopped: \(String(cString: strerror(errno)))")
        throw ExitCode.failure
      }
      var changed = relevant(count)
      // Let the rest of a save arrive (an editor writes, renames, sets times) before building.
      var waiting = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
      while poll(&waiting, 1, 30) > 0 {
        let more = read(fd, &buffer, buffer.count)
        if more > 0 && relevant(more) { changed = true }
      }
      if changed { _ = try? buildOnce() }
    }
  }

  /// The lessons and courses the paths name (see ``BuildInputs/collect()``).
  func collect() throws -> [Entry] {
    try BuildInputs(paths: paths, out: out, style: style, exercise: exercise.blanks).collect()
  }

  typealias Entry = BuildInputs.Entry

  /// Builds one lesson, or a course's handout, unless its fingerprint and files say it is
  /// up to date.
  func build(_ entry: Entry, fingerprint: String, manifest: BuildManifest, helper: RenderThread)
    -> Outcome
  {
    switch entry.kind {
    case .lesson(let source):
      // Up to date: not even read again (only a lesson that built has a fingerprint).
      if manifest.lessons[entry.key] == fingerprint,
        FileManager.default.fileExists(atPath: entry.folder + "/trace.json")
      {
        return .unchanged(entry.name)
      }
      let compiled: LessonSource.Compiled
      do {
        compiled = try source.compileAny()
      } catch {
        return .failed(entry.shown, message: error.description)
      }
      // The same steps and messages as `lessongen LESSON`.
      let message: String?
      switch compiled {
      case .numbers(let lesson):
        message = Generate.write(
          lesson, style: entry.style, exercise: entry.exercise, to: entry.folder, helper: helper)
      case .tensors(let lesson):
        message = Generate.write(
          lesson, style: entry.style, exercise: entry.exercise, to: entry.folder, helper: helper)
      }
      if let message { return .failed(entry.shown, message: message) }
      return .built(entry.name)
    case .courseHandout(let course):
      var names = [course.id + ".pdf"]
      if entry.exercise != .none { names.append(course.id + "-exercise.pdf") }
      if manifest.lessons[entry.key] == fingerprint,
        names.allSatisfy({ FileManager.default.fileExists(atPath: entry.folder + "/" + $0) })
      {
        return .unchanged(entry.name)
      }
      do {
        // Both made before either is written: a lesson that fails leaves both as they were.
        let made = try CourseHandout.render(course, style: entry.style, exercise: entry.exercise)
        for (name, data) in made {
          try OutputFolder.replaceFile(entry.folder + "/" + name, with: data)
        }
      } catch let error as LessonError {
        return .failed(entry.shown, message: error.description)
      } catch {
        return .failed(entry.shown, message: "\(entry.shown): error: \(error)")
      }
      return .built(entry.name)
    }
  }

  /// On a terminal one progress line, rewritten (`[12/40] tanh`); otherwise a line a lesson.
  /// A failure's diagnostics go to standard error either way.
  static func report(_ outcome: Outcome, _ count: Int, of total: Int, terminal: Bool) {
    let (name, word): (String, String)
    switch outcome {
    case .built(let id): (name, word) = (id, "built")
    case .unchanged(let id): (name, word) = (id, "unchanged")
    case .failed(let shown, let message):
      if terminal { Terminal.progress("") }
      Terminal.printError(message)
      (name, word) = (shown, "failed")
    }
    if terminal {
      Terminal.progress("[\(count)/\(total)] \(name)")
    } else {
      Terminal.write("[\(count)/\(total)] \(name): \(word)\n")
    }
  }
}
