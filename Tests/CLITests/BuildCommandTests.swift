import Foundation
import Testing

/// `lessongen build`: many lessons, again only what changed.
@Suite("build command")
struct BuildCommandTests {
  static let square = "title: Square\nfunction: y = x * x\ninputs: {x: 3}\n"
  static let sigmoid = "title: Sigmoid\nfunction: y = sigmoid(x)\ninputs: {x: 1}\n"

  /// A folder `lessons/` with two lessons, built once into `out/`.
  static func built() throws -> TemporaryFolder {
    let folder = try TemporaryFolder()
    try folder.write("lessons/square.yaml", square)
    try folder.write("lessons/sig.yaml", sigmoid)
    let first = try ProcessRunner.run(["build", "lessons", "--out", "out"], in: folder.url)
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stdout.contains("2 built, 0 unchanged"), "\(first.stdout)")
    return folder
  }

  @Test("every lesson of a folder goes to DIR/<id>/ as lessongen LESSON writes it")
  func buildsAll() throws {
    let folder = try Self.built()
    defer { folder.cleanUp() }
    let files = folder.listing()
    #expect(files.contains("out/square/square.pdf") && files.contains("out/sig/trace.json"))
    #expect(files.contains("out/.lessongen/manifest.json"))
    // The same files, byte for byte, as the one-lesson command.
    let single = try ProcessRunner.run(["lessons/square.yaml", "--out", "one"], in: folder.url)
    #expect(single.status == 0)
    for path in files where path.hasPrefix("out/square/") {
      let a = try Data(contentsOf: folder.url.appendingPathComponent(path))
      let b = try Data(
        contentsOf: folder.url.appendingPathComponent("one/" + path.dropFirst("out/".count)))
      #expect(a == b, "\(path)")
    }
  }

  @Test("nothing changed: nothing is written, the manifest included")
  func nothingChanged() throws {
    let folder = try Self.built()
    defer { folder.cleanUp() }
    let before = try FileIdentity.all(in: folder)
    let again = try ProcessRunner.run(["build", "lessons", "--out", "out"], in: folder.url)
    #expect(again.status == 0)
    #expect(again.stdout.contains("0 built, 2 unchanged"), "\(again.stdout)")
    #expect(try FileIdentity.all(in: folder) == before)
  }

  @Test("one lesson edited: only it is built again")
  func oneEdited() throws {
    let folder = try Self.built()
    defer { folder.cleanUp() }
    let before = try FileIdentity.all(in: folder)
    try folder.write("lessons/square.yaml", Self.square.replacingOccurrences(of: "3", with: "4"))
    let again = try ProcessRunner.run(["build", "lessons", "--out", "out"], in: folder.url)
    #expect(again.stdout.contains("1 built, 1 unchanged"), "\(again.stdout)")
    let after = try FileIdentity.all(in: folder)
    for (path, identity) in before where path.hasPrefix("out/sig/") {
      #expect(after[path] == identity, "\(path) was written")
    }
    let trace = try String(
      contentsOf: folder.url.appendingPathComponent("out/square/trace.json"), encoding: .utf8)
    #expect(trace.contains("16"))
  }

  @Test("options changed, or another lessongen: everything is built again")
  func optionsAndVersion() throws {
    let folder = try Self.built()
    defer { folder.cleanUp() }
    let styled = try ProcessRunner.run(
      ["build", "lessons", "--out", "out", "--style", "cs231n"], in: folder.url)
    #expect(styled.stdout.contains("2 built, 0 unchanged"), "\(styled.stdout)")
    // A copy of the binary stands for a new lessongen (another file, another time).
    let copy = folder.url.appendingPathComponent("bin/lessongen")
    try FileManager.default.createDirectory(
      at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: ProcessRunner.binary, to: copy)
    let upgraded = try ProcessRunner.run(
      ["build", "lessons", "--out", "out", "--style", "cs231n"], in: folder.url, binary: copy)
    #expect(upgraded.stdout.contains("2 built, 0 unchanged"), "\(upgraded.stdout)")
  }

  @Test(
    "a broken lesson among good ones: located errors, the others built, its old output kept, exit 1"
  )
  func brokenAmongGood() throws {
    let folder = try Self.built()
    defer { folder.cleanUp() }
    let before = try FileIdentity.all(in: folder)
    try folder.write("lessons/square.yaml", "title: Square\nfunction: y = x *\ninputs: {x: 3}\n")
    try folder.write("lessons/third.yaml", "title: Third\nfunction: y = x + 1\ninputs: {x: 2}\n")
    let run = try ProcessRunner.run(["build", "lessons", "--out", "out"], in: folder.url)
    #expect(run.status == 1)
    #expect(run.stderr.contains("lessons/square.yaml:2:"), "\(run.stderr)")
    #expect(run.stderr.contains("error:"))
    #expect(
      run.stdout.contains("1 built, 1 unchanged, 1 failed: lessons/square.yaml"), "\(run.stdout)")
    let after = try FileIdentity.all(in: folder)
    for (path, identity) in before where path.hasPrefix("out/square/") {
      #expect(after[path] == identity, "\(path) of the failed lesson changed")
    }
    #expect(after["out/third/trace.json"] != nil)
  }

  @Test("a path that names nothing is an error before anything is built")
  func missingPath() throws {
    let folder = try TemporaryFolder()
    defer { folder.cleanUp() }
    let run = try ProcessRunner.run(["build", "nowhere", "--out", "out"], in: folder.url)
    #expect(run.status == 1)
    #expect(run.stderr.contains("nowhere: error: no such file or folder"))
    #expect(folder.listing().isEmpty)
  }

  @Test("two lessons with one id are an error before anything is built")
  func sameID() throws {
    let folder = try TemporaryFolder()
    defer { folder.cleanUp() }
    try folder.write("a/square.yaml", Self.square)
    try folder.write("b/square.yaml", Self.square)
    let run = try ProcessRunner.run(["build", "a", "b", "--out", "out"], in: folder.url)
    #expect(run.status == 1)
    #expect(
      run.stderr.contains(
        "b/square.yaml:1:1: error: another lesson, a/square.yaml, has the id 'square'"),
      "\(run.stderr)"
    )
    #expect(!folder.listing().contains { $0.hasPrefix("out/") })
  }

  @Test("--watch builds again when a lesson is saved, within a fraction of a second")
  func watch() throws {
    let folder = try TemporaryFolder()
    defer { folder.cleanUp() }
    try folder.write("lessons/square.yaml", Self.square)
    let log = folder.url.appendingPathComponent("log.txt")
    let process = try ProcessRunner.start(
      ["build", "lessons", "--out", "out", "--watch"], in: folder.url, log: log)
    defer {
      if process.isRunning { kill(process.processIdentifier, SIGKILL) }
      process.waitUntilExit()
    }
    let trace = folder.url.appendingPathComponent("out/square/trace.json")
    func waitFor(_ what: () -> Bool) -> Bool { ProcessRunner.waitFor(what) }
    let watching = waitFor {
      (try? String(contentsOf: log, encoding: .utf8))?.contains("watching for changes") == true
    }
    #expect(watching, "\((try? String(contentsOf: log, encoding: .utf8)) ?? "")")
    // Save an edit as an editor does: a new file renamed over the old one.
    try folder.write("lessons/square.yaml", Self.square.replacingOccurrences(of: "3", with: "5"))
    let rebuilt = waitFor {
      (try? String(contentsOf: trace, encoding: .utf8))?.contains("25") == true
    }
    // How soon is measured by Scripts/bench.py (watch rebuild), not here.
    #expect(rebuilt, "\((try? String(contentsOf: log, encoding: .utf8)) ?? "")")
    // A broken save is reported, and the watch goes on.
    try folder.write("lessons/square.yaml", "title: Square\nfunction: y = x *\ninputs: {x: 3}\n")
    #expect(
      waitFor { (try? String(contentsOf: log, encoding: .utf8))?.contains("1 failed") == true })
    #expect(process.isRunning)
    // SIGTERM ends the watch (even with the signal blocked by whoever started it).
    process.terminate()
    #expect(waitFor { !process.isRunning })
  }
}
