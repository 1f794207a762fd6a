import Analysis
public import Explain
import FormulaWriting
import GraphEngine

/// Writes a ``Document`` as CommonMark with GitHub tables and `$…$` / `$$…$$` math, which
/// GitHub renders and Hugo, Jekyll and MkDocs Material render with MathJax or KaTeX.
///
/// YAML front matter holds the title and description and no date, so the file is the same
/// from run to run. Every piece of lesson text is escaped: it can never become HTML or
/// Markdown syntax.
public struct MarkdownWriter {
  /// The folder of the figures, relative to the Markdown file.
  public var figureFolder = "figures"
  /// How math is delimited, for the static-site generator that reads the file.
  public var math = MathFlavour.dollars

  public init() {}

  public func write(_ document: Document) -> String {
    var out = "---\n"
    out += "title: " + yamlString(document.title) + "\n"
    if let summary = document.summary { out += "description: " + yamlString(summary) + "\n" }
    out += "lang: " + document.language.code + "\n"
    out += "---\n\n"
    out += "# " + escape(document.title) + "\n"
    for block in document.blocks {
      out += "\n" + write(block) + "\n"
    }
    return out
  }

  private func write(_ block: Block) -> String {
    switch block {
    case .heading(let level, let content):
      return String(repeating: "#", count: level) + " " + inline(content)
    case .paragraph(let inlines):
      return Self.blockSafe(inline(inlines))
    case .equation(let formulas, let continued):
      let body = formulas.map { $0.latex() }.joined(separator: " = ")
      return math.display((continued ? "= " : "") + body)
    case .system(let equations):
      // One display, the statements lined up on their first `=` with `aligned`, which
      // MathJax, KaTeX (GitHub, MkDocs, Hugo, Jekyll) and pandoc all read.
      let rows = equations.map { chain -> String in
        guard let first = chain.first else { return "" }
        let rest = chain.dropFirst().map { $0.latex() }.joined(separator: " = ")
        return first.latex() + (rest.isEmpty ? "" : " &= " + rest)
      }
      return math.display(
        "\\begin{aligned}\n" + rows.joined(separator: " \\\\\n") + "\n\\end{aligned}")
    case .table(let header, let rows):
      var lines = ["| " + header.map(cell).joined(separator: " | ") + " |"]
      lines.append("|" + header.map { _ in " --- |" }.joined())
      for row in rows { lines.append("| " + row.map(cell).joined(separator: " | ") + " |") }
      return lines.joined(separator: "\n")
    case .figure(let id, let alt, let caption):
      return "![" + escape(alt) + "](" + figureFolder + "/" + id.fileStem + ".png)\n\n*"
        + escape(caption)
        + "*"
    case .pageBreak:
      return "---"
    }
  }

  private func cell(_ inlines: [Inline]) -> String {
    inline(inlines).replacingOccurrences("|", "\\|")
  }

  private func inline(_ inlines: [Inline]) -> String {
    inlines.map { piece in
      switch piece {
      case .text(let s): return escape(s)
      case .emphasis(let s): return "*" + escape(s) + "*"
      case .math(let f): return math.inline(f.latex())
      }
    }.joined()
  }

  /// Backslash-escapes Markdown punctuation and writes `<`, `>`, `&` as entities.
  func escape(_ text: String) -> String {
    var out = ""
    for c in text {
      switch c {
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "&": out += "&amp;"
      case "\\", "`", "*", "_", "[", "]", "{", "}", "#", "|", "$", "~", "!":
        out += "\\" + String(c)
      case "\n", "\r", "\r\n": out += " "
      default: out.append(c)
      }
    }
    return out
  }

  /// A paragraph's text made unable to start a block other than a paragraph.
  ///
  /// ``escape(_:)`` already neutralises `#`, `>`, `<`, `` ` ``, `~`, `|`, `*`, `_`, `[`; what
  /// is left are the markers that are harmless inside a line but not at its start (CommonMark
  /// §4–5, as pandoc and GitHub read it): `-` and `+` (bullets, `- - -` rules, setext
  /// underlines), `1.` and `1)` (ordered lists: up to nine digits, then `.` or `)`), and
  /// leading spaces (four make a code block).
  static func blockSafe(_ text: String) -> String {
    var line = Substring(text)
    while line.first == " " || line.first == "\t" { line = line.dropFirst() }
    if let first = line.first, first == "-" || first == "+" || first == "=" {
      return "\\" + line
    }
    let digits = line.prefix { $0.isASCII && $0.isNumber }
    if (1...9).contains(digits.count), let marker = line.dropFirst(digits.count).first,
      marker == "." || marker == ")"
    {
      return digits + "\\" + line.dropFirst(digits.count)
    }
    return String(line)
  }

  /// A double-quoted YAML string.
  func yamlString(_ text: String) -> String {
    var out = "\""
    for c in text {
      switch c {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default: out.append(c)
      }
    }
    return out + "\""
  }
}
