/// The version of iamgraph, recorded in every snapshot it writes and sent as its User-Agent.
public enum ToolVersion {
    public static let current = "0.1.0"
}
