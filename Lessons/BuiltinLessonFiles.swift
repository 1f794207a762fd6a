/// The lessons in this folder, embedded in the binary (the package manifest embeds every
/// `*.yaml` here as `PackageResources`), so `lessongen sigmoid` works from any directory and
/// with the executable alone.
public enum BuiltinLessonFiles {
  /// Every built-in lesson's id and YAML bytes. A lesson added to the folder must be added
  /// here too; a test compares this list with the folder.
  static let all: [(id: String, bytes: [UInt8])] = [
    ("colah-tree", PackageResources.colah_tree_yaml),
    ("cs231n-circuit", PackageResources.cs231n_circuit_yaml),
    ("cs231n-sigmoid-neuron", PackageResources.cs231n_sigmoid_neuron_yaml),
    ("cs231n-softmax-classifier", PackageResources.cs231n_softmax_classifier_yaml),
    ("dlfs-add-node", PackageResources.dlfs_add_node_yaml),
    ("dlfs-affine", PackageResources.dlfs_affine_yaml),
    ("dlfs-affine-batch", PackageResources.dlfs_affine_batch_yaml),
    ("dlfs-apple", PackageResources.dlfs_apple_yaml),
    ("dlfs-apple-orange", PackageResources.dlfs_apple_orange_yaml),
    ("dlfs-chain-rule", PackageResources.dlfs_chain_rule_yaml),
    ("dlfs-mul-node", PackageResources.dlfs_mul_node_yaml),
    ("dlfs-relu", PackageResources.dlfs_relu_yaml),
    ("dlfs-softmax-with-loss", PackageResources.dlfs_softmax_with_loss_yaml),
    ("dlfs2-matmul", PackageResources.dlfs2_matmul_yaml),
    ("dlfs2-repeat-sum", PackageResources.dlfs2_repeat_sum_yaml),
    ("sigmoid", PackageResources.sigmoid_yaml),
    ("tanh", PackageResources.tanh_yaml),
    ("two-layer-batch", PackageResources.two_layer_batch_yaml),
    ("two-layer-relu-mse", PackageResources.two_layer_relu_mse_yaml),
  ]

  /// The ids of the built-in lessons, sorted.
  public static let ids: [String] = all.map(\.id).sorted()

  /// The YAML text of a built-in lesson, or nil if there is none with that id.
  public static func text(_ id: String) -> String? {
    all.first { $0.id == id }.map { String(decoding: $0.bytes, as: UTF8.self) }
  }
}
