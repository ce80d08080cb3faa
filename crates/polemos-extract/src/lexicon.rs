//! The word lists of the knowledge files: open-class words the stages read as knowledge of the
//! world rather than as grammar — newspapers' name words, nouns of seas and valleys, nouns of a
//! state's officials and bodies, words of fire, roles of people. Grammar (pronouns, prepositions,
//! auxiliaries) is in the language profile ([`crate::lang`]); these are lexicon, extended like the
//! rest of the knowledge (`--lexicon FILE`, `POLEMOS_DATA_DIR`) without recompiling.
//!
//! A line is `lexicon|NAME|words` (built-in: `data/lexicon.tsv`), `;` between words. A list of
//! [`Case::Any`] matches in any ASCII case; a list of [`Case::AsWritten`] (capitalized name words
//! such as "Times" or "Ocean") only as written. A word with spaces is a phrase, matched token by
//! token ([`Lexicon::phrases`]: every entry of a list, longest first).

use std::collections::HashMap;
use std::sync::{Arc, LazyLock};

use super::bits::Bits;

/// A word list of the knowledge files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lex {
    /// Words that make a sentence about a dispute ("dispute", "claims"): framing.
    DisputeWord,
    /// Words before a dispute word that make it a naming dispute ("the name dispute").
    DisputeKindNaming,
    /// ... a territorial one ("the border dispute").
    DisputeKindTerritorial,
    /// ... a maritime one ("the maritime dispute").
    DisputeKindMaritime,
    /// Capitalized words of newspapers' names after a place ("Japan Times", "China Daily").
    MastheadWord,
    /// Capitalized nouns of places named after a state, after its name ("Indian Ocean").
    FeatureNoun,
    /// Capitalized nouns of places named after a state, before its name ("Lake Chad").
    FeatureNounBefore,
    /// Nouns after a capital that make it the name of an accord, process or forum held there
    /// ("the Oslo accords", "the Minsk agreements", "the Paris Club"): the state does not act.
    NamedAfterCity,
    /// Capitalized words before an organization's short alias that make a national body of the
    /// name ("the National Security Council" is no U.N. body).
    NationalNameWord,
    /// Prepositions after a claim noun that make it a claim to a place ("claims to the
    /// islands", "claim over the waters"), not an allegation.
    ClaimObjectCase,
    /// Words before a state's name that make another place of it ("New Mexico").
    NamesakePrefix,
    /// Words before "America" that make a region of it ("Latin America", "South American").
    RegionPrefix,
    /// Heads of a state's long form ("the Republic of Belarus").
    LongFormHead,
    /// Capitalized last words of an institution's name ("Central Election Commission").
    InstitutionHead,
    /// Capitalized heads of an organization's proper name ("Front", "Council", "Ministry").
    OrganizationHead,
    /// Those heads that name a body only with its state named ("Service").
    OwnedOrganizationHead,
    /// Those heads that name an armed group ("Army", "Forces").
    ArmedOrganizationHead,
    /// Words that alone before an armed head make the name a state's own forces ("Armed").
    ArmyWord,
    /// Those heads that name a party or movement ("Front", "Party").
    PoliticalOrganizationHead,
    /// Lower-case words inside an organization's name ("of", "for", "and", "the").
    OrganizationNameLink,
    /// Office names that name no body without their state ("Foreign Ministry").
    GenericOfficeName,
    /// Words that make a capitalized name a news service's ("Press", "News").
    PressNameWord,
    /// Words before an organization's head that make it a party to a contract or a case
    /// ("Qualified Party", "Third Party").
    LegalPartyWord,
    /// Points of the compass, which with a head and an "of" phrase name a side of a place ("the
    /// West Front of the Capitol").
    CompassWord,
    /// Capitalized words that end a treaty's name ("Law of the Sea Convention").
    Instrument,
    /// Words of fire aimed at something ("fired", "shells"): the place after "at" is a target.
    FireWord,
    /// Phrases of opening fire ("opened fire"): the noun "fire" alone is no act.
    OpenedFire,
    /// Phrases that make a sentence a report's credit line ("Some information for this report
    /// was provided by AP"): the outlets it names are the report's sources.
    CreditLine,
    /// Words before an outlet that name it as a report's publisher or interviewer ("For VOA",
    /// "told VOA", "an interview with VOA").
    PublisherCue,
    /// Nouns after a demonym that make it name the state ("Russian officials"); after a
    /// referring determiner as a reaction's object ("accused the officials of ..."), the same
    /// noun named before with its state (`events/answered.rs`).
    GroupNoun,
    /// Nouns after a state's demonym or possessive that name one of its bodies ("foreign
    /// ministry", "navy"), phrases, longest first.
    BodyNoun,
    /// Nouns of people who speak for a body or an opinion, before "of"/"at" and the body
    /// ("a senior member of Sudan's ruling party", "Justin Logan at the Cato Institute").
    PersonRole,
    /// Verbs of speaking after a name ("X says", "said X").
    SpeechVerb,
    /// Nouns before a name of people who do not act for the state ("opposition figure").
    PrivateRole,
    /// Nouns before a name of people who do ("Chinese official Li Wei").
    OfficialRole,
    /// Nouns of heading something ("leader", "chief"): right after a demonym the state's, like
    /// [`Lex::OfficialRole`]; otherwise a person's role only after a name ("LTTE leader X").
    HeadRole,
    /// Nouns after a demonym of people who do not speak for the state ("Chinese demonstrators").
    PrivateGroup,
    /// Nouns after a demonym of armed men who act for no state ("Nigerian gunmen"): an armed
    /// group of their own.
    ArmedGroupNoun,
    /// Nouns of people whom an owner phrase only places ("refugees from Burma", "judges from
    /// Sri Lanka"): an act upon them is not aimed at the state they come from.
    PlacedPeople,
    /// Words that make a capitalized phrase an institution's or a place's name, not a person's
    /// ("Cato Institute", "King Fahd Causeway").
    InstitutionWord,
    /// Given names written short, with a period ("Md. Touhid Hossain").
    AbbreviatedGiven,
    /// Words that make even an official not the state's ("opposition").
    Opposition,
    /// Words that never start an issue, and nouns too vague to be one on their own ("decision", "it").
    NotAnIssue,
    /// Vague nouns that still open a longer issue ("call" for ..., "plan" for ...).
    OpensAnIssue,
    /// Nouns for people and groups, which head an actor rather than an issue ("our allies").
    GroupHead,
    /// Nouns for people an act is done to or by ("civilians", "rebels", "pilots"): no issue when
    /// they head the phrase, unless a verb takes them as its object ("supporting rebels").
    PersonHead,
    /// Verbs of agreeing with another ("agree", "agreed"): the two parties of a dispute not
    /// agreeing to a thing hold no stance against it.
    ReciprocalVerb,
    /// Nouns of backing a side ("support", "backing"): the people their "for" or "of" names are
    /// the side backed, an issue.
    BackingNoun,
    /// Words after a bare claim verb that show a claim to territory ("claims the islands").
    ClaimedThing,
    /// Verbs that name what they judge as their object ("called the visit regrettable").
    CallingVerb,
    /// Verbs of furthering that take general goods as objects ("promote trade"): only a known topic after them is an issue. Whole cues, phrases allowed.
    WeakCue,
    /// Verbs of taking up a course, whose object, when another is asked to do it, is what the asker supports ("urged X to exercise restraint"). Base forms.
    AdoptingVerb,
    /// Nouns for a claim to territory once an actor owns them ("China's claims", "Indian control").
    ClaimNoun,
    /// Verbs whose subject does the act their object names ("lodged a protest", "held drills"); lemmas, matched by stem too.
    LightVerb,
    /// Irregular forms of the light verbs, which their stems do not find ("held", "made").
    LightVerbIrregular,
    /// Nouns of acts two or more parties do together, so that the parties named after "of" do
    /// it ("the meeting of the two countries' foreign ministers"); other acts' "of" names what
    /// they are done to ("the invasion of Ukraine").
    JointActNoun,
    /// Verbs whose complement is what is threatened, not done ("threatened to close the border").
    ThreatVerb,
    /// Verbs of asking someone to act: the infinitive after them is the act asked for.
    AskingVerb,
    /// Verbs of knowing: "X must know that ..." after a reporting verb warns X; it demands no
    /// act (event_args/demands.rs).
    KnowingVerb,
    /// Verbs of a course going on, lemmas ("continue", "resume"): "X said the talks will
    /// continue" is X's support of the talks (stances/holders.rs).
    CourseVerb,
    /// Verbs that end or reduce relations when their object is a ties noun ("abandon ties").
    SeveringVerb,
    /// Nouns of a pact between states ("agreement", "treaty"): ending one opposes it
    /// (stances/mod.rs, `ends_a_pact`).
    PactNoun,
    /// Nouns of a business party ("firm", "company"): a deal with one is a contract, no pact
    /// between states (stances/mod.rs, `ends_a_pact`).
    CommercialPartyNoun,
    /// Verbs that put a penalty into effect ("imposing sanctions on X").
    ImposingVerb,
    /// Verbs that lift or ease a penalty ("lifted sanctions on X"): CAMEO 085, no sanction.
    EasingVerb,
    /// Verbs that withdraw an envoy ("withdrew its ambassador").
    WithdrawingVerb,
    /// Forms of the verb of joining another's act ("was joined in its appeal by X"): the joiner
    /// does the act too (`events/joined.rs`) and shares the stance (`stances/references.rs`).
    JoiningVerb,
    /// The preposition of the act one joins ("in its appeal").
    JoinedActCase,
    /// Verbs that order an envoy out ("ordered the U.S. ambassador to leave"), or order another
    /// actor to do a thing ("told Laos to withdraw": a demand, `event_args/acts.rs` `directive`).
    OrderingVerb,
    /// Verbs that put a member out of a body's activities for a time ("suspended Mali from the
    /// bloc"): a sanction of the member (`event_args/acts.rs`, `suspended_member`).
    SuspendingVerb,
    /// The preposition of what a member is suspended from ("from").
    SuspensionCase,
    /// Verbs of leaving a country that an ordering verb governs ("leave", "depart").
    LeavingVerb,
    /// Prepositions of a leaving's destination ("leave for consultations"): a recall, no expulsion.
    DestinationCase,
    /// Irregular forms of those verbs, which their stems do not find ("withdrew", "broke").
    SanctionVerbIrregular,
    /// Nouns of a penalty one state puts on another ("sanctions", "tariffs").
    PenaltyNoun,
    /// Words of a sanction event's cue that the canonical `sanctions` issue names ("sanctions",
    /// "sanctioned", "costs"): the event gives its sources support for sanctions; tariffs and
    /// embargoes are issues of their own.
    SanctionsIssueNoun,
    /// Nouns of relations a severing verb ends ("ties", "relations").
    TiesNoun,
    /// Nouns of an envoy a state withdraws ("ambassador").
    EnvoyNoun,
    /// Penalties whose demonym names the target as often as the doer ("Russian sanctions").
    EitherWayPenalty,
    /// Prepositions of the post a recalled envoy leaves ("recalled its ambassador from Tokyo").
    RecallOriginCase,
    /// Prepositions of the forum of a legal action ("sued Colombia at the ICJ"): no target.
    ForumCase,
    /// CAMEO codes of acts brought before a forum (a lawsuit, 115): their targets lose the body
    /// named after a `forum_case` preposition.
    ForumCode,
    /// Nouns of an act that stays its owner's: a verb carrying one another actor owns ("Chile's
    /// complaint", "an ultimatum from Bolivia") is not the subject's act.
    OwnedActNoun,
    /// Nouns of a party's own body ("the Peruvian government", "its counterpart").
    PartyHead,
    /// Prepositions of what a verb acts with ("hit Belarus with new sanctions").
    InstrumentCase,
    /// Nouns of a means of talking ("phone", "letter"): after "by" no agent ("conferred by phone").
    MeansNoun,
    /// Nouns of a state's own government or country, lemmas ("his government"): a state's.
    StateBodyNoun,
    /// Nouns after a demonym that name an agency of that state ("Russian border guards", "Kenyan
    /// police", "Iranian state television"): its charge is the state's to answer.
    AgencyNoun,
    /// Nouns that, quantified ("both parties", "the two sides", "all sides"), name the two
    /// sides of a dispute.
    SideNoun,
    /// Side nouns that with "the" alone name the pair the text has just named ("the countries'
    /// forces").
    PairNoun,
    /// Nouns of intent whose content is the act their infinitive names ("the regime's intention
    /// to establish relations", "its decision to annex"): the issue is that act's object.
    IntentNoun,
    /// Phrases of a ground or reason before the act they justify ("reject the basis for this
    /// expulsion"): what is said of the ground is said of the act.
    GroundNoun,
    /// Phrases of a demand before the thing demanded ("backing the demand for the captives'
    /// release"): whoever backs or rejects the demand backs or rejects the thing.
    DemandNoun,
    /// Phrases of the content of an instrument before the instrument ("implement the principles
    /// of the joint communiqué"): the standard asked for is the instrument itself.
    ContentNoun,
    /// Phrases of carrying an instrument out before the instrument ("committed to implementation
    /// of the accord"): the stance is on the instrument; a bare "implementation" is no issue.
    CarryingOutNoun,
    /// Verbs of demanding, whose object is the thing demanded ("demanded the release of the
    /// sailors"), unlike other verbs of asking ("asked a question").
    DemandingVerb,
    /// Gerunds of attempting before an infinitive ("accused Japan of trying to smear ..."): the
    /// act accused is the infinitive's verb, not the attempt.
    AttemptGerund,
    /// Verbs after an attempt that name no act of their own ("trying to become a power",
    /// "seeking to have the last word"): copulas, motion and light verbs.
    EmptyActVerb,
    /// Adverbs of degree before an adjective ("increasingly demanding negotiations"): the word
    /// after them is no verb.
    DegreeAdverb,
    /// Gerunds of furthering before the thing furthered ("the importance of ensuring protection
    /// of civilians"): the issue is the thing, not the act of furthering it.
    FurtheringGerund,
    /// Side nouns whose plural alone names the two sides ("the parties", "the sides"), no
    /// quantifier needed.
    PartyNoun,
    /// Quantifiers that make a side noun the sides ("both", "all", "two").
    SidesQuantifier,
    /// Nouns that name a contested object when a proper name stands before them ("the Grand
    /// Ethiopian Renaissance Dam"): a dispute the knowledge files do not list is named after it.
    ObjectNoun,
    /// Nouns of land whose status is in question when names follow them ("the regions of
    /// Abkhazia and South Ossetia"): the names are the contested object.
    TerritoryNoun,
    /// Words of punitive measures: two or more make a text about measures against a state.
    PunitiveWord,
    /// Words that show a text is about a quarrel ("clashes", "tensions"): without one, states
    /// named together in a short text are not proposed as a dispute.
    ConflictWord,
    /// Nouns of a contested question, act or proposal whose topic or owner names a dispute the
    /// knowledge files do not list ("the resolution on Gaza", "the Kurdistan referendum").
    TopicNoun,
    /// Nouns of a state's programme ("its nuclear programme"): with their adjective they name a
    /// dispute the knowledge files do not list (`north-korea-nuclear`).
    ProgrammeNoun,
    /// Crises inside one state that others take sides on (`proposed.rs`, `domestic_crisis`).
    CrisisNoun,
    /// Judgements of a court or body (`events.rs`, `named_thing`; stances, `rejects_a_thing`).
    JudgementNoun,
    /// Words of settling a dispute ("settle", "resolution"): the head of a topic phrase whose
    /// settler `adjudicator_word` may name (`mentions.rs`, `settled_by_adjudicator`).
    SettlingWord,
    /// Courts, arbitration and outside powers: a settling they do is no negotiation of the
    /// parties (`mentions.rs`, `settled_by_adjudicator`).
    AdjudicatorWord,
    /// Nouns of a people in an apposition ("Rohingya, a stateless minority"): the name before
    /// them names a dispute the knowledge files do not list.
    PeopleNoun,
    /// Nouns of a place whose independence or status is recognized ("recognize the breakaway
    /// provinces"): recognizing one is taking a side on its recognition.
    RecognizedPlace,
    /// Nouns that make a place belong to another ("recognize the region as part of their
    /// country"): a claim to the place, not the recognition of its independence.
    BelongingNoun,
    /// Words of a judgement that measures its subject against a standard named after it ("a
    /// violation of", "inconsistent with"): what follows is upheld, not judged.
    StandardBreach,
    /// Forms of the verb and noun of recognizing ("recognizes", "recognition of"): a cue of one
    /// recognizes an actor or a place itself when its object is one.
    RecognizingWord,
    /// Lemmas of verbs whose subject, by stating a claim in their complement, takes it as its
    /// own ("agrees that", "recognizes that"); verbs of saying are not among them.
    EndorsingVerb,
    /// Nouns that name a state's rulers when no actor is named with them ("impose costs on the
    /// regime"): the state the text named last (events/regime.rs).
    RulersNoun,
    /// Nouns that name a state by a definite description ("invaded the former Soviet republic",
    /// "the country"): the state the text named last, as for `RulersNoun`, its modifiers allowed.
    StateNoun,
    /// Lemmas of verbs whose object does what the infinitive after it names ("prompting South
    /// Korea to summon a Japanese diplomat"): done, not asked.
    CausingVerb,
    /// Nouns for a state's agents, which speak for the state a modifier names ("the Chinese
    /// foreign ministry", "officials in India", "its government"); lemmas.
    AgentNoun,
    /// Words of resolve (lemmas) whose subject holds the demand they govern ("are resolute in
    /// demanding that ...", "remain determined in pressing ..."), whatever voice the parse gives.
    ResolveWord,
    /// Lemmas of verbs of stopping or refusing that negate the stance of a complement they
    /// govern ("refused to recognize", "stopped supporting").
    NegatingHead,
    /// Nouns for a state's territory after its demonym, as a predicate ("the islands are
    /// Russian territory"): a claim with no verb of claiming (stances/territory.rs).
    LandNoun,
    /// Verbs of congratulating: those congratulated on an act hold it too ("congratulates
    /// Greece and North Macedonia on the agreement").
    CongratulatingVerb,
    /// Verbs the dictionary codes as force that name contact with whom they are "with":
    /// "continues to engage intensely with the sides" is diplomacy, "engaged the rebels" is not.
    ContactVerb,
    /// Nouns of armed people and units (lemmas): on either side of a verb of contact they make
    /// it the armed engagement after all ("troops engaged with militants").
    ArmedNoun,
    /// Verbs of seeking an outcome: an act that is their object is sought, not done ("toward
    /// gaining the release of the sailors").
    SeekingVerb,
    /// Lemmas of the people a verb of contact draws into a matter ("engage third parties").
    DrawnParty,
    /// Words of a veto, noun or verb ("Russia's veto of the draft", "vetoed"): the voter opposes
    /// the text vetoed (stances/votes.rs).
    VoteVeto,
    /// Words of an abstention in a vote ("abstained on", "with its abstention"): neutral on the
    /// text (stances/votes.rs).
    VoteAbstention,
    /// Nouns of a text put to a vote ("resolution").
    VotedText,
    /// Words that make a voted text one not adopted yet ("draft resolution").
    DraftWord,
    /// Nouns of commitment whose owner (its "of" complement or possessor) holds what their "to"
    /// complement names ("the commitment of the United States to peace"; stances/commitment.rs).
    CommitmentNoun,
    /// Possessives that refer to the two sides just named ("the commitment of their
    /// governments"): the owner is the pair, not one state.
    PairPossessive,
    /// Nouns of signing or adopting an act (as written): those who do it ("by", "between") hold
    /// what it is of ("the signing by Ecuador and Peru of their agreement"; stances/signers.rs).
    SigningNoun,
    /// Verbs of welcoming (lemmas): their subject holds the act its object or "on" phrase names
    /// ("welcomes the signing ...", "congratulates X on the signing ...").
    WelcomingVerb,
    /// Verbs of talking over a matter (lemmas: "discuss", "debate"): their object is the matter,
    /// never whom the talk is held with; the partner is named by "with" (`event_args.rs`).
    TopicVerb,
    /// Nouns of a formal complaint (lemmas: "complaint"): an "against" phrase in or beside it
    /// names whom the complaint is against, and then the forum it is brought before ("with the
    /// WTO") is no target (`event_args.rs`).
    ComplaintNoun,
    /// Verbs and nouns of fearing, calling for, warning of or preparing for an act, by lemma and
    /// the preposition before the act (`call for`; none for an object: `fear`): the act they
    /// take has not happened (`event_args/acts.rs`, `unrealized_act`).
    UnrealizedVerb,
    /// Nouns of an allegation ("allegations", "accusations", "charges", "claims"): an event of
    /// rejecting or denying (REJECT of mode `reject` or `deny`) or a cue of opposition whose
    /// object one heads opposes it (`stances/mod.rs`, `rejects_an_allegation`).
    AllegationNoun,
    /// Nouns that are only ever an allegation ("allegations", "accusations"; not "claims" or
    /// "charges", also demands and fees): a rejected one names the issue by itself
    /// (`stances/mod.rs`, `rejects_an_allegation`).
    AllegationOnlyNoun,
    /// Nouns of an act or a document another side did or wrote ("move", "decision", "finding",
    /// "killing"): after a referring determiner and with no owner or complement of its own, the
    /// object of a reaction ("condemned the move") stands for the act or document reported just
    /// before, and the reaction is aimed at its doer or owner (`events/answered.rs`).
    ActAnaphorNoun,
    /// Verbs (lemmas) that answer an act aimed at their subject ("denied the charge",
    /// "rejected the demand"): an opening "it" of one is who the act before was aimed at.
    AnsweringVerb,
    /// Verbs (lemmas) of alleging ("allege"): the subject of their "that" clause is the one
    /// accused, whatever the clause says it did (`events.rs`).
    AllegingVerb,
    VoicingVerb,
    /// Verbs of receiving, as written ("drew", "won"): a noun of an act right after one, its
    /// giver after "from", is the giver's act upon the receiver ("The vote drew praise from
    /// Britain"; `events/sources.rs`, `received_from`).
    ReceivingVerb,
    /// Verbs of greeting guests (lemmas): with a presence word ("thank X for being here",
    /// "welcome X here") the act is the host's meeting with them (`event_args/acts.rs`).
    HostingVerb,
    /// Words of being present at the speaker's place ("here"; lemmas).
    PresenceWord,
    /// Predicates of reproach (as written): the head of a copular clause whose subject is an
    /// owned deed ("Mr. Lee's visit was unacceptable", "is a violation of") makes the speaker's
    /// accusation of the owner (`events/judged.rs`).
    ReproachWord,
    /// Verbs of misdeed (every form): said by a speaker or in a signed statement's own voice, an
    /// accusation of their subject ("Russia has obstructed and obfuscated"; `events/misdeed.rs`).
    MisdeedVerb,
    /// Predicates of approval (as written): negated, the head of a copular clause whose subject
    /// is an owned deed reproaches it like a [`Lex::ReproachWord`] ("is not helpful";
    /// `events/judged.rs`).
    ApprovingWord,
    /// Verbs of giving up an act another side asks for (base forms): promised not to happen by
    /// a speaker's own side ("said they would not halt construction"), a rejection of the asker
    /// (`events/refused.rs`).
    YieldingVerb,
    /// Nouns of a document that says what it found ("report", "findings"): too vague to be an
    /// issue alone, an issue once the text names whose it is ("the U.N. report"), and then
    /// "the report" later names that same document (`stances/issues.rs`).
    DocumentNoun,
    /// Nouns of a request that, after a referring determiner, stand for a request named before
    /// ("dismissed those calls", `stances/issues.rs`).
    RequestNoun,
    /// Phrases of taking part in an act ("involved in", "responsible for"): after a verb of
    /// denying, the act is the charge denied (`stances/issues.rs`).
    InvolvementPhrase,
    /// Nouns and gerunds of a wrongful or hostile act ("espionage", "smuggling", "attack"): a
    /// denial of involvement opposes the charge only when it is such an act, a verb of misdeed
    /// or a word of reproach, or an act of force the events know (`stances/issues.rs`).
    WrongfulAct,
    /// Predicates of falsity ("baseless", "unfounded"): a judgement only of a state's claim they
    /// qualify ("Peru's claims to the waters are baseless"; `stances/references.rs`).
    FalsityWord,
    /// Words of a judgement of wrong ("lawless", "unthinkable", "mistake"), also judgement cues
    /// (`assess_bad`): they judge only as a predicate, their copula's subject (`stances/issues.rs`).
    WrongJudgement,
    /// Cue phrases that deny a thing exists ("no such"), an opposition only before a verb of
    /// existing (`stances/issues.rs`).
    NonexistenceLead,
    /// Verbs of existing ("exists", "existed").
    ExistenceVerb,
    /// Verbs of refusing before an infinitive ("refused to", "declined to"): an agreement so
    /// refused is a rejection of whom it was aimed at ("refused to accept Japan's proposal").
    RefusingVerb,
    /// Verbs of force answered ("retaliate"): after a verb of threatening ("vowed to
    /// retaliate against Russia") the threat itself, done by the threatener (`event_args.rs`).
    RetaliatingVerb,
    /// Verbs of demanding whose "that" clause may be a mandative subjunctive ("insisted that
    /// Japan recognize ..."): what is demanded, not done, as only the parse tells (`gates.rs`).
    MandativeVerb,
    /// Verbs of asking that can also report a belief ("suggested that the president was aware").
    SuggestingVerb,
    /// Verbs of acknowledging a fact ("recognises that ..."): with a "that" clause they state
    /// what is so, not a recognition done to anyone (`events/clausal.rs`).
    FactVerb,
    /// Verbs of asking a question, every form: with a question after them ("asked X whether
    /// ...", "asked X how ...") they ask for an answer, not for an act (`events/clausal.rs`).
    QuestionVerb,
    /// Verbs of accepting, every form: right before a "that" clause they accept a fact ("accepted
    /// that the talks have failed"), no support of what the clause names (`stances/mod.rs`).
    AcceptingVerb,
    /// Adverbs that also follow a verb as its particle ("back", "pull back"): a one-word cue
    /// among them is read in the parse for whether it is one (`stances/mod.rs`).
    ParticleWord,
    /// Verbs of giving, lemmas ("supply", "sell"): their "to" phrase is a recipient, not whom a
    /// threat of the giving is aimed at ("threatened to supply missiles to X"; `event_args.rs`).
    GivingVerb,
    /// Nouns of necessity ("urgency", "need"): the actor of their "of"/"for" phrase is asked to
    /// act, not a holder of the act's stance (`stances/mod.rs`, `urged_on`).
    NecessityNoun,
    /// Verbs of backing another's effort, lemmas ("welcome", "support", "thank"): their subject
    /// backs what a noun of commitment they govern is to (`stances/commitment.rs`).
    BackingVerb,
    /// Nouns of a person's private circle ("mother", "friends"): "her mother", "his friends" are
    /// no actor through their possessive pronoun, unless it is a state's (`event_args.rs`).
    PrivateRelation,
    /// Verbs of passing by ("flee", "run", "involve"): a clause of one on an act's object names
    /// no target of the act (`events/targets.rs`).
    PassingVerb,
    /// Nouns of a text put to a vote or proposed ("resolution", "draft", "motion"): a clause on
    /// one as an act's object says what the text does, no target of the act (`events/targets.rs`).
    TextNoun,
    /// Verbs of putting out a text (lemmas: "issue", "release", "adopt", "give"): a clause on a
    /// text noun that is their object takes the issuer's stance (`stances/holders.rs`
    /// `issuing_verb_of_text`).
    IssuingVerb,
    /// Verbs of freeing (as written, base forms): asked of another through "to" ("urged North
    /// Korea to release the two women") or willed by the subject, they name the release the
    /// asker backs when people or a vessel are freed (`stances/issues.rs` `act_after`).
    FreeingVerb,
    /// Verbs of aiming, lemmas ("target"): a participle or relative clause of one on a noun
    /// tells what the noun is aimed at, no act of its own (`event_args/acts.rs`, `aims_a_noun`).
    AimingVerb,
    /// Adjectives of thanks (as written): a predicate adjective that names an act aimed at its
    /// "to" phrase ("is grateful to Peru for ..."), not a state of its subject (`event_args.rs`).
    ThankingAdjective,
    /// Nouns of weapons and strikes, as written ("drones", "missiles", "airstrikes"): a clause
    /// of aiming on one, or on an [`Lex::ArmedNoun`], names its attack's target
    /// (`event_args/acts.rs`, `aims_a_noun`).
    WeaponNoun,
    /// Nouns of people and vessels held, as written ("women", "crew", "ship"): the object of a
    /// verb of freeing asked of another, which names a release (`stances/issues.rs`).
    CaptiveNoun,
    /// Lemmas of verbs of ending an activity ("stop", "cease"): an act in their complement
    /// ("stopped cooperating with the agency") is not done (`event_args.rs`, `negated`).
    EndingVerb,
    /// Adjectives of claims set against each other ("competing", "rival"): "competing claims"
    /// names the dispute, no one's claim (`stances/mod.rs`, `rival_claims`).
    RivalWord,
    /// Prepositions of a phrase naming the stance in which a verb's subject acts ("summoned the
    /// envoy in protest over the incident"): the stance noun is that subject's
    /// (`stances/holders.rs`, `subject_word`).
    StanceMannerCase,
    /// Adjectives of a wish for a thing ("interested"): in a clause another tells ("alleged
    /// that the leader was not interested in peace") no stance of its subject
    /// (`stances/mod.rs`, `wish_told_by_another`).
    WishAdjective,
    /// Pronouns that can refer back to the teller of a clause ("it", "they", "we"): a wish
    /// said of them keeps its stance (`stances/mod.rs`, `wish_told_by_another`).
    TellerPronoun,
    /// Nouns after "interested in" naming what comes of a thing ("outcome", "result"): no
    /// stance on it (`stances/mod.rs`, `wish_for_no_thing`).
    WishOutcomeNoun,
    /// Stance nouns that keep their article in a phrase of manner ("in a bid to"); any other is
    /// its verb's subject's only bare ("in protest over") (`stances/holders.rs`, `subject_word`).
    MannerArticleNoun,
    /// Nouns that name no thing without what follows them ("an end to", "any change to"): a
    /// new issue the length limit cuts to one of them alone is none (`stances/issues.rs`,
    /// `new_issue_from`).
    ComplementNoun,
    /// Gerunds of backing a side ("supporting", "backing", "arming"): a charge of one ("accused
    /// Thailand of supporting the Shan") is opposed as support for the side backed
    /// (`stances/issues.rs`, `backing_charge`).
    BackingGerund,
    /// The words that name a charge of backing before the side backed ("support for"): the
    /// issue of "accused Thailand of supporting the Shan" is support for the Shan.
    BackingChargeName,
    /// Nouns of a part of a building's grounds ("lawn", "wall", "gates"): after a government
    /// building ("the White House lawn", "the Kremlin wall") they make it a place, not the
    /// office (`mentions.rs`, `building_as_place`).
    BuildingPart,
    /// Verbs of going to, into or out of a place ("visited", "entered", "toured"): a government
    /// building as their object is a place, not the office ("visited the White House").
    VisitingVerb,
    /// Prepositions that locate ("in", "near"; not "at", "around" or "from", which also name
    /// targets and origins): a state named only after one, in an actor list of nothing it takes
    /// part in, is a place (`lib.rs`, `place_mention`).
    LocatingPreposition,
    /// Nouns of a state's seat ("capital"): a state named only to say whose seat it is
    /// ("Ethiopia's capital, Addis Ababa", "the Kenyan capital") is a place (`lib.rs`,
    /// `place_mention`).
    SeatNoun,
    /// Nouns of a service's heads, organs and words ("army chief", "military intelligence", "a
    /// military statement"): after a lower-case service noun they keep the body, which acts
    /// through them (`mentions.rs`, `only_modifies_a_noun`).
    BodyMemberNoun,
    /// Particles that make a building-part word a phrasal verb ("the White House walls off the
    /// press"): the building is then the office (`mentions.rs`, `building_as_place`).
    VerbParticle,
    /// Words of involvement whose "in" names the party they concern, not a place ("meddling in
    /// Moldova", "intervened in Syria"): a state after them is no place (`lib.rs`,
    /// `place_mention`).
    InvolvementWord,
}

/// How a list's words are compared with the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    /// In any ASCII case.
    Any,
    /// Only as written in the file (capitalized name words).
    AsWritten,
}

/// Every list with its name in the data files and how it is compared.
pub const LEXICONS: [(Lex, &str, Case); 199] = [
    (Lex::DisputeWord, "dispute_word", Case::Any),
    (Lex::DisputeKindNaming, "dispute_kind_naming", Case::Any),
    (
        Lex::DisputeKindTerritorial,
        "dispute_kind_territorial",
        Case::Any,
    ),
    (Lex::DisputeKindMaritime, "dispute_kind_maritime", Case::Any),
    (Lex::MastheadWord, "masthead_word", Case::AsWritten),
    (Lex::FeatureNoun, "feature_noun", Case::AsWritten),
    (
        Lex::FeatureNounBefore,
        "feature_noun_before",
        Case::AsWritten,
    ),
    (Lex::NamedAfterCity, "named_after_city", Case::Any),
    (Lex::NationalNameWord, "national_name_word", Case::AsWritten),
    (Lex::ClaimObjectCase, "claim_object_case", Case::Any),
    (Lex::NamesakePrefix, "namesake_prefix", Case::Any),
    (Lex::RegionPrefix, "region_prefix", Case::Any),
    (Lex::LongFormHead, "long_form_head", Case::Any),
    (Lex::InstitutionHead, "institution_head", Case::AsWritten),
    (Lex::OrganizationHead, "organization_head", Case::AsWritten),
    (
        Lex::ArmedOrganizationHead,
        "armed_organization_head",
        Case::AsWritten,
    ),
    (Lex::ArmyWord, "army_word", Case::AsWritten),
    (
        Lex::PoliticalOrganizationHead,
        "political_organization_head",
        Case::AsWritten,
    ),
    (
        Lex::OrganizationNameLink,
        "organization_name_link",
        Case::AsWritten,
    ),
    (
        Lex::GenericOfficeName,
        "generic_office_name",
        Case::AsWritten,
    ),
    (
        Lex::OwnedOrganizationHead,
        "owned_organization_head",
        Case::AsWritten,
    ),
    (Lex::PressNameWord, "press_name_word", Case::AsWritten),
    (Lex::LegalPartyWord, "legal_party_word", Case::AsWritten),
    (Lex::CompassWord, "compass_word", Case::AsWritten),
    (Lex::Instrument, "instrument", Case::AsWritten),
    (Lex::FireWord, "fire_word", Case::Any),
    (Lex::OpenedFire, "opened_fire", Case::Any),
    (Lex::CreditLine, "credit_line", Case::Any),
    (Lex::PublisherCue, "publisher_cue", Case::Any),
    (Lex::GroupNoun, "group_noun", Case::Any),
    (Lex::BodyNoun, "body_noun", Case::Any),
    (Lex::PersonRole, "person_role", Case::Any),
    (Lex::SpeechVerb, "speech_verb", Case::Any),
    (Lex::PrivateRole, "private_role", Case::AsWritten),
    (Lex::OfficialRole, "official_role", Case::AsWritten),
    (Lex::HeadRole, "head_role", Case::AsWritten),
    (Lex::PrivateGroup, "private_group", Case::Any),
    (Lex::ArmedGroupNoun, "armed_group_noun", Case::Any),
    (Lex::PlacedPeople, "placed_people", Case::Any),
    (Lex::InstitutionWord, "institution_word", Case::AsWritten),
    (Lex::AbbreviatedGiven, "abbreviated_given", Case::AsWritten),
    (Lex::Opposition, "opposition", Case::Any),
    (Lex::NotAnIssue, "not_an_issue", Case::Any),
    (Lex::OpensAnIssue, "opens_an_issue", Case::Any),
    (Lex::GroupHead, "group_head", Case::Any),
    (Lex::PersonHead, "person_head", Case::Any),
    (Lex::ReciprocalVerb, "reciprocal_verb", Case::Any),
    (Lex::BackingNoun, "backing_noun", Case::Any),
    (Lex::ClaimedThing, "claimed_thing", Case::Any),
    (Lex::CallingVerb, "calling_verb", Case::Any),
    (Lex::WeakCue, "weak_cue", Case::Any),
    (Lex::AdoptingVerb, "adopting_verb", Case::Any),
    (Lex::ClaimNoun, "claim_noun", Case::Any),
    (Lex::LightVerb, "light_verb", Case::Any),
    (Lex::LightVerbIrregular, "light_verb_irregular", Case::Any),
    (Lex::JointActNoun, "joint_act_noun", Case::Any),
    (Lex::ThreatVerb, "threat_verb", Case::Any),
    (Lex::AskingVerb, "asking_verb", Case::Any),
    (Lex::KnowingVerb, "knowing_verb", Case::Any),
    (Lex::CourseVerb, "course_verb", Case::Any),
    (Lex::SeveringVerb, "severing_verb", Case::Any),
    (Lex::PactNoun, "pact_noun", Case::Any),
    (Lex::CommercialPartyNoun, "commercial_party_noun", Case::Any),
    (Lex::ImposingVerb, "imposing_verb", Case::Any),
    (Lex::EasingVerb, "easing_verb", Case::Any),
    (Lex::WithdrawingVerb, "withdrawing_verb", Case::Any),
    (Lex::JoiningVerb, "joining_verb", Case::Any),
    (Lex::JoinedActCase, "joined_act_case", Case::Any),
    (Lex::OrderingVerb, "ordering_verb", Case::Any),
    (Lex::SuspendingVerb, "suspending_verb", Case::Any),
    (Lex::SuspensionCase, "suspension_case", Case::Any),
    (Lex::LeavingVerb, "leaving_verb", Case::Any),
    (Lex::DestinationCase, "destination_case", Case::Any),
    (
        Lex::SanctionVerbIrregular,
        "sanction_verb_irregular",
        Case::Any,
    ),
    (Lex::PenaltyNoun, "penalty_noun", Case::Any),
    (Lex::SanctionsIssueNoun, "sanctions_issue_noun", Case::Any),
    (Lex::TiesNoun, "ties_noun", Case::Any),
    (Lex::EnvoyNoun, "envoy_noun", Case::Any),
    (Lex::EitherWayPenalty, "either_way_penalty", Case::Any),
    (Lex::SideNoun, "side_noun", Case::Any),
    (Lex::PairNoun, "pair_noun", Case::Any),
    (Lex::PartyNoun, "party_noun", Case::Any),
    (Lex::IntentNoun, "intent_noun", Case::Any),
    (Lex::GroundNoun, "ground_noun", Case::Any),
    (Lex::DemandNoun, "demand_noun", Case::Any),
    (Lex::ContentNoun, "content_noun", Case::Any),
    (Lex::CarryingOutNoun, "carrying_out_noun", Case::Any),
    (Lex::DemandingVerb, "demanding_verb", Case::Any),
    (Lex::AttemptGerund, "attempt_gerund", Case::Any),
    (Lex::EmptyActVerb, "empty_act_verb", Case::Any),
    (Lex::DegreeAdverb, "degree_adverb", Case::Any),
    (Lex::FurtheringGerund, "furthering_gerund", Case::Any),
    (Lex::SidesQuantifier, "sides_quantifier", Case::Any),
    (Lex::ObjectNoun, "object_noun", Case::Any),
    (Lex::TerritoryNoun, "territory_noun", Case::Any),
    (Lex::PunitiveWord, "punitive_word", Case::Any),
    (Lex::ConflictWord, "conflict_word", Case::Any),
    (Lex::TopicNoun, "topic_noun", Case::Any),
    (Lex::ProgrammeNoun, "programme_noun", Case::Any),
    (Lex::CrisisNoun, "crisis_noun", Case::Any),
    (Lex::JudgementNoun, "judgement_noun", Case::Any),
    (Lex::PeopleNoun, "people_noun", Case::Any),
    (Lex::RecognizedPlace, "recognized_place", Case::Any),
    (Lex::BelongingNoun, "belonging_noun", Case::Any),
    (Lex::StandardBreach, "standard_breach", Case::Any),
    (Lex::RecognizingWord, "recognizing_word", Case::Any),
    (Lex::EndorsingVerb, "endorsing_verb", Case::Any),
    (Lex::RulersNoun, "rulers_noun", Case::Any),
    (Lex::StateNoun, "state_noun", Case::Any),
    (Lex::CausingVerb, "causing_verb", Case::Any),
    (Lex::AgentNoun, "agent_noun", Case::Any),
    (Lex::ResolveWord, "resolve_word", Case::Any),
    (Lex::NegatingHead, "negating_head", Case::Any),
    (Lex::LandNoun, "land_noun", Case::Any),
    (Lex::CongratulatingVerb, "congratulating_verb", Case::Any),
    (Lex::ContactVerb, "contact_verb", Case::Any),
    (Lex::ArmedNoun, "armed_noun", Case::Any),
    (Lex::SeekingVerb, "seeking_verb", Case::Any),
    (Lex::DrawnParty, "drawn_party", Case::Any),
    (Lex::VoteVeto, "vote_veto", Case::Any),
    (Lex::VoteAbstention, "vote_abstention", Case::Any),
    (Lex::VotedText, "voted_text", Case::Any),
    (Lex::DraftWord, "draft_word", Case::Any),
    (Lex::CommitmentNoun, "commitment_noun", Case::Any),
    (Lex::PairPossessive, "pair_possessive", Case::Any),
    (Lex::SigningNoun, "signing_noun", Case::Any),
    (Lex::WelcomingVerb, "welcoming_verb", Case::Any),
    (Lex::VoicingVerb, "voicing_verb", Case::Any),
    (Lex::ReceivingVerb, "receiving_verb", Case::Any),
    (Lex::HostingVerb, "hosting_verb", Case::Any),
    (Lex::PresenceWord, "presence_word", Case::Any),
    (Lex::ReproachWord, "reproach_word", Case::Any),
    (Lex::MisdeedVerb, "misdeed_verb", Case::Any),
    (Lex::ApprovingWord, "approving_word", Case::Any),
    (Lex::YieldingVerb, "yielding_verb", Case::Any),
    (Lex::DocumentNoun, "document_noun", Case::Any),
    (Lex::RequestNoun, "request_noun", Case::Any),
    (Lex::InvolvementPhrase, "involvement_phrase", Case::Any),
    (Lex::WrongfulAct, "wrongful_act", Case::Any),
    (Lex::FalsityWord, "falsity_word", Case::Any),
    (Lex::WrongJudgement, "wrong_judgement", Case::Any),
    (Lex::NonexistenceLead, "nonexistence_lead", Case::Any),
    (Lex::ExistenceVerb, "existence_verb", Case::Any),
    (Lex::RefusingVerb, "refusing_verb", Case::Any),
    (Lex::RetaliatingVerb, "retaliating_verb", Case::Any),
    (Lex::MandativeVerb, "mandative_verb", Case::Any),
    (Lex::SuggestingVerb, "suggesting_verb", Case::Any),
    (Lex::FactVerb, "fact_verb", Case::Any),
    (Lex::QuestionVerb, "question_verb", Case::Any),
    (Lex::AcceptingVerb, "accepting_verb", Case::Any),
    (Lex::ParticleWord, "particle_word", Case::Any),
    (Lex::GivingVerb, "giving_verb", Case::Any),
    (Lex::NecessityNoun, "necessity_noun", Case::Any),
    (Lex::BackingVerb, "backing_verb", Case::Any),
    (Lex::PrivateRelation, "private_relation", Case::Any),
    (Lex::PassingVerb, "passing_verb", Case::Any),
    (Lex::TextNoun, "text_noun", Case::Any),
    (Lex::IssuingVerb, "issuing_verb", Case::Any),
    (Lex::FreeingVerb, "freeing_verb", Case::Any),
    (Lex::AimingVerb, "aiming_verb", Case::Any),
    (Lex::ThankingAdjective, "thanking_adjective", Case::Any),
    (Lex::WeaponNoun, "weapon_noun", Case::Any),
    (Lex::CaptiveNoun, "captive_noun", Case::Any),
    (Lex::EndingVerb, "ending_verb", Case::Any),
    (Lex::RivalWord, "rival_word", Case::Any),
    (Lex::StanceMannerCase, "stance_manner_case", Case::Any),
    (Lex::WishAdjective, "wish_adjective", Case::Any),
    (Lex::TellerPronoun, "teller_pronoun", Case::Any),
    (Lex::WishOutcomeNoun, "wish_outcome_noun", Case::Any),
    (Lex::MannerArticleNoun, "manner_article_noun", Case::Any),
    (Lex::RecallOriginCase, "recall_origin_case", Case::Any),
    (Lex::ForumCase, "forum_case", Case::Any),
    (Lex::ForumCode, "forum_code", Case::Any),
    (Lex::OwnedActNoun, "owned_act_noun", Case::Any),
    (Lex::PartyHead, "party_head", Case::Any),
    (Lex::InstrumentCase, "instrument_case", Case::Any),
    (Lex::MeansNoun, "means_noun", Case::Any),
    (Lex::StateBodyNoun, "state_body_noun", Case::Any),
    (Lex::TopicVerb, "topic_verb", Case::Any),
    (Lex::ComplaintNoun, "complaint_noun", Case::Any),
    (Lex::ComplementNoun, "complement_noun", Case::Any),
    (Lex::UnrealizedVerb, "unrealized_verb", Case::Any),
    (Lex::AllegationNoun, "allegation_noun", Case::Any),
    (Lex::AllegationOnlyNoun, "allegation_only_noun", Case::Any),
    (Lex::ActAnaphorNoun, "act_anaphor_noun", Case::Any),
    (Lex::AnsweringVerb, "answering_verb", Case::Any),
    (Lex::AllegingVerb, "alleging_verb", Case::Any),
    (Lex::AgencyNoun, "agency_noun", Case::Any),
    (Lex::BackingGerund, "backing_gerund", Case::Any),
    (Lex::BackingChargeName, "backing_charge_name", Case::Any),
    (Lex::BuildingPart, "building_part", Case::Any),
    (Lex::VisitingVerb, "visiting_verb", Case::Any),
    (Lex::LocatingPreposition, "locating_preposition", Case::Any),
    (Lex::SeatNoun, "seat_noun", Case::Any),
    (Lex::BodyMemberNoun, "body_member_noun", Case::Any),
    (Lex::VerbParticle, "verb_particle", Case::Any),
    (Lex::InvolvementWord, "involvement_word", Case::Any),
    (Lex::SettlingWord, "settling_word", Case::Any),
    (Lex::AdjudicatorWord, "adjudicator_word", Case::Any),
];

/// A set of [`Lex`] lists (room for 256).
type Lists = Bits<4>;
const _: () = assert!(LEXICONS.len() <= Lists::CAPACITY);

impl Lex {
    fn case(self) -> Case {
        LEXICONS
            .iter()
            .find(|(l, _, _)| *l == self)
            .map_or(Case::Any, |(_, _, c)| *c)
    }

    /// The list named `name` in the data files.
    #[must_use]
    pub fn parse(name: &str) -> Option<Self> {
        LEXICONS
            .iter()
            .find(|(_, n, _)| *n == name)
            .map(|(l, _, _)| *l)
    }
}

type WordMap = HashMap<Box<str>, Lists, fnv::FnvBuildHasher>;

/// The word lists, one map from word to the lists it is in.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    /// Lower-cased words of [`Case::Any`] lists.
    any_case: WordMap,
    /// Words of [`Case::AsWritten`] lists, as written.
    as_written: WordMap,
    /// Per list (by `Lex as usize`), every entry split into lower-case words, longest first,
    /// else in the order given: the stages scan a list's entries, never all of them.
    phrases: Vec<Vec<Vec<Box<str>>>>,
    /// The lists some line gave, even empty.
    given: Lists,
}

static BUILTIN: LazyLock<Arc<Lexicon>> = LazyLock::new(|| {
    let mut lexicon = Lexicon::default();
    // A broken built-in file is caught by the tests (the knowledge builder reads it too).
    for line in include_str!("../data/lexicon.tsv").lines() {
        let f: Vec<&str> = line.split('|').map(str::trim).collect();
        if f.len() >= 3 && f[0] == "lexicon" {
            let _ = lexicon.add(f[1], f[2]);
        }
    }
    Arc::new(lexicon)
});

/// The built-in word lists (`data/lexicon.tsv`), for a `Doc` made by hand.
#[must_use]
pub fn builtin() -> Arc<Lexicon> {
    Arc::clone(&BUILTIN)
}

impl Lexicon {
    /// Adds the `;`-separated `words` to list `name`.
    ///
    /// # Errors
    /// When no list has that name (the message names the known ones).
    pub fn add(&mut self, name: &str, words: &str) -> Result<(), String> {
        let lex = Lex::parse(name).ok_or_else(|| {
            let names: Vec<&str> = LEXICONS.iter().map(|(_, n, _)| *n).collect();
            format!("unknown lexicon `{name}` (known: {})", names.join(", "))
        })?;
        self.given.insert(lex as usize);
        let at = lex as usize;
        if self.phrases.len() <= at {
            self.phrases
                .resize_with(LEXICONS.len().max(at + 1), Vec::new);
        }
        for w in words.split(';').map(str::trim).filter(|w| !w.is_empty()) {
            let lower = w.to_ascii_lowercase();
            self.phrases[at].push(lower.split_whitespace().map(Box::from).collect());
            if w.contains(' ') {
                continue;
            }
            let (map, key) = match lex.case() {
                Case::Any => (&mut self.any_case, w.to_ascii_lowercase()),
                Case::AsWritten => (&mut self.as_written, w.to_owned()),
            };
            map.entry(key.into_boxed_str())
                .or_default()
                .insert(lex as usize);
        }
        // Stable: entries of one length keep the order given.
        self.phrases[at].sort_by_key(|words| std::cmp::Reverse(words.len()));
        Ok(())
    }

    /// The first list no line gave, if any: the built-in data gives every one.
    #[must_use]
    pub fn missing(&self) -> Option<&'static str> {
        LEXICONS
            .iter()
            .find(|(l, _, _)| !self.given.contains(*l as usize))
            .map(|(_, n, _)| *n)
    }

    /// Whether `word` (one token) is in list `lex`, compared as the list says.
    #[must_use]
    pub fn is(&self, lex: Lex, word: &str) -> bool {
        let bits = match lex.case() {
            Case::AsWritten => self.as_written.get(word),
            Case::Any => {
                // Lower-case into a stack buffer: the stages ask about many tokens.
                let mut buf = [0u8; 32];
                match buf.get_mut(..word.len()) {
                    Some(out) => {
                        for (d, s) in out.iter_mut().zip(word.as_bytes()) {
                            *d = s.to_ascii_lowercase();
                        }
                        std::str::from_utf8(out)
                            .ok()
                            .and_then(|lower| self.any_case.get(lower))
                    }
                    None => self.any_case.get(word.to_ascii_lowercase().as_str()),
                }
            }
        };
        bits.is_some_and(|b| b.contains(lex as usize))
    }

    /// The single words of list `lex` (lower case), in the order given: for lists read by stem
    /// or lemma ("impos" of "imposed").
    pub fn words(&self, lex: Lex) -> impl Iterator<Item = &str> {
        self.phrases(lex).filter_map(|words| match words {
            [word] => Some(&**word),
            _ => None,
        })
    }

    /// Whether `text` (a cue's span, several tokens perhaps) is a whole entry of list `lex`, in
    /// any ASCII case and whatever the spaces between its words.
    #[must_use]
    pub fn is_entry(&self, lex: Lex, text: &str) -> bool {
        self.phrases(lex).any(|words| {
            let mut parts = text.split_whitespace();
            words
                .iter()
                .all(|w| parts.next().is_some_and(|p| p.eq_ignore_ascii_case(w)))
                && parts.next().is_none()
        })
    }

    /// Every entry of list `lex` split into lower-case words, longest first (else in the order
    /// given): for lists of phrases ("foreign ministry", "navy").
    pub fn phrases(&self, lex: Lex) -> impl Iterator<Item = &[Box<str>]> {
        self.phrases
            .get(lex as usize)
            .into_iter()
            .flatten()
            .map(Vec::as_slice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// docs/extraction.md's table of word lists is what a user extending them works from: it
    /// must name every list the code reads (a row may name several), and no list it does not.
    #[test]
    fn the_docs_table_lists_every_list() {
        let docs = include_str!("../../../docs/extraction.md");
        let table = docs
            .split("| list | words of |")
            .nth(1)
            .expect("docs/extraction.md has the table of word lists");
        let mut documented: Vec<&str> = table
            .lines()
            .skip(2)
            .take_while(|l| l.starts_with("| `"))
            .flat_map(|l| {
                let first_cell = l.split(" | ").next().unwrap_or_default();
                first_cell.split('`').skip(1).step_by(2)
            })
            .collect();
        let mut known: Vec<&str> = LEXICONS.iter().map(|(_, name, _)| *name).collect();
        documented.sort_unstable();
        known.sort_unstable();
        assert_eq!(documented, known, "docs/extraction.md, table of word lists");
    }

    #[test]
    fn the_builtin_file_gives_every_list_and_parses() {
        let text = include_str!("../data/lexicon.tsv");
        let mut lexicon = Lexicon::default();
        for line in text.lines().filter(|l| l.starts_with("lexicon|")) {
            let f: Vec<&str> = line.split('|').collect();
            lexicon.add(f[1], f[2]).expect("a known list");
        }
        assert_eq!(lexicon.missing(), None);
        assert!(lexicon.is(Lex::GroupNoun, "Officials"));
        assert!(lexicon.is(Lex::MastheadWord, "Times"));
        assert!(
            !lexicon.is(Lex::MastheadWord, "times"),
            "matched as written"
        );
        assert!(lexicon.phrases(Lex::BodyNoun).any(|p| p.len() == 2));
        // Single words of a list, for lists read by stem: no phrase among them.
        assert!(lexicon.words(Lex::LightVerb).any(|w| w == "impose"));
        assert!(lexicon.words(Lex::BodyNoun).any(|w| w == "navy"));
        assert!(!lexicon.words(Lex::BodyNoun).any(|w| w.contains("ministry")));
        // A whole cue: "step up" is one, "step" or "step up the" is not.
        assert!(lexicon.is_entry(Lex::WeakCue, "Step up"));
        assert!(lexicon.is_entry(Lex::WeakCue, "co-sponsored"));
        assert!(!lexicon.is_entry(Lex::WeakCue, "step"));
        assert!(!lexicon.is_entry(Lex::WeakCue, "step up the"));
    }

    #[test]
    fn an_unknown_list_is_refused_with_the_known_ones() {
        let err = Lexicon::default()
            .add("group_nouns", "x")
            .expect_err("unknown");
        assert!(err.contains("unknown lexicon `group_nouns`") && err.contains("group_noun"));
    }
}
