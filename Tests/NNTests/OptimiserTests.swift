import Testing
import Tensor
import NN

// The reference iterates below come from NumPy 2.4, on f(x) = ½xᵀAx − bᵀx with
// A = [[3, 1], [1, 2]], b = [1, 1], g(x) = A @ x − b, starting at x0 = [1, −1]:
//
//     def run(upd, steps=5):
//         x = x0.copy(); s = {}
//         for t in range(1, steps + 1): x = upd(x, A @ x - b, s, t); print(x)
//     sgd:      x - 0.1*g
//     momentum: s['v'] = 0.9*s.get('v', 0) + g; x - 0.1*s['v']
//     nesterov (cs231n form): vp = s.get('v', 0); s['v'] = 0.9*vp - 0.1*g; x - 0.9*vp + 1.9*s['v']
//     adagrad:  s['c'] = s.get('c', 0) + g*g; x - 0.5*g/(np.sqrt(s['c']) + 1e-8)
//     rmsprop:  s['c'] = 0.9*s.get('c', 0) + 0.1*g*g; x - 0.1*g/(np.sqrt(s['c']) + 1e-8)
//     adam:     s['m'] = 0.9*m + 0.1*g; s['v'] = 0.99*v + 0.01*g*g
//               x - 0.1*(s['m']/(1 - 0.9**t))/(np.sqrt(s['v']/(1 - 0.99**t)) + 1e-8)
//     sgd with weight decay 0.05: x - 0.1*(g + 2*0.05*x)
struct OptimiserReferenceCase: CustomTestStringConvertible, Sendable {
    let name: String
    let make: @Sendable () throws -> Optimiser
    let expected: [[Double]]
    var testDescription: String { name }
}

let optimiserReferences: [OptimiserReferenceCase] = [
    .init(name: "SGD", make: { SGD(lr: 0.1) }, expected: [
        [0.9, -0.8], [0.81, -0.63], [0.73, -0.485], [0.6595, -0.361], [0.59775, -0.25475]]),
    .init(name: "Momentum", make: { Momentum(lr: 0.1, rho: 0.9) }, expected: [
        [0.9, -0.8], [0.72, -0.45], [0.487, -0.01699999999999996], [0.2329, 0.42740000000000006],
        [-0.008400000000000046, 0.8185900000000002]]),
    .init(name: "Nesterov", make: { Nesterov(lr: 0.1, rho: 0.9) }, expected: [
        [0.81, -0.62], [0.5751, -0.18630000000000002], [0.33418, 0.22685500000000008],
        [0.12227695, 0.5672204000000001], [-0.03525998250000001, 0.8056829875000001]]),
    .init(name: "AdaGrad", make: { AdaGrad(lr: 0.5) }, expected: [
        [0.500000005, -0.5000000025], [0.49999999875000006, -0.20000000369999998],
        [0.35632606061627947, -0.030640268760039197], [0.3379778968136483, 0.09758023832827259],
        [0.28490983360022554, 0.18129657194697765]]),
    .init(name: "RMSprop", make: { RMSprop(lr: 0.1, rho: 0.9) }, expected: [
        [0.6837722439831617, -0.683772238983162], [0.5695314877299522, -0.4738753211151333],
        [0.49480718974372784, -0.3167214987244976], [0.4394014339550223, -0.19112145211021872],
        [0.3955710658278061, -0.08754099984622718]]),
    .init(name: "Adam", make: { Adam(lr: 0.1, beta1: 0.9, beta2: 0.99) }, expected: [
        [0.9000000009999999, -0.9000000005], [0.8011383061145783, -0.8001549089933272],
        [0.7046691855881988, -0.7005829780234447], [0.612357769903503, -0.6014185685764558],
        [0.5265036698129569, -0.5028189581394258]]),
    .init(name: "SGD with weight decay", make: { SGD(lr: 0.1, weightDecay: 0.05) }, expected: [
        [0.89, -0.79], [0.7931, -0.6131], [0.708549, -0.46365899999999993],
        [0.63526471, -0.3371455099999999], [0.5720472008999999, -0.22987142389999993]]),
]

@Test(arguments: optimiserReferences)
func optimiserIteratesMatchNumPy(_ reference: OptimiserReferenceCase) throws {
    let opt = try reference.make()
    var x = Tensor([1, -1])
    for expected in reference.expected {
        x = try opt.step(x, quadraticGradient(x))
        #expect(close(x.scalars, expected, tol: 1e-13), "\(reference.name): \(x.scalars) vs \(expected)")
    }
    #expect(opt.iterations == reference.expected.count)
}

@Test func eachTensorKeepsItsOwnState() throws {
    // Stepping two copies of the problem together must equal stepping each alone.
    let together = Momentum(lr: 0.1, rho: 0.9)
    let alone = Momentum(lr: 0.1, rho: 0.9)
    var a = Tensor([1, -1]), b = Tensor([0.5, 2])
    var c = Tensor([0.5, 2])
    for _ in 0..<4 {
        let next = try together.step([a, b], [quadraticGradient(a), quadraticGradient(b)])
        a = next[0]; b = next[1]
        c = try alone.step(c, quadraticGradient(c))
    }
    #expect(close(b.scalars, c.scalars, tol: 0))
}

@Test func resetForgetsTheVelocity() throws {
    let opt = Momentum(lr: 0.1, rho: 0.9)
    var x = Tensor([1, -1])
    x = try opt.step(x, quadraticGradient(x))
    opt.reset()
    let again = try opt.step(Tensor([1, -1]), quadraticGradient(Tensor([1, -1])))
    #expect(close(again.scalars, [0.9, -0.8]))
}

@Test func mismatchedGradientShapeIsAnError() {
    #expect(throws: TensorError.self) { try SGD(lr: 0.1).step(Tensor([1, 2]), Tensor([1, 2, 3])) }
    #expect(throws: TensorError.self) { try SGD().step([Tensor([1])], []) }
}

@Test func schedulesFollowTheirFormulas() throws {
    // lr0·drop^⌊t/every⌋, lr0·e^(−kt), lr0/(1 + kt), written out by hand.
    let s = try Schedule.step(lr0: 0.1, drop: 0.5, every: 3)
    #expect([0, 2, 3, 7].map { s.rate(at: $0) } == [0.1, 0.1, 0.05, 0.025])
    let e = Schedule.expDecay(lr0: 2, k: 0.5)
    #expect(abs(e.rate(at: 4) - 2 * 0.1353352832366127) < 1e-15)
    let i = Schedule.invTimeDecay(lr0: 1, k: 0.25)
    #expect(i.rate(at: 4) == 0.5)
    #expect(throws: NNError.self) { try Schedule.step(lr0: 0.1, every: 0) }
}

@Test func scheduledSGDUsesTheDecayedRate() throws {
    // Step t uses lr(t): x1 = x0 − 0.1·g(x0), x2 = x1 − 0.05·g(x1) for every=1, drop=0.5.
    let opt = SGD(schedule: try Schedule.step(lr0: 0.1, drop: 0.5, every: 1))
    var x = Tensor([1, -1])
    x = try opt.step(x, quadraticGradient(x))
    x = try opt.step(x, quadraticGradient(x))
    // By hand: x1 = [0.9, −0.8], g(x1) = [0.9, −1.7], x2 = x1 − 0.05·g(x1).
    #expect(close(x.scalars, [0.9 - 0.045, -0.8 + 0.085]))
}

@Test func lbfgsMinimisesAQuadratic() throws {
    // The minimiser solves Ax = b: x* = [1/5, 2/5].
    let objective = Objective(valueAndGradient: { x in (quadraticValue(x), try quadraticGradient(x)) })
    let opt = try LBFGS(m: 5, objective: objective)
    var x = Tensor([1, -1])
    for _ in 0..<20 { x = try opt.step(x, quadraticGradient(x)) }
    #expect(close(x.scalars, [0.2, 0.4], tol: 1e-8))
}

@Test func lbfgsWithoutObjectiveIsAnError() throws {
    let opt = try LBFGS()
    #expect(throws: NNError.self) { try opt.step(Tensor([1]), Tensor([1])) }
    #expect(throws: NNError.self) { try LBFGS(m: 0) }
}

@Test func steppingNeverWritesATensorSomeoneHolds() throws {
    // The optimiser recycles the tensor it was given a step earlier; held ones must stay as they were.
    let opt = Momentum(lr: 0.1, rho: 0.9)
    let x0 = Tensor([1, -1])
    let x1 = try opt.step(x0, quadraticGradient(x0))
    let x2 = try opt.step(x1, quadraticGradient(x1))
    let x3 = try opt.step(x2, quadraticGradient(x2))
    _ = try opt.step(x3, quadraticGradient(x3))
    #expect(x0.scalars == [1, -1])
    #expect(close(x1.scalars, [0.9, -0.8]) && close(x2.scalars, [0.72, -0.45]) && close(x3.scalars, [0.487, -0.017]))
}
