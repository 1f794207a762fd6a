import Foundation

/// Finishes Cairo's SVG: adds a `<title>` (Cairo writes text as glyph outlines, so the
/// title is the figure's text for screen readers and search) and renumbers the
/// `surfaceN` ids, which Cairo counts up across a whole process, from 1 in each file.
enum SVGPostProcessor {
  static func finish(_ data: Data, title: String) -> Data {
    var text = String(decoding: data, as: UTF8.self)
    text = renumberSurfaces(text)
    if let open = text.range(of: "<svg"), let close = text[open.upperBound...].range(of: ">") {
      text.insert(
        contentsOf: "\n<title>\(escape(title))</title>", at: close.upperBound)
    }
    return Data(text.utf8)
  }

  /// `surface123` → `surface1`, in order of first appearance.
  static func renumberSurfaces(_ text: String) -> String {
    var mapping: [Substring: Int] = [:]
    var out = ""
    out.reserveCapacity(text.utf8.count)
    var rest = text[...]
    while let range = rest.range(of: "surface") {
      out += rest[..<range.upperBound]
      rest = rest[range.upperBound...]
      let digits = rest.prefix { $0.isASCII && $0.isNumber }
      if !digits.isEmpty {
        let number = mapping[digits] ?? (mapping.count + 1)
        mapping[digits] = number
        out += String(number)
        rest = rest.dropFirst(digits.count)
      }
    }
    out += rest
    return out
  }

  static func escape(_ s: String) -> String {
    s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;")
  }
}
