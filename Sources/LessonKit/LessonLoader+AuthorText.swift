import ExpressionLanguage
import GraphEngine
import Yams

extension LessonLoader {
  /// Reads `lang`, `introduction`, `notes`, `derivation` and `translations`.
  static func readAuthorText(
    _ fields: [LessonKey: (key: Yams.Node, value: Yams.Node)], source: SourceText,
    fail: (String, SourceLocation) -> Void
  ) -> (language: Language, text: [Language: AuthorText], derivation: Derivation?) {
    var language = Language.english
    if let (_, value) = fields[.lang] {
      if let code = value.scalarText, let found = Language(code: code) {
        language = found
      } else {
        fail("'lang' is one of \(Language.codes)", value.location)
      }
    }
    var own = AuthorText()
    own.title = fields[.title]?.value.scalarText
    own.summary = fields[.description]?.value.scalarText
    var derivation: Derivation?
    if let (_, value) = fields[.introduction] {
      own.introduction = text(value, "introduction", fail)
    }
    if let (_, value) = fields[.notes] {
      (own.notes, own.noteLocations) = notes(value, fail)
    }
    if let (_, value) = fields[.derivation] {
      let (parsed, texts) = readDerivation(value, source: source, fail: fail)
      derivation = parsed
      own.steps = texts
    }
    var all = [language: own]
    if let (_, value) = fields[.translations] {
      guard case .mapping(let languages) = value else {
        fail(
          "'translations' maps a language (ko) to title, introduction, notes and derivation",
          value.location)
        return (language, all, derivation)
      }
      for (key, entry) in languages {
        guard let code = key.scalar?.string, let translation = Language(code: code) else {
          fail("translations are for \(Language.codes)", key.location)
          continue
        }
        guard case .mapping(let items) = entry else {
          fail(
            "a translation is a mapping with title, description, introduction, notes, derivation",
            entry.location)
          continue
        }
        var translated = AuthorText()
        for (itemKey, itemValue) in items {
          switch itemKey.scalar?.string {
          case "title":
            translated.title = text(itemValue, "title", fail)
            checkLength(
              translated.title ?? "", "title", Limits.titleCharacters, itemValue.location, fail)
          case "description":
            translated.summary = text(itemValue, "description", fail)
            checkLength(
              translated.summary ?? "", "description", Limits.descriptionCharacters,
              itemValue.location, fail)
          case "introduction": translated.introduction = text(itemValue, "introduction", fail)
          case "notes": (translated.notes, translated.noteLocations) = notes(itemValue, fail)
          case "derivation":
            if case .sequence(let items) = itemValue {
              translated.steps = items.map { $0.scalarText }
            } else {
              fail(
                "a translated derivation is a list with one explanation per step",
                itemValue.location)
            }
          default:
            fail(
              "unknown key '\(itemKey.scalar?.string ?? "?")' in a translation; the keys are "
                + "title, description, introduction, notes, derivation", itemKey.location)
          }
        }
        all[translation] = translated
      }
    }
    return (language, all, derivation)
  }

  private static func text(
    _ node: Yams.Node, _ key: String, _ fail: (String, SourceLocation) -> Void
  )
    -> String?
  {
    guard let text = node.scalarText, !text.isEmpty else {
      fail("'\(key)' must be text", node.location)
      return nil
    }
    return text
  }

  private static func notes(_ node: Yams.Node, _ fail: (String, SourceLocation) -> Void) -> (
    [String: String], [String: SourceLocation]
  ) {
    guard case .mapping(let entries) = node else {
      fail("'notes' maps a node's name to a paragraph about it", node.location)
      return ([:], [:])
    }
    var result: [String: String] = [:]
    var locations: [String: SourceLocation] = [:]
    for (key, value) in entries {
      guard let name = key.scalar?.string, let text = value.scalarText, !text.isEmpty else {
        fail("each note is 'name: text'", key.location)
        continue
      }
      result[name] = text
      locations[name] = key.location
    }
    return (result, locations)
  }

  /// Reports every key of `mapping` other than `keys` where it is written ("unknown key 'k'
  /// in `place`; `expected`"); whether there was one.
  @discardableResult
  private static func rejectUnknownKeys(
    _ mapping: Yams.Node.Mapping, keys: [String], in place: String, _ expected: String,
    _ fail: (String, SourceLocation) -> Void
  ) -> Bool {
    var found = false
    for (key, _) in mapping where !keys.contains(key.scalar?.string ?? "") {
      fail("unknown key '\(key.scalar?.string ?? "?")' in \(place); \(expected)", key.location)
      found = true
    }
    return found
  }

  /// `derivation: {of: x, steps: [math, {text: …, math: …}, …]}`.
  private static func readDerivation(
    _ node: Yams.Node, source: SourceText, fail: (String, SourceLocation) -> Void
  ) -> (Derivation?, [String?]) {
    guard case .mapping(let mapping) = node, let of = mapping["of"], let variable = of.scalarText,
      let stepsNode = mapping["steps"], case .sequence(let items) = stepsNode, !items.isEmpty
    else {
      fail(
        "'derivation' has 'of' (the input it differentiates by) and a list of 'steps'",
        node.location)
      return (nil, [])
    }
    rejectUnknownKeys(
      mapping, keys: ["of", "steps"], in: "'derivation'", "the keys are of, steps", fail)
    var steps: [Derivation.Step] = []
    var texts: [String?] = []
    for item in items {
      var mathNode = item
      var explanation: String?
      if case .mapping(let parts) = item {
        let unknownKey = rejectUnknownKeys(
          parts, keys: ["math", "text"], in: "a derivation step",
          "a step has 'math' (an expression) and may have 'text'", fail)
        guard let math = parts["math"] else {
          if !unknownKey {
            fail("a step has 'math' (an expression) and may have 'text'", item.location)
          }
          continue
        }
        mathNode = math
        explanation = parts["text"]?.scalarText
      }
      guard case .scalar(let scalar) = mathNode, !scalar.string.isEmpty else {
        fail("a step's math is an expression such as 1 - y^2", mathNode.location)
        continue
      }
      let locator = ScalarLocator(
        value: scalar.string, start: mathNode.location,
        isBlock: scalar.style == .literal || scalar.style == .folded,
        isQuoted: scalar.style == .singleQuoted || scalar.style == .doubleQuoted, in: source)
      switch Parser.parseExpression(scalar.string, locate: { locator.location($0) }) {
      case .success(let (program, root)):
        guard let formula = program.formula(of: root) else {
          fail(
            "this step is nested more than \(Limits.formulaDepth) levels deep (a sum of that "
              + "many terms is that deep), lessongen's limit for a formula it writes; shorten it",
            locator.location(0))
          continue
        }
        steps.append(
          Derivation.Step(
            formula: formula, program: program, root: root, location: locator.location(0)))
        texts.append(explanation)
      case .failure(let list):
        if let equals = list.diagnostics.first(where: { $0.message.contains("'='") }) {
          // Written as an equation (`dy/dx = …`, `= …`): say what a step is.
          fail(
            "a step is one expression, without '=': the handout writes ∂y/∂x = step 1 = step 2 = …",
            equals.location)
        } else {
          for d in list.diagnostics { fail(d.message, d.location) }
        }
      }
    }
    return (Derivation(variable: Located(variable, at: of.location), steps: steps), texts)
  }
}
