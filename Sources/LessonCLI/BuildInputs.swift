import Analysis
import ArgumentParser
import Drawing
import Figures
import Foundation
import GraphEngine
import Handout
import LessonKit
import OutputStore

/// What `lessongen build` and `lessongen site` read: the paths given (folders, lesson files,
/// course files; none: the built-in lessons) and the options, resolved into the lessons and
/// course handouts to make, each with its folder, its bytes and its options.
struct BuildInputs {
  var paths: [String]
  var out: String
  var style: StyleOptions
  /// `--exercise`: what exercise sheets leave blank; nil when not given.
  var exercise: Blanks?

  /// One thing to build: a lesson into its folder, or a course's handout; the bytes its
  /// output depends on, and the options it is built with.
  struct Entry {
    enum Kind {
      case lesson(LessonSource)
      /// The course's handout, `<folder>/<course-id>.pdf`.
      case courseHandout(Course)
    }
    var kind: Kind
    var shown: String
    var bytes: Data
    /// The folder it writes into.
    var folder: String
    /// Its name in the manifest: the folder under DIR, and for a course's handout its file.
    var key: String
    var style: StyleOptions
    /// What its exercise sheets leave blank (`.none`: no exercise sheets).
    var exercise: Blanks
    /// What a progress line calls it.
    var name: String
  }

  /// The lessons and courses the paths name, in order, each once; a path that names
  /// nothing, or a course with errors, is an error before anything is built.
  func collect() throws -> [Entry] {
    var entries: [Entry] = []
    var seen: Set<String> = []
    var folders: [String: String] = [:]
    var clash: String?
    // The names directly under --out, each claimed by one lesson or one course.
    var claimed: [String: String] = [:]
    func claim(_ name: String, by shown: String, bytes: Data, what: String) {
      guard clash == nil else { return }
      if let other = claimed[name] {
        let firstLine = String(decoding: bytes.prefix { $0 != 0x0A }, as: UTF8.self)
        clash =
          Diagnostic(
            path: shown, location: SourceLocation(line: 1, column: 1),
            message: "the id '\(name)' (the file name) of this \(what) is also the id of "
              + "\(other); both would be written to \(OutputRoot(out).path(name))/: rename one "
              + "of the two files", sourceLine: firstLine
          ).description
      } else {
        claimed[name] = "the \(what) \(shown)"
      }
    }
    let top = out.hasSuffix("/") ? out : out + "/"
    func add(
      _ source: LessonSource, _ shown: String, _ bytes: Data, under course: Course? = nil,
      style: StyleOptions, exercise: Blanks
    ) {
      let key = (course.map { $0.id + "/" } ?? "") + source.id
      guard seen.insert(key + "\u{1F}" + shown).inserted else { return }
      // Two lessons with one id would write one folder.
      if let other = folders[key], clash == nil {
        clash =
          Diagnostic(
            path: shown, location: SourceLocation(line: 1, column: 1),
            message: "another lesson, \(other), has the id '\(source.id)' (its file name); "
              + "each lesson has one folder: rename one of the two files",
            sourceLine: String(decoding: bytes.prefix { $0 != 0x0A }, as: UTF8.self)
          ).description
      }
      folders[key] = shown
      if course == nil { claim(key, by: shown, bytes: bytes, what: "lesson") }
      entries.append(
        Entry(
          kind: .lesson(source), shown: shown, bytes: bytes, folder: top + key, key: key,
          style: style, exercise: exercise, name: key))
    }
    func addFile(_ path: String) throws {
      let bytes = LessonSource.file(path).bytes() ?? Data()
      guard CourseLoader.isCourse(bytes) else {
        add(.file(path), path, bytes, style: style, exercise: exercise ?? .none)
        return
      }
      let course: Course
      do {
        course = try CourseLoader.load(path: path)
      } catch {
        Terminal.printError(error.description)
        throw ExitCode.failure
      }
      if let problems = Self.problems(in: course) {
        Terminal.printError(problems.description)
        throw ExitCode.failure
      }
      claim(course.id, by: path, bytes: bytes, what: "course")
      let courseStyle = style.over(course)
      let courseExercise =
        exercise
        ?? (course.exercise?.value == "forward"
          ? .forward : course.exercise?.value == "true" ? .gradients : .none)
      var all = bytes
      for lesson in course.lessons {
        let lessonBytes = lesson.source.bytes() ?? Data()
        all.append(Data("\u{1F}\(lesson.source.id)\u{1F}".utf8))
        all.append(lessonBytes)
        add(
          lesson.source, lesson.shown, lessonBytes,
          under: course, style: courseStyle, exercise: courseExercise)
      }
      let key = course.id + "/" + course.id + ".pdf"
      if let other = folders[key], clash == nil {
        clash = "\(path): error: another course, \(other), has the id '\(course.id)'"
      }
      folders[key] = path
      entries.append(
        Entry(
          kind: .courseHandout(course), shown: path, bytes: all, folder: top + course.id,
          key: key, style: courseStyle, exercise: courseExercise, name: key))
    }
    if paths.isEmpty {
      for id in LessonSource.builtinIDs {
        add(
          .builtin(id), id, LessonSource.builtin(id).bytes() ?? Data(), style: style,
          exercise: exercise ?? .none)
      }
      return entries
    }
    for path in paths {
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
        Terminal.printError("\(path): error: no such file or folder")
        throw ExitCode.failure
      }
      if isFolder.boolValue {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [])
          .filter { $0.hasSuffix(".yaml") && !$0.hasPrefix(".") }.sorted()
        if names.isEmpty {
          Terminal.printError("\(path): error: no lesson (.yaml file) in this folder")
          throw ExitCode.failure
        }
        for name in names {
          try addFile((path.hasSuffix("/") ? path : path + "/") + name)
        }
      } else {
        try addFile(path)
      }
    }
    if let clash {
      Terminal.printError(clash)
      throw ExitCode.failure
    }
    return entries
  }

  /// A course's `style` and `paper` that name nothing, located; nil when there are none.
  static func problems(in course: Course) -> LessonError? {
    var problems: [Diagnostic] = []
    func problem(_ message: String, _ at: Located<String>) {
      problems.append(
        Diagnostic(
          path: course.path, location: at.location, message: message,
          sourceLine: course.source.line(at.location.line)))
    }
    if let style = course.style, Theme.named(style.value) == nil {
      problem("unknown style '\(style.value)'; the styles are \(FigurePlan.styleNames)", style)
    }
    if let steps = course.steps, StepLayout(rawValue: steps.value) == nil {
      problem("unknown steps '\(steps.value)'; they are \(FigurePlan.stepNames)", steps)
    }
    if let paper = course.paper, Paper(rawValue: paper.value) == nil {
      let names = Paper.allCases.map(\.rawValue).joined(separator: ", ")
      problem("unknown paper '\(paper.value)'; the papers are \(names)", paper)
    }
    return problems.isEmpty ? nil : LessonError(problems)
  }
}
