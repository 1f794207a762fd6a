/// How numbers are written for people (the trace JSON keeps full precision).
public enum NumberFormat: Hashable, Sendable {
  /// The shortest decimal that rounds back to the value at `significantDigits`
  /// (DLFS: 220, 3.3, 0.731059).
  case shortest(significantDigits: Int)
  /// A fixed number of decimals (CS231n: 0.73, −0.53).
  case fixed(decimals: Int)

  /// The whole double, shortest round-trip form, no trailing `.0` (`1`, `0.7310585786300049`).
  public static let full = NumberFormat.shortest(significantDigits: 17)

  /// Formats `value` with an ASCII hyphen-minus.
  public func format(_ value: Double) -> String {
    switch self {
    case .shortest(let digits):
      return Self.shortest(value, significantDigits: digits)
    case .fixed(let decimals):
      return Self.fixed(value, decimals: decimals)
    }
  }

  /// `value` rounded to `significantDigits`, then written in its shortest round-trip form.
  static func shortest(_ value: Double, significantDigits: Int) -> String {
    guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
    if value == 0 { return "0" }
    let rounded = significantDigits >= 17 ? value : roundToSignificant(value, significantDigits)
    if rounded == rounded.rounded(), Swift.abs(rounded) < 1e15 {
      return String(Int64(rounded))
    }
    var text = rounded.description
    // Swift writes 1e-05; a person writes 1e-5.
    if let e = text.firstIndex(of: "e") {
      var mantissa = String(text[..<e])
      var exponent = String(text[text.index(after: e)...])
      if mantissa.hasSuffix(".0") { mantissa.removeLast(2) }
      let negative = exponent.hasPrefix("-")
      exponent = String(exponent.drop { $0 == "-" || $0 == "+" || $0 == "0" })
      text = mantissa + "e" + (negative ? "-" : "") + (exponent.isEmpty ? "0" : exponent)
    }
    return text
  }

  /// Rounds to `digits` significant decimal digits through the decimal string, so the result
  /// is the double nearest to the rounded decimal.
  static func roundToSignificant(_ value: Double, _ digits: Int) -> Double {
    let magnitude = Int((Math.log(Swift.abs(value)) / Math.log(10)).rounded(.down))
    let decimals = digits - 1 - magnitude
    if decimals >= 0 && decimals <= 22 {
      let scale = Math.pow(10, Double(decimals))
      let scaled = (value * scale).rounded()
      let candidate = scaled / scale
      if candidate.isFinite { return candidate }
    }
    if decimals < 0 && -decimals <= 22 {
      let scale = Math.pow(10, Double(-decimals))
      return (value / scale).rounded() * scale
    }
    return value
  }

  static func fixed(_ value: Double, decimals: Int) -> String {
    guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
    let scale = Math.pow(10, Double(decimals))
    let scaled = (Swift.abs(value) * scale).rounded()
    guard scaled < 9e15 else { return shortest(value, significantDigits: 17) }
    let whole = Int64(scaled)
    let unit = Int64(scale)
    var text = String(whole / unit)
    if decimals > 0 {
      let fraction = String(whole % unit)
      text += "." + String(repeating: "0", count: decimals - fraction.count) + fraction
    }
    return (value < 0 && whole != 0 ? "-" : "") + text
  }
}
