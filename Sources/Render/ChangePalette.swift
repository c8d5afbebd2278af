extension Palette {
    /// Maps of changes (`iamgraph diff`): added nodes get a bold green border, added edges are green.
    static let added = "#228833"
    /// Privileged gains (new administrators, new rights to assign access): a heavy magenta border or line, so they
    /// stand out from ordinary gains.
    static let privilegedGain = "#EE3377"
    /// Removed nodes get a dashed red border, removed edges are red and dashed.
    static let removed = "#CC3311"
    /// Unchanged context: grey borders, lines and text…
    static let faded = "#BBBBBB"
    static let fadedText = "#999999"
    /// …and fills made translucent by this alpha (appended to the kind's `#RRGGBB` fill).
    static let fadeAlpha = "40"
}
