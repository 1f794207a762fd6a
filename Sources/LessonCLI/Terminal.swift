import Foundation
import LessonKit

/// Writing to the terminal's streams. Everything written goes through
/// ``TextHygiene/escaped(_:)``: a path or an argument holding control characters is shown as
/// `<U+001B>`, never sent raw to the terminal.
enum Terminal {
  /// Writes `text` and a newline to standard error.
  static func printError(_ text: String) {
    FileHandle.standardError.write(Data((TextHygiene.escaped(text) + "\n").utf8))
  }

  /// Writes `text` to standard output as is (control characters escaped).
  static func write(_ text: String) {
    FileHandle.standardOutput.write(Data(TextHygiene.escaped(text).utf8))
  }

  /// Rewrites the terminal's current line with `text` (control characters in it escaped):
  /// a progress line.
  static func progress(_ text: String) {
    FileHandle.standardOutput.write(Data(("\r\u{1B}[K" + TextHygiene.escaped(text)).utf8))
  }
}
