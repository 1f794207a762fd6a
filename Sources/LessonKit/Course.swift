public import GraphEngine

/// A course as read from its YAML file (docs/COURSES.md): its title page and settings, and
/// its lessons in order, grouped in parts or not.
public struct Course: Sendable {
  /// The file name without `.yaml`: the course's folder under `--out`.
  public var id: String
  /// The path diagnostics name.
  public var path: String
  public var source: SourceText
  public var title: String
  public var subtitle: String?
  public var author: String?
  /// `lang`, `style`, `paper`: the course's defaults for every lesson in it, each with where
  /// it was written (a command-line option overrides them).
  public var language: Located<Language>?
  public var style: Located<String>?
  public var paper: Located<String>?
  /// `steps:` — how the handouts print the step figures (all, grid, none).
  public var steps: Located<String>?
  /// `exercise:` — `false` (none), `true` (gradients blanked) or `forward` (values too).
  public var exercise: Located<String>?
  /// The parts in order; lessons listed outside any part make parts with no title.
  public var parts: [Part]

  /// A run of lessons, under a title or not.
  public struct Part: Sendable {
    public var title: String?
    public var lessons: [Entry]
  }

  /// One lesson of the course: where it comes from and where the course names it.
  public struct Entry: Sendable {
    public var source: LessonSource
    /// As written in the course file.
    public var written: String
    public var location: SourceLocation

    /// How messages name it: a file's path, a built-in's id.
    public var shown: String {
      switch source {
      case .builtin(let id): id
      case .file(let path): path
      }
    }
  }

  /// Every lesson, in order.
  public var lessons: [Entry] { parts.flatMap(\.lessons) }
}
