import Testing
@testable import Lang
