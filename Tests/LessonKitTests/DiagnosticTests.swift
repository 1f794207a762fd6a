import ExpressionLanguage
import Foundation
import LessonKit
import Testing

/// Compiles lesson text and returns the printed diagnostics, or "" if it is valid.
func diagnostics(_ yaml: String, path: String = "lesson.yaml", overrides: [String: Double] = [:])
  -> String
{
  do {
    let lesson = try LessonLoader.load(text: yaml, path: path, id: "lesson")
    _ = try CompiledLesson.compile(lesson, overrides: overrides)
    return ""
  } catch {
    return error.description
  }
}

/// The same through the path that reports structure and function errors together.
func allDiagnostics(_ yaml: String) -> String {
  let path = FileManager.default.temporaryDirectory.appendingPathComponent(
    "lessongen-\(UInt32.random(in: 0...UInt32.max))", isDirectory: true)
  try? FileManager.default.createDirectory(at: path, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: path) }
  let file = path.appendingPathComponent("lesson.yaml")
  try? yaml.write(to: file, atomically: true, encoding: .utf8)
  do {
    _ = try LessonSource.file(file.path).compile()
    return ""
  } catch {
    return error.description.replacingOccurrences(of: file.path, with: "lesson.yaml")
  }
}

@Suite("Diagnostics")
struct DiagnosticTests {
  @Test("an unknown key, with a suggestion")
  func unknownKey() {
    #expect(
      diagnostics("title: t\nfuction: y = x\nfunction: y = x\ninputs: {x: 1}\n") == """
        lesson.yaml:2:1: error: unknown key 'fuction'; did you mean 'function'?
        fuction: y = x
        ^
        """)
    #expect(
      diagnostics("title: t\ncolour: red\nfunction: y = x\ninputs: {x: 1}\n") == """
        lesson.yaml:2:1: error: unknown key 'colour'; the keys are title, function, inputs, upstream, description, figures, style, labels, steps, lang, introduction, notes, derivation, translations, plot
        colour: red
        ^
        """)
  }

  @Test("a tab in the indentation is named as such")
  func tab() {
    #expect(
      diagnostics("title: t\nfunction: y = x\ninputs:\n\tx: 1\n").hasPrefix(
        "lesson.yaml:4:1: error: a tab character: YAML indents with spaces, not tabs"))
  }

  @Test("missing required keys")
  func missing() {
    #expect(
      diagnostics("title: t\n") == """
        lesson.yaml:1:1: error: missing required key 'function'
        title: t
        ^
        lesson.yaml:1:1: error: missing required key 'inputs'
        title: t
        ^
        """)
  }

  @Test("a free variable without a value")
  func freeVariable() {
    #expect(
      diagnostics("title: t\nfunction: y = x * w\ninputs:\n  x: 1\n") == """
        lesson.yaml:2:19: error: 'w' has no value: give it one under 'inputs' or assign it first
        function: y = x * w
                          ^
        """)
  }

  @Test("an input the function never uses")
  func unusedInput() {
    #expect(
      diagnostics("title: t\nfunction: y = x\ninputs:\n  x: 1\n  w: 2\n") == """
        lesson.yaml:5:3: error: input 'w' is never used by the function
          w: 2
          ^
        """)
  }

  @Test("a name assigned twice")
  func assignedTwice() {
    #expect(
      diagnostics("title: t\nfunction: |\n  y = x\n  y = 2 * x\ninputs: {x: 1}\n") == """
        lesson.yaml:4:3: error: 'y' is assigned twice (first at line 3)
          y = 2 * x
          ^
        """)
  }

  @Test("a name used before it is assigned")
  func usedBeforeAssigned() {
    #expect(
      diagnostics("title: t\nfunction: |\n  q = p + x\n  p = x * 2\n  y = q\ninputs: {x: 1}\n")
        == """
        lesson.yaml:3:7: error: 'p' is used before it is assigned (at line 4)
          q = p + x
              ^
        """)
  }

  @Test("a non-number input")
  func nonNumber() {
    #expect(
      diagnostics("title: t\nfunction: y = x\ninputs:\n  x: one\n") == """
        lesson.yaml:4:6: error: input 'x' must be a number, not 'one'
          x: one
             ^
        """)
    #expect(
      diagnostics("title: t\nfunction: y = x\ninputs:\n  x: \"1\"\n") == """
        lesson.yaml:4:6: error: input 'x' must be a number, not quoted text ("1")
          x: "1"
             ^
        """)
    #expect(
      diagnostics("title: t\nfunction: y = x\ninputs:\n  x:\n") == """
        lesson.yaml:4:5: error: input 'x' has no value; write a number such as 1.0
          x:
            ^
        """)
    #expect(
      diagnostics("title: t\nfunction: y = x\ninputs:\n  x: {a: 1}\n") == """
        lesson.yaml:4:6: error: input 'x' must be a number, not a list or mapping
          x: {a: 1}
             ^
        """)
    #expect(
      diagnostics("title: t\nfunction: y = x\ninputs: {x: 1e999}\n") == """
        lesson.yaml:3:13: error: input 'x' is too large: 1e999 is not a finite number
        inputs: {x: 1e999}
                    ^
        """)
  }

  @Test("upstream must be a number")
  func upstream() {
    #expect(
      diagnostics("title: t\nfunction: y = x\ninputs: {x: 1}\nupstream: high\n") == """
        lesson.yaml:4:11: error: 'upstream' must be a number, not 'high'
        upstream: high
                  ^
        """)
  }

  @Test("title, function and inputs have the right kinds")
  func kinds() {
    #expect(
      diagnostics("title: [a]\nfunction: y = x\ninputs: {x: 1}\n") == """
        lesson.yaml:1:8: error: 'title' must be a line of text
        title: [a]
               ^
        """)
    #expect(
      diagnostics("title: t\nfunction: ''\ninputs: {x: 1}\n") == """
        lesson.yaml:2:11: error: 'function' is empty; write a statement such as y = x * 2
        function: ''
                  ^
        """)
    #expect(
      diagnostics("title: t\nfunction: y = x\ninputs: [x]\n") == """
        lesson.yaml:3:9: error: 'inputs' must be a mapping from each free variable to its value, such as 'x: 1.0'
        inputs: [x]
                ^
        """)
    #expect(
      diagnostics("title: t\nfunction: y = x\ninputs: {x: 1, 2b: 3}\n") == """
        lesson.yaml:3:16: error: input names are names as in the function ([A-Za-z_][A-Za-z0-9_]*); '2b' is not
        inputs: {x: 1, 2b: 3}
                       ^
        """)
    #expect(
      diagnostics("- a\n- b\n") == """
        lesson.yaml:1:1: error: a lesson is a YAML mapping with the keys title, function and inputs
        - a
        ^
        """)
    #expect(
      diagnostics("") == """
        lesson.yaml:1:1: error: the lesson is empty; it needs title, function and inputs

        ^
        """)
  }

  @Test("YAML syntax errors and duplicate keys are located")
  func yaml() {
    #expect(
      diagnostics("title: t\nfunction: y = x\ninputs: {x: 1\n") == """
        lesson.yaml:4:1: error: invalid YAML: did not find expected ',' or '}' (while parsing a flow mapping at line 3)

        ^
        """)
    #expect(
      diagnostics("title: t\nfunction: y = x\ntitle: u\ninputs: {x: 1}\n") == """
        lesson.yaml:3:1: error: the key 'title' is given twice (first at line 1)
        title: u
        ^
        """)
  }

  @Test("errors inside a block scalar point into the block")
  func blockScalar() {
    let yaml = """
      title: t
      function: |
        q = x + y
        f = q * sigmod(z)
      inputs: {x: 1, y: 2, z: 3}

      """
    #expect(
      diagnostics(yaml)
        == """
        lesson.yaml:4:11: error: unknown function 'sigmod'; did you mean 'sigmoid'?
          f = q * sigmod(z)
                  ^
        """)
  }

  @Test("errors inside folded and quoted scalars point at the character")
  func otherStyles() {
    #expect(
      diagnostics("title: t\nfunction: >\n  y = x +\n  (x ? 2)\ninputs: {x: 1}\n") == """
        lesson.yaml:4:6: error: unexpected character '?'
          (x ? 2)
             ^
        """)
    #expect(
      diagnostics("title: t\nfunction: \"y = x + $\"\ninputs: {x: 1}\n") == """
        lesson.yaml:2:20: error: unexpected character '$'
        function: "y = x + $"
                           ^
        """)
    #expect(
      diagnostics("title: t\nfunction: 'y = ''a'' + x'\ninputs: {x: 1}\n") == """
        lesson.yaml:2:16: error: unexpected character "'"
        function: 'y = ''a'' + x'
                       ^
        lesson.yaml:2:19: error: unexpected character "'"
        function: 'y = ''a'' + x'
                          ^
        """)
  }

  @Test("a value leaving the domain names the node and the value")
  func domain() {
    #expect(
      diagnostics("title: t\nfunction: |\n  u = x - 3\n  y = log(u)\ninputs: {x: 1}\n") == """
        lesson.yaml:4:7: error: log needs a positive argument, but here it is -2
          y = log(u)
              ^
        """)
    #expect(
      diagnostics("title: t\nfunction: y = log(x)\ninputs: {x: 1}\n", overrides: ["x": -1]) == """
        lesson.yaml:2:15: error: log needs a positive argument, but here it is -1
        function: y = log(x)
                      ^
        """)
  }

  @Test("--set naming no input is an error")
  func badOverride() {
    #expect(
      diagnostics("title: t\nfunction: y = x\ninputs: {x: 1}\n", overrides: ["w": 2])
        == "lesson.yaml: error: --set w: the lesson has no input 'w' (its inputs: x)")
  }

  @Test("all errors of a file in one run: structure and function together")
  func allAtOnce() {
    let yaml = """
      title: t
      fuction: x
      function: |
        q = x + (y * 2
        f = q * sigmod(z)
      inputs:
        x: 1
        y: "2"
        z: 3

      """
    let text = allDiagnostics(yaml)
    let headers = text.split(separator: "\n").filter { $0.hasPrefix("lesson.yaml:") }
    #expect(
      headers == [
        "lesson.yaml:2:1: error: unknown key 'fuction'; did you mean 'function'?",
        "lesson.yaml:4:11: error: unbalanced parenthesis: this '(' is never closed",
        "lesson.yaml:5:11: error: unknown function 'sigmod'; did you mean 'sigmoid'?",
        "lesson.yaml:8:6: error: input 'y' must be a number, not quoted text (\"2\")",
      ])
  }

  @Test("the lesson id must be [a-z0-9][a-z0-9-]*")
  func lessonID() {
    #expect(throws: LessonError.self) {
      try LessonLoader.load(
        text: "title: t\nfunction: y = x\ninputs: {x: 1}\n", path: "My Lesson.yaml", id: "My Lesson"
      )
    }
    #expect(LessonLoader.isLessonID("dlfs-apple-2"))
    #expect(!LessonLoader.isLessonID("-apple"))
    #expect(!LessonLoader.isLessonID("Apple"))
  }

  @Test("deeply nested YAML is refused before it can overflow the stack")
  func deepYAML() {
    let flow = "title: " + String(repeating: "[", count: 200_000) + "\n"
    #expect(
      diagnostics(flow).hasPrefix(
        "lesson.yaml:1:72: error: the YAML is nested too deeply (more than 64 levels)"))
    let block = String(repeating: "- ", count: 100_000) + "x\n"
    #expect(diagnostics(block).hasPrefix("lesson.yaml:1:129: error: the YAML is nested too deeply"))
  }

  @Test("a very long source line is shown around the caret")
  func longLine() {
    let text = diagnostics(
      "title: t\nfunction: y = " + String(repeating: "x + ", count: 100) + "? + x\ninputs: {x: 1}\n"
    )
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == 3)
    #expect(lines[0] == "lesson.yaml:2:415: error: unexpected character '?'")
    #expect(lines[1].hasPrefix("…") && lines[1].hasSuffix("? + x"))
    let caret = lines[2].count - 1
    #expect(Array(lines[1])[caret] == "?")
  }

  @Test("a deeply nested expression is an error, located in the file")
  func deepExpression() {
    let yaml =
      "title: t\nfunction: y = " + String(repeating: "(", count: 50_000) + "x"
      + String(repeating: ")", count: 50_000) + "\ninputs: {x: 1}\n"
    #expect(
      diagnostics(yaml).hasPrefix(
        "lesson.yaml:2:215: error: the expression is nested too deeply (more than 200 levels)"))
  }

  @Test("Korean and markup characters in titles are plain text")
  func textTitles() throws {
    let lesson = try LessonLoader.load(
      text: "title: 시그모이드 <b>&'\nfunction: y = x\ninputs: {x: 1}\n", path: "k.yaml", id: "k")
    #expect(lesson.title == "시그모이드 <b>&'")
  }
}
