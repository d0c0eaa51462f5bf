import Testing

/// Parent of the language suites. They run in parallel: each interpreter owns its
/// interruption token and random generator, so no test's session reaches another's.
@Suite struct LangSuite {}
