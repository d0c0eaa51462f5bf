import ArgumentParser

@main
struct Gradbook: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gradbook",
        abstract: "A notebook-style REPL for tensors, autodiff and small networks.")

    func run() throws {
        print("gradbook")
    }
}
