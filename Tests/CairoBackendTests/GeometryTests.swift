import Analysis
import CairoBackend
import Drawing
import Figures
import Foundation
import GraphEngine
import GraphLayout
import LessonKit
import TestSupport
import Testing

@Suite("Figure geometry")
struct GeometryTests {
  @Test(
    "every built-in lesson, in every style, view and label mode, is clean",
    arguments: Theme.all.map(\.name))
  func builtins(style: String) throws {
    let theme = try #require(Theme.named(style))
    let measurer = PangoTextMeasurer()
    for id in LessonSource.builtinIDs(tensors: false) {
      for labels in LabelMode.allCases {
        for figure in try figures(id, style: theme, labels: labels) {
          let problems = SceneGeometry.problems(figure.scene)
          #expect(
            problems.isEmpty, "\(id) \(style) \(labels) \(figure.id.fileStem): \(problems)")
          for case .text(let run, _) in figure.scene.elements {
            #expect(PangoTextMeasurer.isValidMarkup(run.markup), "\(run.markup)")
            // The frame is the size of the text it holds (in every step of a sequence).
            let size = measurer.measure(run.markup, font: run.font)
            #expect(
              abs(size.width - run.frame.width) < 0.01
                && abs(size.height - run.frame.height) < 0.01,
              "\(id) \(style) \(labels) \(figure.id.fileStem): \(run.markup) drawn in a frame of another size"
            )
          }
        }
      }
    }
  }

  /// The lessons shaped like an author's (Tests/Lessons): multi-statement, fan-out, 8–25
  /// operations, long names, Korean.
  static let authorLessons: [String] = {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Lessons")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".yaml") }.sorted().map {
      folder.appendingPathComponent($0).path
    }
  }()

  @Test(
    "every lesson of Tests/Lessons, in every style and label mode, is clean",
    arguments: Theme.all.map(\.name))
  func authorLessons(style: String) throws {
    let theme = try #require(Theme.named(style))
    #expect(Self.authorLessons.count >= 10)
    for path in Self.authorLessons {
      let compiled = try LessonSource.file(path).compile()
      for labels in LabelMode.allCases {
        let made = FigureSet(
          LessonAnalysis(compiled, figures: FigureKind.allCases, convention: theme.convention),
          theme: theme, labels: labels, titles: { $0.fileStem }
        ).compose(measurer: PangoTextMeasurer())
        for figure in made {
          let problems = SceneGeometry.problems(figure.scene)
          #expect(
            problems.isEmpty,
            "\(compiled.lesson.id) \(style) \(labels) \(figure.id.fileStem): \(problems)")
        }
      }
    }
  }

  @Test("random expressions (LESSONGEN_TEST_SAMPLES, 50 unless set) are clean in every style")
  func randomExpressions() throws {
    let count = TestTier.samples(50)
    let seed = TestTier.seed(2026)
    var rng = SplitMix(state: seed)
    let measurer = PangoTextMeasurer()
    var drawn = 0
    var attempts = 0
    while drawn < count && attempts < 2 * count {
      attempts += 1
      let (function, inputs) = randomLesson(&rng)
      let yaml =
        "title: random\nfunction: |\n"
        + function.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")
        + "\ninputs:\n"
        + inputs.keys.sorted().map { "  \($0): \(inputs[$0] ?? 0)" }.joined(separator: "\n")
        + "\n"
      guard let lesson = try? LessonLoader.load(text: yaml, path: "random.yaml", id: "random"),
        let compiled = try? CompiledLesson.compile(lesson)
      else { continue }
      drawn += 1
      for theme in Theme.all {
        for labels in [LabelMode.numeric, .symbolic] {
          let made = FigureSet(
            LessonAnalysis(
              compiled, figures: [.graph, .expanded], convention: theme.convention),
            theme: theme, labels: labels, titles: { "random " + $0.fileStem }
          ).compose(measurer: measurer)
          for figure in made {
            let problems = SceneGeometry.problems(figure.scene)
            #expect(
              problems.isEmpty,
              "seed \(seed): \(function)\n\(theme.name) \(labels) \(figure.id.fileStem): \(problems)"
            )
          }
        }
      }
    }
    #expect(drawn == count)
  }

  @Test("the checker catches overlaps and clipping")
  func checkerWorks() {
    let font = Font(family: "DejaVu Sans", size: 10)
    let run = TextRun(
      markup: "a", font: font, color: .black, frame: Rect(x: 10, y: 10, width: 20, height: 10))
    var scene = Scene(size: Size(width: 100, height: 50), background: .white, title: "t")
    scene.elements = [
      .text(run, owner: .edge(0)), .text(run, owner: .edge(1)),
      .circle(
        center: Point(x: 95, y: 25), radius: 10,
        style: ShapeStyle(fill: .white, stroke: .black, lineWidth: 1), owner: .node(0)),
      .polyline(
        [Point(x: 0, y: 15), Point(x: 50, y: 15)], color: .black, width: 1, owner: .edge(2)),
    ]
    let problems = SceneGeometry.problems(scene)
    #expect(problems.contains { $0.contains("overlaps text") })
    #expect(problems.contains { $0.contains("clipped") })
    #expect(problems.contains { $0.contains("runs through text") })
  }
}
