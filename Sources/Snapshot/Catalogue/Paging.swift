/// How an IBM Cloud API pages its lists, and where each response puts the cursor of the next page. Only the cursor is
/// taken from a response: the next request is built from the configured base URL, so a response can never send the
/// bearer token to another host.
package enum Paging: Sendable, Equatable {
    /// IAM Identity: `pagesize`/`pagetoken`; `next` is an absolute URL string carrying `pagetoken`.
    case pageToken
    /// IAM Identity templates and assignments: `limit`/`pagetoken`; `next` as for `pageToken`.
    case limitPageToken
    /// Access Groups: `limit`/`offset`; `next.href` carries `offset`.
    case offset
    /// Policy Management: `limit`/`start`; `next.start`.
    case start
    /// Resource Controller (`start`) and User Management (`_start`): `next_url` (relative or absolute) carries it;
    /// `null` or absent at the end.
    case nextURL(parameter: String)
    /// Not paged.
    case none
}
