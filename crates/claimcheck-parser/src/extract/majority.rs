//! "Most" and "the majority": vague shares with one bound, more than half, where they
//! quantify a population ("most of the children", "Most migrants", "the majority of
//! workers"), and nothing where they do not ("the most exposed", "at most", "most often",
//! "for the most part", "majority-owned", "a majority government").

use super::{Extractor, Step};
use crate::mention::{Bound, Form, Kind, Mention, Qualifier, Span};
use crate::number::alpha_word;
use crate::quantity::{WordBefore, word_before};
use crate::vocab;

/// What the words assert: more than half, at most all.
const MORE_THAN_HALF: f64 = 50.0;

impl Extractor {
    /// At a "most" or "majority" anchor: the share it states, or a skip past the word.
    /// `floor` is the end of the mention before, which the phrase may not reach back over.
    pub(super) fn majority(
        &self,
        text: &str,
        anchor: usize,
        word_end: usize,
        floor: usize,
    ) -> Step {
        let word = &text[anchor..word_end];
        let span = if word.eq_ignore_ascii_case("most") {
            most(text, anchor, word_end)
        } else {
            majority_of(text, anchor, word_end)
        }
        .map(|s| Span::new(s.start.max(floor), s.end));
        match span {
            Some(span) => Step::Found(majority_mention(span)),
            None => Step::Skip(word_end),
        }
    }
}

/// Whether a word is a "most" or "majority" anchor.
pub(super) fn is_majority_word(word: &str) -> bool {
    vocab::MAJORITY_WORDS
        .iter()
        .any(|w| word.eq_ignore_ascii_case(w))
}

/// `most := "most" ws "of" ws determiner | "most" ws plural_noun`, not after "the", "at" or
/// another word that makes it a superlative or a bound ("the most exposed", "at most").
fn most(text: &str, anchor: usize, end: usize) -> Option<Span> {
    // "second-most", "the world's most-visited": part of a compound.
    if text[..anchor].ends_with('-') {
        return None;
    }
    if let Some(WordBefore { word, .. }) = word_before(text, anchor)
        && vocab::contains_ci(vocab::NOT_BEFORE_MOST, word)
    {
        return None;
    }
    let rest = text[end..].strip_prefix(' ')?;
    let (after, next) = alpha_word(rest).ok()?;
    if next.eq_ignore_ascii_case("of") {
        let (_, det) = alpha_word(after.strip_prefix(' ')?).ok()?;
        let det = det.to_ascii_lowercase();
        if !vocab::MOST_OF_DETERMINERS.contains(&det.as_str()) {
            return None;
        }
        // "most of the time", "most of the 18th century", "most of the country": a share
        // of time or of land, not of people.
        let noun_at = after[1 + det.len()..].strip_prefix(' ').unwrap_or("");
        if noun_at.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        let (_, noun) = alpha_word(noun_at).unwrap_or(("", ""));
        if vocab::contains_ci(vocab::MOST_OF_NOT_PEOPLE, noun) {
            return None;
        }
        return Some(Span::new(anchor, end));
    }
    // A hyphen or a letter glued on ("most-read") is a compound.
    if after.starts_with('-') {
        return None;
    }
    plural_noun(next).then_some(Span::new(anchor, end))
}

/// `majority_of := ("the" | "a")? adjective? "majority" ws "of"`: the article and an adjective
/// ("the vast majority") belong to the phrase. Without "of" it is no share of a population
/// ("a majority government", "the majority opinion", "majority-owned").
fn majority_of(text: &str, anchor: usize, end: usize) -> Option<Span> {
    let rest = text[end..].strip_prefix(' ')?;
    let (_, next) = alpha_word(rest).ok()?;
    if !next.eq_ignore_ascii_case("of") {
        return None;
    }
    let mut start = anchor;
    if let Some(WordBefore { start: s, word }) = word_before(text, start)
        && vocab::contains_ci(vocab::MAJORITY_ADJECTIVES, word)
    {
        start = s;
    }
    if let Some(WordBefore { start: s, word }) = word_before(text, start)
        && ["the", "a", "an"]
            .iter()
            .any(|a| word.eq_ignore_ascii_case(a))
    {
        start = s;
    }
    Some(Span::new(start, end))
}

/// Whether a word reads as a plural noun: one of the irregular plurals, or a word in "-s"
/// that is no adjective ("-ous": "most dangerous"), no "-ss" or "-us" or "-is" singular and
/// no adverb.
fn plural_noun(word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    if vocab::IRREGULAR_PLURALS.contains(&w.as_str()) {
        return true;
    }
    w.len() > 3
        && w.ends_with('s')
        && !["ous", "ss", "us", "is"]
            .iter()
            .any(|suffix| w.ends_with(suffix))
}

/// The mention of a majority: a share in (50, 100], vague.
fn majority_mention(span: Span) -> Mention {
    Mention {
        span,
        kind: Kind::Percent,
        value: None,
        endpoints: None,
        lower: Some(Bound::exclusive(MORE_THAN_HALF)),
        upper: Some(Bound::inclusive(100.0)),
        qualifier: Some(Qualifier::Vague),
        approximate: true,
        currency: None,
        unit: None,
        per: None,
        form: Form::Majority,
        decimals: 0,
        scale: 1.0,
        points: false,
        age: false,
    }
}

#[cfg(test)]
mod tests {
    use crate::{Extractor, Form};

    /// The spans read as a majority in `text`.
    fn majorities(text: &str) -> Vec<&str> {
        Extractor::default()
            .extract(text)
            .mentions
            .iter()
            .filter(|m| m.form == Form::Majority)
            .map(|m| &text[m.span.range()])
            .collect()
    }

    #[test]
    fn most_and_the_majority_quantify_a_population() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Most of the children in child labour do hazardous work.",
                &["Most"],
            ),
            (
                "Most children in child labour do hazardous work.",
                &["Most"],
            ),
            ("most of them were paid late", &["most"]),
            ("Most migrants said they had paid a broker.", &["Most"]),
            (
                "The majority of migrant domestic workers work long hours.",
                &["The majority"],
            ),
            ("Majority of Migrant Workers Unpaid", &["Majority"]),
            ("a majority of those surveyed agreed", &["a majority"]),
            (
                "the vast majority of victims were women",
                &["the vast majority"],
            ),
            (
                "an overwhelming majority of the people voted",
                &["an overwhelming majority"],
            ),
            ("most of whom are women", &["most"]),
        ];
        for (text, want) in cases {
            assert_eq!(&majorities(text), want, "{text}");
        }
    }

    #[test]
    fn most_and_majority_that_are_no_figure() {
        for text in [
            "Children are among the most exposed to modern slavery.",
            "Girls were most often detected as victims of sexual exploitation.",
            "It costs at most a few dollars.",
            "The most important thing is to register every birth.",
            "For the most part, the workers were paid.",
            "Most recently, the agency published its report.",
            "The firm is majority-owned by the state.",
            "A majority government was elected.",
            "The majority opinion was written by the chief justice.",
            "Most dangerous jobs are in construction.",
            "They worked most of the time without pay.",
            "the most-read story of the year",
            "He scored the most points.",
            "the party with the second-most seats in parliament",
            "The island was contested for most of the 18th century.",
            "Growth averaged 7% for most of the last decade.",
            "Most of the country is desert.",
        ] {
            assert!(
                majorities(text).is_empty(),
                "{text}: {:?}",
                majorities(text)
            );
        }
    }

    #[test]
    fn a_majority_asserts_more_than_half() {
        let m = &Extractor::default()
            .extract("Most of the workers were paid late.")
            .mentions[0];
        assert_eq!(m.lower.map(|b| (b.value, b.inclusive)), Some((50.0, false)));
        assert_eq!(m.upper.map(|b| (b.value, b.inclusive)), Some((100.0, true)));
        assert_eq!(m.value, None);
    }
}
