//! The estimates a document's figures imply.
//!
//! - **share × count**: a share and a count whose subjects describe the same population
//!   (similarity at least `subject_match`), or a share "of" a figure ("20 percent of 400
//!   deportees"), give the implied count;
//! - **totals from parts**: two or more counts of one kind in one sentence ("24.9 million in
//!   forced labour and 15.4 million in forced marriage") give their total;
//! - **shares from counts**: a count tied by a partitive ("of them", "of whom") to the count
//!   before it gives the share it makes of it.

use claimcheck_parser::{Claim, Mention, Span};

use crate::conventions::ModelConventions;
use crate::estimate::{self, Assumption, AssumptionKind, Estimate, Operand};
use crate::quantity::{Dimension, Quantity};
use crate::subject;
use crate::unit::{self, head_noun};

/// How far apart, in bytes, a share and a count may stand to be combined.
pub const NEAR: usize = 8_000;

/// Words that tie a count to the whole before it.
const PARTITIVES: &[&str] = &[
    "of them",
    "of whom",
    "of these",
    "among them",
    "among whom",
    "of those",
];

/// How many counts near a share are combined with it, nearest first.
pub const PAIRS: usize = 3;

/// Reads each quantity of a document as an operand (mentions that are no quantity give
/// `None`, keeping the indices aligned).
pub fn operands(
    text: &str,
    mentions: &[Mention],
    claims: &[Claim],
    conventions: &ModelConventions,
) -> Vec<Option<Operand>> {
    let quantities = quantities(text, mentions, conventions);
    figures(mentions, claims, &quantities)
        .into_iter()
        .map(|f| f.map(|f| f.operand(text)))
        .collect()
}

/// A figure as [`derive`] weighs it: an [`Operand`] whose words are still spans of the text.
/// Nearly every figure is weighed and dropped; only the few an estimate takes in are copied
/// out as operands.
struct Figure<'q> {
    quantity: &'q Quantity,
    span: Span,
    subject: Option<Span>,
}

impl Figure<'_> {
    fn operand(&self, text: &str) -> Operand {
        Operand {
            quantity: self.quantity.clone(),
            text: text[self.span.range()].to_owned(),
            span: self.span,
            subject: self.subject.map(|s| text[s.range()].to_owned()),
        }
    }
}

/// Each mention as a [`Figure`], aligned with `mentions` as [`operands`] are.
fn figures<'q>(
    mentions: &[Mention],
    claims: &[Claim],
    quantities: &'q [Option<Quantity>],
) -> Vec<Option<Figure<'q>>> {
    mentions
        .iter()
        .zip(claims)
        .zip(quantities)
        .map(|((m, c), q)| {
            // A range that runs backwards asserts no value (the checker reports it).
            let quantity = q.as_ref().filter(|q| !q.reversed())?;
            Some(Figure {
                quantity,
                span: m.span,
                subject: c.subject.or(m.unit),
            })
        })
        .collect()
}

/// Each mention's quantity, as [`derive_with`] takes them.
pub fn quantities(
    text: &str,
    mentions: &[Mention],
    conventions: &ModelConventions,
) -> Vec<Option<Quantity>> {
    mentions
        .iter()
        .map(|m| Quantity::from_mention(m, text, conventions))
        .collect()
}

/// Every estimate the document's figures imply, in the order of their first input.
pub fn derive(
    text: &str,
    mentions: &[Mention],
    claims: &[Claim],
    conventions: &ModelConventions,
) -> Vec<Estimate> {
    derive_with(
        text,
        mentions,
        claims,
        &quantities(text, mentions, conventions),
        conventions,
    )
}

/// [`derive`] with each mention's quantity already read: `quantities[i]` must be what
/// [`Quantity::from_mention`] gives for `mentions[i]` with the same conventions (as
/// [`quantities`] makes them), for a caller that reads them anyway.
pub fn derive_with(
    text: &str,
    mentions: &[Mention],
    claims: &[Claim],
    quantities: &[Option<Quantity>],
    conventions: &ModelConventions,
) -> Vec<Estimate> {
    debug_assert_eq!(quantities.len(), mentions.len());
    let ops = figures(mentions, claims, quantities);
    // Each figure's subject words, read once however many figures it is compared with.
    let subject_words: Vec<std::cell::OnceCell<subject::Words>> =
        vec![std::cell::OnceCell::new(); ops.len()];
    let words_of = |k: usize, subject: Span| {
        subject_words[k].get_or_init(|| subject::words(&text[subject.range()]))
    };
    let mut out = Vec::new();
    let is_share = |o: &Figure| {
        o.quantity.dimension == Dimension::Percent
            && o.quantity.nominal.low >= 0.0
            && o.quantity.nominal.high <= 100.0
            && o.subject.is_some()
    };
    // A count of a population: not a measurement or a duration ("22 years", "500 km").
    let is_count = |o: &Figure| {
        o.quantity.dimension == Dimension::Count
            && o.subject.is_some()
            && o.quantity.unit.as_deref().is_none_or(unit::is_population)
    };
    // The counts, by position (mentions are in text order).
    let counts: Vec<(usize, usize)> = ops
        .iter()
        .enumerate()
        .filter_map(|(j, o)| {
            o.as_ref()
                .filter(|o| is_count(o))
                .map(|o| (o.span.start, j))
        })
        .collect();
    for (i, share) in ops.iter().enumerate() {
        let Some(share) = share.as_ref().filter(|o| is_share(o)) else {
            continue;
        };
        // The counts near the share (within NEAR bytes), nearest first, at most PAIRS of
        // them: an article sets a rate beside the figures of its own passage, and a text of
        // any length stays linear.
        let lo = counts.partition_point(|&(start, _)| start + NEAR < share.span.start);
        let hi = counts.partition_point(|&(start, _)| start <= share.span.start + NEAR);
        let mut near: Vec<(usize, usize)> = counts[lo..hi]
            .iter()
            .map(|&(start, j)| (start.abs_diff(share.span.start), j))
            .collect();
        near.sort_unstable();
        near.truncate(PAIRS);
        near.sort_unstable_by_key(|&(_, j)| j);
        for j in near.into_iter().map(|(_, j)| j) {
            let Some(base) = ops[j].as_ref() else {
                continue;
            };
            if i == j || claims[i].sentence == claims[j].sentence && j < i {
                continue;
            }
            let (Some(s), Some(b)) = (share.subject, base.subject) else {
                continue;
            };
            // "20 percent of 400 deportees": the count stands inside the share's subject.
            let inside = claims[i]
                .subject
                .is_some_and(|sub| sub.start >= base.span.end && sub.start - base.span.end <= 2)
                || (base.span.start > share.span.end
                    && text[share.span.end..base.span.start].trim() == "of");
            let m = subject::compare_words(words_of(i, s), words_of(j, b));
            if (inside || m.similarity >= conventions.subject_match)
                && let Ok(mut e) = estimate::share_of(&share.operand(text), &base.operand(text))
            {
                // What the share's sentence says of its population is what the estimate
                // counts among the base's ("fall victim to human trafficking").
                e.outcome = claims[i]
                    .predicate
                    .map(|p| text[p.range()].trim().to_owned());
                out.push(e);
            }
        }
    }
    // Shares from counts: a count that a partitive ties to an earlier count ("12,000
    // migrants crossed … Of them, 4,500 were recruited", "1,500 fishermen, of whom 255 …")
    // gives the share it makes of it.
    for (i, &(start, a)) in counts.iter().enumerate() {
        let Some(part) = ops[a].as_ref() else {
            continue;
        };
        let Some(&(whole_start, b)) = i.checked_sub(1).map(|k| &counts[k]) else {
            continue;
        };
        let Some(whole) = ops[b].as_ref() else {
            continue;
        };
        if start - whole_start > NEAR || part.quantity.per != whole.quantity.per {
            continue;
        }
        let written = &text[whole.span.end..part.span.start];
        // The partitive stands right before the part: "Of them, 4,500", "of whom 255". A
        // character lowercases to at least a quarter of its bytes, so a stretch of 1,600
        // bytes or more is 400 or more lowercased, too far for one: it is not lowercased.
        let partitive = written.len() < 4 * 400 && {
            let between = written.to_lowercase();
            let lead = between.trim_end().trim_end_matches(',');
            between.len() < 400
                && PARTITIVES.iter().any(|p| {
                    lead.strip_suffix(p).is_some_and(|before| {
                        let before = before.trim_end();
                        before.is_empty() || before.ends_with([',', '.', ';', ':', '—', '('])
                    })
                })
        };
        if partitive
            && part.quantity.nominal.high <= whole.quantity.nominal.low
            && let Ok(e) = estimate::ratio(&part.operand(text), &whole.operand(text))
        {
            out.push(e);
        }
    }
    // Totals from parts, within a sentence.
    let mut by_sentence: Vec<(Span, Vec<&Figure>)> = Vec::new();
    for (o, c) in ops.iter().zip(claims) {
        let Some(o) = o
            .as_ref()
            .filter(|o| o.quantity.dimension == Dimension::Count)
        else {
            continue;
        };
        match by_sentence.last_mut() {
            Some((s, v)) if *s == c.sentence => v.push(o),
            _ => by_sentence.push((c.sentence, vec![o])),
        }
    }
    for (_, parts) in &by_sentence {
        // The cheap tests first: most sentences have one count, or counts too small.
        if parts.len() < 2 || parts.len() > 4 {
            continue;
        }
        let same_period = || {
            parts
                .windows(2)
                .all(|w| w[0].quantity.per == w[1].quantity.per)
        };
        let same_noun = || {
            let heads: Vec<Option<String>> = parts
                .iter()
                .map(|p| p.quantity.unit.as_deref().map(head_noun))
                .collect();
            let first_head = heads.first().cloned().flatten();
            heads
                .iter()
                .skip(1)
                .all(|h| h.is_none() || *h == first_head)
        };
        let measured = || {
            parts
                .iter()
                .filter_map(|p| p.quantity.unit.as_deref())
                .any(|u| !unit::is_population(u))
        };
        let and_joined = || {
            parts.windows(2).last().is_some_and(|w| {
                text.get(w[0].span.end..w[1].span.start)
                    .is_some_and(|between| between.split_whitespace().any(|t| t == "and"))
            })
        };
        let large = parts.iter().all(|p| p.quantity.nominal.low >= 1000.0);
        // Parts of one total: counted in the same noun (or the later ones leaving it out,
        // "24.9 million in forced labour and 15.4 million in forced marriage"), none a
        // measurement or a duration, the last joined by "and", all large enough to be
        // populations rather than a list of small tallies. The one test that lowercases
        // words (the head nouns) comes last.
        let joined = large
            && same_period()
            && and_joined()
            && parts.iter().all(|p| !p.quantity.open_above())
            && !measured()
            && same_noun();
        if !joined {
            continue;
        }
        // The parts are checked above to be counts of one noun over one period.
        let mut total = Estimate::figure(&parts[0].operand(text));
        for p in &parts[1..] {
            let Ok(next) = estimate::plus(&total, &Estimate::figure(&p.operand(text)), false)
            else {
                continue;
            };
            total = next;
        }
        if total.inputs.len() >= 2 {
            total.assumptions.insert(
                0,
                Assumption::new(
                    AssumptionKind::Parts,
                    "the figures of one sentence are taken to be parts of one total that do not overlap",
                ),
            );
            out.push(total);
        }
    }
    // Changes: "rose from 24.9 million to 27.6 million".
    out.extend(crate::change::changes(text, mentions, claims, conventions));
    out.retain(Estimate::is_finite);
    out.sort_by_key(|e| e.inputs.first().map_or(0, |i| i.span.start));
    out
}
