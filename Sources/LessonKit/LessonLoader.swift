import ExpressionLanguage
import GraphEngine
import Yams

/// Reads lesson YAML into a ``Lesson``, checking every rule of the lesson format and
/// reporting all problems of a file at once, each at its `line:column`.
public enum LessonLoader {
  /// Lesson files larger than this are refused before parsing.
  public static let maximumSize = Limits.fileBytes

  /// Reads a lesson file's bytes: UTF-8 text, or an error at the first byte that is not.
  static func read(bytes: [UInt8], path: String, id: String) throws(LessonError) -> Draft {
    if let (location, byte) = TextHygiene.firstInvalidUTF8(bytes) {
      let hex = String(byte, radix: 16, uppercase: true)
      throw LessonError([
        Diagnostic(
          path: path, location: location,
          message: "the file is not UTF-8 text: byte 0x\(hex) here does not start or continue "
            + "a UTF-8 character (save the lesson as UTF-8)", sourceLine: nil)
      ])
    }
    // A byte order mark (Windows editors write one) is not part of the text.
    let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
    return try read(text: String(decoding: body, as: UTF8.self), path: path, id: id)
  }

  /// Every decoded scalar (keys and values) holding what a lesson may not: escapes in double
  /// quotes (`"\0"`, `"\uFFFF"`, `"\r"`) get past the check of the raw file. Walks the tree
  /// with a stack of its own (its depth is bounded by ``NestingGuard`` anyway).
  ///
  /// Anchors and aliases can make a small file compose into a huge tree (nine levels of ten
  /// aliases each: 10⁹ values from 400 bytes); a tree with more values than the file has
  /// characters must be built from aliases, and is refused instead of walked.
  static func decodedProblems(_ root: Yams.Node, budget: Int, source: SourceText? = nil)
    -> [EngineDiagnostic]
  {
    var problems: [EngineDiagnostic] = []
    var pending = [root]
    var visited = 0
    while let node = pending.popLast(), problems.count < 20 {
      visited += 1
      if visited > budget {
        return [
          EngineDiagnostic(
            "the YAML's anchors and aliases (&name, *name) expand to more values than the file "
              + "has characters; write the values out", at: root.location)
        ]
      }
      switch node {
      case .scalar(let scalar):
        if let message = TextHygiene.problem(inDecoded: scalar.string) {
          // The raw file holds no refused character (it was checked first): this one came
          // from an escape of a double-quoted value ("a\x01b"); point at the escape.
          let at = source.flatMap { Self.escape(after: node.location, in: $0) } ?? node.location
          let problem = EngineDiagnostic(message, at: at)
          if !problems.contains(problem) { problems.append(problem) }
        }
      case .mapping(let mapping):
        for (key, value) in mapping.reversed() { pending += [value, key] }
      case .sequence(let sequence):
        pending += sequence.reversed()
      case .alias:
        break
      }
    }
    return problems.sorted { $0.location < $1.location }
  }

  /// Where the first escape that can make a character a lesson refuses (`\x01`, `\u0000`,
  /// `\e`, `\0`, …) stands in the double-quoted value starting at `start`; nil when the
  /// value is not double-quoted or has none.
  static func escape(after start: SourceLocation, in source: SourceText) -> SourceLocation? {
    let scalars = source.scalars
    var i = source.scalarIndex(of: start)
    while i < scalars.count, scalars[i] != "\"" {
      if scalars[i] == "\n" || i > source.scalarIndex(of: start) + 4 { return nil }
      i += 1
    }
    i += 1
    let producing: Set<Unicode.Scalar> = ["x", "u", "U", "0", "a", "b", "e", "v", "f", "r", "N"]
    while i + 1 < scalars.count, scalars[i] != "\"" {
      if scalars[i] == "\\" {
        if producing.contains(scalars[i + 1]) { return source.location(ofScalar: i) }
        i += 2
      } else {
        i += 1
      }
    }
    return nil
  }

  /// Loads a lesson from YAML text.
  ///
  /// - Parameters:
  ///   - text: the file's contents.
  ///   - path: the path diagnostics print.
  ///   - id: the lesson id (the file name without `.yaml`).
  public static func load(text: String, path: String, id: String) throws(LessonError) -> Lesson {
    let draft = try read(text: text, path: path, id: id)
    guard draft.problems.isEmpty else { throw draft.error(draft.problems) }
    return draft.lesson
  }

  /// A lesson read as far as its structure allows, with the problems found so far; the
  /// function is checked afterwards so one run reports every error of a file.
  struct Draft {
    var lesson: Lesson
    var problems: [EngineDiagnostic]
    /// Whether `inputs` was a mapping, so the function's names can be checked against it.
    var inputsRead: Bool

    func error(_ diagnostics: [EngineDiagnostic]) -> LessonError {
      LessonError(
        diagnostics.sorted { $0.location < $1.location }.map {
          Diagnostic($0, path: lesson.path, source: lesson.source)
        })
    }
  }

  /// Reads the YAML structure; throws only when there is no structure to read (YAML syntax,
  /// a file too large or too deeply nested, a document that is not a mapping).
  static func read(text: String, path: String, id: String) throws(LessonError) -> Draft {
    let source = SourceText(text)
    var problems: [EngineDiagnostic] = []
    func fail(_ message: String, at location: SourceLocation) {
      problems.append(EngineDiagnostic(message, at: location))
    }
    func finish() -> LessonError {
      LessonError(
        problems.sorted { $0.location < $1.location }.map {
          Diagnostic($0, path: path, source: source)
        })
    }
    let root = try YAMLDocument.compose(
      text, source: source, path: path, what: "lesson",
      empty: "the lesson is empty; it needs title, function and inputs")

    guard case .mapping(let mapping) = root else {
      fail(
        "a lesson is a YAML mapping with the keys title, function and inputs",
        at: root.location)
      throw finish()
    }

    var fields: [LessonKey: (key: Yams.Node, value: Yams.Node)] = [:]
    for (key, value) in mapping {
      guard let name = key.scalar?.string, let known = LessonKey(rawValue: name) else {
        let name = key.scalar?.string ?? "?"
        var message = "unknown key '\(name)'"
        if let suggestion = LessonKey.suggestion(for: name) {
          message += "; did you mean '\(suggestion.rawValue)'?"
        } else {
          message += "; the keys are " + LessonKey.allCases.map(\.rawValue).joined(separator: ", ")
        }
        fail(message, at: key.location)
        continue
      }
      fields[known] = (key, value)
    }
    for key in LessonKey.required where fields[key] == nil {
      fail("missing required key '\(key.rawValue)'", at: root.location)
    }

    var title = ""
    if let (_, value) = fields[.title] {
      if let text = value.scalarText, !text.isEmpty {
        title = text
        checkLength(text, "title", Limits.titleCharacters, value.location, fail)
      } else {
        fail("'title' must be a line of text", at: value.location)
      }
    }
    var summary: String?
    if let (_, value) = fields[.description] {
      if let text = value.scalarText {
        summary = text
        checkLength(text, "description", Limits.descriptionCharacters, value.location, fail)
      } else {
        fail("'description' must be a line of text", at: value.location)
      }
    }

    var function = ""
    var locator = ScalarLocator(
      value: "", start: .init(line: 1, column: 1), isBlock: false, isQuoted: false, in: source)
    if let (_, value) = fields[.function] {
      if case .scalar(let scalar) = value, !scalar.string.allSatisfy(\.isWhitespace) {
        function = scalar.string
        locator = ScalarLocator(
          value: scalar.string, start: value.location,
          isBlock: scalar.style == .literal || scalar.style == .folded,
          isQuoted: scalar.style == .singleQuoted || scalar.style == .doubleQuoted, in: source)
      } else if case .scalar = value {
        fail("'function' is empty; write a statement such as y = x * 2", at: value.location)
      } else {
        fail(
          "'function' must be text: statements such as y = x * 2 (use '|' for several lines)",
          at: value.location)
      }
    }

    var inputs: [Lesson.Input] = []
    var inputsRead = false
    if let (_, value) = fields[.inputs] {
      switch value {
      case .mapping(let entries):
        inputsRead = true
        for (key, entry) in entries {
          guard let name = key.scalar?.string, isName(name) else {
            fail(
              "input names are names as in the function ([A-Za-z_][A-Za-z0-9_]*); "
                + "'\(key.scalar?.string ?? "?")' is not", at: key.location)
            continue
          }
          if Op.called(name) != nil {
            fail("'\(name)' is a function and cannot be an input", at: key.location)
            continue
          }
          if case .sequence = entry {
            let tensor = readTensor(entry, what: "input '\(name)'", fail: fail)
            inputs.append(.init(name: name, value: .nan, tensor: tensor, location: key.location))
            continue
          }
          switch number(entry) {
          case .success(let v): inputs.append(.init(name: name, value: v, location: key.location))
          case .failure(let problem):
            inputs.append(.init(name: name, value: .nan, location: key.location))
            fail("input '\(name)' \(problem.message)", at: entry.location(orAfter: key))
          }
        }
      case .scalar(let scalar) where scalar.string.isEmpty:
        inputsRead = true
      default:
        fail(
          "'inputs' must be a mapping from each free variable to its value, such as 'x: 1.0'",
          at: value.location)
      }
    }

    var upstream = 1.0
    var upstreamTensor: Tensor?
    if let (_, value) = fields[.upstream], case .sequence = value {
      upstreamTensor = readTensor(value, what: "'upstream'", fail: fail)
    } else if let (key, value) = fields[.upstream] {
      switch number(value) {
      case .success(let v): upstream = v
      case .failure(let problem):
        fail("'upstream' \(problem.message)", at: value.location(orAfter: key))
      }
    }

    func word(_ key: LessonKey) -> Located<String>? {
      guard let (_, value) = fields[key] else { return nil }
      guard let text = value.scalarText, !text.isEmpty else {
        fail("'\(key.rawValue)' must be one word", at: value.location)
        return nil
      }
      return Located(text, at: value.location)
    }
    let style = word(.style)
    let labels = word(.labels)
    var figures: [Located<String>]?
    if let (_, value) = fields[.figures] {
      switch value {
      case .sequence(let items):
        figures = []
        for item in items {
          if let text = item.scalarText, !text.isEmpty {
            figures?.append(Located(text, at: item.location))
          } else {
            fail("each entry of 'figures' is the name of a figure", at: item.location)
          }
        }
      case .scalar(let scalar) where !scalar.string.isEmpty:
        figures = [Located(scalar.string.trimmingSpaces(), at: value.location)]
      default:
        fail("'figures' is a list such as [graph, steps]", at: value.location)
      }
    }

    if !isLessonID(id) {
      problems.append(
        EngineDiagnostic(
          "the lesson id '\(id)' (the file name) must match [a-z0-9][a-z0-9-]*",
          at: .init(line: 1, column: 1)))
    }
    let author = readAuthorText(fields, source: source, fail: fail)
    var lesson = Lesson(
      id: id, path: path, source: source, title: title, summary: summary, function: function,
      functionLocator: locator, inputs: inputs, upstream: upstream, figures: figures, style: style,
      labels: labels)
    lesson.upstreamTensor = upstreamTensor
    lesson.steps = word(.steps)
    lesson.language = author.language
    lesson.text = author.text
    lesson.derivation = author.derivation
    if let (key, value) = fields[.plot] {
      lesson.plot = readPlot(key, value, inputs: inputs, fail: fail)
    }
    return Draft(lesson: lesson, problems: problems, inputsRead: inputsRead)
  }

  /// Reports a title or description longer than its limit.
  static func checkLength(
    _ text: String, _ key: String, _ limit: Int, _ location: SourceLocation,
    _ fail: (String, SourceLocation) -> Void
  ) {
    // Unicode scalars, not characters: a letter with 40,000 combining marks is one
    // character, and Pango takes seconds to shape it.
    let count = text.unicodeScalars.count
    guard count > limit else { return }
    fail(
      "the \(key) is \(count) characters long; lessongen's limit is \(limit) (a longer text "
        + "belongs in 'introduction')", location)
  }

  /// Whether `id` is a valid lesson id: `[a-z0-9][a-z0-9-]*`.
  public static func isLessonID(_ id: String) -> Bool {
    guard let first = id.unicodeScalars.first, Self.isLowerAlnum(first) else { return false }
    return id.unicodeScalars.allSatisfy { isLowerAlnum($0) || $0 == "-" }
  }

  private static func isLowerAlnum(_ c: Unicode.Scalar) -> Bool {
    ("a"..."z").contains(c) || ("0"..."9").contains(c)
  }

  static func isName(_ name: String) -> Bool {
    guard let first = name.unicodeScalars.first,
      first == "_" || ("A"..."Z").contains(first) || ("a"..."z").contains(first)
    else { return false }
    return name.unicodeScalars.allSatisfy {
      $0 == "_" || ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0)
    }
  }

  /// A vector (a list of numbers, `[1, 2]`) or a matrix (a list of rows of one length,
  /// `[[1, 2], [3, 4]]`), each number read as under `inputs`; nil after reporting a problem
  /// at the element or row where it is.
  static func readTensor(
    _ node: Yams.Node, what: String, fail: (String, SourceLocation) -> Void
  ) -> Tensor? {
    guard case .sequence(let rows) = node, !rows.isEmpty else {
      fail("\(what) is an empty list; a vector needs at least one number", node.location)
      return nil
    }
    // A third level of lists is said once, at the first, with what to write instead.
    var deep = false
    func numbers(_ list: Yams.Node.Sequence) -> [Double]? {
      var out: [Double] = []
      var ok = true
      for element in list {
        switch number(element) {
        case .success(let v): out.append(v)
        case .failure(let problem):
          if case .sequence = element {
            if !deep {
              fail(
                "\(what) nests lists too deeply: a vector or a matrix (a list of rows) at most; "
                  + "numpy's 3-D arrays are not lessons: give each matrix its own input, or "
                  + "flatten each item to a row (X.reshape(N, -1))", element.location)
            }
            deep = true
          } else {
            fail("\(what): every element \(problem.message)", element.location)
          }
          ok = false
        }
      }
      return ok ? out : nil
    }
    guard case .sequence = rows[rows.startIndex] else {
      return numbers(rows).map { Tensor(Shape([$0.count]), $0) }
    }
    var elements: [Double] = []
    var width: Int?
    var ok = true
    for (i, row) in rows.enumerated() {
      guard case .sequence(let list) = row, !list.isEmpty else {
        fail(
          "\(what): row \(i + 1) is not a list of numbers; a matrix is a list of rows", row.location
        )
        ok = false
        continue
      }
      guard let values = numbers(list) else {
        ok = false
        continue
      }
      if let width, values.count != width {
        fail(
          "\(what): row \(i + 1) has \(values.count) number\(values.count == 1 ? "" : "s") "
            + "and row 1 has \(width); a matrix's rows have one length", row.location)
        ok = false
        continue
      }
      width = values.count
      elements += values
    }
    guard ok, let width else { return nil }
    return Tensor(Shape([rows.count, width]), elements)
  }

  /// A plain YAML scalar written as a decimal number: `1`, `-2.5`, `.5`, `1e-3`.
  static func number(_ node: Yams.Node) -> Result<Double, NumberProblem> {
    guard case .scalar(let scalar) = node else {
      return .failure(NumberProblem("must be a number, not a list or mapping"))
    }
    let text = scalar.string.trimmingSpaces()
    if text.isEmpty || text == "~" || text == "null" {
      return .failure(NumberProblem("has no value; write a number such as 1.0"))
    }
    if scalar.style != .plain && scalar.style != .any {
      return .failure(NumberProblem("must be a number, not quoted text (\"\(text)\")"))
    }
    guard let value = parseDecimal(text) else {
      return .failure(NumberProblem("must be a number, not '\(text)'"))
    }
    guard value.isFinite else {
      return .failure(NumberProblem("is too large: \(text) is not a finite number"))
    }
    if decimalUnderflows(text, value: value) {
      return .failure(
        NumberProblem(
          "is too small: \(text) would be read as 0 (the smallest double is about 4.9e-324)"))
    }
    return .success(value)
  }

  /// Parses `[+-]?(digits[.digits]|.digits)([eE][+-]?digits)?` and nothing else.
  public static func parseDecimal(_ text: String) -> Double? {
    // On the UTF-8 bytes: walking Characters (grapheme clusters) took 8% of the time of a
    // trace whose lesson holds 7,400 numbers. A digit followed by a combining mark is not an
    // ASCII digit either way.
    var copy = text
    let wellFormed = copy.withUTF8 { bytes -> Bool in
      var i = 0
      func isDigit(_ k: Int) -> Bool {
        k < bytes.count && bytes[k] >= UInt8(ascii: "0") && bytes[k] <= UInt8(ascii: "9")
      }
      func skipDigits() -> Int {
        let from = i
        while isDigit(i) { i += 1 }
        return i - from
      }
      if i < bytes.count && (bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-")) {
        i += 1
      }
      var mantissaDigits = skipDigits()
      if i < bytes.count && bytes[i] == UInt8(ascii: ".") {
        i += 1
        mantissaDigits += skipDigits()
      }
      guard mantissaDigits > 0 else { return false }
      if i < bytes.count && (bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E")) {
        i += 1
        if i < bytes.count && (bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-")) {
          i += 1
        }
        guard skipDigits() > 0 else { return false }
      }
      return i == bytes.count
    }
    return wellFormed ? Double(text) : nil
  }

  /// Why a value is not a usable number, as the end of a sentence.
  struct NumberProblem: Error {
    var message: String
    init(_ message: String) { self.message = message }
  }
}

extension Yams.Node {
  /// The node's position, or 1:1 when Yams gives none.
  var location: SourceLocation {
    mark.map { SourceLocation(line: $0.line, column: $0.column) } ?? .init(line: 1, column: 1)
  }

  /// Where an empty value would be: its own mark if it has text, else just after the key.
  func location(orAfter key: Yams.Node) -> SourceLocation {
    if case .scalar(let s) = self, s.string.isEmpty {
      let k = key.location
      return SourceLocation(line: k.line, column: k.column + (key.scalar?.string.count ?? 0) + 1)
    }
    return location
  }

  /// The text of a scalar node, trimmed; nil for lists and mappings.
  var scalarText: String? {
    guard case .scalar(let s) = self else { return nil }
    return s.string.trimmingSpaces()
  }
}

extension String {
  func trimmingSpaces() -> String {
    let scalars = unicodeScalars
    guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
      let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })
    else { return "" }
    return String(scalars[start...end])
  }
}
