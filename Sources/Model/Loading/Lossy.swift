/// Decodes an item without failing its container: a bad item becomes an error (with its full coding path) and the
/// items around it still load.
struct Lossy<Value: Decodable>: Decodable {
    let result: Result<Value, any Error>

    init(from decoder: any Decoder) throws {
        do {
            result = .success(try Value(from: decoder))
        } catch {
            result = .failure(error)
        }
    }
}
