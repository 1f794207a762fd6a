import Explain

/// A lesson page's place in a site: the shared stylesheet, the contents page, the lessons
/// before and after it. Every link is relative, so the site works opened from disk or served
/// from any sub-path.
public struct SitePage: Sendable {
  /// A link: where it goes and what it says.
  public struct Link: Sendable {
    public var href: String
    public var text: String

    public init(href: String, text: String) {
      self.href = href
      self.text = text
    }
  }

  public var stylesheet: String
  public var contents: Link
  public var previous: Link?
  public var next: Link?
  /// Other pages of this lesson (its exercise sheet, or the lesson from its sheet).
  public var related: [Link]
  /// The words "previous" and "next" in the page's language.
  public var previousWord: String
  public var nextWord: String

  public init(
    stylesheet: String, contents: Link, previous: Link?, next: Link?, related: [Link] = [],
    previousWord: String = "Previous", nextWord: String = "Next"
  ) {
    self.stylesheet = stylesheet
    self.contents = contents
    self.previous = previous
    self.next = next
    self.related = related
    self.previousWord = previousWord
    self.nextWord = nextWord
  }

  /// The head's lines: the viewport for phones, both colour schemes, the stylesheet.
  var head: String {
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
      + "<meta name=\"color-scheme\" content=\"light dark\"/>\n"
      + "<link rel=\"stylesheet\" href=\"\(escape(stylesheet))\"/>\n"
  }

  /// The bar of links above and below the page.
  func navigation(label: String) -> String {
    var out =
      "<nav class=\"pager\" aria-label=\"\(label == "top" ? "Lessons" : "Lessons, again")\">"
    out += "<a href=\"\(escape(contents.href))\">\(escape(contents.text))</a>"
    for link in related {
      out += " <a href=\"\(escape(link.href))\">\(escape(link.text))</a>"
    }
    if let previous {
      out +=
        " <a rel=\"prev\" href=\"\(escape(previous.href))\">← \(escape(previousWord)): "
        + "\(escape(previous.text))</a>"
    }
    if let next {
      out +=
        " <a rel=\"next\" href=\"\(escape(next.href))\">\(escape(nextWord)): "
        + "\(escape(next.text)) →</a>"
    }
    return out + "</nav>\n"
  }

  private func escape(_ s: String) -> String { HTMLWriter().escape(s) }
}
