import FormulaWriting
import Testing

@testable import GraphEngine

@Suite("Formula")
struct FormulaTests {
  /// The DLFS backward labels of the sigmoid chain, built as upstream × local and tidied.
  @Test("the sigmoid chain's backward labels, as in DLFS Fig. 5-20")
  func sigmoidChainLabels() {
    let upstream = Formula.derivative(of: .symbol("L"), withRespectTo: .symbol("y"))
    let x = Formula.symbol("x")
    let negX = Formula.negate(x)
    // `/`: local −y²; `+`: 1; `exp`: its output exp(−x); `×(−1)`: the other input, −1.
    let recip = Formula.product([
      upstream, Op.recip.symbolicLocalGradients(parameter: 0)[0].preferred,
    ])
    .substituting(operands: [], result: .symbol("y")).tidied()
    let add = Formula.product([recip, 1]).tidied()
    let exp = Formula.product([add, Op.exp.symbolicLocalGradients(parameter: 0)[0].inOperands])
      .substituting(operands: [negX], result: .call(.exp, [negX])).tidied()
    let mul = Formula.product([exp, Op.mul.symbolicLocalGradients(parameter: 0)[0].inOperands])
      .substituting(operands: [x, -1], result: negX).tidied()
    #expect(upstream.unicode() == "∂L/∂y")
    #expect(recip.unicode() == "−∂L/∂y·y²")
    #expect(add.unicode() == "−∂L/∂y·y²")
    #expect(exp.unicode() == "−∂L/∂y·y²exp(−x)")
    #expect(mul.unicode() == "∂L/∂y·y²exp(−x)")
  }

  @Test("tidying rules")
  func tidy() {
    let a = Formula.symbol("a")
    let b = Formula.symbol("b")
    #expect(Formula.negate(.negate(a)).tidied() == a)
    #expect(Formula.product([1, a]).tidied() == a)
    #expect(Formula.product([2, a, 3]).tidied() == .product([6, a]))
    let upstream = Formula.derivative(of: .symbol("L"), withRespectTo: .symbol("z"))
    #expect(Formula.product([upstream, 2, .symbol("t")]).tidied().unicode() == "∂L/∂z·2t")
    #expect(Formula.product([-1, a, .negate(b)]).tidied() == .product([a, b]))
    #expect(Formula.product([0, a]).tidied() == 0)
    #expect(Formula.sum(a, .negate(b)).tidied() == .difference(a, b))
    #expect(Formula.difference(a, .number(-2)).tidied() == .sum(a, 2))
    #expect(Formula.power(a, 1).tidied() == a)
    #expect(Formula.quotient(.negate(a), b).tidied() == .negate(.quotient(a, b)))
  }

  @Test("unicode writing: subscripts, superscripts, minus signs and parentheses")
  func unicode() {
    #expect(Formula.symbol("x0").unicode() == "x₀")
    #expect(Formula.symbol("w_1").unicode() == "w₁")
    #expect(Formula.symbol("apple_num").unicode() == "apple_num")
    #expect(Formula.product([.symbol("all_price"), .symbol("tax")]).unicode() == "all_price·tax")
    // Names side by side get a visible sign: x·y, x·x (xx reads as one name).
    #expect(Formula.product([.symbol("x"), .symbol("y")]).unicode() == "x·y")
    #expect(Formula.product([.symbol("x"), .symbol("x")]).unicode() == "x·x")
    #expect(Formula.product([2, .symbol("x")]).unicode() == "2x")
    #expect(Formula.power(.sum(.symbol("x"), .symbol("y")), 2).unicode() == "(x + y)²")
    #expect(Formula.product([2, .sum(.symbol("x"), .symbol("y"))]).unicode() == "2(x + y)")
    #expect(Formula.negate(.sum(.symbol("a"), 1)).unicode() == "−(a + 1)")
    #expect(
      Formula.difference(.symbol("a"), .difference(.symbol("b"), .symbol("c"))).unicode()
        == "a − (b − c)")
    #expect(Formula.number(-0.5).unicode() == "−0.5")
    #expect(Formula.power(.symbol("x"), .symbol("n")).unicode() == "x^n")
  }
}
