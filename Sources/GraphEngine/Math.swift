#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The C math library, under names that do not collide with ``Op``'s cases.
public enum Math {
  public static func exp(_ x: Double) -> Double { _exp(x) }
  public static func log(_ x: Double) -> Double { _log(x) }
  public static func pow(_ x: Double, _ y: Double) -> Double { _pow(x, y) }
  public static func sqrt(_ x: Double) -> Double { x.squareRoot() }
  public static func sin(_ x: Double) -> Double { _sin(x) }
  public static func cos(_ x: Double) -> Double { _cos(x) }
  public static func tanh(_ x: Double) -> Double { _tanh(x) }
  public static func tan(_ x: Double) -> Double { _tan(x) }
  /// ln(1 + x), exact for small x.
  public static func log1p(_ x: Double) -> Double { _log1p(x) }
}

private func _exp(_ x: Double) -> Double { exp(x) }
private func _log(_ x: Double) -> Double { log(x) }
private func _pow(_ x: Double, _ y: Double) -> Double { pow(x, y) }
private func _sin(_ x: Double) -> Double { sin(x) }
private func _cos(_ x: Double) -> Double { cos(x) }
private func _tanh(_ x: Double) -> Double { tanh(x) }
private func _tan(_ x: Double) -> Double { tan(x) }
private func _log1p(_ x: Double) -> Double { log1p(x) }
