import Analysis
import FormulaWriting
import Foundation
import GraphEngine
import LessonKit
import Testing

/// A lesson from its function and inputs.
private func analysis(_ function: String, _ inputs: String, figures: [FigureKind]? = nil) throws
  -> LessonAnalysis
{
  let text = "title: t\nfunction: |\n  \(function)\ninputs: {\(inputs)}\n"
  let lesson = try LessonLoader.load(text: text, path: "t.yaml", id: "t")
  return LessonAnalysis(try CompiledLesson.compile(lesson), figures: figures)
}

@Suite("Lesson analysis")
struct LessonAnalysisTests {
  @Test("sigmoid: the figures DLFS draws, as typed ids, and the walked graph expanded")
  func sigmoidFigures() throws {
    let a = LessonAnalysis(try LessonSource.builtin("sigmoid").compile())
    #expect(
      a.figures == [.graph, .expanded] + (1...4).map { FigureID.step($0, of: 4) } + [.plot])
    #expect(
      a.figures.map(\.fileStem).suffix(5) == ["step-01", "step-02", "step-03", "step-04", "plot"])
    #expect(a.omitted.isEmpty)
    #expect(a.walked.graph.nodes.count == a.expanded?.graph.nodes.count)
    #expect(!a.walked.graph.hasComposites)
    #expect(FigureID.step(7, of: 120).fileStem == "step-007")
  }

  @Test("the numeric check agrees with the backward pass, with CS231n's relative error")
  func numericCheck() throws {
    let a = try analysis("y = x * exp(-x * z) + z / x", "x: 1.5, z: -0.25")
    #expect(a.gradientChecks.map(\.input) == ["x", "z"])
    for check in a.gradientChecks {
      guard case .compared(let backprop, let estimate, let relative, let verdict) = check.outcome
      else {
        Issue.record("\(check.input) skipped")
        continue
      }
      #expect(verdict == .agrees)
      #expect(relative == GradientCheck.relativeError(backprop, estimate) && relative < 1e-7)
      let id = try #require(
        a.written.graph.inputs.first { a.written.graph[$0].name == check.input })
      #expect(backprop == a.written.gradient(id))
    }
  }

  @Test("verdicts follow CS231n's bands; a zero gradient estimated as rounding noise agrees")
  func verdicts() {
    #expect(GradientCheck.relativeError(0, 0) == 0)
    #expect(abs(GradientCheck.relativeError(1, 1.001) - 0.001 / 1.001) < 1e-15)
    func verdict(_ a: Double, _ n: Double) -> GradientCheck.Verdict {
      GradientCheck.verdict(backprop: a, estimate: n, value: 1, step: 1e-6)
    }
    #expect(verdict(1, 1 + 1e-9) == .agrees)
    #expect(verdict(1, 1 + 1e-5) == .close)
    #expect(verdict(1, 1.001) == .doubtful)
    #expect(verdict(1, 2) == .disagrees)
    #expect(verdict(-1, 1) == .disagrees)
    // 10⁻¹¹ is what rounding in f(x ± h) makes of a true 0 (ε/h ≈ 2·10⁻¹⁰).
    #expect(verdict(0, 1e-11) == .agrees)
    #expect(verdict(0, 1e-3) == .disagrees)
  }

  @Test("an input where x ± h leaves the domain is skipped with the engine's reason")
  func skipped() throws {
    let a = try analysis("y = sqrt(x)", "x: 0.0000000001")
    guard case .skipped(.notEvaluable(let message)) = a.gradientChecks.first?.outcome else {
      Issue.record("\(a.gradientChecks)")
      return
    }
    #expect(message.contains("sqrt"))
  }

  @Test("composite chains: the product of the chain's local gradients is the closed form")
  func composites() throws {
    for (function, closed) in [
      (
        "y = sigmoid(x)",
        { (x: Double) in 1 / (1 + Foundation.exp(-x)) * (1 - 1 / (1 + Foundation.exp(-x))) }
      ),
      ("y = tanh(x)", { (x: Double) in 1 - Foundation.tanh(x) * Foundation.tanh(x) }),
      ("y = softplus(x)", { (x: Double) in 1 / (1 + Foundation.exp(-x)) }),
    ] as [(String, (Double) -> Double)] {
      let a = try analysis(function, "x: 0.7")
      let chain = try #require(a.composites.first, "\(function)")
      #expect(a.composites.count == 1)
      #expect(abs(chain.closed - closed(0.7)) < 1e-15, "\(function)")
      #expect(abs(chain.throughExpansion - chain.closed) <= 1e-15, "\(function)")
      if chain.isChain {
        #expect(chain.product != nil)
        let product = chain.chainLocals.reduce(1, *)
        #expect(abs(product - chain.closed) <= 1e-15, "\(function)")
      }
      #expect(chain.operations.allSatisfy { !$0.isComposite })
    }
  }

  @Test("fan-in: x used three times in x*x + x gets three terms that sum to 2x + 1")
  func fanIn() throws {
    let a = try analysis("y = x * x + x", "x: 3")
    let x = try #require(a.walked.graph.inputs.first)
    #expect(a.fanIn[x].count == 3)
    #expect(a.fanIn[x].reduce(0, +) == 7)
    #expect(a.walked.gradient(x) == 7)
  }

  @Test("figures left out say why: too many steps, an expansion that overflows")
  func omissions() throws {
    let sum = (1...70).map { "x\($0 % 3) * \($0)" }.joined(separator: " + ")
    let long = try analysis("y = " + sum, "x0: 1, x1: 2, x2: 3", figures: [.graph, .steps])
    #expect(long.omitted == [OmittedFigure(.steps, reason: .tooManySteps(139))])
    #expect(long.figures == [.graph])
    let overflow = try analysis("y = sigmoid(x)", "x: -1000", figures: [.graph, .expanded])
    #expect(overflow.expanded == nil)
    #expect(overflow.figures == [.graph])
    guard case .notEvaluable(let message)? = overflow.omitted.first?.reason else {
      Issue.record("\(overflow.omitted)")
      return
    }
    #expect(message.contains("exp"))
  }

  @Test("node formulas: definitions as computed, local gradients in operands and in the result")
  func nodeFormulas() throws {
    let a = try analysis("y = 1 / x", "x: 2")
    let graph = a.walked.graph
    let division = try #require(graph.nodes.last { !$0.op.isLeaf })
    let forms = a.walkedFormulas.locals[division.id]
    let slot = try #require(division.inputs.firstIndex { graph[$0].op == .input })
    #expect(forms[slot].map { $0.unicode() }.contains("−y²"))
  }
}
