import ExpressionLanguage
import Foundation
import GraphEngine
import Yams

/// Reads a course file (docs/COURSES.md) into a ``Course``, reporting every problem of the
/// file at once, each at its `line:column`: unknown keys, values of the wrong kind, and
/// lessons that do not exist.
public enum CourseLoader {
  /// The keys a course file may have.
  static let keys = [
    "title", "subtitle", "author", "lang", "style", "paper", "exercise", "steps", "lessons",
  ]

  /// Whether `bytes` are a course file rather than a lesson: a YAML mapping with a `lessons`
  /// key at the top (a lesson has none). Anything that is not readable YAML is not a course.
  public static func isCourse(_ bytes: Data) -> Bool {
    guard bytes.count <= Limits.fileBytes,
      let text = String(data: bytes, encoding: .utf8),
      NestingGuard.check(SourceText(text)) == nil,
      let root = try? Yams.compose(yaml: text, .basic), case .mapping(let mapping) = root
    else { return false }
    return mapping.contains { $0.key.scalar?.string == "lessons" }
  }

  /// Reads and checks the course file at `path`; each lesson path is relative to the course
  /// file's folder, and must exist.
  public static func load(path: String) throws(LessonError) -> Course {
    let bytes: [UInt8]
    switch LessonFileReader.read(path, limit: Limits.fileBytes) {
    case .success(let read): bytes = read
    case .failure(let problem):
      throw LessonError([
        Diagnostic(path: path, location: nil, message: problem.message, sourceLine: nil)
      ])
    }
    let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
    guard let text = String(validating: body, as: UTF8.self) else {
      throw LessonError([
        Diagnostic(
          path: path, location: nil, message: "the file is not UTF-8 text (save it as UTF-8)",
          sourceLine: nil)
      ])
    }
    let name = (path as NSString).lastPathComponent
    let id = String(name.hasSuffix(".yaml") ? name.dropLast(5) : name[...])
    return try load(text: text, path: path, id: id)
  }

  /// Reads a course from its text; lesson paths are relative to `path`'s folder.
  public static func load(text: String, path: String, id: String) throws(LessonError) -> Course {
    let source = SourceText(text)
    let root = try YAMLDocument.compose(
      text, source: source, path: path, what: "course",
      empty: "the course is empty; it needs title and lessons")
    var problems: [EngineDiagnostic] = []
    func fail(_ message: String, _ at: SourceLocation) {
      problems.append(EngineDiagnostic(message, at: at))
    }
    var course = Course(id: id, path: path, source: source, title: "", parts: [])
    // The id names the course's folder under --out: checked as a lesson's id is.
    if !LessonLoader.isLessonID(id) {
      fail(
        "the course id '\(id)' (the file name) must match [a-z0-9][a-z0-9-]*; it names the "
          + "course's folder", SourceLocation(line: 1, column: 1))
    }
    guard case .mapping(let mapping) = root else {
      fail("a course is a YAML mapping with the keys title and lessons", root.location)
      throw error(problems, path: path, source: source)
    }
    var seen: Set<String> = []
    var sawTitle = false
    var sawLessons = false
    for (key, value) in mapping {
      let name = key.scalar?.string ?? "?"
      guard keys.contains(name) else {
        var message = "unknown key '\(name)'"
        if let close = Suggestion.closest(to: name, in: keys) {
          message += "; did you mean '\(close)'?"
        } else {
          message += "; the keys of a course are " + keys.joined(separator: ", ")
        }
        fail(message, key.location)
        continue
      }
      guard seen.insert(name).inserted else {
        fail("'\(name)' is given twice", key.location)
        continue
      }
      func text() -> String? {
        guard let text = value.scalarText, !text.isEmpty else {
          fail("'\(name)' must be a line of text", value.location)
          return nil
        }
        if text.contains("\n") {
          fail("'\(name)' must be one line", value.location)
          return nil
        }
        return text
      }
      switch name {
      case "title":
        sawTitle = true
        if let text = text() {
          course.title = text
          LessonLoader.checkLength(text, "title", Limits.titleCharacters, value.location, fail)
        }
      case "subtitle":
        if let text = text() {
          course.subtitle = text
          LessonLoader.checkLength(
            text, "subtitle", Limits.descriptionCharacters, value.location, fail)
        }
      case "author":
        if let text = text() {
          course.author = text
          LessonLoader.checkLength(text, "author", Limits.titleCharacters, value.location, fail)
        }
      case "lang":
        if let code = text() {
          if let language = Language(code: code) {
            course.language = Located(language, at: value.location)
          } else {
            fail("'lang' is one of \(Language.codes)", value.location)
          }
        }
      case "style":
        if let text = text() { course.style = Located(text, at: value.location) }
      case "paper":
        if let text = text() { course.paper = Located(text, at: value.location) }
      case "steps":
        if let text = text() { course.steps = Located(text, at: value.location) }
      case "exercise":
        if let text = text() {
          if ["true", "false", "forward"].contains(text) {
            course.exercise = Located(text, at: value.location)
          } else {
            fail("'exercise' is true, false or forward", value.location)
          }
        }
      default:
        sawLessons = true
        course.parts = readParts(value, folder: folder(of: path), fail: fail)
      }
    }
    if !sawTitle { fail("missing required key 'title'", root.location) }
    if !sawLessons { fail("missing required key 'lessons'", root.location) }
    if problems.isEmpty {
      var ids: [String: SourceLocation] = [:]
      for entry in course.lessons {
        if let first = ids[entry.source.id] {
          fail(
            "the lesson '\(entry.source.id)' is in the course twice (first at line "
              + "\(first.line)); each lesson has one folder", entry.location)
        } else {
          ids[entry.source.id] = entry.location
        }
      }
      if course.lessons.isEmpty { fail("the course has no lessons", root.location) }
    }
    guard problems.isEmpty else { throw error(problems, path: path, source: source) }
    return course
  }

  /// `lessons:`, a list of lesson names and `- part: …` groups with their own `lessons`.
  private static func readParts(
    _ node: Yams.Node, folder: String, fail: (String, SourceLocation) -> Void
  ) -> [Course.Part] {
    guard case .sequence(let items) = node else {
      fail(
        "'lessons' is a list: built-in lesson ids, paths to lesson files, and '- part: …' "
          + "groups", node.location)
      return []
    }
    var parts: [Course.Part] = []
    for item in items {
      switch item {
      case .scalar:
        if let entry = readEntry(item, folder: folder, fail: fail) {
          if parts.last == nil || parts.last?.title != nil {
            parts.append(Course.Part(title: nil, lessons: []))
          }
          parts[parts.count - 1].lessons.append(entry)
        }
      case .mapping(let group):
        var title: String?
        var lessons: [Course.Entry] = []
        var sawLessons = false
        for (key, value) in group {
          switch key.scalar?.string {
          case "part":
            if let text = value.scalarText, !text.isEmpty, !text.contains("\n") {
              title = text
              LessonLoader.checkLength(text, "part", Limits.titleCharacters, value.location, fail)
            } else {
              fail("'part' must be a line of text: the part's title", value.location)
            }
          case "lessons":
            sawLessons = true
            guard case .sequence(let entries) = value else {
              fail("a part's 'lessons' is a list of lessons", value.location)
              continue
            }
            for entry in entries {
              if case .scalar = entry {
                if let read = readEntry(entry, folder: folder, fail: fail) { lessons.append(read) }
              } else {
                fail("a part lists lessons (ids or paths), not groups", entry.location)
              }
            }
          default:
            let name = key.scalar?.string ?? "?"
            fail("unknown key '\(name)' in a part; a part has 'part' and 'lessons'", key.location)
          }
        }
        if title == nil, group.first(where: { $0.key.scalar?.string == "part" }) == nil {
          fail("a group in 'lessons' needs 'part:', its title", item.location)
        }
        if !sawLessons { fail("the part has no 'lessons'", item.location) }
        parts.append(Course.Part(title: title ?? "", lessons: lessons))
      default:
        fail("a lesson is a built-in id or a path to a .yaml file", item.location)
      }
    }
    return parts
  }

  /// One lesson name: a built-in id, or a path (ending in `.yaml` or holding a `/`) relative
  /// to the course file; one that names nothing is an error here.
  private static func readEntry(
    _ node: Yams.Node, folder: String, fail: (String, SourceLocation) -> Void
  ) -> Course.Entry? {
    guard let written = node.scalarText, !written.isEmpty else {
      fail("a lesson is a built-in id or a path to a .yaml file", node.location)
      return nil
    }
    switch LessonSource(argument: written) {
    case .builtin(let id):
      guard LessonSource.builtinIDs.contains(id) else {
        var message = "no built-in lesson '\(id)'"
        if let close = Suggestion.closest(to: id, in: LessonSource.builtinIDs) {
          message += "; did you mean '\(close)'?"
        } else {
          message += " (a lesson file is named by its path, ending in .yaml)"
        }
        fail(message, node.location)
        return nil
      }
      return Course.Entry(source: .builtin(id), written: written, location: node.location)
    case .file(let relative):
      let path = relative.hasPrefix("/") || folder.isEmpty ? relative : folder + "/" + relative
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder),
        !isFolder.boolValue
      else {
        fail("no lesson file '\(relative)' (looked for \(path))", node.location)
        return nil
      }
      guard path.hasSuffix(".yaml") else {
        fail("a lesson file's name ends in .yaml", node.location)
        return nil
      }
      if isCourse(FileManager.default.contents(atPath: path) ?? Data()) {
        fail("'\(relative)' is a course, not a lesson; a course lists lessons only", node.location)
        return nil
      }
      return Course.Entry(source: .file(path), written: written, location: node.location)
    }
  }

  private static func folder(of path: String) -> String {
    (path as NSString).deletingLastPathComponent
  }

  private static func error(_ problems: [EngineDiagnostic], path: String, source: SourceText)
    -> LessonError
  {
    LessonError(
      problems.sorted { $0.location < $1.location }.map {
        Diagnostic($0, path: path, source: source)
      })
  }
}
