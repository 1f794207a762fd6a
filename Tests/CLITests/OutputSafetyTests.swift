import Foundation
import Testing

@testable import LessonCLI
@testable import OutputStore

#if canImport(Glibc)
  import Glibc
#endif

/// Courses, `build` and `site` write only inside `--out`, never through a symbolic link,
/// never over a file that is not lessongen's, and say "unchanged" only of what is there.
/// Each test fails on the lessongen before issue 21.
@Suite("Output safety: build, site, courses")
struct OutputSafetyTests {
  static let lesson = "title: A\nfunction: y = x * 2\ninputs:\n  x: 1\n"
  static let course = "title: C\nlessons:\n  - a.yaml\n"

  /// A folder holding `a.yaml` and the course `c.yaml` listing it.
  static func folder() throws -> TemporaryFolder {
    let folder = try TemporaryFolder()
    try folder.write("a.yaml", lesson)
    try folder.write("c.yaml", course)
    return folder
  }

  func read(_ folder: TemporaryFolder, _ path: String) -> String? {
    try? String(contentsOf: folder.url.appendingPathComponent(path), encoding: .utf8)
  }

  func link(_ folder: TemporaryFolder, _ path: String, to target: String) throws {
    try FileManager.default.createSymbolicLink(
      atPath: folder.url.appendingPathComponent(path).path, withDestinationPath: target)
  }

  @Test("a course id that is not a lesson id ('..', '', 'A B') is a located error; nothing written")
  func courseIDs() throws {
    let folder = try Self.folder()
    defer { folder.cleanUp() }
    try folder.write("sub/...yaml", "title: C\nlessons:\n  - ../a.yaml\n")
    try folder.write("sub/.yaml", "title: C\nlessons:\n  - ../a.yaml\n")
    try folder.write("sub/A B.yaml", "title: C\nlessons:\n  - ../a.yaml\n")
    let before = folder.listing()
    for name in ["...yaml", ".yaml", "A B.yaml"] {
      for command in ["build", "site"] {
        let result = try ProcessRunner.run(
          [command, "sub/" + name, "--out", "sub/out"], in: folder.url)
        #expect(result.status == 1, "\(command) \(name)")
        let id = String(name.dropLast(5))
        #expect(
          result.stderr.hasPrefix(
            "sub/\(name):1:1: error: the course id '\(id)' (the file name) must match "
              + "[a-z0-9][a-z0-9-]*"), "\(result.stderr)")
        #expect(folder.listing() == before, "\(command) \(name)")
      }
    }
  }

  @Test("a course folder that is a symbolic link is refused; its target untouched")
  func courseFolderLink() throws {
    let folder = try Self.folder()
    defer { folder.cleanUp() }
    try folder.write("elsewhere/c.pdf", "precious")
    try folder.write("out/keep", "")
    try link(folder, "out/c", to: "../elsewhere")
    for command in ["build", "site"] {
      let result = try ProcessRunner.run([command, "c.yaml", "--out", "out"], in: folder.url)
      #expect(result.status == 1)
      #expect(
        result.stderr.contains("out/c is a symbolic link; lessongen writes only into folders"),
        "\(result.stderr)")
    }
    #expect(read(folder, "elsewhere/c.pdf") == "precious")
    #expect(
      try FileManager.default.contentsOfDirectory(
        atPath: folder.url.appendingPathComponent("elsewhere").path) == ["c.pdf"])
  }

  @Test("a planted .lessongen link or manifest link is refused, its target untouched")
  func metadataLinks() throws {
    let folder = try Self.folder()
    defer { folder.cleanUp() }
    try folder.write("victim", "precious")
    try folder.write("victims/keep", "")
    try folder.write("o1/.lessongen/keep", "")
    try link(folder, "o1/.lessongen/manifest.json", to: "../../victim")
    try folder.write("o2/keep", "")
    try link(folder, "o2/.lessongen", to: "../victims")
    for out in ["o1", "o2"] {
      for command in ["build", "site"] {
        let result = try ProcessRunner.run([command, "a.yaml", "--out", out], in: folder.url)
        #expect(result.status == 1, "\(command) \(out)")
        #expect(result.stderr.hasPrefix("error: \(out)/.lessongen"), "\(result.stderr)")
        #expect(!result.stderr.contains("NSCocoaErrorDomain"))
        #expect(result.stderr.split(separator: "\n").count == 1)
      }
    }
    #expect(read(folder, "victim") == "precious")
    #expect(
      try FileManager.default.contentsOfDirectory(
        atPath: folder.url.appendingPathComponent("victims").path) == ["keep"])
    // A manifest that is a folder: one line, no Foundation dump.
    try folder.write("o3/.lessongen/manifest.json/keep", "")
    let result = try ProcessRunner.run(["build", "a.yaml", "--out", "o3"], in: folder.url)
    #expect(result.status == 1)
    #expect(
      result.stderr
        == "error: o3/.lessongen/manifest.json is not a file (lessongen keeps its records there); "
        + "remove it or choose another --out\n")
  }

  @Test("a lesson saved inside the folder its output replaces is never deleted")
  func lessonInsideItsOutput() throws {
    let folder = try Self.folder()
    defer { folder.cleanUp() }
    #expect(try ProcessRunner.run(["a.yaml", "--out", "o"], in: folder.url).status == 0)
    try folder.write("o/a/a.yaml", Self.lesson)
    try folder.write("o/a/notes.txt", "mine")
    let result = try ProcessRunner.run(["o/a/a.yaml", "--out", "o"], in: folder.url)
    #expect(result.status == 1)
    #expect(
      result.stderr
        == "error: o/a/a.yaml is not a file lessongen writes, and lessongen replaces o/a whole; "
        + "move the file out of the folder or choose another --out\n")
    #expect(read(folder, "o/a/a.yaml") == Self.lesson)
    #expect(read(folder, "o/a/notes.txt") == "mine")
    // The same through build, before anything is written.
    let build = try ProcessRunner.run(["build", "o/a/a.yaml", "--out", "o"], in: folder.url)
    #expect(build.status == 1)
    #expect(build.stderr.contains("o/a/a.yaml is not a file lessongen writes"))
    #expect(
      !FileManager.default.fileExists(
        atPath: folder.url.appendingPathComponent("o/.lessongen").path))
  }

  @Test("a user's index.html, style.css or course handout is never replaced")
  func usersFiles() throws {
    let folder = try Self.folder()
    defer { folder.cleanUp() }
    try folder.write("site/index.html", "my index")
    try folder.write("site/style.css", "my style")
    let site = try ProcessRunner.run(["site", "a.yaml", "--out", "site"], in: folder.url)
    #expect(site.status == 1)
    #expect(
      site.stderr.hasPrefix(
        "error: site/index.html was not written by lessongen, or was changed since"))
    #expect(site.stderr.contains("error: site/style.css was not written by lessongen"))
    #expect(read(folder, "site/index.html") == "my index")
    #expect(read(folder, "site/style.css") == "my style")
    #expect(
      !FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("site/a").path))

    try folder.write("out/c/c.pdf", "my handout")
    let build = try ProcessRunner.run(["build", "c.yaml", "--out", "out"], in: folder.url)
    #expect(build.status == 1)
    #expect(build.stderr.hasPrefix("error: out/c/c.pdf was not written by lessongen"))
    #expect(read(folder, "out/c/c.pdf") == "my handout")
    #expect(folder.listing().filter { $0.hasPrefix("out/") } == ["out/c/c.pdf"])

    // lessongen's own files are replaced as before; one the user edited is the user's.
    try FileManager.default.removeItem(at: folder.url.appendingPathComponent("out"))
    #expect(try ProcessRunner.run(["build", "c.yaml", "--out", "out"], in: folder.url).status == 0)
    try folder.write("a.yaml", Self.lesson.replacingOccurrences(of: "2", with: "3"))
    #expect(try ProcessRunner.run(["build", "c.yaml", "--out", "out"], in: folder.url).status == 0)
    try folder.write("out/c/c.pdf", "edited by hand")
    try folder.write("a.yaml", Self.lesson)
    let edited = try ProcessRunner.run(["build", "c.yaml", "--out", "out"], in: folder.url)
    #expect(edited.status == 1)
    #expect(read(folder, "out/c/c.pdf") == "edited by hand")
  }

  @Test("a course and a lesson with one id: a located error naming both files")
  func sharedID() throws {
    let folder = try Self.folder()
    defer { folder.cleanUp() }
    try folder.write("lessons/c.yaml", Self.lesson)
    let result = try ProcessRunner.run(
      ["build", "lessons/c.yaml", "c.yaml", "--out", "out"], in: folder.url)
    #expect(result.status == 1)
    #expect(
      result.stderr
        == "c.yaml:1:1: error: the id 'c' (the file name) of this course is also the id of the "
        + "lesson lessons/c.yaml; both would be written to out/c/: rename one of the two files\n"
        + "title: C\n^\n")
    #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("out").path))
  }

  @Test("build and site cannot share an output folder; 'unchanged' only of files that are there")
  func manifestStaysTrue() throws {
    let folder = try Self.folder()
    defer { folder.cleanUp() }
    #expect(try ProcessRunner.run(["build", "a.yaml", "--out", "out"], in: folder.url).status == 0)
    let site = try ProcessRunner.run(["site", "a.yaml", "--out", "out"], in: folder.url)
    #expect(site.status == 1)
    #expect(
      site.stderr
        == "error: out holds the output of lessongen build (out/.lessongen/manifest.json); "
        + "lessongen site writes another kind of folder: choose another --out\n")
    #expect(folder.listing().contains("out/a/a.pdf"))

    // Another command replaced the folder: the next build builds, it does not trust the record.
    let cs231n = try ProcessRunner.run(
      ["a.yaml", "--out", "out", "--style", "cs231n"], in: folder.url)
    #expect(cs231n.status == 0)
    let again = try ProcessRunner.run(["build", "a.yaml", "--out", "out"], in: folder.url)
    #expect(again.stdout.contains("1 built, 0 unchanged"), "\(again.stdout)")
    // A file removed by hand: built again.
    try FileManager.default.removeItem(at: folder.url.appendingPathComponent("out/a/a.md"))
    let missing = try ProcessRunner.run(["build", "a.yaml", "--out", "out"], in: folder.url)
    #expect(missing.stdout.contains("1 built, 0 unchanged"), "\(missing.stdout)")
    #expect(folder.listing().contains("out/a/a.md"))
    let unchanged = try ProcessRunner.run(["build", "a.yaml", "--out", "out"], in: folder.url)
    #expect(unchanged.stdout.contains("0 built, 1 unchanged"), "\(unchanged.stdout)")
  }

  @Test("two builds with different styles at once: a later build's 'unchanged' is true")
  func concurrentStyles() throws {
    let folder = try Self.folder()
    defer { folder.cleanUp() }
    #expect(try ProcessRunner.run(["a.yaml", "--out", "ref"], in: folder.url).status == 0)
    let reference = try Data(contentsOf: folder.url.appendingPathComponent("ref/a/a.pdf"))
    for round in 0..<4 {
      let results = try ProcessRunner.runConcurrently(
        [
          ["build", "a.yaml", "--out", "out", "--style", "dlfs"],
          ["build", "a.yaml", "--out", "out", "--style", "colah"],
        ], in: folder.url)
      #expect(results.allSatisfy { $0.status == 0 }, "round \(round)")
      let after = try ProcessRunner.run(
        ["build", "a.yaml", "--out", "out", "--style", "dlfs"], in: folder.url)
      #expect(after.status == 0)
      let pdf = try Data(contentsOf: folder.url.appendingPathComponent("out/a/a.pdf"))
      #expect(pdf == reference, "round \(round): \(after.stdout)")
    }
  }

  @Test("site: a lesson that fails is not listed nor linked; no index when none is left")
  func siteLeavesOutFailures() throws {
    let folder = try Self.folder()
    defer { folder.cleanUp() }
    try folder.write("b.yaml", "title: B\nfunction: y = x *\ninputs:\n  x: 1\n")
    try folder.write("c2.yaml", "title: C\nlessons:\n  - a.yaml\n  - b.yaml\n")
    let result = try ProcessRunner.run(["site", "c2.yaml", "--out", "site"], in: folder.url)
    #expect(result.status == 1)
    #expect(result.stderr.hasPrefix("b.yaml:2:"))
    let index = read(folder, "site/index.html") ?? ""
    #expect(index.contains("c2/a/index.html"))
    #expect(!index.contains("c2/b/"))
    let page = read(folder, "site/c2/a/index.html") ?? ""
    #expect(!page.contains("b/index.html"))
    #expect(!folder.listing().contains { $0.hasPrefix("site/c2/b") })

    let only = try ProcessRunner.run(["site", "b.yaml", "--out", "lone"], in: folder.url)
    #expect(only.status == 1)
    #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("lone").path))
  }

  @Test("--watch goes on watching a folder that is removed and made again")
  func watchRecreatedFolder() throws {
    let folder = try Self.folder()
    defer { folder.cleanUp() }
    try folder.write("lessons/a.yaml", Self.lesson)
    let process = try ProcessRunner.start(
      ["build", "lessons", "--out", "out", "--watch"], in: folder.url,
      log: folder.url.appendingPathComponent("log.txt"))
    defer {
      if process.isRunning { kill(process.processIdentifier, SIGKILL) }
      process.waitUntilExit()
    }
    func waitFor(_ what: () -> Bool) -> Bool { ProcessRunner.waitFor(seconds: 30, what) }
    #expect(waitFor { read(folder, "log.txt")?.contains("watching for changes") == true })
    let lessons = folder.url.appendingPathComponent("lessons")
    try FileManager.default.removeItem(at: lessons)
    try FileManager.default.createDirectory(at: lessons, withIntermediateDirectories: false)
    try folder.write("lessons/a.yaml", Self.lesson.replacingOccurrences(of: "2", with: "7"))
    #expect(
      waitFor { read(folder, "out/a/trace.json")?.contains("\"grad\": 7") == true },
      "\(read(folder, "log.txt") ?? "")")
    process.terminate()
    #expect(waitFor { !process.isRunning })
  }

  @Test("build and site started together into a new folder: one claims it, the other is refused")
  func buildAndSiteAtOnce() throws {
    let folder = try Self.folder()
    defer { folder.cleanUp() }
    for round in 0..<3 {
      let out = "out\(round)"
      let results = try ProcessRunner.runConcurrently(
        [["build", "a.yaml", "--out", out], ["site", "a.yaml", "--out", out]], in: folder.url)
      let refused = results.filter { $0.stderr.contains("holds the output of lessongen") }
      #expect(refused.count == 1, "round \(round): \(results.map(\.stderr))")
      #expect(results.filter { $0.status == 0 }.count == 1)
      let files = folder.listing().filter { $0.hasPrefix(out + "/") }
      let isSite = files.contains(out + "/index.html")
      // Either a site (its page in the lesson folder) or a build (the handout), not both.
      #expect(files.contains(out + "/a/index.html") == isSite, "\(files)")
      #expect(files.contains(out + "/a/a.pdf") == !isSite, "\(files)")
    }
  }

  @Test("a lesson file named with a newline: the others build, it fails located and escaped")
  func newlineInFolder() throws {
    let folder = try Self.folder()
    defer { folder.cleanUp() }
    try folder.write("mix/a.yaml", Self.lesson)
    try folder.write("mix/t\nb.yaml", Self.lesson)
    let result = try ProcessRunner.run(["build", "mix", "--out", "out"], in: folder.url)
    #expect(result.status == 1)
    #expect(
      result.stderr
        == "mix/t<U+000A>b.yaml:1:1: error: the lesson id 't<U+000A>b' (the file name) must "
        + "match [a-z0-9][a-z0-9-]*\ntitle: A\n^\n", "\(result.stderr)")
    #expect(!result.stderr.contains("t\nb"))
    #expect(folder.listing().contains("out/a/a.pdf"))
  }

  @Test("a course handout recorded as about to be replaced is still lessongen's")
  func recordBeforeReplacing() throws {
    let folder = try Self.folder()
    defer { folder.cleanUp() }
    #expect(try ProcessRunner.run(["build", "c.yaml", "--out", "out"], in: folder.url).status == 0)
    // As a run stopped between putting a new handout in place and its final record leaves
    // it: the manifest accepts the old bytes and the new, the file holds the new.
    let root = OutputRoot(folder.url.appendingPathComponent("out").path)
    var manifest = try BuildManifest.read(in: root)
    let new = Data("a handout from a stopped run".utf8)
    manifest.accept("c/c.pdf", BuildManifest.fingerprint([new]))
    try BuildManifest.update(in: root, kind: "build") { $0 = manifest }
    try new.write(to: folder.url.appendingPathComponent("out/c/c.pdf"))
    try folder.write("a.yaml", Self.lesson.replacingOccurrences(of: "2", with: "5"))
    let again = try ProcessRunner.run(["build", "c.yaml", "--out", "out"], in: folder.url)
    #expect(again.status == 0, "\(again.stderr)")
    #expect(read(folder, "out/c/c.pdf") != "a handout from a stopped run")
  }

  @Test("exercises turned off: the course's exercise handout lessongen wrote is removed")
  func staleExerciseHandout() throws {
    let folder = try Self.folder()
    defer { folder.cleanUp() }
    try folder.write("c.yaml", "title: C\nexercise: true\nlessons:\n  - a.yaml\n")
    #expect(try ProcessRunner.run(["build", "c.yaml", "--out", "out"], in: folder.url).status == 0)
    #expect(folder.listing().contains("out/c/c-exercise.pdf"))
    try folder.write("c.yaml", Self.course)
    #expect(try ProcessRunner.run(["build", "c.yaml", "--out", "out"], in: folder.url).status == 0)
    #expect(!folder.listing().contains("out/c/c-exercise.pdf"))
    #expect(folder.listing().contains("out/c/c.pdf"))
  }

  @Test("a course whose lesson fails prints that lesson's diagnostics once")
  func diagnosticsOnce() throws {
    let folder = try Self.folder()
    defer { folder.cleanUp() }
    try folder.write("a.yaml", "title: A\nfunction: y = x *\ninputs:\n  x: 1\n")
    let result = try ProcessRunner.run(["build", "c.yaml", "--out", "out"], in: folder.url)
    #expect(result.status == 1)
    #expect(result.stderr.components(separatedBy: "error:").count == 2, "\(result.stderr)")
  }
}
