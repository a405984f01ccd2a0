/// What a token is, decided once by the ``Tokenizer`` so that every scorer agrees.
package enum TokenKind: UInt8, Sendable {
    /// Letters, digits, internal apostrophes, and in-word obfuscation symbols (`f*ck`, `a$$`).
    case word
    /// Digits with optional separators, currency or percent (`3.5`, `$100`, `10%`).
    case number
    /// `http://…`, `https://…`, `www.…`, or an e-mail address.
    case url
    /// `@name`.
    case mention
    /// `#topic`.
    case hashtag
    /// ASCII emoticon such as `:)`, `:-(`, `<3`, `:D`.
    case emoticon
    /// One emoji, including its modifiers, variation selectors and ZWJ sequence.
    case emoji
    /// A run of the same punctuation mark (`!!!`), or one typographic mark (`—`, `“`).
    case punctuation
    /// Anything else that is not whitespace.
    case symbol
}

/// Facts about a token's surface that the scorers use (casing, markup around it, obfuscation).
package struct TokenFlags: OptionSet, Sendable, Hashable {
    package let rawValue: UInt16
    package init(rawValue: UInt16) { self.rawValue = rawValue }

    /// Two or more letters and no lowercase letter (`GREAT`).
    package static let allCaps = TokenFlags(rawValue: 1 << 0)
    /// First letter uppercase, not all caps (`Harper`).
    package static let capitalized = TokenFlags(rawValue: 1 << 1)
    /// A letter repeated three or more times in a row (`sooo`, `haaappy`).
    package static let elongated = TokenFlags(rawValue: 1 << 2)
    /// Inside `~~strikethrough~~`: the writer withdrew these words.
    package static let struck = TokenFlags(rawValue: 1 << 3)
    /// On a `> quoted` line: someone else's words.
    package static let quoted = TokenFlags(rawValue: 1 << 4)
    /// Inside `*emphasis*`, `**strong**` or `_emphasis_`.
    package static let emphasized = TokenFlags(rawValue: 1 << 5)
    /// A word holding `*`, `$` or `@` between or after letters, or mixing letters and digits.
    package static let obfuscated = TokenFlags(rawValue: 1 << 6)
    /// Holds a non-ASCII character.
    package static let nonASCII = TokenFlags(rawValue: 1 << 7)
    /// Joined to the previous token by a hyphen (`down-to-earth` gives `down`, `to`, `earth`).
    package static let hyphenJoined = TokenFlags(rawValue: 1 << 8)
    /// A word that holds digits.
    package static let hasDigit = TokenFlags(rawValue: 1 << 9)
    /// Typographic punctuation (curly quotes, dashes, ellipsis), as publishers set it.
    package static let typographic = TokenFlags(rawValue: 1 << 10)
    /// Preceded by whitespace or the start of the text.
    package static let spaceBefore = TokenFlags(rawValue: 1 << 11)
}

/// One token of a ``TokenizedText``: where it is, its normalised form's hash, its kind and flags.
///
/// Offsets are into `TokenizedText.bytes` (surface) and `TokenizedText.normalized` (lowercased form),
/// so a token costs no allocation of its own.
package struct Token: Sendable {
    package var start: Int32
    package var end: Int32
    package var normStart: Int32
    package var normEnd: Int32
    /// ``TermHash`` of the normalised form: the key every lexicon lookup uses.
    package var key: UInt64
    package var kind: TokenKind
    package var flags: TokenFlags
    /// 0-based sentence index within the text.
    package var sentence: Int32

    @inlinable package var length: Int { Int(end - start) }
}
