#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The calendar time, for names and dates people read; durations use `monotonicSeconds()`.
public enum WallClock {
    /// Whole seconds since 1970-01-01 UTC.
    public static func seconds() -> Int {
        Int(time(nil))
    }

    /// The current UTC time in ISO 8601 with microseconds, as Jupyter writes dates:
    /// `2026-11-24T22:00:00.123456Z`.
    public static func iso8601() -> String {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        var seconds = spec.tv_sec
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let micro = String(spec.tv_nsec / 1000)
        let fraction = String(repeating: "0", count: max(0, 6 - micro.count)) + micro
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T"
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)).\(fraction)Z"
    }
}
