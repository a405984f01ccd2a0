/// What a non-ASCII scalar means to the scanner.
enum ScalarClass {
    case letter, mark, apostrophe, space, emoji, typographicPunctuation, punctuation, symbol

    static func of(_ v: UInt32) -> ScalarClass {
        switch v {
        case 0x2019, 0x2018, 0x02BC: return .apostrophe
        case 0x00A0, 0x2000...0x200B, 0x202F, 0x205F, 0x3000, 0xFEFF, 0x2028, 0x2029, 0x0085: return .space
        case 0x201C, 0x201D, 0x201E, 0x201A, 0x2013, 0x2014, 0x2015, 0x2026, 0x00AB, 0x00BB, 0x2022, 0x2032, 0x2033:
            return .typographicPunctuation
        case 0x1F000...0x1FAFF, 0x2600...0x27BF, 0x2B00...0x2BFF, 0x1F1E6...0x1F1FF:
            return .emoji
        default:
            break
        }
        guard let scalar = Unicode.Scalar(v) else { return .symbol }
        let properties = scalar.properties
        if properties.isAlphabetic { return .letter }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return .mark
        case .decimalNumber: return .letter
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation:
            return .punctuation
        case .spaceSeparator, .lineSeparator, .paragraphSeparator: return .space
        default:
            return properties.isEmoji && v >= 0x203C ? .emoji : .symbol
        }
    }

    /// Scalars that continue an emoji sequence: variation selectors, skin tones, keycap, tags.
    static func continuesEmoji(_ v: UInt32) -> Bool {
        v == 0xFE0F || v == 0xFE0E || (v >= 0x1F3FB && v <= 0x1F3FF) || v == 0x20E3 || (v >= 0xE0020 && v <= 0xE007F)
    }
}

/// ASCII emoticons, longest first so that `:-)` wins over `:-`.
let emoticonTable: [[UInt8]] = [
    ">:-(", ">:(", ":'-(", ":'(", ":-)", ":-(", ":-D", ":-P", ":-p", ":-/", ":-|", ":-*", ":-O", ":-o", ";-)",
    "</3", "^_^", "^^", "-_-", ":)", ":(", ":D", ":P", ":p", ":/", ":|", ":*", ":O", ":o", ";)", ";P", ";D",
    "=)", "=(", "=D", ":]", ":[", "<3", "XD", "xD", "xd", ":3", "8)",
].map { Array($0.utf8) }
