/// Every problem found in one pass, in source order.
public struct DiagnosticList: Error, Sendable {
  public var diagnostics: [EngineDiagnostic]

  public init(_ diagnostics: [EngineDiagnostic]) {
    self.diagnostics = diagnostics
  }
}
