import Glibc
import Testing
import Tensor
import NN

/// The fixtures written once by NumPy with `Fixtures/make_fixtures.py`.
func fixture(_ name: String) -> String {
    let here = "\(#filePath)"
    let directory = here[..<(here.lastIndex(of: "/") ?? here.endIndex)]
    return directory + "/Fixtures/" + name
}

/// A fresh path in /tmp for a file a test writes.
func temporaryPath(_ name: String) -> String {
    "/tmp/gradbook-nntests-\(name)-\(UInt64.random(in: 0...UInt64.max))"
}

// Expected values and shapes are the arrays make_fixtures.py saves.
@Test(arguments: [
    ("f8_2x3.npy", [2, 3], [1.5, -2.0, 3.25, 0.1, 1e300, -0.0]),
    ("f4_vec.npy", [4], [0.5, -1.25, 3.0, Double(Float(1e-3))]),
    ("i4_vec.npy", [3], [1, -2, 2147483647]),
    ("i8_2x2x2.npy", [2, 2, 2], [-4, -3, -2, -1, 0, 1, 2, 3]),
    ("scalar.npy", [], [7.5]),
    ("empty_0x3.npy", [0, 3], []),
    ("big_endian.npy", [2], [1.0, -2.5]),
    ("v2_f8.npy", [2, 2], [1, 2, 3, 4]),
    ("bool.npy", [2], [1, 0]),
])
func readsArraysWrittenByNumPy(_ name: String, _ shape: [Int], _ values: [Double]) throws {
    let t = try Npy.load(fixture(name))
    #expect(t.shape == shape)
    #expect(t.scalars == values)
}

@Test(arguments: [
    ("fortran.npy", "Fortran-ordered"),
    ("object.npy", "object arrays"),
    ("truncated.npy", "truncated data"),
    ("make_fixtures.py", "not a .npy file"),
    ("no-such-file.npy", "cannot open"),
])
func rejectsWhatItCannotRead(_ name: String, _ message: String) {
    do {
        _ = try Npy.load(fixture(name))
        Issue.record("\(name) loaded")
    } catch {
        #expect("\(error)".contains(message), "\(error)")
    }
}

@Test func writesTheBytesNumPyWrites() throws {
    // np.save of the same float64 C-order array: byte equality means NumPy reads ours.
    let ours = Npy.encode(try Tensor(shape: [2, 3], values: [1, 2, 3, 4, 5.5, -6]))
    let numpy = Array(try readBytes(fixture("ours_expected.npy")))
    #expect(ours == numpy)
}

@Test func saveThenLoadRoundTrips() throws {
    let path = temporaryPath("roundtrip.npy")
    defer { remove(path) }
    let t = try Tensor(shape: [3, 1, 2], values: [1, -2, 3.5, .infinity, Double.leastNormalMagnitude / 8, 0.1])
    try Npy.save(t, to: path)
    let back = try Npy.load(path)
    #expect(back.shape == t.shape)
    #expect(back.scalars == t.scalars)
}

@Test func csvRoundTripsAndSkipsAHeader() throws {
    let path = temporaryPath("table.csv")
    defer { remove(path) }
    let t = try Tensor(shape: [2, 3], values: [1, 0.1, -2.5e-7, 3, 1e20, -0.0])
    try CSV.save(t, to: path, header: "a,b,c")
    let back = try CSV.load(path)
    #expect(back.shape == [2, 3])
    #expect(back.scalars == t.scalars)
}

@Test func csvParsesSpacesCommentsAndSpecialValues() throws {
    let t = try CSV.parse("# comment\nx, y\n 1, nan\r\n\n-inf ,2e3\n")
    #expect(t.shape == [2, 2])
    #expect(t.scalars[0] == 1 && t.scalars[1].isNaN && t.scalars[2] == -.infinity && t.scalars[3] == 2000)
}

@Test(arguments: [
    ("1,2\n3\n", "line 2 has 1 fields, expected 2 like the rows before it"),
    ("1,2\n3,x\n", "line 2, column 2: 'x' is not a number"),
])
func csvErrorsNameTheLine(_ text: String, _ message: String) {
    #expect(throws: NNError.file(path: "<text>", message: message)) { try CSV.parse(text) }
}

@Test func csvOfAVectorIsOneColumn() throws {
    #expect(try CSV.format(Tensor([1, 2.5])) == "1\n2.5\n")
    #expect(throws: NNError.self) { try CSV.format(Tensor.zeros([1, 1, 1])) }
}

@Test func aShapeLargerThanTheFileIsAnErrorNotACrash() throws {
    // A hand-made header claiming 2^61 float64 elements: the byte count overflows Int.
    var bytes = Npy.encode(Tensor([1]))
    let header = Array("{'descr': '<f8', 'fortran_order': False, 'shape': (2305843009213693952,), }".utf8)
    let padded = header + [UInt8](repeating: 0x20, count: (10 + header.count + 1 + 63) / 64 * 64 - 10 - header.count - 1) + [0x0A]
    bytes = Array(bytes[0..<8]) + [UInt8(padded.count & 0xFF), UInt8(padded.count >> 8)] + padded
    #expect(throws: (any Error).self) { try Npy.decode(bytes) }
}
