/// A Cloud Resource Name: `crn:v1:<cname>:<ctype>:<service-name>:<location>:<scope>:<service-instance>:<resource-type>:<resource>`.
public struct CRN: Sendable, Hashable, CustomStringConvertible {
    public let raw: String
    public let cname: String
    public let ctype: String
    public let serviceName: String
    public let location: String
    public let scope: String
    public let serviceInstance: String
    public let resourceType: String
    public let resource: String

    /// Parses a CRN; `nil` when it does not start with `crn:` or has fewer than ten segments.
    public init?(_ raw: String) {
        let parts = raw.split(separator: ":", maxSplits: 9, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 10, parts[0] == "crn" else { return nil }
        self.raw = raw
        cname = parts[2]
        ctype = parts[3]
        serviceName = parts[4]
        location = parts[5]
        scope = parts[6]
        serviceInstance = parts[7]
        resourceType = parts[8]
        resource = parts[9]
    }

    /// The account id of an `a/<account>` scope.
    public var accountID: String? {
        scope.hasPrefix("a/") ? String(scope.dropFirst(2)) : nil
    }

    public var description: String { raw }
}
