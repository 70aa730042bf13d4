//! Claims: what each figure is about, and who says so.
//!
//! A small phrase grammar over word classes (closed lists in [`words`]), applied inside the
//! sentence that holds a figure:
//!
//! ```text
//! np        := determiner* content (content | preposition determiner* content | "and" content)*
//! content   := a word that is no auxiliary, listed verb, verb of reporting or clause word;
//!              an -ed or -ing word only as a modifier (before a noun, or before an
//!              auxiliary or the end of the clause: "the workers surveyed were")
//! share     := figure "of" np                     subject = np       ("23 percent of all …")
//!            | np share_verb figure "of" np       subgroup, subject  ("Men made up 45% of …")
//!            | ratio np                           subject = np       ("one in three respondents")
//! count     := "the number of" np verb figure     subject = np
//!            | figure noun                        subject = the counted noun
//!            | np linking_verb figure             subject = np       ("Remittances reached $3bn")
//! predicate := what follows the subject up to the end of its clause, less a leading hedge
//! source    := "according to" np | np reporting_verb | reporting_verb np "." |
//!              "In" np ("survey" | "study" | "report") "by" np "," | anaphor reporting_verb
//!              (the previous sentence's source)
//! time      := time_preposition? year | time_phrase     the nearest to the figure
//! basis     := a basis word near the figure              ("detected", "estimated")
//! ```
//!
//! Each part is a module of methods on [`reader::SentenceReader`], which holds one sentence's
//! text, tokens and reference times: `np` and `content` in [`phrase`], `share` and `count` in
//! [`subject`], `predicate` and its hedge in [`predicate`], `source` in [`source`], `time` in
//! [`time`] and `basis` in [`basis`]. [`ClaimReader::claims`] composes them, sentence by
//! sentence and figure by figure.
//!
//! Each part is reported as a span of the original text, so the output quotes the article.

mod basis;
mod organisations;
mod phrase;
mod predicate;
mod reader;
mod sentence;
mod source;
mod subject;
mod time;
mod tokens;
mod words;

pub use organisations::{NamedOrganisation, Organisations};
pub use sentence::sentences;
pub(crate) use words::{AUXILIARIES, VERBS};

use crate::mention::{Mention, Span};
use reader::SentenceReader;
use source::Attribution;

/// Who a figure is attributed to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// The attribution as written ("A 2010 UNIAP study").
    pub span: Span,
    /// The organisation, by its registered name, or the acronym in the text.
    pub name: Option<String>,
    /// The year given with the attribution.
    pub year: Option<u16>,
}

/// What a figure is about, and who says so. Every part is optional but the sentence.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Claim {
    /// The population the figure describes ("Cambodian labor migrants in Thailand").
    pub subject: Option<Span>,
    /// The part of the subject that a share is about ("Men" in "Men made up 45% of …").
    pub subgroup: Option<Span>,
    /// What the figure asserts about the subject ("fall victim to human trafficking").
    pub predicate: Option<Span>,
    /// A hedge on the claim ("believed to be", "reportedly", "an estimated").
    pub hedge: Option<Span>,
    /// Who the figure is attributed to.
    pub source: Option<Source>,
    /// The reference time ("in 2021", "on any given day").
    pub time: Option<Span>,
    /// How the figure was arrived at ("detected", "estimated").
    pub basis: Option<Span>,
    /// The sentence that holds the figure.
    pub sentence: Span,
}

/// Reads claims around figures.
#[derive(Debug, Clone)]
pub struct ClaimReader {
    organisations: Organisations,
    /// The longest sentence read in whole, in bytes (see [`crate::Conventions`]).
    max_sentence: usize,
}

impl Default for ClaimReader {
    fn default() -> Self {
        ClaimReader::new(Organisations::default())
    }
}

/// The sentence before the one being read, kept for an anaphor ("It found that …") that
/// points back to it.
struct PreviousSentence {
    span: Span,
    /// The index of its first mention.
    first_mention: usize,
    /// Its attribution, once worked out: a sentence without figures is read only when the
    /// next one points back to it.
    attribution: PreviousAttribution,
}

/// Whether the previous sentence's attribution has been worked out.
enum PreviousAttribution {
    /// Not yet: the sentence had no figures.
    Unread,
    /// Worked out, and found or not.
    Read(Option<Attribution>),
}

impl ClaimReader {
    /// A reader that normalises attributions to these organisations.
    pub fn new(organisations: Organisations) -> Self {
        ClaimReader {
            organisations,
            max_sentence: crate::Conventions::default().max_sentence,
        }
    }

    /// The same reader, splitting sentences longer than `bytes` (at least 256).
    pub fn with_max_sentence(mut self, bytes: usize) -> Self {
        self.max_sentence = bytes.max(256);
        self
    }

    /// One claim per mention, in the same order. Years and ordinals get only their sentence.
    pub fn claims(&self, text: &str, mentions: &[Mention]) -> Vec<Claim> {
        self.claims_in(text, mentions, &sentences(text))
    }

    /// [`ClaimReader::claims`], given the text's sentences as [`sentences`] cuts them: a
    /// caller that needs the sentences too cuts them once.
    pub fn claims_in(&self, text: &str, mentions: &[Mention], spans: &[Span]) -> Vec<Claim> {
        let mut out = vec![Claim::default(); mentions.len()];
        let mut next = 0;
        let mut previous: Option<PreviousSentence> = None;
        let units = spans
            .iter()
            .flat_map(|&s| sentence::cap(text, s, self.max_sentence));
        for sentence in units {
            while next < mentions.len() && mentions[next].span.end <= sentence.start {
                out[next].sentence = sentence;
                next += 1;
            }
            let first = next;
            let mut end = first;
            while end < mentions.len() && mentions[end].span.start < sentence.end {
                out[end].sentence = sentence;
                end += 1;
            }
            next = end;
            if !mentions[first..end].iter().any(|m| m.kind.is_quantity()) {
                previous = Some(PreviousSentence {
                    span: sentence,
                    first_mention: first,
                    attribution: PreviousAttribution::Unread,
                });
                continue;
            }
            let reader = self.reader(text, sentence, mentions, first);
            let mut attribution = reader.attribution();
            if attribution.is_none()
                && reader.starts_with_anaphor()
                && let Some(previous) = previous.take()
            {
                let previous_reader =
                    self.reader(text, previous.span, mentions, previous.first_mention);
                let previous_attribution = match previous.attribution {
                    PreviousAttribution::Read(attribution) => attribution,
                    PreviousAttribution::Unread => previous_reader.attribution(),
                };
                attribution = previous_attribution.or_else(|| previous_reader.named_organisation());
            }
            for index in first..end {
                if mentions[index].kind.is_quantity()
                    && let Some(figure) = reader.figure(index)
                {
                    read_figure(&reader, &figure, attribution.as_ref(), &mut out[index]);
                }
            }
            previous = Some(PreviousSentence {
                span: sentence,
                first_mention: first,
                attribution: PreviousAttribution::Read(attribution),
            });
        }
        out
    }

    /// A reader of `sentence`, whose first mention is `first_mention`.
    fn reader<'a>(
        &'a self,
        text: &'a str,
        sentence: Span,
        mentions: &'a [Mention],
        first_mention: usize,
    ) -> SentenceReader<'a> {
        SentenceReader::new(text, sentence, mentions, first_mention, &self.organisations)
    }
}

/// Reads the claim of `figure`, in a sentence attributed to `attribution`: subject,
/// predicate, hedge, source, time and basis, each by its part of the grammar.
fn read_figure(
    reader: &SentenceReader<'_>,
    figure: &reader::Figure<'_>,
    attribution: Option<&Attribution>,
    claim: &mut Claim,
) {
    let subject = reader.subject(figure);
    let predicate = reader.predicate(figure, &subject);
    claim.subject = subject.subject;
    claim.subgroup = subject.subgroup;
    claim.predicate = predicate.predicate;
    claim.hedge = predicate.hedge.or_else(|| reader.figure_hedge(figure));
    claim.source = attribution.and_then(|a| a.source_of(figure.mention.span));
    claim.time = reader.time_near(figure.token, attribution.map(|a| a.clause));
    if let (Some(predicate), Some(time)) = (claim.predicate, claim.time) {
        claim.predicate = reader.predicate_before_time(predicate, time);
    }
    claim.basis = reader.basis(figure, claim.subject, claim.predicate);
}
