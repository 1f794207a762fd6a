import ArgumentParser
import OutputStore

#if canImport(Glibc)
  import Glibc
#endif

extension BuildManifest {
  /// The manifest of `root` for a run of `kind` (`build` or `site`), or the run's end: what
  /// is wrong printed as one line (a link, a folder of the other command's), exit status 1.
  static func opened(in root: OutputRoot, for kind: String) throws -> BuildManifest {
    do {
      let manifest = try read(in: root)
      try manifest.checkKind(kind, root: root)
      return manifest
    } catch {
      Terminal.printError("error: \(error)")
      throw ExitCode.failure
    }
  }

  /// Claims a folder that has no manifest yet for a run of `kind`, before anything is
  /// written, so that a `build` and a `site` started together into a new folder do not mix;
  /// ends the run (exit status 1) when the other claimed it first.
  static func claim(_ root: OutputRoot, for kind: String) throws {
    do { try update(in: root, kind: kind) { _ in } } catch {
      Terminal.printError("error: \(error)")
      throw ExitCode.failure
    }
  }

  /// What identifies this lessongen: its version and its executable's size and time, so a
  /// rebuilt or upgraded lessongen builds everything again.
  static var toolIdentity: String {
    let version = LessongenCommand.configuration.version
    var info = stat()
    guard stat("/proc/self/exe", &info) == 0 else { return version }
    return version + "+\(info.st_size)-\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
  }
}
