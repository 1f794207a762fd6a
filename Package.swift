// swift-tools-version: 6.1
import Foundation
import PackageDescription

/// Every `Lessons/*.yaml`, embedded in the binary as a byte array (`PackageResources`), so
/// the executable needs no resource folder beside it.
let lessonFiles: [Resource] = {
  let folder = Context.packageDirectory + "/Lessons"
  let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
  return names.filter { $0.hasSuffix(".yaml") }.sorted().map { .embedInCode($0) }
}()

/// Upcoming features every target opts into (see docs/ARCHITECTURE.md).
let strictSettings: [SwiftSetting] = [
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("MemberImportVisibility"),
]

/// The targets where the test suite spends its time (layout, scene composition, page layout,
/// PNG encoding), optimised in debug builds too: the suite runs these many times over, and
/// unoptimised they took most of its time. Debugging them steps through optimised code; build
/// with `-Xswiftc -Onone` to step line by line.
let hotSettings: [SwiftSetting] =
  strictSettings + [.unsafeFlags(["-O"], .when(configuration: .debug))]

let package = Package(
  name: "lessongen",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "lessongen", targets: ["lessongen"])
  ],
  dependencies: [
    .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
    .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
  ],
  targets: [
    // Formulas as data (the symbolic gradients, labels and equations) and their tidying.
    .target(name: "FormulaModel", swiftSettings: strictSettings),
    // Shaped values: numbers, vectors and matrices (numpy's shapes, broadcasting, lanes along
    // an axis) and the axis parameter of the ops that work along one.
    .target(name: "TensorModel", swiftSettings: strictSettings),
    // Pure Swift: the ops, the graph, forward and backward passes; each op's rules stated as
    // formulas.
    .target(
      name: "GraphEngine", dependencies: ["FormulaModel", "TensorModel"],
      swiftSettings: strictSettings),
    // Formulas written out: Unicode and Pango markup (one linear writer, two dialects), LaTeX
    // and MathML.
    .target(
      name: "FormulaWriting", dependencies: ["GraphEngine"], swiftSettings: strictSettings),
    // The lessons' expression language: tokens, parser, program, and the graph built from it.
    .target(
      name: "ExpressionLanguage", dependencies: ["GraphEngine"], swiftSettings: strictSettings),
    // The built-in lessons (Lessons/*.yaml), compiled in as resources.
    .target(
      name: "BuiltinLessons",
      path: "Lessons",
      exclude: ["README.md"],
      resources: lessonFiles,
      swiftSettings: strictSettings
    ),
    // Lesson files: YAML with source locations, diagnostics, the trace JSON.
    .target(
      name: "LessonKit",
      dependencies: [
        "FormulaWriting",
        "GraphEngine", "ExpressionLanguage", "BuiltinLessons",
        .product(name: "Yams", package: "Yams"),
      ],
      swiftSettings: strictSettings
    ),
    // A layered left-to-right (or bottom-to-top) layout: pure geometry.
    .target(name: "GraphLayout", swiftSettings: hotSettings),
    // Everything worked out about a lesson before anything is written: evaluations, labels,
    // composite chains, the numeric check, the figures to draw.
    .target(
      name: "Analysis",
      dependencies: ["FormulaWriting", "LessonKit", "ExpressionLanguage", "GraphEngine"],
      swiftSettings: strictSettings),
    // The tensor walk-through's sentence catalogues (English, Korean) and Korean particles:
    // words that need nothing but the graph engine.
    .target(
      name: "TensorWording", dependencies: ["GraphEngine"], swiftSettings: strictSettings),
    // The walk-through: document model, generated prose, Markdown.
    .target(
      name: "Explain",
      dependencies: ["FormulaWriting", "Analysis", "LessonKit", "GraphEngine", "TensorWording"],
      swiftSettings: strictSettings),
    // C libraries, found with pkg-config: Cairo, Pango and fontconfig for CairoBackend only,
    // zlib for PNGCodec.
    .systemLibrary(
      name: "CCairo",
      pkgConfig: "cairo",
      providers: [.apt(["libcairo2-dev"])]
    ),
    .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
    .systemLibrary(
      name: "CFontconfig", pkgConfig: "fontconfig", providers: [.apt(["libfontconfig-dev"])]),
    // glibc calls the Glibc module lacks (mallopt, renameat2), for the command line.
    .systemLibrary(name: "CSystem"),
    .systemLibrary(
      name: "CPangoCairo",
      pkgConfig: "pangocairo",
      providers: [.apt(["libpango1.0-dev"])]
    ),
    // PNG files from RGB scanlines: a DEFLATE encoder for figure-like images (pure Swift,
    // zlib only for the chunks' CRC).
    .target(name: "PNGCodec", dependencies: ["CZlib"], swiftSettings: hotSettings),
    // The display list, pure Swift: Scene (figures and pages), its crops, cuts and dark
    // variant, Color, Font and the TextMeasuring protocols.
    .target(
      name: "Drawing", dependencies: ["GraphEngine", "GraphLayout"], swiftSettings: hotSettings),
    // A walk-through's Document written out: Markdown (with its math flavours), HTML with
    // MathML, a site's pages and contents.
    .target(
      name: "Publishing", dependencies: ["FormulaWriting", "Explain", "Analysis", "GraphEngine"],
      swiftSettings: strictSettings),
    // Formulas typeset as a textbook sets them (fractions, scripts, radicals), pure Swift.
    .target(
      name: "MathTypesetting",
      dependencies: ["FormulaWriting", "Drawing", "GraphEngine", "GraphLayout"],
      swiftSettings: strictSettings),
    // Figure composition, pure Swift: Diagram → Scene (display list) per Theme, via TextMeasuring.
    .target(
      name: "Figures",
      dependencies: ["FormulaWriting", "Analysis", "Drawing", "GraphEngine", "GraphLayout"],
      swiftSettings: hotSettings),
    // Handout typesetting (text, math) and pagination, pure Swift: Document → pages as Scenes.
    .target(
      name: "Handout",
      dependencies: [
        "FormulaWriting",
        "Drawing", "Figures", "MathTypesetting", "Analysis", "Explain", "GraphEngine",
        "GraphLayout",
      ],
      swiftSettings: hotSettings),
    // The drawing backend, the only user of Cairo, Pango and fontconfig: Scenes → PDF/PNG/SVG.
    .target(
      name: "CairoBackend",
      dependencies: [
        "Drawing", "Figures", "Handout", "Analysis", "GraphLayout", "PNGCodec", "CCairo",
        "CPangoCairo", "CFontconfig",
      ],
      swiftSettings: strictSettings
    ),
    // The output folder: written all at once (atomic swap, locks), every path below --out
    // checked, and the build manifest that says what is unchanged.
    .target(
      name: "OutputStore", dependencies: ["LessonKit", "CSystem"], swiftSettings: strictSettings),
    // The commands, as a library so tests can call them without a process.
    .target(
      name: "LessonCLI",
      dependencies: [
        "FormulaWriting",
        "LessonKit", "GraphEngine", "ExpressionLanguage", "Analysis", "Drawing", "Figures",
        "Handout", "CairoBackend", "Explain", "Publishing", "GraphLayout", "OutputStore",
        "CSystem", "TensorWording",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: strictSettings
    ),
    .executableTarget(
      name: "lessongen", dependencies: ["LessonCLI"], swiftSettings: strictSettings),
    // libFuzzer over loading, compiling and laying out a lesson (Scripts/fuzz.sh builds it
    // with --sanitize fuzzer -DFUZZING; built plainly, it replays the files it is given).
    .executableTarget(
      name: "lessongen-fuzz", dependencies: ["LessonCLI"], path: "Sources/LessonFuzz",
      swiftSettings: strictSettings),
    // What test targets share: the tiers (Scripts/test.sh --fast) and random samples.
    .target(name: "TestSupport", path: "Tests/TestSupport", swiftSettings: strictSettings),
    .testTarget(
      name: "GraphEngineTests",
      dependencies: ["LessonKit", "FormulaWriting", "GraphEngine", "ExpressionLanguage"],
      swiftSettings: strictSettings),
    .testTarget(
      name: "ExpressionLanguageTests", dependencies: ["ExpressionLanguage", "GraphEngine"],
      swiftSettings: strictSettings),
    .testTarget(
      name: "AnalysisTests",
      dependencies: ["FormulaWriting", "Analysis", "LessonKit", "GraphEngine"],
      swiftSettings: strictSettings),
    .testTarget(
      name: "PNGCodecTests", dependencies: ["PNGCodec", "CZlib"], swiftSettings: strictSettings),
    .testTarget(
      name: "GraphLayoutTests", dependencies: ["GraphLayout"], swiftSettings: strictSettings),
    .testTarget(
      name: "LessonKitTests",
      dependencies: [
        "FormulaWriting", "LessonKit", "Analysis", "ExpressionLanguage", "GraphEngine",
      ],
      swiftSettings: strictSettings),
    .testTarget(
      name: "ExplainTests",
      dependencies: [
        "Explain", "Publishing", "Analysis", "LessonKit", "GraphEngine", "TensorWording",
        "TestSupport",
      ],
      exclude: ["Snapshots"], swiftSettings: strictSettings),
    .testTarget(
      name: "FiguresTests",
      dependencies: [
        "FormulaWriting",
        "Drawing", "Figures", "Analysis", "LessonKit", "GraphEngine", "GraphLayout",
        "ExpressionLanguage",
      ],
      swiftSettings: strictSettings),
    .testTarget(
      name: "HandoutTests",
      dependencies: [
        "Handout", "Drawing", "Figures", "Analysis", "Explain", "LessonKit", "GraphLayout",
      ],
      swiftSettings: strictSettings),
    .testTarget(
      name: "CairoBackendTests",
      dependencies: [
        "FormulaWriting",
        "CairoBackend", "Handout", "Drawing", "Figures", "GraphLayout", "LessonKit", "GraphEngine",
        "Analysis", "Explain", "CCairo", "TestSupport",
      ],
      exclude: ["Snapshots"], swiftSettings: strictSettings),
    .testTarget(
      name: "CLITests",
      dependencies: [
        "FormulaWriting", "LessonCLI", "LessonKit", "OutputStore", "lessongen", "TestSupport",
      ],
      swiftSettings: strictSettings),
  ]
)
