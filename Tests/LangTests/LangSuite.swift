import Testing

/// Parent of the language suites, run one test at a time: the interrupt test
/// sets the process-wide Ctrl-C flag, which would stop other chunks running
/// at the same moment.
@Suite(.serialized) struct LangSuite {}
