//! The checker's vocabularies, in one place, and how they are matched: as words.
//!
//! Text is cut into lowercase word tokens once (letters and digits; hyphens, apostrophes and
//! punctuation separate words). A term is a sequence of words; a word ending in `*` is a stem
//! and matches any token that starts with it ("traffick*" matches "trafficked"), any other word
//! matches a token exactly. So "known" never matches "unknown", and "men" never matches
//! "women".

use crate::registry::Concept;
use compact_str::CompactString;

/// One word of a text: lowercase, with its byte span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The word, lowercase; held inline (no allocation) up to 24 bytes, as nearly every word is.
    pub word: CompactString,
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
    let bytes = slice.as_bytes();
    // The slice lowercased at once (ASCII letters only, so every offset stays): an ASCII
    // word is then copied out as it is, where lowercasing word by word looked at each word
    // twice.
    let lower = slice.to_ascii_lowercase();
    // About one word in six bytes of prose: room for most sentences' words at once.
    let mut out = Vec::with_capacity(slice.len() / 6 + 1);
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let s = i;
        let ascii = b.is_ascii();
        if ascii {
            if !b.is_ascii_alphanumeric() {
                i += 1;
                continue;
            }
            // ASCII letters and digits eight bytes at a time: a word of them alone (nearly
            // every word) is taken at once.
            i = claimcheck_parser::runs::alphanumerics_end(bytes, i + 1);
            if bytes.get(i).is_none_or(u8::is_ascii) {
                out.push(Token {
                    word: CompactString::from(&lower[s..i]),
                    start: start + s,
                    end: start + i,
                });
                continue;
            }
        } else {
            // A character outside ASCII: a word starts with it only if it is alphanumeric.
            let Some(ch) = slice[i..].chars().next() else {
                break;
            };
            i += ch.len_utf8();
            if !ch.is_alphanumeric() {
                continue;
            }
        }
        // A word that starts with a character outside ASCII, or runs on to one: read on
        // character by character, ASCII runs eight bytes at a time.
        let mut ascii = ascii;
        loop {
            i = claimcheck_parser::runs::alphanumerics_end(bytes, i);
            match slice[i..].chars().next() {
                Some(ch) if !ch.is_ascii() && ch.is_alphanumeric() => {
                    ascii = false;
                    i += ch.len_utf8();
                }
                _ => break,
            }
        }
        out.push(Token {
            word: if ascii {
                CompactString::from(&lower[s..i])
            } else {
                lowercase(&slice[s..i], false)
            },
            start: start + s,
            end: start + i,
        });
    }
    out
}

/// A word in lower case, as a token holds it: an ASCII word (`ascii`, which nearly every
/// word is) lowercased in place, without Unicode case mapping.
fn lowercase(written: &str, ascii: bool) -> CompactString {
    if ascii {
        let mut w = CompactString::from(written);
        // Most words of prose are lowercase already: looking is cheaper than rewriting.
        if written.bytes().any(|b| b.is_ascii_uppercase()) {
            w.make_ascii_lowercase();
        }
        w
    } else {
        CompactString::from_str_to_lowercase(written)
    }
}

/// The word tokens of `text[start..end]`, as [`tokens`] cuts them, taken from `within` (the
/// tokens of `covered`, which holds `start..end`) when no word of it straddles either end, and
/// cut afresh otherwise: a rule reading part of a claim's sentence need not cut it again.
pub fn tokens_within<'t>(
    within: &'t [Token],
    covered: claimcheck_parser::Span,
    text: &str,
    start: usize,
    end: usize,
) -> std::borrow::Cow<'t, [Token]> {
    use std::borrow::Cow;
    if covered.start <= start
        && start <= end
        && end <= covered.end
        && text.get(start..end).is_some()
    {
        let from = within.partition_point(|t| t.start < start);
        let to = within.partition_point(|t| t.start < end);
        let straddles_start = from.checked_sub(1).is_some_and(|i| within[i].end > start);
        let straddles_end = to
            .checked_sub(1)
            .is_some_and(|i| i >= from && within[i].end > end);
        if !straddles_start && !straddles_end {
            return Cow::Borrowed(&within[from..to]);
        }
    }
    Cow::Owned(tokens(text, start, end))
}

/// Whether a token is matched by one word of a term (`stem*` or an exact word).
fn word_matches(pattern: &str, token: &str) -> bool {
    match pattern.strip_suffix('*') {
        Some(stem) => token.starts_with(stem),
        None => token == pattern,
    }
}

/// The words of a term, lowercase, without allocating when the term is lowercase already (as
/// every built-in term is); a registry term written with capitals is lowercased once here.
fn term_words<'t>(term: &'t str, separators: &[char]) -> Vec<std::borrow::Cow<'t, str>> {
    term.split(|c: char| c.is_whitespace() || separators.contains(&c))
        .filter(|w| !w.is_empty())
        .map(|w| {
            if w.chars().any(char::is_uppercase) {
                std::borrow::Cow::Owned(w.to_lowercase())
            } else {
                std::borrow::Cow::Borrowed(w)
            }
        })
        .collect()
}

/// Where `term` (words separated by spaces or hyphens) first occurs in `tokens`: the index of
/// its first token.
pub fn find(tokens: &[Token], term: &str) -> Option<usize> {
    // Most terms are one word: no list of words is needed for them.
    if !term.contains(|c: char| c.is_whitespace() || matches!(c, '-' | '\'' | '’'))
        && !term.chars().any(char::is_uppercase)
    {
        return tokens.iter().position(|t| word_matches(term, &t.word));
    }
    if term.chars().any(char::is_uppercase) {
        return find_words(tokens, &term_words(term, &['-', '\'', '’']));
    }
    // A lowercase term's words are read in place, without a list of them.
    let words = || {
        term.split(|c: char| c.is_whitespace() || matches!(c, '-' | '\'' | '’'))
            .filter(|w| !w.is_empty())
    };
    let n = words().count();
    let first = words().next()?;
    if n > tokens.len() {
        return None;
    }
    (0..=tokens.len() - n).find(|&i| {
        word_matches(first, &tokens[i].word)
            && words()
                .zip(&tokens[i..])
                .all(|(w, t)| word_matches(w, &t.word))
    })
}

/// A term cut once into the words [`find`] cuts it into each time it is asked: lowercase,
/// split at spaces, hyphens and apostrophes, a final `*` kept (a stem).
pub fn term_word_list(term: &str) -> Vec<String> {
    term_words(term, &['-', '\'', '’'])
        .into_iter()
        .map(std::borrow::Cow::into_owned)
        .collect()
}

/// Where a term cut by [`term_word_list`] first occurs in `tokens`, as [`find`] finds the term.
pub fn find_words(tokens: &[Token], words: &[impl AsRef<str>]) -> Option<usize> {
    let (first, rest) = words.split_first()?;
    if words.len() > tokens.len() {
        return None;
    }
    // The first word turns most places away; the rest are read only where it matches.
    (0..=tokens.len() - words.len()).find(|&i| {
        word_matches(first.as_ref(), &tokens[i].word)
            && rest
                .iter()
                .zip(&tokens[i + 1..])
                .all(|(w, t)| word_matches(w.as_ref(), &t.word))
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
            let words = term_words(alt, &['-']);
            if words.is_empty() || words.len() > tokens.len() {
                return false;
            }
            let matches = |w: &str, t: &Token| {
                if w.chars().count() <= 3 {
                    t.word == w || t.word.strip_suffix('s') == Some(w)
                } else {
                    t.word.starts_with(w)
                }
            };
            (0..=tokens.len() - words.len())
                .any(|i| words.iter().zip(&tokens[i..]).all(|(w, t)| matches(w, t)))
        })
}

/// How one word of a term matches a token.
#[derive(Debug, Clone, PartialEq, Eq)]
enum WordPattern {
    /// The token is this word.
    Exact(String),
    /// The token starts with this stem (`traffick*`).
    Stem(String),
    /// The token is this word or its plural in `s` (a registry stem of three letters or fewer,
    /// so that `men` is not "mention").
    WordOrPlural(String),
}

impl WordPattern {
    fn matches(&self, token: &str) -> bool {
        match self {
            WordPattern::Exact(w) => token == w,
            WordPattern::Stem(s) => token.starts_with(s.as_str()),
            WordPattern::WordOrPlural(w) => token == w || token.strip_suffix('s') == Some(w),
        }
    }
}

/// A list of terms compiled once, so that finding them in a sentence costs one or two hash
/// lookups per token whatever the length of the list (a linear scan of every term at every
/// token was the checker's largest cost).
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    /// Each term's words.
    terms: Vec<Vec<WordPattern>>,
    /// Terms by their first word, for exact first words.
    exact: foldhash::HashMap<String, Vec<usize>>,
    /// Terms by their first word's stem, for stems.
    stems: foldhash::HashMap<String, Vec<usize>>,
    /// The byte lengths of those stems (below 64), by the first two bytes they start with (as
    /// in `first_pairs`): a bit per length. A token is looked up only at the lengths of the
    /// stems that start as it does, not at every stem's.
    stem_lengths: foldhash::HashMap<u16, u64>,
    /// The byte lengths of stems that any token may start with: those of 64 bytes or more (a
    /// registry's own terms may be that long; no built-in one is) and an empty one; longest
    /// first.
    other_stem_lengths: Vec<usize>,
    /// The first two bytes a token can start with and begin a term (a bit per pair, the
    /// second byte 0 for a one-byte token; empty until a term is added, when every token may
    /// begin one): most tokens start with none of them and are passed over without a hash
    /// lookup.
    first_pairs: Vec<u64>,
    /// Of those pairs, the ones a stem of fewer than 64 bytes starts with: a token that
    /// starts otherwise has no stem lengths to look up.
    stem_pairs: Vec<u64>,
    /// The shapes of the exact first words: a token of no such shape is not looked up among
    /// them.
    exact_shapes: claimcheck_parser::shapes::WordShapes,
    /// The shapes of the stems of `stem_lengths`: a token's start of a stem's length is looked
    /// up only if some stem has its shape (its last byte, most often, tells it from every
    /// stem). A registry's place names start as many words of prose do ("the", "st").
    stem_shapes: claimcheck_parser::shapes::WordShapes,
}

/// The key of a token's first two bytes (the second 0 for a one-byte token).
fn pair_key(first: u8, second: u8) -> u16 {
    u16::from(first) << 8 | u16::from(second)
}

/// Marks a pair in a bit set of pairs.
fn set_pair(bits: &mut [u64], key: u16) {
    let pair = usize::from(key);
    if let Some(word) = bits.get_mut(pair >> 6) {
        *word |= 1 << (pair & 63);
    }
}

/// Whether a bit set of pairs holds a pair; an empty set (no term yet) holds every pair.
fn has_pair(bits: &[u64], key: u16) -> bool {
    let pair = usize::from(key);
    bits.get(pair >> 6)
        .is_none_or(|word| word & (1 << (pair & 63)) != 0)
}

impl Lexicon {
    /// Compiles built-in terms: words separated by spaces, hyphens or apostrophes; a word
    /// ending in `*` is a stem. Matches as [`find`] does.
    pub fn new(terms: &[&str]) -> Self {
        let mut lexicon = Lexicon::default();
        for term in terms {
            let words = term_words(term, &['-', '\'', '’'])
                .into_iter()
                .map(|w| match w.strip_suffix('*') {
                    Some(stem) => WordPattern::Stem(stem.to_owned()),
                    None => WordPattern::Exact(w.into_owned()),
                })
                .collect();
            lexicon.push(words);
        }
        lexicon
    }

    /// Compiles registry stem lists (`women|girls`): each alternative one term, matched as
    /// [`any_registry_term`] does. Returns the lexicon and, for each list, its terms.
    pub fn registry(lists: &[&str]) -> (Self, Vec<Vec<usize>>) {
        let mut lexicon = Lexicon::default();
        let ids = lists
            .iter()
            .map(|list| {
                list.split('|')
                    .map(str::trim)
                    .filter(|t| !t.is_empty())
                    .map(|alt| {
                        let words = term_words(alt, &['-'])
                            .into_iter()
                            .map(|w| {
                                if w.chars().count() <= 3 {
                                    WordPattern::WordOrPlural(w.into_owned())
                                } else {
                                    WordPattern::Stem(w.into_owned())
                                }
                            })
                            .collect();
                        lexicon.push(words)
                    })
                    .collect()
            })
            .collect();
        (lexicon, ids)
    }

    fn push(&mut self, words: Vec<WordPattern>) -> usize {
        let id = self.terms.len();
        if self.first_pairs.is_empty() {
            self.first_pairs = vec![0; 1 << 10];
            self.stem_pairs = vec![0; 1 << 10];
        }
        let mut mark = |first: u8, second: Option<u8>| {
            let mut set = |b: u8| set_pair(&mut self.first_pairs, pair_key(first, b));
            match second {
                Some(b) => set(b),
                // Any second byte, or none.
                None => (0..=u8::MAX).for_each(set),
            }
        };
        match words.first() {
            Some(WordPattern::Exact(w)) => match w.as_bytes() {
                [a] => mark(*a, Some(0)),
                [a, b, ..] => mark(*a, Some(*b)),
                [] => self.first_pairs.fill(u64::MAX),
            },
            Some(WordPattern::WordOrPlural(w)) => match w.as_bytes() {
                [a] => {
                    mark(*a, Some(0));
                    mark(*a, Some(b's'));
                }
                [a, b, ..] => mark(*a, Some(*b)),
                [] => self.first_pairs.fill(u64::MAX),
            },
            Some(WordPattern::Stem(w)) => match w.as_bytes() {
                [a] => mark(*a, None),
                [a, b, ..] => mark(*a, Some(*b)),
                [] => self.first_pairs.fill(u64::MAX),
            },
            // An empty term may match a token starting with anything.
            None => self.first_pairs.fill(u64::MAX),
        }
        match words.first() {
            Some(WordPattern::Exact(w)) => {
                self.exact_shapes.insert(w.as_bytes());
                self.exact.entry(w.clone()).or_default().push(id);
            }
            Some(WordPattern::WordOrPlural(w)) => {
                let plural = format!("{w}s");
                self.exact_shapes.insert(w.as_bytes());
                self.exact_shapes.insert(plural.as_bytes());
                self.exact.entry(w.clone()).or_default().push(id);
                self.exact.entry(plural).or_default().push(id);
            }
            Some(WordPattern::Stem(s)) => {
                self.stems.entry(s.clone()).or_default().push(id);
                match s.as_bytes() {
                    [a, b, ..] if s.len() < 64 => {
                        self.stem_shapes.insert(s.as_bytes());
                        let key = pair_key(*a, *b);
                        set_pair(&mut self.stem_pairs, key);
                        *self.stem_lengths.entry(key).or_default() |= 1 << s.len();
                    }
                    // A one-byte stem starts a token of any second byte.
                    [a] => {
                        self.stem_shapes.insert(s.as_bytes());
                        for b in 0..=u8::MAX {
                            set_pair(&mut self.stem_pairs, pair_key(*a, b));
                            *self.stem_lengths.entry(pair_key(*a, b)).or_default() |= 1 << 1;
                        }
                    }
                    // Empty, or 64 bytes or more.
                    _ => {
                        if !self.other_stem_lengths.contains(&s.len()) {
                            self.other_stem_lengths.push(s.len());
                            self.other_stem_lengths.sort_unstable_by(|a, b| b.cmp(a));
                        }
                    }
                }
            }
            None => {}
        }
        self.terms.push(words);
        id
    }

    /// Calls `found` with each term that starts at token `at` (a term may be reported twice).
    fn starting_at(
        &self,
        tokens: &[Token],
        at: usize,
        found: &mut impl FnMut(usize) -> bool,
    ) -> bool {
        let word = tokens[at].word.as_str();
        let mut lengths = 0u64;
        if let [first, rest @ ..] = word.as_bytes() {
            let key = pair_key(*first, rest.first().copied().unwrap_or(0));
            if !has_pair(&self.first_pairs, key) {
                return false;
            }
            if has_pair(&self.stem_pairs, key) {
                lengths = self.stem_lengths.get(&key).copied().unwrap_or(0);
            }
        }
        let exact = if self.exact_shapes.may_hold(word.as_bytes()) {
            self.exact.get(word)
        } else {
            None
        };
        // The stems' lengths, longest first, where the token's start of that length has a
        // stem's shape.
        let short = std::iter::from_fn(|| {
            (lengths != 0).then(|| {
                let n = 63 - lengths.leading_zeros() as usize;
                lengths &= !(1 << n);
                n
            })
        })
        .filter(|&n| {
            word.as_bytes()
                .get(..n)
                .is_some_and(|start| self.stem_shapes.may_hold(start))
        });
        let stems = self
            .other_stem_lengths
            .iter()
            .copied()
            .chain(short)
            .filter_map(|n| word.get(..n))
            .filter_map(|prefix| self.stems.get(prefix));
        for &id in exact.into_iter().chain(stems).flatten() {
            let words = &self.terms[id];
            if tokens.len() - at >= words.len()
                && words
                    .iter()
                    .zip(&tokens[at..])
                    .all(|(w, t)| w.matches(&t.word))
                && found(id)
            {
                return true;
            }
        }
        false
    }

    /// Whether any term occurs in `tokens`.
    pub fn any(&self, tokens: &[Token]) -> bool {
        (0..tokens.len()).any(|at| self.starting_at(tokens, at, &mut |_| true))
    }

    /// The tokens outside every occurrence of a term, each term's occurrences taken left to
    /// right, each after the one before it ends (as a scan term by term would take them, which
    /// the tests hold it to): one pass over the tokens, and no copy when no term occurs (the
    /// common case).
    pub fn without<'t>(&self, tokens: &'t [Token]) -> std::borrow::Cow<'t, [Token]> {
        // No term starts before the first place one does: nothing to set aside up to there.
        let Some(first) = (0..tokens.len()).find(|&at| self.starting_at(tokens, at, &mut |_| true))
        else {
            return std::borrow::Cow::Borrowed(tokens);
        };
        let mut dropped = vec![false; tokens.len()];
        // Where each term may next be found: its next occurrence starts after the last one
        // ends.
        let mut next = vec![0; self.terms.len()];
        for at in first..tokens.len() {
            self.starting_at(tokens, at, &mut |id| {
                if at >= next[id] {
                    let n = self.terms[id].len();
                    for d in dropped.iter_mut().skip(at).take(n) {
                        *d = true;
                    }
                    next[id] = at + n.max(1);
                }
                false
            });
        }
        if !dropped.contains(&true) {
            return std::borrow::Cow::Borrowed(tokens);
        }
        tokens
            .iter()
            .zip(dropped)
            .filter(|(_, d)| !d)
            .map(|(t, _)| t.clone())
            .collect()
    }

    /// Which terms occur in `tokens`: one flag per term.
    pub fn present(&self, tokens: &[Token]) -> Vec<bool> {
        let mut present = vec![false; self.terms.len()];
        for at in 0..tokens.len() {
            self.starting_at(tokens, at, &mut |id| {
                present[id] = true;
                false
            });
        }
        present
    }
}

/// The checker's word lists compiled once per process (see [`Lexicon`]).
#[derive(Debug)]
pub struct Lexicons {
    /// [`DETECTION`].
    pub detection: Lexicon,
    /// Victims.
    pub victims: Lexicon,
    /// [`OVER_YEARS`].
    pub over_years: Lexicon,
    /// [`PEOPLE`].
    pub people: Lexicon,
    /// [`FLOW`].
    pub flow: Lexicon,
    /// [`CHANGE`].
    pub change: Lexicon,
    /// [`EVERYONE`].
    pub everyone: Lexicon,
    /// [`ALL_VICTIMS`].
    pub all_victims: Lexicon,
    /// [`WORLD`].
    pub world: Lexicon,
    /// [`TRAFFICKED_VERBS`].
    pub trafficked_verbs: Lexicon,
    /// [`RESULT_LEADS`].
    pub result_leads: PhraseList,
    /// [`TOTAL_LEADS`].
    pub total_leads: PhraseList,
    /// [`AVERAGE_LEADS`].
    pub average_leads: PhraseList,
    /// [`concept_terms`] of each concept, in [`Concept::ALL`] order.
    concepts: Vec<Lexicon>,
    /// The terms of every concept, then those of the lists a sentence is read for
    /// ([`SENTENCE_LISTS`]), in one lexicon: a sentence's concepts and lists are found in one
    /// pass over its words rather than one per list.
    all_concepts: Lexicon,
    /// For each term of `all_concepts`, its list: a concept's index in [`Concept::ALL`], or
    /// `Concept::ALL.len()` plus the index of its list in [`SENTENCE_LISTS`].
    concept_of_term: Vec<usize>,
}

/// The lists every sentence is read for, besides the concepts, in the order of
/// [`SentenceWords`]'s fields.
const SENTENCE_LISTS: [&[&str]; 5] = [DETECTION, &["victim*"], OVER_YEARS, ALL_VICTIMS, WORLD];

/// Which of the lists every sentence is read for its words name (see
/// [`Lexicons::sentence_words`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SentenceWords {
    /// [`DETECTION`].
    pub detection: bool,
    /// Victims.
    pub victims: bool,
    /// [`OVER_YEARS`].
    pub over_years: bool,
    /// [`ALL_VICTIMS`].
    pub all_victims: bool,
    /// [`WORLD`].
    pub world: bool,
}

impl Lexicons {
    /// The words that name a concept.
    pub fn concept(&self, concept: Concept) -> &Lexicon {
        let i = Concept::ALL
            .iter()
            .position(|c| *c == concept)
            .unwrap_or_default();
        &self.concepts[i]
    }

    /// The concepts whose words occur in `tokens`, in [`Concept::ALL`] order: those whose
    /// [`Lexicons::concept`] finds a term there.
    pub fn concepts_in(&self, tokens: &[Token]) -> Vec<Concept> {
        self.sentence_words(tokens).0
    }

    /// The concepts whose words occur in `tokens` (as [`Lexicons::concepts_in`]) and which
    /// of the sentence lists occur there (as each list's [`Lexicon::any`]), in one pass.
    pub fn sentence_words(&self, tokens: &[Token]) -> (Vec<Concept>, SentenceWords) {
        let mut named = [false; Concept::ALL.len() + SENTENCE_LISTS.len()];
        for at in 0..tokens.len() {
            self.all_concepts.starting_at(tokens, at, &mut |term| {
                named[self.concept_of_term[term]] = true;
                false
            });
        }
        let concepts = Concept::ALL
            .iter()
            .zip(named)
            .filter_map(|(c, found)| found.then_some(*c))
            .collect();
        let [detection, victims, over_years, all_victims, world] =
            std::array::from_fn(|i| named[Concept::ALL.len() + i]);
        let words = SentenceWords {
            detection,
            victims,
            over_years,
            all_victims,
            world,
        };
        (concepts, words)
    }
}

/// The compiled word lists.
pub static LEXICONS: std::sync::LazyLock<Lexicons> = std::sync::LazyLock::new(|| Lexicons {
    detection: Lexicon::new(DETECTION),
    victims: Lexicon::new(&["victim*"]),
    over_years: Lexicon::new(OVER_YEARS),
    people: Lexicon::new(PEOPLE),
    flow: Lexicon::new(FLOW),
    change: Lexicon::new(CHANGE),
    everyone: Lexicon::new(EVERYONE),
    all_victims: Lexicon::new(ALL_VICTIMS),
    world: Lexicon::new(WORLD),
    trafficked_verbs: Lexicon::new(TRAFFICKED_VERBS),
    result_leads: PhraseList::new(RESULT_LEADS),
    total_leads: PhraseList::new(TOTAL_LEADS),
    average_leads: PhraseList::new(AVERAGE_LEADS),
    concepts: Concept::ALL
        .iter()
        .map(|c| Lexicon::new(concept_terms(*c)))
        .collect(),
    all_concepts: Lexicon::new(
        &Concept::ALL
            .iter()
            .map(|c| concept_terms(*c))
            .chain(SENTENCE_LISTS)
            .flatten()
            .copied()
            .collect::<Vec<_>>(),
    ),
    concept_of_term: Concept::ALL
        .iter()
        .map(|c| concept_terms(*c))
        .chain(SENTENCE_LISTS)
        .enumerate()
        .flat_map(|(i, terms)| terms.iter().map(move |_| i))
        .collect(),
});

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
        // Named by each row's own population terms.
        Concept::Other => &[],
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
        .unwrap_or("");
    if next.is_ascii() {
        ORDINAL_FOLLOWERS
            .iter()
            .any(|f| f.eq_ignore_ascii_case(next))
    } else {
        ORDINAL_FOLLOWERS.contains(&next.to_lowercase().as_str())
    }
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

/// Passive verbs that say the people a figure counts were trafficked ("4.8 million people,
/// mainly women and children, were trafficked", "are bought and sold into servitude"): the
/// verb names what the figure counts as much as a noun would.
pub const TRAFFICKED_VERBS: &[&str] = &[
    "are trafficked",
    "were trafficked",
    "is trafficked",
    "was trafficked",
    "have been trafficked",
    "has been trafficked",
    "had been trafficked",
    "are being trafficked",
    "are bought and sold",
    "were bought and sold",
    "are sold into",
    "were sold into",
];

/// Verbs that make a share a part's composition of a whole, the part named before them and
/// the whole elsewhere in the sentence ("Children account for one out of five people in
/// forced labor"; "…forced labor, with women and girls accounting for more than 65%").
pub const COMPOSES: &[&str] = &[
    "account for",
    "accounts for",
    "accounted for",
    "accounting for",
    "make up",
    "makes up",
    "made up",
    "making up",
    "constitute",
    "constitutes",
    "constituting",
];

/// Attributions that point back to a source named before ("according to the same
/// estimates", "the report said"): they carry the names of the sentence before.
pub const BACK_REFERENCES: &[&str] = &[
    "the same estimates",
    "the same report",
    "the same study",
    "the same survey",
    "the same index",
    "the same source",
    "these estimates",
    "this report",
    "this study",
    "the estimates",
    "the report",
    "the study",
    "the survey",
    "the index",
];

/// Words that introduce a total the writer works out from the sentence's own figures
/// ("17.3 million … and 6.3 million …, together 23.6 million"): the writer's arithmetic,
/// which derived-mismatch checks, not a figure quoted from the source.
pub const STATED_TOTAL: &[&str] = &[
    "together",
    "combined",
    "altogether",
    "in total",
    "in all",
    "total of",
];

/// Enumerations that name every part of a population ("over 21 million men, women and
/// children"): the sentence is about the whole, so the parts it lists name no subgroup
/// (a row about women and girls is not the figure of "men, women and children").
/// "Boys and girls" is left out: it names children, a subgroup of its own.
pub const EVERYONE: &[&str] = &[
    "men women and children",
    "women men and children",
    "men women and boys and girls",
    "women and men and children",
    "adults and children",
    "children and adults",
    "men and women",
    "women and men",
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

/// Words that say nothing about who or what a figure counts, left out when a source's
/// figure and an article's are compared by their words (`--against`): articles, pronouns,
/// prepositions, auxiliaries, hedges, number and unit words, and the verbs of reporting.
pub const FUNCTION_WORDS: &[&str] = &[
    "the",
    "and",
    "for",
    "with",
    "from",
    "into",
    "onto",
    "that",
    "this",
    "these",
    "those",
    "them",
    "they",
    "their",
    "its",
    "his",
    "her",
    "our",
    "who",
    "whom",
    "whose",
    "which",
    "what",
    "when",
    "where",
    "while",
    "was",
    "were",
    "are",
    "has",
    "have",
    "had",
    "been",
    "being",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "can",
    "not",
    "all",
    "any",
    "some",
    "each",
    "every",
    "per",
    "cent",
    "percent",
    "percentage",
    "share",
    "number",
    "total",
    "about",
    "around",
    "approximately",
    "nearly",
    "almost",
    "roughly",
    "estimated",
    "estimate",
    "estimates",
    "million",
    "millions",
    "billion",
    "billions",
    "thousand",
    "thousands",
    "hundred",
    "hundreds",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "than",
    "more",
    "less",
    "fewer",
    "least",
    "most",
    "over",
    "under",
    "also",
    "such",
    "both",
    "other",
    "only",
    "there",
    "here",
    "according",
    "said",
    "says",
    "say",
    "found",
    "finds",
    "find",
    "report",
    "reports",
    "reported",
    "study",
    "studies",
    "survey",
    "surveys",
    "shows",
    "showed",
    "show",
    "new",
    "data",
    "figures",
    "figure",
    "year",
    "years",
    "out",
    "upon",
    "among",
    "amongst",
    "between",
    "during",
    "since",
    "after",
    "before",
    "within",
    "without",
    "through",
];

/// Words of a heading over a study's headline figures: its executive summary, key findings,
/// abstract or highlights (`claimcheck registry draft` lists their figures first).
pub const HEADLINE_SECTIONS: &[&str] = &[
    "executive summary",
    "key findings",
    "key finding",
    "main findings",
    "key facts",
    "key figures",
    "key messages",
    "abstract",
    "summary",
    "highlights",
    "at a glance",
];

/// Whether the words of `text` end with `phrase`, given its last token (`last`).
fn phrase_ends(text: &str, phrase: &str, last: Option<&str>) -> bool {
    let Some(final_word) = phrase.split_whitespace().next_back() else {
        return true;
    };
    if !last.is_some_and(|w| word_matches(final_word, w)) {
        return false;
    }
    match last_words_match_ascii(text, phrase) {
        Some(matched) => matched,
        None => last_words_match(text, phrase),
    }
}

/// Whether the last words of `text` (as [`tokens`] cuts them) are the words of `phrase`.
fn last_words_match(text: &str, phrase: &str) -> bool {
    let n = phrase.split_whitespace().count();
    let words = tokens(text, last_words_start(text, n), text.len());
    words.len() >= n
        && phrase
            .split_whitespace()
            .rev()
            .zip(words.iter().rev())
            .all(|(w, t)| word_matches(w, &t.word))
}

/// [`last_words_match`], read back by bytes and compared in any ASCII case without cutting
/// tokens, for a phrase of lowercase ASCII words (as every built-in one is); `None` when it
/// meets a byte outside ASCII, which only the characters can tell.
fn last_words_match_ascii(text: &str, phrase: &str) -> Option<bool> {
    let bytes = text.as_bytes();
    let mut end = bytes.len();
    for w in phrase.split_whitespace().rev() {
        if !w
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'*')
        {
            return None;
        }
        let (start, stop) = last_ascii_word(bytes, end)?;
        let word = &bytes[start..stop];
        let matched = match w.strip_suffix('*') {
            Some(stem) => word
                .get(..stem.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(stem.as_bytes())),
            None => word.eq_ignore_ascii_case(w.as_bytes()),
        };
        if start == stop || !matched {
            return Some(false);
        }
        end = start;
    }
    Some(true)
}

/// A list of phrases indexed by their final word, so that [`PhraseList::ends`] reads only the
/// phrases that can end a text (those ending in its last word), not the whole list.
#[derive(Debug, Default)]
pub struct PhraseList {
    /// The phrases whose final word is exact, by that word.
    by_final: foldhash::HashMap<&'static str, Vec<&'static str>>,
    /// The others: a final stem (`"work*"`), or no words, read for every text.
    always: Vec<&'static str>,
}

impl PhraseList {
    /// Indexes `phrases`.
    pub fn new(phrases: &[&'static str]) -> Self {
        let mut list = PhraseList::default();
        for p in phrases {
            match p.split_whitespace().next_back() {
                Some(last) if !last.ends_with('*') => {
                    list.by_final.entry(last).or_default().push(p);
                }
                _ => list.always.push(p),
            }
        }
        list
    }

    /// Whether the words of `text` end with one of the phrases, matched as words ("that works
    /// out to" ends "… had been trafficked. That works out to"; "or" does not end "for").
    pub fn ends(&self, text: &str) -> bool {
        // Only the last words can end with a phrase: the text is cut into words from where
        // they start, not from its beginning (the text may be all of a sentence before a
        // figure).
        let last = last_word(text);
        self.by_final
            .get(last.as_deref().unwrap_or(""))
            .into_iter()
            .flatten()
            .chain(&self.always)
            .any(|p| phrase_ends(text, p, last.as_deref()))
    }
}

/// The last word of `text`, as [`tokens`] cuts and lowercases it, without cutting the rest:
/// read back by bytes while they are ASCII (a figure's lead nearly always is), else by
/// characters.
fn last_word(text: &str) -> Option<CompactString> {
    match last_ascii_word(text.as_bytes(), text.len()) {
        Some((start, end)) => (start < end).then(|| lowercase(&text[start..end], true)),
        None => last_word_by_characters(text),
    }
}

/// The byte range of the last word of `bytes[..end]`, as [`tokens`] cuts it, read back by
/// bytes: empty when there is none, and `None` when a byte outside ASCII stands in the way
/// (only its character can tell whether it is part of a word).
fn last_ascii_word(bytes: &[u8], end: usize) -> Option<(usize, usize)> {
    let mut end = end;
    while let Some(&b) = bytes[..end].last() {
        match b {
            b if b.is_ascii_alphanumeric() => break,
            b if b.is_ascii() => end -= 1,
            _ => return None,
        }
    }
    let mut start = end;
    while let Some(&b) = bytes[..start].last() {
        match b {
            b if b.is_ascii_alphanumeric() => start -= 1,
            b if b.is_ascii() => break,
            _ => return None,
        }
    }
    Some((start, end))
}

/// [`last_word`], read by characters.
fn last_word_by_characters(text: &str) -> Option<CompactString> {
    let end = text
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_alphanumeric())
        .map(|(i, c)| i + c.len_utf8())?;
    let start = text[..end]
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric())
        .last()
        .map_or(end, |(i, _)| i);
    let written = &text[start..end];
    Some(lowercase(written, written.is_ascii()))
}

/// Where the last `n` words of `text` begin, or an earlier place where a word does not
/// continue (the start of the text when it has no more than `n` words): [`tokens`] from there
/// gives the same last `n` words as from the start.
fn last_words_start(text: &str, n: usize) -> usize {
    let mut seen = 0;
    let mut in_word = false;
    for (i, ch) in text.char_indices().rev() {
        if ch.is_alphanumeric() {
            in_word = true;
        } else {
            if in_word {
                seen += 1;
                if seen >= n {
                    return i + ch.len_utf8();
                }
            }
            in_word = false;
        }
    }
    0
}

/// Determiners between "of" and the noun of a share's base ("40 percent of those workers").
pub const DETERMINERS: &[&str] = &[
    "the", "those", "these", "all", "its", "their", "his", "her", "our", "this", "that",
];

/// Words that present the figure after them as the result of the arithmetic before them.
pub const RESULT_LEADS: &[&str] = &[
    "works out to",
    "work out to",
    "worked out to",
    "works out at",
    "comes to",
    "come to",
    "amounts to",
    "amounting to",
    "adds up to",
    "that is",
    "which is",
    "or",
];

/// Verbs of a change that give its multiple ("doubled from 3,100 to 6,200").
pub const MULTIPLES: &[(&str, f64)] = &[
    ("doubled", 2.0),
    ("tripled", 3.0),
    ("trebled", 3.0),
    ("quadrupled", 4.0),
    ("halved", 0.5),
];

/// Nouns that name a figure as a change ("a 60 percent increase", "a drop of 16 points").
pub const CHANGE_NOUNS: &[&str] = &[
    "increase",
    "rise",
    "jump",
    "growth",
    "gain",
    "drop",
    "fall",
    "decline",
    "decrease",
    "reduction",
    "cut",
];

/// Verbs of a change whose size follows "by" ("rose by $16,750", "fell by 57,000").
pub const CHANGE_VERBS: &[&str] = &[
    "rose",
    "risen",
    "rises",
    "increased",
    "increases",
    "grew",
    "grown",
    "grows",
    "jumped",
    "climbed",
    "gained",
    "fell",
    "fallen",
    "falls",
    "dropped",
    "drops",
    "declined",
    "declines",
    "decreased",
    "decreases",
    "slipped",
    "shrank",
    "up",
    "down",
];

/// Words that make a change a rise ("rose by 1,138", "a 2 percent gain", "728 more").
pub const RISE_WORDS: &[&str] = &[
    "rose",
    "risen",
    "rises",
    "rise",
    "increased",
    "increases",
    "increase",
    "grew",
    "grown",
    "grows",
    "growth",
    "jumped",
    "jump",
    "climbed",
    "gained",
    "gain",
    "gains",
    "up",
    "more",
    "additional",
];

/// Words that make a change a fall ("fell by 57,000", "a 10 percent decrease", "down 4
/// percent").
pub const FALL_WORDS: &[&str] = &[
    "fell",
    "fallen",
    "falls",
    "fall",
    "dropped",
    "drops",
    "drop",
    "declined",
    "declines",
    "decline",
    "decreased",
    "decreases",
    "decrease",
    "reduction",
    "cut",
    "down",
    "fewer",
    "less",
    "lost",
    "loss",
    "slipped",
    "shrank",
];

/// Words that open a sentence pointing back to what the sentence before said ("That is a 60
/// percent increase", "This marks a 473% rise").
pub const POINTING_BACK: &[&str] = &[
    "that", "that's", "that’s", "thats", "this", "it", "it's", "it’s",
];

/// Words that may stand between a pointing word and the change it names ("that's an
/// increase of", "this represents a", "it was nearly a").
pub const POINTING_LINKS: &[&str] = &[
    "is",
    "was",
    "s",
    "represents",
    "represented",
    "marks",
    "marked",
    "means",
    "meant",
    "amounts",
    "amounted",
    "equals",
    "to",
    "a",
    "an",
    "of",
    "some",
    "about",
    "nearly",
    "almost",
    "roughly",
    "around",
    "more",
    "than",
    "over",
    "just",
    "in",
    "by",
];

/// Words just before a figure that make it the total of the figures before it.
pub const TOTAL_LEADS: &[&str] = &[
    "a total of",
    "in total",
    "together",
    "altogether",
    "combined",
    "totalling",
    "totaling",
    "for a total of",
];

/// Words just after a figure (and its counted noun) that make it a total.
pub const TOTAL_TRAILS: &[&str] = &["in all", "in total", "altogether", "combined"];

/// Words just before a figure that make it an average of the figures before it.
pub const AVERAGE_LEADS: &[&str] = &["an average of", "on average", "averaging", "average of"];

/// Words that end a noun phrase read after "of": prepositions, relatives and verbs.
pub const PHRASE_ENDS: &[&str] = &[
    "at", "in", "on", "from", "for", "with", "by", "to", "who", "that", "which", "were", "was",
    "are", "is", "had", "have", "has", "said", "say", "reported", "and", "or",
];

/// Words that may join a change to the figures it is worked out from (", an increase of",
/// "(up", ", or a rise of").
pub const CHANGE_LINKS: &[&str] = &["a", "an", "of", "by", "or", "up", "down", "some", "nearly"];

/// Words of a time phrase that may stand between a figure and what is said about it ("7,600
/// this year, an increase of …").
pub const TIME_WORDS: &[&str] = &[
    "this", "last", "next", "the", "previous", "same", "year", "month", "week", "quarter", "in",
    "a", "ago",
];

/// Verbs that join a share to the group it is ("45 percent were Cambodian").
pub const COPULAS: &[&str] = &["were", "was", "are", "is"];

/// Words that open an age band after "were" ("aged 18 to 30", "older than 45").
pub const AGE_LEADS: &[&str] = &["aged", "older", "younger", "under", "over", "between"];

/// Kinds of people that do not overlap as groups of one sample (each person is a man, a woman
/// or a child): "48 percent were women, 38 percent were men and 14 percent were children".
pub const PERSON_GROUPS: &[&str] = &[
    "men", "women", "boys", "girls", "children", "adults", "minors", "male", "female", "males",
    "females",
];

/// Words that may stand between a clause break and a share heading the clause ("and 71
/// percent said").
pub const CLAUSE_JOINS: &[&str] = &["and", "but", "while", "whereas", "yet"];

/// Verbs of people counted by a share or a count ("120 percent reported", "2,650 were men"):
/// the figure counts people, not an amount.
pub const PEOPLE_VERBS: &[&str] = &[
    "were",
    "was",
    "are",
    "is",
    "reported",
    "said",
    "say",
    "told",
    "had",
    "have",
    "worked",
    "lived",
    "received",
    "experienced",
    "described",
];

/// Verbs before "from A to B" that make A and B the ends of a range, not a change ("range
/// from 60,000 to 90,000"; "fell from 35 to 30" is a change).
pub const RANGE_VERBS: &[&str] = &[
    "range", "ranges", "ranged", "ranging", "vary", "varies", "varied", "varying", "span", "spans",
    "spanning",
];

/// Words that carry no measure in a population or outcome phrase: auxiliaries, reporting
/// verbs, pronouns and time words ("had been", "say they have", "in the past year").
pub const MEASURE_IGNORED: &[&str] = &[
    "had",
    "been",
    "have",
    "ha",
    "has",
    "be",
    "being",
    "are",
    "is",
    "were",
    "wa",
    "was",
    "say",
    "said",
    "says",
    "saying",
    "found",
    "find",
    "show",
    "showed",
    "shown",
    "report",
    "reported",
    "they",
    "them",
    "he",
    "she",
    "it",
    "we",
    "you",
    "who",
    "whom",
    "whose",
    "by",
    "for",
    "with",
    "as",
    "than",
    "more",
    "le",
    "less",
    "least",
    "most",
    "past",
    "previou",
    "previous",
    "year",
    "month",
    "week",
    "day",
    "during",
    "last",
    "over",
    "since",
    "ago",
    "now",
    "still",
    "still",
    "currently",
    "today",
    "some",
    "any",
    "other",
    "one",
    "two",
    "three",
    "twelve",
    "time",
    "once",
    "on",
    "site",
    "there",
    "while",
    "went",
    "go",
    "gone",
    "work",
    "job",
];

/// Outcome words that say the same thing, each group mapped to its first word, with the
/// reason they are one outcome.
pub const OUTCOME_SYNONYMS: &[(&str, &[&str], &str)] = &[
    (
        "trafficked",
        &["trafficked", "trafficking", "traffick"],
        "“were trafficked”, “victims of trafficking” and “fell victim to trafficking” all say          the person was trafficked",
    ),
    (
        "injured",
        &["injured", "injury", "injurie", "hurt", "wounded"],
        "an injury and being injured or hurt are one outcome",
    ),
    (
        "late",
        &["late", "delayed", "overdue"],
        "wages paid late, delayed or overdue are one outcome",
    ),
    (
        "wage",
        &["wage", "pay", "paid", "salary", "salarie"],
        "pay, wages and salaries are the same money owed for work",
    ),
    (
        "bondage",
        &["bondage", "bonded"],
        "debt bondage and bonded labour are one form of forced labour",
    ),
    (
        "held",
        &["held", "confined", "detained", "kept"],
        "held, confined or kept against one's will are one outcome",
    ),
    (
        "stranded",
        &["stranded", "abandoned"],
        "seafarers stranded on ships and on abandoned ships are the same crews",
    ),
    (
        "labour",
        &["working", "worked", "employed", "employee"],
        "people working or employed in a sector are its workers (the population synonyms map \
         workers to “labour”)",
    ),
    (
        "construction",
        &["construction", "building"],
        "the construction sector and building sites are one sector",
    ),
    (
        "contract",
        &["contract", "contracts"],
        "a written contract and contracts",
    ),
];

/// Sets of words that set groups apart: two figures whose phrases each have a different word
/// of one set count different groups ("domestic workers" and "factory workers").
pub const CONTRASTS: &[&[&str]] = &[
    &[
        "domestic",
        "factory",
        "construction",
        "agriculture",
        "agricultural",
        "farm",
        "fishing",
        "garment",
        "manufacturing",
        "mining",
        "hospitality",
    ],
    &["woman", "man", "child", "boy", "girl", "adult"],
];

/// Verbs that put a figure on record without saying anything of the people counted
/// ("counted 4.1 million workers", "lists 40,300 seafarers").
pub const COUNTING_VERBS: &[&str] = &[
    "counted",
    "count",
    "list",
    "listed",
    "recorded",
    "record",
    "estimated",
    "estimate",
    "put",
    "registered",
    "tallied",
    "documented",
    "numbered",
    "gave",
    "give",
    "cited",
    "cite",
    "about",
    "nearly",
    "almost",
    "some",
    "around",
    "roughly",
    "approximately",
    "over",
    "under",
    "that",
    "of",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<Token> {
        tokens(s, 0, s.len())
    }

    /// The tokens outside every occurrence of `terms`, term by term: what [`Lexicon::without`]
    /// must give.
    fn without(tokens: &[Token], terms: &[&str]) -> Vec<Token> {
        let mut dropped = vec![false; tokens.len()];
        for term in terms {
            let n = term_words(term, &['-', '\'', '’']).len();
            let mut from = 0;
            while let Some(i) = tokens.get(from..).and_then(|rest| find(rest, term)) {
                let at = from + i;
                for d in dropped.iter_mut().skip(at).take(n) {
                    *d = true;
                }
                from = at + n.max(1);
            }
        }
        tokens
            .iter()
            .zip(dropped)
            .filter(|(_, d)| !d)
            .map(|(t, _)| t.clone())
            .collect()
    }

    /// The one pass over a sentence finds what each list finds on its own.
    #[test]
    fn sentence_words_is_each_list() {
        let l = &*LEXICONS;
        for s in SENTENCES.iter().chain(&[
            "Victims were detected worldwide over the past five years.",
            "All victims of slavery around the world, every year since 2010.",
        ]) {
            let t = toks(s);
            let (concepts, w) = l.sentence_words(&t);
            let each: Vec<Concept> = Concept::ALL
                .iter()
                .copied()
                .filter(|&k| l.concept(k).any(&t))
                .collect();
            assert_eq!(concepts, each, "{s}");
            assert_eq!(w.detection, l.detection.any(&t), "{s}");
            assert_eq!(w.victims, l.victims.any(&t), "{s}");
            assert_eq!(w.over_years, l.over_years.any(&t), "{s}");
            assert_eq!(w.all_victims, l.all_victims.any(&t), "{s}");
            assert_eq!(w.world, l.world.any(&t), "{s}");
        }
    }

    proptest::proptest! {
        /// A term cut once is found where `find` finds it: every concept's terms, and terms
        /// made of their words, over text made of the same words.
        #[test]
        fn find_words_is_find(
            picks in proptest::collection::vec(0usize..1000, 1..12),
            term_pick in 0usize..1000,
            made in proptest::collection::vec(0usize..1000, 0..4),
        ) {
            let terms: Vec<&str> =
                Concept::ALL.iter().flat_map(|&k| concept_terms(k)).copied().collect();
            let words: Vec<&str> = terms
                .iter()
                .flat_map(|t| t.split([' ', '-', '\'']))
                .map(|w| w.trim_end_matches('*'))
                .chain(["are", "were", "in", "the", "Forced", "LABOUR", "isn't"])
                .collect();
            let text: Vec<&str> = picks.iter().map(|&p| words[p % words.len()]).collect();
            let text = text.join(" ");
            let t = toks(&text);
            let made: Vec<&str> = made.iter().map(|&p| words[p % words.len()]).collect();
            let made = made.join(" ");
            for term in [terms[term_pick % terms.len()], made.as_str()] {
                proptest::prop_assert_eq!(
                    find_words(&t, &term_word_list(term)),
                    find(&t, term),
                    "{:?} in {:?}", term, text
                );
            }
        }
    }

    proptest::proptest! {
        /// The byte-wise cutting of words is the plain one: runs of alphanumeric characters,
        /// lowercased.
        #[test]
        fn tokens_are_alphanumeric_runs(text in "[a-zA-Z0-9 ,.'’éÉİßΣς\u{0301}ǅ-]{0,40}") {
            let mut expected = Vec::new();
            let mut from = None;
            for (i, ch) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
                if ch.is_alphanumeric() {
                    from.get_or_insert(i);
                } else if let Some(s) = from.take() {
                    expected.push((text[s..i].to_lowercase(), s, i));
                }
            }
            let got: Vec<(String, usize, usize)> = tokens(&text, 0, text.len())
                .into_iter()
                .map(|t| (t.word.to_string(), t.start, t.end))
                .collect();
            proptest::prop_assert_eq!(got, expected);
        }
    }

    proptest::proptest! {
        /// A compiled lexicon finds what a scan of its terms finds, with terms and words of
        /// one to four letters (where the first-two-bytes filter has its edge cases: one-byte
        /// words, one-letter stems, plurals of a letter; and stems of several lengths start
        /// alike) and non-ASCII letters.
        #[test]
        fn short_terms_are_found_as_a_scan_finds_them(
            terms in proptest::collection::vec("[abé]{0,4}\\*?( [ab]{1,2}\\*?)?", 1..6),
            text in "[abés ]{0,24}",
        ) {
            let terms: Vec<&str> = terms.iter().map(String::as_str).collect();
            let t = toks(&text);
            proptest::prop_assert_eq!(Lexicon::new(&terms).any(&t), any(&t, &terms));
            let list = terms.join("|");
            let (lexicon, ids) = Lexicon::registry(&[list.as_str()]);
            let present = lexicon.present(&t);
            proptest::prop_assert_eq!(
                ids[0].iter().any(|&id| present[id]),
                any_registry_term(&t, &list)
            );
        }
    }

    /// A stem of 64 bytes or more (a registry may have one) is found as a scan finds it.
    #[test]
    fn long_stems_are_found() {
        let stem = "a".repeat(70);
        let list = format!("{stem}|b");
        let (lexicon, ids) = Lexicon::registry(&[list.as_str()]);
        for (text, want) in [
            (format!("x {stem}bc y"), true),
            (format!("x {}", "a".repeat(69)), false),
        ] {
            let t = toks(&text);
            let present = lexicon.present(&t);
            assert_eq!(ids[0].iter().any(|&id| present[id]), want, "{text}");
            assert_eq!(any_registry_term(&t, &list), want, "{text}");
        }
    }

    proptest::proptest! {
        /// The last word is the last of the tokens.
        #[test]
        fn last_word_is_the_last_token(text in "[aZ9 ,.'’éÉ中\u{0301}-]{0,16}") {
            let want = tokens(&text, 0, text.len()).pop().map(|t| t.word);
            proptest::prop_assert_eq!(last_word(&text), want);
        }
    }

    proptest::proptest! {
        /// Words taken from a sentence's tokens are the words cut from the part afresh,
        /// wherever the part starts and ends (mid-word, mid-character, outside the sentence).
        #[test]
        fn tokens_within_is_tokens(
            text in "[a-zA-Z0-9 ,.'’é-]{0,40}",
            a in 0usize..45,
            b in 0usize..45,
            c in 0usize..45,
            d in 0usize..45,
        ) {
            let (lo, hi) = (a.min(b).min(text.len()), a.max(b).min(text.len()));
            if text.is_char_boundary(lo) && text.is_char_boundary(hi) {
                let covered = claimcheck_parser::Span { start: lo, end: hi };
                let within = tokens(&text, lo, hi);
                let got = tokens_within(&within, covered, &text, c, d);
                proptest::prop_assert_eq!(&got[..], &tokens(&text, c, d)[..]);
            }
        }
    }

    const SENTENCES: &[&str] = &[
        "The number of trafficked women and girls is unknown.",
        "Some 4.9 million people were in forced commercial sexual exploitation.",
        "Children working in hazardous conditions were identified by labour inspectors.",
        "The men mentioned a forced-labour case; migrants' wages were not paid.",
        "Modern-day slavery in Asia and the Pacific, over the past five years",
        "Ça va: 40.3 million in modern slavery, Über alles",
        "",
    ];

    #[test]
    fn an_enumeration_of_everyone_is_dropped_whole() {
        let words = |t: &[Token]| t.iter().map(|t| t.word.clone()).collect::<Vec<_>>();
        let cases: &[(&str, &[&str])] = &[
            (
                "Over 21 million men, women and children in forced labour",
                &["over", "21", "million", "in", "forced", "labour"],
            ),
            (
                "women and girls, and men and women alike",
                &["women", "and", "girls", "and", "alike"],
            ),
            ("women and girls", &["women", "and", "girls"]),
            ("", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(words(&without(&toks(text), EVERYONE)), *want, "{text}");
        }
    }

    #[test]
    fn a_compiled_lexicon_finds_what_a_scan_of_its_terms_finds() {
        let lists: &[&[&str]] = &[
            DETECTION,
            OVER_YEARS,
            PEOPLE,
            FLOW,
            CHANGE,
            EVERYONE,
            ALL_VICTIMS,
            WORLD,
            TRAFFICKED_VERBS,
            &["victim*"],
            &["*"],
            &["zebra", "* slavery"],
            &["4* million", "ça"],
        ];
        let concepts = Concept::ALL.iter().map(|c| concept_terms(*c));
        for list in lists.iter().copied().chain(concepts) {
            let lexicon = Lexicon::new(list);
            for s in SENTENCES {
                let t = toks(s);
                assert_eq!(lexicon.any(&t), any(&t, list), "{list:?} in {s:?}");
            }
        }
    }

    #[test]
    fn a_compiled_lexicon_drops_what_a_scan_of_its_terms_drops() {
        let sentences = SENTENCES.iter().copied().chain([
            "Over 21 million men, women and children in forced labour",
            "women and girls, and men and women alike, men and women and men and women",
            "men women and boys and girls; women men and children",
        ]);
        for s in sentences {
            let t = toks(s);
            for list in [EVERYONE, PEOPLE, &["and", "and men"], &["men and", "and"]] {
                assert_eq!(
                    Lexicon::new(list).without(&t)[..],
                    without(&t, list),
                    "{s:?}"
                );
            }
        }
    }

    #[test]
    fn the_concepts_of_a_sentence_are_those_each_concept_finds() {
        let sentences = SENTENCES.iter().copied().chain([
            "forced labour and forced marriage, child labour and sexual exploitation",
            "victims of trafficking in persons and modern slavery",
        ]);
        for s in sentences {
            let t = toks(s);
            let each: Vec<Concept> = Concept::ALL
                .iter()
                .copied()
                .filter(|c| any(&t, concept_terms(*c)))
                .collect();
            assert_eq!(LEXICONS.concepts_in(&t), each, "{s:?}");
        }
    }

    #[test]
    fn a_compiled_registry_list_finds_what_the_registry_scan_finds() {
        let lists = [
            "women|girls",
            "men",
            "child",
            "Asia and the Pacific",
            "forced-labour|slave",
            "|",
            "",
        ];
        let (lexicon, ids) = Lexicon::registry(&lists);
        for s in SENTENCES {
            let t = toks(s);
            let present = lexicon.present(&t);
            for (list, ids) in lists.iter().zip(&ids) {
                assert_eq!(
                    ids.iter().any(|&id| present[id]),
                    any_registry_term(&t, list),
                    "{list:?} in {s:?}"
                );
            }
        }
    }

    proptest::proptest! {
        /// The last words read back by bytes are the last tokens, whatever the text's case,
        /// marks and characters outside ASCII.
        #[test]
        fn last_words_by_bytes_are_the_last_tokens(
            text in "[aTo0 ,.'’é-]{0,16}",
            phrase in "[aoT0é]{0,3}\\*?( [ao0]{0,2}\\*?){0,2}",
        ) {
            if let Some(matched) = last_words_match_ascii(&text, &phrase) {
                proptest::prop_assert_eq!(matched, last_words_match(&text, &phrase));
            }
        }
    }

    #[test]
    fn a_phrase_ends_the_text_as_its_last_words_end_it() {
        let texts = [
            "",
            "to",
            "That works out to",
            "… had been trafficked. That works out to ",
            "for",
            "an average of",
            "Ça, — a total of",
            "in all; ",
            "a total of 40, in total",
        ];
        let phrases: &[&[&str]] = &[
            RESULT_LEADS,
            TOTAL_LEADS,
            AVERAGE_LEADS,
            &["or"],
            &[],
            &[" "],
            &["works out  to", "to to"],
        ];
        for text in texts {
            for n in 0..4 {
                let from = last_words_start(text, n);
                let all = tokens(text, 0, text.len());
                let tail = tokens(text, from, text.len());
                assert_eq!(tail[..], all[all.len() - tail.len()..], "{text:?} {n}");
                assert!(tail.len() >= n.min(all.len()), "{text:?} {n}");
            }
            for list in phrases {
                let words = tokens(text, 0, text.len());
                let scan = list.iter().any(|p| {
                    let want: Vec<&str> = p.split_whitespace().collect();
                    words.len() >= want.len()
                        && words[words.len() - want.len()..]
                            .iter()
                            .zip(&want)
                            .all(|(t, w)| word_matches(w, &t.word))
                });
                assert_eq!(PhraseList::new(list).ends(text), scan, "{list:?} {text:?}");
            }
        }
    }

    #[test]
    fn a_term_is_found_at_its_first_whole_occurrence() {
        let text = toks("the men and women, then men and women's work, then women-men");
        let cases: &[(&str, Option<usize>)] = &[
            ("men and women", Some(1)),
            ("Men And Women", Some(1)),
            ("women's work", Some(7)),
            ("women men", Some(11)),
            ("women-men", Some(11)),
            ("then women", Some(10)),
            ("the", Some(0)),
            ("wom* men", Some(11)),
            (
                "the men and women then men and women s work then women men too",
                None,
            ),
            ("", None),
            (" - ", None),
        ];
        for (term, want) in cases {
            assert_eq!(find(&text, term), *want, "{term:?}");
        }
        assert_eq!(find(&[], "men and women"), None);
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
