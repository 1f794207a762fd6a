/// A heading to bookmark in the PDF's outline: its title, its level, and where it stands
/// (the page counted from 1, the point on it).
public struct Bookmark: Sendable {
  public var title: String
  /// 1 or 2 for a section, 3 or more for a subsection.
  public var level: Int
  public var page: Int
  public var x: Double
  public var y: Double
  /// Its depth in the outline: 0 at the top, each bookmark nested under the last one before
  /// it of a smaller depth. A lesson's sections are 0 and subsections 1; a course puts its
  /// parts and lessons above them.
  public var depth: Int

  public init(title: String, level: Int, page: Int, x: Double, y: Double, depth: Int? = nil) {
    self.title = title
    self.level = level
    self.page = page
    self.x = x
    self.y = y
    self.depth = depth ?? (level <= 2 ? 0 : 1)
  }
}
