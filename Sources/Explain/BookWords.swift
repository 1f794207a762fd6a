/// The words a course handout prints around its lessons, in the handout's language.
public enum BookWords {
  /// "Contents" (Korean: "목차").
  public static func contents(_ language: String) -> String { prose(for: language).contentsHeading }
  /// "Answer key" (Korean: "정답").
  public static func answerKey(_ language: String) -> String {
    prose(for: language).answerKeyHeading
  }
}
