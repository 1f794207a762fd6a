import Foundation
import Testing

@testable import LessonCLI
@testable import OutputStore

/// The output folder is replaced all at once, never written through a link, and shared
/// safely by concurrent runs (issue: never crash, never lose or leak a file).
@Suite("Output folder")
struct OutputFolderTests {
  /// Inode and modification time (nanoseconds) of every file below `folder`, by path.
  static func identities(_ folder: URL) -> [String: [Int]] {
    var result: [String: [Int]] = [:]
    let base = folder.standardizedFileURL.path
    let enumerator = FileManager.default.enumerator(atPath: base)
    while let path = enumerator?.nextObject() as? String {
      var info = stat()
      guard lstat(base + "/" + path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
        continue
      }
      result[path] = [
        Int(info.st_ino), Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec), Int(info.st_size),
      ]
    }
    return result
  }

  /// Every file below `folder` with its bytes.
  static func contents(_ folder: URL) -> [String: Data] {
    var result: [String: Data] = [:]
    let base = folder.standardizedFileURL.path
    let enumerator = FileManager.default.enumerator(atPath: base)
    while let path = enumerator?.nextObject() as? String {
      if let data = FileManager.default.contents(atPath: base + "/" + path) {
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(
          atPath: base + "/" + path, isDirectory: &isFolder)
        if exists && !isFolder.boolValue { result[path] = data }
      }
    }
    return result
  }

  /// The files of a run: the given ones and a `trace.json`, which marks lessongen's output.
  static func files(_ pairs: [(String, String)]) -> [Artifacts.File] {
    (pairs + [("trace.json", "{}")]).map { Artifacts.File(path: $0.0, contents: Data($0.1.utf8)) }
  }

  /// Names in `folder` other than the lesson folders: private folders a run forgot to
  /// remove.
  static func leftovers(_ folder: URL, keeping: Set<String>) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { !keeping.contains($0) }.sorted()
  }

  @Test("a rerun with the same files touches nothing; changed files only are new")
  func unchangedFilesKeepInodeAndDate() throws {
    let root = try TemporaryFolder()
    defer { root.cleanUp() }
    let target = root.url.appendingPathComponent("lesson")
    let first = Self.files([("a.md", "alpha"), ("figures/g.svg", "<svg/>"), ("t.json", "{}")])
    #expect(try OutputFolder(target).write(first) == .replaced)
    let before = Self.identities(target)
    #expect(before.count == 4)
    #expect(try OutputFolder(target).write(first) == .unchanged)
    #expect(Self.identities(target) == before)

    let second = Self.files([
      ("a.md", "alpha"), ("figures/g.svg", "<svg>2</svg>"), ("t.json", "{}"),
    ])
    #expect(try OutputFolder(target).write(second) == .replaced)
    let after = Self.identities(target)
    #expect(after["a.md"] == before["a.md"])
    #expect(after["t.json"] == before["t.json"])
    #expect(after["figures/g.svg"]?[0] != before["figures/g.svg"]?[0])
    #expect(try Self.leftovers(root.url, keeping: ["lesson"]) == [])
  }

  @Test("files the new run does not make are removed")
  func staleFilesRemoved() throws {
    let root = try TemporaryFolder()
    defer { root.cleanUp() }
    let target = root.url.appendingPathComponent("lesson")
    try OutputFolder(target).write(
      Self.files([("a.md", "a"), ("figures/step-01.png", "1"), ("figures/step-02.png", "2")]))
    try OutputFolder(target).write(Self.files([("a.md", "a"), ("figures/graph.png", "g")]))
    #expect(Set(Self.contents(target).keys) == ["a.md", "figures/graph.png", "trace.json"])
  }

  @Test("a write that fails midway leaves the folder exactly as it was")
  func failureMidway() throws {
    let root = try TemporaryFolder()
    defer { root.cleanUp() }
    let target = root.url.appendingPathComponent("lesson")
    let old = Self.files([("a.md", "old a"), ("b.md", "old b"), ("figures/f.svg", "old f")])
    try OutputFolder(target).write(old)
    let before = Self.identities(target)
    let beforeBytes = Self.contents(target)
    let new = Self.files([
      ("a.md", "new a"), ("b.md", "new b"), ("figures/f.svg", "new f"), ("c.md", "new c"),
    ])
    for failAfter in 0..<new.count {
      #expect(throws: OutputError.self) {
        try OutputFolder(target).write(new, failAfter: failAfter)
      }
      #expect(Self.identities(target) == before)
      #expect(Self.contents(target) == beforeBytes)
      #expect(try Self.leftovers(root.url, keeping: ["lesson"]) == [])
    }
  }

  @Test("a symlinked lesson folder or figures folder is refused, its target untouched")
  func symlinkedFoldersRefused() throws {
    let root = try TemporaryFolder()
    defer { root.cleanUp() }
    let elsewhere = root.url.appendingPathComponent("elsewhere")
    try root.write("elsewhere/keep.txt", "mine")
    let target = root.url.appendingPathComponent("lesson")
    try FileManager.default.createSymbolicLink(at: target, withDestinationURL: elsewhere)
    #expect {
      try OutputFolder(target).write(Self.files([("a.md", "a")]))
    } throws: { error in
      "\(error)".contains("is a symbolic link")
    }
    #expect(Self.contents(elsewhere) == ["keep.txt": Data("mine".utf8)])

    let real = root.url.appendingPathComponent("real")
    try OutputFolder(real).write(Self.files([("a.md", "a")]))
    try FileManager.default.createSymbolicLink(
      at: real.appendingPathComponent("figures"), withDestinationURL: elsewhere)
    #expect {
      try OutputFolder(real).write(Self.files([("a.md", "a"), ("figures/g.svg", "g")]))
    } throws: { error in
      "\(error)".contains("figures is a symbolic link")
    }
    #expect(Self.contents(elsewhere) == ["keep.txt": Data("mine".utf8)])
  }

  @Test("a symlink planted inside the folder is replaced, never written through")
  func plantedSymlinkNotFollowed() throws {
    let root = try TemporaryFolder()
    defer { root.cleanUp() }
    try root.write("victim.txt", "precious")
    let victim = root.url.appendingPathComponent("victim.txt")
    let target = root.url.appendingPathComponent("lesson")
    try OutputFolder(target).write(Self.files([("a.md", "a")]))
    // At the names of the files the run writes.
    for name in ["a.md", "b.md"] {
      try? FileManager.default.removeItem(at: target.appendingPathComponent(name))
      try FileManager.default.createSymbolicLink(
        at: target.appendingPathComponent(name), withDestinationURL: victim)
    }
    try OutputFolder(target).write(Self.files([("a.md", "new a"), ("b.md", "new b")]))
    #expect(try String(contentsOf: victim, encoding: .utf8) == "precious")
    var info = stat()
    #expect(lstat(target.appendingPathComponent("a.md").path, &info) == 0)
    #expect(info.st_mode & S_IFMT == S_IFREG)
    #expect(
      Self.contents(target) == [
        "a.md": Data("new a".utf8), "b.md": Data("new b".utf8), "trace.json": Data("{}".utf8),
      ])
    // At a name lessongen does not write (the temporary name older versions used): the
    // folder is not replaced at all, the link's target untouched.
    try FileManager.default.createSymbolicLink(
      at: target.appendingPathComponent(".a.md.partial"), withDestinationURL: victim)
    #expect {
      try OutputFolder(target).write(Self.files([("a.md", "newer a")]))
    } throws: { error in
      "\(error)".contains("lesson/.a.md.partial is not a file lessongen writes")
    }
    #expect(try String(contentsOf: victim, encoding: .utf8) == "precious")
    #expect(Self.contents(target)["a.md"] == Data("new a".utf8))
  }

  @Test("--out at a file, or at a folder that cannot be written, names it; no Foundation dump")
  func unwritableOut() throws {
    let folder = try TemporaryFolder()
    defer { folder.cleanUp() }
    try folder.write("plain-file", "x")
    let atFile = try ProcessRunner.run(["sigmoid", "--out", "plain-file"], in: folder.url)
    #expect(atFile.status == 1)
    #expect(atFile.stderr.hasPrefix("error: cannot write into "))
    #expect(atFile.stderr.contains("plain-file: it is a file, not a folder"))
    let proc = try ProcessRunner.run(["sigmoid", "--out", "/proc/self"], in: folder.url)
    #expect(proc.status == 1)
    #expect(proc.stderr.hasPrefix("error: "))
    #expect(proc.stderr.contains("/proc/self"))
    for result in [atFile, proc] {
      #expect(!result.stderr.contains("NSCocoaErrorDomain"))
      #expect(!result.stderr.contains("UserInfo"))
    }
  }

  @Test("20 rounds of two concurrent runs on one folder: both succeed, the result is one run's")
  func concurrentRuns() throws {
    let folder = try TemporaryFolder()
    defer { folder.cleanUp() }
    let reference = try ProcessRunner.run(["dlfs-apple", "--out", "ref"], in: folder.url)
    #expect(reference.status == 0)
    let expected = Self.contents(folder.url.appendingPathComponent("ref/dlfs-apple"))
    let otherRun = try ProcessRunner.run(
      ["dlfs-apple", "--out", "ref2", "--set", "apple=150"], in: folder.url)
    #expect(otherRun.status == 0)
    let other = Self.contents(folder.url.appendingPathComponent("ref2/dlfs-apple"))
    #expect(expected != other)
    let target = folder.url.appendingPathComponent("out/dlfs-apple")
    for round in 0..<20 {
      // Even rounds: the same lesson twice; odd rounds: two versions of it.
      let second = round % 2 == 0 ? [] : ["--set", "apple=150"]
      let results = try ProcessRunner.runConcurrently(
        [["dlfs-apple", "--out", "out"], ["dlfs-apple", "--out", "out"] + second],
        in: folder.url)
      for result in results {
        #expect(result.status == 0, "round \(round): \(result.stderr)")
      }
      let got = Self.contents(target)
      #expect(got == expected || got == other, "round \(round): a mix of two runs")
      #expect(
        try Self.leftovers(folder.url.appendingPathComponent("out"), keeping: ["dlfs-apple"]) == [])
    }
  }

  @Test("a folder that is not lessongen's output is refused, not wiped; an empty one is used")
  func foreignFolderRefused() throws {
    let root = try TemporaryFolder()
    defer { root.cleanUp() }
    try root.write("lesson/notes.txt", "my notes")
    let target = root.url.appendingPathComponent("lesson")
    #expect {
      try OutputFolder(target).write(Self.files([("a.md", "a")]))
    } throws: { error in
      "\(error)".contains("is not lessongen's output (it has no trace.json file)")
    }
    #expect(Self.contents(target) == ["notes.txt": Data("my notes".utf8)])
    let empty = root.url.appendingPathComponent("empty")
    try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
    #expect(try OutputFolder(empty).write(Self.files([("a.md", "a")])) == .replaced)
  }

  @Test("private folders a killed run left behind are removed by the next run")
  func leftoversRemoved() throws {
    let root = try TemporaryFolder()
    defer { root.cleanUp() }
    for name in [
      ".lesson.lessongen-AbC123", ".lesson.lessongen-XyZ789.old", ".lesson.keep",
      ".lesson.backup", ".other.lessongen-AbC123",
    ] {
      try FileManager.default.createDirectory(
        at: root.url.appendingPathComponent(name), withIntermediateDirectories: true)
    }
    try OutputFolder(root.url.appendingPathComponent("lesson")).write(Self.files([("a.md", "a")]))
    #expect(
      try Self.leftovers(root.url, keeping: ["lesson"]) == [
        ".lesson.backup", ".lesson.keep", ".other.lessongen-AbC123",
      ])
  }

  @Test(
    "in place (a mount point, a read-only parent): whole files, stale ones gone, no link followed")
  func inPlace() throws {
    let root = try TemporaryFolder()
    defer { root.cleanUp() }
    try root.write("victim.txt", "precious")
    let target = root.url.appendingPathComponent("lesson")
    try OutputFolder(target).write(Self.files([("a.md", "a"), ("figures/old.png", "o")]))
    try FileManager.default.removeItem(at: target.appendingPathComponent("a.md"))
    try FileManager.default.createSymbolicLink(
      at: target.appendingPathComponent("a.md"),
      withDestinationURL: root.url.appendingPathComponent("victim.txt"))
    let unchanged = Self.identities(target)["trace.json"]
    #expect(
      try OutputFolder.writeInPlace(
        Self.files([("a.md", "new a"), ("b/c.md", "c")]), into: target.path, failAfter: nil)
        == .replacedInPlace)
    #expect(
      Self.contents(target) == [
        "a.md": Data("new a".utf8), "b/c.md": Data("c".utf8), "trace.json": Data("{}".utf8),
      ])
    #expect(
      try String(contentsOf: root.url.appendingPathComponent("victim.txt"), encoding: .utf8)
        == "precious")
    #expect(Self.identities(target)["trace.json"] == unchanged)
    #expect(!FileManager.default.fileExists(atPath: target.appendingPathComponent("figures").path))
  }

  @Test("files and folders are made as the umask says (umask 002: 664 and 775)")
  func permissions() throws {
    let folder = try TemporaryFolder()
    defer { folder.cleanUp() }
    let shell = Process()
    shell.executableURL = URL(fileURLWithPath: "/bin/sh")
    shell.arguments = [
      "-c", "umask 002 && exec \"$0\" dlfs-apple --out o >/dev/null", ProcessRunner.binary.path,
    ]
    shell.currentDirectoryURL = folder.url
    try shell.run()
    shell.waitUntilExit()
    #expect(shell.terminationStatus == 0)
    func mode(_ path: String) -> mode_t {
      var info = stat()
      _ = lstat(folder.url.appendingPathComponent(path).path, &info)
      return info.st_mode & 0o777
    }
    #expect(mode("o/dlfs-apple") == 0o775)
    #expect(mode("o/dlfs-apple/figures") == 0o775)
    #expect(mode("o/dlfs-apple/trace.json") == 0o664)
    #expect(mode("o/dlfs-apple/figures/graph.png") == 0o664)
  }
}
