import ArgumentParser
import Foundation
import LessonKit
import OutputStore

#if canImport(Glibc)
  import Glibc
#endif

/// A course file's bytes through what `lessongen build` and `lessongen site` do with it, for
/// the fuzzer (``PipelineExercise/run(_:)`` hands it every input that reads as a course): the
/// course is written into a private scratch folder beside two small lessons it may list
/// (`a.yaml`, `b.yaml`), then built and published there, each command as a user runs it,
/// and the scratch folder removed. Any bytes are also read as a build manifest. Whatever a
/// course names, nothing may be written outside the scratch folder's `out/` and `site/`.
enum CourseExercise {
  /// Courses of more lessons than this are only read, not built (built-in lessons such as
  /// the two-layer network take a second each in the fuzzer's instrumented build).
  static let builtLessons = 3

  static func run(_ bytes: [UInt8]) {
    // A manifest is read from any bytes without trouble.
    _ = try? JSONDecoder().decode(BuildManifest.self, from: Data(bytes))
    guard CourseLoader.isCourse(Data(bytes)) else { return }
    var pattern = Array("/tmp/lessongen-fuzz-XXXXXX".utf8CString)
    guard mkdtemp(&pattern) != nil else { return }
    let scratch = String(decoding: pattern.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let write = { (name: String, text: String) in
      FileManager.default.createFile(atPath: scratch + "/" + name, contents: Data(text.utf8))
    }
    _ = write("a.yaml", "title: A\nfunction: y = x * 2\ninputs:\n  x: 1\n")
    _ = write("b.yaml", "title: B\nfunction: y = exp(x)\ninputs:\n  x: 0.5\n")
    _ = FileManager.default.createFile(atPath: scratch + "/course.yaml", contents: Data(bytes))
    let course = scratch + "/course.yaml"
    guard let loaded = try? CourseLoader.load(path: course),
      loaded.lessons.count <= builtLessons
    else { return }
    for arguments in [
      [course, "--out", scratch + "/out", "--jobs", "1"],
      [course, "--out", scratch + "/out", "--jobs", "1"],
    ] {
      if let build = try? Build.parse(arguments) { _ = try? build.buildOnce() }
    }
    if let site = try? Site.parse([course, "--out", scratch + "/site", "--jobs", "1"]) {
      try? site.run()
    }
  }
}
