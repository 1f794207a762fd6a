import GraphEngine
import Yams

/// Turns Yams' errors into located diagnostics in the lesson format's words.
enum YAMLErrorTranslator {
  static func diagnostic(for error: any Error, in source: SourceText) -> EngineDiagnostic {
    guard let yaml = error as? YamlError else {
      return EngineDiagnostic("cannot read the YAML: \(error)", at: .init(line: 1, column: 1))
    }
    switch yaml {
    case .scanner(let context, let problem, let mark, _),
      .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      let at = SourceLocation(line: mark.line, column: mark.column)
      let index = source.scalarIndex(of: at)
      if index < source.scalars.count, source.scalars[index] == "\t" {
        return EngineDiagnostic("a tab character: YAML indents with spaces, not tabs", at: at)
      }
      var message = "invalid YAML: \(problem)"
      if let context {
        message += " (\(context.text) at line \(context.mark.line))"
      }
      return EngineDiagnostic(message, at: at)
    case .reader(let problem, let offset, _, _):
      let index = offset.map { source.text.prefix($0).unicodeScalars.count }
      return EngineDiagnostic(
        "the file is not valid UTF-8 text: \(problem)",
        at: source.location(ofScalar: index ?? 0))
    case .duplicatedKeysInMapping(let duplicates, let context):
      let key = duplicates.first ?? "?"
      let first = SourceLocation(line: context.mark.line, column: context.mark.column)
      return EngineDiagnostic(
        "the key '\(key)' is given twice (first at line \(first.line))",
        at: secondOccurrence(of: key, after: first, in: source) ?? first)
    default:
      return EngineDiagnostic("cannot read the YAML: \(yaml)", at: .init(line: 1, column: 1))
    }
  }

  /// The next line after `first` where `key:` starts at the same column.
  static func secondOccurrence(of key: String, after first: SourceLocation, in source: SourceText)
    -> SourceLocation?
  {
    var line = first.line + 1
    while line <= source.lineStarts.count {
      let text = Array(source.line(line).unicodeScalars)
      let prefix = Array(key.unicodeScalars)
      let start = first.column - 1
      if start + prefix.count <= text.count, Array(text[start..<(start + prefix.count)]) == prefix {
        let rest = text[(start + prefix.count)...].drop { $0 == " " }
        if rest.first == ":" { return SourceLocation(line: line, column: first.column) }
      }
      line += 1
    }
    return nil
  }
}
