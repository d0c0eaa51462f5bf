/// The kernel's logo, a white nabla on an indigo rounded square, drawn in code
/// so the binary carries no resource files: an SVG and PNGs for the launchers.
enum Logo {
    static let background: (UInt8, UInt8, UInt8) = (0x43, 0x38, 0xCA)

    static let svg = """
        <svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">
        <rect x="2" y="2" width="60" height="60" rx="12" fill="#4338CA"/>
        <path d="M12 16 H52 L32 52 Z M21 21.5 L32 41.5 L43 21.5 Z" fill="#FFFFFF" fill-rule="evenodd"/>
        </svg>

        """

    /// A `size`×`size` RGBA PNG of the logo, sampled 4×4 per pixel for smooth edges.
    static func png(size: Int) -> [UInt8] {
        let scale = 64.0 / Double(size)
        var pixels: [UInt8] = []
        pixels.reserveCapacity(size * size * 4)
        for row in 0..<size {
            for column in 0..<size {
                var square = 0.0, nabla = 0.0
                for sy in 0..<4 {
                    for sx in 0..<4 {
                        let x = (Double(column) + (Double(sx) + 0.5) / 4) * scale
                        let y = (Double(row) + (Double(sy) + 0.5) / 4) * scale
                        if insideRoundedSquare(x, y) {
                            square += 1
                            if insideNabla(x, y) { nabla += 1 }
                        }
                    }
                }
                let alpha = square / 16, white = square > 0 ? nabla / square : 0
                func mix(_ c: UInt8) -> UInt8 { UInt8((Double(c) * (1 - white) + 255 * white).rounded()) }
                pixels += [mix(background.0), mix(background.1), mix(background.2), UInt8((alpha * 255).rounded())]
            }
        }
        return PNGEncoder.encode(rgba: pixels, width: size, height: size)
    }

    private static func insideRoundedSquare(_ x: Double, _ y: Double) -> Bool {
        let lo = 2.0, hi = 62.0, r = 12.0
        guard x >= lo, x <= hi, y >= lo, y <= hi else { return false }
        let cx = min(max(x, lo + r), hi - r), cy = min(max(y, lo + r), hi - r)
        return (x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r
    }

    /// Inside the outer triangle (12,16)-(52,16)-(32,52) and outside the inner one.
    private static func insideNabla(_ x: Double, _ y: Double) -> Bool {
        insideDownTriangle(x, y, left: 12, right: 52, top: 16, bottom: 52)
            && !insideDownTriangle(x, y, left: 21, right: 43, top: 21.5, bottom: 41.5)
    }

    private static func insideDownTriangle(_ x: Double, _ y: Double, left: Double, right: Double,
                                           top: Double, bottom: Double) -> Bool {
        guard y >= top, y <= bottom else { return false }
        let half = (right - left) / 2 * (bottom - y) / (bottom - top)
        let centre = (left + right) / 2
        return abs(x - centre) <= half
    }
}
