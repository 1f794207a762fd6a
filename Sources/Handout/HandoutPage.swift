public import Figures
public import GraphLayout

/// One page of a laid-out handout.
public struct HandoutPage: Sendable {
  /// The page as drawn: the paper's size and colour, what stands in the text area in order,
  /// then the page number at the foot.
  public var scene: Scene
  /// The box of each thing placed in the text area — a text, a displayed equation, a rule, a
  /// figure — for checks that nothing leaves it.
  public var frames: [Rect] = []

  /// What stands in the text area: the scene's elements but the page number, which is last.
  public var content: ArraySlice<SceneElement> { scene.elements.dropLast() }
}
