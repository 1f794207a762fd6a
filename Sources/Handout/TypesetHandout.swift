import Analysis
import Drawing
import Explain
import Figures
import GraphLayout
import MathTypesetting

/// A document's text measured and typeset for one paper and style: all of laying a handout
/// out that does not depend on the figures. ``HandoutLayout/typeset(_:paper:style:measurer:)``
/// makes it while the figures are still being composed; ``HandoutLayout/paginate(_:figures:measurer:)``
/// then only places it on pages, with the figures.
public struct TypesetHandout: Sendable {
  let paper: Paper
  let style: HandoutStyle
  /// The document's title and summary as written, for the file's metadata.
  let title: String
  let subject: String?
  /// The title, and the summary under it, as measured.
  let titleText: MeasuredText
  let summaryText: MeasuredText?
  let blocks: [TypesetBlock]
}

/// Pango markup and its size, wrapped to the width it is set in.
struct MeasuredText: Sendable {
  var markup: String
  var size: Size
}

/// One block of a document, measured and typeset.
enum TypesetBlock: Sendable {
  /// A heading: its level, its plain text (the bookmark's title), and as set.
  case heading(level: Int, title: String, text: MeasuredText)
  /// A paragraph that fits on a page.
  case paragraph(MeasuredText)
  /// A subsection's heading set at the start of its first paragraph, in the heading's bold
  /// sans-serif (a run-in heading, as LaTeX sets `\paragraph`): its plain text (the
  /// bookmark's title), and the paragraph as set. A node-by-node walk-through has a heading
  /// for every node; on lines of their own they took a page of a 26-node handout.
  case runIn(title: String, text: MeasuredText)
  /// A paragraph taller than a page, broken between words where the pages end when it is
  /// placed.
  case longParagraph([Inline])
  case equation(TypesetEquation)
  /// Equations one under another, their first `=` in line where the page allows.
  case system([TypesetEquation])
  case table(TypesetTable)
  /// A figure, by name, and its caption.
  case figure(FigureID, caption: MeasuredText)
  /// What follows starts on a new page.
  case pageBreak
}

/// A displayed equation: its lines, each scaled down to the text width if it was wider.
struct TypesetEquation: Sendable {
  var lines: [(box: MathBox, scale: Double)]
  /// Whether it continues the equation before it (starts with `=`).
  var continued: Bool
  /// For an equation of one line and two sides or more that continues none: the width of its
  /// first side, where its `=` stands (the equations continuing it line up there).
  var firstSideWidth: Double?
}

/// A table: where it stands across the page, and its rows with each cell's box.
struct TypesetTable: Sendable {
  var left: Double
  var width: Double
  var head: TypesetRow
  var rows: [TypesetRow]
}

/// One row of a table.
struct TypesetRow: Sendable {
  var font: Font
  /// Each cell's markup and its box, relative to the row's top.
  var cells: [(markup: String, frame: Rect)]
  /// The tallest cell's height.
  var height: Double
}
