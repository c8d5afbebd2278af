/// The version of iamgraph, recorded in every snapshot it writes and sent as its User-Agent.
package enum ToolVersion {
    package static let current = "0.1.0"
}
