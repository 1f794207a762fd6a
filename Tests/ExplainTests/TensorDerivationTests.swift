import Analysis
import Explain
import Foundation
import GraphEngine
import LessonKit
import Publishing
import TensorWording
import Testing

/// The walk-through of a lesson of vectors and matrices derives each gradient with the op's
/// own backward formula (``GraphEngine/TensorRule/formulas``), the rule the figures print.
@Suite("Tensor derivations")
struct TensorDerivationTests {
  static let lesson = """
    title: A row and a column broadcast
    function: |
      Y = X * g + b + c
      L = sum(Y * Y)
    inputs:
      X: [[1, 2], [3, 4], [5, 6]]
      g: [[0.5, -1], [2, 1], [1, 1]]
      b: [1, 2]
      c: [[1], [2], [3]]

    """

  func markdown(_ lesson: String = lesson, language: Language) throws -> String {
    let compiled = try #require(
      try CompiledTensorLesson.compile(bytes: Array(lesson.utf8), path: "b.yaml", id: "b"))
    let words = tensorProse(for: language)
    return MarkdownWriter().write(TensorWalkthrough(compiled: compiled, words: words).document())
  }

  @Test("a row is summed over axis 0, a column over axis 1, in words and in the equation")
  func broadcastAxes() throws {
    let english = try markdown(language: .english)
    // Each says what it was added to (issue 24: not the sum it made).
    #expect(english.contains("b (2,) was added to every row of (X ⊙ g) (3, 2)"))
    #expect(english.contains("c (3, 1) was added to every column of (X ⊙ g + b) (3, 2)"))
    #expect(english.contains("∂L/∂Y summed over axis 1: every column's gradient"))
    // Y ⊙ Y uses Y twice: its equation is one branch's share, said before it, and written
    // once (both slots send back the same).
    #expect(english.contains("The ⊙ node works element by element on Y and Y"))
    let share = try #require(
      english.range(of: "Y is used 2 times, so the equation below gives only the share"))
    let equation = try #require(
      english.range(
        of:
          #"\frac{\partial L}{\partial Y} = \frac{\partial L}{\partial \left(Y \odot Y\right)} \odot Y"#
      ))
    #expect(share.upperBound < equation.lowerBound)
    #expect(english.components(separatedBy: "Y is used 2 times").count == 2)
    #expect(
      english.contains(
        #"\frac{\partial L}{\partial c} = \operatorname{sum}\left(\frac{\partial L}{\partial Y}, 1\right)"#
      ))
    #expect(
      english.contains(
        #"\frac{\partial L}{\partial b} = \operatorname{sum}\left(\frac{\partial L}{\partial \left(X \odot g + b\right)}, 0\right)"#
      ))
    let korean = try markdown(language: .korean)
    #expect(korean.contains("c (3, 1)은 (X ⊙ g + b) (3, 2)의 모든 열에 더해졌으므로"))
    #expect(korean.contains("축 1 방향으로 더한 것입니다"))
  }

  @Test("a subtracted row sends back −∂L/∂Y summed over axis 0")
  func subtractedRow() throws {
    let lesson = """
      title: A mean subtracted
      function: |
        Y = X - m
        L = sum(Y * Y)
      inputs:
        X: [[1, 2], [3, 4]]
        m: [2, 3]

      """
    let english = try markdown(lesson, language: .english)
    #expect(english.contains("m (2,) was subtracted from every row of X (2, 2)"))
    #expect(english.contains("its gradient is −∂L/∂Y summed over axis 0"))
    #expect(
      english.contains(
        #"\frac{\partial L}{\partial m} = \operatorname{sum}\left(-\frac{\partial L}{\partial Y}, 0\right)"#
      ))
    let korean = try markdown(lesson, language: .korean)
    #expect(korean.contains("모든 행에서 빼졌으므로"))
    #expect(korean.contains("−∂L/∂Y를 축 0 방향으로"))
  }

  @Test("a transpose, W.T: its gradient transposed back, and (Wᵀ)ᵀ written W")
  func transpose() throws {
    let lesson = """
      title: A transposed weight
      function: |
        S = X @ W.T
        L = sum(S * S)
      inputs:
        X: [[1, 2, 3], [4, 5, 6]]
        W: [[0.1, -0.2, 0.3], [0.5, 0.4, -0.6]]

      """
    let english = try markdown(lesson, language: .english)
    #expect(
      english.contains("The Transpose node moves each element of W to the mirrored place in Wᵀ"))
    #expect(english.contains("∂L/∂X = ∂L/∂S · W: only (2, 2) times W gives the shape of X"))
    #expect(english.contains("∂L/∂Wᵀ = Xᵀ · ∂L/∂S, of shape (3, 2)"))
    #expect(
      english.contains(
        #"\frac{\partial L}{\partial W} = {\frac{\partial L}{\partial \left({W}^{\top}\right)}}^{\top}"#
      ))
    let korean = try markdown(lesson, language: .korean)
    #expect(korean.contains("Transpose 노드는 W의 각 원소를"))
    #expect(korean.contains("(2, 2)에 W를 곱해야 X의 모양 (2, 3)이 됩니다"))
  }

  @Test("max(a, b) on arrays is said to be numpy's element-by-element maximum, not np.max")
  func gate() throws {
    let lesson = """
      title: A hinge
      function: |
        H = max(S - 1, 0)
        L = sum(H)
      inputs:
        S: [[0.5, 2], [3, -1]]

      """
    let english = try markdown(lesson, language: .english)
    #expect(english.contains("max(S − 1, 0) is numpy's maximum(S − 1, 0): element by element"))
    #expect(english.contains("it is not numpy's np.max(x, axis), a maximum along an axis"))
    let korean = try markdown(lesson, language: .korean)
    #expect(korean.contains("max(S − 1, 0)는 NumPy의 maximum(S − 1, 0)입니다"))
  }

  @Test("the steps call two arrays multiplied element by element the ⊙ node")
  func hadamardStep() throws {
    let lesson = """
      title: Squares
      function: |
        S = X @ W
        L = sum(S * S)
      inputs:
        X: [[1, 2], [3, 4]]
        W: [[0.5, -1], [1, 2]]

      """
    let compiled = try #require(
      try CompiledTensorLesson.compile(bytes: Array(lesson.utf8), path: "s.yaml", id: "s"))
    var walkthrough = TensorWalkthrough(compiled: compiled, words: tensorProse(for: .english))
    walkthrough.hasSteps = true
    let text = MarkdownWriter().write(walkthrough.document())
    #expect(text.contains("Step 2 of 3: the ⊙ node receives ∂L/∂(S ⊙ S) (2, 2)"))
  }
  @Test("losses written out of their parts are derived whole, in English and Korean")
  func lossesDerivedWhole() throws {
    let lesson = """
      title: Losses
      function: |
        P = softmax(S)
        L = cross_entropy(P, y) + mean((Y - T) ^ 2)
      inputs:
        S: [[1.0, 2.0, 0.5], [0.1, -1.0, 3.0]]
        y: [1, 2]
        Y: [[0.5, 1.0], [2.0, -1.0]]
        T: [[0.0, 1.0], [1.5, -0.5]]

      """
    let english = try markdown(lesson, language: .english)
    #expect(english.contains("## The loss's gradient, derived whole"))
    #expect(english.contains("each adds up to 1: ∂L/∂S = (P − y)/N, with N = 2"))
    #expect(english.contains("y names one class a row"))
    #expect(english.contains(#"\frac{\partial L}{\partial S} = \frac{P - y}{N} = \begin{bmatrix}"#))
    #expect(english.contains("∂L/∂Y = 2(Y − T)/(N·D)"))
    #expect(english.contains("The subtraction passes ∂L/∂(Y − T) to Y unchanged"))
    #expect(english.contains("mean adds up all of (Y − T)² into one number"))
    #expect(
      english.contains(#"cross\_entropy(P, y) = −Σ y·log P / N (N rows) sends back −y/(N·P)"#))
    // Y − T is used once, by the square: no share sentence.
    #expect(!english.contains("(Y − T) is used"))
    let korean = try markdown(lesson, language: .korean)
    #expect(korean.contains("## 손실의 기울기를 한 번에 유도하기"))
    #expect(korean.contains("평균 제곱 오차"))
  }
  @Test("a tensor lesson's exercise sheet leaves every input's gradient blank; its key fills them")
  func exerciseSheet() throws {
    let compiled = try #require(
      try CompiledTensorLesson.compile(bytes: Array(Self.lesson.utf8), path: "b.yaml", id: "b"))
    for language in [Language.english, .korean] {
      let walkthrough = TensorWalkthrough(compiled: compiled, words: tensorProse(for: language))
      let sheet = MarkdownWriter().write(walkthrough.exerciseSheet(.gradients))
      // X (3, 2): a box per element; the rules stay, the numbers of the gradients go.
      #expect(sheet.contains("figures/graph-exercise.png"))
      #expect(sheet.contains(#"\frac{\partial L}{\partial X} &= \begin{bmatrix}\boxed"#))
      #expect(!sheet.contains("Numeric check") && !sheet.contains("수치 미분"))
      let gradient = compiled.evaluation.gradients[compiled.graph.inputs[0]]
      let first = TensorWalkthrough.number(gradient.elements[0], digits: 6)
      #expect(!sheet.contains(first.replacingOccurrences(of: "−", with: "-")))
      let exercise = MarkdownWriter().write(walkthrough.exercise(.gradients))
      #expect(exercise.contains(language == .english ? "## Answer key" : "## 정답"))
      #expect(exercise.contains(first.replacingOccurrences(of: "−", with: "-")))
    }
  }
}

@Suite("The numeric check's verdict")
struct CheckVerdictTests {
  @Test("a largest error just under 1e−7 is not rounded up to it")
  func verdict() {
    for language in Language.allCases {
      let words = tensorProse(for: language)
      let under = words.checkVerdict(9.96e-8)
      #expect(under.contains("9.96e−8"), "\(under)")
      #expect(!under.contains("1e−7:"), "\(under)")
      #expect(words.checkVerdict(2.5e-9).contains("2.5e−9"))
    }
  }
}

@Suite("The dimension check's sentence")
struct DimensionCheckTests {
  @Test("where the sizes repeat, the shapes are not said to settle the order")
  func squareSizes() throws {
    func markdown(_ x: String, _ language: Language) throws -> String {
      let lesson = """
        title: Sizes
        function: |
          L = sum(X @ W)
        inputs:
          X: \(x)
          W: [[1, 2, 3], [4, 5, 6]]

        """
      let compiled = try #require(
        try CompiledTensorLesson.compile(bytes: Array(lesson.utf8), path: "s.yaml", id: "s"))
      return MarkdownWriter().write(
        TensorWalkthrough(compiled: compiled, words: tensorProse(for: language)).document())
    }
    // X (2, 2): N = D, so W·(∂L/∂Y)ᵀ would be (2, 2) too.
    let square = try markdown("[[1, 2], [3, 4]]", .english)
    #expect(square.contains("the shapes alone do not settle the order"), "\(square)")
    #expect(!square.contains("only (2, 3) times"))
    #expect(try markdown("[[1, 2], [3, 4]]", .korean).contains("모양만으로는 곱하는 순서가"))
    // X (3, 2): every size different, the shapes settle it.
    let oblong = try markdown("[[1, 2], [3, 4], [5, 6]]", .english)
    #expect(oblong.contains("only (3, 3) times Wᵀ gives the shape of X"), "\(oblong)")
  }
}

@Suite("A layer's given upstream gradient")
struct GivenUpstreamTests {
  @Test("a layer's output with ∂L/∂Y set: the text says it is given, and where L comes from")
  func givenUpstream() throws {
    let lesson = """
      title: Affine
      function: |
        Y = X @ W + B
      inputs:
        X: [[1.0, 0.5], [-0.5, 2.0]]
        W: [[0.1, 0.3, 0.5], [0.2, 0.4, 0.6]]
        B: [0.1, 0.2, 0.3]
      upstream: [[1, 2, 3], [4, 5, 6]]

      """
    let compiled = try #require(
      try CompiledTensorLesson.compile(bytes: Array(lesson.utf8), path: "a.yaml", id: "a"))
    for language in Language.allCases {
      var walkthrough = TensorWalkthrough(compiled: compiled, words: tensorProse(for: language))
      walkthrough.hasSteps = true
      let text = MarkdownWriter().write(walkthrough.document())
      #expect(text.contains(#"∂L/∂Y = \[\[1, 2, 3\], \[4, 5, 6\]\]"#), "\(text)")
      // Each step figure's caption says which step and node it shows.
      #expect(
        text.contains(language == .english ? "Step 1 of 2: the + node, highlighted." : "2단계 중 1단계"),
        "\(text)")
    }
    // A loss L needs no such sentence.
    let loss = try #require(
      try CompiledTensorLesson.compile(
        bytes: Array("title: l\nfunction: L = sum(X * X)\ninputs:\n  X: [1, 2]\n".utf8),
        path: "l.yaml", id: "l"))
    let text = MarkdownWriter().write(
      TensorWalkthrough(compiled: loss, words: tensorProse(for: .english)).document())
    #expect(!text.contains("is not the loss itself"))
  }
}
