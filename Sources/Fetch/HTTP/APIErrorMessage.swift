import Foundation

/// One clear line from an IBM Cloud error body, whichever of its shapes the API used:
/// `{"errorCode","errorMessage"}` (IAM Identity), `{"errors":[{"code","message"}],"status_code"}` (Access Groups,
/// Policy Management), `{"message"}` / `{"error"}` (others).
package enum APIErrorMessage {
    /// "HTTP 404: not_found: no such policy", or "HTTP 404" when the body says nothing.
    package static func line(status: Int, body: Data) -> String {
        let prefix = "HTTP \(status)"
        return message(body).map { "\(prefix): \($0)" } ?? prefix
    }

    /// What the body says, without the status ("not_found: no such policy"); `nil` when it says nothing. For places
    /// that show the status beside it already, such as a forbidden collection's manifest entry (its `http_status`).
    static func message(_ body: Data) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else {
            let text = String(decoding: body.prefix(200), as: UTF8.self)
                .components(separatedBy: .newlines).joined(separator: " ").trimmingCharacters(in: .whitespaces)
            return text.isEmpty ? nil : text
        }
        if let code = object["errorCode"] as? String {
            return "\(code): \(object["errorMessage"] as? String ?? "")"
        }
        if let errors = object["errors"] as? [[String: Any]], !errors.isEmpty {
            let parts = errors.map { error in
                [error["code"] as? String, error["message"] as? String].compactMap { $0 }.joined(separator: ": ")
            }
            return parts.joined(separator: "; ")
        }
        for key in ["message", "error_description", "error"] {
            if let message = object[key] as? String { return message }
        }
        return nil
    }
}
