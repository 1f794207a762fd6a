import Foundation

/// Finishes Cairo's SVG: adds a `<title>` (Cairo writes text as glyph outlines, so the
/// title is the figure's text for screen readers and search) and renumbers the
/// `surfaceN` ids, which Cairo counts up across a whole process, from 1 in each file.
///
/// Works on the bytes (the file is tens of kilobytes of path data; searching it as a
/// `String` took longer than drawing it).
enum SVGPostProcessor {
  static func finish(_ data: Data, title: String) -> Data {
    var bytes = renumberSurfaces([UInt8](data))
    if let open = find(Array("<svg".utf8), in: bytes, from: 0),
      let close = bytes[open...].firstIndex(of: UInt8(ascii: ">"))
    {
      bytes.insert(contentsOf: Array("\n<title>\(escape(title))</title>".utf8), at: close + 1)
    }
    return Data(bytes)
  }

  /// `surface123` → `surface1`, in order of first appearance.
  static func renumberSurfaces(_ bytes: [UInt8]) -> [UInt8] {
    let word = Array("surface".utf8)
    var mapping: [ArraySlice<UInt8>: Int] = [:]
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var position = 0
    while let found = find(word, in: bytes, from: position) {
      let digitsStart = found + word.count
      var digitsEnd = digitsStart
      while digitsEnd < bytes.count,
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[digitsEnd])
      {
        digitsEnd += 1
      }
      out.append(contentsOf: bytes[position..<digitsStart])
      if digitsEnd > digitsStart {
        let digits = bytes[digitsStart..<digitsEnd]
        let number = mapping[digits] ?? (mapping.count + 1)
        mapping[digits] = number
        out.append(contentsOf: Array(String(number).utf8))
      }
      position = digitsEnd
    }
    out.append(contentsOf: bytes[position...])
    return out
  }

  /// Where `needle` first occurs in `bytes` at or after `start`.
  private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
    guard let first = needle.first, needle.count <= bytes.count else { return nil }
    var i = start
    let last = bytes.count - needle.count
    while i <= last {
      guard let hit = bytes[i...last].firstIndex(of: first) else { return nil }
      if bytes[hit..<hit + needle.count].elementsEqual(needle) { return hit }
      i = hit + 1
    }
    return nil
  }

  static func escape(_ s: String) -> String {
    s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;")
  }
}
