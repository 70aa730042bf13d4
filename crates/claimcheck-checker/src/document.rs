//! A document as the rules see it: every claim with its quantity, its matches in the
//! registry, and the estimates the document implies.

use claimcheck_model::{Estimate, ModelConventions, Quantity};
use claimcheck_parser::{Claim, ClaimReader, Extractor, Mention, Span};

use crate::matching::{self, StudyMatch};
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
    /// Registry figures it may cite, best first.
    pub matches: Vec<StudyMatch<'a>>,
}

impl<'a> ClaimContext<'a> {
    /// The best registry figure the claim fits: its interval overlaps the figure's and the
    /// year given with it, if any, is the figure's.
    pub fn fitting(&self) -> Option<&StudyMatch<'a>> {
        self.matches
            .iter()
            .find(|m| m.overlaps && m.year_ok != Some(false))
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
}

/// Extracts the mentions and claims of a text.
pub fn parse(text: &str, extractor: &Extractor, reader: &ClaimReader) -> Parsed {
    let found = extractor.extract(text);
    let claims = reader.claims(text, &found.mentions);
    Parsed {
        mentions: found.mentions,
        claims,
        diagnostics: found.diagnostics,
    }
}

impl<'a> Document<'a> {
    /// Reads the quantities, their registry matches and the estimates of a parsed text.
    pub fn new(
        text: &'a str,
        parsed: &'a Parsed,
        registry: &'a Registry,
        extractor: &Extractor,
        conventions: &ModelConventions,
    ) -> Self {
        let mut quantities = Vec::new();
        for (index, (mention, claim)) in parsed.mentions.iter().zip(&parsed.claims).enumerate() {
            let Some(quantity) = Quantity::from_mention(mention, text, conventions) else {
                continue;
            };
            let matches = matching::candidates(
                text,
                mention,
                claim,
                &quantity,
                registry,
                extractor,
                conventions,
            );
            quantities.push(ClaimContext {
                index,
                mention,
                claim,
                quantity,
                matches,
            });
        }
        let estimates =
            claimcheck_model::document::derive(text, &parsed.mentions, &parsed.claims, conventions);
        Document {
            text,
            mentions: &parsed.mentions,
            claims: &parsed.claims,
            quantities,
            estimates,
        }
    }

    /// The text of a span.
    pub fn slice(&self, span: Span) -> &'a str {
        &self.text[span.range()]
    }

    /// The sentence of a claim, as text.
    pub fn sentence(&self, c: &ClaimContext<'_>) -> &'a str {
        &self.text[c.claim.sentence.range()]
    }
}
