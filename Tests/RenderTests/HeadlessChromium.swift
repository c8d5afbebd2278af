import Foundation
import TestSupport

/// Debian's `chromium` (installed by `scripts/bootstrap`), run headless on a page with the HTML explorer's test hook,
/// reading back the verdict the page writes into `<pre id="selftest">`.
enum HeadlessChromium {
    static let executable = URL(fileURLWithPath: "/usr/bin/chromium")
    static var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: executable.path) }

    /// What the page's self-test reports.
    struct Verdict: Decodable {
        let errors: [String]
        let blocked: [String]
        let found: Int
        let highlighted: [String]
        let near: Int
        /// Whether the highlighted copy covers its original on the screen (`nil` when nothing is highlighted).
        let aligned: Bool?
        let ready: Double
        let firstFrame: Double?
        let nodes: Int
    }

    /// Opens `page` (written to a temporary file) at `#selftest=search:<query>` and returns the verdict, waiting up
    /// to `budget` seconds of the browser's virtual time (a page of thousands of nodes needs more than the default).
    static func selfTest(_ page: Data, search query: String, budget: Int = 10) async throws -> Verdict {
        let directory = try TemporaryDirectory.make("iamgraph-chromium")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("map.html")
        try page.write(to: file)
        let fragment = query.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        let result = try await ProcessRunner.run(executable, [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
            "--user-data-dir=" + directory.appendingPathComponent("profile").path,
            "--virtual-time-budget=\(budget * 1_000)", "--dump-dom", file.absoluteString + "#selftest=search:" + fragment,
        ])
        guard let start = result.stdout.range(of: "<pre id=\"selftest\">"),
              let end = result.stdout.range(of: "</pre>", range: start.upperBound..<result.stdout.endIndex)
        else {
            throw Failure(message: "no verdict in the page (status \(result.status)): \(result.stderr.suffix(2_000))")
        }
        let json = String(result.stdout[start.upperBound..<end.lowerBound])
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
        return try JSONDecoder().decode(Verdict.self, from: Data(json.utf8))
    }

    struct Failure: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }
}
