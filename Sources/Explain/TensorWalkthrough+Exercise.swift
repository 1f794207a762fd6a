import Analysis
import FormulaWriting
import GraphEngine
import LessonKit
import TensorWording

extension TensorWalkthrough {
  /// The exercise sheet of a lesson of vectors and matrices: the graph with an empty box for
  /// every element of every gradient (one box for a matrix over 3 × 3; with forward blanks
  /// the values too), the rules found from the shapes (formulas, no numbers), and every
  /// input's gradient to fill in. The loss derived whole and the numeric check give the
  /// answers away, so they are in the answer key's lesson only.
  public func exerciseSheet(_ blanks: Blanks) -> Document {
    let lesson = compiled.lesson
    let title = lesson.title(words.language)
    var blocks: [Block] = [.paragraph([.text(words.exerciseIntro(forward: blanks.values))])]
    blocks += graphSection(.exercise(.graph), caption: words.exerciseCaption)
    let derivations = shapeDerivations()
    if !derivations.isEmpty {
      blocks.append(.heading(level: 2, text: words.shapesHeading))
      blocks.append(.paragraph([.text(words.shapesIntro(products: products))]))
      blocks += derivations
    }
    blocks += valuesSection(blanks)
    return Document(
      title: words.exerciseTitle(title), summary: lesson.authorText(words.language).summary,
      language: words.language, blocks: blocks)
  }

  /// The answers: the graph filled in, the loss derived whole, every value and gradient;
  /// under a heading "Answer key" when `heading`.
  public func answerKey(_ blanks: Blanks, heading: Bool = true) -> [Block] {
    var blocks: [Block] = heading ? [.heading(level: 2, text: words.answerKeyHeading)] : []
    if omitted == nil {
      blocks.append(
        .figure(
          .graph, alt: words.figureAlt(compiled.lesson.title(words.language)),
          caption: words.caption(symbolic: symbolic)))
    }
    blocks += lossSection()
    blocks += valuesSection()
    return blocks
  }

  /// The exercise sheet, then its answer key on a page of its own: `<id>-exercise`.
  public func exercise(_ blanks: Blanks) -> Document {
    var document = exerciseSheet(blanks)
    document.blocks += [.pageBreak] + answerKey(blanks)
    return document
  }
}
