/// A Cloud Resource Name: `crn:v1:<cname>:<ctype>:<service-name>:<location>:<scope>:<service-instance>:<resource-type>:<resource>`.
package struct CRN: Sendable, Hashable, CustomStringConvertible {
    package let raw: String
    package let cname: String
    package let ctype: String
    package let serviceName: String
    package let location: String
    package let scope: String
    package let serviceInstance: String
    package let resourceType: String
    package let resource: String

    /// Parses a CRN; `nil` when it does not start with `crn:` or has fewer than ten segments.
    package init?(_ raw: String) {
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
    package var accountID: String? {
        scope.hasPrefix("a/") ? String(scope.dropFirst(2)) : nil
    }

    package var description: String { raw }
}
