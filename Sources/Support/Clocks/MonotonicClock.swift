#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Seconds on the monotonic clock, for time limits, `:time` and progress rates:
/// a wall-clock change neither fires nor delays anything measured with it.
public func monotonicSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) * 1e-9
}

/// A time from `monotonicSeconds()` as a `timespec`, for `pthread_cond_timedwait` on a
/// condition using `CLOCK_MONOTONIC`; capped far in the future so infinity stays valid.
public func monotonicTimespec(_ seconds: Double) -> timespec {
    let capped = Swift.min(seconds, 1e12)
    let whole = capped.rounded(.down)
    let nanoseconds = Swift.min(Int((capped - whole) * 1e9), 999_999_999)
    return timespec(tv_sec: Int(whole), tv_nsec: nanoseconds)
}
