import Analysis
import GraphEngine

/// The walk-through's sentences in English.
struct EnglishProse: Prose {
  var functionHeading: String { "The function" }
  var forwardHeading: String { "Forward pass" }
  var backwardHeading: String { "Backward pass" }
  var stepsHeading: String { "The backward pass step by step" }
  func stepShare(_ target: String, of terms: Int, _ product: String) -> String {
    "to \(target), one of the \(terms) terms of its gradient: \(product)"
  }
  func stepCaption(_ k: Int, of count: Int, node: String, sends: [String]) -> String {
    "Step \(k) of \(count), the \(node) node"
      + (sends.isEmpty ? "." : ": " + sends.joined(separator: "; ") + ".")
  }
  var backwardTableHeading: String { "The backward pass in one table" }
  var backwardTableIntro: String {
    "Every edge of the graph, from the output back: the gradient from upstream, the edge's local gradient, and their product, passed downstream."
  }
  var compositeHeading: String { "The composite node" }
  var derivationHeading: String { "Derivation" }
  var checkHeading: String { "Numeric check" }
  var contentsHeading: String { "Contents" }
  var answerKeyHeading: String { "Answer key" }
  var previousWord: String { "Previous" }
  var nextWord: String { "Next" }
  var exerciseWord: String { "Exercise" }
  var lessonsHeading: String { "Lessons" }
  func graphOf(_ title: String) -> String { "The computational graph of “\(title)”" }
  func plotIntro(
    _ y: Formula, _ x: Formula, from: Formula, to: Formula, point: Formula, slope: Formula
  ) -> [Inline] {
    fill(
      "As a function of {1} from {2} to {3}: {0} and its derivative, computed by the same "
        + "forward and backward passes at every point. At the lesson's point {4} the tangent's "
        + "slope is the gradient, {5}.",
      [y, x, from, to, point, slope])
  }
  func exerciseTitle(_ title: String) -> String { title + ": exercise" }
  func exerciseIntro(forward: Bool) -> String {
    forward
      ? "Fill in the empty boxes: the forward pass's values first, then the gradients of the "
        + "backward pass, from the output back to the inputs. The answers are in the answer key "
        + "at the end."
      : "Fill in the empty boxes with the gradients of the backward pass, from the output back to "
        + "the inputs; the forward values are given. The answers are in the answer key at the end."
  }

  var functionIs: String { "The function is" }
  var inputsAre: String { "evaluated at the inputs" }
  var forwardIntro: String {
    "The forward pass computes every node's value from the values of its inputs, from the inputs to the output:"
  }
  var forwardIntroGivenInputs: String {
    "The forward pass computes every node's value from the values of its inputs, from the inputs to the output (the lesson's inputs are given above):"
  }
  var nodeColumn: String { "node" }
  var operationColumn: String { "operation" }
  var valueColumn: String { "value" }

  /// "the gradient of L with respect to x" / "x에 대한 L의 기울기", as a template.
  private func gradientOf(_ slot: String) -> String {
    "the gradient of {L} with respect to {\(slot)}"
  }

  func seed(output: Formula, upstream: Formula, isOne: Bool) -> [Inline] {
    let seed = Formula.equation([.derivative(of: .symbol("L"), withRespectTo: output), upstream])
    if isOne && output == .symbol("L") {
      return fill(
        "The backward pass runs from the output back to the inputs. It starts with the gradient of the output {L} with respect to itself, {1}: the derivative of anything with respect to itself is 1. ({L} is the name the textbooks give to whatever is finally differentiated, in training the loss; here it is this lesson's output.)",
        [output, seed])
    }
    return fill(
      isOne
        ? "The backward pass runs from the output back to the inputs. It starts with \(gradientOf("0")), {1}. Here {L} stands for whatever is finally being differentiated (in training, the loss). In this lesson {L} is the output {0} itself, and the derivative of anything with respect to itself is 1: that is where the first 1 comes from."
        : "The backward pass runs from the output back to the inputs. It starts with the gradient that arrives from later in the network: \(gradientOf("0")) is given as {1}.",
      [output, seed])
  }

  var rule: String {
    "At every node the rule is the same, the chain rule: the gradient from upstream times the node's local gradient gives the gradient passed downstream."
  }

  func nodeHeading(_ op: String, _ name: Formula) -> [Inline] {
    fill("The \(op) node, {0}", [name])
  }

  func upstream(_ name: Formula) -> [Inline] {
    fill("From upstream: \(gradientOf("0")) is ", [name])
  }

  func fanOut(_ name: Formula, edges: Int, nodes: Int) -> [Inline] {
    let uses =
      nodes == edges
      ? "\(nodes) nodes" : "\(nodes) \(nodes == 1 ? "node" : "nodes") along \(edges) edges"
    return fill(
      "{0} is used by \(uses), so \(gradientOf("0")) is the sum of what flows back along each of its edges:",
      [name])
  }

  func local(_ name: Formula, _ input: Formula) -> [Inline] {
    fill("Local gradient of {0} with respect to {1}:", [name, input])
  }

  func localInSlot(_ name: Formula, _ input: Formula, slot: Int, of count: Int) -> [Inline] {
    let which = count == 2 ? (slot == 1 ? "first" : "second") : "input \(slot)"
    let others = count == 2 ? "the other" : "the others"
    return fill(
      "{0} uses {1} in more than one input. Local gradient of {0} with respect to its \(which) input, {1}, \(others) held fixed:",
      [name, input])
  }

  func slot(_ k: Int) -> String { " (input \(k))" }

  func alongEdge(_ input: Formula) -> [Inline] {
    fill(
      "Upstream × local = what flows back to {0} along this edge (one term of \(gradientOf("0"))):",
      [input])
  }

  func downstream(_ input: Formula) -> [Inline] {
    fill(
      "Upstream × local = downstream, \(gradientOf("0")):",
      [input])
  }

  func localAndDownstream(_ name: Formula, _ input: Formula, alongEdge: Bool) -> [Inline] {
    fill(
      alongEdge
        ? "Local gradient of {0} with respect to {1}, then upstream × local = what flows back to {1} along this edge (one term of \(gradientOf("1"))):"
        : "Local gradient of {0} with respect to {1}, then upstream × local = downstream, \(gradientOf("1")):",
      [name, input])
  }

  func localAndDownstreamAgain(_ input: Formula) -> [Inline] {
    fill("The same with respect to {0}:", [input])
  }

  func appliedRule(_ op: String) -> String {
    "The same rule as at the first \(op) node, for each input upstream × local = downstream:"
  }

  func inputResult(_ name: Formula) -> [Inline] {
    fill("So \(gradientOf("0")) is ", [name])
  }

  func composite(_ name: String, _ chain: String, isChain: Bool) -> String {
    if !isChain {
      return
        "Expanded, \(name) is a small graph of \(chain). Its input reaches the output along more than one path; the gradients along the paths add up to the composite node's local gradient, which the textbooks write in closed form:"
    }
    return
      "Expanded, \(name) is the chain \(chain). The product of the chain's local gradients is the composite node's local gradient; the closed form of the textbooks says the same:"
  }

  /// The end of a sentence after inline math.
  var stop: String { "." }

  /// Before the composite's numbers: the chain's local gradients multiplied (or, with more
  /// than one path, the gradient through the expanded graph), then the closed form.
  func inNumbers(isChain: Bool) -> String {
    isChain
      ? "In numbers, the chain's local gradients multiplied, then the closed form:"
      : "In numbers, the gradient through the expanded graph, then the closed form:"
  }

  func derivationIntro(_ y: Formula, _ x: Formula, points: Int) -> [Inline] {
    fill(
      "The derivative of {0} with respect to {1}, step by step (lessongen checked every step by evaluating it at \(points) points):",
      [y, x])
  }

  func checkIntro(_ h: String) -> String {
    "Each input's gradient from the backward pass, a, against a central difference n = (f(x\u{00A0}+\u{00A0}h)\u{00A0}−\u{00A0}f(x\u{00A0}−\u{00A0}h))/2h with h = \(h). The relative error |a\u{00A0}−\u{00A0}n|/max(|a|,\u{00A0}|n|) is judged as in CS231n's notes on gradient checks: below 10⁻⁷ (or no more than rounding in f(x\u{00A0}±\u{00A0}h) can make) the two agree, up to 10⁻⁴ they are close (fine where the function has kinks), up to 10⁻² doubtful, and above that they disagree:"
  }

  func longFunction(_ count: Int) -> String {
    "The function has \(count) statements; the first and the last are"
  }

  func longStatement(_ name: String, operations: Int) -> String {
    "\(name), a function of \(operations) operations"
  }

  func checkSkipped(_ name: String, _ why: GradientCheck.Skip) -> String {
    switch why {
    case .stepNotFinite:
      return
        "\(name) has no numeric check: \(name) ± h is not a finite number there, so no central difference can be taken; the backward pass above does not need one."
    case .notEvaluable(let reason):
      return
        "\(name) has no numeric check: at \(name) ± h the function cannot be evaluated (\(reason)), so no central difference can be taken there; the backward pass above does not need one."
    case .quotientNotFinite:
      return
        "\(name) has no numeric check: the function's values at \(name) ± h are finite, but their difference divided by 2h is not; the backward pass above does not need it."
    }
  }

  /// Why a figure is not drawn, said where it would stand.
  func omitted(_ figure: OmittedFigure) -> String {
    let name = figure.name
    switch figure.reason {
    case .tooLarge(let nodes):
      return
        "The \(name) figure is left out: its graph has \(nodes) nodes, and lessongen draws graphs of up to \(Limits.drawnNodes) nodes. trace.json has every value and gradient."
    case .tooManySteps(let count):
      return
        "The step-by-step figures are left out: the backward pass has \(count) steps, and lessongen draws up to \(Limits.stepFigures)."
    case .notEvaluable(let message):
      return
        "The expanded graph is not drawn: at these inputs a primitive node of the expansion overflows (\(message)), although the composite node itself has a finite value and gradient."
    case .notOneInput(let count):
      return "The plot is left out: it draws a function of one input, and this lesson has \(count)."
    }
  }

  func tableLeftOut(_ rows: Int) -> String {
    "The table is left out: it would have \(rows) rows, and lessongen prints tables of up to \(Limits.tableRows) rows. trace.json has every value and gradient."
  }

  func figureTooLarge(_ id: FigureID) -> String {
    let name = id.fileStem
    return
      "This graph is too large to print legibly on a page; its figure is figures/\(name).pdf (also .svg and .png)."
  }

  var inputColumn: String { "input" }
  var backpropColumn: String { "backpropagation" }
  var differenceColumn: String { "central difference" }
  var errorColumn: String { "relative error" }
  var verdictColumn: String { "verdict" }

  func verdict(_ verdict: GradientCheck.Verdict) -> String {
    switch verdict {
    case .agrees: "agrees"
    case .close: "close"
    case .doubtful: "doubtful"
    case .disagrees: "disagrees"
    }
  }

  func figureCaption(_ id: FigureID) -> String {
    switch id {
    case .graph:
      return "The computational graph with its values and gradients."
    case .expanded:
      return "The composite nodes expanded into primitive operations."
    case .forward: return "The forward pass: every node's value."
    case .step(let step, let count):
      return
        "Backward pass, step \(step) of \(count): the highlighted node has just passed its gradients on."
    case .plot:
      return
        "The function (solid) and its derivative (dashed); the lesson's point with its tangent."
    case .classes: return "Softmax-with-Loss class by class: exp, +, /, ×, log and ×(−1) nodes."
    case .exercise(.forward): return "The forward pass: fill in every node's value."
    case .exercise: return "The computational graph: fill in the empty boxes."
    }
  }

  var edgeColumn: String { "edge" }
  var upstreamColumn: String { "upstream" }
  var localColumn: String { "local gradient" }
  var downstreamColumn: String { "downstream" }

  func name(of op: Op) -> String { op.descriptor.names.english }

  func figureTitle(_ id: FigureID) -> String {
    switch id {
    case .graph: "the graph"
    case .forward: "forward pass"
    case .expanded: "expanded"
    case .step(let k, let count): "backward pass, step \(k) of \(count)"
    case .exercise(let figure): figureTitle(figure) + ", exercise"
    case .classes: "Softmax-with-Loss class by class"
    case .plot: "the function and its derivative"
    }
  }
}
