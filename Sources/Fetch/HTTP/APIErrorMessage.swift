import Foundation

/// One clear line from an IBM Cloud error body, whichever of its shapes the API used:
/// `{"errorCode","errorMessage"}` (IAM Identity), `{"errors":[{"code","message"}],"status_code"}` (Access Groups,
/// Policy Management), `{"message"}` / `{"error"}` (others).
enum APIErrorMessage {
    static func line(status: Int, body: Data) -> String {
        let prefix = "HTTP \(status)"
        guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else {
            let text = String(decoding: body.prefix(200), as: UTF8.self)
                .components(separatedBy: .newlines).joined(separator: " ").trimmingCharacters(in: .whitespaces)
            return text.isEmpty ? prefix : "\(prefix): \(text)"
        }
        if let code = object["errorCode"] as? String {
            return "\(prefix): \(code): \(object["errorMessage"] as? String ?? "")"
        }
        if let errors = object["errors"] as? [[String: Any]], !errors.isEmpty {
            let parts = errors.map { error in
                [error["code"] as? String, error["message"] as? String].compactMap { $0 }.joined(separator: ": ")
            }
            return "\(prefix): " + parts.joined(separator: "; ")
        }
        for key in ["message", "error_description", "error"] {
            if let message = object[key] as? String { return "\(prefix): \(message)" }
        }
        return prefix
    }
}
