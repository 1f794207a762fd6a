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
  /// `upstream:` written as a list (the output's shape), for a lesson of vectors and matrices.
  public var upstreamTensor: Tensor?

  /// `figures:` — which figures to draw, each with where it was written.
  public var figures: [Located<String>]?
  /// `style:` — the house style the lesson is drawn in unless `--style` says otherwise.
  public var style: Located<String>?
  /// `labels:` — numeric, symbolic or both, unless `--labels` says otherwise.
  public var labels: Located<String>?
  /// `steps:` — how the handout prints the step figures: all, grid or none, unless `--steps`
  /// says otherwise.
  public var steps: Located<String>?

  /// `lang:` — the language the lesson's own text is written in (`en` or `ko`; default `en`).
  public var language: Language = .english
  /// The author's text by language: the lesson's own keys under ``language``, and each
  /// entry of `translations:`.
  public var text: [Language: AuthorText] = [:]
  /// `derivation:`, if any.
  public var derivation: Derivation?
  /// `plot: {from: a, to: b}` — the range of the function plot's input, if the lesson sets it.
  public var plot: PlotRange?

  /// The author's text in `language`: each text of the translation, and the lesson's own
  /// where the translation has none (nothing the author wrote is dropped).
  public func authorText(_ language: Language) -> AuthorText {
    let own = text[self.language] ?? AuthorText()
    guard language != self.language, let translated = text[language] else { return own }
    var merged = own
    merged.title = translated.title ?? own.title
    merged.summary = translated.summary ?? own.summary
    merged.introduction = translated.introduction ?? own.introduction
    merged.notes.merge(translated.notes) { _, new in new }
    for (k, step) in translated.steps.enumerated() where step != nil {
      if k < merged.steps.count { merged.steps[k] = step } else { merged.steps.append(step) }
    }
    return merged
  }

  /// The author's texts that `language` has no translation of and so are shown in the
  /// lesson's own language: `title`, `description`, `introduction`, `note on x`,
  /// `derivation step 2`. Empty for the lesson's own language.
  public func untranslated(in language: Language) -> [String] {
    guard language != self.language else { return [] }
    let own = text[self.language] ?? AuthorText()
    let translated = text[language] ?? AuthorText()
    var missing: [String] = []
    if translated.title == nil { missing.append("title") }
    if (own.summary ?? summary) != nil && translated.summary == nil {
      missing.append("description")
    }
    if own.introduction != nil && translated.introduction == nil {
      missing.append("introduction")
    }
    for name in own.notes.keys.sorted() where translated.notes[name] == nil {
      missing.append("note on \(name)")
    }
    for (k, step) in own.steps.enumerated()
    where step != nil && (k >= translated.steps.count || translated.steps[k] == nil) {
      missing.append("derivation step \(k + 1)")
    }
    return missing
  }

  /// Whether any input or the upstream value is a vector or matrix.
  public var hasTensorValues: Bool {
    upstreamTensor != nil || inputs.contains { $0.tensor != nil }
  }

  /// The title in `language` (the translation's, else the lesson's).
  public func title(_ language: Language) -> String {
    text[language]?.title ?? title
  }

  /// One entry under `inputs:`.
  public struct Input: Sendable {
    public var name: String
    /// The number (NaN for a vector or matrix).
    public var value: Double
    /// The vector or matrix written as a list (nil for a number).
    public var tensor: Tensor? = nil
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

/// The input's range in a lesson's function plot (`plot: {from: -6, to: 6}`).
public struct PlotRange: Sendable, Equatable {
  public var from: Double
  public var to: Double

  public init(from: Double, to: Double) {
    self.from = from
    self.to = to
  }
}
