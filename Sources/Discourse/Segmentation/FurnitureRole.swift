/// What one furniture line does for the comments around it.
///
/// A run of furniture between two comment texts often holds the end of one comment and the start of
/// the next ("♥ 120 · Reply" then "@name · 4h"; "5" / "Reply" / "Kevin Marsh" / "2 days ago"). The
/// role says which comment a line describes, so an author is never credited to its neighbour.
package enum FurnitureRole: UInt8, Sendable {
    /// Not furniture, or furniture whose side is unknown (lone furniture outside a layout).
    case none
    /// Opens the comment whose text follows ("Kevin Marsh", "@name · 4h", "X says:").
    case header
    /// Closes the comment whose text precedes ("♥ 120 · Reply", "Posted by X | date", "5 points").
    case trailer
    /// Belongs to the comment section, not to one comment ("12 Comments", "Sort by: Newest").
    case section
}
