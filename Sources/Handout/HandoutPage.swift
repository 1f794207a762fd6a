public import Drawing
import Figures
public import GraphLayout

/// One page of a laid-out handout.
public struct HandoutPage: Sendable {
  /// The page as drawn: the paper's size and colour, what stands in the text area in order,
  /// then the page's furniture (its running head, its number).
  public var scene: Scene
  /// The box of each thing placed in the text area — a text, a displayed equation, a rule, a
  /// figure — for checks that nothing leaves it.
  public var frames: [Rect] = []
  /// How many elements at the end of the scene are furniture, not content.
  public var furniture: Int = 0
  /// Areas that link to a place in the document (a contents entry to its page).
  public var links: [PageLink] = []

  /// What stands in the text area: the scene's elements but the furniture at the end.
  public var content: ArraySlice<SceneElement> { scene.elements.dropLast(furniture) }
}

/// A clickable area of a page and the place it goes to: a page counted from 1 and the
/// point on it.
public struct PageLink: Sendable {
  public var area: Rect
  public var page: Int
  public var x: Double
  public var y: Double

  public init(area: Rect, page: Int, x: Double, y: Double) {
    self.area = area
    self.page = page
    self.x = x
    self.y = y
  }
}
