public import Foundation

/// One file of a command's output: its path relative to the output folder, and its bytes.
public struct OutputFile: Sendable, Equatable {
  public var path: String
  public var contents: Data

  public init(path: String, contents: Data) {
    self.path = path
    self.contents = contents
  }
}
