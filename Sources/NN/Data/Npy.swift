import Tensor

/// NumPy's `.npy` format: a magic string, a version, a header that is a Python
/// dict literal (`{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }`),
/// then the raw elements.
///
/// Reads versions 1, 2 and 3 with element types float64, float32, int32, int64, bool
/// and uint8 (either byte order) in C order; everything becomes float64. Writes float64,
/// little-endian, C order, version 1 (version 2 only for a header past 65535 bytes).
/// Fortran order, object and other dtypes, and truncated files are clear errors.
public enum Npy {
    static let magic: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59] // "\x93NUMPY"

    /// Reads the array in the `.npy` file at `path`.
    /// - Throws: `NNError.file` for an unreadable or malformed file.
    public static func load(_ path: String) throws -> Tensor {
        try decode(FileBytes.read(path), path: path)
    }

    /// Writes `tensor` to `path` as a float64 `.npy` file.
    /// - Throws: `NNError.file` when the file cannot be written.
    public static func save(_ tensor: Tensor, to path: String) throws {
        try FileBytes.write(encode(tensor), to: path)
    }

    /// The tensor held by the bytes of a `.npy` file; `path` names it in errors.
    /// - Throws: `NNError.file` describing the first problem found.
    public static func decode(_ bytes: [UInt8], path: String = "<bytes>") throws -> Tensor {
        func fail(_ message: String) -> NNError { .file(path: path, message: message) }
        guard bytes.count >= 10, Array(bytes[0..<6]) == magic else {
            throw fail("not a .npy file (the magic string \\x93NUMPY is missing)")
        }
        let major = bytes[6]
        let headerLength: Int, headerStart: Int
        switch major {
        case 1:
            headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
            headerStart = 10
        case 2, 3:
            guard bytes.count >= 12 else { throw fail("truncated .npy header") }
            headerLength = Int(bytes[8]) | Int(bytes[9]) << 8 | Int(bytes[10]) << 16 | Int(bytes[11]) << 24
            headerStart = 12
        default:
            throw fail("unsupported .npy version \(major).\(bytes[7]) (versions 1, 2 and 3 are read)")
        }
        guard headerStart + headerLength <= bytes.count else { throw fail("truncated .npy header") }
        let headerText = String(decoding: bytes[headerStart..<(headerStart + headerLength)], as: UTF8.self)
        let header = try NpyHeader.parse(headerText, fail)
        if header.fortranOrder {
            throw fail("Fortran-ordered arrays are not supported; save with np.ascontiguousarray(a)")
        }
        let n = try Shape.validate(header.shape)
        let dataStart = headerStart + headerLength
        let (needed, overflow) = n.multipliedReportingOverflow(by: header.type.size)
        guard !overflow, bytes.count - dataStart >= needed else {
            throw fail("truncated data: shape \(formatShape(header.shape)) needs \(needed) bytes, the file has \(bytes.count - dataStart)")
        }
        return try Tensor(shape: header.shape) { out in
            bytes.withUnsafeBytes { raw in
                let base = raw.baseAddress! + dataStart // safe: the length was checked above
                for i in 0..<n { out[i] = header.type.load(base + i * header.type.size, swap: header.bigEndian) }
            }
        }
    }

    /// The bytes of a float64 little-endian C-order `.npy` file holding `tensor`.
    public static func encode(_ tensor: Tensor) -> [UInt8] {
        let shapeText: String
        switch tensor.shape.count {
        case 0: shapeText = "()"
        case 1: shapeText = "(\(tensor.shape[0]),)"
        default: shapeText = "(" + tensor.shape.map(String.init).joined(separator: ", ") + ")"
        }
        var dict = Array("{'descr': '<f8', 'fortran_order': False, 'shape': \(shapeText), }".utf8)
        // NumPy pads so the data starts on a 64-byte boundary and ends the header with '\n'.
        var version: UInt8 = 1, prefix = 10
        if dict.count + 1 + prefix > 65535 { version = 2; prefix = 12 }
        let total = (prefix + dict.count + 1 + 63) / 64 * 64
        dict.append(contentsOf: repeatElement(0x20, count: total - prefix - dict.count - 1))
        dict.append(0x0A)
        var out = magic + [version, 0]
        let length = dict.count
        out.append(UInt8(length & 0xFF)); out.append(UInt8((length >> 8) & 0xFF))
        if version == 2 { out.append(UInt8((length >> 16) & 0xFF)); out.append(UInt8((length >> 24) & 0xFF)) }
        out.append(contentsOf: dict)
        let values = tensor.scalars
        out.reserveCapacity(out.count + values.count * 8)
        for v in values {
            var bits = v.bitPattern.littleEndian
            withUnsafeBytes(of: &bits) { out.append(contentsOf: $0) }
        }
        return out
    }
}
