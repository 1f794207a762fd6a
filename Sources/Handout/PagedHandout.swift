/// A handout laid out: its pages as scenes, ready for a backend to draw, and what the file's
/// metadata and outline need.
public struct PagedHandout: Sendable {
  /// The document's title.
  public var title: String
  /// The document's summary, if it has one.
  public var subject: String?
  /// The author, if the document names one.
  public var author: String? = nil
  /// The paper every page is of.
  public var paper: Paper
  public var pages: [HandoutPage]
  /// One per heading, in order.
  public var bookmarks: [Bookmark]
}
