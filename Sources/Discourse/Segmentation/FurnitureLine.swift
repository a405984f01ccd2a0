/// What the furniture search (``FurnitureLayout``) and the line labels read of one line's
/// ``LineFeatures``, copied into 24 bytes: a page's segmentation keeps one per line through the
/// furniture search, and a million-line page cannot keep the full features (#12).
///
/// The names are the features' own, so the search reads a `FurnitureLine` as it read the features;
/// a feature it starts to read must be added here (the compiler says so). Counts keep their width
/// except `tokens`, which saturates at 65,535 (the search compares it with small numbers only).
package struct FurnitureLine: Sendable {
    /// ``LineFeatures/shape`` on local furniture, else ``LineFeatures/dateShape``: the search reads
    /// the first only of local furniture and the second only of other lines (`FurnitureScan.kindOf`).
    private var kindShape: UInt64 = 0
    package var words: UInt16 = 0
    private var tokenCount: UInt16 = 0
    package var numbers: UInt8 = 0
    package var nameWords: UInt8 = 0
    package var mentions: UInt8 = 0
    package var questions: UInt8 = 0
    package var exclamations: UInt8 = 0
    package var metaReferences: UInt8 = 0
    package var praise: UInt8 = 0
    package var firstPerson: UInt8 = 0
    package var secondPerson: UInt8 = 0
    private var flags: Flags = []

    struct Flags: OptionSet, Sendable {
        let rawValue: UInt16
        static let saysColon = Flags(rawValue: 1 << 0)
        static let hasAgo = Flags(rawValue: 1 << 1)
        static let postedBy = Flags(rawValue: 1 << 2)
        static let listItem = Flags(rawValue: 1 << 3)
        static let dateInParens = Flags(rawValue: 1 << 4)
        static let hasTime = Flags(rawValue: 1 << 5)
        static let hasDate = Flags(rawValue: 1 << 6)
        static let dateOnly = Flags(rawValue: 1 << 7)
        static let nameLike = Flags(rawValue: 1 << 8)
        static let endsLikeSentence = Flags(rawValue: 1 << 9)
        static let sectionHeader = Flags(rawValue: 1 << 10)
        static let voteCount = Flags(rawValue: 1 << 11)
        static let furnitureOnly = Flags(rawValue: 1 << 12)
        static let boilerplate = Flags(rawValue: 1 << 13)
        static let endsWithColon = Flags(rawValue: 1 << 14)
        static let isLocalFurniture = Flags(rawValue: 1 << 15)
    }

    /// A line with no features (a blank line).
    package init() {}

    package init(_ x: LineFeatures) {
        kindShape = x.isLocalFurniture ? x.shape : x.dateShape
        words = x.words
        tokenCount = UInt16(clamping: x.tokens)
        numbers = x.numbers
        nameWords = x.nameWords
        mentions = x.mentions
        questions = x.questions
        exclamations = x.exclamations
        metaReferences = x.metaReferences
        praise = x.praise
        firstPerson = x.firstPerson
        secondPerson = x.secondPerson
        @inline(__always) func bit(_ on: Bool, _ flag: Flags) -> UInt16 { on ? flag.rawValue : 0 }
        let first =
            bit(x.saysColon, .saysColon) | bit(x.hasAgo, .hasAgo) | bit(x.postedBy, .postedBy)
            | bit(x.listItem, .listItem) | bit(x.dateInParens, .dateInParens) | bit(x.hasTime, .hasTime)
            | bit(x.hasDate, .hasDate) | bit(x.dateOnly, .dateOnly)
        let second =
            bit(x.nameLike, .nameLike) | bit(x.endsLikeSentence, .endsLikeSentence)
            | bit(x.sectionHeader, .sectionHeader) | bit(x.voteCount, .voteCount)
            | bit(x.furnitureOnly, .furnitureOnly) | bit(x.boilerplate, .boilerplate)
            | bit(x.endsWithColon, .endsWithColon) | bit(x.isLocalFurniture, .isLocalFurniture)
        flags = Flags(rawValue: first | second)
    }

    /// What the labels of a line after the first few read: boilerplate and local furniture.
    package init(boilerplate: Bool, isLocalFurniture: Bool) {
        if boilerplate { flags.insert(.boilerplate) }
        if isLocalFurniture { flags.insert(.isLocalFurniture) }
    }

    /// The line's shape hash, kept on local furniture only (0 on other lines).
    package var shape: UInt64 { isLocalFurniture ? kindShape : 0 }
    /// The shape from the first date on, kept on lines that are not local furniture (0 on those).
    package var dateShape: UInt64 { isLocalFurniture ? 0 : kindShape }
    package var tokens: Int { Int(tokenCount) }
    package var saysColon: Bool { flags.contains(.saysColon) }
    package var hasAgo: Bool { flags.contains(.hasAgo) }
    package var postedBy: Bool { flags.contains(.postedBy) }
    package var listItem: Bool { flags.contains(.listItem) }
    package var dateInParens: Bool { flags.contains(.dateInParens) }
    package var hasTime: Bool { flags.contains(.hasTime) }
    package var hasDate: Bool { flags.contains(.hasDate) }
    package var dateOnly: Bool { flags.contains(.dateOnly) }
    package var nameLike: Bool { flags.contains(.nameLike) }
    package var endsLikeSentence: Bool { flags.contains(.endsLikeSentence) }
    package var sectionHeader: Bool { flags.contains(.sectionHeader) }
    package var voteCount: Bool { flags.contains(.voteCount) }
    package var furnitureOnly: Bool { flags.contains(.furnitureOnly) }
    package var boilerplate: Bool { flags.contains(.boilerplate) }
    package var endsWithColon: Bool { flags.contains(.endsWithColon) }
    /// ``LineFeatures/isLocalFurniture``, as the features computed it.
    package var isLocalFurniture: Bool { flags.contains(.isLocalFurniture) }
}
