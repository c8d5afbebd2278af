import Fetch
import Foundation
import Reports
import Snapshot

/// Shows a fetch's progress on stderr: a live line on a terminal, plain log lines otherwise; stdout stays clean.
final class FetchProgressDisplay: @unchecked Sendable {
    enum Mode { case quiet, normal, verbose }

    private let mode: Mode
    private let live = isatty(STDERR_FILENO) != 0
    private let lock = NSLock()
    private var timer: DispatchSourceTimer?
    private var statistics: FetchStatistics?

    init(mode: Mode) { self.mode = mode }

    func start(statistics: FetchStatistics) {
        self.statistics = statistics
        guard live, mode != .quiet else { return }
        let timer = DispatchSource.makeTimerSource(queue: .global())
        timer.schedule(deadline: .now(), repeating: .milliseconds(200))
        timer.setEventHandler { [weak self] in self?.redraw() }
        timer.resume()
        self.timer = timer
    }

    func stop() {
        timer?.cancel()
        timer = nil
        if live, mode != .quiet { write("\r\u{1B}[2K") }
    }

    /// Receives the fetcher's events (on any thread).
    var handle: @Sendable (FetchEvent) -> Void {
        { [self] event in
            switch event {
            case .collection(let kind, let status, let items, let message):
                if status != .ok {
                    line("iamgraph: \(kind.name): \(status.rawValue): \(message ?? "")")
                } else if mode != .quiet {
                    if let message { line("iamgraph: \(kind.name): \(message)") }
                    if !live { line("iamgraph: \(kind.name): \(items) \(items == 1 ? "item" : "items")") }
                }
            case .retry(let endpoint, let reason, let delay):
                if mode == .verbose { line("iamgraph: retrying \(endpoint) in \(String(format: "%.1f", delay)) s: \(reason)") }
            case .note(let text):
                if mode != .quiet { line("iamgraph: \(text)") }
            }
        }
    }

    /// The "wrote …" line (not with `--quiet`, which prints errors only), and always the reports of the volatile area
    /// the snapshot replaced held and the new one lacks, the collections left unknown and where a partial snapshot went.
    func summary(_ report: FetchReport, snapshot: String) {
        let s = report.statistics
        let incomplete = report.incomplete
        let written: String
        switch report.placement {
        case .inPlace: written = snapshot
        case .beside(let url, _): written = url.path
        }
        if mode != .quiet {
            line("iamgraph: wrote \(written): account \(report.accountID), \(report.manifest.collections.count - incomplete.count) "
                 + "of \(report.manifest.collections.count) collections, \(s.items) items, \(s.requests) requests, "
                 + "\(s.retries) retries, \(String(format: "%.1f", s.elapsed)) s")
        }
        for removed in report.removedReports { line("iamgraph: warning: \(removed.message)") }
        if !incomplete.isEmpty {
            line("iamgraph: partial snapshot: \(incomplete.count) collection(s) unknown:")
            for (name, entry) in incomplete {
                line("  \(name): \(entry.status.rawValue)\(entry.httpStatus.map { " (HTTP \($0))" } ?? ""): \(entry.message ?? "")")
            }
        }
        if case .beside(let url, let reason) = report.placement {
            let why: String
            switch reason {
            case .wouldLose(let names): why = "it holds \(names.joined(separator: ", ")), which this fetch could not read"
            case .unreadableManifest: why = "its manifest cannot be read, so what it holds is unknown"
            case .otherScope(let scope): why = "it covers \(scope), this fetch \(report.manifest.scope) only"
            }
            line("iamgraph: \(snapshot) was left as it was (\(why)); the partial snapshot is in \(url.path); "
                 + "--allow-partial lets a partial snapshot replace it")
        }
    }

    private func redraw() {
        guard let s = statistics?.current else { return }
        write("\r\u{1B}[2K" + "fetching: \(s.collectionsDone)/\(s.collectionsTotal) collections, \(s.requests) requests, "
              + "\(s.items) items, \(s.retries) retries, \(String(format: "%.1f", s.elapsed)) s")
    }

    /// One log line; its text (collection messages, API answers, ids) goes through `TerminalText`.
    private func line(_ text: String) {
        write((live && mode != .quiet ? "\r\u{1B}[2K" : "") + TerminalText.clean(text) + "\n")
    }

    private func write(_ text: String) {
        lock.withLock { FileHandle.standardError.write(Data(text.utf8)) }
    }
}
