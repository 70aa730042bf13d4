//! The closed word classes of the phrase grammar. Lowercase; looked up ignoring ASCII case.

/// Determiners and quantifiers that open a noun phrase and are not part of its content.
pub(crate) const DETERMINERS: &[&str] = &[
    "the", "a", "an", "all", "some", "those", "these", "this", "that", "its", "their", "his",
    "her", "our", "your", "each", "every", "any", "both", "many", "most", "such", "whole",
];

/// Prepositions that may continue a noun phrase ("migrants in Thailand", "workers from
/// Myanmar"), when a noun follows them.
pub(crate) const NP_PREPOSITIONS: &[&str] = &[
    "of",
    "in",
    "from",
    "at",
    "on",
    "across",
    "within",
    "throughout",
    "among",
    "inside",
    "outside",
    "along",
    "near",
    "aged",
    "under",
];

/// Prepositions that end a noun phrase.
pub(crate) const OTHER_PREPOSITIONS: &[&str] = &[
    "over",
    "about",
    "after",
    "before",
    "into",
    "onto",
    "through",
    "during",
    "since",
    "until",
    "against",
    "toward",
    "towards",
    "per",
    "via",
    "without",
    "despite",
    "like",
    "upon",
    "including",
    "excluding",
    "beyond",
    "behind",
    "around",
    "amid",
];

/// Adverbs that follow a noun without belonging to it ("children worldwide").
pub(crate) const ADVERBS: &[&str] = &[
    "worldwide",
    "nationwide",
    "globally",
    "overall",
    "annually",
    "alone",
    "abroad",
    "each",
    "too",
    "also",
    "already",
    "still",
    "now",
    "then",
    "again",
    "together",
    "apiece",
    "home",
    "today",
    "yesterday",
    "ago",
];

/// Auxiliary and linking verbs.
pub(crate) const AUXILIARIES: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would",
    "can", "could", "may", "might", "must", "shall", "should", "do", "does", "did", "am",
];

/// Verbs of reporting: what a source does with a figure.
pub(crate) const REPORTING_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "found",
    "finds",
    "find",
    "estimated",
    "estimates",
    "estimate",
    "reported",
    "reports",
    "showed",
    "shows",
    "show",
    "revealed",
    "reveals",
    "concluded",
    "concludes",
    "noted",
    "notes",
    "stated",
    "states",
    "claimed",
    "claims",
    "told",
    "tells",
    "indicated",
    "indicates",
    "suggested",
    "suggests",
    "counted",
    "counts",
    "recorded",
    "records",
    "documented",
    "documents",
    "calculated",
    "calculates",
    "puts",
    "warned",
    "warns",
    "announced",
    "announces",
    "published",
    "added",
    "adds",
    "explained",
    "explains",
    "believes",
    "believed",
    "identified",
    "identifies",
    "detected",
    "detects",
];

/// Nouns that name a source of figures: a phrase with one of them, a capitalised word or a
/// known organisation can be an attribution.
pub(crate) const SOURCE_NOUNS: &[&str] = &[
    "study",
    "studies",
    "report",
    "reports",
    "survey",
    "surveys",
    "research",
    "researchers",
    "data",
    "figures",
    "statistics",
    "estimates",
    "analysis",
    "census",
    "index",
    "agency",
    "ministry",
    "official",
    "officials",
    "government",
    "police",
    "authorities",
    "experts",
    "organisation",
    "organization",
    "group",
    "office",
    "department",
    "commission",
    "poll",
    "assessment",
    "review",
    "audit",
    "investigation",
    "paper",
    "article",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "adviser",
    "advisor",
    "director",
    "representative",
    "chief",
    "minister",
    "ngo",
    "charity",
    "foundation",
    "institute",
    "bank",
    "fund",
    "campaigners",
    "activists",
    "advocates",
    "analysts",
    "critics",
    "economists",
    "scientists",
];

/// Anaphors that continue the previous sentence's source ("It found that…").
pub(crate) const ANAPHORS: &[&[&str]] = &[
    &["it"],
    &["they"],
    &["the", "report"],
    &["the", "study"],
    &["the", "survey"],
    &["the", "index"],
    &["the", "agency"],
    &["the", "organisation"],
    &["the", "organization"],
    &["the", "research"],
    &["the", "analysis"],
    &["the", "data"],
    &["the", "researchers"],
    &["the", "authors"],
    &["the", "ministry"],
    &["the", "government"],
];

/// Lexical verbs common after a subject in reporting on these statistics (base, third
/// person and past forms). Used to end a noun phrase; open-class verbs beyond these are
/// caught by their -ed ending.
pub(crate) const VERBS: &[&str] = &[
    "fall",
    "falls",
    "fell",
    "live",
    "lives",
    "work",
    "works",
    "face",
    "faces",
    "remain",
    "remains",
    "become",
    "becomes",
    "became",
    "vary",
    "varies",
    "range",
    "ranges",
    "stand",
    "stands",
    "stood",
    "reach",
    "reaches",
    "rise",
    "rises",
    "rose",
    "grow",
    "grows",
    "grew",
    "total",
    "totals",
    "exceed",
    "exceeds",
    "make",
    "makes",
    "made",
    "account",
    "accounts",
    "represent",
    "represents",
    "comprise",
    "comprises",
    "constitute",
    "constitutes",
    "include",
    "includes",
    "enter",
    "enters",
    "leave",
    "leaves",
    "left",
    "migrate",
    "migrates",
    "suffer",
    "suffers",
    "experience",
    "experiences",
    "earn",
    "earns",
    "send",
    "sends",
    "sent",
    "pay",
    "pays",
    "paid",
    "receive",
    "receives",
    "die",
    "dies",
    "kill",
    "kills",
    "flee",
    "flees",
    "fled",
    "cross",
    "crosses",
    "return",
    "returns",
    "arrive",
    "arrives",
    "go",
    "goes",
    "went",
    "come",
    "comes",
    "came",
    "get",
    "gets",
    "got",
    "need",
    "needs",
    "want",
    "wants",
    "hold",
    "holds",
    "held",
    "lose",
    "loses",
    "lost",
    "drop",
    "drops",
    "increase",
    "increases",
    "decrease",
    "decreases",
    "double",
    "doubles",
    "hit",
    "hits",
    "affect",
    "affects",
    "owe",
    "owes",
    "face",
    "hail",
    "hails",
    "end",
    "ends",
    "reside",
    "resides",
    "belong",
    "belongs",
    "seek",
    "seeks",
    "sought",
    "take",
    "takes",
    "took",
    "give",
    "gives",
    "gave",
    "see",
    "sees",
    "saw",
    "keep",
    "keeps",
    "kept",
    "run",
    "runs",
    "ran",
    "toil",
    "toils",
    "met",
    "began",
    "spent",
    "brought",
    "led",
    "won",
    "set",
    "cut",
    "fought",
    "built",
    "bought",
    "caught",
    "chose",
    "drew",
    "ate",
    "flew",
    "rode",
    "wrote",
    "spoke",
    "stole",
];

/// Words and phrases that hedge a claim, longest first.
pub(crate) const HEDGES: &[&[&str]] = &[
    &["are", "believed", "to", "be"],
    &["is", "believed", "to", "be"],
    &["were", "believed", "to", "be"],
    &["are", "thought", "to", "be"],
    &["is", "thought", "to", "be"],
    &["are", "estimated", "to", "be"],
    &["is", "estimated", "to", "be"],
    &["are", "said", "to", "be"],
    &["is", "said", "to", "be"],
    &["are", "believed", "to"],
    &["is", "believed", "to"],
    &["are", "thought", "to"],
    &["are", "estimated", "to"],
    &["are", "said", "to"],
    &["believed", "to", "be"],
    &["thought", "to", "be"],
    &["estimated", "to", "be"],
    &["said", "to", "be"],
    &["believed", "to"],
    &["thought", "to"],
    &["estimated", "to"],
    &["said", "to"],
    &["reportedly"],
    &["allegedly"],
    &["possibly"],
    &["probably"],
    &["likely"],
    &["may", "be"],
    &["could", "be"],
    &["might", "be"],
    &["may"],
    &["could"],
    &["might"],
];

/// Words that say how a figure was arrived at.
pub(crate) const BASIS_WORDS: &[&str] = &[
    "detected",
    "identified",
    "reported",
    "estimated",
    "registered",
    "recorded",
    "confirmed",
    "documented",
    "known",
    "suspected",
    "presumed",
    "official",
    "verified",
    "rescued",
    "certified",
    "assisted",
];

/// Verbs that put a subgroup's share of a whole: "Men made up 45% of…".
pub(crate) const SHARE_VERBS: &[&[&str]] = &[
    &["employs"],
    &["employ"],
    &["employed"],
    &["generates"],
    &["produces"],
    &["made", "up"],
    &["make", "up"],
    &["makes", "up"],
    &["account", "for"],
    &["accounts", "for"],
    &["accounted", "for"],
    &["represent"],
    &["represents"],
    &["represented"],
    &["comprise"],
    &["comprises"],
    &["comprised"],
    &["constitute"],
    &["constitutes"],
    &["constituted"],
    &["formed"],
    &["form"],
    &["forms"],
];

/// Phrases of reference time that carry no year.
pub(crate) const TIME_PHRASES: &[&[&str]] = &[
    &["on", "any", "given", "day"],
    &["on", "any", "one", "day"],
    &["at", "any", "given", "time"],
    &["at", "any", "point", "in", "time"],
    &["at", "any", "one", "time"],
    &["at", "any", "given", "moment"],
    &["in", "the", "past", "year"],
    &["in", "the", "last", "year"],
    &["in", "recent", "years"],
    &["over", "the", "past", "decade"],
    &["over", "the", "last", "decade"],
    &["in", "the", "past", "decade"],
    &["last", "year"],
    &["this", "year"],
    &["next", "year"],
    &["last", "month"],
    &["this", "month"],
    &["each", "year"],
    &["every", "year"],
    &["annually"],
    &["today"],
    &["currently"],
    &["at", "present"],
    &["so", "far", "this", "year"],
    &["to", "date"],
];

/// A phrase as a list of words.
type Phrase = &'static [&'static str];

/// [`TIME_PHRASES`] by their first word (an index into the groups), each word's in the list's
/// order.
static TIME_PHRASES_BY_FIRST: std::sync::LazyLock<(
    crate::vocab::WordMap<usize>,
    Vec<Vec<Phrase>>,
)> = std::sync::LazyLock::new(|| {
    let mut index = std::collections::HashMap::with_hasher(crate::vocab::WordHash::default());
    let mut groups: Vec<Vec<Phrase>> = Vec::new();
    for phrase in TIME_PHRASES {
        if let Some(first) = phrase.first() {
            let k = *index.entry(first.as_bytes()).or_insert_with(|| {
                groups.push(Vec::new());
                groups.len() - 1
            });
            groups[k].push(*phrase);
        }
    }
    (crate::vocab::WordMap::new(index), groups)
});

/// The time phrases whose first word is `word` (ignoring ASCII case), in the list's order.
pub(crate) fn time_phrases_from(word: &str) -> impl Iterator<Item = Phrase> {
    let (index, groups) = &*TIME_PHRASES_BY_FIRST;
    index
        .get(word)
        .into_iter()
        .flat_map(|&k| groups[k].iter().copied())
}

/// Prepositions that introduce a year as the time of a figure ("in 2021", "as of 2020").
pub(crate) const TIME_PREPOSITIONS: &[&[&str]] = &[
    &["as", "of"],
    &["in"],
    &["since"],
    &["by"],
    &["during"],
    &["until"],
    &["from"],
    &["between"],
    &["for"],
    &["through"],
    &["throughout"],
    &["before"],
    &["after"],
    &["over"],
];

/// Verbs of reporting that attribute a figure in a sentence (the participles "identified"
/// and "detected" are left out: they usually describe victims).
pub(crate) const ATTRIBUTING: &[&str] = &[
    "said",
    "says",
    "say",
    "found",
    "finds",
    "estimated",
    "estimates",
    "estimate",
    "reported",
    "reports",
    "showed",
    "shows",
    "revealed",
    "reveals",
    "concluded",
    "concludes",
    "noted",
    "notes",
    "stated",
    "states",
    "claimed",
    "claims",
    "told",
    "indicated",
    "indicates",
    "suggested",
    "suggests",
    "counted",
    "recorded",
    "documented",
    "calculated",
    "calculates",
    "warned",
    "warns",
    "announced",
    "announces",
    "published",
    "believes",
    "put",
    "puts",
];

/// Verbs of speech: a predicate that starts with one belongs to another clause.
pub(crate) const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "noted",
    "explained",
];

/// Pronouns that are no source on their own.
pub(crate) const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "you", "who", "which"];

/// Past forms of linking verbs beyond the lexical list.
pub(crate) const LINKING_EXTRA: &[&str] = &[
    "reached",
    "totaled",
    "totalled",
    "exceeded",
    "numbered",
    "stood",
    "rose",
    "fell",
    "dropped",
    "increased",
    "decreased",
    "doubled",
    "hit",
    "topped",
    "surpassed",
    "climbed",
    "jumped",
    "declined",
    "grew",
    "fell",
    "averaged",
    "amounted",
    "came",
    "ranged",
    "varied",
    "included",
    "killed",
    "displaced",
    "affected",
    "generates",
    "generated",
    "generate",
    "earns",
    "earned",
    "costs",
    "cost",
    "spent",
    "spends",
    "sent",
    "sends",
    "paid",
    "pays",
    "received",
    "receives",
    "owes",
    "owed",
    "made",
    "makes",
    "lost",
    "raised",
    "raises",
];

/// Words that open a new clause.
pub(crate) const CLAUSE_WORDS: &[&str] = &[
    "who",
    "which",
    "whom",
    "whose",
    "while",
    "whereas",
    "because",
    "although",
    "though",
    "but",
    "according",
    "than",
    "if",
    "when",
    "where",
    "unless",
    "whether",
    "so",
    "yet",
];

/// Word classes as bits, so that a word is looked up once for all its classes.
pub(crate) mod class {
    pub(crate) const ATTRIBUTING: u32 = 1;
    pub(crate) const SPEECH: u32 = 1 << 1;
    pub(crate) const AUXILIARY: u32 = 1 << 2;
    pub(crate) const VERB: u32 = 1 << 3;
    pub(crate) const REPORTING: u32 = 1 << 4;
    pub(crate) const DETERMINER: u32 = 1 << 5;
    pub(crate) const NP_PREPOSITION: u32 = 1 << 6;
    pub(crate) const OTHER_PREPOSITION: u32 = 1 << 7;
    pub(crate) const ADVERB: u32 = 1 << 8;
    pub(crate) const CLAUSE: u32 = 1 << 9;
    pub(crate) const SOURCE_NOUN: u32 = 1 << 10;
    pub(crate) const BASIS: u32 = 1 << 11;
    pub(crate) const LINKING: u32 = 1 << 12;
    pub(crate) const PRONOUN: u32 = 1 << 13;
    pub(crate) const FUNCTION: u32 = 1 << 14;
    /// The first word of a time phrase ("on" of "on any given day").
    pub(crate) const TIME_PHRASE_START: u32 = 1 << 15;
    /// The first word of an anaphor ([`super::ANAPHORS`]: "it", "the" of "the report").
    pub(crate) const ANAPHOR_START: u32 = 1 << 16;
    /// The first word of a hedge ([`super::HEDGES`]: "are" of "are believed to be").
    pub(crate) const HEDGE_START: u32 = 1 << 17;
    /// The last word of a verb of sharing ([`super::SHARE_VERBS`]: "up" of "made up").
    pub(crate) const SHARE_VERB_END: u32 = 1 << 18;
    /// The first word of a preposition of time ([`super::TIME_PREPOSITIONS`]: "as" of "as of").
    pub(crate) const TIME_PREPOSITION_START: u32 = 1 << 19;
    /// The last word of a preposition of time ("of" of "as of").
    pub(crate) const TIME_PREPOSITION_END: u32 = 1 << 20;
}

/// Small function words that never belong to a noun phrase's content.
pub(crate) const FUNCTION_WORDS: &[&str] = &[
    "to", "of", "and", "or", "not", "no", "for", "with", "by", "as", "than", "that",
];

/// Phrase lists tried at many tokens, with the classes given to their first and last words
/// (0 for none): a list is tried only where a token has that class.
const PHRASE_EDGES: &[(&[&[&str]], u32, u32)] = &[
    (ANAPHORS, class::ANAPHOR_START, 0),
    (HEDGES, class::HEDGE_START, 0),
    (SHARE_VERBS, 0, class::SHARE_VERB_END),
    (
        TIME_PREPOSITIONS,
        class::TIME_PREPOSITION_START,
        class::TIME_PREPOSITION_END,
    ),
];

static LEXICON: std::sync::LazyLock<crate::vocab::WordMap<u32>> = std::sync::LazyLock::new(|| {
    let lists: &[(&[&str], u32)] = &[
        (ATTRIBUTING, class::ATTRIBUTING),
        (SPEECH_VERBS, class::SPEECH),
        (AUXILIARIES, class::AUXILIARY),
        (VERBS, class::VERB),
        (REPORTING_VERBS, class::REPORTING),
        (DETERMINERS, class::DETERMINER),
        (NP_PREPOSITIONS, class::NP_PREPOSITION),
        (OTHER_PREPOSITIONS, class::OTHER_PREPOSITION),
        (ADVERBS, class::ADVERB),
        (CLAUSE_WORDS, class::CLAUSE),
        (SOURCE_NOUNS, class::SOURCE_NOUN),
        (BASIS_WORDS, class::BASIS),
        (LINKING_EXTRA, class::LINKING),
        (PRONOUNS, class::PRONOUN),
        (FUNCTION_WORDS, class::FUNCTION),
    ];
    let mut map = std::collections::HashMap::with_hasher(crate::vocab::WordHash::default());
    for (list, bit) in lists {
        for w in *list {
            *map.entry(w.as_bytes()).or_insert(0) |= bit;
        }
    }
    for phrase in TIME_PHRASES {
        *map.entry(phrase[0].as_bytes()).or_insert(0) |= class::TIME_PHRASE_START;
    }
    for (phrases, first, last) in PHRASE_EDGES {
        for phrase in *phrases {
            if let (Some(f), Some(l)) = (phrase.first(), phrase.last()) {
                *map.entry(f.as_bytes()).or_insert(0) |= first;
                *map.entry(l.as_bytes()).or_insert(0) |= last;
            }
        }
    }
    map.retain(|_, classes| *classes != 0);
    crate::vocab::WordMap::new(map)
});

/// The classes of a word (0 for an open-class word), ignoring ASCII case.
pub(crate) fn classes(word: &str) -> u32 {
    LEXICON.get(word).copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Tokens look up their classes only when they are words; the grammar reads a token's
    /// classes in place of its text's, so no punctuation may have a class.
    #[test]
    fn every_classed_word_starts_with_a_letter_or_digit() {
        for word in LEXICON.words() {
            let first = std::str::from_utf8(word)
                .ok()
                .and_then(|w| w.chars().next());
            assert!(
                first.is_some_and(char::is_alphanumeric),
                "{:?} has classes but is no word",
                String::from_utf8_lossy(word)
            );
        }
        assert_eq!(classes("-"), 0);
        assert_eq!(classes(""), 0);
        assert_ne!(classes("The") & class::DETERMINER, 0);
    }

    /// A phrase list is tried only at a token with the class of its first (or last) word:
    /// every such word has it, and is read as no figure, so that its token is a word whose
    /// classes were looked up (a figure's token has none).
    #[test]
    fn phrase_lists_are_tried_wherever_they_can_stand() {
        let extractor = crate::Extractor::default();
        for (phrases, first, last) in PHRASE_EDGES {
            for phrase in *phrases {
                let (Some(f), Some(l)) = (phrase.first(), phrase.last()) else {
                    panic!("an empty phrase");
                };
                assert_eq!(classes(f) & first, *first, "{phrase:?}");
                assert_eq!(classes(l) & last, *last, "{phrase:?}");
                for w in [f, l] {
                    let text = format!("They said {w} it.");
                    assert!(extractor.extract(&text).mentions.is_empty(), "{w:?}");
                }
            }
        }
    }

    /// The time phrases from a word are the list's phrases that start with it, in order.
    #[test]
    fn time_phrases_by_their_first_word() {
        for word in ["in", "In", "AT", "last", "today", "the", "", "year"] {
            let by_first: Vec<_> = time_phrases_from(word).collect();
            let listed: Vec<_> = TIME_PHRASES
                .iter()
                .copied()
                .filter(|p| p.first().is_some_and(|f| f.eq_ignore_ascii_case(word)))
                .collect();
            assert_eq!(by_first, listed, "{word:?}");
        }
        assert!(time_phrases_from("in").count() > 1);
    }

    /// The shape filter in front of the lexicon never turns a listed word away, in any case.
    #[test]
    fn every_listed_word_has_its_classes_in_any_case() {
        for word in LEXICON.words() {
            let word = std::str::from_utf8(word).expect("the lexicon is UTF-8");
            let want = LEXICON.get(word).copied();
            assert!(want.is_some_and(|c| c != 0), "{word:?}");
            let mut capitalised = word.to_owned();
            capitalised[..1].make_ascii_uppercase();
            for w in [word.to_ascii_uppercase(), capitalised] {
                assert_eq!(Some(classes(&w)), want, "{w:?}");
            }
        }
    }
}
