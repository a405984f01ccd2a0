/// The triage columns of `comments score` and `comments triage` rows (CSV, JSON Lines, JSON).
public enum TriageColumns {
    public static let all: [Column] = [
        Column(
            "priority", .number,
            help:
                "number 0..1: how urgently a moderator should look (toxicity, threats, identity attacks and spam raised; sentiment and drift when available)"
        ) { c, _ in
            .number(c.triage.priority)
        },
        Column(
            "reasons", .label,
            help:
                "labels joined by ';': the categories that fired, strongest first (insult, profanity, threat, identity_attack, shouting, spam, negative, drift)"
        ) { c, _ in
            .text(c.triage.reasonList)
        },
        Column(
            "toxicity", .number,
            help:
                "number 0..1: overall rudeness (insult, profanity, threat, identity attack combined); a lexicon heuristic, not a model"
        ) { c, _ in
            .number(c.triage.toxicity)
        },
        Column(
            "insult", .number,
            help:
                "number 0..1: insulting words, strongest when aimed at someone (\"you idiot\", \"Harper is a fool\"), weaker under negation or as a mention"
        ) { c, _ in
            .number(c.triage.insult)
        },
        Column(
            "profanity", .number,
            help: "number 0..1: swear words and obscenities, also obfuscated (f*ck, sh1t, f u c k)"
        ) { c, _ in
            .number(c.triage.profanity)
        },
        Column("threat", .number, help: "number 0..1: threats of violence (\"I will find you\", \"should be shot\")") {
            c, _ in
            .number(c.triage.threat)
        },
        Column(
            "identity_attack", .number,
            help: "number 0..1: slurs, and insults, dehumanising words or exclusion aimed at a group"
        ) { c, _ in
            .number(c.triage.identityAttack)
        },
        Column("shouting", .number, help: "number 0..1: capitals and runs of ! and ?") { c, _ in
            .number(c.triage.shouting)
        },
        Column(
            "spam", .number,
            help: "number 0..1: links, promotional phrases, text repeated within the file, character floods"
        ) { c, _ in
            .number(c.triage.spam)
        },
    ]

    /// Filled only with `--explain`: the words behind the triage scores.
    public static let explainColumns: [Column] = [
        Column(
            "triage_evidence", .text,
            help: "text: the words behind the triage scores, strongest first, as 'category: words strength' joined by '; '"
        ) { c, _ in
            .text(TriageRenderer.evidenceList(c.triage))
        }
    ]
}
