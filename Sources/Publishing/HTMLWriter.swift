import Analysis
public import Explain
import FormulaWriting
import GraphEngine

/// Writes a ``Document`` as a standalone HTML page with native MathML (no scripts: current
/// Chrome, Firefox and Safari render MathML Core), the SVG figures with their alt text, and
/// every piece of lesson text escaped. The page is well-formed XML as well as HTML.
public struct HTMLWriter {
  public var figureFolder = "figures"
  /// For a page of a site (`lessongen site`): its navigation and shared stylesheet, figures
  /// with a dark variant and a PNG fallback, an answer key folded into `<details>`. nil: a
  /// standalone page.
  public var site: SitePage?

  public init() {}

  public func write(_ document: Document) -> String {
    var out = "<!DOCTYPE html>\n<html lang=\"\(escape(document.language.code))\">\n<head>\n"
    out += "<meta charset=\"utf-8\"/>\n<title>\(escape(document.title))</title>\n"
    if let summary = document.summary {
      out += "<meta name=\"description\" content=\"\(escape(summary))\"/>\n"
    }
    guard let site else {
      out += "<style>\(Self.style)</style>\n</head>\n<body>\n<main>\n"
      out += "<h1>\(escape(document.title))</h1>\n"
      if let summary = document.summary { out += "<p class=\"summary\">\(escape(summary))</p>\n" }
      for block in document.blocks { out += write(block) + "\n" }
      return out + "</main>\n</body>\n</html>\n"
    }
    out += site.head
    out += "</head>\n<body>\n" + site.navigation(label: "top") + "<main>\n"
    out += "<h1>\(escape(document.title))</h1>\n"
    if let summary = document.summary { out += "<p class=\"summary\">\(escape(summary))</p>\n" }
    var blocks = document.blocks[...]
    var answers: ArraySlice<Block> = []
    if let split = blocks.firstIndex(where: { if case .pageBreak = $0 { true } else { false } }) {
      answers = blocks[(split + 1)...]
      blocks = blocks[..<split]
    }
    for block in blocks { out += write(block) + "\n" }
    if !answers.isEmpty {
      // The answer key, folded: its heading is the summary a reader opens.
      var summary = "Answer key"
      if case .heading(_, let content)? = answers.first {
        summary = content.plainText
        answers = answers.dropFirst()
      }
      out += "<details class=\"answers\">\n<summary>\(escape(summary))</summary>\n"
      for block in answers { out += write(block) + "\n" }
      out += "</details>\n"
    }
    return out + "</main>\n" + site.navigation(label: "bottom") + "</body>\n</html>\n"
  }

  static let style =
    "body{font-family:'DejaVu Serif',Georgia,serif;line-height:1.5;margin:0;color:#111}"
    + "main{max-width:46em;margin:2em auto;padding:0 1em}h1,h2,h3{font-family:'DejaVu Sans',sans-serif}"
    + ".summary{color:#555;font-style:italic}figure{margin:1.5em 0;text-align:center}"
    + "figure img{max-width:100%}figcaption{color:#555;font-size:.9em}"
    + "table{border-collapse:collapse;margin:1em auto}th,td{padding:.2em .7em;text-align:left}"
    + ".system{display:grid;grid-template-columns:auto auto;justify-content:center;"
    + "row-gap:.4em;margin:1em 0}.system .lhs{justify-self:end}"
    + "thead{border-top:2px solid #111;border-bottom:1px solid #111}tbody{border-bottom:2px solid #111}"
    + "math[display=block]{margin:.8em 0}"

  private func write(_ block: Block) -> String {
    switch block {
    case .heading(let level, let content):
      return "<h\(level)>\(inline(content))</h\(level)>"
    case .paragraph(let inlines):
      return "<p>" + inline(inlines) + "</p>"
    case .equation(let formulas, let continued):
      let chain: Formula = continued ? .equation([.symbol("")] + formulas) : .equation(formulas)
      return chain.mathML(display: true)
    case .system(let equations):
      // A two-column grid, left sides flush right against their `=`: the statements line
      // up on it as in the handout (MathML Core has no alignment of its own that Chrome
      // draws).
      var out = "<div class=\"system\">\n"
      for chain in equations {
        guard let first = chain.first else { continue }
        let rest: Formula = .equation([.symbol("")] + chain.dropFirst())
        out += "<div class=\"lhs\">" + Self.displayStyle(first.mathML()) + "</div>"
        out += "<div>" + Self.displayStyle(rest.mathML()) + "</div>\n"
      }
      return out + "</div>"
    case .table(let header, let rows):
      var out = "<table>\n<thead><tr>" + header.map { "<th>" + inline($0) + "</th>" }.joined()
      out += "</tr></thead>\n<tbody>\n"
      for row in rows {
        out += "<tr>" + row.map { "<td>" + inline($0) + "</td>" }.joined() + "</tr>\n"
      }
      return out + "</tbody>\n</table>"
    case .pageBreak:
      return "<hr style=\"break-before:page;margin:3em 0\"/>"
    case .figure(let id, let alt, let caption) where site != nil:
      // SVG, its dark variant on a dark page, the PNG for a browser without SVG; a click
      // opens the figure full size.
      let stem = "\(figureFolder)/\(escape(id.fileStem))"
      return "<figure><a href=\"\(stem).svg\"><picture>"
        + "<source media=\"(prefers-color-scheme: dark)\" srcset=\"\(stem)-dark.svg\" "
        + "type=\"image/svg+xml\"/><source srcset=\"\(stem).svg\" type=\"image/svg+xml\"/>"
        + "<img src=\"\(stem).png\" alt=\"\(escape(alt))\"/></picture></a>"
        + "<figcaption>\(escape(caption))</figcaption></figure>"
    case .figure(let id, let alt, let caption):
      // The figure is scaled to the column; a click opens it full size.
      let source = "\(figureFolder)/\(escape(id.fileStem)).svg"
      return "<figure><a href=\"\(source)\"><img src=\"\(source)\" alt=\"\(escape(alt))\"/></a>"
        + "<figcaption>\(escape(caption))</figcaption></figure>"
    }
  }

  /// Inline math set in display style (full-size fractions), for a displayed line built of
  /// several pieces.
  static func displayStyle(_ math: String) -> String {
    math.hasPrefix("<math ") ? "<math displaystyle=\"true\" " + math.dropFirst(6) : math
  }

  private func inline(_ inlines: [Inline]) -> String {
    inlines.map { piece in
      switch piece {
      case .text(let s): escape(s)
      case .emphasis(let s): "<em>" + escape(s) + "</em>"
      case .math(let f): f.mathML()
      }
    }.joined()
  }

  /// `&`, `<`, `>`, `"` and `'` as entities.
  func escape(_ text: String) -> String { PangoMarkupDialect.escape(text) }
}
