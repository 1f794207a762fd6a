import GraphEngine

/// The tensor walk-through's sentences in Korean, with particles chosen by the sound before
/// them (``KoreanParticle``).
struct KoreanTensorProse: TensorProse {
  var language: Language { .korean }

  func figureTitle(_ title: String) -> String { "\(title): 계산 그래프" }

  func expandedTitle(_ title: String) -> String { "\(title): 계층을 펼친 그래프" }

  func expandedIntro(affine: Bool, repeats: Bool, loss: Bool) -> String {
    var parts: [String] = []
    if affine { parts.append("Affine은 MatMul 노드와 + 노드로 이루어집니다.") }
    if repeats {
      parts.append("배치에서는 편향이 Repeat 노드를 거쳐 N번 복사되므로 그 역전파인 Sum(축 0 방향의 합)이 보입니다.")
    }
    if loss { parts.append("Softmax-with-Loss는 softmax 노드와 교차 엔트로피 오차 노드로 이루어집니다.") }
    return "같은 그래프를 계층을 펼쳐 그리면 다음과 같습니다. " + parts.joined(separator: " ")
  }

  func expandedAlt(_ title: String) -> String {
    "\(title)의 계층을 펼친 계산 그래프: 각 화살표 위에 값과 모양, 아래에 기울기"
  }

  var classesHeading: String { "클래스별로 펼친 Softmax-with-Loss" }

  func classesIntro(_ classes: Int, rows: Int, gates: Bool) -> String {
    let k = classes == 2 ? "1, 2" : "1, 2, 3"
    let (divide, times, negate) = gates ? ("1/x", "*", "*−1") : ("/", "×", "×(−1)")
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
    return "이 노드들을 거꾸로 따라가면 각 점수에 " + KoreanParticle.after(rule, "이", "가")
      + " 도착합니다"
      + (upstream.map { " (상류 기울기 " + KoreanParticle.after($0, "을", "를") + " 곱해서)" } ?? "")
      + ": " + each
      + ". Softmax-with-Loss 계층이 한 번에 돌려보내는 값과 같습니다."
  }

  var classesCaption: String {
    "위: 값. 아래: 그 값에 대한 L의 기울기. 각 노드가 받은 기울기에 국소적 미분을 곱해 돌려보냅니다."
  }

  func classesAlt(_ title: String) -> String {
    "\(title)의 Softmax-with-Loss를 클래스별로 펼친 계산 그래프: exp, +, /, ×, log 노드"
  }

  func classesTitle(_ title: String) -> String { "\(title): 클래스별로 펼친 Softmax-with-Loss" }

  func classesOmitted(_ why: String) -> String {
    "Softmax-with-Loss 계층은 클래스별로 펼쳐 그리지 않았습니다. 이 점수에서는 펼친 그래프의 "
      + "기본 노드가 넘칩니다(\(why)). 계층 자체의 값과 기울기는 유한합니다."
  }

  var stepsTooWide: String {
    "이 그래프는 한 쪽에 다 들어가지 않아 단계별 그림은 싣지 않았습니다. 그래프 전체의 그림에 "
      + "모든 기울기가 있고, 각 노드가 돌려보내는 기울기는 아래 식에 있습니다."
  }

  var stepsHeading: String { "단계별 역전파" }

  func stepTitle(_ title: String, _ k: Int, _ n: Int) -> String {
    "\(title): 역전파 \(k)/\(n)단계"
  }

  func step(
    _ k: Int, of n: Int, node: String, receives: (String, Shape), sends: [(String, Shape)]
  ) -> String {
    let list = sends.map(gradient).joined(separator: ", ")
    return "\(k)/\(n)단계: \(node) 노드가 "
      + KoreanParticle.after(gradient(receives), "을", "를") + " 받아 "
      + (sends.isEmpty ? "더 보낼 곳이 없습니다." : KoreanParticle.after(list, "을", "를") + " 돌려보냅니다.")
  }

  var graphHeading: String { "계산 그래프" }

  func convention(products: Bool) -> String {
    let rows =
      "『밑바닥부터 시작하는 딥러닝』처럼 벡터는 행 벡터입니다. 모양 (D,)인 벡터 X에 (D, H) 행렬 W를 곱하면 "
      + "X·W는 모양 (H,)인 행 벡터가 되고, N개를 묶은 배치 X (N, D)는 행 하나가 입력 하나입니다. "
    let wires =
      "각 화살표 위에는 값과 그 모양을, 아래에는 같은 모양의 기울기(X라면 ∂L/∂X)를 적었습니다. "
      + "기울기는 언제나 그 변수와 모양이 같습니다."
    return (products ? rows : "") + wires
  }

  func figureAlt(_ title: String) -> String {
    "\(title)의 계산 그래프: 각 화살표 위에 값과 모양, 아래에 기울기"
  }

  func stepCaption(_ k: Int, of n: Int, node: String, symbolic: Bool) -> String {
    "\(n)단계 중 \(k)단계: 강조한 \(node) 노드. " + caption(symbolic: symbolic)
  }

  func caption(symbolic: Bool) -> String {
    symbolic
      ? "위: 값과 모양(배치의 행 수는 N). 아래: 기울기와 그 식."
      : "위: 값과 모양. 아래: 기울기(X라면 ∂L/∂X). 4×6 이하의 행렬은 원소까지 적었습니다."
  }

  var shapesHeading: String { "모양으로 찾는 기울기" }

  func shapesIntro(products: Bool) -> String {
    products
      ? "CS231n이 가르치듯 행렬의 기울기는 모양을 맞추어 찾을 수 있습니다. ∂L/∂X는 X와 모양이 같아야 하므로, "
        + "곱할 수 있는 방법은 하나뿐입니다."
      : "기울기는 언제나 그 변수와 모양이 같습니다. 각 노드가 돌려보내는 기울기는 다음과 같습니다."
  }

  func shortNames(_ definitions: [String]) -> String {
    "이름이 없고 식이 길어 식으로 부르기 어려운 선은 본문과 그림에서 짧은 이름으로 부릅니다: "
      + definitions.joined(separator: "; ") + "."
  }

  func elementwise(_ op: String, x: String, y: String, local: String) -> String {
    KoreanParticle.after(op, "은", "는") + " 원소마다 작동하므로 흘러온 기울기에 원소마다 국소적 미분을 곱합니다(⊙): "
      + "∂L/∂\(x) = ∂L/∂\(y) ⊙ \(local)."
  }

  func gate(_ op: String, a: String, b: String, y: String) -> String {
    let (word, which) = op == "max" ? ("maximum", "큰") : ("minimum", "작은")
    return "\(op)(\(a), \(b))는 NumPy의 \(word)(\(a), \(b))입니다. 원소마다 둘 중 \(which) 값을 "
      + KoreanParticle.after(y, "이", "가") + " 가집니다(축 방향의 np.\(op)(x, axis)가 아닙니다). "
      + "그래서 원소마다 기울기는 그 값을 준 입력으로 돌아가고(같으면 첫 번째) 다른 입력에는 0이 갑니다."
  }

  func matmul(
    x: String, w: String, y: String, transposed: (x: String, w: String), xShape: Shape,
    wShape: Shape, yShape: Shape
  ) -> String {
    let (xs, ws, ys) = (xShape.description, wShape.description, yShape.description)
    let (xT, wT) = transposed
    if Self.shapesAlike(xShape, wShape) {
      return "\(x) \(xs) · \(w) \(ws) → \(ys). 여기서는 크기가 겹쳐 모양만으로는 곱하는 순서가 "
        + "정해지지 않습니다. 크기가 모두 다르면 모양이 순서를 정하며, 규칙은 같습니다: "
        + "∂L/∂\(x) = ∂L/∂\(y) · \(wT)(모양 \(xs)), ∂L/∂\(w) = \(xT) · ∂L/∂\(y)(모양 \(ws))."
    }
    return "\(x) \(xs) · \(w) \(ws) → \(ys). ∂L/∂\(x) = ∂L/∂\(y) · \(wT): \(ys)에 "
      + KoreanParticle.after(wT, "을", "를") + " 곱해야 "
      + "\(x)의 모양 " + KoreanParticle.after(xs, "이", "가") + " 됩니다. "
      + "∂L/∂\(w) = \(xT) · ∂L/∂\(y): 모양 \(ws)."
  }

  func bias(
    _ b: String, _ shape: Shape, _ y: Shape, to addend: String, output: String, axes: [Int],
    negated: Bool
  ) -> String {
    let gradient = KoreanParticle.after((negated ? "−" : "") + "∂L/∂\(output)", "을", "를")
    let into = KoreanParticle.after(b, "으로", "로")
    switch axes {
    case [0]:
      return KoreanParticle.after("\(b) \(shape)", "은", "는")
        + " \(addend) \(y)의 모든 행\(negated ? "에서 빼졌으므로" : "에 더해졌으므로")(브로드캐스트), 그 기울기는 \(gradient)"
        + " 축 0 방향으로 더한 것입니다: 행마다 흘러온 기울기가 모두 \(into) 모입니다."
    case [1] where y.rank == 2:
      return KoreanParticle.after("\(b) \(shape)", "은", "는")
        + " \(addend) \(y)의 모든 열\(negated ? "에서 빼졌으므로" : "에 더해졌으므로")(브로드캐스트), 그 기울기는 \(gradient)"
        + " 축 1 방향으로 더한 것입니다: 열마다 흘러온 기울기가 모두 \(into) 모입니다."
    default:
      let list = axes.map(String.init).joined(separator: ", ")
      return KoreanParticle.after("\(b) \(shape)", "은", "는")
        + " 축 \(list) 방향으로 늘어나 \(output) \(y)의 모양이 되었으므로(브로드캐스트), 그 기울기는 "
        + "\(gradient) 그 축들 방향으로 더한 것입니다: 복사본마다 흘러온 기울기가 모두 \(into) 모입니다."
    }
  }

  func alongAxis(
    _ function: String, x: String, y: String, lanes: AxisLanes, kept: Bool, n: Int
  ) -> String {
    let (each, axis) =
      switch lanes {
      case .rows: ("\(x)의 각 행", "(축 1, 열 방향)")
      case .columns: ("\(x)의 각 열", "(축 0, 행 방향)")
      case .all: ("\(x) 전체", "")
      }
    let keep =
      kept
      ? " keepdims이므로 축이 크기 1로 남아 " + KoreanParticle.after(y, "은", "는") + " "
        + KoreanParticle.after(x, "과", "와") + " 브로드캐스트됩니다." : ""
    switch function {
    case "sum", "mean":
      let over = function == "mean" ? " 더한 뒤 원소 \(n)개로 나눕니다" : " 더합니다"
      let share = function == "mean" ? "∂L/∂\(y)/\(n)" : "∂L/∂\(y)"
      return KoreanParticle.after(function, "은", "는") + " "
        + KoreanParticle.after(each + axis, "을", "를")
        + " 하나의 수로\(over).\(keep) 원소마다 그 합에 "
        + (function == "mean" ? "1/\(n)의 가중치로" : "한 번") + " 들어갔으므로 "
        + KoreanParticle.after(share, "을", "를") + " 돌려받습니다. 기울기는 "
        + (lanes == .all ? "모든 원소로" : "같은 축을 따라") + " 반복됩니다(Sum의 역전파는 Repeat)."
    case "max":
      return "max는 \(each)\(axis)에서 가장 큰 원소를 남깁니다(NumPy의 np.max(x, axis)이며, 원소별 "
        + "maximum이 아닙니다).\(keep) 그 원소만 \(y)에 닿으므로 "
        + KoreanParticle.after("∂L/∂\(y)", "은", "는") + " 그 원소로만 가고 나머지는 "
        + "0을 받습니다. 가장 큰 값이 여럿이면 첫 번째(np.argmax가 돌려주는 원소)가 모두 받습니다."
    case "logsumexp":
      return "logsumexp는 \(each)\(axis)의 log Σ exp를 구합니다.\(keep) exp가 넘치지 않도록 가장 큰 값 "
        + "m을 빼서 m + log Σ exp(x − m)으로 계산합니다. 국소적 미분은 소프트맥스이므로 ∂L/∂\(x) = "
        + "∂L/∂\(y) ⊙ softmax(\(x))이고, 기울기는 각 원소의 exp에 비례해 나뉩니다."
    case "log_softmax":
      return "log_softmax는 \(each)\(axis)에서 그 logsumexp를 뺍니다: \(y) = \(x) − logsumexp(\(x)). "
        + "소프트맥스가 0으로 사라지는 곳에서도 유한합니다. 역전파는 ∂L/∂\(x) = ∂L/∂\(y) − "
        + "softmax(\(x))·Σ ∂L/∂\(y)이며, 합은 같은 줄에서 구합니다."
    default:
      return "softmax는 " + KoreanParticle.after(each + axis, "을", "를")
        + " 합이 1인 확률로 바꿉니다. 한 줄의 출력은 그 줄의 모든 입력에 "
        + "의존하므로 역전파는 \(y) ⊙ (∂L/∂\(y) − Σ ∂L/∂\(y)·\(y))이며, 합은 같은 줄에서 구합니다."
    }
  }

  var lossHeading: String { "손실의 기울기를 한 번에 유도하기" }

  func exerciseTitle(_ title: String) -> String { title + ": 연습 문제" }

  func exerciseIntro(forward: Bool) -> String {
    (forward
      ? "빈칸을 채우세요. 먼저 순전파의 값을, 이어서 출력에서 입력 쪽으로 역전파의 기울기를 구합니다. "
      : "빈칸에 역전파의 기울기를 출력에서 입력 쪽으로 채우세요. 순전파의 값은 주어져 있습니다. ")
      + "행렬의 칸 하나가 원소 하나입니다(큰 행렬은 전체에 칸 하나). 기울기는 변수와 모양이 같고, "
      + "그림 다음 절이 노드마다 기울기를 돌려보내는 방법을 알려 줍니다. 정답은 끝의 정답 부분에 있습니다."
  }

  var exerciseCaption: String { "위: 값과 모양. 아래: 채울 기울기, 원소마다 칸 하나." }

  var answerKeyHeading: String { "정답" }

  func lossDerivation(
    _ kind: LossKind, input s: String, middle p: String, target t: String, count n: Int,
    indices: Bool
  ) -> String {
    switch kind {
    case .softmaxCrossEntropy:
      return "\(p) = softmax(\(s)) 다음에 \(t)에 대한 교차 엔트로피 오차를 구하는 것은 밑바닥부터 시작하는 "
        + "딥러닝의 Softmax-with-Loss 계층을 부품으로 나누어 쓴 것이며, 기울기도 그 계층과 같습니다. "
        + "교차 엔트로피 오차는 ∂L/∂\(p) = −\(t)/(N·\(p))를 돌려보내고, 소프트맥스는 이를 행마다 "
        + "\(p) ⊙ (∂L/∂\(p) − Σⱼ ∂L/∂\(p)ⱼ·\(p)ⱼ) = (\(p)·Σⱼ\(t)ⱼ − \(t))/N으로 바꿉니다. "
        + (indices
          ? KoreanParticle.after(t, "은", "는") + " 행마다 정답 클래스 하나를 가리키므로 원-핫 행으로 보면 합이 1이고, "
          : KoreanParticle.after("\(t)의 각 행", "은", "는") + " 합이 1(정답 클래스 하나)이므로 ")
        + "∂L/∂\(s) = "
        + "(\(p) − \(t))/N, N = \(n)입니다. 확률에서 정답 레이블을 빼고 행 수로 나눈 것입니다."
    case .binaryCrossEntropy:
      return "\(p) = σ(\(s)) 다음에 \(t)에 대한 이진 교차 엔트로피(−mean(\(t)·log \(p) + (1 − \(t))·"
        + "log(1 − \(p))))를 구하는 것은 Sigmoid-with-Loss 계층을 부품으로 나누어 쓴 것입니다. "
        + "손실은 ∂L/∂\(p) = ((1 − \(t))/(1 − \(p)) − \(t)/\(p))/N을 돌려보내고 σ′ = \(p)(1 − \(p))이므로 "
        + "∂L/∂\(s) = \(p)(1 − \(p))·((1 − \(t))/(1 − \(p)) − \(t)/\(p))/N = (\(p) − \(t))/N, N = \(n)"
        + "입니다. 소프트맥스와 같은 규칙, p − t입니다."
    case .meanSquaredError:
      return "mean((\(p))²)은 " + KoreanParticle.after(s, "과", "와")
        + " \(t) 사이의 평균 제곱 오차를 부품으로 나누어 쓴 것입니다. 평균은 "
        + "N·D = \(n)개 원소(\(s)의 모양대로 N개 행, D개 열) 각각에 ∂L/∂L의 1/\(n)을 주고, 제곱은 "
        + "2(\(p))를 곱하며, 뺄셈은 그대로 "
        + KoreanParticle.after(s, "에", "에") + " 전합니다(\(t)에는 부호를 바꾸어). 그래서 ∂L/∂\(s) = "
        + "2(\(p))/(N·D)입니다."
    }
  }

  func elementwisePair(_ op: String, a: String, b: String, y: String) -> String {
    "\(op) 노드는 " + KoreanParticle.after(a, "과", "와") + " \(b)에 원소마다 작동합니다. 각 입력은 "
      + "원소마다 ∂L/∂\(y)에 자기 국소적 미분을 곱한 것을 돌려받습니다(브로드캐스트로 늘어난 축이 "
      + "있으면 그 축으로 더합니다):"
  }

  func crossEntropy(_ p: String, _ t: String) -> String {
    "cross_entropy(\(p), \(t)) = −Σ \(t)·log \(p) / N(N은 행 수)은 \(p)에 원소마다 "
      + "−\(t)/(N·\(p))를 돌려보냅니다. 정답 레이블 \(t)에는 돌려보내지 않습니다:"
  }

  func branchShare(_ x: String, uses: Int) -> String {
    KoreanParticle.after(x, "은", "는") + " \(uses)번 쓰이므로 아래 식은 그중 한 번을 거쳐 돌아오는 몫일 "
      + "뿐입니다. " + KoreanParticle.after("∂L/∂\(x)", "은", "는") + " 몫 \(uses)개의 합입니다(그림에서는 선이 "
      + "갈라지기 전 줄기의 기울기)."
  }

  func difference(_ a: String, _ b: String, y: String) -> String {
    "뺄셈은 ∂L/∂\(y)를 " + KoreanParticle.after(a, "에", "에") + "는 그대로, "
      + KoreanParticle.after(b, "에", "에")
      + "는 부호를 바꾸어 전합니다: ∂L/∂\(a) = ∂L/∂\(y), ∂L/∂\(b) = −∂L/∂\(y)."
  }

  func classIndices(_ t: String, rows: Int, classes: Int, loss: String) -> String {
    let rowsWord = rows == 1 ? "점수" : "\(rows)개 행 각각"
    return KoreanParticle.after(t, "은", "는") + " \(rowsWord)의 정답 클래스 번호(CS231n의 y, 0부터 "
      + "\(classes - 1)까지)를 담습니다. 그 클래스 열만 1이고 나머지는 0인 원-핫 레이블을 뜻하며, "
      + "아래 식의 \(t)도 그 원-핫 행들을 나타냅니다. "
      + "그래서 \(loss)는 정답 클래스 확률의 −log를 구합니다"
      + (rows == 1 ? "." : "(행들의 평균).")
  }

  func labelSentence(_ shape: Shape, _ value: String) -> String {
    let what = shape.isScalar ? "" : " \(shape)"
    return "\(what) = \(value): 정답 레이블이므로 기울기를 구하지 않습니다."
  }

  var labelsHaveNoGradient: String { ": 정답 레이블이므로 기울기를 구하지 않습니다." }

  func softmaxWithLoss(_ a: String, _ t: String) -> String {
    // 밑바닥부터 시작하는 딥러닝의 y, 레이블 이름이 y라면(CS231n) P.
    let y = t == "y" ? "P" : "y"
    return "Softmax-with-Loss 계층의 역전파는 \(y) − \(t)입니다(\(y) = softmax(\(a)), 배치라면 N으로 "
      + "나눕니다\(t == "y" ? ", y는 원-핫 행으로 봅니다" : "")). "
      + "소프트맥스와 교차 엔트로피 오차를 함께 미분하면 이렇게 깔끔해집니다."
  }

  func repeatSum(_ x: String, _ n: Int) -> String {
    "Repeat 노드는 " + KoreanParticle.after(x, "을", "를")
      + " \(n)번 복사하므로, 그 역전파는 흘러온 \(n)개의 기울기를 더하는 Sum입니다."
  }

  func transposed(_ x: String, _ y: String) -> String {
    "Transpose 노드는 \(x)의 각 원소를 값은 그대로 두고 \(y)의 대칭 위치(i행 j열에서 j행 i열)로 옮기므로, 기울기도 "
      + "원소가 온 자리로 되돌아갑니다. 즉 기울기를 다시 전치합니다."
  }

  var valuesHeading: String { "값과 기울기" }

  func valueSentence(_ shape: Shape, _ value: String, _ gradient: String, of name: String)
    -> String
  {
    let what = shape.isScalar ? "" : " \(shape)"
    return "\(what) = \(value),  ∂L/∂\(name) = \(gradient)"
  }

  func outputIs(_ name: String, _ shape: Shape) -> String { "출력 \(name) \(shape)의 값:" }

  func givenUpstream(_ y: String, _ value: String) -> String {
    KoreanParticle.after(y, "은", "는") + " 손실 자체가 아니라 한 계층의 출력입니다. 신경망의 나머지 "
      + "부분에서 \(y)에 도달하는 기울기 ∂L/∂\(y) = \(value)가 주어지며(L은 신경망의 손실), "
      + "역전파는 여기서 시작합니다."
  }

  func outputSentence(_ name: String, _ value: String, _ shape: Shape) -> String {
    let what = shape.isScalar ? "" : " \(shape)"
    return "출력 \(name)\(what)의 값은 \(value)입니다."
  }

  var checkHeading: String { "수치 미분으로 확인" }

  func checkIntro(checked: Int, of total: Int) -> String {
    let which = checked == total ? "모든 원소" : "\(total)개 중 \(checked)개 원소"
    return "\(which)의 역전파 기울기를 중앙 차분 \(Self.difference)와 비교합니다. "
      + "상대 오차는 \(Self.relative)이고, 둘 다 1e−8보다 작으면 0으로 봅니다."
  }

  var checkHeader: [String] { ["원소", "역전파", "수치 미분", "상대 오차"] }

  func checkVerdict(_ worst: Double, _ text: String) -> String {
    worst < 1e-7
      ? "가장 큰 상대 오차는 \(text)입니다. CS231n의 기준으로 1e−7보다 작으면 기울기가 옳습니다."
      : "가장 큰 상대 오차는 \(text)입니다. CS231n은 1e−7 미만을 좋다고 보고, 꺾인 곳(relu, max) 근처에서는 더 큰 오차가 날 수 있다고 말합니다."
  }
}
