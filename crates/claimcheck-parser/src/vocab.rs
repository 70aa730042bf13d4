//! The extractor's vocabulary, in one place so that a reviewer can read it whole.
//!
//! Every table is lowercase; lookups lowercase the text first. Order matters only where a
//! comment says so (longest phrase first, so that "well over" wins over "over").

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
/// small numbers ("three hundred and forty-one"); these are the large scales.
pub(crate) const SCALES: &[(&str, f64)] = &[
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
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
];

/// Vague quantity words that start a vague phrase; the phrase's bound comes from
/// [`crate::Conventions::vague`].
pub(crate) const VAGUE_HEADS: &[&str] = &[
    "dozens", "scores", "hundreds", "thousands", "millions", "billions", "tens", "several",
    "few",
];

/// Qualifier phrases that may stand before a figure, longest first.
pub(crate) const QUALIFIERS: &[(&str, Qualifier)] = &[
    ("in excess of", Qualifier::MoreThan),
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
    ("estimated", Qualifier::About),
];

/// Currency written before the amount ("US$2,500", "€20", "USD 5"), longest first.
pub(crate) const CURRENCY_PREFIXES: &[(&str, &str)] = &[
    ("us$", "USD"),
    ("usd", "USD"),
    ("eur", "EUR"),
    ("gbp", "GBP"),
    ("thb", "THB"),
    ("khr", "KHR"),
    ("mmk", "MMK"),
    ("a$", "AUD"),
    ("c$", "CAD"),
    ("$", "USD"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("¥", "JPY"),
    ("₹", "INR"),
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

/// Words after which a number is a label, not a quantity ("Article 12", "Tier 2", "Highway 1").
pub(crate) const IDENTIFIER_WORDS: &[&str] = &[
    "article",
    "articles",
    "section",
    "sections",
    "chapter",
    "paragraph",
    "clause",
    "resolution",
    "highway",
    "route",
    "interstate",
    "road",
    "flight",
    "no.",
    "nos.",
    "#",
    "tier",
    "level",
    "phase",
    "stage",
    "category",
    "grade",
    "room",
    "page",
    "pages",
    "p.",
    "pp.",
    "vol.",
    "volume",
    "issue",
    "part",
    "annex",
    "appendix",
    "figure",
    "fig.",
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

/// Unit suffixes written straight after digits that make a measurement ("5km", "10kg").
pub(crate) const UNIT_SUFFIXES: &[&str] = &[
    "km", "kg", "mg", "g", "cm", "mm", "ml", "l", "ha", "mph", "kmh", "kw", "mw", "gw", "kwh",
    "mwh", "gwh", "t", "x", "sq", "ft", "in", "lb", "lbs", "oz", "kt", "gb", "mb", "tb",
];

/// Words that never start or continue the counted noun after a number: determiners,
/// prepositions, conjunctions, pronouns, auxiliaries, common verbs and adverbs of degree.
/// Closed classes, so a list is honest; open-class verbs are caught by their endings.
pub(crate) const NOT_NOUNS: &[&str] = &[
    "a", "an", "the", "this", "that", "these", "those", "its", "their", "his", "her", "our",
    "your", "my", "of", "in", "on", "at", "to", "for", "from", "by", "with", "without", "into",
    "onto", "over", "under", "between", "among", "through", "during", "after", "before",
    "since", "until", "per", "each", "every", "and", "or", "but", "nor", "so", "yet", "as",
    "than", "then", "if", "when", "while", "where", "which", "who", "whom", "whose", "what",
    "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "do",
    "does", "did", "will", "would", "shall", "should", "can", "could", "may", "might", "must",
    "it", "he", "she", "they", "we", "you", "i", "them", "him", "us", "there", "here", "not",
    "no", "more", "less", "fewer", "most", "least", "also", "only", "just", "about", "around",
    "nearly", "almost", "some", "all", "both", "either", "neither", "such", "other", "another",
    "against", "across", "along", "toward", "towards", "within", "upon", "including",
    "according", "annually", "daily", "weekly", "monthly", "yearly", "ago", "later",
    "earlier", "up", "down", "out", "off", "again", "still", "even", "too", "very", "percent",
    "remain", "remains", "say", "says", "said", "kill", "kills", "die", "die", "face",
    "faces", "live", "lives", "work", "works", "fall", "falls", "become", "becomes", "make",
    "makes", "take", "takes", "get", "gets", "go", "goes", "come", "comes", "see", "sees",
    "need", "needs", "enter", "enters", "leave", "leaves", "vote", "votes", "win", "wins",
    "lose", "loses", "receive", "receives", "flee", "flees", "hold", "holds", "include",
    "includes", "account", "accounts", "represent", "represents", "estimate", "estimates",
    "rise", "rises", "grow", "grows", "reach", "reaches", "remain", "stay", "stays",
    "whereas", "because", "although", "though", "unless", "whether", "via", "like", "unlike",
    "behind", "beyond", "near", "next", "amid", "despite", "versus", "vs", "vs.", "e.g.",
    "i.e.", "etc", "etc.", "respectively", "alone", "each", "apiece", "total", "overall",
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
