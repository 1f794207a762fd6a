import GraphEngine

/// The tensor walk-through's sentences in English.
struct EnglishTensorProse: TensorProse {
  var language: Language { .english }

  func figureTitle(_ title: String) -> String { "\(title): the computational graph" }

  func expandedTitle(_ title: String) -> String { "\(title): the layers drawn apart" }

  func expandedIntro(affine: Bool, repeats: Bool, loss: Bool) -> String {
    var parts: [String] = []
    if affine { parts.append("Affine is a MatMul node and a + node.") }
    if repeats {
      parts.append(
        "On a batch the bias passes through a Repeat node that makes its N copies, so its "
          + "backward pass, a Sum over axis 0, shows.")
    }
    if loss { parts.append("Softmax-with-Loss is a softmax node and a cross-entropy error node.") }
    return "The same graph with its layers drawn apart. " + parts.joined(separator: " ")
  }

  func expandedAlt(_ title: String) -> String {
    "The computational graph of \(title) with its layers drawn apart: each wire with its value and shape above and its gradient below"
  }

  var classesHeading: String { "Softmax-with-Loss, class by class" }

  func classesIntro(_ classes: Int, rows: Int, gates: Bool) -> String {
    let k = classes == 2 ? "1, 2" : "1, 2, 3"
    let (divide, times, negate) = gates ? ("1/x", "*", "*−1") : ("/", "×", "×(−1)")
    let batch =
      rows == 1
      ? ""
      : " Every row of the batch is drawn the same way, so the first (n = 1) stands for all; "
        + "the error is the mean over the rows, so the first row's share is "
        + "L₁ = −Σₖ t₁ₖ log y₁ₖ / \(rows)."
    return "With only \(classes) classes the layer can be drawn out of nodes on numbers, as DLFS "
      + "does in its Appendix A (k = \(k)): eₖ = exp(aₖ), their sum S, 1/S from the \(divide) "
      + "node and yₖ = eₖ·(1/S) from the \(times) nodes are the softmax; log yₖ, tₖ·log yₖ, "
      + "their sum and the \(negate) node are the cross-entropy error L = −Σ tₖ log yₖ." + batch
  }

  func classesResult(
    _ parts: [(score: String, y: String, t: String, gradient: String)], rows: Int,
    upstream: String?
  ) -> String {
    let each = parts.map { part in
      rows == 1
        ? "\(part.score): \(part.y) − \(part.t) = \(part.gradient)"
        : "\(part.score): (\(part.y) − \(part.t))/\(rows) = \(part.gradient)"
    }.joined(separator: ", ")
    let rule = rows == 1 ? "yₖ − tₖ" : "(y₁ₖ − t₁ₖ)/\(rows)"
    return "Following the gradients back through these nodes, each score receives \(rule)"
      + (upstream.map { " (times the upstream gradient \($0))" } ?? "") + ": " + each
      + ", what the Softmax-with-Loss layer sends back at once."
  }

  var classesCaption: String {
    "Above: values. Below: the gradient of L with respect to each. Every node multiplies "
      + "what it receives by its local gradient and sends it back."
  }

  func classesAlt(_ title: String) -> String {
    "The Softmax-with-Loss of \(title) drawn class by class: exp, +, /, ×, log nodes"
  }

  func classesTitle(_ title: String) -> String { "\(title): Softmax-with-Loss class by class" }

  func classesOmitted(_ why: String) -> String {
    "The Softmax-with-Loss layer is not drawn class by class: at these scores a primitive "
      + "node of the drawing overflows (\(why)), although the layer itself has a finite value "
      + "and gradient."
  }

  var stepsTooWide: String {
    "This graph does not fit whole on a page, so it is not drawn again for each step of the "
      + "backward pass: the figure of the whole graph carries every gradient, and the equations below give "
      + "what each node sends back."
  }

  var stepsHeading: String { "The backward pass, step by step" }

  func stepTitle(_ title: String, _ k: Int, _ n: Int) -> String {
    "\(title): backward step \(k) of \(n)"
  }

  func step(
    _ k: Int, of n: Int, node: String, receives: (String, Shape), sends: [(String, Shape)]
  ) -> String {
    let sent = sends.map(gradient)
    let list =
      sent.count <= 2
      ? sent.joined(separator: " and ")
      : sent.dropLast().joined(separator: ", ") + " and " + (sent.last ?? "")
    return "Step \(k) of \(n): the \(node) node receives \(gradient(receives)) and "
      + (sent.isEmpty ? "has nothing to send back." : "sends back \(list).")
  }

  var graphHeading: String { "The computational graph" }

  func convention(products: Bool) -> String {
    let rows =
      "As in Deep Learning from Scratch, vectors are rows: a vector X of shape (D,) times a "
      + "matrix W of shape (D, H) gives the row X·W of shape (H,), and a batch X of shape "
      + "(N, D) holds one input per row. "
    let wires =
      "Above each wire are the value and its shape; below it, the gradient of the same shape "
      + "(∂L/∂X for X): a gradient always has the shape of its variable."
    return (products ? rows : "") + wires
  }

  func figureAlt(_ title: String) -> String {
    "The computational graph of \(title): each wire with its value and shape above and its gradient below"
  }

  func stepCaption(_ k: Int, of n: Int, node: String, symbolic: Bool) -> String {
    "Step \(k) of \(n): the \(node) node, highlighted. " + caption(symbolic: symbolic)
  }

  func caption(symbolic: Bool) -> String {
    symbolic
      ? "Above: values and shapes (a batch's rows are N). Below: gradients and their formulas."
      : "Above: values and shapes. Below: gradients (∂L/∂X for X). Matrices up to 4 × 6 are "
        + "written out."
  }

  var shapesHeading: String { "Gradients from their shapes" }

  func shapesIntro(products: Bool) -> String {
    products
      ? "As CS231n teaches, a matrix gradient can be found by its shapes: ∂L/∂X must have the "
        + "shape of X, and there is only one way to multiply the matrices at hand into it."
      : "A gradient always has the shape of its variable. What each node sends back:"
  }

  func shortNames(_ definitions: [String]) -> String {
    "Wires whose expression is too long to write on them get short names, here and in the "
      + "figures: " + definitions.joined(separator: "; ") + "."
  }

  func elementwise(_ op: String, x: String, y: String, local: String) -> String {
    "\(op) works element by element, so the gradient it receives is multiplied element by "
      + "element (⊙) by its local gradient: ∂L/∂\(x) = ∂L/∂\(y) ⊙ \(local)."
  }

  func gate(_ op: String, a: String, b: String, y: String) -> String {
    let (word, which) = op == "max" ? ("maximum", "larger") : ("minimum", "smaller")
    return "\(op)(\(a), \(b)) is numpy's \(word)(\(a), \(b)): element by element, \(y) takes the "
      + "\(which) of the two (it is not numpy's np.\(op)(x, axis), a \(word) along an axis). "
      + "So each element's gradient goes back to the input that gave it (on a tie, the first) "
      + "and 0 to the other."
  }

  func matmul(
    x: String, w: String, y: String, transposed: (x: String, w: String), xShape: Shape,
    wShape: Shape, yShape: Shape
  ) -> String {
    let (xs, ws, ys) = (xShape.description, wShape.description, yShape.description)
    let (xT, wT) = transposed
    if Self.shapesAlike(xShape, wShape) {
      // (3, 3)·(3, 3): another order fits the shapes too; the rule is the general one.
      return "\(x) \(xs) · \(w) \(ws) → \(ys). Here the sizes repeat, so the shapes alone do "
        + "not settle the order; with sizes all different they settle it, and the rule is the "
        + "same: ∂L/∂\(x) = ∂L/∂\(y) · \(wT), of shape \(xs), and ∂L/∂\(w) = \(xT) · ∂L/∂\(y), "
        + "of shape \(ws)."
    }
    return "\(x) \(xs) · \(w) \(ws) → \(ys). ∂L/∂\(x) = ∂L/∂\(y) · \(wT): only \(ys) times "
      + "\(wT) gives the shape of \(x), \(xs). ∂L/∂\(w) = \(xT) · ∂L/∂\(y), of shape \(ws)."
  }

  func bias(
    _ b: String, _ shape: Shape, _ y: Shape, to addend: String, output: String, axes: [Int],
    negated: Bool
  ) -> String {
    let sign = negated ? "−" : ""
    let added = negated ? "subtracted from" : "added to"
    switch axes {
    case [0]:
      return "\(b) \(shape) was \(added) every row of \(addend) \(y) (broadcast), so its "
        + "gradient is \(sign)∂L/∂\(output) summed over axis 0: every row's gradient flows back into "
        + "the same \(b)."
    case [1] where y.rank == 2:
      return "\(b) \(shape) was \(added) every column of \(addend) \(y) (broadcast), so its "
        + "gradient is \(sign)∂L/∂\(output) summed over axis 1: every column's gradient flows back "
        + "into the same \(b)."
    default:
      let list = axes.map(String.init).joined(separator: " and ")
      return "\(b) \(shape) was stretched to the shape of \(output) \(y) (broadcast) along "
        + "axes \(list), so its gradient is \(sign)∂L/∂\(output) summed over those axes: every copy's "
        + "gradient flows back into the same \(b)."
    }
  }

  func labelSentence(_ shape: Shape, _ value: String) -> String {
    let what = shape.isScalar ? "" : " \(shape)"
    return
      "\(what) = \(value): the labels, which nothing learns, so no gradient is followed to them."
  }

  var labelsHaveNoGradient: String {
    ": the labels, which nothing learns, so no gradient is followed to them."
  }

  func softmaxWithLoss(_ a: String, _ t: String) -> String {
    // DLFS's y, unless the labels are called y (CS231n's): then P.
    let y = t == "y" ? "P" : "y"
    return "The Softmax-with-Loss layer sends back \(y) − \(t) (\(y) = softmax(\(a)); divided by "
      + "N for a batch\(t == "y" ? "; y as one-hot rows" : "")): softmax and the cross-entropy "
      + "error differentiated together cancel down to this."
  }

  func repeatSum(_ x: String, _ n: Int) -> String {
    "The Repeat node copies \(x) \(n) times, so its backward pass is a Sum of the \(n) "
      + "gradients that come back."
  }

  func transposed(_ x: String, _ y: String) -> String {
    "The Transpose node moves each element of \(x) to the mirrored place in \(y) (row i, "
      + "column j to row j, column i) without changing it, so each gradient goes back to where "
      + "its element came from: the gradient is transposed back."
  }

  func alongAxis(
    _ function: String, x: String, y: String, lanes: AxisLanes, kept: Bool, n: Int
  ) -> String {
    let (each, axis) =
      switch lanes {
      case .rows: ("each row of \(x)", " (axis 1)")
      case .columns: ("each column of \(x)", " (axis 0)")
      case .all: ("all of \(x)", "")
      }
    let keep =
      kept ? " With keepdims the axis stays, with size 1, so \(y) broadcasts against \(x)." : ""
    switch function {
    case "sum", "mean":
      let over = function == "mean" ? " and divides by its \(n) elements" : ""
      let share = function == "mean" ? "∂L/∂\(y)/\(n)" : "∂L/∂\(y)"
      return "\(function) adds up \(each)\(axis) into one number\(over).\(keep) Each element "
        + "went into its sum \(function == "mean" ? "with weight 1/\(n)" : "once"), so each gets "
        + "\(share) back: the gradient is repeated along the same axis (a Sum's backward pass is "
        + "a Repeat)."
    case "max":
      return "max keeps the largest element of \(each)\(axis): numpy's np.max(x, axis), not the "
        + "element-by-element maximum.\(keep) Only that element reaches \(y), so it alone gets "
        + "∂L/∂\(y); the others get 0. On a tie, the first of the largest gets it all (the one "
        + "np.argmax returns)."
    case "logsumexp":
      return "logsumexp takes log Σ exp of \(each)\(axis), computed as m + log Σ exp(x − m) "
        + "with m the largest, so that exp cannot overflow.\(keep) Its local gradient is softmax: "
        + "∂L/∂\(x) = ∂L/∂\(y) ⊙ softmax(\(x)), lane by lane, so the gradient is shared out in "
        + "proportion to each element's exp."
    case "log_softmax":
      return "log_softmax takes \(each)\(axis) less its logsumexp: \(y) = \(x) − logsumexp(\(x)), "
        + "finite even where softmax underflows to 0. Its backward pass: ∂L/∂\(x) = ∂L/∂\(y) − "
        + "softmax(\(x))·Σ ∂L/∂\(y), the sum taken over the same lane."
    default:
      return "softmax turns \(each)\(axis) into probabilities that add up to 1. Every output of a "
        + "lane depends on every input of it, so its backward pass is \(y) ⊙ (∂L/∂\(y) − "
        + "Σ ∂L/∂\(y)·\(y)), the sum taken over the same lane."
    }
  }

  var lossHeading: String { "The loss's gradient, derived whole" }

  func exerciseTitle(_ title: String) -> String { title + ": exercise" }

  func exerciseIntro(forward: Bool) -> String {
    (forward
      ? "Fill in the empty boxes: the forward pass's values first, then the gradients of the "
        + "backward pass, from the output back to the inputs. "
      : "Fill in the empty boxes with the gradients of the backward pass, from the output back "
        + "to the inputs; the forward values are given. ")
      + "Each box of a matrix is one element (a larger matrix has one box for the whole); a "
      + "gradient has the shape of its variable, and the section after the figure says how each "
      + "kind of node sends its gradient back. The answers are in the answer key at the end."
  }

  var exerciseCaption: String {
    "Above: values and shapes. Below: the gradients to fill in, one box per element."
  }

  var answerKeyHeading: String { "Answer key" }

  func lossDerivation(
    _ kind: LossKind, input s: String, middle p: String, target t: String, count n: Int,
    indices: Bool
  ) -> String {
    switch kind {
    case .softmaxCrossEntropy:
      return "\(p) = softmax(\(s)) followed by the cross-entropy error against \(t) is DLFS's "
        + "Softmax-with-Loss layer written out of its parts, and its gradient comes out as the "
        + "layer's. The cross-entropy error sends back ∂L/∂\(p) = −\(t)/(N·\(p)); softmax turns "
        + "it into \(p) ⊙ (∂L/∂\(p) − Σⱼ ∂L/∂\(p)ⱼ·\(p)ⱼ) = (\(p)·Σⱼ\(t)ⱼ − \(t))/N, row by row. "
        + (indices
          ? "\(t) names one class a row, so as one-hot rows each adds up to 1: "
          : "Each row of \(t) adds up to 1 (one class), so ")
        + "∂L/∂\(s) = (\(p) − \(t))/N, with "
        + "N = \(n): the probabilities less the labels, over the rows."
    case .binaryCrossEntropy:
      return
        "\(p) = σ(\(s)) followed by the binary cross-entropy against \(t) (−mean(\(t)·log \(p) "
        + "+ (1 − \(t))·log(1 − \(p)))) is the Sigmoid-with-Loss layer written out of its parts. "
        + "The loss sends back ∂L/∂\(p) = ((1 − \(t))/(1 − \(p)) − \(t)/\(p))/N and σ′ = \(p)(1 − \(p)), "
        + "so ∂L/∂\(s) = \(p)(1 − \(p))·((1 − \(t))/(1 − \(p)) − \(t)/\(p))/N = (\(p) − \(t))/N, with "
        + "N = \(n): the same rule as softmax's, p − t."
    case .meanSquaredError:
      return "mean((\(p))²) is the mean squared error between \(s) and \(t) written out of its "
        + "parts. The mean gives each of its N·D = \(n) elements (N rows of D columns, the shape of "
        + "\(s)) 1/\(n) of ∂L/∂L, the square "
        + "multiplies by 2(\(p)), and the subtraction passes it to \(s) unchanged (and negated to "
        + "\(t)): ∂L/∂\(s) = 2(\(p))/(N·D)."
    }
  }

  func elementwisePair(_ op: String, a: String, b: String, y: String) -> String {
    "The \(op) node works element by element on \(a) and \(b): each sends back ∂L/∂\(y) times its "
      + "own local gradient at every element (and summed over any axis that broadcasting "
      + "stretched):"
  }

  func crossEntropy(_ p: String, _ t: String) -> String {
    "cross_entropy(\(p), \(t)) = −Σ \(t)·log \(p) / N (N rows) sends back −\(t)/(N·\(p)) "
      + "to \(p), element by element; the labels \(t) get none:"
  }

  func branchShare(_ x: String, uses: Int) -> String {
    "\(x) is used \(uses) times, so the equation below gives only the share that comes back "
      + "along this use: "
      + "∂L/∂\(x) is the sum of the \(uses) shares (on the figure, the gradient on the stem before "
      + "the wire branches)."
  }

  func difference(_ a: String, _ b: String, y: String) -> String {
    "The subtraction passes ∂L/∂\(y) to \(a) unchanged and to \(b) negated: ∂L/∂\(a) = ∂L/∂\(y), "
      + "∂L/∂\(b) = −∂L/∂\(y)."
  }

  func classIndices(_ t: String, rows: Int, classes: Int, loss: String) -> String {
    let rowsWord = rows == 1 ? "the scores" : "each of the \(rows) rows"
    return "\(t) holds one class index for \(rowsWord) (CS231n's y, from 0 to \(classes - 1)): it "
      + "stands for one-hot labels, a 1 in that class's column and 0 elsewhere, and the formulas "
      + "below write \(t) for those one-hot rows. So \(loss) takes "
      + "−log of the probability of the right class\(rows == 1 ? "" : " in each row, averaged over the rows")."
  }

  var valuesHeading: String { "Values and gradients" }

  func valueSentence(_ shape: Shape, _ value: String, _ gradient: String, of name: String)
    -> String
  {
    let what = shape.isScalar ? "" : " \(shape)"
    return "\(what) = \(value),  ∂L/∂\(name) = \(gradient)"
  }

  func outputIs(_ name: String, _ shape: Shape) -> String { "The output \(name) \(shape):" }

  func givenUpstream(_ y: String, _ value: String) -> String {
    "\(y) is not the loss itself but a layer's output: the gradient that reaches it from the "
      + "rest of the network, ∂L/∂\(y) = \(value), is given (L is the network's loss), and the "
      + "backward pass starts from it."
  }

  func outputSentence(_ name: String, _ value: String, _ shape: Shape) -> String {
    let what = shape.isScalar ? "" : " \(shape)"
    return "The output \(name)\(what) is \(value)."
  }

  var checkHeading: String { "Numeric check" }

  func checkIntro(checked: Int, of total: Int) -> String {
    let which = checked == total ? "every element" : "\(checked) of the \(total) elements"
    return "The backpropagated gradient of \(which), against the central difference "
      + "\(Self.difference); the relative error is \(Self.relative), and 0 when "
      + "both are below 1e−8."
  }

  var checkHeader: [String] { ["element", "backprop", "numeric", "relative error"] }

  func checkVerdict(_ worst: Double, _ text: String) -> String {
    worst < 1e-7
      ? "The largest relative error is \(text): below 1e−7, which CS231n reads as a correct gradient."
      : "The largest relative error is \(text). CS231n reads below 1e−7 as good; near a kink "
        + "(relu, max) a larger error can come from the difference itself."
  }
}
