import LessonKit
import Testing

@Suite("Derivations")
struct DerivationTests {
  let head = "title: t\nfunction: y = tanh(x)\ninputs: {x: 1}\nderivation:\n  of: x\n  steps:\n"

  @Test("a correct derivation passes")
  func correct() {
    #expect(diagnostics(head + "    - 1 - tanh(x)^2\n    - 1 - y^2\n") == "")
  }

  @Test("a wrong step fails at its line and column, with the numbers")
  func wrongStep() {
    #expect(
      diagnostics(head + "    - 1 - tanh(x)^2\n    - math: 1 + y^2\n      text: wrong sign\n")
        .hasPrefix(
          """
          lesson.yaml:8:13: error: this step is not equal to step 1: at x = 1 it is 1.58003, but step 1 is 0.419974
              - math: 1 + y^2
                      ^
          """))
  }

  @Test("a first step that is not the derivative fails")
  func wrongFirstStep() {
    #expect(
      diagnostics(head + "    - 1/(1 - y^2)\n").hasPrefix(
        "lesson.yaml:7:7: error: this step is not equal to ∂y/∂x: at x = 1 it is 2.3811, but ∂y/∂x is 0.419974"
      ))
  }

  @Test("a step right at the lesson's input but wrong near it fails, at the nearby point")
  func rightOnlyAtTheInput() {
    let sigmoid =
      "title: t\nfunction: y = sigmoid(x)\ninputs: {x: 1}\nderivation:\n  of: x\n  steps:\n"
    #expect(diagnostics(sigmoid + "    - y * (1 - y)\n    - y - y^2\n") == "")
    // (x - 1) vanishes at x = 1: there the first step is ∂y/∂x, anywhere else it is not.
    #expect(
      diagnostics(sigmoid + "    - y * (1 - y) + (x - 1)\n").hasPrefix(
        "lesson.yaml:7:7: error: this step is not equal to ∂y/∂x: at x = 1.04 it is 0.232951, "
          + "but ∂y/∂x is 0.192951"))
    // The same for a later step, off by a term too small to see at four decimals.
    #expect(
      diagnostics(sigmoid + "    - y * (1 - y)\n    - y - y^2 + (x - 1)^2 / 1000\n").hasPrefix(
        "lesson.yaml:8:7: error: this step is not equal to step 1: at x = 1.04 it is "))
    // Two inputs, both moved at once: right wherever either is at its lesson value.
    let product =
      "title: t\nfunction: y = x * w\ninputs: {x: 2, w: 3}\nderivation:\n  of: x\n  steps:\n"
    #expect(diagnostics(product + "    - w\n") == "")
    #expect(
      diagnostics(product + "    - w + (x - 2) * (w - 3)\n").hasPrefix(
        "lesson.yaml:7:7: error: this step is not equal to ∂y/∂x: at w = 3.4, x = 2.15 it is "))
  }

  @Test("a misspelt key in a step is named where it is written")
  func unknownStepKey() {
    #expect(
      diagnostics(head + "    - text: by the chain rule\n      equation: 1 - y^2\n")
        .hasPrefix(
          """
          lesson.yaml:8:7: error: unknown key 'equation' in a derivation step; a step has 'math' (an expression) and may have 'text'
                equation: 1 - y^2
                ^
          """))
    // Written as an equation, the way one writes it on paper.
    #expect(
      diagnostics(head + "    - math: dy/dx = 1 - y^2\n").hasPrefix(
        "lesson.yaml:7:19: error: a step is one expression, without '=': the handout writes ∂y/∂x = step 1 = step 2 = …"
      ))
    #expect(
      diagnostics(head + "    - text: only words\n").hasPrefix(
        "lesson.yaml:7:7: error: a step has 'math' (an expression) and may have 'text'"))
  }

  @Test("unknown names, a variable that is not an input, and syntax errors are located")
  func otherErrors() {
    #expect(
      diagnostics(head + "    - 1 - z^2\n").hasPrefix(
        "lesson.yaml:7:7: error: 'z' is not a name of the function"))
    #expect(
      diagnostics(
        "title: t\nfunction: y = tanh(x)\ninputs: {x: 1}\nderivation:\n  of: w\n  steps: [1]\n"
      )
      .hasPrefix(
        "lesson.yaml:5:7: error: the derivation is by 'w', which is not an input of the function"))
    #expect(
      diagnostics(head + "    - 1 - (y^2\n").hasPrefix(
        "lesson.yaml:7:11: error: unbalanced parenthesis"))
  }
}
