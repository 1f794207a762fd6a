import FormulaWriting
import Testing

@testable import GraphEngine

/// The same formulas through every writer, compared by exact text.
@Suite("Formula writers")
struct FormulaWriterTests {
  let x = Formula.symbol("x")
  let y = Formula.symbol("y")
  var dLdy: Formula { .derivative(of: .symbol("L"), withRespectTo: y) }
  /// ∂L/∂y·y²exp(−x), the gradient DLFS writes on the × node's input.
  var chain: Formula { .product([dLdy, .power(y, 2), .call(.exp, [.negate(x)])]) }
  /// 1/(1 + exp(−x))
  var sigmoid: Formula { .quotient(1, .sum(1, .call(.exp, [.negate(x)]))) }

  @Test("Unicode")
  func unicode() {
    #expect(chain.unicode() == "∂L/∂y·y²exp(−x)")
    #expect(sigmoid.unicode() == "1/(1 + exp(−x))")
    #expect(Formula.product([y, .difference(1, y)]).unicode() == "y(1 − y)")
    #expect(Formula.call(.sqrt, [.sum(x, 1)]).unicode() == "√(x + 1)")
    // After a call, a dot (the factor would read as an argument); before a call after a bare
    // name, a thin space (`tlog(p)` reads as one function).
    #expect(Formula.product([.call(.tan, [x]), x]).unicode() == "tan(x)·x")
    #expect(Formula.product([.symbol("t"), .call(.log, [y])]).unicode() == "t\u{2009}log(y)")
    #expect(
      Formula.product([.call(.exp, [x]), .call(.exp, [y])]).latex()
        == #"\exp\left(x\right) \cdot \exp\left(y\right)"#)
  }

  @Test("LaTeX")
  func latex() {
    #expect(chain.latex() == #"\frac{\partial L}{\partial y} \cdot {y}^{2} \exp\left(-x\right)"#)
    #expect(sigmoid.latex() == #"\frac{1}{1 + \exp\left(-x\right)}"#)
    #expect(Formula.product([y, .difference(1, y)]).latex() == #"y \left(1 - y\right)"#)
    #expect(Formula.power(.sum(x, y), 2).latex() == #"{\left(x + y\right)}^{2}"#)
    #expect(Formula.symbol("w_1").latex() == "w_{1}")
    #expect(Formula.symbol("apple_num").latex() == #"\mathrm{apple\_num}"#)
    #expect(Formula.call(.sqrt, [x]).latex() == #"\sqrt{x}"#)
    #expect(Formula.call(.sigmoid, [x]).latex() == #"\sigma\left(x\right)"#)
    #expect(Formula.number(-0.534447).latex() == "-0.534447")
  }

  @Test("MathML")
  func mathML() {
    #expect(
      sigmoid.mathML()
        == "<math xmlns=\"http://www.w3.org/1998/Math/MathML\"><mfrac><mn>1</mn><mrow><mn>1</mn><mo>+</mo><mrow><mi>exp</mi><mo>\u{2061}</mo><mo>(</mo><mrow><mo>−</mo><mi>x</mi></mrow><mo>)</mo></mrow></mrow></mfrac></math>"
    )
    #expect(
      Formula.power(y, 2).mathML()
        == "<math xmlns=\"http://www.w3.org/1998/Math/MathML\"><msup><mi>y</mi><mn>2</mn></msup></math>"
    )
    #expect(Formula.symbol("x0").mathML().contains("<msub><mi>x</mi><mn>0</mn></msub>"))
    #expect(Formula.number(-2).mathML().contains("<mrow><mo>−</mo><mn>2</mn></mrow>"))
    #expect(
      dLdy.mathML().contains(
        "<mfrac><mrow><mo>∂</mo><mi>L</mi></mrow><mrow><mo>∂</mo><mi>y</mi></mrow></mfrac>"))
  }

  @Test("a matrix: bmatrix in LaTeX, an mtable in brackets in MathML, numpy's nesting in text")
  func matrix() {
    let m = Formula.matrix([[1, .number(-0.5)], [.number(2.25), 0]])
    #expect(m.latex() == #"\begin{bmatrix}1 & -0.5 \\ 2.25 & 0\end{bmatrix}"#)
    #expect(m.unicode() == "[[1, −0.5], [2.25, 0]]")
    #expect(Formula.matrix([[1, 2]]).unicode() == "[1, 2]")
    let ml = m.mathML()
    #expect(ml.contains("<mo>[</mo><mtable><mtr><mtd><mn>1</mn></mtd>"), "\(ml)")
    #expect(ml.contains("</mtable><mo>]</mo></mrow>"))
    // In an equation with a gradient, as the walk-through writes ∂L/∂W.
    let equation = Formula.equation([
      .derivative(of: .symbol("L"), withRespectTo: .symbol("W")), .matrix([[1, 2]]),
    ])
    #expect(
      equation.latex() == #"\frac{\partial L}{\partial W} = \begin{bmatrix}1 & 2\end{bmatrix}"#)
    #expect(Formula.matrix([[.number(-1)]]).tidied() == .matrix([[.number(-1)]]))
  }
}
