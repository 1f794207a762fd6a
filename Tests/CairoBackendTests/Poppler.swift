import Foundation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// One row of `pdffonts`: a font of the PDF and whether it is embedded.
struct PDFFont: Equatable {
  var name: String
  var type: String
  var encoding: String
  var emb: String
  var sub: String
  var uni: String
  var objectID: String
}

/// Reads `pdffonts` output by its columns.
///
/// The header names the columns and the dashed line under it gives each one's extent:
///
///     name                                 type              encoding         emb sub uni object ID
///     ------------------------------------ ----------------- ---------------- --- --- --- ---------
///     ETKBAL+DejaVuSans-Bold               TrueType          WinAnsi          yes yes yes      6  0
///
/// Each field is the text of its column, trimmed. A row whose `emb`, `sub` or `uni` is not
/// `yes` or `no` (a name too long for its column shifts the others) is an error, never a
/// row read wrong.
func parsePDFFonts(_ output: String) throws -> [PDFFont] {
  let lines = output.split(separator: "\n", omittingEmptySubsequences: true).map(Array.init)
  guard
    let rule = lines.firstIndex(where: { $0.contains("-") && $0.allSatisfy { "- ".contains($0) } }),
    rule > 0
  else { throw PopplerError("pdffonts printed no header:\n\(output)") }
  // The columns: each run of dashes, to the start of the next one (the last to the line's end).
  var starts: [Int] = []
  for (i, c) in lines[rule].enumerated() where c == "-" && (i == 0 || lines[rule][i - 1] == " ") {
    starts.append(i)
  }
  func fields(_ line: [Character]) -> [String] {
    starts.indices.map { k in
      let from = Swift.min(starts[k], line.count)
      let to = k + 1 < starts.count ? Swift.min(starts[k + 1], line.count) : line.count
      return String(line[from..<to]).trimmingCharacters(in: .whitespaces)
    }
  }
  let expected = ["name", "type", "encoding", "emb", "sub", "uni", "object ID"]
  let header = fields(lines[rule - 1])
  guard header == expected else {
    throw PopplerError("pdffonts columns are \(header), not \(expected)")
  }
  return try lines[(rule + 1)...].map { line in
    let f = fields(line)
    let font = PDFFont(
      name: f[0], type: f[1], encoding: f[2], emb: f[3], sub: f[4], uni: f[5], objectID: f[6])
    for flag in [font.emb, font.sub, font.uni] where flag != "yes" && flag != "no" {
      throw PopplerError("pdffonts row not in its columns: \(String(line))")
    }
    return font
  }
}

/// The fonts of a PDF file, by `pdffonts`.
func pdfFonts(_ file: URL) throws -> [PDFFont] {
  try parsePDFFonts(try runTool("pdffonts", [file.path]))
}

/// One bookmark of a PDF's outline: its title, the page it points to (1-based) and how
/// deeply it is nested (0 for the top level).
struct PDFBookmark: Equatable, CustomStringConvertible {
  var title: String
  var page: Int
  var depth: Int

  var description: String { "\(String(repeating: "  ", count: depth))\(title) → page \(page)" }
}

/// The outline of a PDF in reading order, from `pdftohtml -xml` (which writes it as nested
/// `<outline>` elements of `<item page="N">title</item>`).
func pdfOutline(_ file: URL) throws -> [PDFBookmark] {
  let xml = try runTool("pdftohtml", ["-xml", "-stdout", "-i", "-q", file.path])
  final class Reader: NSObject, XMLParserDelegate {
    var depth = -1
    var items: [PDFBookmark] = []
    var current: (page: Int, text: String)?
    var failure: String?

    func parser(
      _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
      qualifiedName: String?, attributes: [String: String] = [:]
    ) {
      switch name {
      case "outline": depth += 1
      case "item" where depth >= 0:
        guard let page = attributes["page"].flatMap(Int.init) else {
          failure = "an outline item without a page: \(attributes)"
          return
        }
        current = (page, "")
      default: break
      }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
      current?.text += string
    }

    func parser(
      _ parser: XMLParser, didEndElement name: String, namespaceURI: String?,
      qualifiedName: String?
    ) {
      switch name {
      case "outline": depth -= 1
      case "item":
        if let current {
          items.append(PDFBookmark(title: current.text, page: current.page, depth: depth))
        }
        current = nil
      default: break
      }
    }
  }
  // The DOCTYPE names a DTD that is not there; the parser does not need it.
  let parser = XMLParser(data: Data(xml.utf8))
  let reader = Reader()
  parser.delegate = reader
  guard parser.parse() else {
    throw PopplerError(
      "pdftohtml -xml is not well-formed: \(parser.parserError.map { "\($0)" } ?? "")")
  }
  if let failure = reader.failure { throw PopplerError(failure) }
  return reader.items
}

/// The text of one page (1-based), by `pdftotext -layout -f N -l N`.
func pdfPageText(_ file: URL, page: Int) throws -> String {
  try runTool("pdftotext", ["-layout", "-f", String(page), "-l", String(page), file.path, "-"])
}

/// The number of pages, by `pdfinfo`.
func pdfPageCount(_ file: URL) throws -> Int {
  let info = try runTool("pdfinfo", [file.path])
  let line = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }
  guard let count = line?.split(separator: " ").last.flatMap({ Int($0) }) else {
    throw PopplerError("pdfinfo printed no page count:\n\(info)")
  }
  return count
}

struct PopplerError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
