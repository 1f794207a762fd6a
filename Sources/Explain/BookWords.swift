import Analysis
public import GraphEngine

/// The words a course handout prints around its lessons, in the handout's language.
public enum BookWords {
  /// "Contents" (Korean: "목차").
  public static func contents(_ language: Language) -> String {
    prose(for: language).contentsHeading
  }
  /// "Previous", "Next" and "Exercise" (Korean: "이전", "다음", "연습 문제").
  public static func previous(_ language: Language) -> String { prose(for: language).previousWord }
  public static func next(_ language: Language) -> String { prose(for: language).nextWord }
  public static func exercise(_ language: Language) -> String { prose(for: language).exerciseWord }
  /// A site's contents page without a course: "Lessons" (Korean: "레슨").
  public static func lessons(_ language: Language) -> String { prose(for: language).lessonsHeading }
  /// A thumbnail's alt text: what the figure shows.
  public static func graphAlt(_ language: Language, _ title: String) -> String {
    prose(for: language).graphOf(title)
  }
  /// "Answer key" (Korean: "정답").
  public static func answerKey(_ language: Language) -> String {
    prose(for: language).answerKeyHeading
  }
}
