//! Findings about figures looked up in a study's own text (`--against`): what
//! `study-contradiction`, `population-mismatch`, `misattribution` and `not-in-source` say
//! when the other side is a sentence of the source rather than a registry row.

use claimcheck_model::Quantity;

use crate::document::{ClaimContext, Document};
use crate::finding::{Against, Finding};
use crate::rules::{Context, Rule, Violation, readable};
use crate::source::{Source, SourceCheck, SourceFigure, Verdict};

/// The figures of a document that the given verdicts apply to, with their source.
pub(crate) fn checks<'c, 'd>(
    doc: &'c Document<'d>,
    context: &'c Context<'c>,
    keep: impl Fn(&Verdict) -> bool,
) -> impl Iterator<Item = (&'c ClaimContext<'d>, &'c Source, &'c SourceCheck)> {
    context
        .source_checks
        .iter()
        .filter(move |s| keep(&s.verdict))
        .filter_map(move |s| {
            Some((
                doc.quantities.get(s.claim)?,
                context.sources.get(s.source)?,
                s,
            ))
        })
}

/// A figure that cites a study's own text, set against that text.
pub(crate) struct SourceViolation<'a> {
    /// The rule that reports it.
    pub(crate) rule: &'static Rule,
    /// The claim as written.
    pub(crate) claim: &'a str,
    /// The claim's figure.
    pub(crate) quantity: &'a Quantity,
    /// The source it cites.
    pub(crate) source: &'a Source,
    /// What the source says instead.
    pub(crate) shape: SourceShape<'a>,
}

/// What a source says instead of a figure that cites it.
pub(crate) enum SourceShape<'a> {
    /// Another value for the same population.
    Contradicted {
        /// The source's figure.
        figure: &'a SourceFigure,
        /// Other figures it gives for the population (at most three).
        others: Vec<&'a SourceFigure>,
        /// The slip that turns the source's value into the claim's, if one does.
        slip: Option<String>,
    },
    /// The value, for another population than the article's.
    OtherPopulation {
        /// The source's figure.
        figure: &'a SourceFigure,
        /// The article's population as written.
        claimed: &'a str,
    },
    /// The value, for other years than the article's.
    OtherYear {
        /// The source's figure.
        figure: &'a SourceFigure,
        /// The years the article gives it for.
        claimed: Vec<u16>,
    },
    /// Neither this value nor another for this population.
    NotInSource {
        /// Whether the sentence names the source (else every figure is checked).
        named: bool,
        /// The source's figures nearest to the claim, nearest first.
        near: Vec<&'a SourceFigure>,
    },
}

impl SourceViolation<'_> {
    /// The source's figure the claim is drawn against, if there is one.
    fn figure(&self) -> Option<&SourceFigure> {
        match &self.shape {
            SourceShape::Contradicted { figure, .. }
            | SourceShape::OtherPopulation { figure, .. }
            | SourceShape::OtherYear { figure, .. } => Some(figure),
            SourceShape::NotInSource { near, .. } => near.first().copied(),
        }
    }

    /// The finding about claim `c`, set against the source's figure when there is one.
    pub(crate) fn reported(&self, doc: &Document<'_>, c: &ClaimContext<'_>) -> Finding {
        let f = self.finding(doc, c);
        match self.figure() {
            Some(figure) => f.against(
                Against::Study,
                format!(
                    "{} ({}): “{}”",
                    self.source.name, figure.location, figure.written
                ),
                figure.quantity.interval,
            ),
            None => f,
        }
    }
}

impl Violation for SourceViolation<'_> {
    fn rule(&self) -> &'static Rule {
        self.rule
    }

    fn message(&self) -> String {
        let (claim, source) = (self.claim, &self.source.name);
        match &self.shape {
            SourceShape::Contradicted { figure, .. } => format!(
                "“{claim}” does not fit {source}: it gives {} for this population, at {}",
                value(figure),
                figure.location
            ),
            SourceShape::OtherPopulation { figure, claimed } => format!(
                "“{claim}” is in {source}, but for another population than the article's “{}”: \
                 the source's sentence, at {}, says whom it counts",
                claimcheck_parser::one_line(claimed),
                figure.location
            ),
            SourceShape::OtherYear { figure, claimed } => format!(
                "“{claim}” is in {source}, but for {}, not {}",
                super::list_years(&figure.years),
                super::list_years(claimed)
            ),
            SourceShape::NotInSource { named, .. } => format!(
                "“{claim}” is not in {source}{}: it gives neither this value nor another for \
                 this population",
                if *named {
                    ", which the sentence cites"
                } else {
                    ""
                }
            ),
        }
    }

    fn label(&self) -> String {
        format!("the article: {}", readable(self.quantity))
    }

    fn notes(&self) -> Vec<String> {
        let source = self.source;
        match &self.shape {
            SourceShape::Contradicted {
                figure,
                others,
                slip,
            } => {
                let mut notes = vec![quote(source, figure)];
                notes.extend(
                    others
                        .iter()
                        .map(|o| format!("it also gives: {}", quote(source, o))),
                );
                if let Some(slip) = slip {
                    notes.push(format!("help: probably {slip} of “{}”", figure.written));
                }
                notes.extend(super::rounding_note(
                    &self.quantity.interval,
                    &figure.quantity.interval,
                ));
                notes
            }
            SourceShape::OtherPopulation { figure, .. } | SourceShape::OtherYear { figure, .. } => {
                vec![quote(source, figure)]
            }
            SourceShape::NotInSource { near, .. } => match near.split_first() {
                Some((first, rest)) => std::iter::once(format!(
                    "the nearest figure it gives: {}",
                    quote(source, first)
                ))
                .chain(
                    rest.iter()
                        .map(|f| format!("also near: {}", quote(source, f))),
                )
                .collect(),
                None => vec![format!("{} gives no figure of this kind", source.name)],
            },
        }
    }
}

/// The source's sentence and where it is: "the source, page 1, line 6: “…”".
pub(crate) fn quote(source: &Source, figure: &SourceFigure) -> String {
    format!(
        "{}, {}: “{}”",
        source.name, figure.location, figure.sentence
    )
}

/// The figure's interval, for messages: "4.2 million [4,150,000, 4,250,000)".
pub(crate) fn value(figure: &SourceFigure) -> String {
    format!(
        "“{}” {}",
        figure.written,
        claimcheck_model::quantity::show(&figure.quantity.interval)
    )
}

/// `study-contradiction` against a source: the source gives the claim's population another
/// value.
pub(crate) fn contradictions(
    rule: &'static Rule,
    doc: &Document<'_>,
    context: &Context<'_>,
    out: &mut Vec<Finding>,
) {
    for (c, source, looked) in checks(doc, context, |v| matches!(v, Verdict::Contradicted(..))) {
        let Verdict::Contradicted(first, others) = &looked.verdict else {
            continue;
        };
        let Some(figure) = source.figures.get(*first) else {
            continue;
        };
        let contradicted = SourceViolation {
            rule,
            claim: doc.slice(c.mention.span),
            quantity: &c.quantity,
            source,
            shape: SourceShape::Contradicted {
                figure,
                others: others
                    .iter()
                    .take(3)
                    .filter_map(|&i| source.figures.get(i))
                    .collect(),
                slip: super::near_miss(c.quantity.nominal.low, figure.quantity.nominal.low),
            },
        };
        out.push(contradicted.reported(doc, c));
    }
}

/// `population-mismatch` against a source: the value is the source's, for another
/// population.
pub(crate) fn other_populations(
    rule: &'static Rule,
    doc: &Document<'_>,
    context: &Context<'_>,
    out: &mut Vec<Finding>,
) {
    elsewhere(
        rule,
        doc,
        context,
        out,
        |v| match v {
            Verdict::OtherPopulation(i) => Some(*i),
            _ => None,
        },
        |c, figure| SourceShape::OtherPopulation {
            figure,
            claimed: c.claim.subject.map_or("its population", |s| doc.slice(s)),
        },
    );
}

/// `misattribution` against a source: the value is the source's for the same population, in
/// another year.
pub(crate) fn other_years(
    rule: &'static Rule,
    doc: &Document<'_>,
    context: &Context<'_>,
    out: &mut Vec<Finding>,
) {
    elsewhere(
        rule,
        doc,
        context,
        out,
        |v| match v {
            Verdict::OtherYear(i) => Some(*i),
            _ => None,
        },
        |c, figure| SourceShape::OtherYear {
            figure,
            claimed: c
                .reading
                .years
                .iter()
                .copied()
                .filter(|y| !c.reading.attribution_years.contains(y))
                .collect(),
        },
    );
}

/// The findings of `rule` where the source gives the claim's value elsewhere: for each claim
/// whose verdict `figure_of` takes to one of the source's figures, the shape `shape` draws.
fn elsewhere<'c, 'd: 'c>(
    rule: &'static Rule,
    doc: &'c Document<'d>,
    context: &'c Context<'c>,
    out: &mut Vec<Finding>,
    figure_of: fn(&Verdict) -> Option<usize>,
    shape: impl Fn(&'c ClaimContext<'d>, &'c SourceFigure) -> SourceShape<'c>,
) {
    for (c, source, looked) in checks(doc, context, |v| figure_of(v).is_some()) {
        let Some(figure) = figure_of(&looked.verdict).and_then(|i| source.figures.get(i)) else {
            continue;
        };
        let other = SourceViolation {
            rule,
            claim: doc.slice(c.mention.span),
            quantity: &c.quantity,
            source,
            shape: shape(c, figure),
        };
        out.push(other.reported(doc, c));
    }
}
