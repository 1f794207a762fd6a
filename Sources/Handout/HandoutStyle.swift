public import Drawing
import Figures

/// The handout's look as data: its fonts, colours, margins and spacing. The layout reads
/// nothing else about how the handout looks; ``standard`` is the one lessongen prints.
public struct HandoutStyle: Sendable {
  /// How the step figures print (``StepLayout``).
  public var steps: StepLayout = .grid
  /// The left, right and top margin.
  public var margin: Double
  /// The bottom margin, which holds the page number.
  public var bottomMargin: Double
  /// The paper's colour.
  public var background: Color
  /// Paragraphs.
  public var body: Font
  /// Displayed equations.
  public var math: Font
  /// Table cells.
  public var table: Font
  /// Table headers.
  public var tableHead: Font
  /// The handout's title.
  public var title: Font
  /// The summary under the title.
  public var subtitle: Font
  /// Section headings (levels 1 and 2).
  public var heading2: Font
  /// Subsection headings (level 3 and deeper).
  public var heading3: Font
  /// Figure captions and page numbers.
  public var caption: Font
  /// Text, math and table rules.
  public var ink: Color
  /// The summary, captions, page numbers and the rule under the title.
  public var grey: Color
  /// Space after a paragraph.
  public var paragraphSpacing: Double
  /// Space between the lines of a displayed equation broken at its `=`.
  public var equationSpacing: Double
  /// How far a broken equation is indented.
  public var equationIndent: Double
  /// How much further the second and later lines of a broken equation are indented.
  public var equationContinuationIndent: Double
  /// Space after a displayed equation.
  public var afterEquation: Double
  /// Space after the title and after the summary.
  public var afterTitle: Double
  /// The rule under the title block: its thickness and the space after it.
  public var titleRule: Double
  public var afterTitleRule: Double
  /// Space before a section and a subsection heading, and after either.
  public var beforeSection: Double
  public var beforeSubsection: Double
  public var afterHeading: Double
  /// Space on each side of a table cell's text, above it, and between rows.
  public var cellPadding: Double
  public var cellTop: Double
  public var rowSpacing: Double
  /// A table's outer rules, the rule under its header, and the space after it.
  public var tableRule: Double
  public var headerRule: Double
  public var afterTable: Double
  /// The smallest text a figure may print at: a figure whose labels would come out smaller
  /// at the text width gets a landscape page of its own.
  public var minimumTextSize: Double
  /// How far into the side margins a figure may reach when that makes its text large enough.
  public var figureOverhang: Double
  /// The share of the text area's height a figure may take.
  public var figureHeightShare: Double
  /// Space between a figure and its caption, and after the caption.
  public var captionGap: Double
  public var afterFigure: Double

  /// The font of a heading: sections (levels 1 and 2) and subsections (3 and deeper).
  public func headingFont(level: Int) -> Font { level <= 2 ? heading2 : heading3 }

  /// Every font the handout sets text in.
  public var fonts: [Font] {
    [body, math, table, tableHead, title, subtitle, heading2, heading3, caption]
  }

  /// Serif text and math (DejaVu, Nanum for Korean), sans-serif headings, on white paper.
  public static let standard = HandoutStyle(
    margin: 62, bottomMargin: 70, background: .white,
    body: Font(family: "DejaVu Serif, NanumMyeongjo", size: 10.5),
    math: Font(family: "DejaVu Serif, NanumMyeongjo", size: 11),
    table: Font(family: "DejaVu Serif, NanumMyeongjo", size: 9.5),
    tableHead: Font(family: "DejaVu Sans, NanumGothic Bold", size: 9),
    title: Font(family: "DejaVu Sans, NanumGothic Bold", size: 19),
    subtitle: Font(family: "DejaVu Serif, NanumMyeongjo Italic", size: 11),
    heading2: Font(family: "DejaVu Sans, NanumGothic Bold", size: 14),
    heading3: Font(family: "DejaVu Sans, NanumGothic Bold", size: 11),
    caption: Font(family: "DejaVu Sans, NanumGothic", size: 8.5),
    ink: Color(hex: 0x111111), grey: Color(hex: 0x555555),
    paragraphSpacing: 8, equationSpacing: 7, equationIndent: 24, equationContinuationIndent: 14,
    afterEquation: 12, afterTitle: 6, titleRule: 0.6, afterTitleRule: 14, beforeSection: 16,
    beforeSubsection: 10, afterHeading: 6, cellPadding: 6, cellTop: 3, rowSpacing: 4,
    tableRule: 0.8, headerRule: 0.5, afterTable: 10, minimumTextSize: 6.5, figureOverhang: 38,
    figureHeightShare: 0.42,
    captionGap: 3,
    afterFigure: 12)
}
