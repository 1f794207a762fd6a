/// A position in a source file: 1-based line and column, columns counted in Unicode scalars
/// (the convention of libyaml, so YAML marks and expression positions agree).
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
  public var line: Int
  public var column: Int

  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
    (a.line, a.column) < (b.line, b.column)
  }

  public var description: String { "\(line):\(column)" }
}

/// A half-open span of source text; `start` is where diagnostics point their caret.
public struct SourceRange: Hashable, Sendable {
  public var start: SourceLocation
  public var end: SourceLocation

  public init(start: SourceLocation, end: SourceLocation) {
    self.start = start
    self.end = end
  }

  public init(at location: SourceLocation) {
    self.init(start: location, end: location)
  }
}

/// An error or note found in a lesson, before it is tied to a file.
public struct EngineDiagnostic: Error, Hashable, Sendable {
  public var location: SourceLocation
  public var message: String

  public init(_ message: String, at location: SourceLocation) {
    self.message = message
    self.location = location
  }
}
