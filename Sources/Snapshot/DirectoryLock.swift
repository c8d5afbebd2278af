import Foundation

/// An exclusive advisory lock (`flock(2)`) on a directory, held until the value is released — or until the process
/// ends, however it ends: the kernel drops the lock with the process, so a killed holder never leaves it behind and
/// no process id can be mistaken for a living one.
final class DirectoryLock {
    private let descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// Locks `directory`, waiting while another process holds it; `nil` when its file system cannot lock (some
    /// network file systems), so that writing there still works, unguarded.
    static func acquire(_ directory: URL) throws -> DirectoryLock? {
        let descriptor = try openDirectory(directory)
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                close(descriptor)
                return nil
            }
        }
        return DirectoryLock(descriptor: descriptor)
    }

    /// Locks `directory` if no other process holds it; `nil` when one does.
    static func attempt(_ directory: URL) throws -> DirectoryLock? {
        let descriptor = try openDirectory(directory)
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            if code == EINTR { continue }
            close(descriptor)
            if code == EWOULDBLOCK { return nil }
            throw SnapshotWriteError.io("cannot lock \(directory.path)", underlying: POSIXError.current(code))
        }
        return DirectoryLock(descriptor: descriptor)
    }

    private static func openDirectory(_ directory: URL) throws -> Int32 {
        let descriptor = open(directory.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw SnapshotWriteError.io("cannot open \(directory.path)", underlying: POSIXError.current())
        }
        return descriptor
    }
}

extension POSIXError {
    /// The error `code` names (by default `errno`, read now).
    static func current(_ code: Int32 = errno) -> POSIXError {
        POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
    }
}
