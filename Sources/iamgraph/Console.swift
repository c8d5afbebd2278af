import Foundation
import Reports

/// stdout for data, stderr for everything else.
enum Console {
    static func output(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// One line on stderr, through `TerminalText`: messages quote names, ids, paths and API answers.
    static func error(_ line: String) {
        FileHandle.standardError.write(Data((TerminalText.clean(line) + "\n").utf8))
    }
}
