import Foundation
public import Testing

/// The test suite's two tiers and its random samples, set from the environment:
///
/// - `LESSONGEN_TEST_TIER=fast` (set by `Scripts/test.sh --fast`): tests that start a program
///   `Scripts/install-test-tools.sh` or `Scripts/install-dependencies.sh` installs (poppler,
///   Graphviz, cmark-gfm, Chromium, MkDocs, pandoc, Python) are skipped.
/// - `LESSONGEN_TEST_SAMPLES=N`: how many random samples each random-sample test draws
///   (each names its moderate default); `LESSONGEN_TEST_SEED=S`: the seed they draw from
///   (each has its own fixed default, so that a run is repeatable unless asked otherwise).
public enum TestTier {
  /// Whether this run is the fast tier.
  public static var isFast: Bool {
    ProcessInfo.processInfo.environment["LESSONGEN_TEST_TIER"] == "fast"
  }

  /// The number of random samples to draw: `LESSONGEN_TEST_SAMPLES` when set to a positive
  /// number, else `moderate`.
  public static func samples(_ moderate: Int) -> Int {
    ProcessInfo.processInfo.environment["LESSONGEN_TEST_SAMPLES"].flatMap { Int($0) }
      .flatMap { $0 > 0 ? $0 : nil } ?? moderate
  }

  /// The seed to draw random samples from: `LESSONGEN_TEST_SEED` when set, else `fixed`.
  public static func seed(_ fixed: UInt64) -> UInt64 {
    ProcessInfo.processInfo.environment["LESSONGEN_TEST_SEED"].flatMap { UInt64($0) } ?? fixed
  }
}

extension Trait where Self == ConditionTrait {
  /// Marks a test or suite that runs a program from outside the package (see ``TestTier``):
  /// it runs in the full suite, and is skipped by `Scripts/test.sh --fast`.
  public static var externalTools: Self {
    .enabled(
      if: !TestTier.isFast,
      "runs tools from outside the package; skipped by Scripts/test.sh --fast")
  }
}
