import Analysis
import GraphEngine

/// The walk-through's sentences in Korean, in the established terms of the Korean edition of
/// Deep Learning from Scratch: 기울기 (gradient), 연쇄 법칙 (chain rule), 순전파 (forward
/// propagation), 역전파 (backpropagation), 국소적 미분 (local derivative).
struct KoreanProse: Prose {
  var functionHeading: String { "함수" }
  var forwardHeading: String { "순전파" }
  var backwardHeading: String { "역전파" }
  var stepsHeading: String { "역전파를 한 단계씩" }
  func stepShare(_ target: String, of terms: Int, _ product: String) -> String {
    "\(target)의 기울기를 이루는 \(terms)개 항 중 하나: \(product)"
  }
  func stepCaption(_ k: Int, of count: Int, node: String, sends: [String]) -> String {
    "\(count)단계 중 \(k)단계, \(node) 노드"
      + (sends.isEmpty ? "." : ": " + sends.joined(separator: "; ") + ".")
  }
  var backwardTableHeading: String { "역전파를 한 표로" }
  var backwardTableIntro: String {
    "출력에서 거꾸로, 그래프의 모든 간선에 대해: 상류에서 온 기울기, 그 간선의 국소적 미분, 그리고 둘을 곱해 하류로 흘려보내는 값입니다."
  }
  var compositeHeading: String { "복합 노드" }
  var derivationHeading: String { "유도" }
  var checkHeading: String { "수치 검증" }
  var contentsHeading: String { "목차" }
  var answerKeyHeading: String { "정답" }
  var previousWord: String { "이전" }
  var nextWord: String { "다음" }
  var exerciseWord: String { "연습 문제" }
  var lessonsHeading: String { "레슨" }
  func graphOf(_ title: String) -> String { "“\(title)”의 계산 그래프" }
  func plotIntro(
    _ y: Formula, _ x: Formula, from: Formula, to: Formula, point: Formula, slope: Formula
  ) -> [Inline] {
    fill(
      "{1}의 함수로 {2}부터 {3}까지 그린 {0}와 그 도함수입니다. 모든 점에서 같은 순전파와 역전파로 "
        + "계산했습니다. 레슨의 점 {4}에서 접선의 기울기가 바로 기울기 {5}입니다.",
      [y, x, from, to, point, slope])
  }
  func exerciseTitle(_ title: String) -> String { title + ": 연습 문제" }
  func exerciseIntro(forward: Bool) -> String {
    forward
      ? "빈칸을 채우세요. 먼저 순전파의 값을, 이어서 출력에서 입력 쪽으로 역전파의 기울기를 구합니다. "
        + "정답은 끝의 정답 부분에 있습니다."
      : "빈칸에 역전파의 기울기를 출력에서 입력 쪽으로 채우세요. 순전파의 값은 주어져 있습니다. "
        + "정답은 끝의 정답 부분에 있습니다."
  }

  var functionIs: String { "함수는 다음과 같습니다." }
  var inputsAre: String { "입력값은" }
  var forwardIntro: String {
    "순전파는 입력에서 출력 쪽으로, 각 노드의 값을 그 입력의 값으로부터 계산합니다."
  }
  var forwardIntroGivenInputs: String {
    "순전파는 입력에서 출력 쪽으로, 각 노드의 값을 그 입력의 값으로부터 계산합니다(입력의 값은 위에 있습니다)."
  }
  var nodeColumn: String { "노드" }
  var operationColumn: String { "연산" }
  var valueColumn: String { "값" }

  /// "the gradient of L with respect to x" / "x에 대한 L의 기울기", as a template.
  private func gradientOf(_ slot: String) -> String {
    "{\(slot)}에 대한 {L}의 기울기"
  }

  func seed(output: Formula, upstream: Formula, isOne: Bool) -> [Inline] {
    let seed = Formula.equation([.derivative(of: .symbol("L"), withRespectTo: output), upstream])
    if isOne && output == .symbol("L") {
      return fill(
        "역전파는 출력에서 입력 쪽으로 진행합니다. 출발점은 출력 {L}을 자기 자신으로 미분한 {1}입니다. 어떤 값을 자기 자신으로 미분하면 1입니다. ({L}은 교과서에서 최종적으로 미분하려는 값, 학습에서는 손실 함수를 가리키는 이름이며, 여기서는 이 강의의 출력입니다.)",
        [output, seed])
    }
    return fill(
      isOne
        ? "역전파는 출력에서 입력 쪽으로 진행합니다. 출발점은 \(gradientOf("0")) {1}입니다. 여기서 {L}은 최종적으로 미분하려는 값(학습에서는 손실 함수)을 나타냅니다. 이 강의에서는 {L}이 출력 {0} 자신이고, 어떤 값을 자기 자신으로 미분하면 1이므로 첫 기울기는 1입니다."
        : "역전파는 출력에서 입력 쪽으로 진행합니다. 출발점은 신경망의 뒤쪽(상류)에서 전해진 기울기로, \(gradientOf("0"))는 {1}로 주어집니다.",
      [output, seed])
  }

  var rule: String {
    "모든 노드에서 규칙은 같습니다. 연쇄 법칙에 따라, 상류에서 전해진 기울기에 그 노드의 국소적 미분을 곱한 값을 하류로 흘려보냅니다."
  }

  func nodeHeading(_ op: String, _ name: Formula) -> [Inline] {
    fill("\(op) 노드, {0}", [name])
  }

  func upstream(_ name: Formula) -> [Inline] {
    fill("상류에서 전해진 값: \(gradientOf("0"))는 ", [name])
  }

  func fanOut(_ name: Formula, edges: Int, nodes: Int) -> [Inline] {
    let uses = nodes == edges ? "노드 \(nodes)개에서" : "노드 \(nodes)개에서 간선 \(edges)개를 따라"
    return fill(
      "{0}는 \(uses) 쓰이므로, \(gradientOf("0"))는 각 간선을 따라 되돌아온 값을 모두 더한 것입니다.",
      [name])
  }

  func local(_ name: Formula, _ input: Formula) -> [Inline] {
    fill("{1}에 대한 {0}의 국소적 미분:", [name, input])
  }

  func localInSlot(_ name: Formula, _ input: Formula, slot: Int, of count: Int) -> [Inline] {
    fill(
      "{0}는 {1}를 여러 입력에 씁니다. {0}의 \(slot)번째 입력 {1}에 대한 국소적 미분(나머지 입력은 고정):",
      [name, input])
  }

  func slot(_ k: Int) -> String { " (\(k)번째 입력)" }

  func alongEdge(_ input: Formula) -> [Inline] {
    fill(
      "상류 × 국소적 미분 = 이 간선을 따라 {0}로 되돌아가는 값(\(gradientOf("0"))의 한 항):",
      [input])
  }

  func downstream(_ input: Formula) -> [Inline] {
    fill(
      "상류 × 국소적 미분 = 하류, 즉 \(gradientOf("0")):",
      [input])
  }

  func localAndDownstream(_ name: Formula, _ input: Formula, alongEdge: Bool) -> [Inline] {
    fill(
      alongEdge
        ? "{1}에 대한 {0}의 국소적 미분, 그리고 상류 × 국소적 미분 = 이 간선을 따라 {1}로 되돌아가는 값(\(gradientOf("1"))의 한 항):"
        : "{1}에 대한 {0}의 국소적 미분, 그리고 상류 × 국소적 미분 = 하류, 즉 \(gradientOf("1")):",
      [name, input])
  }

  func localAndDownstreamAgain(_ input: Formula) -> [Inline] {
    fill("{0}에 대해서도 같은 방식으로:", [input])
  }

  func appliedRule(_ op: String) -> String {
    "첫 번째 \(op) 노드와 같은 규칙입니다. 입력마다 상류 × 국소적 미분 = 하류:"
  }

  func inputResult(_ name: Formula) -> [Inline] {
    fill("따라서 \(gradientOf("0"))는 ", [name])
  }

  func composite(_ name: String, _ chain: String, isChain: Bool) -> String {
    if !isChain {
      return
        "\(name)를 펼치면 \(chain)로 이루어진 작은 그래프가 됩니다. 입력에서 출력까지 경로가 여러 개이며, 각 경로의 기울기를 더한 값이 복합 노드의 국소적 미분입니다. 교과서는 이를 닫힌 형태로 씁니다."
    }
    return
      "\(name)를 펼치면 \(chain)의 연결이 됩니다. 이 연결의 국소적 미분을 모두 곱한 값이 복합 노드의 국소적 미분이며, 교과서의 닫힌 형태와 같습니다."
  }

  /// The end of a sentence after inline math.
  var stop: String { "입니다." }

  /// Before the composite's numbers: the chain's local gradients multiplied (or, with more
  /// than one path, the gradient through the expanded graph), then the closed form.
  func inNumbers(isChain: Bool) -> String {
    isChain
      ? "수치로는, 연결의 국소적 미분을 곱한 값과 닫힌 형태의 값입니다."
      : "수치로는, 펼친 그래프를 따라 구한 기울기와 닫힌 형태의 값입니다."
  }

  func derivationIntro(_ y: Formula, _ x: Formula, points: Int) -> [Inline] {
    fill(
      "{1}에 대한 {0}의 미분을 한 단계씩 유도합니다(lessongen이 각 단계를 \(points)개의 점에서 계산해 확인했습니다).",
      [y, x])
  }

  func checkIntro(_ h: String) -> String {
    "역전파로 구한 각 입력의 기울기 a를 중심 차분 n = (f(x\u{00A0}+\u{00A0}h)\u{00A0}−\u{00A0}f(x\u{00A0}−\u{00A0}h))/2h, h = \(h)와 비교합니다. 상대 오차 |a\u{00A0}−\u{00A0}n|/max(|a|,\u{00A0}|n|)는 CS231n의 기울기 확인 노트에 따라 판정합니다. 10⁻⁷ 미만이면(또는 f(x\u{00A0}±\u{00A0}h)의 반올림 오차로 생길 수 있는 정도 이하이면) 일치, 10⁻⁴까지는 근접(함수에 꺾이는 점이 있으면 괜찮은 수준), 10⁻²까지는 의심, 그보다 크면 불일치입니다."
  }

  func longFunction(_ count: Int) -> String {
    "함수는 \(count)개의 문장으로 이루어져 있습니다. 처음과 마지막 문장은 다음과 같습니다."
  }

  func longStatement(_ name: String, operations: Int) -> String {
    "연산 \(operations)개로 이루어진 함수 \(name)"
  }

  func checkSkipped(_ name: String, _ why: GradientCheck.Skip) -> String {
    switch why {
    case .stepNotFinite:
      return
        "\(name)의 수치 검증은 생략했습니다. 그 값에서는 \(name) ± h가 유한한 수가 아니어서 중심 차분을 구할 수 없습니다. 위의 역전파에는 필요하지 않습니다."
    case .notEvaluable(let reason):
      return
        "\(name)의 수치 검증은 생략했습니다. \(name) ± h에서 함수를 계산할 수 없어(\(reason)) 중심 차분을 구할 수 없습니다. 위의 역전파에는 필요하지 않습니다."
    case .quotientNotFinite:
      return
        "\(name)의 수치 검증은 생략했습니다. \(name) ± h에서 함숫값은 유한하지만, 그 차를 2h로 나눈 값이 유한하지 않습니다. 위의 역전파에는 필요하지 않습니다."
    }
  }

  /// Why a figure is not drawn, said where it would stand.
  func omitted(_ figure: OmittedFigure) -> String {
    let name = figure.name
    switch figure.reason {
    case .tooLarge(let nodes):
      return
        "\(name) 그림은 생략했습니다. 그래프의 노드가 \(nodes)개인데, lessongen은 노드 \(Limits.drawnNodes)개까지의 그래프만 그립니다. 모든 값과 기울기는 trace.json에 있습니다."
    case .tooManySteps(let count):
      return "단계별 그림은 생략했습니다. 역전파가 \(count)단계인데, lessongen은 \(Limits.stepFigures)단계까지만 그립니다."
    case .notEvaluable(let message):
      return "펼친 그래프는 그리지 않았습니다. 이 입력에서는 펼친 그래프의 기본 노드가 넘칩니다(\(message)). 합성 노드 자체의 값과 기울기는 유한합니다."
    case .notOneInput(let count):
      return "함수 그래프는 생략했습니다. 입력이 하나인 함수만 그리는데, 이 레슨의 입력은 \(count)개입니다."
    }
  }

  func tableLeftOut(_ rows: Int) -> String {
    "표는 생략했습니다. 행이 \(rows)개가 되는데, lessongen은 \(Limits.tableRows)행까지의 표만 싣습니다. 모든 값과 기울기는 trace.json에 있습니다."
  }

  func figureTooLarge(_ id: FigureID) -> String {
    let name = id.fileStem
    return "이 그래프는 한 쪽에 읽을 수 있게 인쇄하기에는 너무 큽니다. 그림은 figures/\(name).pdf(.svg, .png)에 있습니다."
  }

  var inputColumn: String { "입력" }
  var backpropColumn: String { "역전파" }
  var differenceColumn: String { "중심 차분" }
  var errorColumn: String { "상대 오차" }
  var verdictColumn: String { "판정" }

  func verdict(_ verdict: GradientCheck.Verdict) -> String {
    switch verdict {
    case .agrees: "일치"
    case .close: "근접"
    case .doubtful: "의심"
    case .disagrees: "불일치"
    }
  }

  func figureCaption(_ id: FigureID) -> String {
    switch id {
    case .graph:
      return "값과 기울기를 표시한 계산 그래프."
    case .expanded:
      return "복합 노드를 기본 연산으로 펼친 그래프."
    case .forward: return "순전파: 각 노드의 값."
    case .step(let step, let count):
      return "역전파 \(count)단계 중 \(step)단계: 강조된 노드가 방금 기울기를 하류로 전달했습니다."
    case .plot: return "함수(실선)와 도함수(점선). 레슨의 점과 그 점의 접선."
    case .classes: return "클래스별로 펼친 Softmax-with-Loss: exp, +, /, ×, log, ×(−1) 노드."
    case .exercise(.forward): return "순전파: 각 노드의 값을 채우세요."
    case .exercise: return "계산 그래프: 빈칸을 채우세요."
    }
  }

  var edgeColumn: String { "간선" }
  var upstreamColumn: String { "상류" }
  var localColumn: String { "국소적 미분" }
  var downstreamColumn: String { "하류" }

  func name(of op: Op) -> String { op.descriptor.names.korean }

  func figureTitle(_ id: FigureID) -> String {
    switch id {
    case .graph: "계산 그래프"
    case .forward: "순전파"
    case .expanded: "펼친 그래프"
    case .step(let k, let count): "역전파 \(count)단계 중 \(k)단계"
    case .exercise(let figure): figureTitle(figure) + ", 연습 문제"
    case .classes: "클래스별로 펼친 Softmax-with-Loss"
    case .plot: "함수와 도함수"
    }
  }
}
