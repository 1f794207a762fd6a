/// How a handout prints the backward pass's step figures (`steps:` in a lesson or a course,
/// `--steps` on the command line). The Markdown and the web pages always show one full-size
/// figure per step.
public enum StepLayout: String, CaseIterable, Sendable {
  /// One figure per step at full size, as any figure is placed.
  case all
  /// Small multiples: several to a row, or the part of the graph around each step's node
  /// (the default).
  case grid
  /// No step figures in the handout (the node-by-node text stays).
  case none
}
