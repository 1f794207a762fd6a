/// The sizes lessongen accepts. Each is enforced where it is first known, with an error at
/// the place in the lesson that passes it; docs/LESSONS.md ("Limits") lists them for authors.
///
/// They keep every stage's time and memory about linear in the lesson and its recursion
/// bounded: nothing recurses deeper than ``nesting`` or ``formulaDepth`` levels.
public enum Limits {
  /// A lesson file's size in bytes (1 MiB); a larger file is refused before it is read.
  public static let fileBytes = 1 << 20
  /// Characters of a title (it is set in large type on the handout's first page, whole).
  public static let titleCharacters = 300
  /// Characters of a description (set under the title).
  public static let descriptionCharacters = 2_000
  /// Statements in a lesson's function.
  public static let statements = 10_000
  /// Nodes of the graph as written (inputs, constants and operations).
  public static let nodes = 10_000
  /// How deeply parentheses, signs, powers and calls may nest in an expression.
  public static let nesting = 200
  /// The deepest formula that is written or typeset (a sum of 300 terms is 300 deep); a
  /// deeper one is shown in a shorter form or named. The writers and the typesetter recurse
  /// once or twice per level, a few hundred bytes each: far inside every thread's stack.
  public static let formulaDepth = 200
  /// The largest graph that is drawn (nodes of the figure's graph); a larger figure is left
  /// out, with a sentence in the walk-through and a warning.
  public static let drawnNodes = 2_500
  /// The most backward-step figures one lesson gets (one per operation).
  public static let stepFigures = 60
  /// Elements of any one value of a lesson of vectors and matrices (a (1000, 1000) matrix):
  /// a larger value, written or computed (`repeat(x, n)`, an outer product), is a located
  /// error at the node that makes it.
  public static let tensorElements = 1_000_000
  /// Numbers a lesson of vectors and matrices holds: every node's value and what it sends
  /// back along each input (an input's element count each), added up from the shapes before
  /// anything is computed. It bounds the memory the passes take (the values, their gradients
  /// and the edges' gradients: about 50 MB at the limit) and the size of `trace.json` (about
  /// 40 MB).
  public static let tensorElementsInAll = 1_000_000
  /// Multiply-adds of a lesson's matrix products, forward and backward together: an
  /// (m, k) @ (k, n) product costs m·k·n forward and twice that backward. At the limit the
  /// passes take about half a second; one (1000, 1000) @ (1000, 1000) product would need
  /// 3,000,000,000 (seconds, and a trace of 100 MB).
  public static let tensorMultiplyAdds = 100_000_000
  /// The longest table the walk-through prints; a longer one is left out the same way (the
  /// trace has every number).
  public static let tableRows = 2_500
}
