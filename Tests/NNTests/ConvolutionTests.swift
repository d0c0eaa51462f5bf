import Glibc
import Testing
import Autodiff
import Tensor
import NN

// Forward values from Tests/NNTests/Fixtures/conv_reference.py (NumPy loops, run once);
// its closed-form inputs are rebuilt here.
private let x0 = try! Tensor(shape: [2, 2, 5, 5], values: (0..<100).map { sin(0.7 * Double($0) + 0.3) })
private let w0 = try! Tensor(shape: [3, 2, 3, 3], values: (0..<54).map { 0.5 * cos(0.4 * Double($0)) })
private let b0 = Tensor([0.1, -0.2, 0.3])

private let convStride1: [Double] = [0.5810302701604233, 0.8429514609018329, 0.7554509706443047, -0.5546767656292053, -0.6432288061991326, -0.38222872594316226, 0.8451226002143313, 0.7490517106028336, 0.3477216597820892, 0.0047649959907621955, 0.09924900498109722, 0.052991531034136084, -0.4694203877233261, -0.4933636567155842, -0.3793334140209207, 0.09983605156121135, 0.05019571129768259, -0.11711558140497451, 0.06810783880191879, -0.0788544097963958, -0.04763550970401731, 0.6268722715626576, 0.6862924738013052, 0.5640332896247953, -0.08031128799148618, -0.044637930886279736, 0.1531240302309617, -0.5839750909314693, -0.6293642613282042, -0.33172202299132614, 0.8528081110183441, 0.7143408310919754, 0.28693945896276785, -0.6259692886882959, -0.3212428977755271, 0.18160061006291137, -0.4798483621796001, -0.486456003093048, -0.358338909753316, 0.10149722737290984, 0.035172059710027494, -0.14175820229927702, -0.4848298273663893, -0.3540008928657625, -0.15074293212004278, 0.6434828529281555, 0.6808324892535838, 0.539070655211259, -0.08597564181806677, -0.028206367760270662, 0.18392348942114528, 0.6794160888956219, 0.5338696065474725, 0.27833059392664083]
private let convStride2Pad1: [Double] = [0.6735165448222091, 0.7060452674751809, -0.4189344582967868, -0.28693952938158535, -0.6432288061991326, -0.10536629660292268, -0.26553989007941725, 1.118022781153595, 1.0576034317826317, -0.6308342413736658, 0.016137511636976035, -0.1049984637556817, -0.35194697544905507, -0.4933636567155842, -0.2407615421426852, -0.55317297149136, 0.4784955328350238, 0.8602837824555716, -0.7977136989925608, -0.04307018882700936, 0.9345230772104158, 0.5020652448743219, 0.6862924738013052, 0.4557716211131938, 0.23583340715135628, 0.10750451745530369, 0.6324466338855247, -0.424769580804554, -0.09402170652939307, 0.8908064083980376, 0.6199134984888537, 0.7143408310919754, 0.03706525825496973, -0.03190446541417091, -1.2497020276977666, -0.6607480155729243, 0.11346148860512642, -0.5715910549992012, -0.2555262207909073, -0.04996023133235851, 0.035172059710027494, -0.3144700159202484, -0.20074338710605544, -1.279575475385207, -1.0906840864403922, 1.2061589981008842, 0.04190589297500885, -0.5583653072163506, -0.03735971748670597, -0.028206367760270662, 0.22365877242580762, 0.4309999843678194, 0.33617970852301815, -0.022949654065021613]
private let maxPool2: [Double] = [0.8414709848078965, 0.9916648104524686, 0.9893582466233819, 0.6629692300821833, 0.6374225961502389, 0.8676441006416673, 0.3590583540221683, 0.9807632477451529, 0.9736454556949797, 0.5977603669052606, 0.9696731229119208, 0.40566187655532937, 0.5704676336373782, 0.9609071989456225, 0.9200260381967879, 0.9561160861278107]
private let avgPool2: [Double] = [-0.11309920428464493, 0.10244916761330736, -0.004148384375743469, 0.16424745310910135, -0.14527787777383971, -0.10672970858133324, -0.16421848903902025, 0.0042970496055447505, 0.04933965997638534, -0.14929069426262206, -0.06792381401098396, -0.16236156429438459, 0.1669320641140072, 0.04120901966772797, 0.13440809054351605, -0.07555428099697284]

private func conv(stride: Int, padding: Int) throws -> Conv2D {
    let layer = try Conv2D(2, 3, 3, stride: stride, padding: padding, using: RandomGenerator(seed: 0))
    layer.W.value = w0
    layer.b.value = b0
    return layer
}

@Test(arguments: [(1, 0), (2, 1)])
func conv2DMatchesNumpyLoops(stride: Int, padding: Int) throws {
    let y = try conv(stride: stride, padding: padding)(x0)
    #expect(y.shape == [2, 3, 3, 3])
    #expect(close(y.scalars, stride == 1 ? convStride1 : convStride2Pad1, tol: 1e-13))
}

@Test func poolingMatchesNumpyLoopsAndDropsTheLeftoverRow() throws {
    let m = try Pool2D(.max, 2)(x0), a = try Pool2D(.average, 2)(x0)
    #expect(m.shape == [2, 2, 2, 2] && a.shape == [2, 2, 2, 2])
    #expect(close(m.scalars, maxPool2, tol: 1e-15))
    #expect(close(a.scalars, avgPool2, tol: 1e-14))
}

/// A fixed weighting of the outputs, so the checked scalar uses every output differently.
private func weighted(_ y: Variable) throws -> Variable {
    let w = try Tensor(shape: y.shape, values: (0..<y.count).map { cos(0.37 * Double($0)) })
    return try (y * Variable(w)).sum()
}

@Test(arguments: [(1, 0), (2, 1)])
func conv2DGradientsMatchCentralDifferences(stride: Int, padding: Int) throws {
    let wrtX = try gradientCheck(of: { try weighted(convolve2D($0, Variable(w0), Variable(b0), stride: stride, padding: padding)) }, at: x0)
    let wrtW = try gradientCheck(of: { try weighted(convolve2D(Variable(x0), $0, Variable(b0), stride: stride, padding: padding)) }, at: w0)
    let wrtB = try gradientCheck(of: { try weighted(convolve2D(Variable(x0), Variable(w0), $0, stride: stride, padding: padding)) }, at: b0)
    #expect(wrtX.passed(tolerance: 1e-7) && wrtW.passed(tolerance: 1e-7) && wrtB.passed(tolerance: 1e-7), "\(wrtX) \(wrtW) \(wrtB)")
}

@Test func poolingGradientsMatchCentralDifferences() throws {
    // The sine batch has no ties inside a window, so max is differentiable at x0.
    for kind in [Pool2D.Kind.max, .average] {
        let pool = try Pool2D(kind, 2)
        let report = try gradientCheck(of: { try weighted(pool($0)) }, at: x0)
        #expect(report.passed(tolerance: 1e-7), "\(kind): \(report)")
    }
}

@Test func flattenKeepsTheBatchAxis() throws {
    let y = try Flatten()(x0)
    #expect(y.shape == [2, 50] && y.scalars == x0.scalars)
}

@Test func convolutionNetworkTrainsInSequentialAndFit() throws {
    // Two 4×4 classes: a bright left half or a bright right half, plus noise.
    let g = RandomGenerator(seed: 4)
    var values: [Double] = [], labels: [Double] = []
    for i in 0..<40 {
        let c = i % 2
        for r in 0..<4 { for col in 0..<4 { values.append(((col < 2) == (c == 0) ? 1 : 0) + 0.2 * g.nextNormal()); _ = r } }
        labels.append(Double(c))
    }
    let x = try Tensor(shape: [40, 1, 4, 4], values: values), y = Tensor(labels)
    let model = Sequential([try Conv2D(1, 4, 3, padding: 1, using: g), Activation(.relu), try Pool2D(.max, 2),
                            Flatten(), try Dense(16, 2, using: g)])
    var options = FitOptions()
    options.epochs = 30
    options.batchSize = 8
    let history = try fit(model, x, y, loss: { try Losses.crossEntropy($0, $1.value) }, optimiser: Adam(lr: 0.05), options: options)
    #expect(history.train.last! < 0.1 * history.train.first!)
    #expect(try Datasets.accuracy(model(x), y) == 1)
}

@Test(arguments: [
    ([2, 3, 5, 5], "Conv2D(2, 3, 3, stride=1, padding=0) expects images N × 2 × H × W, got shape (2, 3, 5, 5)"),
    ([2, 50], "Conv2D(2, 3, 3, stride=1, padding=0) expects images N × 2 × H × W, got shape (2, 50)"),
    ([2, 2, 2, 5], "Conv2D(2, 3, 3, stride=1, padding=0): the 3×3 kernel is larger than the 2×5 image (padding included), input shape (2, 2, 2, 5)"),
])
func conv2DRejectsBadInputNamingTheShapes(shape: [Int], message: String) throws {
    let layer = try conv(stride: 1, padding: 0)
    #expect(throws: TensorError.invalidShape(message)) { try layer(Tensor.zeros(shape)) }
}

@Test func poolingAndLayerSizesRejectBadInput() throws {
    #expect(throws: TensorError.invalidShape("MaxPool2D(3): the 3×3 window is larger than the 2×5 image, input shape (1, 1, 2, 5)")) {
        try Pool2D(.max, 3)(Tensor.zeros([1, 1, 2, 5]))
    }
    #expect(throws: TensorError.invalidShape("AvgPool2D(2) expects images N × C × H × W, got shape (4, 4)")) {
        try Pool2D(.average, 2)(Tensor.zeros([4, 4]))
    }
    #expect(throws: NNError.self) { try Conv2D(1, 0, 3, using: RandomGenerator(seed: 0)) }
    #expect(throws: NNError.self) { try Conv2D(1, 2, 3, stride: 0, using: RandomGenerator(seed: 0)) }
    #expect(throws: NNError.self) { try Pool2D(.max, 0) }
}
