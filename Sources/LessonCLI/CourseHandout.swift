import Analysis
import CairoBackend
import Drawing
import Explain
import Figures
import Foundation
import GraphEngine
import Handout
import LessonKit

/// A course's handouts: `<course-id>.pdf`, every lesson of it laid out as
/// `lessongen LESSON` lays it out, behind a title page and the contents (see
/// ``CourseHandoutLayout``); with exercises, `<course-id>-exercise.pdf` too, each lesson's
/// exercise sheet and the answer keys collected at the end.
enum CourseHandout {
  /// The files' names and bytes. Each lesson is compiled and drawn with `style` (the
  /// course's settings under the command line's); a lesson that fails throws its located
  /// diagnostics.
  static func render(_ course: Course, style: StyleOptions, exercise: Blanks) throws
    -> [(name: String, data: Data)]
  {
    let paper = style.paperSize
    let language = style.language ?? .english
    var parts: [CourseHandoutLayout.Part] = []
    var sheets: [CourseHandoutLayout.Part] = []
    var answers: [CourseHandoutLayout.Lesson] = []
    for part in course.parts {
      var lessons: [CourseHandoutLayout.Lesson] = []
      var exercises: [CourseHandoutLayout.Lesson] = []
      for entry in part.lessons {
        var prepared = try PreparedLesson(
          entry.source.compileAny(), style: style.style, labels: style.labels,
          language: style.language)
        prepared.plan.paper = paper
        if let steps = style.stepLayout { prepared.plan.steps = steps }
        let made = prepared.courseLessons(exercise: exercise)
        lessons.append(made.lesson)
        if let sheet = made.sheet { exercises.append(sheet) }
        if let key = made.answers { answers.append(key) }
      }
      parts.append(CourseHandoutLayout.Part(title: part.title, lessons: lessons))
      sheets.append(CourseHandoutLayout.Part(title: part.title, lessons: exercises))
    }
    func front(_ title: String) -> CourseHandoutLayout.Front {
      CourseHandoutLayout.Front(
        title: title, subtitle: course.subtitle, author: course.author,
        contentsHeading: BookWords.contents(language))
    }
    var files = [
      (
        course.id + ".pdf",
        try HandoutRenderer.render(
          CourseHandoutLayout.layOut(
            front(course.title), parts: parts, paper: paper, measurer: PangoTextMeasurer()))
      )
    ]
    if exercise != .none {
      let key = CourseHandoutLayout.Part(
        title: BookWords.answerKey(language), lessons: answers, flowing: true)
      files.append(
        (
          course.id + "-exercise.pdf",
          try HandoutRenderer.render(
            CourseHandoutLayout.layOut(
              front(course.title), parts: sheets, appendix: [key], paper: paper,
              measurer: PangoTextMeasurer()))
        ))
    }
    return files
  }
}
