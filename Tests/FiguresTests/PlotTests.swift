import Analysis
import Drawing
import FormulaWriting
import Foundation
import GraphEngine
import GraphLayout
import LessonKit
import Testing

@testable import Figures

/// The `plot` figure: the function and its derivative as the engine computes them.
@Suite("function plots")
struct PlotTests {
  static func plot(_ lesson: String) throws -> FunctionPlot {
    let compiled = try LessonLoader.load(text: lesson, path: "t.yaml", id: "t")
    let analysis = LessonAnalysis(try CompiledLesson.compile(compiled), figures: [.plot])
    return try #require(analysis.plot)
  }

  static func sigmoid(_ x: Double) -> Double { 1 / (1 + exp(-x)) }

  @Test("sigmoid: σ and σ′ = σ(1 − σ) from the engine, σ′ peaking at 0.25 at 0")
  func sigmoidSamples() throws {
    let compiled = try LessonSource.builtin("sigmoid").compile()
    let analysis = LessonAnalysis(compiled)
    #expect(analysis.figures.contains(.plot), "one input: a plot by default")
    let plot = try #require(analysis.plot)
    #expect(plot.from == -6 && plot.to == 6)
    #expect(plot.samples.count == FunctionPlot.sampleCount)
    for s in plot.samples {
      let y = try #require(s.y)
      let slope = try #require(s.slope)
      #expect(abs(y - Self.sigmoid(s.x)) < 1e-12)
      #expect(abs(slope - Self.sigmoid(s.x) * (1 - Self.sigmoid(s.x))) < 1e-12)
    }
    let peak = try #require(plot.samples.max { ($0.slope ?? 0) < ($1.slope ?? 0) })
    #expect(abs(peak.x) < 1e-12 && peak.slope == 0.25)
    #expect(plot.point.x == 1 && abs((plot.point.slope ?? 0) - 0.19661193324148185) < 1e-15)
    #expect(plot.closedForm?.unicode() == "y(1 − y)")
  }

  @Test("the drawn curves lie on the engine's values, in every style", arguments: Theme.all)
  func curvesOnTheEngine(theme: Theme) throws {
    let compiled = try LessonSource.builtin("sigmoid").compile()
    let plot = try #require(LessonAnalysis(compiled).plot)
    let (scene, frame) = PlotComposer(theme: theme, measurer: EstimatedTextMeasurer()).framed(
      plot, function: nil, title: "")
    var solid = 0
    var dashed = 0
    for case .polyline(let points, let color, let width, _) in scene.elements
    where points.allSatisfy({ $0.y >= frame.area.y && $0.x >= frame.area.x }) {
      if width == 1.8 && color == theme.valueColor {
        for p in points {
          let (x, y) = frame.data(p)
          #expect(abs(y - Self.sigmoid(x)) < 1e-9, "σ(\(x))")
          solid += 1
        }
      } else if width == 1.4 && color == theme.gradientColor {
        for p in points {
          let (x, y) = frame.data(p)
          // Between samples the dash is a chord of the curve: within its sagitta.
          #expect(abs(y - Self.sigmoid(x) * (1 - Self.sigmoid(x))) < 1e-3, "σ′(\(x))")
          dashed += 1
        }
      }
    }
    #expect(solid >= FunctionPlot.sampleCount && dashed > 100)
    // The point and its derivative are marked.
    let circles = scene.elements.compactMap { element -> Point? in
      if case .circle(let center, _, _, _) = element { return center }
      return nil
    }
    #expect(circles.count == 3)
    #expect(circles.filter { abs(frame.data($0).x - 1) < 1e-9 }.count == 2)
    // σ′'s peak is marked with its value, 0.25, beside the point (0, 0.25).
    let top = Point(x: frame.sx(0), y: frame.sy(0.25))
    let peak = scene.elements.contains { element in
      if case .text(let run, _) = element, run.markup.contains("0.25") {
        let r = run.frame
        let dx = Swift.max(r.x - top.x, 0, top.x - r.maxX)
        let dy = Swift.max(r.y - top.y, 0, top.y - r.maxY)
        return dx < 8 && dy < 8
      }
      return false
    }
    #expect(peak)
  }

  @Test("a pole breaks the curve; a domain's edge ends it; the lesson's range is used")
  func gapsAndRanges() throws {
    let reciprocal = try Self.plot("title: R\nfunction: y = 1 / x\ninputs: {x: 1}\n")
    #expect(reciprocal.samples.contains { $0.x == 0 && $0.y == nil })
    let runs = PlotComposer.clipped(
      reciprocal.samples.map { ($0.x, $0.y) }, lo: PlotComposer.range(reciprocal).lo,
      hi: PlotComposer.range(reciprocal).hi)
    #expect(runs.count >= 2)
    #expect(runs.allSatisfy { run in run.allSatisfy { $0.0 != 0 } })
    let log = try Self.plot(
      "title: L\nfunction: y = log(x)\ninputs: {x: 2}\nplot: {from: 0.5, to: 4}\n")
    #expect(log.from == 0.5 && log.to == 4)
    #expect(log.samples.allSatisfy { $0.y != nil })
    let wide = try Self.plot("title: W\nfunction: y = x * x\ninputs: {x: 9}\n")
    #expect(wide.from == -6 && wide.to == 11, "widened to keep the point inside")
  }

  @Test("a cubic is plotted near its point; the derivative's turn is found exactly")
  func cubic() throws {
    // y′ = 9x² − 4x + 1, smallest at x = 2/9 with 5/9.
    let plot = try Self.plot("title: C\nfunction: y = 3*x*x*x - 2*x*x + x\ninputs: {x: 1.5}\n")
    #expect(plot.from == -1 && plot.to == 4, "x0 ± 2, not −6…6 where the cubic reaches ±700")
    let turn = try #require(plot.turningPoints.first)
    #expect(plot.turningPoints.count == 1)
    #expect(abs(turn.x - 2.0 / 9) < 1e-7 && abs((turn.slope ?? 0) - 5.0 / 9) < 1e-12)
    // σ′'s turn is its sample at 0, exactly.
    let sigmoid = try #require(LessonAnalysis(try LessonSource.builtin("sigmoid").compile()).plot)
    #expect(sigmoid.turningPoints.map(\.x) == [0] && sigmoid.turningPoints[0].slope == 0.25)
  }

  @Test("nice steps and dashes")
  func helpers() {
    #expect(PlotComposer.niceStep(0.21) == 0.25)
    #expect(PlotComposer.niceStep(2) == 2)
    #expect(PlotComposer.niceStep(3.1) == 5)
    #expect(PlotComposer.ticks(-6, 6, 2) == [-6, -4, -2, 0, 2, 4, 6])
    let dashes = PlotComposer.dashes([Point(x: 0, y: 0), Point(x: 17, y: 0)], on: 5, off: 3)
    #expect(dashes.map { $0.map(\.x) } == [[0, 5], [8, 13], [16, 17]])
  }
}
