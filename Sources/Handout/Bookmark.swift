/// A section heading to bookmark: its title and level, and where it stands (the page counted
/// from 1, the point on it).
public struct Bookmark: Sendable {
  public var title: String
  /// 1 or 2 for a section, 3 or more for a subsection (nested under the section before it).
  public var level: Int
  public var page: Int
  public var x: Double
  public var y: Double
}
