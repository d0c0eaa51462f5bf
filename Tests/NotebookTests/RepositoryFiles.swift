import Support

/// The repository root, found from this file's path.
let repositoryRoot = String(#filePath.prefix(upTo: #filePath.range(of: "/Tests/")?.lowerBound ?? #filePath.endIndex))

/// Every `.gbook` in the repository's notebooks/ folder, sorted.
let shippedNotebooks: [String] = Directory.entries(repositoryRoot + "/notebooks")
    .filter { $0.hasSuffix(".gbook") }
    .map { repositoryRoot + "/notebooks/" + $0 }
