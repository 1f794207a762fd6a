import CairoBackend
import Drawing
import Figures
import GraphEngine
import LessonKit
import Testing

/// The scenes of the built-in lessons of vectors and matrices, compared as text (with Pango's
/// measures): wires with shapes and matrices, layers as rounded rectangles, the dimension
/// check, symbolic labels.
@Suite("Tensor scene snapshots")
struct TensorSnapshotTests {
  func evaluation(_ id: String) throws -> TensorEvaluation {
    guard case .tensors(let shaped) = try LessonSource.builtin(id).compileAny() else {
      throw SnapshotError(description: "\(id) is not a lesson of vectors and matrices")
    }
    return shaped.evaluation
  }

  struct SnapshotError: Error, CustomStringConvertible {
    var description: String
  }

  @Test(
    "the textbook lessons in each style and label mode",
    arguments: ["dlfs-affine-batch", "dlfs-softmax-with-loss", "dlfs2-repeat-sum"])
  func lessons(id: String) throws {
    let evaluation = try evaluation(id)
    for theme in Theme.all {
      for labels in LabelMode.allCases where theme.name == "dlfs" || labels == .numeric {
        let figure = TensorFigure.compose(
          evaluation, theme: theme, measurer: PangoTextMeasurer(), labels: labels, title: id)
        assertSnapshot(figure.scene.snapshot, named: "\(id)-\(theme.name)-\(labels.rawValue)")
      }
    }
  }
}
