import ArgumentParser
import Foundation

/// Catches SIGINT and SIGTERM for a clean stop: the first one runs `first` with the signal's number, and any further
/// one ends the process at once (`ExitCode.interrupted`), whatever the first is still doing.
final class SignalTrap: @unchecked Sendable {
    private let queue = DispatchQueue(label: "iamgraph.signals")
    // Only touched on `queue`.
    private var sources: [DispatchSourceSignal] = []
    private var caught = false

    init(_ signals: [Int32] = [SIGINT, SIGTERM], first: @escaping @Sendable (Int32) -> Void) {
        queue.sync {
            for (index, number) in signals.enumerated() {
                signal(number, SIG_IGN)  // delivered to the dispatch source only
                let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
                source.setEventHandler { [unowned self] in
                    caught(number, times: sources[index].data, first: first)
                }
                source.resume()
                sources.append(source)
            }
        }
    }

    private func caught(_ number: Int32, times: UInt, first: @Sendable (Int32) -> Void) {
        if caught || times > 1 { exit(ExitCode.interrupted(by: number).rawValue) }
        caught = true
        first(number)
    }
}
