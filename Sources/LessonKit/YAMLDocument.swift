import GraphEngine
import Yams

/// The checks every YAML file lessongen reads goes through before its keys are read (a
/// lesson's and a course's alike): its size, its characters, its nesting, its syntax and its
/// decoded scalars, each problem located.
enum YAMLDocument {
  /// Composes `text` into a YAML node tree, or throws its located problems.
  ///
  /// - Parameters:
  ///   - what: the kind of file, for the size message ("lesson", "course").
  ///   - empty: the message for a file with no document.
  static func compose(
    _ text: String, source: SourceText, path: String, what: String, empty: String
  ) throws(LessonError) -> Yams.Node {
    func finish(_ problems: [EngineDiagnostic]) -> LessonError {
      LessonError(
        problems.sorted { $0.location < $1.location }.map {
          Diagnostic($0, path: path, source: source)
        })
    }
    if text.utf8.count > Limits.fileBytes {
      throw LessonError([
        Diagnostic(
          path: path, location: nil,
          message: "the file is larger than 1 MiB (\(Limits.fileBytes) bytes), lessongen's limit "
            + "for a \(what); is it a \(what)?",
          sourceLine: nil)
      ])
    }
    let hygiene = TextHygiene.problems(in: source)
    if !hygiene.isEmpty { throw finish(hygiene) }
    if let tooDeep = NestingGuard.check(source) { throw finish([tooDeep]) }
    let root: Yams.Node
    do {
      // No implicit typing (Yams' default resolver matches every scalar against regular
      // expressions, about 1.5 ms): the loaders read each scalar's text themselves.
      guard let node = try Yams.compose(yaml: text, .basic) else {
        throw finish([EngineDiagnostic(empty, at: .init(line: 1, column: 1))])
      }
      root = node
    } catch let error as LessonError {
      throw error
    } catch {
      throw finish([YAMLErrorTranslator.diagnostic(for: error, in: source)])
    }
    let decoded = LessonLoader.decodedProblems(
      root, budget: source.scalars.count + 64, source: source)
    if !decoded.isEmpty { throw finish(decoded) }
    return root
  }
}
