extension Formula {
  /// A function a formula applies, as the writers need it: which op it is and how it is
  /// spelled.
  public struct Function: Hashable, Sendable {
    /// The op's identity (GraphEngine's `Op` raw value: `exp`, `sigmoid`, `matmul`).
    public let id: String
    public let spelling: Spelling

    public init(id: String, spelling: Spelling) {
      self.id = id
      self.spelling = spelling
    }
  }

  /// How the formula writers set a call.
  public struct Spelling: Hashable, Sendable {
    public enum Form: Hashable, Sendable {
      /// The name, then the arguments in parentheses: `exp(x)`, `σ(x)`.
      case call
      /// Under a radical sign: `√x`.
      case radical
      /// Between bars where the medium has them (LaTeX, MathML, the handout); `abs(x)` on
      /// one line.
      case bars
    }
    /// The name in plain text, Pango and MathML: `exp`, `σ`.
    public let name: String
    /// The name in LaTeX: `\exp`, `\sigma`, `\operatorname{relu}`.
    public let latex: String
    public let form: Form
    /// Whether the name is a letter (σ), set as a symbol rather than a function's word.
    public let isLetter: Bool

    public init(_ name: String, latex: String, form: Form = .call, isLetter: Bool = false) {
      self.name = name
      self.latex = latex
      self.form = form
      self.isLetter = isLetter
    }
  }
}
