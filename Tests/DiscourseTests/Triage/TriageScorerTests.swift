import Testing

@testable import Discourse

@Suite("Triage scorer")
struct TriageScorerTests {
    // MARK: Insult

    @Test func targetedInsultsScoreAsInsults() {
        for text in [
            "you idiot", "You are an idiot.", "Harper is a fool", "what a moron", "Moron.", "idiot, you never read",
        ] {
            let s = triage(text)
            #expect(s.insult >= 0.55, "\(text): \(s.insult)")
            #expect(s.reasons.first == .insult, "\(text)")
        }
    }

    @Test func untargetedInsultWordsScoreLower() {
        let aimed = triage("You are such an idiot and everyone can see it.").insult
        let loose = triage("The idiot box was the nickname of television in the seventies.").insult
        #expect(loose > 0)
        #expect(loose < aimed * 0.7)
    }

    @Test func negationAndMentionAreMilder() {
        let direct = triage("you are an idiot").insult
        let negated = triage("you are not an idiot").insult
        let mention = triage("calling people idiots is wrong").insult
        let quotedWord = triage("he used the word 'moron' twice in the speech").insult
        #expect(negated < direct)
        #expect(negated > 0)
        #expect(mention < direct * 0.5)
        #expect(quotedWord < direct * 0.5)
    }

    /// The mention share comes from the scorer's own weights, not from the shipped defaults.
    @Test func customMentionWeightIsHonoured() {
        func insult(_ text: String, mention: Double) -> Double {
            var weights = TriageWeights()
            weights.mention = mention
            return TriageScorer(weights: weights).score(Tokenizer.tokenize(text)).insult
        }
        for text in ["calling people idiots is wrong", "he used the word 'moron' twice in the speech"] {
            let shipped = triage(text).insult
            #expect(shipped > 0, "\(text)")
            #expect(insult(text, mention: TriageWeights().mention) == shipped, "\(text)")
            #expect(insult(text, mention: 0) == 0, "\(text)")
            #expect(insult(text, mention: 1) > shipped * 2, "\(text)")
        }
    }

    @Test func adjectivesBetweenTargetAndInsultStillCount() {
        #expect(triage("you hopeless stupid idiot").insult >= 0.8)
        #expect(triage("this guy's a total moron").insult >= 0.7)
    }

    @Test func dismissalsAreInsults() {
        #expect(triage("Shut up and go away").insult >= 0.5)
    }

    // MARK: Profanity

    @Test func profanityIsFoundAndGraded() {
        let mild = triage("oh damn, the bus is late").profanity
        let strong = triage("this is fucking ridiculous").profanity
        #expect(mild > 0)
        #expect(strong > mild)
        #expect(triage("the bus is late").profanity == 0)
    }

    @Test func ambiguousProfanityNeedsATarget() {
        #expect(triage("The tramp steamer left port at dawn.").profanity == 0)
        #expect(triage("you tramp").profanity > 0)
    }

    @Test func profanityAimedAtSomeoneIsAlsoAnInsult() {
        #expect(triage("you asshole").insult > 0.3)
        #expect(triage("this traffic is shit").insult == 0)
    }

    // MARK: Threat

    @Test func threatPatterns() {
        for text in [
            "I will find you", "I'm going to kill you", "He should be shot", "hope you die",
            "someone should hang him", "i know where you live",
        ] {
            #expect(triage(text).threat >= 0.5, "\(text): \(triage(text).threat)")
        }
    }

    @Test func violentWordsAloneAreNotThreats() {
        for text in [
            "The soldier was shot in 1944.", "The storm will kill the crops.", "Let's kill the bill in committee",
            "Photo shoot went well", "Torture is never justified.",
        ] {
            #expect(triage(text).threat < 0.4, "\(text): \(triage(text).threat)")
        }
    }

    @Test func negatedThreatsAreMilder() {
        #expect(triage("I would never kill you").threat < triage("I will kill you").threat * 0.5)
    }

    // MARK: Identity attack

    @Test func groupNamesAloneAreClean() {
        for text in ["Muslims celebrate Eid this week.", "Many immigrants start businesses.", "Gay couples can marry."]
        {
            #expect(triage(text).identityAttack == 0, "\(text)")
            #expect(triage(text).priority == 0, "\(text)")
        }
    }

    @Test func attacksOnGroups() {
        #expect(triage("All immigrants are vermin").identityAttack >= 0.6)
        #expect(triage("Muslims should go back to where they came from").identityAttack >= 0.5)
        #expect(triage("women are stupid").identityAttack >= 0.4)
        #expect(triage("get out, you faggot").identityAttack >= 0.6)
    }

    /// An insult said to the reader is aimed at that reader, not at a group named beside it.
    @Test func abuseAtTheReaderIsNotAnIdentityAttack() {
        #expect(triage("If you hate immigrants, you're a bigot.").identityAttack == 0)
        #expect(triage("If you hate immigrants, you're a bigot.").insult > 0.5)
        #expect(triage("All immigrants are idiots.").identityAttack > 0.3)
    }

    /// A group addressed as "you" is the target of the abuse said to it.
    @Test func abuseAtAnAddressedGroupIsAnIdentityAttack() {
        for text in ["Shut up, you stupid Muslims.", "Idiots, you immigrants."] {
            #expect(triage(text).identityAttack > 0.3, "\(text)")
        }
    }

    @Test func abuseFarFromTheGroupIsNotAnIdentityAttack() {
        let s = triage(
            "The Muslims in my street organised a food drive for the whole town last winter, and the mayor was an idiot about it."
        )
        #expect(s.identityAttack == 0)
        #expect(s.insult > 0)
    }

    // MARK: Shouting

    @Test func shouting() {
        #expect(triage("THIS IS A TOTAL DISGRACE AND EVERYONE KNOWS IT").shouting >= 0.9)
        #expect(triage("Why??? Really!!!").shouting >= 0.3)
        #expect(triage("The CBC and the NDP agreed on the plan today.").shouting == 0)
        #expect(triage("NO").shouting == 0)
    }

    // MARK: Spam

    @Test func spamSignals() {
        #expect(triage("Work from home and make money, click here http://example.com").spam >= 0.7)
        #expect(triage("see https://example.com for the data").spam > 0)
        #expect(triage("see https://example.com for the data").spam < 0.5)
        #expect(triage("buy buy buy buy buy").spam > 0)
        #expect(triage("A reasonable point about the budget.").spam == 0)
    }

    @Test func textRepeatedInTheFileIsSpam() {
        let copies = [
            "Visit our shop for the best deals in town", "Visit our shop for the best deals in town", "Nice article",
        ]
        let context = TriageContext(article: [], comments: copies.map(Tokenizer.tokenize))
        let repeated = TriageScorer().score(Tokenizer.tokenize(copies[0]), context: context)
        let unique = TriageScorer().score(Tokenizer.tokenize(copies[0]))
        #expect(repeated.spam > unique.spam)
        #expect(repeated.reasons.contains(.spam))
        // Short replies repeat innocently.
        #expect(context.copies(of: Tokenizer.tokenize("Nice article")) == 1)
    }

    // MARK: Someone else's words

    @Test func quotedLinesAndStruckWordsAreNotBlamed() {
        #expect(triage("> you are an idiot\nI think that goes too far").toxicity == 0)
        #expect(triage("you are ~~an idiot~~ mistaken").insult == 0)
    }

    /// A comment made only of a quote or of struck text has no words of its own to set them off
    /// against, and every reader still sees them: markup alone must not hide abuse from the queue.
    @Test func aCommentOfOnlyQuotedOrStruckWordsIsReadWhole() {
        for text in ["> you are an idiot", "~~you are an idiot~~", ">> you are an idiot\n> and a liar"] {
            #expect(triage(text).insult >= 0.5, "\(text): \(triage(text).insult)")
        }
    }

    @Test func wordsQuotedFromTheArticleAreNotBlamed() {
        let article = ["The senator told reporters that his rival was a lying idiot and a fool.", "Voters react."]
        let comment = "He said his rival was a lying idiot and a fool, which is beneath the office."
        let context = TriageContext(article: article.map(Tokenizer.tokenize), comments: [Tokenizer.tokenize(comment)])
        let withArticle = TriageScorer().score(Tokenizer.tokenize(comment), context: context)
        let without = TriageScorer().score(Tokenizer.tokenize(comment))
        #expect(without.insult > 0.3)
        #expect(withArticle.insult == 0)
        // The commenter's own insult next to the quote still counts.
        let own = "his rival was a lying idiot and a fool. And you are a moron too."
        let ownScore = TriageScorer().score(Tokenizer.tokenize(own), context: context)
        #expect(ownScore.insult > 0.5)
    }

    // MARK: Combining

    @Test func priorityOrdersTheQueueSensibly() {
        let threat = triage("I will find you and hurt you").priority
        let insult = triage("you are a moron").priority
        let mild = triage("That is a silly idea").priority
        let clean = triage("Thanks for the thoughtful article").priority
        #expect(threat > insult)
        #expect(insult > mild)
        #expect(mild > clean)
        #expect(clean == 0)
    }

    @Test func reasonsAreStrongestFirstAndOnlyWhatFired() {
        let s = triage("YOU ARE A F*CKING IDIOT!!!")
        #expect(s.reasons.contains(.insult))
        #expect(s.reasons.contains(.profanity))
        #expect(s.reasons.contains(.shouting))
        #expect(!s.reasons.contains(.spam))
        let values = s.reasons.map { s.value($0) }
        #expect(values == values.sorted(by: >))
        #expect(s.reasonList.split(separator: ";").count == s.reasons.count)
    }

    @Test func optionalSignalsRaiseThePriority() {
        let text = "I disagree with every part of this plan"
        let alone = triage(text)
        let negative = triage(text, signals: TriageSignals(negativity: 0.9))
        let offTopic = triage(text, signals: TriageSignals(drift: 0.9))
        #expect(negative.priority > alone.priority)
        #expect(negative.reasons.contains(.negative))
        #expect(offTopic.priority > alone.priority)
        #expect(offTopic.reasons.contains(.drift))
        #expect(!alone.reasons.contains(.drift))
    }

    /// Heated opinion words raise priority without any insult; the reasons then say why, and a
    /// calm comment names no reason.
    @Test func heatedOpinionWordsAreNamedAsTheReason() {
        let heated = triage("Absolutely ridiculous. Nobody asked for another fee.")
        #expect(heated.toxicity == 0)
        #expect(heated.priority >= TriageWeights().reasonThreshold)
        #expect(heated.reasons == [.negative])
        let calm = triage("The new fee starts in April and applies to every permit.")
        #expect(calm.reasons.isEmpty)
    }

    /// The same insult inside a long argued comment is less urgent than alone (its heat is
    /// diluted), but its toxicity and evidence stay; a threat in a long comment is still flagged.
    @Test func longCommentsDiluteHeatButNotThreats() {
        let argument = String(
            repeating: " The council met on Tuesday to discuss the budget for the library and the park.", count: 5)
        let short = triage("You are an idiot.")
        let long = triage("You are an idiot." + argument)
        #expect(long.insult == short.insult)
        #expect(long.toxicity == short.toxicity)
        #expect(long.evidence.contains { $0.category == .insult && $0.text == "idiot" })
        #expect(long.priority < short.priority)
        let threat = triage("I will break your legs." + argument)
        #expect(threat.threat >= 0.6)
        #expect(threat.priority >= 0.5)
    }

    @Test func dilutionStartsAfterTheReferenceLength() {
        var w = TriageWeights()
        w.dilutionWords = 30
        w.dilutionExponent = 0.75
        #expect(w.dilution(words: 0) == 1)
        #expect(w.dilution(words: 30) == 1)
        #expect(abs(w.dilution(words: 60) - 0.5946) < 1e-3)
        #expect(w.dilution(words: 120) < w.dilution(words: 60))
        w.dilutionExponent = 0
        #expect(w.dilution(words: 600) == 1)
    }

    @Test func repeatingAWordIsNotNewEvidence() {
        #expect(triage("idiot idiot idiot").insult == triage("idiot").insult)
        #expect(triage("you idiot, you moron").insult > triage("you idiot").insult)
    }

    @Test func allScoresStayInUnitRange() {
        let s = triage(
            "YOU F*CKING IDIOT I WILL FIND YOU AND KILL YOU!!! all muslims are vermin http://x.com click here buy now")
        for v in [s.toxicity, s.insult, s.profanity, s.threat, s.identityAttack, s.shouting, s.spam, s.priority] {
            #expect(v >= 0 && v <= 1)
        }
        #expect(triage("").priority == 0)
    }
}

@Suite("Triage signals")
struct TriageSignalsTests {
    @Test func driftCountsOnlyWhenAnArticleAnchorsIt() {
        var score = DriftScore()
        score.drift = 0.9
        score.confidence = 1
        #expect(TriageSignals.offTopic(score) == nil)
        score.articleDrift = 0.9
        #expect(abs((TriageSignals.offTopic(score) ?? 0) - 0.8) < 1e-9)
        score.confidence = 0.5
        #expect(abs((TriageSignals.offTopic(score) ?? 0) - 0.4) < 1e-9)
        score.drift = 0.3
        #expect(TriageSignals.offTopic(score) == 0)
    }

    @Test func analyzerPassesDriftIntoPriority() {
        let article = """
            City council approves new budget for road repairs
            The city council voted on Tuesday to approve a budget that doubles spending on road repairs and bridge maintenance.
            Councillors said the potholes on the main roads had become a safety problem for cyclists and drivers.
            The repairs will start in the spring and last until the autumn, the council said.
            """
        let comments = """
            Finally the potholes on my street will be fixed, good budget for the roads and bridges.
            My cat likes to sleep on the warm laptop keyboard in the afternoon sun.
            """
        let analyzer = Analyzer(options: AnalysisOptions(mode: .separateArticle(article)))
        let report = analyzer.analyze(Document(name: "t.txt", text: comments))
        #expect(report.comments.count == 2)
        guard report.comments.count == 2 else { return }
        let onTopic = report.comments[0]
        let offTopic = report.comments[1]
        #expect(offTopic.drift.drift > onTopic.drift.drift)
        #expect(offTopic.triage.priority > onTopic.triage.priority)
        #expect(offTopic.triage.toxicity == 0)
    }

    @Test func analyzerPassesSentimentIntoPriority() {
        let report = Analyzer(options: AnalysisOptions(mode: .allComments))
            .analyze(
                Document(name: "t.txt", text: "This is a terrible, awful, horrible decision.\nThis is a decision.\n"))
        #expect(report.comments.count == 2)
        guard report.comments.count == 2 else { return }
        let negative = report.comments[0]
        let plain = report.comments[1]
        #expect(negative.sentiment.negative > 0.3)
        #expect(negative.triage.insult == 0)
        #expect(negative.triage.priority > plain.triage.priority)
        // Negative tone raises priority only: toxicity is the combination of its four parts.
        #expect(negative.triage.toxicity == 0)
    }
}

@Suite("SeenSpans")
struct SeenSpansTests {
    /// The same answers as a set on both sides of the switch from a list to hashing.
    @Test func answersLikeASetPastTheSwitch() {
        var seen = SeenSpans()
        var reference = Set<Int>()
        for v in stride(from: 0, to: 400, by: 3) {
            seen.insert(v)
            reference.insert(v)
            for probe in [v, v + 1, v - 3, 0, 397] { #expect(seen.contains(probe) == reference.contains(probe)) }
        }
    }
}
