/// A lexical token of the expression language, with its position in the scalar stream.
struct Token: Sendable {
  enum Kind: Equatable, Sendable {
    case number(Double)
    case name(String)
    case plus, minus, star, slash, caret, at
    case leftParen, rightParen, comma, equals
    /// `.name` after an operand: numpy's attribute `.T`, or a method the language does not
    /// have (`a.dot(b)`), which the parser reports with what to write instead.
    case attribute(String)
    /// A statement separator: `;`, or a newline outside parentheses.
    case separator
    case end
    /// A character the lexer already reported; the parser adds no second error for it.
    case invalid
  }

  var kind: Kind
  /// Index of the first scalar of the token.
  var start: Int
  /// Index one past the last scalar.
  var end: Int

  /// How the token reads in an error message.
  var quoted: String {
    switch kind {
    case .number: "number"
    case .name(let name): "'\(name)'"
    case .plus: "'+'"
    case .minus: "'-'"
    case .star: "'*'"
    case .slash: "'/'"
    case .caret: "'^'"
    case .at: "'@'"
    case .leftParen: "'('"
    case .rightParen: "')'"
    case .comma: "','"
    case .equals: "'='"
    case .attribute(let name): "'.\(name)'"
    case .separator: "end of statement"
    case .end: "end of function"
    case .invalid: "invalid character"
    }
  }
}
