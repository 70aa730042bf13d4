//! Arithmetic a writer states around one figure, worked out again from the figures it names:
//! a share of a base restated as a count ("40 percent of 200,000 workers, or 80,000"), a rate
//! restated over another period ("9,000 baht a month, or 108,000 baht a year"), a change
//! stated as a percentage ("rose from 12,000 to 18,000, a 50 percent increase") or a multiple
//! ("doubled from 3,100 to 6,200"), parts and their total ("1,200, 950 and 640 cases, 2,790
//! in all") and an average ("$3.6 million … an average of $3,000 each").
//!
//! Each reading starts from the stated result and needs the words that make it one (", or",
//! "that works out to", "in all", "an average of", "an increase of"); a figure without them is
//! left to the other rules.

use std::borrow::Cow;

use claimcheck_model::{
    Dimension, Estimate, Interval, Nominal, Period, Quantity, estimate, subject,
};

use crate::document::{ClaimContext, Document};
use crate::finding::{Against, Finding};
use crate::rules::{Context, Rule, Violation, readable};
use crate::vocab;

use super::RULE;

/// What the inputs of a stated result work out to, and the figures they are.
struct Working<'c, 'a> {
    estimate: Estimate,
    inputs: Vec<(&'c ClaimContext<'a>, &'static str)>,
    note: Option<String>,
}

/// The finding for the stated result `r`, if its stated arithmetic does not hold.
pub(super) fn check(doc: &Document<'_>, context: &Context<'_>, r: usize) -> Option<Finding> {
    let result = &doc.quantities[r];
    if result.quantity.reversed() {
        return None;
    }
    let lead = Lead {
        doc,
        r,
        text: std::cell::OnceCell::new(),
    };
    let working = share_restated(doc, r, &lead)
        .or_else(|| period_restated(doc, r, &lead))
        .or_else(|| change_stated(doc, context, r, &lead))
        .or_else(|| change_referred(doc, r, &lead))
        .or_else(|| change_with_size(doc, r))
        .or_else(|| total_stated(doc, r, &lead))
        .or_else(|| average_stated(doc, r, &lead))?;
    let e = &working.estimate;
    if e.interval.is_empty() || e.interval.overlaps(&result.quantity.interval) {
        return None;
    }
    let stated = StatedArithmetic {
        stated: doc.slice(result.mention.span),
        quantity: &result.quantity,
        estimate: e,
        note: working.note.as_deref(),
    };
    let mut f = stated.finding(doc, result);
    for (c, label) in &working.inputs {
        f.related.push(crate::rules::related(doc, c, *label));
    }
    Some(f.against(Against::Derived, e.expression.clone(), e.interval))
}

/// Arithmetic stated around a figure that does not hold: what the figures it names work out
/// to leaves out the stated result.
struct StatedArithmetic<'a> {
    /// The result as written.
    stated: &'a str,
    /// The result.
    quantity: &'a Quantity,
    /// What its figures work out to.
    estimate: &'a Estimate,
    /// What the working read into the words, if anything.
    note: Option<&'a str>,
}

impl Violation for StatedArithmetic<'_> {
    fn rule(&self) -> &'static Rule {
        &RULE
    }

    fn message(&self) -> String {
        format!(
            "“{}” does not follow from the figures it is worked out from: {} = {}, and “{}” \
             allows {}",
            self.stated,
            self.estimate.expression,
            super::worked_out(self.estimate),
            self.stated,
            readable(self.quantity),
        )
    }

    fn label(&self) -> String {
        format!("stated: {}", readable(self.quantity))
    }

    fn notes(&self) -> Vec<String> {
        self.note
            .map(str::to_owned)
            .into_iter()
            .chain(
                self.estimate
                    .assumptions
                    .iter()
                    .map(|a| format!("assuming {}", a.text)),
            )
            .collect()
    }
}

fn operand(doc: &Document<'_>, c: &ClaimContext<'_>) -> estimate::Operand {
    super::operand(doc, c)
}

fn figure(doc: &Document<'_>, c: &ClaimContext<'_>) -> Estimate {
    Estimate::figure(&operand(doc, c))
}

/// The quantities of `r`'s sentence that stand before it.
fn earlier_in_sentence<'d, 'a>(doc: &'d Document<'a>, r: usize) -> &'d [ClaimContext<'a>] {
    let sentence = doc.quantities[r].claim.sentence;
    let first = (0..r)
        .rev()
        .take_while(|&k| doc.quantities[k].claim.sentence == sentence)
        .last()
        .unwrap_or(r);
    &doc.quantities[first..r]
}

/// The lower-case words from the figure before `r` in its sentence (or the sentence's start)
/// up to `r`, past the earlier figure's counted noun and period.
fn lead(doc: &Document<'_>, r: usize) -> String {
    let result = &doc.quantities[r];
    let earlier = earlier_in_sentence(doc, r);
    let text = match earlier.last() {
        Some(prev) => super::gap(doc, prev, result),
        None => doc
            .text
            .get(result.claim.sentence.start..result.mention.span.start)
            .unwrap_or(""),
    };
    text.to_lowercase()
}

/// [`lead`] of a result, worked out at most once however many readings ask for it.
struct Lead<'d, 'a> {
    doc: &'d Document<'a>,
    r: usize,
    text: std::cell::OnceCell<String>,
}

impl Lead<'_, '_> {
    fn get(&self) -> &str {
        self.text.get_or_init(|| lead(self.doc, self.r))
    }
}

/// The lower-case words after a figure's counted noun, to the end of its sentence.
fn trail(doc: &Document<'_>, c: &ClaimContext<'_>) -> String {
    trail_as_written(doc, c).to_lowercase()
}

/// The words after a figure's counted noun, to the end of its sentence, as written.
fn trail_as_written<'a>(doc: &Document<'a>, c: &ClaimContext<'_>) -> &'a str {
    let end = c
        .mention
        .unit
        .map_or(c.mention.span.end, |u| u.end.max(c.mention.span.end));
    doc.text
        .get(end..c.claim.sentence.end.max(end))
        .unwrap_or("")
}

/// Whether the words after a figure open with "in all", "in total", "altogether" or
/// "combined" ([`vocab::TOTAL_TRAILS`]), in any ASCII case: they are not lowercased, since the
/// words are ASCII and none has a "k", the one letter a character outside ASCII lowercases to
/// (a property test holds it to lowercasing).
fn opens_with_total_trail(after: &str) -> bool {
    let after = after.trim_start();
    vocab::TOTAL_TRAILS
        .iter()
        .any(|w| claimcheck_parser::starts_with_ci(after, w))
}

/// Whether a figure is stated as the result of what comes before it: ", or some 80,000",
/// "That works out to 3,000".
fn is_restated(lead: &Lead<'_, '_>) -> bool {
    let lead = lead.get();
    super::restates(lead) || vocab::LEXICONS.result_leads.ends(lead)
}

/// The noun phrase after "X percent of", its determiners dropped: "agency workers" in "16
/// percent of agency workers at the plants".
fn after_of(doc: &Document<'_>, c: &ClaimContext<'_>) -> Option<String> {
    let rest = doc.text.get(c.mention.span.end..c.claim.sentence.end)?;
    let rest = rest.trim_start().to_lowercase();
    let rest = rest.strip_prefix("of ")?;
    let mut words = Vec::new();
    for raw in rest.split_whitespace() {
        let word = raw.trim_matches(|ch: char| !ch.is_alphanumeric());
        if words.is_empty() && vocab::DETERMINERS.contains(&word) {
            continue;
        }
        if word.is_empty() || vocab::PHRASE_ENDS.contains(&word) {
            break;
        }
        words.push(word.to_owned());
        // Punctuation after a word ends the phrase.
        if raw.ends_with(|ch: char| !ch.is_alphanumeric()) || words.len() == 4 {
            break;
        }
    }
    Some(words.join(" "))
}

/// Whether a figure's counted noun, or its subject, names `noun` ("women" for "20,000
/// women").
fn counts(doc: &Document<'_>, c: &ClaimContext<'_>, noun: &str) -> bool {
    // The head is the phrase's last word: "workers" in "agency workers".
    let Some(head) = noun
        .split_whitespace()
        .last()
        .and_then(|w| subject::words(w).first().cloned())
    else {
        return false;
    };
    c.quantity
        .unit
        .as_deref()
        .into_iter()
        .chain(c.claim.subject.map(|s| doc.slice(s)))
        .any(|phrase| subject::words(phrase).contains(&head))
}

/// "X percent of [those] BASE, or RESULT"; "X percent of the women … That works out to
/// RESULT", the base named by its noun in an earlier sentence.
fn share_restated<'c, 'a>(
    doc: &'c Document<'a>,
    r: usize,
    lead: &Lead<'_, '_>,
) -> Option<Working<'c, 'a>> {
    let result = &doc.quantities[r];
    if !matches!(
        result.quantity.dimension,
        Dimension::Count | Dimension::Money(_)
    ) || !is_restated(lead)
    {
        return None;
    }
    let earlier = earlier_in_sentence(doc, r);
    // The share: the last one before the result in its sentence, or in the sentence before
    // when the result opens its own ("That works out to …").
    let share_index = earlier
        .iter()
        .rposition(|c| c.quantity.dimension == Dimension::Percent)
        .map(|k| r - earlier.len() + k)
        .or_else(|| {
            (earlier.is_empty() && r > 0).then_some(())?;
            let previous = doc.quantities[r - 1].claim.sentence;
            (0..r)
                .rev()
                .take_while(|&k| doc.quantities[k].claim.sentence == previous)
                .find(|&k| doc.quantities[k].quantity.dimension == Dimension::Percent)
        })?;
    let share = &doc.quantities[share_index];
    let noun = after_of(doc, share)?;
    // The base: the figure right after "of", or the last earlier figure that counts the noun.
    let next = doc.quantities.get(share_index + 1);
    let base = match next {
        Some(b)
            if share_index + 1 < r
                && doc
                    .text
                    .get(share.mention.span.end..b.mention.span.start)
                    .is_some_and(|between| {
                        let between = between.trim().to_lowercase();
                        between
                            .split_whitespace()
                            .all(|w| w == "of" || vocab::DETERMINERS.contains(&w))
                    }) =>
        {
            b
        }
        _ => {
            if noun.is_empty() || noun.starts_with(|ch: char| ch.is_ascii_digit()) {
                return None;
            }
            doc.quantities[..share_index].iter().rev().find(|b| {
                b.quantity.dimension == result.quantity.dimension
                    && !b.quantity.reversed()
                    && per_agrees(b, result)
                    && match b.quantity.dimension {
                        Dimension::Money(_) => true,
                        _ => counts(doc, b, &noun),
                    }
            })?
        }
    };
    if base.quantity.dimension != result.quantity.dimension || !per_agrees(base, result) {
        return None;
    }
    let estimate = estimate::share_of(&operand(doc, share), &operand(doc, base)).ok()?;
    Some(Working {
        estimate,
        inputs: vec![(share, "the share"), (base, "its base")],
        note: None,
    })
}

/// Whether a base can give the result's period: the same one, or none when the result
/// names none.
fn per_agrees(base: &ClaimContext<'_>, result: &ClaimContext<'_>) -> bool {
    result.quantity.per.is_none() || base.quantity.per == result.quantity.per
}

/// How many of `from` make one `to`, when the calendar says: 12 months a year, 52 weeks; a
/// day rate over a month or a week only with the days stated ("for a 26-day month").
fn periods_in(doc: &Document<'_>, r: usize, from: Period, to: Period) -> Option<(f64, String)> {
    if to == Period::Year && from != Period::Day {
        return Some((
            from.in_year(),
            format!("{} {}s", from.in_year(), from.as_str()),
        ));
    }
    if from == Period::Year && to != Period::Day {
        let k = 1.0 / to.in_year();
        return Some((k, format!("1/{} {}s", to.in_year(), to.as_str())));
    }
    if from == Period::Day && matches!(to, Period::Week | Period::Month) {
        // "a 26-day month", "a six-day week" in the sentence.
        let result = &doc.quantities[r];
        let sentence = result.claim.sentence;
        let stated = doc.quantities.iter().find(|c| {
            let end = c.mention.unit.map_or(c.mention.span.end, |u| u.end);
            c.claim.sentence == sentence
                && c.quantity.dimension == Dimension::Count
                && doc.slice(c.mention.span).len() + 4 >= end - c.mention.span.start
                && doc
                    .text
                    .get(c.mention.span.end..end)
                    .is_some_and(|u| u.trim_start_matches(['-', ' ']).eq_ignore_ascii_case("day"))
                && doc.text.get(end..).is_some_and(|t| {
                    t.trim_start_matches(['-', ' '])
                        .to_lowercase()
                        .starts_with(to.as_str())
                })
        })?;
        let k = stated.quantity.nominal.low;
        return Some((k, format!("{} days", claimcheck_model::quantity::plain(k))));
    }
    None
}

/// "9,000 baht a month, or 150,000 baht a year": a rate restated over another period.
fn period_restated<'c, 'a>(
    doc: &'c Document<'a>,
    r: usize,
    lead: &Lead<'_, '_>,
) -> Option<Working<'c, 'a>> {
    let result = &doc.quantities[r];
    let to = result.quantity.per?;
    let earlier = earlier_in_sentence(doc, r);
    let rate = earlier.last()?;
    let from = rate.quantity.per?;
    if from == to
        || rate.quantity.dimension != result.quantity.dimension
        || !super::restates(lead.get())
    {
        return None;
    }
    // "500,000 workers each send home $200 a month, some $600 million a year" multiplies by
    // the workers too: the sentence-end check reads that.
    if earlier.len() >= 2 && earlier[earlier.len() - 2].quantity.dimension == Dimension::Count {
        return None;
    }
    let (k, words) = periods_in(doc, r, from, to)?;
    let rate_estimate = figure(doc, rate);
    let interval = rate_estimate.interval.scale(k);
    // An aggregate a hundred times the rate is no restatement of it.
    let ratio = result.quantity.nominal.low / (rate.quantity.nominal.low * k);
    if !(0.01..=100.0).contains(&ratio) {
        return None;
    }
    let estimate = Estimate {
        expression: format!("{} × {words}", rate_estimate.expression),
        nominal: rate_estimate.nominal.map(|v| v * k),
        interval,
        per: Some(to),
        ..rate_estimate
    };
    Some(Working {
        estimate,
        inputs: vec![(rate, "the rate")],
        note: None,
    })
}

/// "rose from A to B, a P percent increase"; "from 64 to 48 percent, a drop of 16 percentage
/// points"; "doubled from A to B".
fn change_stated<'c, 'a>(
    doc: &'c Document<'a>,
    context: &Context<'_>,
    r: usize,
    lead: &Lead<'_, '_>,
) -> Option<Working<'c, 'a>> {
    let result = &doc.quantities[r];
    let earlier = earlier_in_sentence(doc, r);
    // "doubled from A to B": the result is B.
    if let Some(from) = earlier.last()
        && from.quantity.dimension == result.quantity.dimension
        && super::gap(doc, from, result).trim().to_lowercase() == "to"
    {
        // The words before the first figure are lowercased only for "A to B" (the sentence
        // up to a figure may be long).
        let before = doc
            .text
            .get(from.claim.sentence.start..from.mention.span.start)
            .unwrap_or("")
            .to_lowercase();
        if let Some(before) = before.trim_end().strip_suffix(" from") {
            let verb = before.split_whitespace().last().unwrap_or("");
            if let Some(&(_, k)) = vocab::MULTIPLES.iter().find(|(w, _)| *w == verb) {
                let base = figure(doc, from);
                let mut estimate = estimate::multiple(&base, k, verb);
                estimate.interval = estimate.interval.mul(&Interval {
                    lo: claimcheck_model::End::Inclusive(1.0 - context.conventions.about),
                    hi: claimcheck_model::End::Inclusive(1.0 + context.conventions.about),
                });
                return Some(Working {
                    estimate,
                    inputs: vec![(from, "the figure before")],
                    note: Some(format!(
                        "“{verb}” is read as × {} ± {}%",
                        claimcheck_model::quantity::trim(k),
                        claimcheck_model::quantity::trim(context.conventions.about * 100.0)
                    )),
                });
            }
        }
    }
    // "…, a 60 percent increase"; "an increase of more than 90 percent".
    if !matches!(
        result.quantity.dimension,
        Dimension::Percent | Dimension::Points
    ) || earlier.len() < 2
    {
        return None;
    }
    let lead = lead.get();
    let trail = trail(doc, result);
    let next_word = trail
        .split(|ch: char| !ch.is_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap_or("");
    let named = vocab::CHANGE_NOUNS.contains(&next_word)
        || lead
            .split(|ch: char| !ch.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .any(|w| vocab::CHANGE_NOUNS.contains(&w));
    // The change is set beside the two figures: ", a 60 percent increase", ", an increase of
    // 50 percent", "(up 50 percent)"; not "…, after falling from a 10.1% growth rate".
    // "… to 7,600 this year, an increase of": the time of the second figure may come first.
    let (time, apposition) = lead
        .split_once([',', '—', '–', '(', ';'])
        .unwrap_or((lead, ""));
    let words = |t: &str| {
        t.split(|ch: char| !ch.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    let apposed = lead.contains([',', '—', '–', '(', ';'])
        && words(time)
            .iter()
            .all(|w| vocab::TIME_WORDS.contains(&w.as_str()))
        && apposition
            .split(|ch: char| !ch.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .all(|w| vocab::CHANGE_NOUNS.contains(&w) || vocab::CHANGE_LINKS.contains(&w));
    if !named || !apposed {
        return None;
    }
    let (from, to) = (&earlier[earlier.len() - 2], &earlier[earlier.len() - 1]);
    let before_from = doc
        .text
        .get(from.claim.sentence.start..from.mention.span.start)
        .unwrap_or("")
        .to_lowercase();
    let between = super::gap(doc, from, to).to_lowercase();
    if !before_from.trim_end().ends_with("from")
        || !between.split_whitespace().any(|w| w == "to")
        || between.split_whitespace().count() > 4
        || from.quantity.dimension != to.quantity.dimension
    {
        return None;
    }
    let (a, b) = (figure(doc, from), figure(doc, to));
    let inputs = vec![(from, "from"), (to, "to")];
    if result.quantity.dimension == Dimension::Points {
        if from.quantity.dimension != Dimension::Percent {
            return None;
        }
        let estimate = estimate::plus(&b, &a, true).ok()?;
        return Some(Working {
            estimate: absolute(estimate),
            inputs,
            note: None,
        });
    }
    let estimate = absolute(estimate::percent_change(&a, &b).ok()?);
    // Two shares: a change in percent that is their difference was meant in points.
    let note = (from.quantity.dimension == Dimension::Percent)
        .then(|| estimate::plus(&b, &a, true).ok())
        .flatten()
        .map(absolute)
        .filter(|d| d.interval.overlaps(&result.quantity.interval))
        .map(|d| {
            format!(
                "{} is the difference in percentage points ({}), not a change in percent",
                doc.slice(result.mention.span),
                d.expression
            )
        });
    Some(Working {
        estimate,
        inputs,
        note,
    })
}

/// How far back, in bytes from the start of its sentence, a change that a later sentence
/// refers to ("That is a 60 percent increase") may stand: the sentence before, and the one
/// before that when it gives the base.
const REFERRED_WITHIN: usize = 1_000;

/// "… rose from 12,000 to 18,000. That is a 60 percent increase."; "… $31.7 billion a year
/// … an increase of $118.3 billion. That's a 473% increase.": a percent change that opens
/// its sentence with a word pointing back ("that", "this", "it") and names no figure of its
/// own, worked out from the change the sentence before states — its two ends ("from A to
/// B"), or its size ("an increase of D") and the last figure of its kind before it (the base).
fn change_referred<'c, 'a>(
    doc: &'c Document<'a>,
    r: usize,
    lead: &Lead<'_, '_>,
) -> Option<Working<'c, 'a>> {
    let result = &doc.quantities[r];
    if result.quantity.dimension != Dimension::Percent || !earlier_in_sentence(doc, r).is_empty() {
        return None;
    }
    let lead = lead.get();
    let words: Vec<&str> = lead
        .split(|ch: char| !(ch.is_alphanumeric() || ch == '\'' || ch == '’'))
        .filter(|w| !w.is_empty())
        .collect();
    let next_word = trail(doc, result)
        .split(|ch: char| !ch.is_alphanumeric())
        .find(|w| !w.is_empty())
        .map(str::to_owned)
        .unwrap_or_default();
    let (first, rest) = words.split_first()?;
    let points_back = vocab::POINTING_BACK.contains(first)
        && rest
            .iter()
            .all(|w| vocab::POINTING_LINKS.contains(w) || vocab::CHANGE_NOUNS.contains(w));
    let named = vocab::CHANGE_NOUNS.contains(&next_word.as_str())
        || rest.iter().any(|w| vocab::CHANGE_NOUNS.contains(w));
    if !points_back || !named {
        return None;
    }
    // The sentence before: the last figure before the result's sentence, near it.
    let previous = doc.quantities[..r]
        .iter()
        .rposition(|c| c.claim.sentence != result.claim.sentence)?;
    let sentence = doc.quantities[previous].claim.sentence;
    if result.claim.sentence.start.saturating_sub(sentence.end) > REFERRED_WITHIN {
        return None;
    }
    let first_of = (0..=previous)
        .rev()
        .take_while(|&k| doc.quantities[k].claim.sentence == sentence)
        .last()?;
    let before: &[ClaimContext<'_>] = &doc.quantities[first_of..=previous];
    // Its two ends: "from A to B".
    for pair in before.windows(2) {
        let (from, to) = (&pair[0], &pair[1]);
        let ahead = doc
            .text
            .get(sentence.start..from.mention.span.start)
            .unwrap_or("")
            .to_lowercase();
        let between = super::gap(doc, from, to).to_lowercase();
        if ahead.trim_end().ends_with(" from")
            && between.split_whitespace().count() <= 4
            && between.split_whitespace().any(|w| w == "to")
            && from.quantity.dimension == to.quantity.dimension
            && from.quantity.dimension != Dimension::Percent
        {
            let estimate =
                absolute(estimate::percent_change(&figure(doc, from), &figure(doc, to)).ok()?);
            return Some(Working {
                estimate,
                inputs: vec![(from, "from"), (to, "to")],
                note: Some("the change is the one the sentence before states".to_owned()),
            });
        }
    }
    // Its size: "an increase of D", with the base the last figure of D's kind before it.
    let (d, size) = before.iter().enumerate().rev().find(|(_, c)| {
        let ahead = doc
            .text
            .get(c.claim.sentence.start..c.mention.span.start)
            .unwrap_or("")
            .to_lowercase();
        let ahead: Vec<&str> = ahead
            .split(|ch: char| !ch.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let sized = match ahead.as_slice() {
            [.., noun, "of"] => vocab::CHANGE_NOUNS.contains(noun),
            [.., verb, "by"] => vocab::CHANGE_VERBS.contains(verb),
            _ => false,
        };
        sized && !matches!(c.quantity.dimension, Dimension::Percent | Dimension::Points)
    })?;
    let d = first_of + d;
    let base = doc.quantities[..d].iter().rev().take(6).find(|b| {
        b.quantity.dimension == size.quantity.dimension
            && b.quantity.per == size.quantity.per
            && !b.quantity.reversed()
            && size.mention.span.start.saturating_sub(b.mention.span.end) <= REFERRED_WITHIN
    })?;
    let mut estimate = estimate::ratio(&operand(doc, size), &operand(doc, base)).ok()?;
    if estimate.dimension != Dimension::Percent {
        return None;
    }
    // The base may be the level the change led to ("$195,250, an increase of $16,750. That
    // is a 9.38% increase"; "was $205,000 … fell by $57,000"): the change on what it was
    // before, D ÷ (T − D) after a rise or D ÷ (T + D) after a fall, is a reading as well.
    // A percent change worked out by the writer is often cut, not rounded, at its last digit
    // ("21.75%" for 21.756%): any value within one unit of that digit is taken as stated.
    let stated = cut_or_rounded(result)?;
    let (size_e, base_e) = (figure(doc, size), figure(doc, base));
    if estimate.interval.overlaps(&stated) {
        return None;
    }
    let mut others = Vec::new();
    for (subtract, after) in [(true, "a rise"), (false, "a fall")] {
        if let Ok(before) = estimate::plus(&base_e, &size_e, subtract)
            && before.interval.lo.value().is_some_and(|v| v > 0.0)
            && let Ok(on_before) = estimate::divided(&size_e, &before)
        {
            if on_before.interval.overlaps(&stated) {
                return None;
            }
            others.push(format!(
                "read as the level after {after}, “{}” gives {} = {}",
                doc.slice(base.mention.span),
                on_before.expression,
                super::worked_out(&on_before)
            ));
        }
    }
    estimate.kind = claimcheck_model::EstimateKind::PercentChange;
    Some(Working {
        estimate,
        inputs: vec![(size, "the change"), (base, "its base")],
        note: Some(
            std::iter::once(format!(
                "“{}” is read as the size of the change the sentence before states, and “{}” \
                 as what it changed from",
                doc.slice(size.mention.span),
                doc.slice(base.mention.span),
            ))
            .chain(others)
            .collect::<Vec<_>>()
            .join("; "),
        ),
    })
}

/// Every value a percentage a writer worked out may stand for: rounded at its last digit, or
/// cut there ("21.75%" for 21.756%, "3%" for 3.9%), which reaches up to the next unit.
fn cut_or_rounded(result: &ClaimContext<'_>) -> Option<Interval> {
    let digit = 10f64.powi(-i32::from(result.mention.decimals));
    let cut = Interval::new(
        claimcheck_model::End::Inclusive(0.0),
        claimcheck_model::End::Inclusive(digit / 2.0),
    )
    .ok()?;
    Some(result.quantity.interval.add(&cut))
}

/// The lower-case words of `c`'s sentence before it, and those after it and its counted
/// noun: the sentence's own tokens, not words cut or copied again.
fn around<'c>(
    doc: &Document<'_>,
    c: &'c ClaimContext<'_>,
) -> (Cow<'c, [vocab::Token]>, Cow<'c, [vocab::Token]>) {
    let sentence = c.claim.sentence;
    let end = c
        .mention
        .unit
        .map_or(c.mention.span.end, |u| u.end.max(c.mention.span.end));
    let words = |start: usize, end: usize| {
        vocab::tokens_within(&c.reading.sentence, sentence, doc.text, start, end)
    };
    (
        words(sentence.start, c.mention.span.start),
        words(end, sentence.end.max(end)),
    )
}

/// A token's word.
fn word(t: &vocab::Token) -> &str {
    t.word.as_str()
}

/// Whether a figure is the size of a change: "rose by 1,138", "up 120 units", "an increase of
/// $9.7 million", "728 more students".
fn is_change_size(doc: &Document<'_>, c: &ClaimContext<'_>) -> bool {
    let (before, after) = around(doc, c);
    let before: Vec<&str> = before.iter().map(word).collect();
    let sized = match before.as_slice() {
        [.., noun, "of"] => vocab::CHANGE_NOUNS.contains(noun),
        [.., verb, "by"] => vocab::CHANGE_VERBS.contains(verb),
        [.., "up" | "down"] => true,
        _ => false,
    };
    let more = matches!(after.first().map(word), Some("more" | "fewer" | "less"));
    matches!(c.quantity.dimension, Dimension::Count | Dimension::Money(_)) && (sized || more)
}

/// Whether a figure is the level a change led to: "to 24,537", "to a total of 3,120", "for a
/// total 23,750".
fn is_change_level(doc: &Document<'_>, c: &ClaimContext<'_>) -> bool {
    let (before, _) = around(doc, c);
    let before: Vec<&str> = before.iter().map(word).collect();
    let from_to = before.contains(&"from");
    !from_to
        && matches!(
            before.as_slice(),
            [.., "to"] | [.., "total"] | [.., "total", "of"] | [.., "reaching"] | [.., "reach"]
        )
}

/// "Enrollment rose by 1,138 students, or 5.8 percent, to 24,537"; "a 2 percent gain … That
/// works out to 728 more students, for a total 23,750": a percent change stated beside the
/// size of the change and the level it led to, in its sentence or in the next one when that
/// points back. The level before is the level after less a rise (or plus a fall); the
/// percentage is reported only when no reading fits it within one unit of its last digit —
/// the change on the level before, on the level after, either way.
fn change_with_size<'c, 'a>(doc: &'c Document<'a>, r: usize) -> Option<Working<'c, 'a>> {
    let result = &doc.quantities[r];
    if result.quantity.dimension != Dimension::Percent || result.quantity.reversed() {
        return None;
    }
    let (before, after) = around(doc, result);
    let next_word = after.first().map_or("", word);
    let last_word = before.last().map_or("", word);
    let named = vocab::CHANGE_NOUNS.contains(&next_word)
        || vocab::CHANGE_VERBS.contains(&last_word)
        || (last_word == "or"
            && r > 0
            && doc.quantities[r - 1].claim.sentence == result.claim.sentence
            && is_change_size(doc, &doc.quantities[r - 1]));
    if !named {
        return None;
    }
    // The figures of its sentence, and of the next when that one points back ("That works
    // out to …").
    let sentence = result.claim.sentence;
    let mut candidates: Vec<&ClaimContext<'_>> = doc
        .quantities
        .iter()
        .filter(|c| c.claim.sentence == sentence && c.mention.span != result.mention.span)
        .collect();
    if let Some(next) = doc.quantities[r + 1..]
        .iter()
        .find(|c| c.claim.sentence != sentence)
        .filter(|c| c.claim.sentence.start >= sentence.end)
        .filter(|c| c.claim.sentence.start - sentence.end <= REFERRED_WITHIN)
        && next
            .reading
            .sentence
            .first()
            .is_some_and(|t| vocab::POINTING_BACK.contains(&t.word.as_str()))
    {
        candidates.extend(
            doc.quantities
                .iter()
                .filter(|c| c.claim.sentence == next.claim.sentence),
        );
    }
    let size = candidates.iter().find(|c| is_change_size(doc, c))?;
    let level = candidates.iter().find(|c| {
        c.mention.span != size.mention.span
            && c.quantity.dimension == size.quantity.dimension
            && is_change_level(doc, c)
    })?;
    // Which way the change went, from the words next to the percentage and the size ("a 2
    // percent gain", "fell by 57,000", "728 more"; not "fall" in "fall semester" further
    // off): a reading the other way is tried only when they do not say, or say both.
    let size_words = around(doc, size);
    let words: Vec<&str> = before
        .iter()
        .rev()
        .take(2)
        .chain(after.iter().take(1))
        .chain(size_words.0.iter().rev().take(2))
        .chain(size_words.1.iter().take(1))
        .map(word)
        .collect();
    let fall = words.iter().any(|w| vocab::FALL_WORDS.contains(w));
    let rise = words.iter().any(|w| vocab::RISE_WORDS.contains(w));
    let ways: &[bool] = match (rise, fall) {
        (true, false) => &[true],
        (false, true) => &[false],
        _ => &[true, false],
    };
    // The size and the level count one thing, whichever of them names it ("rose by 1,138
    // students, … to 24,537").
    let (mut size_e, mut level_e) = (figure(doc, size), figure(doc, level));
    let noun = size_e.unit.clone().or_else(|| level_e.unit.clone());
    size_e.unit.clone_from(&noun);
    level_e.unit = noun;
    let stated = cut_or_rounded(result)?;
    let mut readings = Vec::new();
    for &subtract in ways {
        if let Ok(before) = estimate::plus(&level_e, &size_e, subtract)
            && before.interval.lo.value().is_some_and(|v| v > 0.0)
            && let Ok(e) = estimate::divided(&size_e, &before)
        {
            readings.push(e);
        }
    }
    readings.extend(estimate::divided(&size_e, &level_e).ok());
    if readings.is_empty() {
        return None;
    }
    if readings
        .iter()
        .any(|e| e.dimension != Dimension::Percent || e.interval.overlaps(&stated))
    {
        return None;
    }
    let mut estimate = readings.remove(0);
    estimate.kind = claimcheck_model::EstimateKind::PercentChange;
    let others: Vec<String> = readings
        .iter()
        .map(|e| format!("{} = {}", e.expression, super::worked_out(e)))
        .collect();
    Some(Working {
        estimate,
        inputs: vec![(size, "the change"), (level, "the level after it")],
        note: Some(format!(
            "the level before is “{}” {} “{}”; the other readings, {}, do not fit either",
            doc.slice(level.mention.span),
            if fall { "plus" } else { "less" },
            doc.slice(size.mention.span),
            others.join(" and ")
        )),
    })
}

/// A change written with its sign: "a drop of 16" states its size.
fn absolute(mut e: Estimate) -> Estimate {
    if e.nominal.low < 0.0 && e.nominal.high <= 0.0 {
        e.nominal = Nominal::range(-e.nominal.high, -e.nominal.low);
        e.interval = e.interval.neg();
    }
    e
}

/// "1,200, 950 and 640 cases respectively, 2,790 cases in all"; "…, together 23.6 million".
fn total_stated<'c, 'a>(
    doc: &'c Document<'a>,
    r: usize,
    lead: &Lead<'_, '_>,
) -> Option<Working<'c, 'a>> {
    let result = &doc.quantities[r];
    let lead = lead.get();
    let marked = vocab::LEXICONS.total_leads.ends(lead)
        || opens_with_total_trail(trail_as_written(doc, result));
    if !marked {
        return None;
    }
    let head = result.quantity.unit.as_deref().map(subject::words);
    let parts: Vec<&ClaimContext<'a>> = earlier_in_sentence(doc, r)
        .iter()
        .filter(|c| {
            c.quantity.dimension == result.quantity.dimension
                && !c.quantity.reversed()
                && c.quantity.per == result.quantity.per
                && match (&head, c.quantity.unit.as_deref()) {
                    (Some(h), Some(u)) => subject::words(u) == *h,
                    _ => true,
                }
        })
        .collect();
    // Every figure of the sentence before the total is a part: a figure of another kind
    // among them ("86 pages in nine chapters") means the total is not their sum.
    if parts.len() < 2 || parts.len() != earlier_in_sentence(doc, r).len() {
        return None;
    }
    let mut sum = figure(doc, parts[0]);
    for c in &parts[1..] {
        sum = estimate::plus(&sum, &figure(doc, c), false).ok()?;
    }
    Some(Working {
        estimate: sum,
        inputs: parts.into_iter().map(|c| (c, "a part")).collect(),
        note: None,
    })
}

/// "1,200 workers who paid a total of $3.6 million in fees, an average of $3,000 each".
fn average_stated<'c, 'a>(
    doc: &'c Document<'a>,
    r: usize,
    lead: &Lead<'_, '_>,
) -> Option<Working<'c, 'a>> {
    let result = &doc.quantities[r];
    if !vocab::LEXICONS.average_leads.ends(lead.get()) {
        return None;
    }
    let earlier = earlier_in_sentence(doc, r);
    let total = earlier
        .iter()
        .rev()
        .find(|c| c.quantity.dimension == result.quantity.dimension)?;
    let count = earlier
        .iter()
        .rev()
        .find(|c| c.quantity.dimension == Dimension::Count && c.quantity.per.is_none())?;
    if std::ptr::eq(total, count) {
        return None;
    }
    let estimate = estimate::divided(&figure(doc, total), &figure(doc, count)).ok()?;
    Some(Working {
        estimate,
        inputs: vec![(total, "the total"), (count, "the count")],
        note: None,
    })
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        /// Comparing in any ASCII case answers as lowercasing the words and comparing did.
        #[test]
        fn a_total_trail_reads_as_lowercasing_did(
            parts in proptest::collection::vec(
                prop_oneof![
                    Just(" "), Just("IN ALL"), Just("in all"), Just("In Total"), Just("in"),
                    Just("Altogether"), Just("COMBINED"), Just("\u{130}"), Just("\u{212A}"),
                    Just("\u{1E9E}"), Just("é"), Just("x"), Just("\u{a0}"), Just(","),
                ],
                0..5,
            )
        ) {
            let after = parts.concat();
            let lower = after.to_lowercase();
            let by_lowercase = crate::vocab::TOTAL_TRAILS
                .iter()
                .any(|w| lower.trim_start().starts_with(w));
            prop_assert_eq!(super::opens_with_total_trail(&after), by_lowercase, "{:?}", after);
        }
    }
}
