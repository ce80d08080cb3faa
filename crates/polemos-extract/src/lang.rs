//! The language profile: the words of one language that the stages read as grammar rather than
//! as knowledge of the world — month and weekday names, relative dates, pronouns, auxiliaries,
//! negations, determiners and the other closed classes. The English profile is a data file
//! (`data/lang-en.tsv`) embedded like the knowledge files; a user replaces or extends it with
//! their own file, without recompiling ([`Profile::parse`], `--language FILE`). A second language
//! is one more profile file, not edits across the stages.
//!
//! Lines are `kind|field|...` like the knowledge files (`#` starts a comment, `;` separates list
//! items). Every word is stored in ASCII lower case and looked up in one hash map, whatever the
//! case of the text: the stages ask about nearly every token, so no list is scanned.
//!
//! - `language|CODE|Name`: what the profile is (required, first).
//! - `extends|CODE`: start from the built-in profile of that language (only `en`); the lines
//!   that follow add words, and classes left out keep the built-in words.
//! - `month|N|names`: the names of month N (1–12); every month is required.
//! - `weekday|N|names`: the names of weekday N (1 = Monday … 7 = Sunday); every day is required.
//! - `day_offset|N|words`: words naming the publication day moved by N days ("yesterday": -1).
//! - `step|N|words`: words moving a period by N ("next": 1, "last": -1, "this": 0).
//! - `period|week|words` (`week`, `month`, `year`): words naming a calendar period.
//! - `qualifier|early|words` (`early`, `mid`, `late`): words placing a date in its month.
//! - `word|CLASS|words`: the words of a closed class ([`Class`], listed in [`CLASSES`]); every
//!   class is required, even when empty (`word|CLASS|`).

use std::collections::HashMap;
use std::sync::{Arc, LazyLock};

use chrono::Weekday;

use super::bits::Bits;
use super::error::ExtractError;

/// The built-in profiles: file name and text.
pub const BUILTIN: [(&str, &str); 1] = [("lang-en.tsv", include_str!("../data/lang-en.tsv"))];

/// A closed class of words the stages read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Class {
    /// Words before a date that put it in the future ("will", "next", "upcoming").
    Future,
    /// Auxiliaries of the future tense on a verb ("will", "shall"; not "would", also a past).
    FutureAuxiliary,
    /// Words before a weekday that put it on the story's own day when it is that day ("later
    /// Monday" in a Monday report is today, not next week).
    SameDay,
    /// Words after which a bare month name is a date ("in", "since", "until").
    MonthPreposition,
    /// Month names that are also common words ("may", "march"): dates only when capitalised.
    MonthHomograph,
    /// The word that opens "end of the year" ("end").
    PeriodEnd,
    /// The word that follows it ("of").
    PeriodEndOf,
    /// Determiners that may follow that ("the", "this").
    PeriodEndDeterminer,
    /// Auxiliaries and adverbs that may stand between a subject and its verb ("will", "has",
    /// "also", "not").
    Auxiliary,
    /// Negations among the auxiliaries ("not", "never", "won't").
    Negation,
    /// Adjectives of readiness ("ready", "willing"): "is ready to discuss".
    Readiness,
    /// Modals of obligation ("must", "should"): "X said Y must halt ..." is X's demand.
    Obligation,
    /// Adjectives whose infinitive complement is an obligation ("are bound to comply", "is
    /// required to withdraw"), read like a modal of obligation.
    ObligingAdjective,
    /// Verbs whose subject makes the proposal that is their object ("made an offer",
    /// "submitted a plan"); other verbs' subjects answer it ("rejected the plan").
    ProposingVerb,
    /// Words of removal that reverse a stance on the topic after them ("demanded the
    /// withdrawal of troops" opposes the military presence).
    Reversing,
    /// Nouns of refusing that, between a stance cue and its topic, reverse the stance once more
    /// ("condemned Russia's refusal to hold talks" supports the talks; "criticized the refusal
    /// to withdraw its troops" opposes the troops' presence).
    Refusing,
    /// Subordinators that make an obligation a precondition ("must halt ... before talks can
    /// resume").
    Precondition,
    /// Words after which a verb's form is a noun ("a", "the", "new", "further").
    NounMarker,
    /// Pronouns and quantifiers through which the parse finds someone ("he", "they", "both").
    Referring,
    /// Prepositions marking whom an act is aimed at ("with", "to", "against").
    TargetPreposition,
    /// Beginnings of verbs of stopping or refusing ("stop", "refus", "deni"): a prefix class.
    NegatingPrefix,
    /// Words of a planned act ("planned", "upcoming", "scheduled").
    Planned,
    /// Words joining a partner to the subject ("with", "together", "jointly").
    Joining,
    /// Words between a subject and its verb that break their link: another clause ("that", "and", "because").
    ClauseBreak,
    /// Prepositions that govern a place before a comma ("In Ethiopia, ..."): not a coordinated subject.
    PlacePreposition,
    /// Conjunctions that coordinate actors ("and", "nor", "or").
    Coordinator,
    /// Lower-case words after a conjunction that are not modifiers of the next actor ("that", "said").
    NotAModifier,
    /// Relative pronouns that open a clause after a comma ("which", "who").
    Relative,
    /// Relative pronouns that stand for a person ("who", "whom").
    PersonalRelative,
    /// Words that may stand between two coordinated objects ("with Gondor and Arnor").
    ObjectGlue,
    /// Words that end a verb's object: another clause begins ("that", "because", "said").
    ObjectEnd,
    /// Words after which a cue is a verb, not a noun ("to", "will", "they").
    VerbalContext,
    /// Words between a possessor and its noun cue ("'s", "planned", "new").
    PossessorGlue,
    /// Pronouns of a person, not of a state or body ("he", "her").
    PersonPronoun,
    /// Reflexive pronouns ("herself", "itself"): an object that is the doer itself.
    ReflexivePronoun,
    /// Capitalized words that end a name rather than continue it ("Lavrov Monday", "Says"); matched as written (capitalized), or in any case in an all-capitals line.
    NotAName,
    /// Capitalized words of regions and offices' remits, not names ("Horn", "Affairs"); matched capitalized.
    RemitWord,
    /// Lower-case particles inside names ("al", "van"); matched in lower case.
    NameParticle,
    /// Courtesy titles before a name, not part of it ("Ms", "Mr", "Dr"); matched capitalized.
    Honorific,
    /// Possessive pronouns that make a title someone's ("his Prime Minister, X").
    PossessivePronoun,
    /// Words between a state and its title that keep the title the state's ("deputy", "U.N.").
    TitleModifier,
    /// Words skipped between a stance cue and the issue it names ("the", "against", "such").
    IssueLead,
    /// Words of degree before an issue's noun, left out of its name ("greater cooperation" is
    /// the cooperation asked for).
    DegreeLead,
    /// Words that end an issue's noun phrase ("and", "which", "between").
    IssueEnd,
    /// Words no issue's name contains: auxiliaries, verbs of being, pronouns, negation.
    NotInIssue,
    /// Words dropped from the end of an issue's phrase ("of", "the", "to").
    IssueTrailing,
    /// Determiners and possessives that open a noun phrase ("the", "its").
    Determiner,
    /// Endings of adjectives, which do not end a noun phrase ("al", "ive"): a suffix class.
    AdjectiveSuffix,
    /// Determiners before a noun that refers back to a measure named before ("the", "this", "its").
    ReferringDeterminer,
    /// Verbs of being after such a noun ("is", "remains"): "the measure is illegal"; before a demonym's "territory" ("are Russian territory").
    Copula,
    /// The word that opens a reported clause ("that").
    Complementizer,
    /// The infinitive marker ("to"): "is ready to discuss".
    InfinitiveMarker,
    /// The preposition that names the subject of an infinitive ("for"): "calls ... for Eritrea to
    /// accept offers of mediation".
    InfinitiveSubject,
    /// Finite forms of "be" before an adjective of readiness ("is", "were").
    BeForm,
    /// First-person subject pronouns ("we", "i").
    FirstPersonSubject,
    /// The definite article ("the").
    DefiniteArticle,
    /// Prepositions after a cue that name both parties or the agent ("between", "by"): the clause is in doubt.
    PairPreposition,
    /// The conjunction "and" (coordinated subjects, "and signed").
    And,
    /// The preposition of a passive's agent ("by").
    AgentPreposition,
    /// The prepositions of what someone is congratulated or thanked on ("congratulates X on the
    /// signing of ...").
    OccasionCase,
    /// The plural last words of titles that name several people ("Prime Ministers Alexis
    /// Tsipras and Zoran Zaev"), matched as written.
    PluralTitle,
    /// The preposition after an abstention that names what is abstained from instead of a vote
    /// ("abstained from violence").
    AbstainedFrom,
    /// The preposition that names who gives what a verb of receiving gets ("drew praise from
    /// Britain"): the giver acts (`events/sources.rs`, `received_from`).
    GiverCase,
    /// The prepositions of a statement's by-line before its author's title ("Statement by
    /// Department Spokesperson Tammy Bruce on ...", "Remarks from ...").
    BylinePreposition,
    /// The first word of "according to X" (a source, not a target).
    According,
    /// Its second word ("to").
    AccordingTo,
    /// Capitalized words that open a phrase but are not part of a name ("The", "Its"); matched capitalized.
    PhraseOpener,
    /// Articles ("the", "a", "an").
    Article,
    /// Prepositions that make the state after them acted upon, not acting ("sanctions on Russia").
    GoverningPreposition,
    /// Prepositions whose object is no subject of the verb after it ("recalled its ambassador
    /// from Peru in protest": Peru does not protest). Not "of", "for" or "by", which name an
    /// office's state or an agent ("the government of Peru protested").
    ObjectPreposition,
    /// Participles that make a state or demonym before a hyphen say where something is ("the
    /// British-based Observatory", "a Tanzanian-based tribunal"): the state does not act.
    PlaceParticiple,
    /// A prefix joined by a hyphen to a name that says what a thing is not ("major non-NATO
    /// allies", "a non-EU state"): the name is no actor.
    ExcludingPrefix,
    /// A prefix that, joined by a hyphen to a demonym, names the side people take, not their
    /// nationality ("pro-Russian separatists").
    SidingPrefix,
    /// Nouns of a capital before the city's name ("in the capital Kigali", "in the Rwandan
    /// capital, Kigali"): in a phrase of place the city is where, not its state.
    CapitalNoun,
    /// The preposition of a pair ("between X and Y").
    Between,
    /// First-person pronouns and possessives ("we", "our", "i"): the speaker's side.
    FirstPerson,
    /// Pronouns of a state, body or group ("it", "they", "their").
    ThingPronoun,
    /// The preposition of a noun's complement ("imposition of sanctions").
    GenitiveCase,
    /// Prepositions that name a noun's owner ("of", "from").
    OwnerCase,
    /// The preposition that places a group of officials at their seat of government ("officials
    /// in Beijing"): the seat then names their state, not a place.
    SeatCase,
    /// Groups of a state's officials that "in" places at its seat ("officials in Beijing", "the
    /// government in Kabul"); not troops or embassies, which are often foreign ones stationed there.
    SeatedGroup,
    /// Nouns of a venue ("headquarters", "sidelines"): the actor that names one ("the UN
    /// headquarters", "the sidelines of the UN General Assembly") says where an act is, not whom
    /// it is aimed at.
    VenueNoun,
    /// Words that open an indirect question ("asked X whether ...", "how ...").
    QuestionWord,
    /// Words that open an indirect question and nothing else ("whether"), so that an infinitive
    /// they open is asked even where the parse hangs it as an adverbial clause ("considering
    /// whether to back the treaty"); not "if" or "when", which also open a condition or a time.
    QuestionMark,
    /// Prepositions of a topic ("about", "regarding"): after a verb of asking ("asked about the
    /// sanctions", "asked Russia about its plans") what is asked is an answer, not an act.
    TopicPreposition,
    /// Adverbs between a passive's auxiliary and its participle ("is also accused").
    PassiveAdverb,
    /// Prepositions after which a noun names what an act is about, not whom it is aimed at ("on", "over"). Not "at": what is fired "at" someone is aimed at them.
    TopicCase,
    /// Prepositions of an oblique that names whom an act is aimed at ("with", "against").
    TargetCase,
    /// Prepositions that mark a target only inside the cue ("called on", "imposed sanctions on").
    CueTargetCase,
    /// Prepositions of an oblique that names whom a request is made of ("appealed to X"): not
    /// "with" or "from", which name a partner or a source ("encourage development with Morocco").
    AddresseeCase,
    /// Prepositions that name whom a warning is about ("of", "about", "against").
    WarnedOfCase,
    /// The preposition that names whom an act brought before a forum is against ("lodged a
    /// complaint with the WTO against Peru"), wherever the parser hangs it in the act's phrase.
    AgainstCase,
    /// The preposition that negates a noun ("came without any new proposal").
    Without,
    /// Prepositions of an oblique that names the act a clause happens in ("told X in a phone
    /// call", "during the meeting"); not "for", which after a verb names a purpose.
    SettingCase,
    /// The preposition of an absolute phrase whose noun is the subject of the gerund after it
    /// ("with both sides accusing the other").
    AbsoluteCase,
    /// Subordinators of a gerund clause whose subject is its governing clause's ("announced the
    /// expulsion one day after ordering Bolivia's ambassador to leave", "responded by ordering").
    AdjunctMark,
    /// Subordinators of a condition ("if", "unless"): "If X does Y, we will retaliate".
    ConditionMark,
    /// Modals of what may or would happen ("would", "might"): a deed under one is not done.
    HypotheticalModal,
    /// Determiners of no particular instance ("any"): an act so named as the subject of a
    /// hypothetical modal ("any attack on Iran could spark a war") is not done (`event_args.rs`).
    UnspecificDeterminer,
    /// Modals of what would have happened and did not ("would"): a past participle under one is
    /// not done, nor an act named with "a" as the subject of one (`event_args.rs`).
    CounterfactualModal,
    /// Auxiliaries that open a condition by inversion at the head of a sentence ("Should China
    /// decide to retaliate, ...", "Had Chile attacked, ..."): acts before the first comma are
    /// not done (`events.rs`, `in_condition`).
    InvertedCondition,
    /// The indefinite article ("a", "an"): an act so named as the subject of a counterfactual
    /// modal ("an attack on Iran would be a disaster") is not done (`event_args.rs`).
    IndefiniteArticle,
    /// Verbs that do what their object names ("conduct", "launch"): a noun of an act as the
    /// object of one only demanded is not done (`event_args.rs`, `demanded_object`).
    PerformingVerb,
    /// Verbs that let an act happen ("permit", "allow"): a noun of an act as the object of one
    /// only offered or asked for is not done (`event_args/acts.rs`, `offered_act`).
    PermittingVerb,
    /// Words that make a negation before them no negation ("not only ... but", "not alone in").
    NotOnly,
    /// A particle that asks a topic before it away ("wants the troops out of Iraq"):
    /// `stances::issues::ousted_after_topic`.
    Ousting,
    /// Cues of wanting, asking or ordering, the only ones under which `Ousting` is read.
    OustingVerb,
    /// Nouns that make "out of" before them a fixed phrase ("out of hand"), no ousting.
    OustingIdiom,
    /// Verbs of answering that threaten only under a condition ("would respond if X crossed the
    /// border"): aimed at whom the condition names, never at their object ("respond to a letter").
    ConditionalThreat,
    /// Manners of answering that keep a conditional answer a threat ("would respond
    /// militarily"); any other manner makes it none ("would respond positively").
    ForcefulManner,
    /// Adjectives of feeling, whose subject holds the judgement ("Japan is deeply concerned
    /// about the detention").
    FeelingAdjective,
    /// Prepositions of where something is ("were in Iraqi territory": a place, not a claim).
    LocativePreposition,
    /// Nouns of membership ("members of the Council"): counted or qualified, a part of a body.
    MemberNoun,
    /// Determiners that take a whole ("all members of the Council").
    WholeDeterminer,
    /// Nouns after a leader's name that name the state's government ("Assad regime").
    LeaderGroupNoun,
    /// Prepositions after a title that name the post's place ("Ambassador to Japan").
    PostPreposition,
    /// Prepositions that open a title's remit ("Special Envoy for the Horn of Africa").
    RemitPreposition,
    /// Lower-case words inside a remit or a name after it ("of", "the", "van").
    RemitGlue,
    /// Words before a title that may precede a comma and a name ("the", "former").
    TitleLead,
    /// Tokens before a name that let it start a mention (",", "and", "by", an opening quote).
    NameLeftEdge,
    /// Prepositions between a title and its state or body ("President of the United States").
    OfficePreposition,
    /// Words before a period that does not end a sentence ("Mr.", "Gen.", "Jan.").
    Abbreviation,
    /// The possessive that refers back to a state ("its foreign ministry").
    StatePossessive,
    /// Words before a plural demonym that count or list people ("seven Russians", "included Bangladeshis").
    Counting,
    /// Lower-case words inside a treaty's name ("Law of the Sea Convention"); matched in lower case.
    InstrumentGlue,
    /// The possessive ending after an apostrophe ("s" of "Japan's").
    PossessiveEnding,
    /// The preposition of what is fired at ("fired shells at Seoul"): its place is a target.
    AimPreposition,
    /// Prepositions before a place used as a location ("in Vladivostok", "near Lima").
    LocationPreposition,
    /// Tokens after which a name may open a clause (",", "and", a quote); and ";", which the list separator cannot hold.
    ClauseOpener,
    /// Prepositions after a role noun naming whom the person serves ("a member of X", "an aide to X").
    ServicePreposition,
    /// Prepositions after a name naming where the speaker works ("Justin Logan at the Cato Institute").
    WorkplacePreposition,
    /// Prepositions after an accusation naming the act charged ("accused X of ...", "blamed X for ...").
    ChargePreposition,
    /// Nouns of a span of time after "for" that say how long, not what is charged ("accused each
    /// other for years of ...").
    ChargeDuration,
    /// Prepositions after the actor a stance is taken toward naming what it is about ("protested to Russia over ...").
    GrievancePreposition,
    /// Nouns of unease a grievance phrase may open before what it is about ("recalled its
    /// ambassador over concerns about the crackdown").
    UneaseNoun,
    /// Nouns of a stretch of time ("weekend", "year"): "expelled two diplomats over the weekend"
    /// is when, no grievance.
    TimeSpanNoun,
    /// The word before a judgement of a verb's object ("described the drills as provocative").
    PredicativeAs,
    /// Conjunctions that cut an issue's phrase in two ("regional and ... efforts").
    PhraseCoordinator,
    /// Words that end the phrase a judgement qualifies (",", "and", "but"); and ";", which the list separator cannot hold.
    PhraseBreak,
    /// Conjunctions that may open a clause before a referring noun ("but the proposal is serious").
    ClauseConjunction,
    /// Words after a noun that open its own complement, so that it refers to nothing before ("the decision to withdraw", "the move by Manila").
    NounComplement,
    /// Words skipped before an actor's claim ("rejected the Chinese claims").
    ClaimLead,
    /// Words after a recognized actor that end the object ("recognized X as president").
    RecognizedEnd,
    /// Prepositions that open a sentence about another subject ("On Sudan, ...").
    TopicOpener,
    /// Words before "with" that make its object a partner in the act ("in concert with", "together with").
    PartnerLead,
    /// The preposition after those ("with").
    PartnerWith,
    /// Prepositions that name a partner by themselves ("alongside").
    PartnerPreposition,
    /// Prepositions of the outcome an ending comes to ("end with a treaty", "end in a deal").
    OutcomePreposition,
    /// Words that may stand between the actors of a list of partners ("the", "and", ",").
    PartnerListGlue,
    /// Words between an actor and a noun cue that make the actor no possessor of the act ("the", "of").
    PossessorBreak,
    /// The negation of a pair of subjects ("Neither X nor Y boycotted").
    Neither,
    /// Words that negate a joined clause by themselves, as its conjunction or adverb ("nor did
    /// Y recall", "and neither did Y recall").
    ClauseNegator,
    /// Determiners, or subject pronouns, that negate the clause of their subject ("no other
    /// state has expelled", "none has expelled").
    NegativeSubject,
    /// Forms of "be" before a participle that make it a passive ("was opposed", "been criticized").
    PassiveAuxiliary,
    /// Forms of "have" before a participle that make it a perfect ("has accused").
    PerfectAuxiliary,
    /// Words after a surname that belong to it, not to another name ("Jr.", "Senior"): a known
    /// name they follow is still the known man (`persons.rs`, `name_runs_on`).
    NameSuffix,
    /// Modals of ability ("can", "could"; a cue verb's auxiliary lemma): a negated act under one
    /// could not be done, no act withheld from anyone (`events.rs`, `unable`).
    AbilityModal,
    /// Adverbs that say a thing is done too little to count ("barely", "hardly"): not skipped
    /// as manner before a charged gerund ("of barely supporting the mission", `stances/issues.rs`).
    ScantAdverb,
    /// Conjunctions before a second verb that shares the first one's subject ("X recognizes A and reaffirms ...").
    VerbCoordinator,
    /// The pronoun of a statement in one state's voice ("we welcome ...").
    We,
    /// Words before "the end of" a period that make it a deadline ("by the end of the year").
    DeadlineLead,
    /// The preposition of a deadline ("by January 31").
    DeadlinePreposition,
    /// The condition word that, before a date, sets a term instead ("extended the sanctions until January 31").
    TermPreposition,
    /// Prepositions of a leading phrase that names what the sentence is about, not who speaks ("On Sudan, Ambassador X will ...").
    LeadingPreposition,
    /// Words that make a cue negative itself ("will never accept"); and any word ending in "n't".
    CueNegation,
    /// Quantifiers of a pair of sides ("both parties", "the two sides").
    PairQuantifier,
    /// The pronoun of a pair of sides ("Both said ...").
    PairPronoun,
    /// Reciprocal pronouns, written as their two words ("accused each other": each party the
    /// other).
    ReciprocalPronoun,
    /// The pronoun that may be a thing, not a state ("It calls for direct talks").
    NeuterPronoun,
    /// Subject pronouns a reported clause resolves to its speaker or the actor before ("it", "they", "he").
    SubjectPronoun,
    /// Words before "with" that join a partner to a stance's holder ("in concert with", "together with").
    JointLead,
    /// The ending of gerunds and present participles ("-ing"): a suffix class.
    GerundSuffix,
    /// The ending of adverbs ("-ly"): a suffix class.
    AdverbSuffix,
    /// Endings of past participles ("-ed", "-en", "-wn"): a suffix class.
    ParticipleSuffix,
    /// The ending of a negated auxiliary ("-n't"): a suffix class.
    NegationSuffix,
}

/// Every class with its name in the profile file.
pub const CLASSES: [(Class, &str); 175] = [
    (Class::Future, "future"),
    (Class::FutureAuxiliary, "future_auxiliary"),
    (Class::SameDay, "same_day"),
    (Class::MonthPreposition, "month_preposition"),
    (Class::MonthHomograph, "month_homograph"),
    (Class::PeriodEnd, "period_end"),
    (Class::PeriodEndOf, "period_end_of"),
    (Class::PeriodEndDeterminer, "period_end_determiner"),
    (Class::Auxiliary, "auxiliary"),
    (Class::Negation, "negation"),
    (Class::Readiness, "readiness"),
    (Class::Obligation, "obligation"),
    (Class::ObligingAdjective, "obliging_adjective"),
    (Class::Reversing, "reversing"),
    (Class::Refusing, "refusing"),
    (Class::ProposingVerb, "proposing_verb"),
    (Class::Precondition, "precondition"),
    (Class::NounMarker, "noun_marker"),
    (Class::Referring, "referring"),
    (Class::TargetPreposition, "target_preposition"),
    (Class::NegatingPrefix, "negating_prefix"),
    (Class::Planned, "planned"),
    (Class::Joining, "joining"),
    (Class::ClauseBreak, "clause_break"),
    (Class::PlacePreposition, "place_preposition"),
    (Class::Coordinator, "coordinator"),
    (Class::NotAModifier, "not_a_modifier"),
    (Class::Relative, "relative"),
    (Class::PersonalRelative, "personal_relative"),
    (Class::ObjectGlue, "object_glue"),
    (Class::ObjectEnd, "object_end"),
    (Class::VerbalContext, "verbal_context"),
    (Class::PossessorGlue, "possessor_glue"),
    (Class::PersonPronoun, "person_pronoun"),
    (Class::ReflexivePronoun, "reflexive_pronoun"),
    (Class::NotAName, "not_a_name"),
    (Class::RemitWord, "remit_word"),
    (Class::NameParticle, "name_particle"),
    (Class::Honorific, "honorific"),
    (Class::PossessivePronoun, "possessive_pronoun"),
    (Class::TitleModifier, "title_modifier"),
    (Class::IssueLead, "issue_lead"),
    (Class::IssueEnd, "issue_end"),
    (Class::NotInIssue, "not_in_issue"),
    (Class::IssueTrailing, "issue_trailing"),
    (Class::Determiner, "determiner"),
    (Class::AdjectiveSuffix, "adjective_suffix"),
    (Class::ReferringDeterminer, "referring_determiner"),
    (Class::Copula, "copula"),
    (Class::Complementizer, "complementizer"),
    (Class::InfinitiveMarker, "infinitive_marker"),
    (Class::InfinitiveSubject, "infinitive_subject"),
    (Class::BeForm, "be_form"),
    (Class::FirstPersonSubject, "first_person_subject"),
    (Class::DefiniteArticle, "definite_article"),
    (Class::PairPreposition, "pair_preposition"),
    (Class::And, "and"),
    (Class::AgentPreposition, "agent_preposition"),
    (Class::OccasionCase, "occasion_case"),
    (Class::PluralTitle, "plural_title"),
    (Class::AbstainedFrom, "abstained_from"),
    (Class::GiverCase, "giver_case"),
    (Class::BylinePreposition, "byline_preposition"),
    (Class::According, "according"),
    (Class::AccordingTo, "according_to"),
    (Class::PhraseOpener, "phrase_opener"),
    (Class::Article, "article"),
    (Class::GoverningPreposition, "governing_preposition"),
    (Class::ObjectPreposition, "object_preposition"),
    (Class::Between, "between"),
    (Class::FirstPerson, "first_person"),
    (Class::ThingPronoun, "thing_pronoun"),
    (Class::GenitiveCase, "genitive_case"),
    (Class::OwnerCase, "owner_case"),
    (Class::SeatCase, "seat_case"),
    (Class::SeatedGroup, "seated_group"),
    (Class::VenueNoun, "venue_noun"),
    (Class::QuestionWord, "question_word"),
    (Class::QuestionMark, "question_mark"),
    (Class::TopicPreposition, "topic_preposition"),
    (Class::PassiveAdverb, "passive_adverb"),
    (Class::TopicCase, "topic_case"),
    (Class::TargetCase, "target_case"),
    (Class::CueTargetCase, "cue_target_case"),
    (Class::AddresseeCase, "addressee_case"),
    (Class::WarnedOfCase, "warned_of_case"),
    (Class::AgainstCase, "against_case"),
    (Class::Without, "without"),
    (Class::SettingCase, "setting_case"),
    (Class::AbsoluteCase, "absolute_case"),
    (Class::AdjunctMark, "adjunct_mark"),
    (Class::ConditionMark, "condition_mark"),
    (Class::InvertedCondition, "inverted_condition"),
    (Class::HypotheticalModal, "hypothetical_modal"),
    (Class::UnspecificDeterminer, "unspecific_determiner"),
    (Class::CounterfactualModal, "counterfactual_modal"),
    (Class::IndefiniteArticle, "indefinite_article"),
    (Class::PerformingVerb, "performing_verb"),
    (Class::PermittingVerb, "permitting_verb"),
    (Class::NotOnly, "not_only"),
    (Class::Ousting, "ousting"),
    (Class::OustingVerb, "ousting_verb"),
    (Class::OustingIdiom, "ousting_idiom"),
    (Class::ConditionalThreat, "conditional_threat"),
    (Class::ForcefulManner, "forceful_manner"),
    (Class::FeelingAdjective, "feeling_adjective"),
    (Class::LocativePreposition, "locative_preposition"),
    (Class::MemberNoun, "member_noun"),
    (Class::WholeDeterminer, "whole_determiner"),
    (Class::LeaderGroupNoun, "leader_group_noun"),
    (Class::PostPreposition, "post_preposition"),
    (Class::RemitPreposition, "remit_preposition"),
    (Class::RemitGlue, "remit_glue"),
    (Class::TitleLead, "title_lead"),
    (Class::NameLeftEdge, "name_left_edge"),
    (Class::OfficePreposition, "office_preposition"),
    (Class::Abbreviation, "abbreviation"),
    (Class::StatePossessive, "state_possessive"),
    (Class::Counting, "counting"),
    (Class::InstrumentGlue, "instrument_glue"),
    (Class::PossessiveEnding, "possessive_ending"),
    (Class::AimPreposition, "aim_preposition"),
    (Class::LocationPreposition, "location_preposition"),
    (Class::ClauseOpener, "clause_opener"),
    (Class::ServicePreposition, "service_preposition"),
    (Class::WorkplacePreposition, "workplace_preposition"),
    (Class::ChargePreposition, "charge_preposition"),
    (Class::ChargeDuration, "charge_duration"),
    (Class::GrievancePreposition, "grievance_preposition"),
    (Class::UneaseNoun, "unease_noun"),
    (Class::TimeSpanNoun, "time_span_noun"),
    (Class::PredicativeAs, "predicative_as"),
    (Class::PhraseCoordinator, "phrase_coordinator"),
    (Class::PhraseBreak, "phrase_break"),
    (Class::ClauseConjunction, "clause_conjunction"),
    (Class::NounComplement, "noun_complement"),
    (Class::ClaimLead, "claim_lead"),
    (Class::RecognizedEnd, "recognized_end"),
    (Class::TopicOpener, "topic_opener"),
    (Class::PartnerLead, "partner_lead"),
    (Class::PartnerWith, "partner_with"),
    (Class::PartnerPreposition, "partner_preposition"),
    (Class::OutcomePreposition, "outcome_preposition"),
    (Class::PartnerListGlue, "partner_list_glue"),
    (Class::PossessorBreak, "possessor_break"),
    (Class::Neither, "neither"),
    (Class::ClauseNegator, "clause_negator"),
    (Class::NegativeSubject, "negative_subject"),
    (Class::PassiveAuxiliary, "passive_auxiliary"),
    (Class::PerfectAuxiliary, "perfect_auxiliary"),
    (Class::NameSuffix, "name_suffix"),
    (Class::AbilityModal, "ability_modal"),
    (Class::ScantAdverb, "scant_adverb"),
    (Class::VerbCoordinator, "verb_coordinator"),
    (Class::We, "we"),
    (Class::DeadlineLead, "deadline_lead"),
    (Class::DeadlinePreposition, "deadline_preposition"),
    (Class::TermPreposition, "term_preposition"),
    (Class::LeadingPreposition, "leading_preposition"),
    (Class::CueNegation, "cue_negation"),
    (Class::PairQuantifier, "pair_quantifier"),
    (Class::PairPronoun, "pair_pronoun"),
    (Class::ReciprocalPronoun, "reciprocal_pronoun"),
    (Class::NeuterPronoun, "neuter_pronoun"),
    (Class::SubjectPronoun, "subject_pronoun"),
    (Class::JointLead, "joint_lead"),
    (Class::GerundSuffix, "gerund_suffix"),
    (Class::AdverbSuffix, "adverb_suffix"),
    (Class::ParticipleSuffix, "participle_suffix"),
    (Class::NegationSuffix, "negation_suffix"),
    (Class::DegreeLead, "degree_lead"),
    (Class::PlaceParticiple, "place_participle"),
    (Class::ExcludingPrefix, "excluding_prefix"),
    (Class::SidingPrefix, "siding_prefix"),
    (Class::CapitalNoun, "capital_noun"),
];

/// A set of [`Class`]es.
type Classes = Bits<4>;
const _: () = assert!(CLASSES.len() <= Classes::CAPACITY);

impl Class {
    /// Whether the class holds word beginnings or endings rather than words.
    fn is_affix(self) -> bool {
        matches!(
            self,
            Self::NegatingPrefix
                | Self::AdjectiveSuffix
                | Self::GerundSuffix
                | Self::AdverbSuffix
                | Self::ParticipleSuffix
                | Self::NegationSuffix
        )
    }

    fn parse(name: &str) -> Option<Self> {
        CLASSES.iter().find(|(_, n)| *n == name).map(|(c, _)| *c)
    }
}

/// A calendar period named by a word ("week").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Week,
    Month,
    Year,
}

/// What the profile knows of one word (lower case).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Lexeme {
    classes: Classes,
    pub month: Option<u32>,
    pub weekday: Option<Weekday>,
    pub day_offset: Option<i64>,
    pub step: Option<i32>,
    pub period: Option<Period>,
    /// "early", "mid" or "late": the qualifier a date reports.
    pub qualifier: Option<&'static str>,
}

/// FNV-1a: the keys are short words, for which SipHash's setup costs more than the lookup.
type WordMap = HashMap<Box<str>, u32, fnv::FnvBuildHasher>;

/// A language profile, parsed once into one map from word to what it is.
#[derive(Debug, Clone, Default)]
pub struct Profile {
    /// The language code ("en").
    pub code: String,
    pub name: String,
    /// Word → index into `lexemes`.
    words: WordMap,
    lexemes: Vec<Lexeme>,
    /// The longest word of a prefix or suffix class, to bound their lookups.
    longest_affix: usize,
}

static ENGLISH: LazyLock<Arc<Profile>> =
    // A broken built-in file is caught by the tests; the empty profile keeps `Doc::new` total.
    LazyLock::new(|| Arc::new(Profile::builtin("en").unwrap_or_default()));

/// The built-in English profile, parsed once per process.
#[must_use]
pub fn english() -> Arc<Profile> {
    Arc::clone(&ENGLISH)
}

/// The built-in English profile, or why its embedded file does not parse.
///
/// # Errors
/// Only when the embedded file is broken (a bug caught by the tests).
pub fn checked_english() -> Result<Arc<Profile>, ExtractError> {
    if ENGLISH.code.is_empty() {
        Profile::builtin("en")?;
    }
    Ok(english())
}

/// Which required entries a profile file gave.
#[derive(Default)]
struct Seen {
    language: bool,
    months: [bool; 12],
    weekdays: [bool; 7],
    classes: Classes,
}

fn list(field: &str) -> impl Iterator<Item = &str> {
    field.split(';').map(str::trim).filter(|s| !s.is_empty())
}

fn weekday(n: u32) -> Option<Weekday> {
    Some(match n {
        1 => Weekday::Mon,
        2 => Weekday::Tue,
        3 => Weekday::Wed,
        4 => Weekday::Thu,
        5 => Weekday::Fri,
        6 => Weekday::Sat,
        7 => Weekday::Sun,
        _ => return None,
    })
}

impl Profile {
    /// The built-in profile of language `code`.
    ///
    /// # Errors
    /// When there is none, or its embedded file does not parse (a bug caught by the tests).
    pub fn builtin(code: &str) -> Result<Self, ExtractError> {
        let (file, text) = BUILTIN
            .iter()
            .find(|(f, _)| {
                f.strip_prefix("lang-").and_then(|f| f.strip_suffix(".tsv")) == Some(code)
            })
            .ok_or_else(|| ExtractError::Data {
                file: format!("lang-{code}.tsv"),
                line: 0,
                message: format!("no built-in language profile `{code}` (built in: en)"),
            })?;
        Self::parse(file, text)
    }

    /// Parses a profile file; `source` names it in errors. A file that starts with
    /// `extends|CODE` adds to the built-in profile of that language; any other must give
    /// every month, weekday and class.
    ///
    /// # Errors
    /// [`ExtractError::Data`] naming the file, the line and the unknown or missing entry.
    pub fn parse(source: &str, text: &str) -> Result<Self, ExtractError> {
        let err = |line: usize, message: String| ExtractError::Data {
            file: source.to_owned(),
            line,
            message,
        };
        let mut profile = Self::default();
        let mut seen = Seen::default();
        let mut extends = false;
        let mut last = 0;
        for (index, raw) in text.lines().enumerate() {
            last = index + 1;
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let f: Vec<&str> = line.split('|').map(str::trim).collect();
            if f[0] == "extends" {
                if seen.language || !profile.words.is_empty() || extends {
                    return Err(err(
                        last,
                        "`extends` must come before every other line".into(),
                    ));
                }
                let code = f.get(1).copied().unwrap_or("");
                let base = Self::builtin(code).map_err(|e| err(last, e.to_string()))?;
                profile = base;
                seen = Seen {
                    language: true,
                    months: [true; 12],
                    weekdays: [true; 7],
                    classes: Classes::ALL,
                };
                extends = true;
                continue;
            }
            profile.add_line(&f, &mut seen).map_err(|m| err(last, m))?;
        }
        // A missing entry is reported at the end of the file, where it could have been added.
        let at_end = last.max(1);
        if !seen.language {
            return Err(err(at_end, "no `language|CODE|Name` line".into()));
        }
        if let Some(m) = seen.months.iter().position(|s| !s) {
            return Err(err(
                at_end,
                format!("missing class `month`: month {} has no name", m + 1),
            ));
        }
        if let Some(d) = seen.weekdays.iter().position(|s| !s) {
            return Err(err(
                at_end,
                format!("missing class `weekday`: weekday {} has no name", d + 1),
            ));
        }
        if let Some((_, name)) = CLASSES
            .iter()
            .find(|(c, _)| !seen.classes.contains(*c as usize))
        {
            return Err(err(
                at_end,
                format!("missing class `{name}` (give `word|{name}|` for an empty class)"),
            ));
        }
        Ok(profile)
    }

    fn entry(&mut self, word: &str) -> &mut Lexeme {
        let next = u32::try_from(self.lexemes.len()).unwrap_or(u32::MAX);
        let id = *self
            .words
            .entry(word.to_ascii_lowercase().into_boxed_str())
            .or_insert(next);
        if id == next {
            self.lexemes.push(Lexeme::default());
        }
        let last = self.lexemes.len() - 1;
        let at = usize::try_from(id).map_or(last, |i| i.min(last));
        &mut self.lexemes[at]
    }

    fn add_line(&mut self, f: &[&str], seen: &mut Seen) -> Result<(), String> {
        let need = |n: usize, shape: &str| {
            if f.len() < n {
                Err(format!("expected {n} fields `{shape}`, found {}", f.len()))
            } else {
                Ok(())
            }
        };
        let number = |s: &str, range: std::ops::RangeInclusive<i64>, what: &str| {
            s.parse::<i64>()
                .ok()
                .filter(|n| range.contains(n))
                .ok_or_else(|| format!("`{s}` is not a {what}"))
        };
        match f[0] {
            "language" => {
                need(3, "language|CODE|Name")?;
                self.code = f[1].to_owned();
                self.name = f[2].to_owned();
                seen.language = true;
            }
            "month" => {
                need(3, "month|N|names")?;
                let m = number(f[1], 1..=12, "month number (1-12)")?;
                let m = u32::try_from(m).map_err(|e| e.to_string())?;
                for w in list(f[2]) {
                    self.entry(w).month = Some(m);
                }
                seen.months[m as usize - 1] = true;
            }
            "weekday" => {
                need(3, "weekday|N|names")?;
                let d = number(f[1], 1..=7, "weekday number (1 = Monday … 7 = Sunday)")?;
                let d = u32::try_from(d).map_err(|e| e.to_string())?;
                for w in list(f[2]) {
                    self.entry(w).weekday = weekday(d);
                }
                seen.weekdays[d as usize - 1] = true;
            }
            "day_offset" => {
                need(3, "day_offset|N|words")?;
                let n = number(f[1], -366..=366, "number of days")?;
                for w in list(f[2]) {
                    self.entry(w).day_offset = Some(n);
                }
            }
            "step" => {
                need(3, "step|N|words")?;
                let n = number(f[1], -100..=100, "step")?;
                let n = i32::try_from(n).map_err(|e| e.to_string())?;
                for w in list(f[2]) {
                    self.entry(w).step = Some(n);
                }
            }
            "period" => {
                need(3, "period|week/month/year|words")?;
                let p = match f[1] {
                    "week" => Period::Week,
                    "month" => Period::Month,
                    "year" => Period::Year,
                    other => return Err(format!("unknown period `{other}` (week, month, year)")),
                };
                for w in list(f[2]) {
                    self.entry(w).period = Some(p);
                }
            }
            "qualifier" => {
                need(3, "qualifier|early/mid/late|words")?;
                let q = match f[1] {
                    "early" => "early",
                    "mid" => "mid",
                    "late" => "late",
                    other => {
                        return Err(format!("unknown qualifier `{other}` (early, mid, late)"));
                    }
                };
                for w in list(f[2]) {
                    self.entry(w).qualifier = Some(q);
                }
            }
            "word" => {
                need(3, "word|CLASS|words")?;
                let class = Class::parse(f[1]).ok_or_else(|| {
                    let names: Vec<&str> = CLASSES.iter().map(|(_, n)| *n).collect();
                    format!("unknown class `{}` (known: {})", f[1], names.join(", "))
                })?;
                for w in list(f[2]) {
                    if class.is_affix() {
                        self.longest_affix = self.longest_affix.max(w.len());
                    }
                    self.entry(w).classes.insert(class as usize);
                }
                seen.classes.insert(class as usize);
            }
            other => return Err(format!("unknown kind `{other}`")),
        }
        Ok(())
    }

    /// What the profile knows of `word`, in any ASCII case (as `str::eq_ignore_ascii_case`).
    #[must_use]
    pub fn lexeme(&self, word: &str) -> Option<&Lexeme> {
        self.lexeme_at(self.lexeme_id(word))
    }

    /// The lexeme `lexeme_id` gave.
    #[must_use]
    pub(crate) fn lexeme_at(&self, id: u32) -> Option<&Lexeme> {
        self.lexemes.get(usize::try_from(id).ok()?)
    }

    /// The index of `word`'s lexeme (`u32::MAX` for none), for caching per token.
    #[must_use]
    pub(crate) fn lexeme_id(&self, word: &str) -> u32 {
        self.lexeme_index(word).copied().unwrap_or(u32::MAX)
    }

    fn lexeme_index(&self, word: &str) -> Option<&u32> {
        // Lower-case into a stack buffer in one pass: the stages ask about nearly every token.
        let mut buf = [0u8; 32];
        match buf.get_mut(..word.len()) {
            Some(out) => {
                for (d, s) in out.iter_mut().zip(word.as_bytes()) {
                    *d = s.to_ascii_lowercase();
                }
                std::str::from_utf8(out)
                    .ok()
                    .and_then(|lower| self.words.get(lower))
            }
            None => self.words.get(word.to_ascii_lowercase().as_str()),
        }
    }

    /// Whether the lexeme has `class`.
    #[must_use]
    pub(crate) fn has(lexeme: Option<&Lexeme>, class: Class) -> bool {
        lexeme.is_some_and(|l| l.classes.contains(class as usize))
    }

    /// Whether `word` belongs to `class`, in any ASCII case.
    #[must_use]
    pub fn is(&self, class: Class, word: &str) -> bool {
        self.lexeme(word)
            .is_some_and(|l| l.classes.contains(class as usize))
    }

    /// Whether `word` starts with a word of the prefix class `class`.
    #[must_use]
    pub fn starts_with(&self, class: Class, word: &str) -> bool {
        (1..=word.len().min(self.longest_affix))
            .filter_map(|n| word.get(..n))
            .any(|p| self.is(class, p))
    }

    /// Whether `word` is a word of `class` written capitalized ("The", not "THE" or "the"): for
    /// classes the stages compare as written in running text.
    #[must_use]
    pub fn is_capitalized(&self, class: Class, word: &str) -> bool {
        word.starts_with(|c: char| c.is_ascii_uppercase())
            && !word.bytes().skip(1).any(|b| b.is_ascii_uppercase())
            && self.is(class, word)
    }

    /// Whether `word` ends with a word of the suffix class `class`.
    #[must_use]
    pub fn ends_with(&self, class: Class, word: &str) -> bool {
        (1..=word.len().min(self.longest_affix))
            .filter_map(|n| word.get(word.len() - n..))
            .any(|p| self.is(class, p))
    }

    /// Whether `word` ends with a word of the suffix class `class` written in lower case
    /// ("-ly" in "only", not in "ONLY"): for the stages that compare endings as written.
    #[must_use]
    pub fn ends_with_lower(&self, class: Class, word: &str) -> bool {
        (1..=word.len().min(self.longest_affix))
            .filter_map(|n| word.get(word.len() - n..))
            .any(|p| !p.bytes().any(|b| b.is_ascii_uppercase()) && self.is(class, p))
    }

    /// The month (1–12) `word` names.
    #[must_use]
    pub fn month(&self, word: &str) -> Option<u32> {
        self.lexeme(word)?.month
    }

    /// The weekday `word` names.
    #[must_use]
    pub fn weekday(&self, word: &str) -> Option<Weekday> {
        self.lexeme(word)?.weekday
    }
}

#[cfg(test)]
mod tests;
