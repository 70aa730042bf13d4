//! Whether two subjects describe the same population, by the words of their phrases.
//!
//! Each subject becomes a set of normalised content words: lower case, a plural -s dropped,
//! function words left out, and synonyms mapped to one word (labor / labour / workers /
//! labourers ⇒ "labour"; migrants / immigrants ⇒ "migrant"). The similarity of two subjects
//! is the share of the smaller set found in the larger (1 when one phrase narrows the other,
//! "migrants" ⊂ "Cambodian migrants in Thailand").

use std::collections::BTreeSet;

use compact_str::CompactString;

/// One normalised content word. Held inline (no allocation) up to 24 bytes, which nearly
/// every word is: a subject is read into words for every figure of a document.
pub type Word = CompactString;

/// Words that carry no population: determiners, prepositions, participles of movement.
const IGNORED: &[&str] = &[
    "the", "a", "an", "all", "of", "in", "from", "to", "at", "on", "into", "within", "and", "or",
    "its", "their", "those", "these", "who", "that", "which", "total", "number",
];

/// Synonym groups: every word of a group maps to its first.
const SYNONYMS: &[&[&str]] = &[
    &[
        "labour", "labor", "worker", "workers", "labourer", "laborer", "employee",
    ],
    &["migrant", "migrants", "immigrant", "emigrant", "migration"],
    &["victim", "victims", "survivor"],
    &["child", "children", "minor", "minors"],
    &["woman", "women", "female"],
    &["man", "men", "male"],
    &["fisher", "fishers", "fisherman", "fishermen", "fishworker"],
    &["people", "person", "persons", "individual", "individuals"],
    &["enter", "entering", "arriving", "crossing"],
    &["trafficked", "trafficking"],
];

/// The normalised content words of a subject phrase.
pub fn words(phrase: &str) -> BTreeSet<Word> {
    let table = &*TABLE;
    phrase
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(lowercase)
        .filter_map(|w| match table.get(w.as_str()) {
            Some(Entry::Ignored) => None,
            Some(Entry::Head(head)) => Some(Word::const_new(head)),
            None => Some(singular(&w, table)),
        })
        .collect()
}

/// What the table says of a word: left out, or a synonym of a group's first word.
#[derive(Debug, Clone, Copy)]
enum Entry {
    Ignored,
    Head(&'static str),
}

/// Words and what [`TABLE`] says of them.
type Table = foldhash::HashMap<&'static str, Entry>;

/// [`IGNORED`] and [`SYNONYMS`] as one table, looked up once per word rather than scanned:
/// a word that is both is left out, and a word of two groups maps to the first.
static TABLE: std::sync::LazyLock<Table> = std::sync::LazyLock::new(|| {
    let mut table = Table::default();
    for w in IGNORED {
        table.insert(*w, Entry::Ignored);
    }
    for group in SYNONYMS {
        for w in *group {
            table.entry(*w).or_insert(Entry::Head(group[0]));
        }
    }
    table
});

/// A word in lower case, without a copy on the heap for an ASCII word (nearly all of them).
fn lowercase(w: &str) -> Word {
    if w.is_ascii() {
        let mut lower = Word::from(w);
        lower.make_ascii_lowercase();
        lower
    } else {
        Word::from(w.to_lowercase())
    }
}

/// A lowercase word of no synonym group and not left out: in the singular, mapped to its
/// group's first word if the singular has one.
fn singular(w: &str, table: &Table) -> Word {
    let singular = match w.strip_suffix("ies") {
        Some(stem) => {
            let mut y = Word::from(stem);
            y.push('y');
            y
        }
        None if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") => {
            Word::from(&w[..w.len() - 1])
        }
        None => Word::from(w),
    };
    match table.get(singular.as_str()) {
        Some(Entry::Head(head)) => Word::const_new(head),
        _ => singular,
    }
}

/// How the populations of two subjects relate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Match {
    /// The share of the smaller word set found in the larger, from 0 to 1.
    pub similarity: f64,
    /// Whether the two word sets are the same.
    pub same: bool,
}

/// Compares two subject phrases.
pub fn compare(a: &str, b: &str) -> Match {
    compare_words(&words(a), &words(b))
}

/// Compares two subject phrases by their [`words`]: a caller comparing one phrase with
/// several reads its words once.
pub fn compare_words(wa: &BTreeSet<Word>, wb: &BTreeSet<Word>) -> Match {
    if wa.is_empty() || wb.is_empty() {
        return Match {
            similarity: 0.0,
            same: false,
        };
    }
    let common = wa.intersection(wb).count();
    let smaller = wa.len().min(wb.len());
    Match {
        similarity: common as f64 / smaller as f64,
        same: wa == wb,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The first reading: each word looked for in the lists one by one.
    fn words_by_scanning(phrase: &str) -> BTreeSet<Word> {
        fn synonym_head(w: &str) -> Option<&'static str> {
            SYNONYMS
                .iter()
                .find(|group| group.contains(&w))
                .map(|group| group[0])
        }
        fn normalise(w: &str) -> Word {
            if let Some(head) = synonym_head(w) {
                return Word::const_new(head);
            }
            let singular = match w.strip_suffix("ies") {
                Some(stem) => Word::from(format!("{stem}y")),
                None if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") => {
                    Word::from(&w[..w.len() - 1])
                }
                None => Word::from(w),
            };
            match synonym_head(&singular) {
                Some(head) => Word::const_new(head),
                None => singular,
            }
        }
        phrase
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(|w| w.to_lowercase())
            .filter(|w| !IGNORED.contains(&w.as_str()))
            .map(|w| normalise(&w))
            .collect()
    }

    /// Words of the lists, their plurals and capitals, and others.
    fn phrase() -> impl Strategy<Value = String> {
        let mut known: Vec<String> = IGNORED.iter().map(|w| (*w).to_owned()).collect();
        known.extend(
            SYNONYMS
                .iter()
                .flat_map(|g| g.iter())
                .map(|w| (*w).to_owned()),
        );
        let inflected: Vec<String> = known
            .iter()
            .flat_map(|w| {
                [
                    format!("{w}s"),
                    w.to_uppercase(),
                    format!("{}ies", &w[..w.len() - 1]),
                ]
            })
            .collect();
        known.extend(inflected);
        known
            .extend(["glass", "bus", "Ünïon", "x", "ies", "cities", "2021", "é"].map(String::from));
        proptest::collection::vec(
            (
                proptest::sample::select(known),
                prop_oneof![Just(" "), Just(", "), Just("-")],
            ),
            0..8,
        )
        .prop_map(|parts| parts.into_iter().map(|(w, sep)| w + sep).collect())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        /// The table reads every phrase as scanning the lists did.
        #[test]
        fn the_table_reads_as_the_lists(p in phrase()) {
            prop_assert_eq!(words(&p), words_by_scanning(&p), "{:?}", p);
        }
    }

    #[test]
    fn similar_subjects() {
        let cases: &[(&str, &str, f64, bool)] = &[
            (
                "Cambodian labor migrants in Thailand",
                "Cambodian migrant workers in Thailand",
                1.0,
                true,
            ),
            (
                "Cambodian labor migrants in Thailand",
                "Cambodian labor migrants entering Thailand",
                1.0,
                false,
            ),
            ("migrants", "Cambodian migrants in Thailand", 1.0, false),
            ("identified victims", "detected victims", 0.5, false),
            ("children", "women", 0.0, false),
            ("people", "persons", 1.0, true),
            ("countries", "fishers", 0.0, false),
        ];
        for (a, b, sim, same) in cases {
            let m = compare(a, b);
            assert!((m.similarity - sim).abs() < 1e-9, "{a} / {b}: {m:?}");
            assert_eq!(m.same, *same, "{a} / {b}");
        }
    }
}
