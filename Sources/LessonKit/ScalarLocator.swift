public import GraphEngine

/// Maps each Unicode scalar of a YAML scalar's *value* back to where it stands in the file,
/// so an error inside an expression points at the right line and column, also inside
/// quoted strings and block scalars (`|`, `>`), where indentation and quotes are not part
/// of the value.
///
/// It aligns the value with the source text: each non-space character of the value is the
/// next equal character in the source; spaces and newlines take the position they match.
public struct ScalarLocator: Sendable {
  private let locations: [SourceLocation]

  /// - Parameters:
  ///   - value: the scalar's value, as YAML read it.
  ///   - start: the scalar's start mark (its first character, quote or block indicator).
  ///   - isBlock: whether it is a block scalar, whose content starts on the next line.
  public init(
    value: String, start: SourceLocation, isBlock: Bool, isQuoted: Bool, in source: SourceText
  ) {
    var p = source.scalarIndex(of: start)
    if isBlock {
      while p < source.scalars.count, source.scalars[p] != "\n" { p += 1 }
      p += 1
    } else if isQuoted {
      p += 1
    }
    let valueScalars = Array(value.unicodeScalars)
    var result: [SourceLocation] = []
    result.reserveCapacity(valueScalars.count + 1)
    let end = source.scalars.count
    for c in valueScalars {
      if c == " " || c == "\n" || c == "\t" {
        result.append(source.location(ofScalar: Swift.min(p, end)))
        if p < end, source.scalars[p] == c { p += 1 }
        continue
      }
      var q = p
      while q < end, source.scalars[q] != c { q += 1 }
      if q < end { p = q }
      result.append(source.location(ofScalar: Swift.min(p, end)))
      if p < end { p += 1 }
    }
    result.append(source.location(ofScalar: Swift.min(p, end)))
    self.locations = result
  }

  /// Where the value's scalar at `offset` stands in the file (`offset == count`: the end).
  public func location(_ offset: Int) -> SourceLocation {
    locations[Swift.max(0, Swift.min(offset, locations.count - 1))]
  }
}
