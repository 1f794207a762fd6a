import LessonCLI

#if canImport(Glibc)
  import Glibc
#endif

#if FUZZING
  /// libFuzzer's entry point: one input, a lesson file's bytes.
  @_cdecl("LLVMFuzzerTestOneInput")
  public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    PipelineExercise.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
  }
#else
  /// Without the fuzzer: runs each file named on the command line once (a crash a fuzzer
  /// found, replayed under a debugger).
  @main enum LessonFuzzReplay {
    static func main() {
      for path in CommandLine.arguments.dropFirst() {
        guard let file = fopen(path, "rb") else {
          print("lessongen-fuzz: cannot read \(path)")
          exit(1)
        }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
          let n = fread(&buffer, 1, buffer.count, file)
          if n <= 0 { break }
          bytes += buffer[..<n]
        }
        fclose(file)
        PipelineExercise.run(bytes)
        print("ran \(path) (\(bytes.count) bytes)")
      }
    }
  }
#endif
