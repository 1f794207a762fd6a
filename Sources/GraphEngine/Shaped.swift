// The ops work on shaped values (`Shape`, `Tensor`, `AxisParameter`), so every user of the
// engine has them: they come with the engine.
@_exported import TensorModel
