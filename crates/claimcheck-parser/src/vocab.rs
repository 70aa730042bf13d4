//! The extractor's vocabulary, in one place so that a reviewer can read it whole.
//!
//! Every table is lowercase; lookups lowercase the text first. Order matters only where a
//! comment says so (longest phrase first, so that "well over" wins over "over").

use std::sync::LazyLock;

use crate::mention::{Per, Qualifier};

/// Cardinal number words below twenty, with their values.
pub(crate) const UNITS: &[(&str, f64)] = &[
    ("zero", 0.0),
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
];

/// Multiples of ten, from twenty to ninety.
pub(crate) const TENS: &[(&str, f64)] = &[
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
];

/// Scale words that multiply what precedes them. `hundred` is handled by the grammar of
/// small numbers ("three hundred and forty-one"); these are the large scales, in the short
/// scale of English news (a billion is 10^9), up to decillion; and the South Asian lakh
/// (10^5) and crore (10^7) of reports from India, Pakistan and Bangladesh ("5 lakh workers").
pub(crate) const SCALES: &[(&str, f64)] = &[
    ("thousand", 1e3),
    ("lakh", 1e5),
    ("lakhs", 1e5),
    ("million", 1e6),
    ("crore", 1e7),
    ("crores", 1e7),
    ("billion", 1e9),
    ("trillion", 1e12),
    ("quadrillion", 1e15),
    ("quintillion", 1e18),
    ("sextillion", 1e21),
    ("septillion", 1e24),
    ("octillion", 1e27),
    ("nonillion", 1e30),
    ("decillion", 1e33),
];

/// Scale suffixes written straight after digits or after one space ("5bn", "$3 mn", "10k").
/// `m` is million, as in British and financial news ("£5m").
pub(crate) const SCALE_SUFFIXES: &[(&str, f64)] = &[
    ("k", 1e3),
    ("mn", 1e6),
    ("m", 1e6),
    ("mln", 1e6),
    ("bn", 1e9),
    ("b", 1e9),
    ("tn", 1e12),
    ("trn", 1e12),
];

/// Ordinal words and their numbers. Those from "third" on double as denominators of
/// fractions ("a third", "two-fifths"), see [`FRACTIONS`].
pub(crate) const ORDINALS: &[(&str, f64)] = &[
    ("first", 1.0),
    ("second", 2.0),
    ("third", 3.0),
    ("fourth", 4.0),
    ("fifth", 5.0),
    ("sixth", 6.0),
    ("seventh", 7.0),
    ("eighth", 8.0),
    ("ninth", 9.0),
    ("tenth", 10.0),
    ("eleventh", 11.0),
    ("twelfth", 12.0),
    ("thirteenth", 13.0),
    ("fourteenth", 14.0),
    ("fifteenth", 15.0),
    ("sixteenth", 16.0),
    ("seventeenth", 17.0),
    ("eighteenth", 18.0),
    ("nineteenth", 19.0),
    ("twentieth", 20.0),
    ("thirtieth", 30.0),
    ("fortieth", 40.0),
    ("fiftieth", 50.0),
    ("sixtieth", 60.0),
    ("seventieth", 70.0),
    ("eightieth", 80.0),
    ("ninetieth", 90.0),
    ("hundredth", 100.0),
    ("thousandth", 1000.0),
];

/// Denominators of fractions, singular and plural ("a quarter", "three quarters").
pub(crate) const FRACTIONS: &[(&str, f64)] = &[
    ("half", 2.0),
    ("halves", 2.0),
    ("third", 3.0),
    ("thirds", 3.0),
    ("quarter", 4.0),
    ("quarters", 4.0),
    ("fourth", 4.0),
    ("fourths", 4.0),
    ("fifth", 5.0),
    ("fifths", 5.0),
    ("sixth", 6.0),
    ("sixths", 6.0),
    ("seventh", 7.0),
    ("sevenths", 7.0),
    ("eighth", 8.0),
    ("eighths", 8.0),
    ("ninth", 9.0),
    ("ninths", 9.0),
    ("tenth", 10.0),
    ("tenths", 10.0),
    ("hundredth", 100.0),
    ("hundredths", 100.0),
    ("thousandth", 1000.0),
    ("thousandths", 1000.0),
];

/// Words that state a majority, a share of more than half ([`crate::Form::Majority`]), where
/// they quantify a population: "most of the children", "the majority of workers".
pub(crate) const MAJORITY_WORDS: &[&str] = &["most", "majority"];

/// Words before "most" that make it a superlative or a bound, not a share: "the most
/// exposed", "at most", "their most valuable".
pub(crate) const NOT_BEFORE_MOST: &[&str] = &[
    "the", "at", "its", "their", "his", "her", "our", "my", "your", "whose",
];

/// What "most of" may be followed by to be a share of a population: "most of the children",
/// "most of them", "most of whom were children".
pub(crate) const MOST_OF_DETERMINERS: &[&str] = &[
    "the", "those", "these", "them", "its", "their", "our", "his", "her", "all", "us", "you",
    "whom", "which",
];

/// Nouns after "most of the" that make it a share of time or of a thing, not of people:
/// "most of the time", "most of the way".
pub(crate) const MOST_OF_NOT_PEOPLE: &[&str] = &[
    "time",
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "night",
    "morning",
    "afternoon",
    "evening",
    "way",
    "decade",
    "century",
    "season",
    "period",
    "war",
    "summer",
    "winter",
    "game",
    "match",
    "history",
    "life",
    "career",
    "last",
    "past",
    "next",
    "first",
    "early",
    "late",
    "country",
    "region",
    "island",
    "islands",
    "area",
    "territory",
    "land",
    "coast",
    "city",
];

/// Adjectives that may stand between the article and "majority": "the vast majority".
pub(crate) const MAJORITY_ADJECTIVES: &[&str] = &[
    "vast",
    "overwhelming",
    "large",
    "great",
    "clear",
    "slim",
    "narrow",
    "slight",
    "small",
    "simple",
    "absolute",
    "substantial",
];

/// Plurals without "-s" that "most" may quantify: "most children", "most people".
pub(crate) const IRREGULAR_PLURALS: &[&str] = &["children", "people", "women", "men"];

/// Vague quantity words that start a vague phrase; the phrase's bound comes from
/// [`crate::Conventions::vague`].
pub(crate) const VAGUE_HEADS: &[&str] = &[
    "dozens",
    "scores",
    "hundreds",
    "thousands",
    "millions",
    "billions",
    "tens",
    "several",
    "few",
];

/// Qualifier phrases that may stand before a figure, longest first.
pub(crate) const QUALIFIERS: &[(&str, Qualifier)] = &[
    ("under the age of", Qualifier::LessThan),
    ("below the age of", Qualifier::LessThan),
    ("over the age of", Qualifier::MoreThan),
    ("above the age of", Qualifier::MoreThan),
    ("in excess of", Qualifier::MoreThan),
    ("not to exceed", Qualifier::AtMost),
    ("as young as", Qualifier::AtLeast),
    ("younger than", Qualifier::LessThan),
    ("older than", Qualifier::MoreThan),
    ("fell below", Qualifier::LessThan),
    ("fell under", Qualifier::LessThan),
    ("falls below", Qualifier::LessThan),
    ("fallen below", Qualifier::LessThan),
    ("dipped below", Qualifier::LessThan),
    ("dipped under", Qualifier::LessThan),
    ("dropped below", Qualifier::LessThan),
    ("dropped under", Qualifier::LessThan),
    ("capped at", Qualifier::AtMost),
    ("limited to", Qualifier::AtMost),
    ("under age", Qualifier::LessThan),
    ("over age", Qualifier::MoreThan),
    ("no fewer than", Qualifier::AtLeast),
    ("no less than", Qualifier::AtLeast),
    ("not less than", Qualifier::AtLeast),
    ("a minimum of", Qualifier::AtLeast),
    ("no more than", Qualifier::AtMost),
    ("not more than", Qualifier::AtMost),
    ("a maximum of", Qualifier::AtMost),
    ("an estimated", Qualifier::About),
    ("more than", Qualifier::MoreThan),
    ("upwards of", Qualifier::MoreThan),
    ("well over", Qualifier::MoreThan),
    ("well above", Qualifier::MoreThan),
    ("just over", Qualifier::JustOver),
    ("just above", Qualifier::JustOver),
    ("slightly over", Qualifier::JustOver),
    ("slightly more than", Qualifier::JustOver),
    ("at least", Qualifier::AtLeast),
    ("as many as", Qualifier::AtMost),
    ("as much as", Qualifier::AtMost),
    ("as high as", Qualifier::AtMost),
    ("up to", Qualifier::AtMost),
    ("at most", Qualifier::AtMost),
    ("fewer than", Qualifier::LessThan),
    ("less than", Qualifier::LessThan),
    ("just under", Qualifier::Nearly),
    ("just below", Qualifier::Nearly),
    ("slightly less than", Qualifier::Nearly),
    ("close to", Qualifier::About),
    ("more or less", Qualifier::About),
    ("in the region of", Qualifier::About),
    ("on the order of", Qualifier::About),
    ("exceeding", Qualifier::MoreThan),
    ("exceeded", Qualifier::MoreThan),
    ("passed", Qualifier::MoreThan),
    ("exceeds", Qualifier::MoreThan),
    ("topped", Qualifier::MoreThan),
    ("tops", Qualifier::MoreThan),
    ("surpassed", Qualifier::MoreThan),
    ("surpasses", Qualifier::MoreThan),
    ("surpassing", Qualifier::MoreThan),
    ("within", Qualifier::AtMost),
    ("≥", Qualifier::AtLeast),
    ("≤", Qualifier::AtMost),
    (">", Qualifier::MoreThan),
    ("<", Qualifier::LessThan),
    ("over", Qualifier::MoreThan),
    ("above", Qualifier::MoreThan),
    ("under", Qualifier::LessThan),
    ("below", Qualifier::LessThan),
    ("nearly", Qualifier::Nearly),
    ("almost", Qualifier::Nearly),
    ("about", Qualifier::About),
    ("around", Qualifier::About),
    ("roughly", Qualifier::About),
    ("approximately", Qualifier::About),
    ("approx.", Qualifier::About),
    ("circa", Qualifier::About),
    ("some", Qualifier::About),
];

/// Bounds written after a figure ("65 and older", "17 and under", "10 or more"), longest
/// first; the flag says whether the words make the figure an age.
pub(crate) const POSTFIX_BOUNDS: &[(&str, (Qualifier, bool))] = &[
    ("and older", (Qualifier::AtLeast, true)),
    ("or older", (Qualifier::AtLeast, true)),
    ("and younger", (Qualifier::AtMost, true)),
    ("or younger", (Qualifier::AtMost, true)),
    ("and over", (Qualifier::AtLeast, false)),
    ("or over", (Qualifier::AtLeast, false)),
    ("and above", (Qualifier::AtLeast, false)),
    ("or above", (Qualifier::AtLeast, false)),
    ("and up", (Qualifier::AtLeast, false)),
    ("or more", (Qualifier::AtLeast, false)),
    ("and under", (Qualifier::AtMost, false)),
    ("or under", (Qualifier::AtMost, false)),
    ("and below", (Qualifier::AtMost, false)),
    ("or below", (Qualifier::AtMost, false)),
    ("or less", (Qualifier::AtMost, false)),
    ("or fewer", (Qualifier::AtMost, false)),
];

/// Words for people: a bound right after one ("children under 18") is on their age.
pub(crate) const PEOPLE_WORDS: &[&str] = &[
    "children",
    "child",
    "people",
    "persons",
    "adults",
    "girls",
    "boys",
    "minors",
    "youth",
    "youths",
    "women",
    "men",
    "workers",
    "those",
    "anyone",
    "everyone",
    "kids",
    "students",
    "employees",
    "victims",
    "patients",
    "residents",
    "individuals",
];

/// Words before a figure that make it an age ("aged 15 to 17", "children ages 14 to 18").
pub(crate) const AGE_WORDS: &[&str] = &["aged", "age", "ages"];

/// Currency written before the amount ("US$2,500", "€20", "USD 5"), longest first.
pub(crate) const CURRENCY_PREFIXES: &[(&str, &str)] = &[
    ("us$", "USD"),
    ("usd", "USD"),
    ("eur", "EUR"),
    ("gbp", "GBP"),
    ("thb", "THB"),
    ("khr", "KHR"),
    ("mmk", "MMK"),
    ("cn¥", "CNY"),
    ("hk$", "HKD"),
    ("nz$", "NZD"),
    ("a$", "AUD"),
    ("r$", "BRL"),
    ("s$", "SGD"),
    ("c$", "CAD"),
    ("$", "USD"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("¥", "JPY"),
    ("₹", "INR"),
    ("₩", "KRW"),
    ("฿", "THB"),
];

/// Currency written after the amount ("20 euros", "5,000 baht"), longest first.
pub(crate) const CURRENCY_SUFFIXES: &[(&str, &str)] = &[
    ("us dollars", "USD"),
    ("u.s. dollars", "USD"),
    ("dollars", "USD"),
    ("dollar", "USD"),
    ("euros", "EUR"),
    ("euro", "EUR"),
    ("pounds sterling", "GBP"),
    ("baht", "THB"),
    ("riels", "KHR"),
    ("riel", "KHR"),
    ("kyats", "MMK"),
    ("kyat", "MMK"),
    ("rupees", "INR"),
    ("yen", "JPY"),
    ("usd", "USD"),
    ("eur", "EUR"),
    ("gbp", "GBP"),
    ("thb", "THB"),
    ("khr", "KHR"),
    ("mmk", "MMK"),
];

/// Words for the period of a rate, longest first.
pub(crate) const PERIODS: &[(&str, Per)] = &[
    ("per annum", Per::Year),
    ("per year", Per::Year),
    ("a year", Per::Year),
    ("each year", Per::Year),
    ("every year", Per::Year),
    ("per yr", Per::Year),
    ("/year", Per::Year),
    ("/yr", Per::Year),
    ("annually", Per::Year),
    ("yearly", Per::Year),
    ("a-year", Per::Year),
    ("per month", Per::Month),
    ("a month", Per::Month),
    ("each month", Per::Month),
    ("every month", Per::Month),
    ("/month", Per::Month),
    ("monthly", Per::Month),
    ("per week", Per::Week),
    ("a week", Per::Week),
    ("each week", Per::Week),
    ("every week", Per::Week),
    ("/week", Per::Week),
    ("weekly", Per::Week),
    ("per day", Per::Day),
    ("a day", Per::Day),
    ("each day", Per::Day),
    ("every day", Per::Day),
    ("/day", Per::Day),
    ("daily", Per::Day),
];

/// [`PERIODS`], indexed: read after every figure.
pub(crate) static PERIOD_TABLE: LazyLock<PhraseTable<Per>> =
    LazyLock::new(|| PhraseTable::new(PERIODS.iter().copied()));

/// Verbs of spread: "from X to Y" after one of them is a range, not a change.
pub(crate) const RANGE_VERBS: &[&str] = &[
    "range", "ranges", "ranged", "ranging", "vary", "varies", "varied", "varying", "spanning",
];

/// Words of change (verbs and their nouns): two figures joined by "to" after one of them are a change.
pub(crate) const CHANGE_VERBS: &[&str] = &[
    "rose",
    "risen",
    "rising",
    "increased",
    "increasing",
    "grew",
    "grown",
    "growing",
    "climbed",
    "jumped",
    "fell",
    "fallen",
    "falling",
    "declined",
    "declining",
    "decreased",
    "dropped",
    "reduced",
    "cut",
    "doubled",
    "tripled",
    "halved",
    "improved",
    "worsened",
    "changed",
    "raised",
    "lowered",
    "expanded",
    "shrank",
    "decreasing",
    "doubling",
    "tripling",
    "increase",
    "increases",
    "decrease",
    "decreases",
    "decline",
    "declines",
    "rise",
    "rises",
    "fall",
    "falls",
    "drop",
    "drops",
    "trimmed",
    "slashed",
    "boosted",
    "narrowed",
    "widened",
    "went",
];

/// [`CHANGE_VERBS`] as a set: looked up at every word of a sentence before a figure.
pub(crate) static CHANGE_VERB_SET: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(CHANGE_VERBS.iter().copied()));

/// Month names and their abbreviations: a number next to one is a day of a date.
pub(crate) const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

/// The first letters of the months' names.
const MONTH_INITIALS: &[u8] = b"jfmasond";

/// The month (1–12) a month's name or abbreviation stands for, in any case, with or without
/// a full stop: "March", "mar", "Sept.".
pub fn month_number(word: &str) -> Option<u8> {
    let word = word.trim_end_matches('.');
    // Every name and abbreviation is three to nine letters and starts with one of few: a
    // dateline's other words are told so without comparing them with each.
    if !(3..=9).contains(&word.len())
        || !word
            .as_bytes()
            .first()
            .is_some_and(|b| MONTH_INITIALS.contains(&b.to_ascii_lowercase()))
    {
        return None;
    }
    let listed = MONTHS.iter().find(|m| m.eq_ignore_ascii_case(word))?;
    // The first twelve are the full names, in order; an abbreviation begins its month's name.
    let index = MONTHS[..12].iter().position(|m| m.starts_with(listed))?;
    u8::try_from(index + 1).ok()
}

/// Words after which a number is a label in any case ("article 12", "Tier 2", "No. 5").
pub(crate) const LABEL_WORDS: &[&str] = &[
    "article",
    "articles",
    "note",
    "section",
    "sections",
    "chapter",
    "paragraph",
    "clause",
    "resolution",
    "tier",
    "title",
    "sec.",
    "secs.",
    "subsection",
    "subsections",
    "subparagraph",
    "div.",
    "no.",
    "nos.",
    "pp.",
    "p.",
    "vol.",
    "fig.",
    "#",
];

/// Words after which a number is a label when they are capitalised ("Highway 1", "Flight
/// 370", "Windows 10"): in lower case they are often ordinary nouns ("level 4").
pub(crate) const IDENTIFIER_WORDS: &[&str] = &[
    "highway",
    "route",
    "interstate",
    "road",
    "flight",
    "mission",
    "priority",
    "level",
    "phase",
    "stage",
    "category",
    "grade",
    "room",
    "page",
    "pages",
    "volume",
    "issue",
    "part",
    "annex",
    "appendix",
    "figure",
    "table",
    "gate",
    "terminal",
    "platform",
    "block",
    "sector",
    "zone",
    "district",
    "ward",
    "unit",
    "channel",
    "protocol",
    "amendment",
    "model",
    "version",
    "v.",
    "season",
    "episode",
    "game",
    "week",
    "matchday",
    "apollo",
    "windows",
    "boeing",
    "airbus",
    "iphone",
    "super",
    "formula",
    "covid",
    "group",
    "team",
    "lot",
    "box",
    "line",
    "cap.",
    "law",
    "act",
    "decree",
    "order",
    "bill",
    "case",
    "docket",
    "item",
    "rule",
    "step",
    "index",
    "code",
    "number",
];

/// [`LABEL_WORDS`] as a set: looked up before most figures.
pub(crate) static LABEL_WORD_SET: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(LABEL_WORDS.iter().copied()));

/// [`IDENTIFIER_WORDS`] as a set.
pub(crate) static IDENTIFIER_WORD_SET: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(IDENTIFIER_WORDS.iter().copied()));

/// Words that never start or continue the counted noun after a number: determiners,
/// prepositions, conjunctions, pronouns, auxiliaries, common verbs and adverbs of degree.
/// Closed classes, so a list is honest; open-class verbs are caught by their endings.
pub(crate) const NOT_NOUNS: &[&str] = &[
    "a",
    "an",
    "the",
    "this",
    "that",
    "these",
    "those",
    "its",
    "their",
    "his",
    "her",
    "our",
    "your",
    "my",
    "of",
    "in",
    "on",
    "at",
    "to",
    "for",
    "from",
    "by",
    "with",
    "without",
    "into",
    "onto",
    "over",
    "under",
    "between",
    "among",
    "through",
    "during",
    "after",
    "before",
    "since",
    "until",
    "per",
    "each",
    "every",
    "and",
    "or",
    "but",
    "nor",
    "so",
    "yet",
    "as",
    "than",
    "then",
    "if",
    "when",
    "while",
    "where",
    "which",
    "who",
    "whom",
    "whose",
    "what",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "am",
    "has",
    "have",
    "had",
    "do",
    "does",
    "did",
    "will",
    "would",
    "shall",
    "should",
    "can",
    "could",
    "may",
    "might",
    "must",
    "it",
    "he",
    "she",
    "they",
    "we",
    "you",
    "i",
    "them",
    "him",
    "us",
    "there",
    "here",
    "not",
    "no",
    "more",
    "less",
    "fewer",
    "most",
    "least",
    "also",
    "only",
    "just",
    "about",
    "around",
    "nearly",
    "almost",
    "some",
    "all",
    "both",
    "either",
    "neither",
    "such",
    "other",
    "another",
    "against",
    "across",
    "along",
    "toward",
    "towards",
    "within",
    "upon",
    "including",
    "according",
    "annually",
    "daily",
    "weekly",
    "monthly",
    "yearly",
    "ago",
    "later",
    "earlier",
    "up",
    "down",
    "out",
    "off",
    "again",
    "still",
    "even",
    "too",
    "very",
    "percent",
    "remain",
    "remains",
    // Verbs of seeming: "does 152 million sound about right?"
    "sound",
    "sounds",
    "seem",
    "seems",
    "appear",
    "appears",
    "say",
    "says",
    "said",
    "found",
    "minus",
    "plus",
    "times",
    "divided",
    "told",
    "showed",
    "shows",
    "kill",
    "kills",
    "die",
    "die",
    "face",
    "faces",
    "live",
    "lives",
    "work",
    "works",
    "fall",
    "falls",
    "become",
    "becomes",
    "make",
    "makes",
    "take",
    "takes",
    "get",
    "gets",
    "go",
    "goes",
    "come",
    "comes",
    "see",
    "sees",
    "need",
    "needs",
    "enter",
    "enters",
    "leave",
    "leaves",
    "vote",
    "votes",
    "win",
    "wins",
    "lose",
    "loses",
    "receive",
    "receives",
    "flee",
    "flees",
    "hold",
    "holds",
    "include",
    "includes",
    "account",
    "accounts",
    "represent",
    "represents",
    "estimate",
    "estimates",
    "rise",
    "rises",
    "grow",
    "grows",
    "reach",
    "reaches",
    "remain",
    "stay",
    "stays",
    "whereas",
    "because",
    "although",
    "though",
    "unless",
    "whether",
    "via",
    "like",
    "unlike",
    "behind",
    "beyond",
    "near",
    "next",
    "amid",
    "despite",
    "versus",
    "vs",
    "vs.",
    "e.g.",
    "i.e.",
    "etc",
    "etc.",
    "respectively",
    "worldwide",
    "nationwide",
    "globally",
    "abroad",
    "overseas",
    "home",
    "alive",
    "dead",
    "missing",
    "injured",
    "killed",
    "wounded",
    "alone",
    "each",
    "apiece",
    "total",
    "overall",
    "today",
    "past",
    "outside",
    "inside",
    "ahead",
];

/// Looks a word up in a `(word, value)` table, ignoring ASCII case.
pub(crate) fn lookup_ci<T: Copy>(table: &[(&str, T)], word: &str) -> Option<T> {
    table
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(word))
        .map(|(_, v)| *v)
}

/// Whether a word is in a list, ignoring ASCII case.
pub(crate) fn contains_ci(list: &[&str], word: &str) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// The byte length of `phrase` at the start of `hay`, ignoring ASCII case, where each space
/// of the phrase matches one whitespace character (a line break of wrapped text, a no-break
/// space): "a year" matches "a\nyear".
#[inline(always)]
pub(crate) fn match_phrase(hay: &str, phrase: &str) -> Option<usize> {
    // Tables of phrases are tried one by one at every figure: most fail on their first
    // letter, which is compared as a byte where the table is read (a hay that starts with
    // another character, ASCII or not, cannot match an ASCII letter or digit).
    if let (Some(&p), Some(&h)) = (phrase.as_bytes().first(), hay.as_bytes().first())
        && p.is_ascii_alphanumeric()
        && !h.eq_ignore_ascii_case(&p)
    {
        return None;
    }
    match_phrase_from_start(hay, phrase)
}

/// A phrase table indexed by the byte a phrase starts with and the byte it ends with, so
/// that a table read at every figure tries only the phrases that can match there: those
/// [`match_phrase`]'s (or [`match_phrase_end`]'s) byte test lets through and whose first (or
/// last) eight bytes the text's allow ([`EdgeBytes`]), still in the table's order, since the
/// first match wins.
pub(crate) struct PhraseTable<T> {
    entries: Vec<(&'static str, T)>,
    /// Every entry's index, for a text that is empty at that end.
    all: Vec<u16>,
    /// For each byte a text starts with, the entries that can match at its start.
    by_first: Vec<Vec<u16>>,
    /// For each byte a text ends with, the entries that can match at its end.
    by_last: Vec<Vec<u16>>,
    /// Each entry's bytes at its start ([`EdgeBytes`]).
    head: Vec<EdgeBytes>,
    /// Each entry's bytes at its end.
    tail: Vec<EdgeBytes>,
}

/// A byte of 1 eight times over.
const EIGHT_ONES: u64 = 0x0101_0101_0101_0101;
/// The high bit of each of eight bytes.
const EIGHT_HIGH: u64 = 0x8080_8080_8080_8080;

/// Of eight bytes, those below 0x80 and within `lo..=hi` (ASCII, `lo` at least 1), as their
/// high bits: adding to a byte's low seven bits carries into no other byte.
fn ascii_bytes_within(x: u64, lo: u8, hi: u8) -> u64 {
    let seven = x & !EIGHT_HIGH;
    let at_least = seven + EIGHT_ONES * (0x80 - u64::from(lo));
    let above = seven + EIGHT_ONES * (0x7f - u64::from(hi));
    at_least & !above & !x & EIGHT_HIGH
}

/// Eight bytes with their ASCII capitals lowercased, at once.
fn lowercase_eight(x: u64) -> u64 {
    x | (ascii_bytes_within(x, b'A', b'Z') >> 2)
}

/// Up to eight bytes of a phrase at one end, read from that end: its ASCII bytes there up to
/// any other or any whitespace but a space, letters lowercase, one byte each from the lowest
/// (the edge byte) up; `mask` covers them. A text the phrase matches has the same bytes at
/// that end ([`match_phrase`] compares ASCII bytes one for one: a letter with itself in either
/// case, a space with any whitespace), as far as the text's own bytes are ASCII: one masked
/// comparison turns most entries away.
#[derive(Debug, Clone, Copy, Default)]
struct EdgeBytes {
    value: u64,
    mask: u64,
}

/// A text's up to eight bytes at one end, read as [`EdgeBytes`] are: letters lowercase and
/// whitespace as a space. `valid` covers the bytes before its first one outside ASCII, and
/// those past its end (held as 0, which no phrase byte is).
#[derive(Debug, Clone, Copy)]
struct EdgeKey {
    key: u64,
    valid: u64,
}

impl EdgeBytes {
    /// The bytes of an entry read from the edge.
    fn of_entry<'b>(bytes: impl Iterator<Item = &'b u8>) -> Self {
        let mut edge = EdgeBytes::default();
        // The whitespace a text's key makes a space (tab to carriage return) cannot be held.
        let usable = |b: &&u8| b.is_ascii() && !matches!(**b, b'\t'..=b'\r');
        for (k, b) in bytes.take(8).take_while(usable).enumerate() {
            edge.value |= u64::from(b.to_ascii_lowercase()) << (8 * k);
            edge.mask |= 0xff << (8 * k);
        }
        edge
    }

    /// Whether a text with this key at the edge may match the entry there.
    #[inline(always)]
    fn may_match(self, text: EdgeKey) -> bool {
        (text.key ^ self.value) & self.mask & text.valid == 0
    }
}

impl EdgeKey {
    /// The key of a text's first eight bytes.
    fn of_start(text: &[u8]) -> Self {
        match text.first_chunk::<8>() {
            Some(eight) => Self::of_eight(u64::from_le_bytes(*eight)),
            None => Self::of_short(text.iter()),
        }
    }

    /// The key of a text's last eight bytes.
    fn of_end(text: &[u8]) -> Self {
        match text.last_chunk::<8>() {
            Some(eight) => Self::of_eight(u64::from_be_bytes(*eight)),
            None => Self::of_short(text.iter().rev()),
        }
    }

    /// The key of eight bytes, the edge byte lowest, all at once.
    fn of_eight(x: u64) -> Self {
        let space = ascii_bytes_within(x, b'\t', b'\r');
        let lower = lowercase_eight(x);
        let spaces = (space >> 7) * 0xff;
        let key = (lower & !spaces) | (spaces & (EIGHT_ONES * u64::from(b' ')));
        let outside = x & EIGHT_HIGH;
        let valid = match outside {
            0 => u64::MAX,
            // The bytes below the first outside ASCII.
            _ => (1u64 << (outside.trailing_zeros() - 7)) - 1,
        };
        EdgeKey { key, valid }
    }

    /// The key of fewer than eight bytes, read from the edge, one by one.
    fn of_short<'b>(bytes: impl Iterator<Item = &'b u8>) -> Self {
        let mut key = 0;
        for (k, &b) in bytes.enumerate() {
            if !b.is_ascii() {
                return EdgeKey {
                    key,
                    valid: (1u64 << (8 * k)) - 1,
                };
            }
            let b = match b {
                b'\t'..=b'\r' => b' ',
                b => b.to_ascii_lowercase(),
            };
            key |= u64::from(b) << (8 * k);
        }
        EdgeKey {
            key,
            valid: u64::MAX,
        }
    }
}

impl<T> PhraseTable<T> {
    /// The index of `entries`, kept in their order.
    pub(crate) fn new(entries: impl IntoIterator<Item = (&'static str, T)>) -> Self {
        let entries: Vec<(&'static str, T)> = entries.into_iter().collect();
        // Each entry is put, in order, under every byte a text may have at that end for it
        // to match: an entry that starts with an ASCII letter or digit needs the same one, in
        // either case (the byte test of `match_phrase`); one with a space, any whitespace
        // (it is put under every byte, and the match tells); any other, that very
        // character, so the same byte; an empty entry, any.
        let index = |edge: fn(&[u8]) -> Option<&u8>| -> Vec<Vec<u16>> {
            let mut by_byte: Vec<Vec<u16>> = vec![Vec::new(); 256];
            for (i, (entry, _)) in entries.iter().enumerate() {
                let i = u16::try_from(i).expect("a phrase table is short");
                match edge(entry.as_bytes()) {
                    Some(&p) if p.is_ascii_alphanumeric() => {
                        by_byte[usize::from(p.to_ascii_lowercase())].push(i);
                        if p.is_ascii_alphabetic() {
                            by_byte[usize::from(p.to_ascii_uppercase())].push(i);
                        }
                    }
                    Some(&p) if p != b' ' => by_byte[usize::from(p)].push(i),
                    _ => by_byte.iter_mut().for_each(|at| at.push(i)),
                }
            }
            by_byte
        };
        let all = (0..entries.len())
            .map(|i| u16::try_from(i).expect("a phrase table is short"))
            .collect();
        let by_first = index(<[u8]>::first);
        let by_last = index(<[u8]>::last);
        let head = entries
            .iter()
            .map(|(e, _)| EdgeBytes::of_entry(e.as_bytes().iter()))
            .collect();
        let tail = entries
            .iter()
            .map(|(e, _)| EdgeBytes::of_entry(e.as_bytes().iter().rev()))
            .collect();
        PhraseTable {
            entries,
            all,
            by_first,
            by_last,
            head,
            tail,
        }
    }

    /// The entries that can match at the start of `hay`, in the table's order.
    pub(crate) fn starting(&self, hay: &str) -> impl Iterator<Item = &(&'static str, T)> {
        let at = hay
            .as_bytes()
            .first()
            .map_or(&self.all, |&h| &self.by_first[usize::from(h)]);
        // The key is read only for a text some entry may match.
        let key = (!at.is_empty()).then(|| EdgeKey::of_start(hay.as_bytes()));
        at.iter()
            .filter(move |&&i| key.is_some_and(|k| self.head[usize::from(i)].may_match(k)))
            .map(|&i| &self.entries[usize::from(i)])
    }

    /// The entries that can match at the end of `hay`, in the table's order.
    pub(crate) fn ending(&self, hay: &str) -> impl Iterator<Item = &(&'static str, T)> {
        let at = hay
            .as_bytes()
            .last()
            .map_or(&self.all, |&h| &self.by_last[usize::from(h)]);
        let key = (!at.is_empty()).then(|| EdgeKey::of_end(hay.as_bytes()));
        at.iter()
            .filter(move |&&i| key.is_some_and(|k| self.tail[usize::from(i)].may_match(k)))
            .map(|&i| &self.entries[usize::from(i)])
    }
}

/// [`QUALIFIERS`], indexed: read before and at every figure.
pub(crate) static QUALIFIER_TABLE: LazyLock<PhraseTable<Qualifier>> =
    LazyLock::new(|| PhraseTable::new(QUALIFIERS.iter().copied()));

/// [`POSTFIX_BOUNDS`], indexed.
pub(crate) static POSTFIX_BOUND_TABLE: LazyLock<PhraseTable<(Qualifier, bool)>> =
    LazyLock::new(|| PhraseTable::new(POSTFIX_BOUNDS.iter().copied()));

/// [`CURRENCY_PREFIXES`], indexed.
pub(crate) static CURRENCY_PREFIX_TABLE: LazyLock<PhraseTable<&'static str>> =
    LazyLock::new(|| PhraseTable::new(CURRENCY_PREFIXES.iter().copied()));

/// [`CURRENCY_SUFFIXES`], indexed.
pub(crate) static CURRENCY_SUFFIX_TABLE: LazyLock<PhraseTable<&'static str>> =
    LazyLock::new(|| PhraseTable::new(CURRENCY_SUFFIXES.iter().copied()));

/// The hasher of the word lists' hash sets: their keys are short words, for which SipHash's
/// setup dominates; foldhash's fixed state is fast on them and the same in every run.
pub(crate) type WordHash = foldhash::fast::FixedState;

/// A list of words for lookups at every word of a passage, ignoring ASCII case: a hash
/// set of the words as listed, and a lookup that lowercases the word into a small buffer
/// instead of a new string. For a lowercase list, `contains` is [`contains_ci`].
pub(crate) struct WordSet(WordMap<()>);

impl WordSet {
    /// The set of `words`.
    pub(crate) fn new(words: impl IntoIterator<Item = &'static str>) -> Self {
        WordSet(WordMap::new(
            words.into_iter().map(|w| (w.as_bytes(), ())).collect(),
        ))
    }

    /// Whether the set holds `word` lowercased (ASCII letters only).
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.0.get(word).is_some()
    }
}

/// Lowercase words (as bytes) and what each stands for, looked up ignoring ASCII case. In
/// front of the hash map stands a filter of the words' shapes
/// ([`WordShapes`](crate::shapes::WordShapes)): most words of prose are in no list, and are
/// told so without hashing. A word of up to [`SHORT_WORD`] bytes, as nearly every one is, is
/// looked up as one integer ([`short_key`]): hashed and compared at once, not byte by byte.
pub(crate) struct WordMap<V> {
    shapes: crate::shapes::WordShapes,
    /// The words of up to [`SHORT_WORD`] bytes, by their key.
    short: std::collections::HashMap<u128, V, WordHash>,
    /// Every word.
    map: std::collections::HashMap<&'static [u8], V, WordHash>,
}

/// The longest word a [`short_key`] holds: its bytes and its length fill 16 bytes.
const SHORT_WORD: usize = 15;

/// A word of up to [`SHORT_WORD`] bytes as one integer: its bytes lowercased (ASCII letters
/// only), then zeros, then its length in the last byte (so that no two words share a key).
fn short_key(word: &[u8]) -> Option<u128> {
    let mut buf = [0u8; SHORT_WORD + 1];
    buf.get_mut(..word.len())
        .filter(|_| word.len() <= SHORT_WORD)?
        .copy_from_slice(word);
    buf[SHORT_WORD] = u8::try_from(word.len()).ok()?;
    // Lowercased eight bytes at a time: the length (at most 15) has no capital's bits.
    let (low, high) = buf.split_at(8);
    let half = |b: &[u8]| {
        b.try_into()
            .map(|b: [u8; 8]| lowercase_eight(u64::from_le_bytes(b)))
    };
    Some(u128::from(half(low).ok()?) | u128::from(half(high).ok()?) << 64)
}

impl<V: Copy> WordMap<V> {
    /// The map of `map`'s words, which must be lowercase (ASCII case).
    pub(crate) fn new(map: std::collections::HashMap<&'static [u8], V, WordHash>) -> Self {
        let mut shapes = crate::shapes::WordShapes::default();
        let mut short = std::collections::HashMap::with_hasher(WordHash::default());
        for (w, v) in &map {
            shapes.insert(w);
            if let Some(key) = short_key(w) {
                short.insert(key, *v);
            }
        }
        WordMap { shapes, short, map }
    }

    /// What `word`, lowercased (ASCII letters only), stands for.
    pub(crate) fn get(&self, word: &str) -> Option<&V> {
        let bytes = word.as_bytes();
        if !self.shapes.may_hold(bytes) {
            return None;
        }
        if let Some(key) = short_key(bytes) {
            return self.short.get(&key);
        }
        let mut buf = [0u8; 32];
        let Some(lower) = buf.get_mut(..bytes.len()) else {
            return self.map.get(word.to_ascii_lowercase().as_bytes());
        };
        lower.copy_from_slice(bytes);
        lower.make_ascii_lowercase();
        self.map.get(&*lower)
    }

    /// The words.
    #[cfg(test)]
    pub(crate) fn words(&self) -> impl Iterator<Item = &&'static [u8]> {
        self.map.keys()
    }
}

/// Text with its line breaks and runs of whitespace made single spaces, and none at either
/// end (what joining its `split_whitespace` words with spaces makes): a message or a quote on
/// one line. Text that is so already (nearly every message) is copied without splitting.
pub fn one_line(text: &str) -> String {
    if on_one_line(text) {
        text.to_owned()
    } else {
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

/// Whether `text` is its words joined by single spaces already: no space at either end, none
/// after another, and no other whitespace. A finding's message and notes are checked whole,
/// so each test is a pass over the bytes with no early exit, which runs many bytes at a time.
fn on_one_line(text: &str) -> bool {
    let bytes = text.as_bytes();
    if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') {
        return false;
    }
    let pairs = bytes.iter().zip(bytes.iter().skip(1));
    let spaces = pairs.fold(false, |found, (&a, &b)| found | (a == b' ') & (b == b' '));
    // Tab, line feed, vertical tab, form feed, carriage return.
    let breaks = bytes
        .iter()
        .fold(false, |found, &b| found | (b.wrapping_sub(b'\t') < 5));
    !spaces && !breaks && !holds_wide_space(bytes)
}

/// Whether UTF-8 `bytes` hold whitespace outside ASCII, told by its encodings (a test holds
/// them to `char::is_whitespace` over every character): U+0085 and U+00A0; U+1680; U+2000
/// to U+200A, U+2028, U+2029, U+202F and U+205F; U+3000. Dashes and curly quotes share their
/// first bytes, and are told apart by the others.
fn holds_wide_space(bytes: &[u8]) -> bool {
    let pairs = bytes.iter().zip(bytes.iter().skip(1));
    let two = pairs.fold(false, |found, (&a, &b)| {
        found | (a == 0xC2) & ((b == 0x85) | (b == 0xA0))
    });
    let triples = bytes
        .iter()
        .zip(bytes.iter().skip(1))
        .zip(bytes.iter().skip(2));
    let three = triples.fold(false, |found, ((&a, &b), &c)| {
        found
            | (a == 0xE1) & (b == 0x9A) & (c == 0x80)
            | (a == 0xE2) & (b == 0x80) & ((c <= 0x8A) | (c == 0xA8) | (c == 0xA9) | (c == 0xAF))
            | (a == 0xE2) & (b == 0x81) & (c == 0x9F)
            | (a == 0xE3) & (b == 0x80) & (c == 0x80)
    });
    two | three
}

/// Whether `word` starts with the lowercase `prefix`, ignoring ASCII case.
pub fn starts_with_ci(word: &str, prefix: &str) -> bool {
    word.as_bytes()
        .get(..prefix.len())
        .is_some_and(|p| p.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// Whether `hay` contains the lowercase `needle`, ignoring ASCII case: what
/// `hay.to_ascii_lowercase().contains(needle)` says, without the copy.
pub(crate) fn contains_ascii_ci(hay: &str, needle: &str) -> bool {
    needle.is_empty() || find_ascii_ci(hay, needle).is_some()
}

/// Where `needle` (ASCII) first occurs in `hay`, ignoring ASCII case: the byte offset that
/// `hay.to_ascii_lowercase().find(needle)` gives for a lowercase needle, without the copy.
pub(crate) fn find_ascii_ci(hay: &str, needle: &str) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    hay.as_bytes()
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// Whether `word` ends with the lowercase `suffix`, ignoring ASCII case.
pub fn ends_with_ci(word: &str, suffix: &str) -> bool {
    word.len() >= suffix.len()
        && word.as_bytes()[word.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
}

/// Whether a byte of the text matches a byte of a phrase, both ASCII: a space of the phrase
/// matches any ASCII whitespace character (`char::is_whitespace`'s ASCII ones), any other
/// byte itself in either case.
#[inline(always)]
fn ascii_matches(h: u8, p: u8) -> bool {
    if p == b' ' {
        matches!(h, b'\t'..=b'\r' | b' ')
    } else {
        h.eq_ignore_ascii_case(&p)
    }
}

/// [`match_phrase`] past its first-byte test. Bytes are compared while both the text and the
/// phrase are ASCII (nearly always); from the first character that is not, characters are.
fn match_phrase_from_start(hay: &str, phrase: &str) -> Option<usize> {
    let (h, p) = (hay.as_bytes(), phrase.as_bytes());
    let mut i = 0;
    while let Some(&pb) = p.get(i) {
        let hb = *h.get(i)?;
        if !hb.is_ascii() || !pb.is_ascii() {
            // Every byte before `i` is ASCII in both: `i` is a character boundary of both.
            return match_chars_from_start(&hay[i..], &phrase[i..]).map(|n| i + n);
        }
        if !ascii_matches(hb, pb) {
            return None;
        }
        i += 1;
    }
    Some(i)
}

/// [`match_phrase_from_start`] character by character.
fn match_chars_from_start(hay: &str, phrase: &str) -> Option<usize> {
    let mut matched = 0;
    for p in phrase.chars() {
        let h = hay[matched..].chars().next()?;
        let ok = if p == ' ' {
            h.is_whitespace()
        } else {
            h.eq_ignore_ascii_case(&p)
        };
        if !ok {
            return None;
        }
        matched += h.len_utf8();
    }
    Some(matched)
}

/// Where `phrase` starts if `hay` ends with it, with [`match_phrase`]'s rules.
#[inline(always)]
pub(crate) fn match_phrase_end(hay: &str, phrase: &str) -> Option<usize> {
    // As in [`match_phrase`], from the last letter.
    if let (Some(&p), Some(&h)) = (phrase.as_bytes().last(), hay.as_bytes().last())
        && p.is_ascii_alphanumeric()
        && !h.eq_ignore_ascii_case(&p)
    {
        return None;
    }
    match_phrase_to_end(hay, phrase)
}

/// [`match_phrase_end`] past its last-byte test, comparing bytes from the end while both are
/// ASCII, as [`match_phrase_from_start`] does from the start.
fn match_phrase_to_end(hay: &str, phrase: &str) -> Option<usize> {
    let (h, p) = (hay.as_bytes(), phrase.as_bytes());
    // Bytes matched from the end of each.
    let mut k = 0;
    while k < p.len() {
        let hb = *h.get(h.len().checked_sub(k + 1)?)?;
        let pb = p[p.len() - k - 1];
        if !hb.is_ascii() || !pb.is_ascii() {
            // The last `k` bytes of each are ASCII: a character boundary of both.
            return match_chars_to_end(&hay[..h.len() - k], &phrase[..p.len() - k]);
        }
        if !ascii_matches(hb, pb) {
            return None;
        }
        k += 1;
    }
    Some(h.len() - k)
}

/// [`match_phrase_to_end`] character by character.
fn match_chars_to_end(hay: &str, phrase: &str) -> Option<usize> {
    let mut start = hay.len();
    for p in phrase.chars().rev() {
        let h = hay[..start].chars().next_back()?;
        let ok = if p == ' ' {
            h.is_whitespace()
        } else {
            h.eq_ignore_ascii_case(&p)
        };
        if !ok {
            return None;
        }
        start -= h.len_utf8();
    }
    Some(start)
}

#[cfg(test)]
mod tests {
    use super::month_number;

    #[test]
    fn word_sets_ignore_ascii_case_like_the_lists() {
        use super::{
            CHANGE_VERBS, IDENTIFIER_WORDS, LABEL_WORDS, PERIODS, SCALES, TENS, UNITS, WordSet,
            contains_ci,
        };
        // A set's lookup is `contains_ci` only for a lowercase list.
        let lists: [Vec<&'static str>; 7] = [
            CHANGE_VERBS.to_vec(),
            LABEL_WORDS.to_vec(),
            IDENTIFIER_WORDS.to_vec(),
            PERIODS.iter().map(|(w, _)| *w).collect(),
            SCALES.iter().map(|(w, _)| *w).collect(),
            TENS.iter().map(|(w, _)| *w).collect(),
            UNITS.iter().map(|(w, _)| *w).collect(),
        ];
        for list in lists {
            for w in &list {
                assert_eq!(*w, w.to_ascii_lowercase(), "{w:?} is not lowercase");
            }
            let set = WordSet::new(list.iter().copied());
            let long = "Increased".repeat(5);
            for word in [
                "Rose", "ROSE", "rose", "roses", "", "a year", "Million", "é", &long, "Vol.",
                "Highway", "No.", "#",
            ] {
                assert_eq!(set.contains(word), contains_ci(&list, word), "{word:?}");
            }
        }
    }

    /// The entries a [`super::PhraseTable`] lists under each byte, by its definition: every
    /// entry whose edge byte may stand there, tried for each of the 256 bytes in turn.
    fn listed_by_definition(entries: &[&str], edge: fn(&[u8]) -> Option<&u8>) -> Vec<Vec<u16>> {
        (0..=u8::MAX)
            .map(|h| {
                (0..entries.len())
                    .filter(|&i| {
                        edge(entries[i].as_bytes()).is_none_or(|&p| {
                            if p.is_ascii_alphanumeric() {
                                h.eq_ignore_ascii_case(&p)
                            } else {
                                p == b' ' || h == p
                            }
                        })
                    })
                    .map(|i| u16::try_from(i).expect("short"))
                    .collect()
            })
            .collect()
    }

    fn assert_indexed_by_definition<T>(table: &super::PhraseTable<T>) {
        let entries: Vec<&str> = table.entries.iter().map(|(p, _)| *p).collect();
        assert_eq!(
            table.by_first,
            listed_by_definition(&entries, <[u8]>::first)
        );
        assert_eq!(table.by_last, listed_by_definition(&entries, <[u8]>::last));
    }

    #[test]
    fn the_shipped_phrase_tables_list_each_entry_under_the_bytes_it_may_match() {
        assert_indexed_by_definition(&super::PERIOD_TABLE);
        assert_indexed_by_definition(&super::QUALIFIER_TABLE);
        assert_indexed_by_definition(&super::POSTFIX_BOUND_TABLE);
        assert_indexed_by_definition(&super::CURRENCY_PREFIX_TABLE);
        assert_indexed_by_definition(&super::CURRENCY_SUFFIX_TABLE);
    }

    proptest::proptest! {
        /// Any entries, with letters of both cases, digits, spaces, symbols and empty ones.
        #[test]
        fn a_phrase_table_lists_each_entry_under_the_bytes_it_may_match(
            entries in proptest::collection::vec("(|[aZ5 $<é.]{1,4})", 0..12),
        ) {
            let entries: Vec<&'static str> =
                entries.into_iter().map(|e| &*Box::leak(e.into_boxed_str())).collect();
            let table = super::PhraseTable::new(entries.iter().map(|e| (*e, ())));
            assert_indexed_by_definition(&table);
        }
    }

    /// The encodings of whitespace outside ASCII are those of every such character, and of
    /// no other.
    #[test]
    fn wide_spaces_are_the_whitespace_outside_ascii() {
        for c in (0x80..=0x10_FFFF).filter_map(char::from_u32) {
            let mut buf = [0u8; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            assert_eq!(super::holds_wide_space(bytes), c.is_whitespace(), "{c:?}");
        }
    }

    proptest::proptest! {
        /// Text on one line is its words joined by single spaces, whatever its whitespace.
        #[test]
        fn one_line_joins_the_words(text in "[a  \t\n\r\u{b}\u{c}\u{85}\u{a0}\u{1680}\u{2009}\u{202f}\u{3000}é“—]{0,12}") {
            proptest::prop_assert_eq!(
                super::one_line(&text),
                text.split_whitespace().collect::<Vec<_>>().join(" ")
            );
        }

        /// Eight bytes lowercased at once are each lowercased.
        #[test]
        fn eight_bytes_lowercase_as_each_does(bytes in proptest::array::uniform8(0u8..)) {
            let each = bytes.map(|b| b.to_ascii_lowercase());
            proptest::prop_assert_eq!(
                super::lowercase_eight(u64::from_le_bytes(bytes)).to_le_bytes(),
                each
            );
        }

        /// Eight bytes read at once make the key that reading them one by one makes, on the
        /// bytes that key covers.
        #[test]
        fn eight_bytes_are_keyed_as_one_by_one(
            bytes in proptest::array::uniform8(proptest::prop_oneof![9 => 0u8..0x80, 1 => 0x80u8..]),
        ) {
            let at_once = super::EdgeKey::of_eight(u64::from_le_bytes(bytes));
            let one_by_one = super::EdgeKey::of_short(bytes.iter());
            proptest::prop_assert_eq!(at_once.valid, one_by_one.valid);
            proptest::prop_assert_eq!(at_once.key & at_once.valid, one_by_one.key & one_by_one.valid);
        }

        /// A word map finds what a search of its list finds, ignoring ASCII case, for words
        /// on either side of the longest one held as an integer (15 bytes), with NUL bytes and
        /// characters outside ASCII.
        #[test]
        fn a_word_map_finds_what_its_list_holds_in_any_case(
            list in proptest::collection::vec("[ab\u{0}é]{0,18}", 0..8),
            other in "[aAbB\u{0}é]{0,18}",
        ) {
            let list: Vec<&'static str> =
                list.into_iter().map(|w| &*Box::leak(w.into_boxed_str())).collect();
            let set = super::WordSet::new(list.iter().copied());
            let mut words = vec![other];
            for w in &list {
                words.push(w.to_ascii_uppercase());
                words.push(format!("{w}a"));
                words.extend(w.get(1..).map(str::to_owned));
            }
            for word in words {
                proptest::prop_assert_eq!(
                    set.contains(&word),
                    super::contains_ci(&list, &word),
                    "{:?}",
                    word
                );
            }
        }
    }

    proptest::proptest! {
        // Few texts match an entry past its first byte: many cases, to meet enough that do.
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2048))]

        /// The entries a table offers at either end of a text are every entry that matches
        /// there, in the table's order: the index, and the test of the byte next to the edge,
        /// leave out only entries that cannot match.
        #[test]
        fn a_phrase_table_offers_every_entry_that_matches_in_order(
            entries in proptest::collection::vec("(|[aAbB5 <é\t\u{b}]{1,3})", 0..12),
            hay in "[aAbB5 \n<é]{0,4}|[aAbB5 \t\u{b}\u{a0}<é]{6,11}",
        ) {
            use super::{match_phrase, match_phrase_end};
            let entries: Vec<&'static str> =
                entries.into_iter().map(|e| &*Box::leak(e.into_boxed_str())).collect();
            let table = super::PhraseTable::new(entries.iter().map(|e| (*e, ())));
            let matching = |offered: Vec<&'static str>, at: fn(&str, &str) -> Option<usize>| {
                offered
                    .into_iter()
                    .filter_map(|p| at(&hay, p).map(|n| (p, n)))
                    .collect::<Vec<(&'static str, usize)>>()
            };
            let offered = table.starting(&hay).map(|(p, _)| *p).collect();
            proptest::prop_assert_eq!(
                matching(offered, match_phrase),
                matching(entries.clone(), match_phrase)
            );
            let offered = table.ending(&hay).map(|(p, _)| *p).collect();
            proptest::prop_assert_eq!(
                matching(offered, match_phrase_end),
                matching(entries.clone(), match_phrase_end)
            );
        }
    }

    #[test]
    fn an_indexed_table_tries_every_phrase_that_matches_in_order() {
        use super::{PhraseTable, QUALIFIERS, match_phrase, match_phrase_end};
        let table = PhraseTable::new(QUALIFIERS.iter().copied());
        let hays = [
            "",
            "more than 5",
            "More Than",
            "≥65",
            "< 200",
            "up to",
            "Some",
            "approx. 5",
            "é",
            "5",
            " over",
            "fell below",
            "was well over",
            "in excess of",
            "x",
            "≤",
            "5 ≤",
            "a <",
            ">",
            "approx.",
            "$5",
            "USD 5",
            "€",
        ];
        for hay in hays {
            let starts = |phrases: Vec<&str>| -> Vec<(String, Option<usize>)> {
                phrases
                    .into_iter()
                    .map(|p| (p.to_owned(), match_phrase(hay, p)))
                    .filter(|(_, n)| n.is_some())
                    .collect()
            };
            let all = QUALIFIERS.iter().map(|(p, _)| *p).collect();
            let indexed = table.starting(hay).map(|(p, _)| *p).collect();
            assert_eq!(starts(indexed), starts(all), "{hay:?}");
            let ends = |phrases: Vec<&str>| -> Vec<(String, Option<usize>)> {
                phrases
                    .into_iter()
                    .map(|p| (p.to_owned(), match_phrase_end(hay, p)))
                    .filter(|(_, n)| n.is_some())
                    .collect()
            };
            let all = QUALIFIERS.iter().map(|(p, _)| *p).collect();
            let indexed = table.ending(hay).map(|(p, _)| *p).collect();
            assert_eq!(ends(indexed), ends(all), "{hay:?}");
        }
    }

    #[test]
    fn phrases_match_at_either_end_ignoring_ascii_case() {
        use super::{match_phrase, match_phrase_end};
        let starts: &[(&str, &str, Option<usize>)] = &[
            ("About 40", "about", Some(5)),
            ("a\nyear ago", "a year", Some(6)),
            ("a\u{a0}year", "a year", Some(7)),
            ("éabout", "about", None),
            ("Ébout", "ébout", None),
            ("ébout", "ébout", Some(6)),
            ("", "about", None),
            ("about", "", Some(0)),
            (" about", " about", Some(6)),
            ("$5", "$", Some(1)),
            ("ab", "about", None),
        ];
        for (hay, phrase, want) in starts {
            assert_eq!(
                match_phrase(hay, phrase),
                *want,
                "{phrase:?} at the start of {hay:?}"
            );
        }
        let ends: &[(&str, &str, Option<usize>)] = &[
            ("some 40 PER CENT", "per cent", Some(8)),
            ("per\ncent", "per cent", Some(0)),
            ("per centé", "per cent", None),
            ("per centÉ", "per centé", None),
            ("", "cent", None),
            ("cent", "", Some(4)),
            ("nt", "cent", None),
        ];
        for (hay, phrase, want) in ends {
            assert_eq!(
                match_phrase_end(hay, phrase),
                *want,
                "{phrase:?} at the end of {hay:?}"
            );
        }
    }

    #[test]
    fn months_by_name_and_abbreviation() {
        let cases = [
            ("January", Some(1)),
            ("mar", Some(3)),
            ("May", Some(5)),
            ("Sept.", Some(9)),
            ("sep", Some(9)),
            ("DEC", Some(12)),
            ("Ju", None),
            ("marching", None),
            ("", None),
            ("...", None),
        ];
        for (word, want) in cases {
            assert_eq!(month_number(word), want, "{word}");
        }
        // The quick test passes every listed name, in any case.
        for m in super::MONTHS {
            assert!(month_number(m).is_some(), "{m}");
            assert!(month_number(&m.to_ascii_uppercase()).is_some(), "{m}");
        }
    }

    proptest::proptest! {
        /// The case-blind tests say what the same tests on a lowercased copy say.
        #[test]
        fn case_blind_tests_agree_with_a_lowercased_copy(
            hay in "[aAgGeE oOfF\\-é]{0,12}",
            needle in "[age of\\-]{0,5}",
        ) {
            let lower = hay.to_ascii_lowercase();
            proptest::prop_assert_eq!(
                super::contains_ascii_ci(&hay, &needle),
                lower.contains(needle.as_str())
            );
            proptest::prop_assert_eq!(
                super::find_ascii_ci(&hay, &needle),
                lower.find(needle.as_str())
            );
            proptest::prop_assert_eq!(
                super::starts_with_ci(&hay, &needle),
                lower.starts_with(needle.as_str())
            );
            proptest::prop_assert_eq!(
                super::ends_with_ci(&hay, &needle),
                lower.ends_with(needle.as_str())
            );
        }

        /// Comparing bytes while both sides are ASCII finds what comparing characters finds,
        /// with whitespace of every kind, letters of both cases and characters outside ASCII
        /// on either side.
        #[test]
        fn phrases_match_bytewise_as_they_match_by_character(
            hay in "[aAbB \t\n\u{b}\u{1c}\u{a0}\u{2003}é$5]{0,8}",
            phrase in "[aAbB é$5]{0,5}",
        ) {
            proptest::prop_assert_eq!(
                super::match_phrase_from_start(&hay, &phrase),
                super::match_chars_from_start(&hay, &phrase)
            );
            proptest::prop_assert_eq!(
                super::match_phrase_to_end(&hay, &phrase),
                super::match_chars_to_end(&hay, &phrase)
            );
        }
    }
}
