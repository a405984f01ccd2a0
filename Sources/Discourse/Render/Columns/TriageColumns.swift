/// The triage columns of `comments score` and `comments triage` rows (CSV, JSON Lines, JSON).
package enum TriageColumns {
    /// The weights the help texts quote (the shipped ones).
    static let w = TriageWeights()

    package static let all: [Column] = [
        Column(
            "priority", .number,
            help:
                "number 0..1: how urgently a moderator should look: the noisy-or 1 − ∏(1 − wᵢxᵢ) of toxicity, \(w.threatBoost) × threat, \(w.identityBoost) × identity_attack, \(w.spam) × spam, \(w.shoutingInPriority) × shouting, \(w.negativity) × the negative share of sentiment, \(w.opinion) × opinion words said of things (evidence category negative), \(w.heated) × heated words (evidence category heated: words annotators mostly marked as the rude part of rude comments) and \(w.drift) × drift off the article, where toxicity, shouting, negative share, opinion and heated words\(w.dilutesSpam ? " and spam (unless it makes an offer: a money promise or a phone number beside a promotion)" : "") are multiplied by a long comment's dilution min(1, (\(Int(w.dilutionWords)) / words)^\(w.dilutionExponent)) (opinion and heated words together at most \(w.wordsCap)) and threat\(w.dilutesSpam ? " and identity_attack are" : ", identity_attack and spam are") not; flagged at >= 0.5"
        ) { c, _ in
            .number(c.triage.priority)
        },
        Column(
            "reasons", .label,
            help:
                "labels joined by ';': the categories that fired, strongest first (insult, profanity, threat, identity_attack, shouting, spam, negative: a strongly negative tone or heated opinion words, drift)"
        ) { c, _ in
            .text(c.triage.reasonList)
        },
        Column(
            "toxicity", .number,
            help:
                "number 0..1: overall rudeness, the noisy-or of its parts: 1 − (1 − insult)(1 − \(w.profanity) × profanity)(1 − threat)(1 − identity_attack), so 0 when all four are 0; a lexicon heuristic, not a model"
        ) { c, _ in
            .number(c.triage.toxicity)
        },
        Column(
            "insult", .number,
            help:
                "number 0..1: insulting words, strongest when aimed at someone (\"you idiot\", \"Harper is a fool\"), weaker under negation or as a mention; words with an ordinary sense (\"lying\", \"crap\") need an insulting frame, and opinions about things (\"a ridiculous fee\") are no insult"
        ) { c, _ in
            .number(c.triage.insult)
        },
        Column(
            "profanity", .number,
            help: "number 0..1: swear words and obscenities, also obfuscated (f*ck, sh1t, f u c k)"
        ) { c, _ in
            .number(c.triage.profanity)
        },
        Column(
            "threat", .number,
            help:
                "number 0..1: threats of violence: intent, a violent act and a target (\"I will break your legs\", also after \"if …\"), calls (\"should be shot\"), wishes of harm (\"hope you die\"); idioms (\"killing me\") do not count"
        ) {
            c, _ in
            .number(c.triage.threat)
        },
        Column(
            "identity_attack", .number,
            help:
                "number 0..1: slurs; insults, dehumanising comparisons, stereotypes and calls for removal aimed at a group (\"X should be deported\"); telling people to go back where they came from; a group named alone is never an attack"
        ) { c, _ in
            .number(c.triage.identityAttack)
        },
        Column("shouting", .number, help: "number 0..1: capitals and runs of ! and ?") { c, _ in
            .number(c.triage.shouting)
        },
        Column(
            "spam", .number,
            help:
                "number 0..1: money promises, work-from-home and contact bait, links (little for known sites, more for unknown domains and shorteners), phone numbers beside a promotion, text repeated within the file, floods; >= 0.5 flags a comment on its own"
        ) { c, _ in
            .number(c.triage.spam)
        },
    ]

    /// Filled only with `--explain`: the words behind the triage scores.
    package static let explainColumns: [Column] = [
        Column(
            "triage_evidence", .text,
            help:
                "the words behind every non-zero triage score, strongest first; JSON: an array of {\"category\", \"text\", \"begin\", \"end\", \"score\"} with begin/end offsets into the comment text in UTF-16 code units (end exclusive, as Perspective API's spans); CSV and tables: 'category: words score @begin-end' joined by '; '"
        ) { c, _ in
            TriageRenderer.evidenceCell(c.triage)
        }
    ]
}
