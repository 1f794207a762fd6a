import Testing

@testable import GraphEngine

@Suite("Number formatting")
struct NumberFormatTests {
  @Test(
    "DLFS: shortest decimal at six significant digits",
    arguments: [
      (220.00000000000003, "220"), (3.3000000000000003, "3.3"), (0.7310585786300049, "0.731059"),
      (0.19661193324148185, "0.196612"), (-0.534446645388, "-0.534447"),
      (1.3678794411714423, "1.36788"),
      (715.0000000000001, "715"), (110.00000000000001, "110"), (1e-7, "1e-7"),
      (123456789, "123457000"),
      (0, "0"), (-0.0, "0"), (4.444169850071511e-109, "4.44417e-109"), (9.9999996, "10"),
      (0.00012345678, "0.000123457"), (1.5e20, "1.5e20"), (-999999.7, "-1000000"),
      (0.1 + 0.2, "0.3"),
    ])
  func shortest(value: Double, expected: String) {
    #expect(NumberFormat.shortest(significantDigits: 6).format(value) == expected)
  }

  @Test("the fast path (Swift's own text) gives exactly the rounded digits' text")
  func plainMatchesRounded() {
    var values: [Double] = [0.0001, 0.00009999999999999999, 1e15, 999999999999999.9, 1200, 3, 0.5]
    // Every magnitude from 1e−6 to 1e16 with mantissas of every length (1.7, 3.14159…,
    // 1/7's 16 digits), both signs; and short decimals as lessons write them (0.3, −1.25).
    for exponent in -6...16 {
      for k in 1...300 {
        let mantissa = [1 + Double(k) / 100, 1 + Double(k) / 7, Double(k).squareRoot()][k % 3]
        let value = mantissa * Math.pow(10, Double(exponent))
        values += [value, -value]
      }
    }
    values += stride(from: -100_000, through: 100_000, by: 37).map { Double($0) / 1000 }
    for value in values {
      for digits in [2, 3, 6, 17] {
        if let plain = NumberFormat.plainShortest(value, significantDigits: digits) {
          #expect(
            plain == NumberFormat.roundedShortest(value, significantDigits: digits),
            "\(value) at \(digits) digits")
        }
      }
    }
    // It is taken for most numbers of a trace.
    #expect(NumberFormat.plainShortest(0.7310585786300049, significantDigits: 17) != nil)
  }

  @Test(
    "CS231n: two decimals; a nonzero number is never shown as zero",
    arguments: [
      (0.7310585786300049, "0.73"), (-0.534447, "-0.53"), (1, "1.00"), (-4, "-4.00"),
      (0, "0.00"), (-0.0, "0.00"), (-0.001, "-0.001"), (-0.000166, "-0.00017"),
      (0.004999, "0.005"), (0.005, "0.01"), (1e-12, "1e-12"),
    ])
  func fixed(value: Double, expected: String) {
    #expect(NumberFormat.fixed(decimals: 2).format(value) == expected)
  }

  @Test(
    "full precision reads back as the same double", arguments: [0.1, 1 / 3.0, 1e300, -2.5e-10, 42])
  func roundTrip(value: Double) {
    #expect(Double(NumberFormat.full.format(value)) == value)
  }
}
