import BuiltinLessons
import Foundation
import GraphEngine

/// Where a lesson comes from: a built-in id (`sigmoid`) or a path to a `.yaml` file.
public enum LessonSource: Sendable, Equatable {
  case builtin(String)
  case file(String)

  /// `LESSON` on the command line: a path if it names a `.yaml` file or contains a `/`,
  /// otherwise a built-in id.
  public init(argument: String) {
    if argument.hasSuffix(".yaml") || argument.hasSuffix(".yml") || argument.contains("/") {
      self = .file(argument)
    } else {
      self = .builtin(argument)
    }
  }

  /// The ids and titles of the built-in lessons, sorted by id.
  public static func builtinCatalog() throws(LessonError) -> [(id: String, title: String)] {
    try BuiltinLessonFiles.ids.map { id throws(LessonError) in
      (id, try LessonSource.builtin(id).load().title)
    }
  }

  /// The ids of the built-in lessons, sorted.
  public static var builtinIDs: [String] { BuiltinLessonFiles.ids }

  /// The ids of the built-in lessons of numbers (`tensors: false`) or of vectors and
  /// matrices (`true`), sorted.
  public static func builtinIDs(tensors: Bool) -> [String] {
    builtinIDs.filter { id in
      guard let lesson = try? LessonSource.builtin(id).load() else { return false }
      return CompiledTensorLesson.needsTensors(lesson) == tensors
    }
  }

  /// The lesson's id: a built-in's own, or a file's name without `.yaml` (what `Output/<id>/`
  /// is named after).
  public var id: String {
    switch self {
    case .builtin(let id): id
    case .file(let path):
      String((path as NSString).lastPathComponent.dropLast(path.hasSuffix(".yaml") ? 5 : 0))
    }
  }

  /// The lesson's bytes as written (a built-in's YAML, a file's contents), or nil if there
  /// are none to read: what a build fingerprints.
  public func bytes() -> Data? {
    switch self {
    case .builtin(let id): BuiltinLessonFiles.text(id).map { Data($0.utf8) }
    case .file(let path): FileManager.default.contents(atPath: path)
    }
  }

  /// Reads and checks the lesson.
  public func load() throws(LessonError) -> Lesson {
    let draft = try read()
    guard draft.problems.isEmpty else { throw draft.error(draft.problems) }
    return draft.lesson
  }

  /// Reads the lesson and compiles it, reporting every problem of the file at once.
  public func compile(overrides: [String: Double] = [:]) throws(LessonError) -> CompiledLesson {
    try CompiledLesson.compile(draft: read(), overrides: overrides)
  }

  /// A lesson compiled on numbers, or on vectors and matrices.
  public enum Compiled: Sendable {
    case numbers(CompiledLesson)
    case tensors(CompiledTensorLesson)

    /// The lesson as read, whichever way it was compiled.
    public var lesson: Lesson {
      switch self {
      case .numbers(let compiled): compiled.lesson
      case .tensors(let compiled): compiled.lesson
      }
    }
  }

  /// Reads the lesson once and compiles it on numbers, or on shaped values when it needs
  /// them (``CompiledTensorLesson/needsTensors(_:_:)``), reporting every problem of the file.
  public func compileAny(overrides: [String: Double] = [:]) throws(LessonError) -> Compiled {
    let draft = try read()
    if let shaped = try CompiledTensorLesson.compile(draft: draft, overrides: overrides) {
      return .tensors(shaped)
    }
    return .numbers(try CompiledLesson.compile(draft: draft, overrides: overrides))
  }

  private func read() throws(LessonError) -> LessonLoader.Draft {
    switch self {
    case .builtin(let id):
      guard let text = BuiltinLessonFiles.text(id) else {
        let known = BuiltinLessonFiles.ids.joined(separator: ", ")
        throw LessonError([
          Diagnostic(
            path: id, location: nil,
            message: "no built-in lesson '\(id)' and no file of that name; the built-in "
              + "lessons are \(known) (or give a path to a .yaml file)", sourceLine: nil)
        ])
      }
      return try LessonLoader.read(text: text, path: "Lessons/\(id).yaml", id: id)
    case .file(let path):
      let name = (path as NSString).lastPathComponent
      guard name.hasSuffix(".yaml") else {
        throw LessonError([
          Diagnostic(
            path: path, location: nil, message: "a lesson file's name ends in .yaml",
            sourceLine: nil)
        ])
      }
      let id = self.id
      let bytes: [UInt8]
      switch LessonFileReader.read(path, limit: Limits.fileBytes) {
      case .success(let read): bytes = read
      case .failure(let problem):
        throw LessonError([
          Diagnostic(path: path, location: nil, message: problem.message, sourceLine: nil)
        ])
      }
      if CourseLoader.isCourse(Data(bytes)) { throw Self.isACourse(path, bytes) }
      return try LessonLoader.read(bytes: bytes, path: path, id: id)
    }
  }

  /// The error for a course file given where a lesson is wanted (`check`, `trace`,
  /// `lessongen LESSON`), at its `lessons:` key.
  private static func isACourse(_ path: String, _ bytes: [UInt8]) -> LessonError {
    let lines = String(decoding: bytes, as: UTF8.self).split(
      separator: "\n", omittingEmptySubsequences: false)
    let index = lines.firstIndex { $0.hasPrefix("lessons") } ?? 0
    let name = (path as NSString).lastPathComponent
    return LessonError([
      Diagnostic(
        path: path, location: SourceLocation(line: index + 1, column: 1),
        message: "'\(name)' is a course, not a lesson (it lists lessons); build it with "
          + "lessongen build \(path)",
        sourceLine: lines.isEmpty ? nil : String(lines[index]))
    ])
  }
}
