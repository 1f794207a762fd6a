import Foundation

/// Runs the `lessongen` binary the test build produced, in a folder of the test's choice.
struct ProcessRunner {
  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// The repository root, found from this file's path.
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// The debug binary next to the test bundle.
  static var binary: URL {
    let candidates = [
      Bundle.main.bundleURL.appendingPathComponent("lessongen"),
      Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("lessongen"),
      root.appendingPathComponent(".build/debug/lessongen"),
    ]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
      ?? candidates[2]
  }

  static func run(_ arguments: [String], in folder: URL, binary: URL? = nil) throws -> Result {
    try runConcurrently([arguments], in: folder, binary: binary)[0]
  }

  /// Starts every command at once, then waits for all of them.
  static func runConcurrently(_ commands: [[String]], in folder: URL, binary: URL? = nil) throws
    -> [Result]
  {
    var processes: [(Process, URL, URL)] = []
    for arguments in commands {
      let process = Process()
      process.executableURL = binary ?? Self.binary
      process.arguments = arguments
      process.currentDirectoryURL = folder
      // Files, not pipes: a full pipe the test is not reading would block the child.
      let capture = FileManager.default.temporaryDirectory.appendingPathComponent(
        "lessongen-capture-\(UUID().uuidString)")
      let out = capture.appendingPathExtension("out")
      let err = capture.appendingPathExtension("err")
      _ = FileManager.default.createFile(atPath: out.path, contents: nil)
      _ = FileManager.default.createFile(atPath: err.path, contents: nil)
      process.standardOutput = try FileHandle(forWritingTo: out)
      process.standardError = try FileHandle(forWritingTo: err)
      processes.append((process, out, err))
    }
    for (process, _, _) in processes { try process.run() }
    var results: [Result] = []
    for (process, out, err) in processes {
      process.waitUntilExit()
      defer {
        try? FileManager.default.removeItem(at: out)
        try? FileManager.default.removeItem(at: err)
      }
      results.append(
        Result(
          status: process.terminationStatus,
          stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
          stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self)))
    }
    return results
  }
}

/// A fresh temporary folder, removed when the value is released by `cleanUp()`.
struct TemporaryFolder {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "lessongen-test-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  func write(_ name: String, _ text: String) throws {
    let file = url.appendingPathComponent(name)
    try FileManager.default.createDirectory(
      at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try text.write(to: file, atomically: true, encoding: .utf8)
  }

  /// Every file below the folder, as sorted relative paths.
  func listing() -> [String] {
    let base = url.standardizedFileURL.path
    let enumerator = FileManager.default.enumerator(atPath: base)
    var files: [String] = []
    while let path = enumerator?.nextObject() as? String {
      var isDirectory: ObjCBool = false
      let exists = FileManager.default.fileExists(
        atPath: base + "/" + path, isDirectory: &isDirectory)
      if exists && !isDirectory.boolValue { files.append(path) }
    }
    return files.sorted()
  }

  func cleanUp() {
    try? FileManager.default.removeItem(at: url)
  }
}

/// Which file a path names and when it was last written: its inode and its modification
/// time to the nanosecond (`stat`).
struct FileIdentity: Equatable, CustomStringConvertible {
  var inode: UInt64
  var modified: Duration

  init(path: String) throws {
    var info = stat()
    guard stat(path, &info) == 0 else {
      throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path])
    }
    #if canImport(Darwin)
      let time = info.st_mtimespec
    #else
      let time = info.st_mtim
    #endif
    inode = UInt64(info.st_ino)
    modified = .seconds(time.tv_sec) + .nanoseconds(time.tv_nsec)
  }

  var description: String { "inode \(inode), modified \(modified)" }

  /// Waits until a file written now in `folder` gets a later modification time than every one
  /// of `files` (the file system's clock ticks coarsely): from then on, any rewrite of them
  /// shows in its time. Whether that came before the deadline.
  static func clockPassed(_ files: [String: FileIdentity], in folder: TemporaryFolder) -> Bool {
    let latest = files.values.map(\.modified).max() ?? .zero
    let probe = folder.url.appendingPathComponent(".clock-probe").path
    defer { unlink(probe) }
    return ProcessRunner.waitFor {
      _ = FileManager.default.createFile(atPath: probe, contents: Data())
      return ((try? FileIdentity(path: probe))?.modified ?? .zero) > latest
    }
  }

  /// Every file below the folder, by its relative path.
  static func all(in folder: TemporaryFolder) throws -> [String: FileIdentity] {
    var result: [String: FileIdentity] = [:]
    for path in folder.listing() {
      result[path] = try FileIdentity(path: folder.url.appendingPathComponent(path).path)
    }
    return result
  }
}

extension ProcessRunner {
  /// Starts lessongen in `folder` with its output and errors going to `log`, without
  /// waiting for it (a `--watch` that runs until stopped).
  static func start(_ arguments: [String], in folder: URL, log: URL) throws -> Process {
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.currentDirectoryURL = folder
    _ = FileManager.default.createFile(atPath: log.path, contents: nil)
    process.standardOutput = try FileHandle(forWritingTo: log)
    process.standardError = process.standardOutput
    try process.run()
    return process
  }

  /// Waits up to `seconds` for `condition`, looking every 10 ms; whether it came true.
  static func waitFor(seconds: Double = 20, _ condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
      if condition() { return true }
      usleep(10_000)
    }
    return false
  }
}
