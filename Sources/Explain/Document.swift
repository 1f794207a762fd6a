public import Analysis
import FormulaWriting
public import GraphEngine

/// A walk-through as structured content, written out by the Markdown and handout writers.
public struct Document: Sendable {
  public var title: String
  public var summary: String?
  public var language: Language
  public var blocks: [Block]

  public init(title: String, summary: String?, language: Language, blocks: [Block]) {
    self.title = title
    self.summary = summary
    self.language = language
    self.blocks = blocks
  }
}

/// A block of a document.
public enum Block: Sendable {
  /// A section heading (level 2) or subsection (level 3), which may hold math; the handout
  /// bookmarks it.
  case heading(level: Int, content: [Inline])
  case paragraph([Inline])
  /// A displayed equation chain, the formulas joined by `=`; `continued` starts it with `=`
  /// (the next line of a derivation).
  case equation([Formula], continued: Bool = false)
  /// Equations set one under another with their first `=` in line (a function's statements:
  /// `u = x·w`, `f = u + b`); each is an equation chain.
  case system([[Formula]])
  /// A table: a header row, then rows; every cell is inline content.
  case table(header: [[Inline]], rows: [[[Inline]]])
  /// A figure (`graph` → `figures/graph.png`), with alt text and a caption.
  case figure(FigureID, alt: String, caption: String)
  /// What follows starts on a new page (an exercise's answer key); a rule on screen.
  case pageBreak
}

extension Document {
  /// The document without its step figures and the heading over them (a handout printed
  /// with `--steps none`).
  public func withoutStepFigures() -> Document {
    var copy = self
    var kept: [Block] = []
    for block in blocks {
      if case .figure(let id, _, _) = block, id.isStep {
        if case .heading(level: 3, _)? = kept.last { kept.removeLast() }
        continue
      }
      kept.append(block)
    }
    copy.blocks = kept
    return copy
  }
}

extension Block {
  /// A heading of plain text.
  public static func heading(level: Int, text: String) -> Block {
    .heading(level: level, content: [.text(text)])
  }
}

extension [Inline] {
  /// The content as plain Unicode text (for bookmarks and alt text).
  public var plainText: String {
    map { piece in
      switch piece {
      case .text(let s), .emphasis(let s): s
      case .math(let f): f.unicode()
      }
    }.joined()
  }
}

/// Inline content of a paragraph or a table cell.
public enum Inline: Sendable, Hashable {
  /// Plain text from lessongen or from the lesson (always escaped by the writers).
  case text(String)
  /// Emphasised text.
  case emphasis(String)
  /// Inline math.
  case math(Formula)
}
