public import GraphEngine

/// A lesson as read from its YAML file: every value keeps where it was written.
public struct Lesson: Sendable {
  /// The file name without `.yaml`: `[a-z0-9][a-z0-9-]*`.
  public var id: String
  /// The path diagnostics name (for a built-in lesson, `Lessons/<id>.yaml`).
  public var path: String
  public var source: SourceText
  public var title: String
  /// An optional one-line summary (`description:`), used for front matter and listings.
  public var summary: String?
  /// The function text, and where each of its characters stands in the file.
  public var function: String
  public var functionLocator: ScalarLocator
  public var inputs: [Input]
  /// ∂L/∂(output): the seed of the backward pass.
  public var upstream: Double
  public var upstreamLocation: SourceLocation?

  /// One entry under `inputs:`.
  public struct Input: Sendable {
    public var name: String
    public var value: Double
    /// Where the name is written.
    public var location: SourceLocation
  }
}
