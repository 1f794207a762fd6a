import GraphEngine

/// The sentences of a tensor lesson's walk-through, in English and Korean.
struct TensorWords {
  let language: String

  init(language: String) {
    self.language = language == "ko" ? "ko" : "en"
  }

  private var ko: Bool { language == "ko" }

  func figureTitle(_ title: String) -> String {
    ko ? "\(title): 계산 그래프" : "\(title): the computational graph"
  }

  func expandedTitle(_ title: String) -> String {
    ko ? "\(title): 계층을 펼친 그래프" : "\(title): the layers drawn apart"
  }

  /// Before the expanded figure: what was drawn apart (`affine`: MatMul and +; `repeat`: a
  /// batch's row through a Repeat node; `loss`: Softmax-with-Loss as its two nodes).
  func expandedIntro(affine: Bool, repeats: Bool, loss: Bool) -> String {
    var parts: [String] = []
    if ko {
      if affine { parts.append("Affine은 MatMul 노드와 + 노드입니다.") }
      if repeats {
        parts.append("배치에서는 편향이 Repeat 노드를 거쳐 N번 복사되므로 그 역전파인 Sum(축 0 방향의 합)이 보입니다.")
      }
      if loss { parts.append("Softmax-with-Loss는 softmax 노드와 교차 엔트로피 오차 노드입니다.") }
      return "같은 그래프를 계층을 펼쳐 그리면 다음과 같습니다. " + parts.joined(separator: " ")
    }
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
    ko
      ? "\(title)의 계층을 펼친 계산 그래프: 각 화살표 위에 값과 모양, 아래에 기울기"
      : "The computational graph of \(title) with its layers drawn apart: each wire with its value and shape above and its gradient below"
  }

  var classesHeading: String {
    ko ? "클래스별로 펼친 Softmax-with-Loss" : "Softmax-with-Loss, class by class"
  }

  /// Introduces the figure of ``SoftmaxClasses``: what its nodes are; on a batch, that each
  /// row has its own and the error is their mean.
  ///
  /// - Parameter gates: whether the figure draws CS231n's gates (`1/x`, `*`, `*−1`) rather
  ///   than the textbook's operators (/, ×, ×(−1)).
  func classesIntro(_ classes: Int, rows: Int, gates: Bool = false) -> String {
    let k = classes == 2 ? "1, 2" : "1, 2, 3"
    let (divide, times, negate) = gates ? ("1/x", "*", "*−1") : ("/", "×", "×(−1)")
    if ko {
      let batch =
        rows == 1
        ? ""
        : " 배치의 행들은 모두 같은 모양으로 그려지므로 첫 행(n = 1)만 그렸습니다. 오차는 행들의 "
          + "평균이므로 첫 행의 몫은 L₁ = −Σₖ t₁ₖ log y₁ₖ / \(rows)입니다."
      return "클래스가 \(classes)개뿐이므로 『밑바닥부터 시작하는 딥러닝』 부록 A처럼 이 계층을 "
        + "수 하나하나의 노드로 풀어 그릴 수 있습니다 (k = \(k)): eₖ = exp(aₖ), 그 합 S, \(divide) 노드의 "
        + "1/S, \(times) 노드의 yₖ = eₖ·(1/S)가 softmax이고, log yₖ, tₖ·log yₖ, 그 합, \(negate) 노드가 "
        + "교차 엔트로피 오차 L = −Σ tₖ log yₖ입니다." + batch
    }
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

  /// What the drawn-out graph brings back to each score: yₖ − tₖ (over N on a batch), with
  /// the numbers; `score` names a score by its subscript (`a₁₂`).
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
    if ko {
      return "이 노드들을 거꾸로 따라가면 각 점수에 " + KoreanParticle.after(rule, "이", "가")
        + " 도착합니다"
        + (upstream.map { " (상류 기울기 " + KoreanParticle.after($0, "을", "를") + " 곱해서)" } ?? "")
        + ": " + each
        + ". Softmax-with-Loss 계층이 한 번에 돌려보내는 값과 같습니다."
    }
    return "Following the gradients back through these nodes, each score receives \(rule)"
      + (upstream.map { " (times the upstream gradient \($0))" } ?? "") + ": " + each
      + ", what the Softmax-with-Loss layer sends back at once."
  }

  /// The caption of the class-by-class figure: numbers, not matrices.
  var classesCaption: String {
    ko
      ? "위: 값. 아래: 그 값에 대한 L의 기울기. 각 노드가 받은 기울기에 국소적 미분을 곱해 돌려보냅니다."
      : "Above: values. Below: the gradient of L with respect to each. Every node multiplies "
        + "what it receives by its local gradient and sends it back."
  }

  func classesAlt(_ title: String) -> String {
    ko
      ? "\(title)의 Softmax-with-Loss를 클래스별로 펼친 계산 그래프: exp, +, /, ×, log 노드"
      : "The Softmax-with-Loss of \(title) drawn class by class: exp, +, /, ×, log nodes"
  }

  func classesTitle(_ title: String) -> String {
    ko ? "\(title): 클래스별로 펼친 Softmax-with-Loss" : "\(title): Softmax-with-Loss class by class"
  }

  /// Why the Softmax-with-Loss layer is not drawn out class by class.
  func classesOmitted(_ why: String) -> String {
    ko
      ? "Softmax-with-Loss 계층은 클래스별로 펼쳐 그리지 않았습니다. 이 점수에서는 펼친 그래프의 "
        + "기본 노드가 넘칩니다(\(why)). 계층 자체의 값과 기울기는 유한합니다."
      : "The Softmax-with-Loss layer is not drawn class by class: at these scores a primitive "
        + "node of the drawing overflows (\(why)), although the layer itself has a finite value "
        + "and gradient."
  }

  /// Why a small graph has no step figures: it does not print whole on a page. (Not "the
  /// figure above": in the handout such a figure floats to a landscape page after the text.)
  var stepsTooWide: String {
    ko
      ? "이 그래프는 한 쪽에 다 들어가지 않아 단계별 그림은 싣지 않았습니다. 그래프 전체의 그림에 "
        + "모든 기울기가 있고, 각 노드가 돌려보내는 기울기는 아래 식에 있습니다."
      : "This graph does not fit whole on a page, so it is not drawn again for each step of the "
        + "backward pass: the figure of the whole graph carries every gradient, and the equations below give "
        + "what each node sends back."
  }

  var stepsHeading: String { ko ? "단계별 역전파" : "The backward pass, step by step" }

  func stepTitle(_ title: String, _ k: Int, _ n: Int) -> String {
    ko ? "\(title): 역전파 \(k)/\(n)단계" : "\(title): backward step \(k) of \(n)"
  }

  /// One step of the backward pass: what the node receives and what it sends back.
  func step(
    _ k: Int, of n: Int, node: String, receives: (String, Shape), sends: [(String, Shape)]
  ) -> String {
    func gradient(_ pair: (String, Shape)) -> String {
      "∂L/∂\(pair.0)" + (pair.1.isScalar ? "" : " \(pair.1)")
    }
    let sent = sends.map(gradient)
    if ko {
      let list = sent.joined(separator: ", ")
      return "\(k)/\(n)단계: \(node) 노드가 "
        + KoreanParticle.after(gradient(receives), "을", "를") + " 받아 "
        + (sent.isEmpty ? "더 보낼 곳이 없습니다." : KoreanParticle.after(list, "을", "를") + " 돌려보냅니다.")
    }
    let list =
      sent.count <= 2
      ? sent.joined(separator: " and ")
      : sent.dropLast().joined(separator: ", ") + " and " + (sent.last ?? "")
    return "Step \(k) of \(n): the \(node) node receives \(gradient(receives)) and "
      + (sent.isEmpty ? "has nothing to send back." : "sends back \(list).")
  }

  var graphHeading: String { ko ? "계산 그래프" : "The computational graph" }

  /// The row-vector convention (stated where the lesson multiplies matrices) and how the
  /// wires are labelled.
  func convention(products: Bool) -> String {
    let rows =
      ko
      ? "『밑바닥부터 시작하는 딥러닝』처럼 벡터는 행 벡터입니다. 모양 (D,)인 벡터 X에 (D, H) 행렬 W를 곱하면 "
        + "X·W는 모양 (H,)인 행 벡터가 되고, N개를 묶은 배치 X (N, D)는 행 하나가 입력 하나입니다. "
      : "As in Deep Learning from Scratch, vectors are rows: a vector X of shape (D,) times a "
        + "matrix W of shape (D, H) gives the row X·W of shape (H,), and a batch X of shape "
        + "(N, D) holds one input per row. "
    let wires =
      ko
      ? "각 화살표 위에는 값과 그 모양을, 아래에는 같은 모양의 기울기(X라면 ∂L/∂X)를 적었습니다. "
        + "기울기는 언제나 그 변수와 모양이 같습니다."
      : "Above each wire are the value and its shape; below it, the gradient of the same shape "
        + "(∂L/∂X for X): a gradient always has the shape of its variable."
    return (products ? rows : "") + wires
  }

  func figureAlt(_ title: String) -> String {
    ko
      ? "\(title)의 계산 그래프: 각 화살표 위에 값과 모양, 아래에 기울기"
      : "The computational graph of \(title): each wire with its value and shape above and its gradient below"
  }

  /// The caption under a graph figure; with symbolic labels the gradients are formulas
  /// and no matrix is written out.
  func caption(symbolic: Bool) -> String {
    if symbolic {
      return ko
        ? "위: 값과 모양(배치의 행 수는 N). 아래: 기울기와 그 식."
        : "Above: values and shapes (a batch's rows are N). Below: gradients and their formulas."
    }
    return ko
      ? "위: 값과 모양. 아래: 기울기(X라면 ∂L/∂X). 3×3 이하의 행렬은 원소까지 적었습니다."
      : "Above: values and shapes. Below: gradients (∂L/∂X for X). Matrices up to 3 × 3 are "
        + "written out."
  }

  var shapesHeading: String { ko ? "모양으로 찾는 기울기" : "Gradients from their shapes" }

  /// Opens the section of gradients found by their shapes; the matrix product's argument
  /// only where there is one.
  func shapesIntro(products: Bool) -> String {
    if products {
      return ko
        ? "CS231n이 가르치듯 행렬의 기울기는 모양을 맞추어 찾을 수 있습니다. ∂L/∂X는 X와 모양이 같아야 하므로, "
          + "곱할 수 있는 방법은 하나뿐입니다."
        : "As CS231n teaches, a matrix gradient can be found by its shapes: ∂L/∂X must have the "
          + "shape of X, and there is only one way to multiply the matrices at hand into it."
    }
    return ko
      ? "기울기는 언제나 그 변수와 모양이 같습니다. 각 노드가 돌려보내는 기울기는 다음과 같습니다."
      : "A gradient always has the shape of its variable. What each node sends back:"
  }

  /// An element-by-element op's backward pass: ∂L/∂x = ∂L/∂y ⊙ (local gradient).
  func elementwise(_ op: String, x: String, y: String, local: String) -> String {
    ko
      ? KoreanParticle.after(op, "은", "는") + " 원소마다 작동하므로 흘러온 기울기에 원소마다 국소적 미분을 곱합니다(⊙): "
        + "∂L/∂\(x) = ∂L/∂\(y) ⊙ \(local)."
      : "\(op) works element by element, so the gradient it receives is multiplied element by "
        + "element (⊙) by its local gradient: ∂L/∂\(x) = ∂L/∂\(y) ⊙ \(local)."
  }

  func matmul(x: String, w: String, y: String, xShape: Shape, wShape: Shape, yShape: Shape)
    -> String
  {
    let (xs, ws, ys) = (xShape.description, wShape.description, yShape.description)
    return ko
      ? "\(x) \(xs) · \(w) \(ws) → \(ys). ∂L/∂\(x) = ∂L/∂\(y) · \(w)ᵀ: \(ys)에 \(w)ᵀ를 곱해야 "
        + "\(x)의 모양 " + KoreanParticle.after(xs, "이", "가") + " 됩니다. "
        + "∂L/∂\(w) = \(x)ᵀ · ∂L/∂\(y): 모양 \(ws)."
      : "\(x) \(xs) · \(w) \(ws) → \(ys). ∂L/∂\(x) = ∂L/∂\(y) · \(w)ᵀ: only \(ys) times "
        + "\(w)ᵀ gives the shape of \(x), \(xs). ∂L/∂\(w) = \(x)ᵀ · ∂L/∂\(y), of shape \(ws)."
  }

  func bias(_ b: String, _ shape: Shape, _ y: Shape, output: String) -> String {
    ko
      ? KoreanParticle.after("\(b) \(shape)", "은", "는")
        + " \(output) \(y)의 모든 행에 더해졌으므로(브로드캐스트), 그 기울기는 "
        + KoreanParticle.after("∂L/∂\(output)", "을", "를")
        + " 축 0 방향으로 더한 것입니다: 행마다 흘러온 기울기가 모두 "
        + KoreanParticle.after(b, "으로", "로") + " 모입니다."
      : "\(b) \(shape) was added to every row of \(output) \(y) (broadcast), so its gradient is "
        + "∂L/∂\(output) summed over axis 0: every row's gradient flows back into the same \(b)."
  }

  /// After the name of a loss's labels: its shape and value, and why it has no gradient.
  func labelSentence(_ shape: Shape, _ value: String) -> String {
    let what = shape.isScalar ? "" : " \(shape)"
    return ko
      ? "\(what) = \(value): 정답 레이블이므로 기울기를 구하지 않습니다."
      : "\(what) = \(value): the labels, which nothing learns, so no gradient is followed to them."
  }

  /// After the name of a loss's labels set as a matrix above.
  var labelsHaveNoGradient: String {
    ko
      ? ": 정답 레이블이므로 기울기를 구하지 않습니다."
      : ": the labels, which nothing learns, so no gradient is followed to them."
  }

  func softmaxWithLoss(_ a: String, _ t: String) -> String {
    ko
      ? "Softmax-with-Loss 계층의 역전파는 y − \(t)입니다(y = softmax(\(a)), 배치라면 N으로 나눕니다). "
        + "소프트맥스와 교차 엔트로피 오차를 함께 미분하면 이렇게 깔끔해집니다."
      : "The Softmax-with-Loss layer sends back y − \(t) (y = softmax(\(a)); divided by N for "
        + "a batch): softmax and the cross-entropy error differentiated together cancel down "
        + "to this."
  }

  func repeatSum(_ x: String, _ n: Int) -> String {
    ko
      ? "Repeat 노드는 " + KoreanParticle.after(x, "을", "를")
        + " \(n)번 복사하므로, 그 역전파는 흘러온 \(n)개의 기울기를 더하는 Sum입니다."
      : "The Repeat node copies \(x) \(n) times, so its backward pass is a Sum of the \(n) "
        + "gradients that come back."
  }

  var valuesHeading: String { ko ? "값과 기울기" : "Values and gradients" }

  /// After the input's name: its shape, value and gradient.
  func valueSentence(_ shape: Shape, _ value: String, _ gradient: String, of name: String)
    -> String
  {
    let what = shape.isScalar ? "" : " \(shape)"
    return ko
      ? "\(what) = \(value),  ∂L/∂\(name) = \(gradient)"
      : "\(what) = \(value),  ∂L/∂\(name) = \(gradient)"
  }

  /// A node without a name, by what it is.
  func unnamed(_ op: String) -> String {
    ko ? "\(op) 노드의 출력" : "the output of the \(op) node"
  }

  /// Introduces the output's value set as a matrix under it.
  func outputIs(_ name: String, _ shape: Shape) -> String {
    ko ? "출력 \(name) \(shape)의 값:" : "The output \(name) \(shape):"
  }

  func outputSentence(_ name: String, _ value: String, _ shape: Shape) -> String {
    let what = shape.isScalar ? "" : " \(shape)"
    return ko ? "출력 \(name)\(what)의 값은 \(value)입니다." : "The output \(name)\(what) is \(value)."
  }

  var checkHeading: String { ko ? "수치 미분으로 확인" : "Numeric check" }

  func checkIntro(checked: Int, of total: Int) -> String {
    let which =
      checked == total
      ? (ko ? "모든 원소" : "every element")
      : (ko ? "\(total)개 중 \(checked)개 원소" : "\(checked) of the \(total) elements")
    return ko
      ? "\(which)의 역전파 기울기를 중앙 차분 \(Self.difference)와 비교합니다. "
        + "상대 오차는 \(Self.relative)이고, 둘 다 1e−8보다 작으면 0으로 봅니다."
      : "The backpropagated gradient of \(which), against the central difference "
        + "\(Self.difference); the relative error is \(Self.relative), and 0 when "
        + "both are below 1e−8."
  }

  /// The formulas of the check, with no-break spaces so that no line breaks inside them.
  static let difference = "(L(x\u{A0}+\u{A0}h)\u{A0}−\u{A0}L(x\u{A0}−\u{A0}h))/2h"
  static let relative = "|a\u{A0}−\u{A0}n|/max(|a|,\u{A0}|n|)"

  var checkHeader: [String] {
    ko ? ["원소", "역전파", "수치 미분", "상대 오차"] : ["element", "backprop", "numeric", "relative error"]
  }

  func checkVerdict(_ worst: Double) -> String {
    let text = String(
      NumberFormat.shortest(significantDigits: 2).format(worst).map { $0 == "-" ? "−" : $0 })
    if worst < 1e-7 {
      return ko
        ? "가장 큰 상대 오차는 \(text)입니다. CS231n의 기준으로 1e−7보다 작으면 기울기가 옳습니다."
        : "The largest relative error is \(text): below 1e−7, which CS231n reads as a correct gradient."
    }
    return ko
      ? "가장 큰 상대 오차는 \(text)입니다. CS231n은 1e−7 미만을 좋다고 보고, 꺾인 곳(relu, max) 근처에서는 더 큰 오차가 날 수 있다고 말합니다."
      : "The largest relative error is \(text). CS231n reads below 1e−7 as good; near a kink "
        + "(relu, max) a larger error can come from the difference itself."
  }
}
