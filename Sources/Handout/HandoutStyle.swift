public import Figures

/// The handout's look as data: its fonts, colours, margins and spacing. The layout reads
/// nothing else about how the handout looks; ``standard`` is the one lessongen prints.
public struct HandoutStyle: Sendable {
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
    paragraphSpacing: 8, equationSpacing: 7, equationIndent: 24)
}
