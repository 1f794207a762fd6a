import Explain
public import GraphEngine

/// A site's contents page, `index.html`: its title, and every lesson (grouped as the course
/// groups them) with its title, description and a thumbnail of its graph, linking to the
/// lesson's page and its exercise sheet.
public struct SiteIndex: Sendable {
  /// One lesson on the contents page.
  public struct Entry: Sendable {
    public var href: String
    public var title: String
    public var summary: String?
    /// The graph's figure, light and dark, and what it shows.
    public var thumbnail: String?
    public var darkThumbnail: String?
    public var alt: String
    public var exercise: String?

    public init(
      href: String, title: String, summary: String?, thumbnail: String?, darkThumbnail: String?,
      alt: String, exercise: String?
    ) {
      self.href = href
      self.title = title
      self.summary = summary
      self.thumbnail = thumbnail
      self.darkThumbnail = darkThumbnail
      self.alt = alt
      self.exercise = exercise
    }
  }

  /// Lessons under a heading (a course's part), or under none.
  public struct Group: Sendable {
    public var title: String?
    public var entries: [Entry]

    public init(title: String?, entries: [Entry]) {
      self.title = title
      self.entries = entries
    }
  }

  public var title: String
  public var subtitle: String?
  public var language: Language
  public var groups: [Group]
  /// The word on an exercise sheet's link ("Exercise", "연습 문제").
  public var exerciseWord: String

  public init(
    title: String, subtitle: String?, language: Language, groups: [Group],
    exerciseWord: String = "Exercise"
  ) {
    self.title = title
    self.subtitle = subtitle
    self.language = language
    self.groups = groups
    self.exerciseWord = exerciseWord
  }

  public func write() -> String {
    let e = HTMLWriter().escape
    var out =
      "<!DOCTYPE html>\n<html lang=\"\(e(language.code))\">\n<head>\n<meta charset=\"utf-8\"/>\n"
    out += "<title>\(e(title))</title>\n"
    if let subtitle { out += "<meta name=\"description\" content=\"\(e(subtitle))\"/>\n" }
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
    out += "<meta name=\"color-scheme\" content=\"light dark\"/>\n"
    out += "<link rel=\"stylesheet\" href=\"style.css\"/>\n</head>\n<body>\n<main>\n"
    out += "<h1>\(e(title))</h1>\n"
    if let subtitle { out += "<p class=\"summary\">\(e(subtitle))</p>\n" }
    for group in groups {
      if let title = group.title { out += "<h2>\(e(title))</h2>\n" }
      out += "<ul class=\"lessons\">\n"
      for entry in group.entries {
        out += "<li><a href=\"\(e(entry.href))\">"
        if let thumbnail = entry.thumbnail {
          out += "<picture>"
          if let dark = entry.darkThumbnail {
            out +=
              "<source media=\"(prefers-color-scheme: dark)\" srcset=\"\(e(dark))\" "
              + "type=\"image/svg+xml\"/>"
          }
          out += "<img src=\"\(e(thumbnail))\" alt=\"\(e(entry.alt))\"/></picture>"
        }
        out += "<span class=\"title\">\(e(entry.title))</span></a>"
        if let summary = entry.summary { out += "<p>\(e(summary))</p>" }
        if let exercise = entry.exercise {
          out += "<p class=\"more\"><a href=\"\(e(exercise))\">\(e(exerciseWord))</a></p>"
        }
        out += "</li>\n"
      }
      out += "</ul>\n"
    }
    return out + "</main>\n</body>\n</html>\n"
  }

  /// The site's stylesheet, `style.css`: the page's light and dark colours (following the
  /// reader's `prefers-color-scheme`), a column that fits a phone (wide math, tables and
  /// figures scroll or shrink inside it, never the page), and a print style without the
  /// navigation.
  public static let stylesheet = """
    :root{color-scheme:light dark;--ink:#111;--paper:#fff;--muted:#555;--rule:#111;\
    --link:#1a4fa0;--card:#f6f6f4}
    @media (prefers-color-scheme: dark){:root{--ink:#e4e4e4;--paper:#1b1d21;--muted:#a9a9a9;\
    --rule:#cfcfcf;--link:#8fb7ff;--card:#25282d}}
    html{background:var(--paper);color:var(--ink)}
    body{font-family:'DejaVu Serif',Georgia,serif;line-height:1.55;margin:0;overflow-wrap:anywhere}
    main{max-width:46em;margin:1.5em auto;padding:0 1em}
    h1,h2,h3,nav,.lessons .title{font-family:'DejaVu Sans',sans-serif}
    a{color:var(--link)}
    .summary{color:var(--muted);font-style:italic}
    figure{margin:1.5em 0;text-align:center}
    figure img,picture img{max-width:100%;height:auto}
    figcaption{color:var(--muted);font-size:.9em}
    table{border-collapse:collapse;margin:1em auto;display:block;max-width:100%;overflow-x:auto;\
    width:max-content}
    th,td{padding:.2em .7em;text-align:left}
    thead{border-top:2px solid var(--rule);border-bottom:1px solid var(--rule)}
    tbody{border-bottom:2px solid var(--rule)}
    math[display=block]{margin:.8em 0;max-width:100%;overflow-x:auto;overflow-y:hidden}
    .system{display:grid;grid-template-columns:auto auto;justify-content:center;row-gap:.4em;\
    margin:1em 0;max-width:100%;overflow-x:auto}
    .system .lhs{justify-self:end}
    nav.pager{max-width:46em;margin:1em auto;padding:0 1em;display:flex;flex-wrap:wrap;gap:.4em 1.2em}
    nav.pager a{font-size:.9em}
    html:lang(ko) body{word-break:keep-all;overflow-wrap:break-word}
    @media (max-width:30em){main{padding:0 .6em}table{font-size:.8em}th,td{padding:.2em .35em}\
    figure{margin:1em -.6em}}
    details.answers{margin:2em 0;padding:.5em 1em;border:1px solid var(--muted);border-radius:4px}
    details.answers summary{font-family:'DejaVu Sans',sans-serif;font-weight:bold;cursor:pointer}
    .lessons{list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fill,\
    minmax(14em,1fr));gap:1em}
    .lessons li{background:var(--card);border-radius:6px;padding:.8em}
    .lessons li>a{display:block;text-decoration:none}
    .lessons img{display:block;width:100%;height:7em;object-fit:contain;margin-bottom:.5em}
    .lessons .title{font-weight:bold}
    .lessons p{margin:.3em 0 0;font-size:.9em;color:var(--muted)}
    @media print{nav.pager{display:none}html{background:#fff;color:#000}\
    figure,table,math{break-inside:avoid}a{color:inherit;text-decoration:none}\
    details.answers{border:none;padding:0}}

    """
}
