import Analysis
import Foundation
import GitSnapshot
import Model
import Testing
import TestSupport

/// A temporary repository with two commits of `snap/`: the demo, then the edited demo.
struct DemoRepository {
    let pair: DemoPair
    var url: URL { pair.root.appendingPathComponent("repo") }
    var snapshot: URL { url.appendingPathComponent("snap") }

    init() async throws {
        pair = try DemoPair()
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for arguments in [["init", "-q"], ["config", "user.name", "iamgraph tests"],
                          ["config", "user.email", "tests@example.com"], ["config", "commit.gpgsign", "false"]] {
            try await git(arguments)
        }
        try FileManager.default.copyItem(at: pair.old, to: snapshot)
        try await git(["add", "-A"])
        try await git(["commit", "-q", "-m", "demo"])
        try FileManager.default.removeItem(at: snapshot)
        try FileManager.default.copyItem(at: pair.new, to: snapshot)
        try await git(["add", "-A"])
        try await git(["commit", "-q", "-m", "one membership, one role, one policy, one instance"])
    }

    @discardableResult
    func git(_ arguments: [String]) async throws -> String {
        let result = try await ProcessRunner.git(url, arguments)
        guard result.status == 0 else { throw GitFailure(message: result.stderr) }
        return result.stdout
    }

    struct GitFailure: Error { let message: String }

    func account(_ revision: String) throws -> IAMAccount {
        AccountLoader.load(try GitSnapshotReader.load(revision: revision, path: "snap", repository: url)).account
    }
}

@Suite struct GitModeTests {
    @Test func revisionsCompareLikeDirectories() async throws {
        let repository = try await DemoRepository()
        defer { repository.pair.remove() }
        let head = try await repository.git(["rev-parse", "HEAD"])

        let fromGit = try SnapshotDiff(old: repository.account("HEAD~1"), new: repository.account("HEAD"))
        let fromDirectories = try SnapshotDiff(old: DemoPair.load(repository.pair.old), new: DemoPair.load(repository.pair.new))
        #expect(fromGit.entities == fromDirectories.entities)
        #expect(fromGit.access == fromDirectories.access)
        #expect(!fromGit.isEmpty)

        // Nothing was checked out or changed.
        #expect(try await repository.git(["status", "--porcelain"]).isEmpty)
        #expect(try await repository.git(["rev-parse", "HEAD"]) == head)
    }

    @Test func theCommandExitsOneOnChanges() async throws {
        let repository = try await DemoRepository()
        defer { repository.pair.remove() }
        let changed = try await ProcessRunner.iamgraph(["diff", "--git", "HEAD~1", "HEAD", "snap", "--repo", repository.url.path])
        #expect(changed.status == 1)
        #expect(changed.stdout.hasPrefix("--- HEAD~1:snap\t"))
        let same = try await ProcessRunner.iamgraph(["diff", "--git", "HEAD", "HEAD", "snap", "--repo", repository.url.path])
        #expect(same.status == 0)
        #expect(same.stdout.isEmpty)
    }

    @Test func worksFromAnyDirectoryInsideTheRepository() async throws {
        let repository = try await DemoRepository()
        defer { repository.pair.remove() }
        let deep = repository.url.appendingPathComponent("reviews/2026")
        try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)
        // Relative to the directory (like git's own paths), or from the top of the work tree.
        for path in ["../../snap", "snap"] {
            let result = try await ProcessRunner.iamgraph(["diff", "--git", "HEAD~1", "HEAD", path, "--repo", deep.path])
            #expect(result.status == 1, "\(path): \(result.stderr)")
            #expect(result.stdout.contains("@@ causes: "), "\(path)")
        }
    }

    @Test func unreadableRevisionsSaySo() async throws {
        let repository = try await DemoRepository()
        defer { repository.pair.remove() }
        #expect {
            try GitSnapshotReader.load(revision: "HEAD~7", path: "snap", repository: repository.url)
        } throws: { error in
            guard case .gitFailed(_, _, let message) = error as? GitSnapshotError else { return false }
            return message.contains("HEAD~7")
        }
        #expect {
            try GitSnapshotReader.load(revision: "HEAD", path: "snap/manifest.json", repository: repository.url)
        } throws: { error in
            guard case .notADirectory(_, _, "blob") = error as? GitSnapshotError else { return false }
            return true
        }
        #expect(throws: GitSnapshotError.self) {
            try GitSnapshotReader.load(revision: "--output=/tmp/x", path: "snap", repository: repository.url)
        }
        let result = try await ProcessRunner.iamgraph(["diff", "--git", "HEAD~7", "HEAD", "snap", "--repo", repository.url.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("invalid object name 'HEAD~7'"))
    }
}
