//! The checker's vocabularies, in one place, and how they are matched: as words.
//!
//! Text is cut into lowercase word tokens once (letters and digits; hyphens, apostrophes and
//! punctuation separate words). A term is a sequence of words; a word ending in `*` is a stem
//! and matches any token that starts with it ("traffick*" matches "trafficked"), any other word
//! matches a token exactly. So "known" never matches "unknown", and "men" never matches
//! "women".

use crate::registry::Concept;

/// One word of a text: lowercase, with its byte span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The word, lowercase.
    pub word: String,
    /// First byte in the text.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// The word tokens of `text[start..end]`, with spans in `text`.
pub fn tokens(text: &str, start: usize, end: usize) -> Vec<Token> {
    let Some(slice) = text.get(start..end) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut word_start = None;
    for (i, ch) in slice
        .char_indices()
        .chain(std::iter::once((slice.len(), ' ')))
    {
        if ch.is_alphanumeric() {
            word_start.get_or_insert(i);
        } else if let Some(s) = word_start.take() {
            out.push(Token {
                word: slice[s..i].to_lowercase(),
                start: start + s,
                end: start + i,
            });
        }
    }
    out
}

/// Whether a token is matched by one word of a term (`stem*` or an exact word).
fn word_matches(pattern: &str, token: &str) -> bool {
    match pattern.strip_suffix('*') {
        Some(stem) => token.starts_with(stem),
        None => token == pattern,
    }
}

/// Where `term` (words separated by spaces or hyphens) first occurs in `tokens`: the index of
/// its first token.
pub fn find(tokens: &[Token], term: &str) -> Option<usize> {
    let words: Vec<String> = term
        .split(|c: char| c.is_whitespace() || c == '-' || c == '\'' || c == '’')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.is_empty() || words.len() > tokens.len() {
        return None;
    }
    (0..=tokens.len() - words.len()).find(|&i| {
        words
            .iter()
            .zip(&tokens[i..])
            .all(|(w, t)| word_matches(w, &t.word))
    })
}

/// Whether any of `terms` occurs in `tokens`.
pub fn any(tokens: &[Token], terms: &[&str]) -> bool {
    terms.iter().any(|t| find(tokens, t).is_some())
}

/// A registry stem list (`women|girls`, `child`): each alternative matches at the start of a
/// word; stems of three letters or fewer match a whole word or its plural only, so that `men`
/// is not "mention".
pub fn any_registry_term(tokens: &[Token], alternatives: &str) -> bool {
    alternatives
        .split('|')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .any(|alt| {
            let words: Vec<String> = alt
                .split(|c: char| c.is_whitespace() || c == '-')
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect();
            if words.is_empty() || words.len() > tokens.len() {
                return false;
            }
            (0..=tokens.len() - words.len()).any(|i| {
                words.iter().zip(&tokens[i..]).all(|(w, t)| {
                    if w.chars().count() <= 3 {
                        t.word == *w || t.word.strip_suffix('s') == Some(w)
                    } else {
                        t.word.starts_with(w.as_str())
                    }
                })
            })
        })
}

/// The words that name each concept in prose.
pub fn concept_terms(concept: Concept) -> &'static [&'static str] {
    match concept {
        Concept::ModernSlavery => &[
            "modern slavery",
            "modern day slavery",
            "slavery",
            "slave*",
            "enslav*",
        ],
        Concept::ForcedLabour => &[
            "forced labo*",
            "forced to work",
            "forced into labo*",
            "forced work",
            "work involuntarily",
            "involuntary labo*",
            "bonded labo*",
        ],
        Concept::ForcedMarriage => &[
            "forced marriage*",
            "forced to marry",
            "forced into marriage*",
            "not consented",
        ],
        Concept::ForcedSexualExploitation => &[
            "sexual exploitation",
            "sexually exploited",
            "commercial sex*",
            "forced prostitution",
            "sex trade",
            "sexual servitude",
        ],
        Concept::Trafficking => &["traffick*"],
        Concept::DetectedVictims | Concept::IdentifiedVictims => DETECTION,
        Concept::ChildLabour => &[
            "child labo*",
            "child worker*",
            "children employed",
            "employed as workers",
            "children work*",
        ],
        Concept::Profits => &[
            "profit*", "industry", "business", "revenue*", "earn*", "generat*", "produc*", "made",
        ],
        Concept::Migration => &["migrant*", "migrat*"],
        Concept::Deportation => &["deport*", "repatriat*"],
        Concept::WageTheft => &["paid", "wage*", "pay"],
        Concept::Sample => &["interview*", "survey*", "sample*", "respondent*"],
    }
}

/// Words that say victims were counted by authorities, not estimated.
pub const DETECTION: &[&str] = &[
    "detected",
    "detection*",
    "identified",
    "known",
    "reported victims",
    "reported trafficking victims",
    "reported human trafficking victims",
    "reported cases",
    "victims reported",
    "recorded",
    "registered",
    "official*",
    "rescued",
];

/// Words after a fraction word that make it an ordinal ("a third consecutive year").
pub const ORDINAL_FOLLOWERS: &[&str] = &[
    "consecutive",
    "straight",
    "successive",
    "running",
    "time",
    "term",
];

/// Whether the word after byte `end` makes the figure before it an ordinal.
pub fn ordinal_use(text: &str, end: usize) -> bool {
    let rest = text.get(end..).unwrap_or("");
    let next = rest
        .trim_start()
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_lowercase();
    ORDINAL_FOLLOWERS.contains(&next.as_str())
}

/// Words that make a figure a yearly flow.
pub const FLOW: &[&str] = &[
    "every year",
    "each year",
    "annually",
    "a year",
    "per year",
    "yearly",
    "per annum",
];

/// Words that make a share of victims a share of all victims, everywhere ("of all trafficking
/// victims", "victims worldwide", "globally"): a share of detected victims so widened is
/// misread. "Children make up 62% of victims" in a region the sentence names is the
/// publisher's own shorthand, and stays quiet.
pub const ALL_VICTIMS: &[&str] = &[
    "all",
    "overall",
    "worldwide",
    "globally",
    "global",
    "world",
    "globe",
];

/// Words that make a figure the world's ("worldwide", "around the world", "globally"): a
/// region's or a country's figure so given is widened.
pub const WORLD: &[&str] = &["worldwide", "globally", "global", "world", "globe"];

/// Words that make a figure a count over several years.
pub const OVER_YEARS: &[&str] = &[
    "last five years",
    "past five years",
    "over five years",
    "five year period",
    "last decade",
    "past decade",
    "last ten years",
    "past ten years",
];

/// Words that make a figure a change between two times.
pub const CHANGE: &[&str] = &[
    "increase*",
    "rise",
    "rose",
    "risen",
    "grew",
    "growth",
    "jump*",
    "surge*",
    "up by",
    "fell",
    "fallen",
    "decline*",
    "drop*",
    "decrease*",
    "more than in",
    "more people",
    "fewer",
];

/// Words right before a figure that make it one end of a change, not the change: "rose
/// to 50 million", "down from 35 percent", "stood at 27.6 million".
pub const LEVEL_OF_A_CHANGE: &[&str] = &["to", "from", "at"];

/// Words before a year that make it something other than the figure's date: "since 2016",
/// "by 2030".
pub const NOT_A_DATE: &[&str] = &["since", "by", "until", "till", "before", "after", "from"];

/// Pronouns that, as a sentence's subject, stand for a group the sentence before named.
pub const ANAPHORA: &[&str] = &["they", "these", "those"];

/// Words that present a figure as current.
pub const NOW: &[&str] = &[
    "today",
    "now",
    "currently",
    "current",
    "still",
    "latest",
    "presently",
];

/// Counted nouns of people: a count of these can be a count of persons in the registry.
pub const PEOPLE: &[&str] = &[
    "people",
    "person*",
    "victim*",
    "men",
    "women",
    "child*",
    "girl*",
    "boy*",
    "adult*",
    "worker*",
    "labourer*",
    "laborer*",
    "slave*",
    "individual*",
    "migrant*",
    "fisher*",
    "minor*",
    "survivor*",
    "refugee*",
    "deportee*",
    "returnee*",
    "cambodian*",
    "thai*",
    "human*",
    "soul*",
    "worldwide",
    "globally",
];

/// Names of a family of publishers: "a UN report" attributes a figure to one of the United
/// Nations' agencies without saying which.
pub const UN_FAMILY_NAMES: &[&str] = &["un", "united nations", "u n"];

/// The publishers the United Nations family covers (registry publisher names, as words).
pub const UN_FAMILY: &[&str] = &["UNODC", "ILO", "IOM", "UNICEF", "UNIAP", "ILO and UNICEF"];

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<Token> {
        tokens(s, 0, s.len())
    }

    #[test]
    fn words_match_as_words() {
        let cases: &[(&str, &str, bool)] = &[
            ("the unknown victims", "known", false),
            ("the known victims", "known", true),
            ("women and girls", "men", false),
            ("victims of trafficking", "traffick*", true),
            ("modern-day slavery", "modern day slavery", true),
            ("forced labor", "forced labo*", true),
            ("forced labourers", "forced labo*", true),
            ("a laboratory forced", "forced labo*", false),
            ("United States", "state", false),
        ];
        for (text, term, want) in cases {
            assert_eq!(find(&toks(text), term).is_some(), *want, "{term} in {text}");
        }
    }

    #[test]
    fn registry_stems() {
        let cases: &[(&str, &str, bool)] = &[
            ("women and girls", "men|male", false),
            ("female victims", "men|male", false),
            ("adult men", "men|male", true),
            ("the children", "child", true),
            ("as mentioned", "men", false),
            ("boys", "boy", true),
            ("Asia and the Pacific", "Asia|Pacific", true),
            ("prosecutions", "prosecut", true),
        ];
        for (text, term, want) in cases {
            assert_eq!(
                any_registry_term(&toks(text), term),
                *want,
                "{term} in {text}"
            );
        }
    }

    #[test]
    fn ordinals_after_fraction_words() {
        let text = "for a third consecutive year, a third of victims";
        assert!(ordinal_use(text, "for a third".len()));
        assert!(!ordinal_use(text, text.rfind("third").map_or(0, |i| i + 5)));
    }

    #[test]
    fn spans_slice_the_text() {
        let text = "Ça — 40 victims, trafficked.";
        for t in tokens(text, 0, text.len()) {
            assert_eq!(text[t.start..t.end].to_lowercase(), t.word);
        }
    }
}
