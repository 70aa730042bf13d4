//! A document as the rules see it: every claim with its quantity, its matches in the
//! registry, and the estimates the document implies.

use claimcheck_model::{Estimate, ModelConventions, Quantity};
use claimcheck_parser::{Claim, ClaimReader, Extractor, Mention, Span};

use crate::date::ArticleDate;
use crate::matching::{self, Reading, SentenceFacts, StudyMatch};
use crate::registry::Registry;

/// One quantity claim with what the rules need about it.
#[derive(Debug, Clone)]
pub struct ClaimContext<'a> {
    /// Its index among the document's mentions.
    pub index: usize,
    /// The figure.
    pub mention: &'a Mention,
    /// What it is about.
    pub claim: &'a Claim,
    /// The figure as a quantity.
    pub quantity: Quantity,
    /// How the matcher reads it: topic, names, years.
    pub reading: Reading,
    /// Registry figures considered for it, best first (matches and rejected rows alike).
    pub considered: Vec<StudyMatch<'a>>,
    /// The matches among them (a confidence), best first.
    pub matches: Vec<StudyMatch<'a>>,
}

impl<'a> ClaimContext<'a> {
    /// The best registry figure the claim fits: its interval overlaps the figure's and the
    /// year given with it, if any, is the figure's.
    pub fn fitting(&self) -> Option<&StudyMatch<'a>> {
        self.matches
            .iter()
            .find(|m| m.fits && m.overlaps && m.year_ok != Some(false))
    }
}

/// A document read for checking.
#[derive(Debug)]
pub struct Document<'a> {
    /// The text.
    pub text: &'a str,
    /// Every mention, quantities or not.
    pub mentions: &'a [Mention],
    /// The claims, one per mention.
    pub claims: &'a [Claim],
    /// The quantity claims.
    pub quantities: Vec<ClaimContext<'a>>,
    /// What the figures imply.
    pub estimates: Vec<Estimate>,
    /// The article's date, when known.
    pub date: Option<ArticleDate>,
}

/// What the checker reads a text into (owned, so that the [`Document`] can borrow it).
#[derive(Debug, Clone)]
pub struct Parsed {
    /// Every mention.
    pub mentions: Vec<Mention>,
    /// The claims, one per mention.
    pub claims: Vec<Claim>,
    /// Figures that could not be read.
    pub diagnostics: Vec<claimcheck_parser::Diagnostic>,
    /// Pairs of mentions related as a change (from → to).
    pub changes: Vec<claimcheck_parser::Change>,
    /// The text's sentences, as `claimcheck_parser::sentences` cuts them (before long ones
    /// are split): the claims were read in them, and the checker reads them again.
    pub sentences: Vec<Span>,
}

/// Extracts the mentions and claims of a text.
pub fn parse(text: &str, extractor: &Extractor, reader: &ClaimReader) -> Parsed {
    let found = extractor.extract(text);
    let sentences = claimcheck_parser::sentences(text);
    let claims = reader.claims_in(text, &found.mentions, &sentences);
    Parsed {
        mentions: found.mentions,
        claims,
        diagnostics: found.diagnostics,
        changes: found.changes,
        sentences,
    }
}

/// What the checker computes once about its registry: each row's intervals, whether its
/// publisher is of the United Nations family, and the automaton over its names.
#[derive(Debug, Clone)]
pub struct RegistryIndex {
    /// The names automaton.
    pub names: matching::Names,
    /// Each row's intervals and published numbers.
    pub facts: Vec<matching::RowFacts>,
    /// Whether each row's publisher is of the United Nations family.
    pub family: Vec<bool>,
    /// The rows of each kind of figure, changes apart: a claim is compared with these only.
    pub rows_by_kind: matching::RowsByKind,
    /// The rows that compose one another (subgroups' counts and their whole's).
    pub compositions: crate::registry::Compositions,
}

impl RegistryIndex {
    /// Builds the index.
    pub fn new(registry: &Registry, extractor: &Extractor, conventions: &ModelConventions) -> Self {
        let facts: Vec<matching::RowFacts> = registry
            .studies
            .iter()
            .map(|s| matching::RowFacts::new(s, extractor, conventions))
            .collect();
        RegistryIndex {
            names: matching::Names::new(registry),
            rows_by_kind: matching::RowsByKind::new(registry, &facts),
            compositions: crate::registry::Compositions::new(&registry.studies),
            facts,
            family: registry
                .studies
                .iter()
                .map(matching::in_un_family)
                .collect(),
        }
    }
}

impl<'a> Document<'a> {
    /// Reads the quantities, their registry matches and the estimates of a parsed text.
    pub fn new(
        text: &'a str,
        parsed: &'a Parsed,
        registry: &'a Registry,
        index: &RegistryIndex,
        conventions: &ModelConventions,
        date: Option<ArticleDate>,
    ) -> Self {
        let spans = &parsed.sentences;
        let mut sentences: Vec<SentenceFacts> = Vec::new();
        // Each figure's quantity is read once, for the estimates and for the claims.
        let mut read = claimcheck_model::document::quantities(text, &parsed.mentions, conventions);
        let estimates = claimcheck_model::document::derive_with(
            text,
            &parsed.mentions,
            &parsed.claims,
            &read,
            conventions,
        );
        let mut quantities = Vec::with_capacity(parsed.mentions.len());
        for (i, (mention, claim)) in parsed.mentions.iter().zip(&parsed.claims).enumerate() {
            let Some(quantity) = read[i].take() else {
                continue;
            };
            // "for a third consecutive year" counts years, not a share.
            if crate::vocab::ordinal_use(text, mention.span.end) {
                continue;
            }
            // Each sentence is read once, with the one before it.
            if sentences.last().is_none_or(|s| s.span != claim.sentence) {
                let k = spans.partition_point(|s| s.start < claim.sentence.start);
                let last = sentences.pop();
                let previous = k
                    .checked_sub(1)
                    .and_then(|p| spans.get(p))
                    .map(|p| before(text, *p, claim.sentence))
                    .map(|span| match last {
                        // The sentence just read for its own claims.
                        Some(last) if last.span == span => last.unplaced(),
                        _ => {
                            let facts = SentenceFacts::before_claim(text, span);
                            // Tests (debug builds) hold what a claim reads of it to the
                            // sentence read with its names.
                            debug_assert!({
                                let full = SentenceFacts::new(text, span, &index.names);
                                (&full.span, &full.tokens, &full.concepts)
                                    == (&facts.span, &facts.tokens, &facts.concepts)
                            });
                            facts
                        }
                    });
                let current = SentenceFacts::new(text, claim.sentence, &index.names).with_places(
                    text,
                    registry,
                    &index.names,
                    previous.as_ref(),
                );
                sentences.clear();
                sentences.extend(previous);
                sentences.push(current);
            }
            let facts = &sentences[sentences.len() - 1];
            let previous = sentences.len().checked_sub(2).map(|p| &sentences[p]);
            let reading = matching::read(
                text,
                &index.names,
                i,
                mention,
                claim,
                facts,
                previous,
                &parsed.mentions,
            );
            let considered = matching::candidates(
                mention,
                &quantity,
                &reading,
                registry,
                &index.facts,
                &index.family,
                &index.rows_by_kind,
                date,
                conventions,
            );
            let matches = considered
                .iter()
                .filter(|m| m.confidence.is_some())
                .cloned()
                .collect();
            quantities.push(ClaimContext {
                index: i,
                mention,
                claim,
                quantity,
                reading,
                considered,
                matches,
            });
        }
        Document {
            text,
            mentions: &parsed.mentions,
            claims: &parsed.claims,
            quantities,
            estimates,
            date,
        }
    }

    /// The text of a span.
    pub fn slice(&self, span: Span) -> &'a str {
        &self.text[span.range()]
    }

    /// The quantities sentence by sentence, each run with the index of its first: the
    /// quantities are in the order of the text, so a sentence's lie together.
    pub fn by_sentence(&self) -> impl Iterator<Item = (usize, &[ClaimContext<'a>])> {
        self.quantities
            .chunk_by(|a, b| a.claim.sentence == b.claim.sentence)
            .scan(0, |first, run| {
                let at = *first;
                *first += run.len();
                Some((at, run))
            })
    }

    /// The sentence of a claim, as text.
    pub fn sentence(&self, c: &ClaimContext<'_>) -> &'a str {
        &self.text[c.claim.sentence.range()]
    }
}

/// How much of the sentence before a claim's is read for its topic: its last 4 KB. A
/// "sentence" with no full stop (a scraped table, a log) can run for the whole window; read
/// whole before each of its pieces, it made the check quadratic in its length.
pub const PREVIOUS_SENTENCE_BYTES: usize = 4096;

/// The part of `previous` read as the sentence before `sentence`: what lies before it, at most
/// [`PREVIOUS_SENTENCE_BYTES`], starting at a character boundary.
fn before(text: &str, previous: Span, sentence: Span) -> Span {
    let end = previous.end.min(sentence.start).max(previous.start);
    let mut start = previous
        .start
        .max(end.saturating_sub(PREVIOUS_SENTENCE_BYTES));
    while !text.is_char_boundary(start) && start < end {
        start += 1;
    }
    Span::new(start, end)
}
