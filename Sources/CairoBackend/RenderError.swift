/// A Cairo failure, with Cairo's own words.
public struct RenderError: Error, Sendable, CustomStringConvertible {
  public var description: String
}
