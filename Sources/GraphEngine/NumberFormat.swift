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

  /// `value` rounded to `significantDigits` and written without trailing zeros: plain
  /// decimals from 0.0001 up to 10¹⁵, otherwise `d.ddde±x`.
  ///
  /// The rounding works on the decimal digits of Swift's shortest round-trip text, so it is
  /// exact at every magnitude (1e−109 as well as 0.731059).
  static func shortest(_ value: Double, significantDigits: Int) -> String {
    guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
    if let plain = plainShortest(value, significantDigits: significantDigits) { return plain }
    return roundedShortest(value, significantDigits: significantDigits)
  }

  /// Swift's own shortest round-trip text when it already is the answer: a plain decimal
  /// between 0.0001 and 10¹⁵ with no more significant digits than asked (`0.731059`,
  /// `-12.5`, `3.0` → `3`); nil otherwise. Most numbers of a trace are such (24,000 of a
  /// (64, 100)·(100, 10) product's): this skips the digit array, a fifth of that trace's time.
  static func plainShortest(_ value: Double, significantDigits: Int) -> String? {
    let magnitude = Swift.abs(value)
    guard magnitude >= 0.0001, magnitude < 1e15 else { return nil }
    var text = value.description
    var significant = 0
    var leading = true
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "0"):
        if !leading { significant += 1 }
      case UInt8(ascii: "1")...UInt8(ascii: "9"):
        leading = false
        significant += 1
      case UInt8(ascii: "-"), UInt8(ascii: "."): break
      default: return nil  // an exponent
      }
    }
    if text.hasSuffix(".0") {
      text.removeLast(2)
      significant -= 1
    }
    // Zeros at the end of a whole number are not significant digits, but counting them only
    // sends such a number (1200 at 2 digits) the long way, which gives the same text.
    return significant <= significantDigits ? text : nil
  }

  /// ``shortest(_:significantDigits:)`` by rounding the decimal digits.
  static func roundedShortest(_ value: Double, significantDigits: Int) -> String {
    var (digits, exponent) = decimalDigits(Swift.abs(value))
    if digits.isEmpty { return "0" }
    if digits.count > significantDigits {
      let roundUp = digits[significantDigits] >= 5
      digits = Array(digits[..<significantDigits])
      if roundUp {
        var i = digits.count - 1
        while i >= 0 {
          if digits[i] == 9 {
            digits[i] = 0
            i -= 1
          } else {
            digits[i] += 1
            break
          }
        }
        if i < 0 {
          digits.insert(1, at: 0)
          digits.removeLast()
          exponent += 1
        }
      }
    }
    while digits.last == 0 { digits.removeLast() }
    if digits.isEmpty { return "0" }
    let text = String(decoding: digits.map { UInt8(ascii: "0") + UInt8($0) }, as: UTF8.self)
    // value = 0.d₁d₂… × 10^exponent; scientific exponent e = exponent − 1.
    let e = exponent - 1
    var out: String
    if e >= -4 && e < 15 {
      if exponent <= 0 {
        out = "0." + String(repeating: "0", count: -exponent) + text
      } else if exponent >= digits.count {
        out = text + String(repeating: "0", count: exponent - digits.count)
      } else {
        let cut = text.index(text.startIndex, offsetBy: exponent)
        out = text[..<cut] + "." + text[cut...]
      }
    } else {
      out = String(text.prefix(1))
      if digits.count > 1 { out += "." + text.dropFirst() }
      out += "e" + String(e)
    }
    return (value < 0 ? "-" : "") + out
  }

  /// The significant decimal digits of a finite non-negative double and its decimal
  /// exponent, so that value = 0.d₁d₂… × 10^exponent; no digits for zero.
  static func decimalDigits(_ value: Double) -> (digits: [Int], exponent: Int) {
    // On the text's ASCII bytes: Character's digit properties are Unicode table lookups, a
    // third of the time of a (64, 100)·(100, 10) trace's 24,000 numbers.
    let text = Array(value.description.utf8)
    var exponent = 0
    var end = text.count
    if let e = text.firstIndex(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
      end = e
      exponent = Int(String(decoding: text[(e + 1)...], as: UTF8.self)) ?? 0
    }
    let point = text[..<end].firstIndex(of: UInt8(ascii: ".")) ?? end
    exponent += point
    var digits: [Int] = []
    digits.reserveCapacity(end)
    for byte in text[..<end] where byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
      if digits.isEmpty && byte == UInt8(ascii: "0") {
        exponent -= 1
        continue
      }
      digits.append(Int(byte - UInt8(ascii: "0")))
    }
    return (digits, exponent)
  }

  /// `value` with `decimals` decimals; a nonzero value that would read as zero (−0.000166 as
  /// `0.00`, which says the gradient vanished) gets two significant digits instead (`-0.00017`).
  static func fixed(_ value: Double, decimals: Int) -> String {
    guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
    let scale = Math.pow(10, Double(decimals))
    let scaled = (Swift.abs(value) * scale).rounded()
    guard scaled < 9e15 else { return shortest(value, significantDigits: 17) }
    if scaled == 0 && value != 0 { return shortest(value, significantDigits: 2) }
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
