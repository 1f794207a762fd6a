import Foundation
import LessonKit

/// The files of one lesson's output folder, made in memory before anything is written, so
/// an error leaves the folder as it was.
enum Artifacts {
  /// A file to write: its path inside `Output/<id>/` and its bytes.
  struct File {
    var path: String
    var contents: Data
  }

  /// Everything `lessongen LESSON` produces for the lesson.
  static func make(for compiled: CompiledLesson) -> [File] {
    [File(path: "trace.json", contents: Data(TraceJSON.write(compiled).utf8))]
  }
}
