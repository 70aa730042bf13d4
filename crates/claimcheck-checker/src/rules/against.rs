//! Findings about figures looked up in a study's own text (`--against`): what
//! `study-contradiction`, `population-mismatch`, `misattribution` and `not-in-source` say
//! when the other side is a sentence of the source rather than a registry row.

use crate::document::{ClaimContext, Document};
use crate::finding::{Against, Finding};
use crate::rules::{Context, Rule, describe};
use crate::source::{Source, SourceCheck, SourceFigure, Verdict};

/// The figures of a document that the given verdicts apply to, with their source.
pub(crate) fn checks<'c, 'd>(
    doc: &'c Document<'d>,
    cx: &'c Context<'c>,
    keep: fn(&Verdict) -> bool,
) -> impl Iterator<Item = (&'c ClaimContext<'d>, &'c Source, &'c SourceCheck)> {
    cx.source_checks
        .iter()
        .filter(move |s| keep(&s.verdict))
        .filter_map(move |s| Some((doc.quantities.get(s.claim)?, cx.sources.get(s.source)?, s)))
}

/// A finding of `rule` about a claim, set against a source's figure.
pub(crate) fn finding(
    rule: &'static Rule,
    doc: &Document<'_>,
    c: &ClaimContext<'_>,
    source: &Source,
    figure: &SourceFigure,
    message: String,
) -> Finding {
    let mut f = rule.on(doc, c, message, format!("the article: {}", describe(c)));
    f.notes.push(quote(source, figure));
    f.against(
        Against::Study,
        format!(
            "{} ({}): “{}”",
            source.name, figure.location, figure.written
        ),
        figure.quantity.interval,
    )
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
    cx: &Context<'_>,
    out: &mut Vec<Finding>,
) {
    for (c, source, looked) in checks(doc, cx, |v| matches!(v, Verdict::Contradicted(..))) {
        let Verdict::Contradicted(first, others) = &looked.verdict else {
            continue;
        };
        let Some(figure) = source.figures.get(*first) else {
            continue;
        };
        let mut f = finding(
            rule,
            doc,
            c,
            source,
            figure,
            format!(
                "“{}” does not fit {}: it gives {} for this population, at {}",
                doc.slice(c.mention.span),
                source.name,
                value(figure),
                figure.location
            ),
        );
        for &i in others.iter().take(3) {
            if let Some(other) = source.figures.get(i) {
                f.notes
                    .push(format!("it also gives: {}", quote(source, other)));
            }
        }
        if let Some(slip) = super::near_miss(c.quantity.nominal[0], figure.quantity.nominal[0]) {
            f.notes
                .push(format!("help: probably {slip} of “{}”", figure.written));
        }
        if let Some(note) = super::rounding_note(&c.quantity.interval, &figure.quantity.interval) {
            f.notes.push(note);
        }
        out.push(f);
    }
}

/// `population-mismatch` against a source: the value is the source's, for another
/// population.
pub(crate) fn other_populations(
    rule: &'static Rule,
    doc: &Document<'_>,
    cx: &Context<'_>,
    out: &mut Vec<Finding>,
) {
    for (c, source, looked) in checks(doc, cx, |v| matches!(v, Verdict::OtherPopulation(_))) {
        let Verdict::OtherPopulation(i) = &looked.verdict else {
            continue;
        };
        let Some(figure) = source.figures.get(*i) else {
            continue;
        };
        let claimed = c.claim.subject.map_or("its population", |s| doc.slice(s));
        out.push(finding(
            rule,
            doc,
            c,
            source,
            figure,
            format!(
                "“{}” is in {}, but for another population than the article's “{}”: the \
                 source's sentence, at {}, says whom it counts",
                doc.slice(c.mention.span),
                source.name,
                claimed.split_whitespace().collect::<Vec<_>>().join(" "),
                figure.location
            ),
        ));
    }
}

/// `misattribution` against a source: the value is the source's for the same population, in
/// another year.
pub(crate) fn other_years(
    rule: &'static Rule,
    doc: &Document<'_>,
    cx: &Context<'_>,
    out: &mut Vec<Finding>,
) {
    for (c, source, looked) in checks(doc, cx, |v| matches!(v, Verdict::OtherYear(_))) {
        let Verdict::OtherYear(i) = &looked.verdict else {
            continue;
        };
        let Some(figure) = source.figures.get(*i) else {
            continue;
        };
        let list = |years: &[u16]| {
            years
                .iter()
                .map(u16::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        };
        let claimed: Vec<u16> = c
            .reading
            .years
            .iter()
            .copied()
            .filter(|y| !c.reading.attribution_years.contains(y))
            .collect();
        out.push(finding(
            rule,
            doc,
            c,
            source,
            figure,
            format!(
                "“{}” is in {}, but for {}, not {}",
                doc.slice(c.mention.span),
                source.name,
                list(&figure.years),
                list(&claimed)
            ),
        ));
    }
}
