import Testing
import Tensor
import NN

@Test func kmeansFindsTheMeansOfSeparatedGroups() throws {
    // Three groups far apart: the optimum puts each centroid at its group's mean.
    let points: [[Double]] = [[0, 0], [1, 0], [0, 2], [10, 10], [11, 10], [10, 13], [-10, 5], [-9, 5]]
    let x = try Tensor(shape: [8, 2], values: points.flatMap { $0 })
    let r = try KMeans.fit(x, k: 3, using: RandomGenerator(seed: 1))
    let means: [[Double]] = [[1.0 / 3, 2.0 / 3], [31.0 / 3, 11], [-9.5, 5]]
    let c = r.centroids.scalars
    for m in means {
        #expect((0..<3).contains { abs(c[2 * $0] - m[0]) < 1e-12 && abs(c[2 * $0 + 1] - m[1]) < 1e-12 })
    }
    #expect(Set(r.labels[0..<3]).count == 1 && Set(r.labels[3..<6]).count == 1 && Set(r.labels[6..<8]).count == 1)
    // Inertia by hand: Σ squared distances to the group means.
    var inertia = 0.0
    for (i, p) in points.enumerated() {
        let m = means[i < 3 ? 0 : (i < 6 ? 1 : 2)]
        inertia += (p[0] - m[0]) * (p[0] - m[0]) + (p[1] - m[1]) * (p[1] - m[1])
    }
    #expect(abs(r.inertia - inertia) < 1e-9)
    #expect(throws: NNError.self) { try KMeans.fit(x, k: 9, using: RandomGenerator(seed: 1)) }
    #expect(throws: NNError.self) { try KMeans.fit(Tensor([1, 2]), k: 1, using: RandomGenerator(seed: 1)) }
}

@Test func rbfNetworkWithACentreAtEveryPointInterpolates() throws {
    // With k = n, k-means++ picks every point as a centre, so the least-squares layer
    // has more unknowns than equations and fits the targets exactly.
    let xs = (0..<6).map { Double($0) * 0.5 }
    let x = try Tensor(shape: [6, 1], values: xs), y = Tensor(xs.map { $0 * $0 - 1 })
    let net = try RBFNetwork(x, y, k: 6, sigma: 0.6, using: RandomGenerator(seed: 2))
    #expect(Set(net.centres.scalars) == Set(xs))
    #expect(close(try net(x).scalars, y.scalars, tol: 1e-8))
    // An activation is exp(-d²/(2σ²)): 1 at a centre.
    let a = try net.activations(try Tensor(shape: [1, 1], values: [xs[0]])).scalars
    #expect(a.count == 7 && a.contains { abs($0 - 1) < 1e-15 } && a[6] == 1)
}

@Test func somOrdersAOneDimensionalMap() throws {
    // Kohonen's classic result: a 1 × 10 map trained on points of a line ends monotone.
    let g = RandomGenerator(seed: 5)
    let x = try Tensor(shape: [200, 1], values: (0..<200).map { _ in g.nextDouble() })
    let map = try SOM(x, rows: 1, cols: 10, epochs: 20, lr: 0.5, using: RandomGenerator(seed: 6))
    let w = map.weights.scalars
    let increasing = zip(w, w.dropFirst()).allSatisfy { $0 < $1 }
    let decreasing = zip(w, w.dropFirst()).allSatisfy { $0 > $1 }
    #expect(increasing || decreasing, "\(w)")
    #expect(try map.quantisationError(x) < 0.05)
    #expect(throws: NNError.self) { try SOM(x, rows: 0, cols: 3, using: g) }
}
