import Foundation

#if canImport(Glibc)
  import CSystem
  import Glibc
#endif

/// What `build` and `site` check before they write anything: every folder and file they are
/// about to write lies inside `--out` with no symbolic link on the way, every lesson folder
/// there is lessongen's own output and holds nothing of the user's, and every single file
/// they would replace (a course's handout, a site's `index.html`) is one lessongen wrote and
/// nobody changed since. Any problem is reported and nothing at all is written.
public enum OutputPreflight {
  /// One problem a line; empty when the run may write.
  ///
  /// - Parameters:
  ///   - folders: lesson folders, relative to the root, that the run replaces whole.
  ///   - files: single files, relative to the root, that the run replaces, each with the
  ///     manifest key a format-1 manifest recorded it under.
  public static func problems(
    root: OutputRoot, manifest: BuildManifest, folders: [String],
    files: [(relative: String, key: String?)]
  ) -> [String] {
    var problems: [String] = []
    var reported: Set<String> = []
    func report(_ problem: String) {
      if reported.insert(problem).inserted { problems.append(problem) }
    }
    var info = stat()
    for relative in folders {
      if let problem = root.problemOnTheWay(to: relative) {
        report(problem)
        continue
      }
      guard lstat(root.path(relative), &info) == 0 else { continue }
      do {
        _ = try OutputFolder.existingFolder(root.path(relative))
      } catch {
        report("\(error)")
      }
    }
    for (relative, key) in files {
      if let problem = root.problemOnTheWay(to: relative) {
        report(problem)
        continue
      }
      if !manifest.owns(relative, in: root, key: key) {
        report(
          "\(root.path(relative)) was not written by lessongen, or was changed since (no record "
            + "of it in \(root.path(BuildManifest.file))), and lessongen would replace it; move "
            + "it away or choose another --out")
      }
    }
    return problems
  }
}
