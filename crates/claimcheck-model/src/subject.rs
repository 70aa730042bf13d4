//! Whether two subjects describe the same population, by the words of their phrases.
//!
//! Each subject becomes a set of normalised content words: lower case, a plural -s dropped,
//! function words left out, and synonyms mapped to one word (labor / labour / workers /
//! labourers ⇒ "labour"; migrants / immigrants ⇒ "migrant"). The similarity of two subjects
//! is the share of the smaller set found in the larger (1 when one phrase narrows the other,
//! "migrants" ⊂ "Cambodian migrants in Thailand").

use compact_str::CompactString;

/// One normalised content word. Held inline (no allocation) up to 24 bytes, which nearly
/// every word is: a subject is read into words for every figure of a document.
pub type Word = CompactString;

/// A set of words, in order and each once. A phrase has a few words, read for nearly every
/// figure of a document: one sorted vector holds them in one allocation, searched by halves,
/// where a tree would allocate a node and compare with pointers followed.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Words(Vec<Word>);

impl Words {
    /// No words.
    pub fn new() -> Self {
        Words(Vec::new())
    }

    /// Whether `word` is one of them.
    pub fn contains(&self, word: &str) -> bool {
        self.0.binary_search_by(|w| w.as_str().cmp(word)).is_ok()
    }

    /// Adds a word (nothing if it is there already).
    pub fn insert(&mut self, word: Word) {
        if let Err(at) = self.0.binary_search(&word) {
            self.0.insert(at, word);
        }
    }

    /// The words, in order.
    pub fn iter(&self) -> std::slice::Iter<'_, Word> {
        self.0.iter()
    }

    /// The first word in order.
    pub fn first(&self) -> Option<&Word> {
        self.0.first()
    }

    /// How many words.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// How many words the two have in common.
    pub fn common(&self, other: &Words) -> usize {
        let (mut a, mut b) = (self.0.iter().peekable(), other.0.iter().peekable());
        let mut n = 0;
        while let (Some(x), Some(y)) = (a.peek(), b.peek()) {
            match x.cmp(y) {
                std::cmp::Ordering::Less => {
                    a.next();
                }
                std::cmp::Ordering::Greater => {
                    b.next();
                }
                std::cmp::Ordering::Equal => {
                    n += 1;
                    a.next();
                    b.next();
                }
            }
        }
        n
    }

    /// Whether the two have no word in common.
    pub fn is_disjoint(&self, other: &Words) -> bool {
        self.common(other) == 0
    }

    /// The words of either.
    pub fn union(&self, other: &Words) -> Words {
        let mut all = Vec::with_capacity(self.len() + other.len());
        let (mut a, mut b) = (self.0.iter().peekable(), other.0.iter().peekable());
        loop {
            let next = match (a.peek(), b.peek()) {
                (Some(x), Some(y)) => match x.cmp(y) {
                    std::cmp::Ordering::Less => a.next(),
                    std::cmp::Ordering::Greater => b.next(),
                    std::cmp::Ordering::Equal => {
                        b.next();
                        a.next()
                    }
                },
                (Some(_), None) => a.next(),
                (None, Some(_)) => b.next(),
                (None, None) => break,
            };
            all.extend(next.cloned());
        }
        Words(all)
    }
}

impl FromIterator<Word> for Words {
    fn from_iter<I: IntoIterator<Item = Word>>(iter: I) -> Self {
        let mut all: Vec<Word> = iter.into_iter().collect();
        all.sort_unstable();
        all.dedup();
        Words(all)
    }
}

impl IntoIterator for Words {
    type Item = Word;
    type IntoIter = std::vec::IntoIter<Word>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a Words {
    type Item = &'a Word;
    type IntoIter = std::slice::Iter<'a, Word>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

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
pub fn words(phrase: &str) -> Words {
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
pub fn compare_words(wa: &Words, wb: &Words) -> Match {
    if wa.is_empty() || wb.is_empty() {
        return Match {
            similarity: 0.0,
            same: false,
        };
    }
    let common = wa.common(wb);
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
    use std::collections::BTreeSet;

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
            let read: BTreeSet<Word> = words(&p).into_iter().collect();
            prop_assert_eq!(read, words_by_scanning(&p), "{:?}", p);
        }

        /// A set of words answers as the standard library's ordered set of the same words.
        #[test]
        fn words_answer_as_an_ordered_set(
            a in proptest::collection::vec("[a-e]{1,2}", 0..8),
            b in proptest::collection::vec("[a-e]{1,2}", 0..8),
            probe in "[a-e]{1,2}",
        ) {
            let set = |v: &[String]| -> Words { v.iter().map(Word::from).collect() };
            let tree = |v: &[String]| -> BTreeSet<Word> { v.iter().map(Word::from).collect() };
            let (wa, wb, ta, tb) = (set(&a), set(&b), tree(&a), tree(&b));
            prop_assert!(wa.iter().eq(ta.iter()));
            prop_assert_eq!(wa.len(), ta.len());
            prop_assert_eq!(wa.contains(&probe), ta.contains(probe.as_str()));
            prop_assert_eq!(wa.common(&wb), ta.intersection(&tb).count());
            prop_assert_eq!(wa.is_disjoint(&wb), ta.is_disjoint(&tb));
            prop_assert!(wa.union(&wb).iter().eq(ta.union(&tb)));
            prop_assert_eq!(wa == wb, ta == tb);
            prop_assert_eq!(wa.cmp(&wb), ta.cmp(&tb));
            let mut inserted = wa.clone();
            inserted.insert(Word::from(probe.as_str()));
            let mut tree_inserted = ta.clone();
            tree_inserted.insert(Word::from(probe.as_str()));
            prop_assert!(inserted.iter().eq(tree_inserted.iter()));
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
