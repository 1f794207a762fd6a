import Testing

@testable import ExpressionLanguage
@testable import GraphEngine

/// The parse of an expression as a fully parenthesized S-expression, for exact comparison.
private func sexp(_ text: String) throws -> String {
  let program = try Parser.parse("y = " + text, locate: { SourceLocation(line: 1, column: $0 + 1) })
    .get()
  func show(_ id: Expression.ID) -> String {
    switch program[id].kind {
    case .number(let v): return NumberFormat.full.format(v)
    case .variable(let name): return name
    case .unary(.negate, let a): return "(neg \(show(a)))"
    case .unary(.plus, let a): return "(pos \(show(a)))"
    case .binary(let op, let a, let b): return "(\(op.rawValue) \(show(a)) \(show(b)))"
    case .call(let f, let args):
      return "(\(f.rawValue) " + args.map(show).joined(separator: " ") + ")"
    }
  }
  return show(program.statements[0].root)
}

private func errors(_ text: String) -> [String] {
  switch Parser.parse(text, locate: { SourceLocation(line: 1, column: $0 + 1) }) {
  case .success: return []
  case .failure(let list): return list.diagnostics.map { "\($0.location): \($0.message)" }
  }
}

@Suite("Parser")
struct ParserTests {
  @Test(
    "precedence and associativity",
    arguments: [
      ("a + b * c", "(+ a (* b c))"),
      ("a - b - c", "(- (- a b) c)"),
      ("a / b / c", "(/ (/ a b) c)"),
      ("a * b / c * d", "(* (/ (* a b) c) d)"),
      ("-x^2", "(neg (^ x 2))"),
      ("2^x^2", "(^ 2 (^ x 2))"),
      ("a ** b ** c", "(^ a (^ b c))"),
      ("- -x", "(neg (neg x))"),
      ("+x", "(pos x)"),
      ("-a * b", "(* (neg a) b)"),
      ("a * -b", "(* a (neg b))"),
      ("x^-1", "(^ x (neg 1))"),
      ("(a + b) * c", "(* (+ a b) c)"),
      ("max(a, b + 1) - min(a, 2)", "(- (max a (+ b 1)) (min a 2))"),
      ("exp(-x)^2", "(^ (exp (neg x)) 2)"),
      ("1e-3 + .5 + 2E0 + 1.5", "(+ (+ (+ 0.001 0.5) 2) 1.5)"),
      ("a − b", "(- a b)"),
      // numpy's .T binds tighter than anything, and the call is the same node.
      ("-W.T ^ 2", "(neg (^ (transpose W) 2))"),
      ("X @ W.T.T + .5", "(+ (@ X (transpose (transpose W))) 0.5)"),
      ("transpose(X @ W).T", "(transpose (transpose (@ X W)))"),
      // numpy's axis= is the same call as the axis written second.
      ("sum(X, axis=1)", "(sum_axis X 1)"),
      ("mean(X, axis = -1) + sum(X, 0)", "(+ (mean_axis X (neg 1)) (sum_axis X 0))"),
      // keepdims=true: a mark after the axis, which the graph builder reads.
      ("sum(X, axis=1, keepdims=true)", "(sum_axis X 1 1)"),
      ("mean(X, keepdims=False, axis=0)", "(mean_axis X 0)"),
      // max with axis= is numpy's np.max; max(a, b) stays the element-by-element maximum.
      ("max(X, axis=-1) + max(X, 1)", "(+ (max_axis X (neg 1)) (max X 1))"),
      (
        "softmax(S, axis=0) + log_softmax(S) + logsumexp(S, 1)",
        "(+ (+ (softmax S 0) (log_softmax S)) (logsumexp S 1))"
      ),
    ])
  func precedence(input: String, expected: String) throws {
    #expect(try sexp(input) == expected)
  }

  @Test("several statements, by newline and by semicolon")
  func statements() throws {
    let program = try Parser.parse(
      "q = x + y; f = q * z\n\n  g = f\n", locate: { SourceLocation(line: 1, column: $0 + 1) }
    ).get()
    #expect(program.statements.map(\.name) == ["q", "f", "g"])
  }

  @Test("a newline inside parentheses continues the expression")
  func continuation() throws {
    #expect(try sexp("(a +\n b)") == "(+ a b)")
  }

  @Test(
    "syntax errors name the offending character",
    arguments: [
      (
        "y = foo(x)",
        "1:5: unknown function 'foo'; the functions are exp, log, sqrt, sin, cos, tan, tanh, sigmoid, softplus, relu, abs, max, min, sum, mean, logsumexp, softmax, log_softmax, cross_entropy, softmax_with_loss, affine, transpose, repeat"
      ),
      (
        "y = dot(X, W)",
        "1:5: unknown function 'dot'; the matrix product is written with @, as in numpy: X @ W"
      ),
      ("y = exp(x, 2)", "1:5: exp takes 1 argument, but 2 were given"),
      // numpy's methods and np. prefix, each with what to write instead.
      (
        "y = a.dot(b)",
        "1:6: '.dot' is not part of the language; numpy's a.dot(b) and np.dot(a, b) are written a @ b"
      ),
      (
        "y = np.dot(a, b)",
        "1:7: '.dot' is not part of the language; numpy's a.dot(b) and np.dot(a, b) are written a @ b"
      ),
      (
        "y = W.transpose()",
        "1:6: '.transpose' is not part of the language; write W.T or transpose(W)"
      ),
      (
        "y = np.exp(x)",
        "1:7: '.exp' is not part of the language; call the function directly, as in exp(x) (no np. before it)"
      ),
      (
        "y = exp(X, axis=0)",
        "1:12: exp has no axis; axis= is for sum, mean, max, logsumexp, softmax, log_softmax"
      ),
      (
        "y = sum(X, 1, 2)",
        "1:5: sum takes x and an optional axis (sum(x) or sum(x, axis=k)), but 3 were given"
      ),
      (
        "y = sum(X, keepdims=true)",
        "1:12: keepdims=true needs an axis here, as in sum(x, axis=1, keepdims=true)"
      ),
      (
        "y = sum(X, axis=1, keepdims=yes)",
        "1:29: keepdims= takes true or false, as in sum(x, axis=1, keepdims=true)"
      ),
      ("y = exp(X, out=Y)", "1:12: exp takes no argument 'out'"),
      (
        "y = sum(X, axis=1, keepdims=true, keepdims=false)",
        "1:35: keepdims= is given twice in this call"
      ),
      (
        "y = sum(X, out=Y)", "1:12: sum has no argument 'out'; its keywords are axis= and keepdims="
      ),
      ("y = sum(axis=1, X)", "1:17: an argument without a name cannot follow axis=, as in numpy"),
      ("y = sum(X, 1, axis=0)", "1:15: sum takes x and one axis: sum(x, axis=k) or sum(x, k)"),
      (
        "y = W.shape",
        "1:6: '.shape' is not part of the language; the one attribute is .T (the transpose), as in W.T"
      ),
      (
        "y = max(x)",
        "1:5: max takes two values (numpy's maximum, max(a, b)) or x and an axis (max(x, axis=k)), but 1 was given"
      ),
      ("y = (x + 1", "1:5: unbalanced parenthesis: this '(' is never closed"),
      ("y = x + 1)", "1:10: unbalanced parenthesis: this ')' has no matching '('"),
      ("y = x ? 2", "1:7: unexpected character '?'"),
      ("y = 기울기 * x", "1:5: unexpected text '기울기'; names are made of A-Z, a-z, 0-9 and _"),
      ("y = ", "1:5: empty expression: 'y =' needs something on the right"),
      ("y = x +", "1:8: expected an expression, found end of function"),
      ("y = 2x", "1:6: expected an operator before 'x' (write 2*x for a product)"),
      ("y x + 1", "1:3: expected '=' after 'y': each statement is 'name = expression'"),
      ("y = ()", "1:6: empty expression inside parentheses"),
      ("y = exp", "1:5: 'exp' is a function; call it as exp(…)"),
      ("exp = x", "1:1: 'exp' is a function and cannot be assigned"),
      ("y = 1e", "1:6: the exponent of a number needs digits, as in 1e-3"),
      ("y = 1e999", "1:5: the number 1e999 is too large: it is not a finite double"),
      ("", "1:1: the function is empty; write a statement such as y = x * 2"),
    ])
  func syntaxErrors(input: String, expected: String) {
    #expect(errors(input) == [expected])
  }

  @Test("every broken statement is reported in one run")
  func allErrors() {
    #expect(
      errors("a = (x\nb = y +\nc = a * b") == [
        "1:5: unbalanced parenthesis: this '(' is never closed",
        "1:15: expected an expression, found end of statement",
      ])
  }

  @Test("deep nesting is an error, not a stack overflow")
  func deepNesting() {
    let depth = 100_000
    let parens = String(repeating: "(", count: depth) + "x" + String(repeating: ")", count: depth)
    #expect(
      errors("y = " + parens).first?.hasSuffix("nested too deeply (more than 200 levels)") == true)
    #expect(errors("y = " + String(repeating: "-", count: depth) + "x").count == 1)
    #expect(errors("y = " + Array(repeating: "2", count: depth).joined(separator: "^")).count == 1)
  }

  @Test("long flat chains parse without recursion")
  func longChain() throws {
    let text = "y = " + Array(repeating: "x", count: 200_000).joined(separator: " + ")
    let program = try Parser.parse(text, locate: { SourceLocation(line: 1, column: $0 + 1) }).get()
    #expect(program.expressions.count == 399_999)
  }
}
