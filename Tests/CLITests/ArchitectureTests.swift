import Foundation
import Testing

/// docs/ARCHITECTURE.md's table of targets is kept true: every `import` in a target's sources
/// is one the table allows it, and every source folder has a row.
@Suite("Architecture")
struct ArchitectureTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// The table's rows: each target named in the first column, with the modules of the last.
  static func allowedImports() throws -> [String: Set<String>] {
    let text = try String(
      contentsOf: root.appendingPathComponent("docs/ARCHITECTURE.md"), encoding: .utf8)
    guard let start = text.range(of: "## Targets") else { return [:] }
    var allowed: [String: Set<String>] = [:]
    for line in text[start.upperBound...].split(separator: "\n") {
      if line.hasPrefix("## ") { break }
      let cells = line.split(separator: "|", omittingEmptySubsequences: false)
        .map { $0.trimmingCharacters(in: .whitespaces) }
      guard cells.count >= 5, cells[1].hasPrefix("`") else { continue }
      let names = cells[1].split(separator: ",").map {
        $0.trimmingCharacters(in: CharacterSet(charactersIn: " `"))
      }
      let modules = Set(
        cells[3].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
          .filter { $0 != "—" && !$0.isEmpty })
      for name in names { allowed[name] = modules }
    }
    return allowed
  }

  /// The modules a Swift file imports.
  static func imports(of file: URL) throws -> Set<String> {
    let text = try String(contentsOf: file, encoding: .utf8)
    var modules: Set<String> = []
    for line in text.split(separator: "\n") {
      var words = line.split(separator: " ").map(String.init)
      while let first = words.first,
        ["@testable", "@_exported", "public", "internal", "package", "private", "fileprivate"]
          .contains(first)
      {
        words.removeFirst()
      }
      guard words.count >= 2, words[0] == "import" else { continue }
      // The platform's C library, whichever it is, counts as Glibc.
      let module = words[words.count - 1]
      modules.insert(["Musl", "Darwin"].contains(module) ? "Glibc" : module)
    }
    return modules
  }

  @Test("every target imports only what docs/ARCHITECTURE.md allows it")
  func importsAreAllowed() throws {
    let allowed = try Self.allowedImports()
    #expect(allowed.count >= 15, "the table of targets was not found")
    let sources = Self.root.appendingPathComponent("Sources")
    let folders = try FileManager.default.contentsOfDirectory(atPath: sources.path).sorted()
    for folder in folders {
      let target = folder == "LessonFuzz" ? "lessongen-fuzz" : folder
      guard let modules = allowed[target] else {
        Issue.record("Sources/\(folder) has no row in docs/ARCHITECTURE.md's table of targets")
        continue
      }
      let files = FileManager.default.enumerator(
        atPath: sources.appendingPathComponent(folder).path)
      while let path = files?.nextObject() as? String {
        guard path.hasSuffix(".swift") else { continue }
        let file = sources.appendingPathComponent(folder).appendingPathComponent(path)
        for module in try Self.imports(of: file).subtracting(modules) {
          Issue.record(
            "Sources/\(folder)/\(path) imports \(module), which the table does not allow")
        }
      }
    }
  }

  /// The most lines of Swift a target may hold: past it, a target has more than one purpose.
  static let targetLines = 2_500

  @Test("no target has more than 2,500 lines of Swift")
  func targetsSmall() throws {
    let sources = Self.root.appendingPathComponent("Sources")
    let folders = try FileManager.default.contentsOfDirectory(atPath: sources.path).sorted()
    var measured = 0
    for folder in folders {
      var lines = 0
      let files = FileManager.default.enumerator(
        atPath: sources.appendingPathComponent(folder).path)
      while let path = files?.nextObject() as? String {
        guard path.hasSuffix(".swift") else { continue }
        let text = try String(
          contentsOf: sources.appendingPathComponent(folder).appendingPathComponent(path),
          encoding: .utf8)
        lines += text.split(separator: "\n", omittingEmptySubsequences: false).count - 1
      }
      measured += 1
      #expect(lines <= Self.targetLines, "Sources/\(folder) has \(lines) lines")
    }
    #expect(measured == folders.count && measured >= 15)
  }

  /// Adding an op touches its descriptor, its enum case and its test samples (issue 23):
  /// the code names each op case in at most three source files (its case and descriptor in
  /// Op.swift, its descriptor's file, and for an operator the grammar's sign). Elsewhere the
  /// descriptor's traits say what an op does (`multipliesMatrices`, `tensor`).
  @Test("each op is named in at most 3 source files")
  func opsNamedInFewFiles() throws {
    let sources = Self.root.appendingPathComponent("Sources")
    var files: [String: String] = [:]
    let walk = FileManager.default.enumerator(atPath: sources.path)
    while let path = walk?.nextObject() as? String {
      guard path.hasSuffix(".swift") else { continue }
      files[path] = try String(
        contentsOf: sources.appendingPathComponent(path), encoding: .utf8)
    }
    // The ops of vectors and matrices. The arithmetic ops are also the parts composites are
    // built from (sigmoid of ×, exp, +, /) and the grammar's signs, so they are named more.
    let ops = [
      "matmul", "affine", "softmax", "crossEntropy", "sumAxis", "mean", "repeatRows",
      "softmaxWithLoss",
    ]
    for op in ops {
      // `.matmul` as an expression, not `words.matmul` or numpy's `np.matmul`.
      let pattern = try Regex("[^\\w.]\\.\(op)\\b")
      let naming = files.filter { $0.value.contains(pattern) }.keys.sorted()
      #expect(!naming.isEmpty, "\(op) is named nowhere: the pattern is stale")
      #expect(naming.count <= 3, ".\(op) is named in \(naming.count) files: \(naming)")
    }
  }
}
