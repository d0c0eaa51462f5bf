/// An n-dimensional array of `Double` with value semantics.
///
/// A tensor is a view (`shape`, `strides`, `offset`) over a shared
/// `TensorStorage`. Slicing, transposing and broadcasting make views without
/// copying; a write to a tensor whose storage is shared copies it first
/// (copy on write). A rank-0 tensor holds one scalar.
///
///     let a = try Tensor(shape: [2, 2], values: [1, 2, 3, 4])
///     let b = try a + Tensor(1)          // [[2, 3], [4, 5]]
public struct Tensor {
    /// Size along each axis; empty for a scalar.
    public internal(set) var shape: [Int]
    /// Step in elements between neighbours along each axis (0 for a broadcast axis).
    public internal(set) var strides: [Int]
    /// Index in `storage` of the first element.
    public internal(set) var offset: Int
    /// The shared buffer this tensor views.
    public internal(set) var storage: TensorStorage

    /// Largest number of elements one allocation may hold on the calling thread:
    /// the element limit of its `MemoryBudget` (default 2^30, 8 GiB). Past it an
    /// operation throws instead of exhausting memory.
    public static var allocationLimit: Int { MemoryBudget.current.elementLimit }

    /// A view; callers guarantee the view fits inside `storage`.
    init(storage: TensorStorage, shape: [Int], strides: [Int], offset: Int) {
        self.storage = storage
        self.shape = shape
        self.strides = strides
        self.offset = offset
    }

    /// A contiguous tensor over a whole storage.
    init(storage: TensorStorage, shape: [Int]) {
        self.init(storage: storage, shape: shape, strides: Shape.contiguousStrides(shape), offset: 0)
    }

    /// A rank-0 tensor holding `value`.
    public init(_ value: Double) {
        let s = TensorStorage(checkedCount: 1)
        s.base.initialize(to: value)
        self.init(storage: s, shape: [])
    }

    /// A 1-D tensor of `values`.
    public init(_ values: [Double]) {
        let s = TensorStorage(checkedCount: values.count)
        values.withUnsafeBufferPointer { src in
            if let p = src.baseAddress { s.base.initialize(from: p, count: values.count) }
        }
        self.init(storage: s, shape: [values.count])
    }

    /// A tensor of `shape` filled row-major from `values`.
    /// - Throws: `invalidShape` if `values.count` differs from the shape's element count.
    public init(shape: [Int], values: [Double]) throws {
        let n = try Shape.validate(shape)
        guard n == values.count else {
            throw TensorError.invalidShape("\(values.count) values do not fill shape \(formatShape(shape))")
        }
        let s = try TensorStorage(uninitializedCount: n)
        values.withUnsafeBufferPointer { src in
            if let p = src.baseAddress { s.base.initialize(from: p, count: n) }
        }
        self.init(storage: s, shape: shape)
    }

    /// A tensor of `shape` with every element `value`.
    public init(shape: [Int], repeating value: Double) throws {
        let n = try Shape.validate(shape)
        self.init(storage: try TensorStorage(count: n, repeating: value), shape: shape)
    }

    /// A contiguous tensor of `shape` whose elements the caller fills through `body`.
    /// - Throws: what the shape check or `body` throws.
    public init(shape: [Int], initializingWith body: (UnsafeMutableBufferPointer<Double>) throws -> Void) throws {
        let n = try Shape.validate(shape)
        let s = try TensorStorage(uninitializedCount: n)
        try body(UnsafeMutableBufferPointer(start: s.base, count: n))
        self.init(storage: s, shape: shape)
    }

    /// Number of axes.
    @inlinable public var rank: Int { shape.count }
    /// Number of elements.
    public var count: Int { shape.reduce(1, *) }
    /// True for a rank-0 tensor.
    public var isScalar: Bool { shape.isEmpty }

    /// True when the elements are laid out row-major without gaps.
    public var isContiguous: Bool {
        var expected = 1
        for i in stride(from: shape.count - 1, through: 0, by: -1) where shape[i] != 1 {
            if strides[i] != expected { return false }
            expected *= shape[i]
        }
        return true
    }

    /// The only element of a one-element tensor.
    /// - Throws: `invalidShape` when the tensor has more or fewer than one element.
    public func scalar() throws -> Double {
        guard count == 1 else {
            throw TensorError.invalidShape("expected a single value, got a tensor of shape \(formatShape(shape))")
        }
        return storage.base[offset]
    }

    /// This tensor with its own contiguous storage (itself when already contiguous).
    public func contiguous() -> Tensor {
        if isContiguous { return self }
        let out = TensorStorage(checkedCount: count)
        copyElements(to: out.base)
        return Tensor(storage: out, shape: shape)
    }

    /// The elements in row-major order.
    public var scalars: [Double] {
        let c = contiguous()
        return Array(UnsafeBufferPointer(start: c.storage.base + c.offset, count: c.count))
    }

    /// Calls `body` with the elements, row-major and contiguous (copying a strided view once).
    public func withContiguousElements<R>(_ body: (UnsafeBufferPointer<Double>) throws -> R) rethrows -> R {
        let c = contiguous()
        return try withExtendedLifetime(c) {
            try body(UnsafeBufferPointer(start: c.storage.base + c.offset, count: c.count))
        }
    }

    /// Makes the storage unique and contiguous so it can be written in place.
    public mutating func makeUniqueContiguous() {
        if isKnownUniquelyReferenced(&storage), isContiguous, offset == 0, storage.count == count { return }
        let out = TensorStorage(checkedCount: count)
        copyElements(to: out.base)
        self = Tensor(storage: out, shape: shape)
    }

    /// Writes the elements in place through a contiguous mutable buffer.
    public mutating func withMutableElements<R>(_ body: (UnsafeMutableBufferPointer<Double>) throws -> R) rethrows -> R {
        makeUniqueContiguous()
        return try body(UnsafeMutableBufferPointer(start: storage.base, count: count))
    }

    /// Copies the viewed elements row-major into `destination`.
    func copyElements(to destination: UnsafeMutablePointer<Double>) {
        let n = count
        if n == 0 { return }
        if isContiguous {
            destination.update(from: storage.base + offset, count: n)
            return
        }
        var out = destination
        forEachRow { src, stride, length in
            if stride == 1 {
                out.update(from: src, count: length)
            } else {
                for i in 0..<length { out[i] = src[i * stride] }
            }
            out += length
        }
    }

    /// Visits the view as rows along its last axis: a pointer to the row's first
    /// element, the row's stride and its length. Rank 0 is one row of length 1.
    func forEachRow(_ body: (UnsafeMutablePointer<Double>, Int, Int) -> Void) {
        let r = rank
        if r == 0 { body(storage.base + offset, 1, 1); return }
        let length = shape[r - 1], innerStride = strides[r - 1]
        if shape.contains(0) { return }
        var index = [Int](repeating: 0, count: r - 1)
        var position = offset
        while true {
            body(storage.base + position, innerStride, length)
            var axis = r - 2
            while axis >= 0 {
                index[axis] += 1
                position += strides[axis]
                if index[axis] < shape[axis] { break }
                position -= strides[axis] * shape[axis]
                index[axis] = 0
                axis -= 1
            }
            if axis < 0 { return }
        }
    }
}
