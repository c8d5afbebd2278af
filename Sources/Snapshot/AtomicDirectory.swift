import Foundation

/// Replaces a directory's content as one step: write everything to a temporary sibling, then swap it into place.
enum AtomicDirectory {
    static func replace(_ destination: URL, with files: [String: Data], ownedNames: Set<String>) throws {
        let fm = FileManager.default
        let parent = destination.deletingLastPathComponent()
        let name = destination.lastPathComponent
        let token = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0 ... .max))"
        let staging = parent.appendingPathComponent(".\(name).partial-\(token)")
        let previous = parent.appendingPathComponent(".\(name).previous-\(token)")

        var isDirectory: ObjCBool = false
        let exists = fm.fileExists(atPath: destination.path, isDirectory: &isDirectory)
        var kept: [String] = []
        if exists {
            let entries = (try? fm.contentsOfDirectory(atPath: destination.path)) ?? []
            guard isDirectory.boolValue, entries.isEmpty || entries.contains(Manifest.fileName) else {
                throw SnapshotWriteError.notASnapshotDirectory(destination)
            }
            kept = entries.filter { !ownedNames.contains($0) }
        }

        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
            try fm.createDirectory(at: staging, withIntermediateDirectories: false)
            for (path, data) in files {
                let url = staging.appendingPathComponent(path)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
            }
            for entry in kept {
                try fm.copyItem(at: destination.appendingPathComponent(entry), to: staging.appendingPathComponent(entry))
            }
        } catch {
            try? fm.removeItem(at: staging)
            throw SnapshotWriteError.io("cannot write \(staging.path)", underlying: error)
        }

        if exists {
            do {
                try fm.moveItem(at: destination, to: previous)
            } catch {
                try? fm.removeItem(at: staging)
                throw SnapshotWriteError.io("cannot move \(destination.path) aside", underlying: error)
            }
        }
        do {
            try fm.moveItem(at: staging, to: destination)
        } catch {
            if exists { try? fm.moveItem(at: previous, to: destination) }
            try? fm.removeItem(at: staging)
            throw SnapshotWriteError.io("cannot move the new snapshot into \(destination.path)", underlying: error)
        }
        if exists { try? fm.removeItem(at: previous) }
    }
}
