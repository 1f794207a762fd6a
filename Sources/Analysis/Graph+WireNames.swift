import FormulaWriting
public import GraphEngine

/// What a lesson of vectors and matrices calls each wire, in its figures and its text alike.
public struct WireNames: Sendable {
  /// Every node's name as a formula: its own name, a constant's number, its op applied to its
  /// operands' names when that is short (`X·W₁ + b₁`, `1 − p`, `sum(W ⊙ W)`), else its short
  /// name (`u₁`).
  public let names: [Formula]
  /// The short names in graph order, each with what it stands for, written with its operands'
  /// names (u₂ = 0.1 × u₁): the legend of the figures and a sentence of the text.
  public let shortNames: [(id: Node.ID, name: String, definition: Formula)]

  /// Whether node `id`'s wire is called by a short name.
  public func isShort(_ id: Node.ID) -> Bool {
    if case .symbol(let name) = names[id] { return shortNames.contains { $0.name == name } }
    return false
  }
}

extension Graph {
  /// The most characters of a formula that names an unnamed wire (`X·W₁ + b₁`); a longer one
  /// gets a short name.
  public static let wireNameLength = 14

  /// The names of every wire (``WireNames``), worked out in graph order, so each operand is
  /// named before its user and nothing recurses: an unnamed wire is its op applied to its
  /// operands' names while that is at most ``wireNameLength`` characters, else u₁, u₂, … (a
  /// name the lesson uses is skipped), as the scalar figures name theirs.
  ///
  /// With `reusing` (the lesson's own names, for its expanded graph), a wire defined as one of
  /// the lesson's short names is given that name, and the others go on from the lesson's last
  /// number: the figure of the layers drawn apart says u₂ for what the text and the first
  /// figure call u₂.
  public func wireNames(shapes: [Shape], reusing: WireNames? = nil) -> WireNames {
    var taken = Set(nodes.compactMap(\.name))
    var known: [String: String] = [:]
    for short in reusing?.shortNames ?? [] {
      known[short.definition.unicode()] = short.name
      taken.insert(short.name)
    }
    var names: [Formula] = []
    names.reserveCapacity(nodes.count)
    // What each wire is in the lesson's terms, to find the lesson's short names: a bias
    // repeated over a batch is the bias (X·W + repeat(b, N) is the lesson's X·W + b).
    var lessonTerms: [Formula] = []
    lessonTerms.reserveCapacity(nodes.count)
    var shortNames: [(id: Node.ID, name: String, definition: Formula)] = []
    var k = 0
    for node in nodes {
      if reusing != nil, node.op.role == .rowCopies {
        lessonTerms.append(lessonTerms[node.inputs[0]])
      } else if reusing != nil, node.name == nil, node.op != .constant {
        lessonTerms.append(
          valueFormula(node.id, operands: node.inputs.map { lessonTerms[$0] }, shapes: shapes))
      }
      if let name = node.name {
        names.append(.symbol(name))
      } else if node.op == .constant {
        names.append(.number(node.parameter))
      } else {
        let formula = valueFormula(node.id, operands: node.inputs.map { names[$0] }, shapes: shapes)
        if formula.unicode().count <= Self.wireNameLength {
          names.append(formula)
        } else if reusing != nil,
          let name = known.removeValue(forKey: lessonTerms[node.id].unicode())
        {
          names.append(.symbol(name))
          shortNames.append((node.id, name, formula))
        } else {
          repeat { k += 1 } while taken.contains("u\(k)")
          names.append(.symbol("u\(k)"))
          shortNames.append((node.id, "u\(k)", formula))
        }
      }
      // A named wire, a constant or a short name stands for itself in the lesson's terms.
      if reusing != nil {
        if lessonTerms.count == node.id { lessonTerms.append(names[node.id]) }
        if case .symbol = names[node.id], node.op.role != .rowCopies {
          lessonTerms[node.id] = names[node.id]
        }
      }
    }
    return WireNames(names: names, shortNames: shortNames)
  }

  /// Node `id`'s op applied to `operands` (its descriptor's ``OpDescriptor/value``), as the
  /// books write it on vectors and matrices given each node's shape: a product of two arrays
  /// element by element is X ⊙ W, the Hadamard product, never X·W, which is the matrix
  /// product (CS231n, d2l).
  public func valueFormula(_ id: Node.ID, operands: [Formula], shapes: [Shape]? = nil) -> Formula {
    let node = self[id]
    if let shapes, isHadamard(id, shapes: shapes) {
      return .hadamard(operands[0], operands[1])
    }
    return node.op.descriptor.value(operands, node.parameter)
  }

  /// Whether node `id` multiplies two arrays element by element (the Hadamard product ⊙),
  /// which the figures and the text write ⊙, keeping × for numbers.
  public func isHadamard(_ id: Node.ID, shapes: [Shape]) -> Bool {
    let node = self[id]
    return node.op == .mul && node.inputs.count == 2
      && node.inputs.allSatisfy { !shapes[$0].isScalar }
  }

  /// The symbol the text calls node `id` by (`the ⊙ node`, `the MatMul node`).
  public func walkthroughName(_ id: Node.ID, shapes: [Shape]) -> String {
    isHadamard(id, shapes: shapes) ? "⊙" : self[id].op.descriptor.walkthroughName
  }
}
