import Foundation

/// The hidden siblings a write works in: `.NAME.partial-<pid>-<random>` (the new content while it is written) and
/// `.NAME.previous-<pid>-<random>` (the old content while it is swapped out, where the file system cannot exchange two
/// directories in one step). Only a writer holding the parent directory's lock creates them, so under that lock any
/// that exist were left by a writer that died (SIGKILL, power loss) and are swept.
enum StagingDirectory {
    /// A fresh staging name beside `target`.
    static func url(beside target: URL, role: Role) -> URL {
        let token = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0 ... .max))"
        return target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).\(role.rawValue)-\(token)")
    }

    enum Role: String {
        case partial, previous
    }

    /// Removes what dead writers left beside `target`; call it holding the parent directory's lock. A previous snapshot
    /// swapped out by a writer that died before moving the new one in is put back where it was; else it is removed.
    /// Returns the paths removed or restored.
    @discardableResult
    static func sweep(beside target: URL) -> [URL] {
        let fm = FileManager.default
        let parent = target.deletingLastPathComponent()
        let name = target.lastPathComponent
        let entries = ((try? fm.contentsOfDirectory(atPath: parent.path)) ?? []).sorted()
        var swept: [URL] = []
        for role in [Role.previous, .partial] {
            for entry in entries where entry.hasPrefix(".\(name).\(role.rawValue)-") {
                let url = parent.appendingPathComponent(entry)
                if role == .previous, !AtomicDirectory.exists(target), (try? fm.moveItem(at: url, to: target)) != nil {
                    swept.append(url)
                } else if (try? fm.removeItem(at: url)) != nil {
                    swept.append(url)
                }
            }
        }
        return swept
    }
}
