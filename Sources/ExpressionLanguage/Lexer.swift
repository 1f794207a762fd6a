import GraphEngine

/// Splits expression text into tokens.
///
/// Newlines separate statements only outside parentheses, so a long expression may wrap
/// inside `( … )`. Malformed numbers and stray characters become diagnostics; the lexer
/// then skips the character and goes on, so one run reports every error.
struct Lexer {
  private let scalars: [Unicode.Scalar]
  private var index = 0
  private var depth = 0
  private(set) var errors: [(message: String, at: Int)] = []

  init(_ scalars: [Unicode.Scalar]) {
    self.scalars = scalars
  }

  mutating func tokenize() -> [Token] {
    var tokens: [Token] = []
    while let token = next() {
      tokens.append(token)
    }
    tokens.append(Token(kind: .end, start: scalars.count, end: scalars.count))
    return tokens
  }

  private mutating func next() -> Token? {
    while index < scalars.count {
      let start = index
      let c = scalars[index]
      switch c {
      case " ", "\t", "\r":
        index += 1
      case "#":
        // A comment runs to the end of the line.
        while index < scalars.count, scalars[index] != "\n" { index += 1 }
      case "\n":
        index += 1
        // `=` never occurs inside an expression, so a line that starts `name =` begins a new
        // statement even when a parenthesis above was left open.
        if depth > 0 && startsStatement(at: index) { depth = 0 }
        if depth == 0 { return Token(kind: .separator, start: start, end: index) }
      case ";":
        index += 1
        return Token(kind: .separator, start: start, end: index)
      case ".":
        // `.T` (and any `.name`) is an attribute; `.5` a number.
        if index + 1 < scalars.count, Self.isNameScalar(scalars[index + 1]),
          !("0"..."9").contains(scalars[index + 1])
        {
          index += 1
          while index < scalars.count, Self.isNameScalar(scalars[index]) { index += 1 }
          let name = String(String.UnicodeScalarView(scalars[(start + 1)..<index]))
          return Token(kind: .attribute(name), start: start, end: index)
        }
        return number()
      case "0"..."9":
        return number()
      case "A"..."Z", "a"..."z", "_":
        while index < scalars.count, Self.isNameScalar(scalars[index]) { index += 1 }
        let name = String(String.UnicodeScalarView(scalars[start..<index]))
        return Token(kind: .name(name), start: start, end: index)
      case "*":
        index += 1
        if index < scalars.count, scalars[index] == "*" {
          index += 1
          return Token(kind: .caret, start: start, end: index)
        }
        return Token(kind: .star, start: start, end: index)
      default:
        index += 1
        let kind: Token.Kind
        switch c {
        case "+": kind = .plus
        case "-", "\u{2212}": kind = .minus
        case "/": kind = .slash
        case "^": kind = .caret
        case "@": kind = .at
        case "(":
          kind = .leftParen
          depth += 1
        case ")":
          kind = .rightParen
          depth = Swift.max(0, depth - 1)
        case ",": kind = .comma
        case "=": kind = .equals
        case "×", "·": kind = .star
        default:
          // One error for a run of characters the language does not have (a word in
          // another script, a stray symbol), not one per character.
          while index < scalars.count, !Self.startsToken(scalars[index]) { index += 1 }
          let run = String(String.UnicodeScalarView(scalars[start..<index]))
          if run.unicodeScalars.count == 1 {
            let shown = c == "'" ? "\"'\"" : "'\(c)'"
            errors.append(("unexpected character \(shown)", start))
          } else {
            errors.append(
              ("unexpected text '\(run)'; names are made of A-Z, a-z, 0-9 and _", start))
          }
          kind = .invalid
        }
        return Token(kind: kind, start: start, end: index)
      }
    }
    return nil
  }

  /// Reads `3`, `1.5`, `.5`, `1e-3`, `2E0`.
  private mutating func number() -> Token {
    let start = index
    var sawDigit = false
    while index < scalars.count, ("0"..."9").contains(scalars[index]) {
      index += 1
      sawDigit = true
    }
    if index < scalars.count, scalars[index] == "." {
      index += 1
      while index < scalars.count, ("0"..."9").contains(scalars[index]) {
        index += 1
        sawDigit = true
      }
    }
    if !sawDigit {
      errors.append(("a number needs at least one digit", start))
      return Token(kind: .number(0), start: start, end: index)
    }
    if index < scalars.count, scalars[index] == "e" || scalars[index] == "E" {
      let exponentStart = index
      index += 1
      if index < scalars.count, scalars[index] == "+" || scalars[index] == "-" { index += 1 }
      var exponentDigits = 0
      while index < scalars.count, ("0"..."9").contains(scalars[index]) {
        index += 1
        exponentDigits += 1
      }
      if exponentDigits == 0 {
        errors.append(("the exponent of a number needs digits, as in 1e-3", exponentStart))
        return Token(kind: .number(0), start: start, end: index)
      }
    }
    let text = String(String.UnicodeScalarView(scalars[start..<index]))
    guard let value = Double(text), value.isFinite else {
      errors.append(("the number \(text) is too large: it is not a finite double", start))
      return Token(kind: .number(0), start: start, end: index)
    }
    if decimalUnderflows(text, value: value) {
      errors.append(
        (
          "the number \(text) is too small: it would be read as 0 (the smallest double is about "
            + "4.9e-324)", start
        ))
      return Token(kind: .number(0), start: start, end: index)
    }
    return Token(kind: .number(value), start: start, end: index)
  }

  /// Whether the text at `position` reads `name =` (after spaces).
  private func startsStatement(at position: Int) -> Bool {
    var i = position
    while i < scalars.count, scalars[i] == " " || scalars[i] == "\t" { i += 1 }
    guard i < scalars.count, Self.isNameScalar(scalars[i]), !("0"..."9").contains(scalars[i])
    else { return false }
    while i < scalars.count, Self.isNameScalar(scalars[i]) { i += 1 }
    while i < scalars.count, scalars[i] == " " || scalars[i] == "\t" { i += 1 }
    return i < scalars.count && scalars[i] == "="
  }

  /// Whether a scalar can begin a token or separate tokens.
  private static func startsToken(_ c: Unicode.Scalar) -> Bool {
    if isNameScalar(c) { return true }
    return " \t\r\n;#.+-*/^(),=×·\u{2212}".unicodeScalars.contains(c)
  }

  private static func isNameScalar(_ c: Unicode.Scalar) -> Bool {
    switch c {
    case "A"..."Z", "a"..."z", "0"..."9", "_": true
    default: false
    }
  }
}
