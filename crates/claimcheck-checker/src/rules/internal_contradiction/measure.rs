//! What a figure measures, as phrases: the population it counts and the outcome said of it,
//! compared by their words so that a restatement in other words is the same measure
//! ("migrant construction workers … injured" and "migrants working in construction … had been
//! injured"; "trafficked" and "victims of trafficking").
//!
//! A phrase becomes a set of normalised content words ([`claimcheck_model::subject::words`],
//! which maps plurals and the population synonyms), with the outcome synonyms of
//! [`crate::vocab::OUTCOME_SYNONYMS`] mapped too, and with words that carry no measure
//! ([`crate::vocab::MEASURE_IGNORED`]: auxiliaries, reporting verbs, time words) left out.

use claimcheck_model::subject::{self, Word, Words};

use crate::document::{ClaimContext, Document};
use crate::vocab;

/// A figure's population and outcome, as normalised words.
#[derive(Debug, Clone)]
pub(super) struct Measure<'t> {
    /// The subject's words: who is counted.
    pub population: Words,
    /// The predicate's words: what is said of them (with the modifiers a writer may put
    /// there instead of in the subject: "migrants working in construction").
    pub outcome: Words,
    /// The subject as written, whose modifiers are read only for a pair of figures that
    /// passes every other test.
    subject_text: &'t str,
    /// The words of the subject before its first preposition or relative ("migrant
    /// construction workers" of "migrant construction workers in the city"): the modifiers
    /// that make a subgroup ("indigenous population"); and those of them written with a
    /// capital (places, nationalities: "Indonesian fishers").
    modifiers: std::cell::OnceCell<(Words, Words)>,
    /// The verb a figure is the object of ("repatriated 2,100 seafarers"): what is said of
    /// the people counted, which the other figure's words must name.
    pub head: Option<Word>,
    /// Every word of the measure: population and outcome (compared for every pair of
    /// figures, so worked out once).
    words: Words,
}

impl<'t> Measure<'t> {
    /// The measure of a claim: its subject, and its predicate with the rest of its clause.
    pub(super) fn of(doc: &Document<'t>, c: &ClaimContext<'_>) -> Measure<'t> {
        let subject_text = c.claim.subject.map_or("", |s| doc.slice(s));
        // The predicate and the rest of its clause: the reader may stop a predicate at its
        // verb ("… working on the estates showed"), and finds none in some clauses ("…
        // workers in the city say they have been injured").
        let from = c
            .claim
            .predicate
            .map(|p| p.start)
            .or(c.claim.subject.map(|s| s.end))
            .unwrap_or(c.mention.span.end)
            .max(c.mention.span.end);
        let rest = doc.text.get(from..c.claim.sentence.end).unwrap_or("");
        let clause_end = rest.find([',', ';', '.']).unwrap_or(rest.len());
        let predicate_end = c.claim.predicate.map_or(0, |p| p.end.saturating_sub(from));
        let outcome_text = rest
            .get(..clause_end.max(predicate_end).min(rest.len()))
            .unwrap_or(rest);
        // The figure as an object: the last content word before it in its clause.
        let clause_start = doc
            .text
            .get(c.claim.sentence.start..c.mention.span.start)
            .and_then(|t| {
                t.rfind([',', ';', ':'])
                    .map(|k| c.claim.sentence.start + k + 1)
            })
            .unwrap_or(c.claim.sentence.start);
        let before = doc
            .text
            .get(clause_start..c.mention.span.start)
            .unwrap_or("");
        // Only the word right before the figure: "repatriated 2,100 seafarers", not "A
        // study found that 23 percent"; verbs of counting ("counted", "lists") say nothing.
        let head = before
            .split_whitespace()
            .next_back()
            .and_then(|w| words(w).first().cloned())
            .filter(|w| !vocab::COUNTING_VERBS.contains(&w.as_str()));
        Measure {
            population: words(subject_text),
            outcome: words(outcome_text),
            subject_text,
            modifiers: std::cell::OnceCell::new(),
            head,
            words: Words::new(),
        }
        .with_words()
    }

    /// Every word of the measure.
    pub(super) fn all(&self) -> &Words {
        &self.words
    }

    fn with_words(mut self) -> Self {
        self.words = self.population.union(&self.outcome);
        self
    }

    /// Whether two measures are the same: they count a population with a word in common,
    /// each one's outcome is named by the other, and most of the words of the smaller one
    /// are in the larger (a narrower phrase of the same measure, not another group).
    /// The subject's modifiers, and those of them written with a capital.
    fn modifiers(&self) -> &(Words, Words) {
        self.modifiers.get_or_init(|| modifiers(self.subject_text))
    }

    pub(super) fn same(&self, other: &Measure<'_>) -> bool {
        if self.population.is_disjoint(&other.population) {
            return false;
        }
        let (a, b) = (self.all(), other.all());
        // The outcome's own words: not those of either population ("worked" is read as
        // "labour", which says who, not what happened to them).
        let people = |w: &Word| self.population.contains(w) || other.population.contains(w);
        let named =
            |outcome: &Words, by: &Words| outcome.iter().any(|w| !people(w) && by.contains(w));
        if !named(&self.outcome, b) || !named(&other.outcome, a) {
            return false;
        }
        let heads_named =
            |head: &Option<Word>, by: &Words| head.as_ref().is_none_or(|h| by.contains(h));
        if !heads_named(&self.head, b) || !heads_named(&other.head, a) {
            return false;
        }
        // A modifier the other phrase lacks makes a subgroup ("the population" and "the
        // indigenous population"), except a place or nationality that a later figure leaves
        // out when it refers back ("Indonesian fishers" … "the returning fishers").
        let narrows = |m: &Measure<'_>, by: &Words, droppable: bool| {
            let (modifiers, proper) = m.modifiers();
            modifiers
                .iter()
                .any(|w| !by.contains(w) && (!droppable || !proper.contains(w)))
        };
        if narrows(self, b, true) || narrows(other, a, false) {
            return false;
        }
        let common = a.common(b);
        let smaller = a.len().min(b.len());
        // Words only one side has that set its group apart from the other's ("domestic"
        // against "factory" workers) make two groups, whatever else they share.
        let contrasting = vocab::CONTRASTS.iter().any(|set| {
            let ours = a
                .iter()
                .any(|w| set.contains(&w.as_str()) && !b.contains(w));
            let theirs = b
                .iter()
                .any(|w| set.contains(&w.as_str()) && !a.contains(w));
            ours && theirs
        });
        common >= 3 && common as f64 >= MEASURE_MATCH * smaller as f64 && !contrasting
    }
}

/// Least share of the smaller measure's words found in the larger for two figures to measure
/// the same thing.
const MEASURE_MATCH: f64 = 0.6;

/// The pre-nominal words of a subject phrase, normalised, and those of them written with a
/// capital (not counting a capital that opens a headline word).
fn modifiers(subject_text: &str) -> (Words, Words) {
    let mut all = Words::new();
    let mut proper = Words::new();
    // A headline capitalises every word: no word of it can be told a proper name.
    let headline = subject_text
        .split_whitespace()
        .filter(|w| w.len() > 3)
        .all(|w| w.starts_with(|ch: char| ch.is_uppercase()));
    for raw in subject_text.split_whitespace() {
        let word = raw.trim_matches(|ch: char| !ch.is_alphanumeric());
        if vocab::PHRASE_ENDS.contains(&word.to_lowercase().as_str()) {
            break;
        }
        for w in words(word) {
            if !headline && word.starts_with(|ch: char| ch.is_uppercase()) {
                proper.insert(w.clone());
            }
            all.insert(w);
        }
    }
    (all, proper)
}

/// The normalised content words of a phrase.
pub(super) fn words(phrase: &str) -> Words {
    let table = &*OUTCOME_WORDS;
    subject::words(phrase)
        .into_iter()
        .filter_map(|w| match table.get(w.as_str()) {
            Some(None) => None,
            Some(Some(head)) => Some(Word::const_new(head)),
            None => (w.len() > 1 && !w.chars().all(|ch| ch.is_ascii_digit())).then_some(w),
        })
        .collect()
}

/// [`vocab::MEASURE_IGNORED`] (mapped to `None`) and [`vocab::OUTCOME_SYNONYMS`] (each word
/// to its group's first) as one table, looked up once per word rather than scanned: a word
/// that is both is left out, and a word of two groups maps to the first.
static OUTCOME_WORDS: std::sync::LazyLock<foldhash::HashMap<&'static str, Option<&'static str>>> =
    std::sync::LazyLock::new(|| {
        let mut table = foldhash::HashMap::default();
        for w in vocab::MEASURE_IGNORED {
            table.insert(*w, None);
        }
        for (head, group, _) in vocab::OUTCOME_SYNONYMS {
            for w in *group {
                table.entry(*w).or_insert(Some(*head));
            }
        }
        table
    });

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The first reading: each word looked for in the lists one by one.
    fn words_by_scanning(phrase: &str) -> Words {
        subject::words(phrase)
            .into_iter()
            .filter(|w| !vocab::MEASURE_IGNORED.contains(&w.as_str()))
            .filter(|w| w.len() > 1 && !w.chars().all(|ch| ch.is_ascii_digit()))
            .map(|w| {
                vocab::OUTCOME_SYNONYMS
                    .iter()
                    .find(|(_, group, _)| group.contains(&w.as_str()))
                    .map_or(w, |(head, _, _)| Word::const_new(head))
            })
            .collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        /// The table reads every phrase as scanning the lists did.
        #[test]
        fn the_table_reads_as_the_lists(
            parts in proptest::collection::vec(
                proptest::sample::select(
                    vocab::MEASURE_IGNORED
                        .iter()
                        .chain(vocab::OUTCOME_SYNONYMS.iter().flat_map(|(_, g, _)| g.iter()))
                        .copied()
                        .chain(["x", "7", "2021", "workers", "victims", "Paid", "injuries", "é"])
                        .collect::<Vec<_>>(),
                ),
                0..8,
            )
        ) {
            let phrase = parts.join(" ");
            prop_assert_eq!(words(&phrase), words_by_scanning(&phrase), "{:?}", phrase);
        }
    }

    fn measure<'t>(population: &'t str, outcome: &str) -> Measure<'t> {
        Measure {
            population: words(population),
            outcome: words(outcome),
            subject_text: population,
            modifiers: std::cell::OnceCell::new(),
            head: None,
            words: Words::new(),
        }
        .with_words()
    }

    #[test]
    fn restatements_in_other_words_are_one_measure() {
        let same = [
            (
                (
                    "migrant construction workers in the city",
                    "say they have been injured on a site",
                ),
                (
                    "migrants",
                    "working in construction in the city had been injured on site",
                ),
            ),
            (
                (
                    "Nepali women",
                    "who went to work in Gulf households were trafficked",
                ),
                (
                    "Nepali women",
                    "returning from domestic work in the Gulf had been victims of trafficking",
                ),
            ),
            (
                (
                    "Cambodian migrants",
                    "deported from Thailand through the Poipet checkpoint had been trafficked",
                ),
                (
                    "Cambodian migrants",
                    "deported through Poipet had been trafficked",
                ),
            ),
        ];
        for ((pa, oa), (pb, ob)) in same {
            assert!(
                measure(pa, oa).same(&measure(pb, ob)),
                "{pa} {oa} / {pb} {ob}"
            );
        }
    }

    #[test]
    fn other_populations_and_outcomes_are_other_measures() {
        let different = [
            (
                (
                    "migrant factory workers in the country",
                    "have no written contract",
                ),
                ("domestic workers", "had no contract"),
            ),
            (
                (
                    "migrant construction workers in the city",
                    "say they have been injured on a site",
                ),
                (
                    "migrant construction workers in the city",
                    "worked through the midday heat",
                ),
            ),
            (
                ("children", "are in forced labour"),
                ("women", "are in forced labour"),
            ),
            (
                ("the population", "lives in extreme poverty"),
                ("the indigenous population", "living in extreme poverty"),
            ),
        ];
        for ((pa, oa), (pb, ob)) in different {
            assert!(
                !measure(pa, oa).same(&measure(pb, ob)),
                "{pa} {oa} / {pb} {ob}"
            );
        }
    }
}
