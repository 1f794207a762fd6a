import Explain

/// How the Markdown delimits math, for the generator that turns it into a page
/// (docs/PUBLISHING.md has each one's configuration).
public enum MathFlavour: String, CaseIterable, Sendable {
  /// `$…$` inline, `$$…$$` displayed: GitHub, MkDocs Material with pymdownx.arithmatex,
  /// pandoc, and Hugo or Jekyll set up for dollars.
  case dollars
  /// kramdown's (Jekyll's default): `$$…$$` both inline and displayed, a display being a
  /// paragraph of its own.
  case kramdown
  /// `\(…\)` inline and `\[…\]` displayed: Hugo's goldmark passthrough extension.
  case hugo

  /// A displayed formula: its own lines between the delimiters.
  func display(_ latex: String) -> String {
    switch self {
    case .dollars, .kramdown: "$$\n" + latex + "\n$$"
    case .hugo: "\\[\n" + latex + "\n\\]"
    }
  }

  /// An inline formula.
  func inline(_ latex: String) -> String {
    switch self {
    case .dollars: "$" + latex + "$"
    case .kramdown: "$$" + latex + "$$"
    case .hugo: "\\(" + latex + "\\)"
    }
  }
}
