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

  /// `figures:` — which figures to draw, each with where it was written.
  public var figures: [Located<String>]?
  /// `style:` — the house style the lesson is drawn in unless `--style` says otherwise.
  public var style: Located<String>?
  /// `labels:` — numeric, symbolic or both, unless `--labels` says otherwise.
  public var labels: Located<String>?

  /// One entry under `inputs:`.
  public struct Input: Sendable {
    public var name: String
    public var value: Double
    /// Where the name is written.
    public var location: SourceLocation
  }
}

/// A value with the place it was written.
public struct Located<Value: Sendable>: Sendable {
  public var value: Value
  public var location: SourceLocation

  public init(_ value: Value, at location: SourceLocation) {
    self.value = value
    self.location = location
  }
}
