public import GraphEngine

/// Parses a lesson's `function` text into a ``Program``.
///
/// Recursive descent over the grammar of the lesson format (loosest binding first):
///
///     statement := name '=' additive
///     additive  := multiplicative (('+' | '-') multiplicative)*      left-associative
///     multiplicative := unary (('*' | '/') unary)*                  left-associative
///     unary     := ('-' | '+') unary | power
///     power     := primary (('^' | '**') unary)?                    right-associative
///     primary   := number | name | name '(' args ')' | '(' additive ')'
///
/// So `-x^2` is `-(x^2)` and `2^x^2` is `2^(x^2)`. Binary chains are parsed by loops;
/// only nesting (parentheses, unary signs, powers, calls) recurses, and that is capped at
/// ``Parser/maximumNesting`` levels with a diagnostic instead of a stack overflow.
/// After an error the parser skips to the next statement, so one run reports them all.
public struct Parser {
  /// How deeply parentheses, signs, powers and calls may nest.
  public static let maximumNesting = Limits.nesting

  private let source: [Unicode.Scalar]
  private let locate: (Int) -> SourceLocation
  private var tokens: [Token] = []
  private var position = 0
  private var depth = 0
  private var program = Program()
  private var diagnostics: [EngineDiagnostic] = []
  /// Whether every problem found leaves the statements whole: only calls the parser could
  /// not make, each replaced by a stand-in (see ``standIn(for:_:_:_:)``).
  private var structureIntact = true

  private struct Failure: Error {}

  /// - Parameters:
  ///   - text: the function text.
  ///   - locate: maps a scalar offset in `text` (0...count) to its place in the source file.
  public init(_ text: String, locate: @escaping (Int) -> SourceLocation) {
    self.source = Array(text.unicodeScalars)
    self.locate = locate
  }

  /// Parses every statement; returns the program, or every diagnostic found.
  public static func parse(
    _ text: String, locate: @escaping (Int) -> SourceLocation
  ) -> Result<Program, DiagnosticList> {
    var parser = Parser(text, locate: locate)
    return parser.run()
  }

  /// Parses one expression (no `name =`), as a derivation step is written; the program has
  /// no statements and the expression is its last arena entry.
  public static func parseExpression(
    _ text: String, locate: @escaping (Int) -> SourceLocation
  ) -> Result<(Program, Expression.ID), DiagnosticList> {
    var parser = Parser(text, locate: locate)
    return parser.runExpression()
  }

  mutating func runExpression() -> Result<(Program, Expression.ID), DiagnosticList> {
    var lexer = Lexer(source)
    tokens = lexer.tokenize()
    for error in lexer.errors {
      diagnostics.append(EngineDiagnostic(error.message, at: locate(error.at)))
    }
    skipSeparators()
    var root: Expression.ID?
    if peek.kind == .end {
      diagnostics.append(EngineDiagnostic("empty expression", at: locate(0)))
    } else if let parsed = try? parseAdditive() {
      skipSeparators()
      if peek.kind != .end {
        _ = fail("unexpected \(peek.quoted) after the expression", peek)
      } else {
        root = parsed
      }
    }
    guard diagnostics.isEmpty, let root else {
      return .failure(DiagnosticList(diagnostics.sorted { $0.location < $1.location }))
    }
    return .success((program, root))
  }

  /// Parses every statement; returns every diagnostic and, when they leave the statements
  /// whole (unknown functions and wrong argument counts only), the program with a stand-in
  /// for each such call, so its names can still be checked.
  public static func parsePartially(
    _ text: String, locate: @escaping (Int) -> SourceLocation
  ) -> (program: Program?, diagnostics: [EngineDiagnostic]) {
    var parser = Parser(text, locate: locate)
    switch parser.run() {
    case .success(let program): return (program, [])
    case .failure(let list):
      return (parser.structureIntact ? parser.program : nil, list.diagnostics)
    }
  }

  mutating func run() -> Result<Program, DiagnosticList> {
    var lexer = Lexer(source)
    tokens = lexer.tokenize()
    for error in lexer.errors {
      diagnostics.append(EngineDiagnostic(error.message, at: locate(error.at)))
    }
    if !lexer.errors.isEmpty { structureIntact = false }
    while true {
      skipSeparators()
      if peek.kind == .end { break }
      if program.statements.count == Limits.statements {
        structureIntact = false
        diagnostics.append(
          EngineDiagnostic(
            "the function has more than \(Limits.statements) statements, lessongen's limit "
              + "for one lesson; split it into several lessons", at: locate(peek.start)))
        break
      }
      do {
        let statement = try parseStatement()
        program.statements.append(statement)
      } catch {
        recover()
      }
    }
    if program.statements.isEmpty && diagnostics.isEmpty {
      diagnostics.append(
        EngineDiagnostic(
          "the function is empty; write a statement such as y = x * 2", at: locate(0)))
    }
    diagnostics.sort { $0.location < $1.location }
    return diagnostics.isEmpty ? .success(program) : .failure(DiagnosticList(diagnostics))
  }

  // MARK: Statements

  private mutating func parseStatement() throws(Failure) -> Statement {
    let nameToken = peek
    guard case .name(let name) = nameToken.kind else {
      throw fail("expected a statement 'name = expression', found \(nameToken.quoted)", nameToken)
    }
    if Op.called(name) != nil {
      throw fail("'\(name)' is a function and cannot be assigned", nameToken)
    }
    advance()
    guard peek.kind == .equals else {
      throw fail(
        "expected '=' after '\(name)': each statement is 'name = expression'", peek)
    }
    advance()
    if peek.kind == .separator || peek.kind == .end {
      throw fail("empty expression: '\(name) =' needs something on the right", peek)
    }
    let root = try parseAdditive()
    switch peek.kind {
    case .separator, .end:
      break
    case .rightParen:
      throw fail("unbalanced parenthesis: this ')' has no matching '('", peek)
    case .equals:
      throw fail("unexpected '=': put each statement on its own line or separate with ';'", peek)
    case .name, .number, .leftParen:
      throw fail("expected an operator before \(peek.quoted) (write 2*x for a product)", peek)
    default:
      throw fail("unexpected \(peek.quoted)", peek)
    }
    return Statement(name: name, nameRange: range(nameToken), root: root)
  }

  // MARK: Expressions

  private mutating func parseAdditive() throws(Failure) -> Expression.ID {
    var left = try parseMultiplicative()
    while true {
      let op: Expression.BinaryOperator
      switch peek.kind {
      case .plus: op = .add
      case .minus: op = .subtract
      default: return left
      }
      let opToken = advance()
      let right = try parseMultiplicative()
      left = binary(op, left, right, at: opToken)
    }
  }

  private mutating func parseMultiplicative() throws(Failure) -> Expression.ID {
    var left = try parseUnary()
    while true {
      let op: Expression.BinaryOperator
      switch peek.kind {
      case .star: op = .multiply
      case .slash: op = .divide
      case .at: op = .matrixProduct
      default: return left
      }
      let opToken = advance()
      let right = try parseUnary()
      left = binary(op, left, right, at: opToken)
    }
  }

  private mutating func parseUnary() throws(Failure) -> Expression.ID {
    let token = peek
    let op: Expression.UnaryOperator
    switch token.kind {
    case .minus: op = .negate
    case .plus: op = .plus
    default: return try parsePower()
    }
    advance()
    try enter(token)
    defer { depth -= 1 }
    let operand = try parseUnary()
    let end = program[operand].range.end
    return program.append(
      .unary(op, operand), SourceRange(start: locate(token.start), end: end))
  }

  private mutating func parsePower() throws(Failure) -> Expression.ID {
    let base = try parseAttributes()
    guard peek.kind == .caret else { return base }
    let opToken = advance()
    try enter(opToken)
    defer { depth -= 1 }
    let exponent = try parseUnary()
    return binary(.power, base, exponent, at: opToken)
  }

  /// A primary and the attributes after it: numpy's `W.T`, binding tighter than anything
  /// (`-W.T` is `-(W.T)`, `W.T ^ 2` is `(W.T) ^ 2`). Any other attribute or method is refused
  /// with what to write instead.
  private mutating func parseAttributes() throws(Failure) -> Expression.ID {
    var base = try parsePrimary()
    while case .attribute(let name) = peek.kind {
      let token = advance()
      guard name == "T" else { throw fail(Self.attributeMessage(name), token) }
      let range = SourceRange(start: program[base].range.start, end: locate(token.end))
      base = program.append(.call(.transpose, [base]), range)
    }
    return base
  }

  /// What to write instead of numpy's `.name`.
  static func attributeMessage(_ name: String) -> String {
    let start = "'.\(name)' is not part of the language"
    switch name {
    case "dot", "matmul":
      return start + "; numpy's a.dot(b) and np.dot(a, b) are written a @ b"
    case "transpose":
      return start + "; write W.T or transpose(W)"
    default:
      if Op.called(name) != nil {
        return start + "; call the function directly, as in \(name)(x) (no np. before it)"
      }
      return start + "; the one attribute is .T (the transpose), as in W.T"
    }
  }

  private mutating func parsePrimary() throws(Failure) -> Expression.ID {
    let token = peek
    switch token.kind {
    case .number(let value):
      advance()
      return program.append(.number(value), range(token))
    case .name(let name):
      advance()
      if peek.kind == .leftParen {
        return try parseCall(name, token)
      }
      if Op.called(name) != nil {
        throw fail("'\(name)' is a function; call it as \(name)(…)", token)
      }
      return program.append(.variable(name), range(token))
    case .leftParen:
      advance()
      try enter(token)
      defer { depth -= 1 }
      if peek.kind == .rightParen {
        throw fail("empty expression inside parentheses", peek)
      }
      let inner = try parseAdditive()
      try expectClosing(token)
      return inner
    case .separator, .end:
      throw fail("expected an expression, found \(token.quoted)", token)
    case .rightParen:
      throw fail("unbalanced parenthesis: this ')' has no matching '('", token)
    default:
      throw fail("expected an expression, found \(token.quoted)", token)
    }
  }

  private mutating func parseCall(_ name: String, _ nameToken: Token) throws(Failure)
    -> Expression.ID
  {
    let open = advance()
    try enter(open)
    defer { depth -= 1 }
    var arguments: [Expression.ID] = []
    // numpy's keyword arguments, `axis=1`, `keepdims=true`.
    var keywords: [(name: String, value: Expression.ID?, token: Token)] = []
    var keepsDims = false
    if peek.kind != .rightParen {
      while true {
        if case .name(let key) = peek.kind, position + 1 < tokens.count,
          tokens[position + 1].kind == .equals
        {
          let keyToken = advance()
          advance()
          if keywords.contains(where: { $0.name == key }) {
            // numpy: "keyword argument repeated".
            throw fail("\(key)= is given twice in this call", keyToken)
          }
          if key == "keepdims" {
            keepsDims = try parseFlag(keyToken)
            keywords.append((key, nil, keyToken))
          } else {
            keywords.append((key, try parseAdditive(), keyToken))
          }
        } else {
          if let last = keywords.last {
            throw fail(
              "an argument without a name cannot follow \(last.name)=, as in numpy", peek)
          }
          arguments.append(try parseAdditive())
        }
        guard peek.kind == .comma else { break }
        advance()
      }
    }
    let close = peek
    try expectClosing(open)
    let range = SourceRange(start: locate(nameToken.start), end: locate(close.end))
    let axisOp = Op.calledWithAxis(name)
    let axes = Op.axisFunctionNames.joined(separator: ", ")
    for keyword in keywords {
      guard let axisOp else {
        let message =
          ["axis", "keepdims"].contains(keyword.name)
          ? "\(name) has no axis; \(keyword.name)= is for \(axes)"
          : "\(name) takes no argument '\(keyword.name)'"
        return standIn(for: arguments, message, keyword.token, range)
      }
      switch keyword.name {
      case "keepdims": continue
      case "axis":
        guard arguments.count == 1, let value = keyword.value else {
          let positional = axisOp.descriptor.axis?.positional == true ? " or \(name)(x, k)" : ""
          return standIn(
            for: arguments, "\(name) takes x and one axis: \(name)(x, axis=k)" + positional,
            keyword.token, range)
        }
        arguments.append(value)
      default:
        return standIn(
          for: arguments,
          "\(name) has no argument '\(keyword.name)'; its keywords are axis= and keepdims=",
          keyword.token, range)
      }
    }
    let axisGiven = keywords.contains { $0.name == "axis" }
    if let keyword = keywords.first(where: { $0.name == "keepdims" }), keepsDims {
      guard arguments.count == 2 else {
        return standIn(
          for: arguments,
          "keepdims=true needs an axis here, as in \(name)(x, axis=1, keepdims=true)",
          keyword.token, range)
      }
    }
    if arguments.count == 2,
      let function = axisGiven ? axisOp : Op.calledWithParameter(name)
    {
      // keepdims=true: a mark after the axis, which the graph builder reads.
      let mark = keepsDims ? [program.append(.number(1), range)] : []
      return program.append(.call(function, arguments + mark), range)
    }
    guard let function = Op.called(name) else {
      var message = "unknown function '\(name)'"
      let names = Op.functionNames
      if ["dot", "matmul", "mm"].contains(name.lowercased()) {
        // numpy's np.dot and np.matmul, PyTorch's mm: the lessons write the product as numpy's
        // operator does.
        message += "; the matrix product is written with @, as in numpy: X @ W"
      } else if let close = Suggestion.closest(to: name, in: names) {
        message += "; did you mean '\(close)'?"
      } else {
        message += "; the functions are " + names.joined(separator: ", ")
      }
      return standIn(for: arguments, message, nameToken, range)
    }
    guard arguments.count == function.arity else {
      let wanted =
        Op.calledWithParameter(name) != nil
        ? "x and an optional axis (\(name)(x) or \(name)(x, axis=k))"
        : axisOp != nil
          ? "two values (numpy's maximum, \(name)(a, b)) or x and an axis (\(name)(x, axis=k))"
          : function.arity == 1 ? "1 argument" : "\(function.arity) arguments"
      return standIn(
        for: arguments,
        "\(name) takes \(wanted), but \(arguments.count) \(arguments.count == 1 ? "was" : "were") given",
        nameToken, range)
    }
    return program.append(.call(function, arguments), range)
  }

  /// The value of numpy's `keepdims=`: `true`/`True` or `false`/`False` (also 1 or 0).
  private mutating func parseFlag(_ key: Token) throws(Failure) -> Bool {
    let token = advance()
    switch token.kind {
    case .name("true"), .name("True"), .number(1): return true
    case .name("false"), .name("False"), .number(0): return false
    default:
      throw fail("keepdims= takes true or false, as in sum(x, axis=1, keepdims=true)", token)
    }
  }

  /// After a call the parser cannot make (an unknown function, a wrong number of
  /// arguments): reports it, and stands in the sum of the arguments, so the statement and
  /// the names it uses stay in the program and the graph's own checks (a missing input, an
  /// unused one) still run on it.
  private mutating func standIn(
    for arguments: [Expression.ID], _ message: String, _ token: Token, _ range: SourceRange
  ) -> Expression.ID {
    diagnostics.append(EngineDiagnostic(message, at: locate(token.start)))
    guard var sum = arguments.first else { return program.append(.number(0), range) }
    for argument in arguments.dropFirst() {
      sum = program.append(.binary(.add, sum, argument), range)
    }
    return sum
  }

  private mutating func expectClosing(_ open: Token) throws(Failure) {
    if peek.kind == .rightParen {
      advance()
      return
    }
    switch peek.kind {
    case .separator, .end:
      throw fail("unbalanced parenthesis: this '(' is never closed", open)
    case .name, .number, .leftParen:
      throw fail("expected an operator or ')' before \(peek.quoted)", peek)
    default:
      throw fail(
        "expected ')' to close the '(' at \(locate(open.start)), found \(peek.quoted)", peek)
    }
  }

  // MARK: Helpers

  private var peek: Token { tokens[position] }

  @discardableResult
  private mutating func advance() -> Token {
    let token = tokens[position]
    if position < tokens.count - 1 { position += 1 }
    return token
  }

  private mutating func skipSeparators() {
    while peek.kind == .separator { advance() }
  }

  /// Skips the rest of a broken statement.
  private mutating func recover() {
    while peek.kind != .separator && peek.kind != .end { advance() }
  }

  private mutating func enter(_ token: Token) throws(Failure) {
    depth += 1
    if depth > Self.maximumNesting {
      throw fail(
        "the expression is nested too deeply (more than \(Self.maximumNesting) levels)", token)
    }
  }

  private func range(_ token: Token) -> SourceRange {
    SourceRange(start: locate(token.start), end: locate(token.end))
  }

  private mutating func binary(
    _ op: Expression.BinaryOperator, _ left: Expression.ID, _ right: Expression.ID,
    at token: Token
  ) -> Expression.ID {
    program.append(.binary(op, left, right), range(token))
  }

  private mutating func fail(_ message: String, _ token: Token) -> Failure {
    structureIntact = false
    if token.kind != .invalid {
      diagnostics.append(EngineDiagnostic(message, at: locate(token.start)))
    }
    return Failure()
  }
}
