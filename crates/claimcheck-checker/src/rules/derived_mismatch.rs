//! `derived-mismatch`: a stated figure that the document's other figures contradict.

use claimcheck_model::{Dimension, Estimate, Interval, Quantity, estimate};

use crate::document::{ClaimContext, Document};
use crate::finding::{Against, Finding, Severity};
use crate::rules::{Context, Rule, Violation, readable};

mod parts;
mod stated;

pub(crate) const RULE: Rule = Rule {
    name: "derived-mismatch",
    code: "CC003",
    severity: Severity::Error,
    default_on: true,
    summary: "a stated result disagrees with the figures it is worked out from",
    doc: "# derived-mismatch (CC003)

## What it does
Recomputes the arithmetic a sentence states and flags the result when the stated figure lies
outside what its inputs allow:
- X% of Y stated as Z (“23 percent of 100,000 to 200,000 a year, or about 70,000 victims”);
- parts that do not add up to the stated total (“24.9 million in forced labour and 15.4
  million in forced marriage, 45 million in all”);
- an amount per month × 12 stated as a yearly one (“500,000 workers each send home $200 a
  month, some $600 million a year”), and a rate restated over another period (“9,000 baht a
  month, or 108,000 baht a year”; “350 baht a day, or 9,100 baht a month for a 26-day month”);
- a share of a base named earlier by its noun (“About 20,000 women leave each year … about 15
  percent of the women had been trafficked. That works out to some 3,000 victims a year.”);
- a change stated beside its two figures (“rose from 12,000 to 18,000, a 50 percent
  increase”; “doubled from 3,100 to 6,200”, read as × 2 within the `about` tolerance), and a
  difference of two shares given in percent where percentage points were meant (“fell from 64
  percent to 48 percent, a drop of 16 percent” is a drop of 25 percent, or 16 points);
- an average stated beside its total and count (“1,200 workers who paid a total of $3.6
  million, an average of $3,000 each”);
- a percent change in a sentence that points back (“That is a 60 percent increase.”, “That's
  a 473% increase.”) and names no figure of its own, worked out from the change the sentence
  before states: its two ends (“rose from 12,000 to 18,000”), or its size (“an increase of
  $118.3 billion”, “fell by $57,000”) on the last figure of its kind before it — read as the
  level before the change or after it, and stated within one unit of its last digit (a
  writer's percentage is often cut, not rounded), so only a percentage that no reading fits
  is reported;
- a percent change stated beside the size of the change and the level it led to (“rose by
  1,138 students, or 5.8 percent, to 24,537”; “a 2 percent gain … That works out to 728 more
  students, for a total 23,750”), the level before being the level after less a rise or plus
  a fall, read the same way;
- the parts of a whole named with “Of the …”, side by side in its sentence and the next, that
  add up to more than it (“Of the 28 million victims, 24 million … 6.3 million …, and 4
  million …”); a part nested in another (“of whom”, “including”) is not added, and parts
  that fall short of their whole are not a fault.

Each reading needs the words that make a figure a result (“, or”, “that works out to”, “in
all”, “together”, “an average of”, “an increase of”); the figures of a total are its parts
only when every figure before it in the sentence counts the same noun, so “nine songs and
two interludes run a total of 48 minutes” adds nothing up.

## Why it matters
Arithmetic a reader can redo is the easiest error to catch, and the most embarrassing.

## Example
“500,000 workers each send home $200 a month, some $600 million a year”: 500,000 × $200 ×
12 is $1.2 billion.

## Options
Tolerances come from the model's conventions: the stated result's hedge (“about”, “some”)
and rounding widen it before the comparison.
",
    check,
};

/// Words that mark a figure as the total of the others in its sentence.
const TOTAL_WORDS: &[&str] = &[
    "in all",
    "in total",
    "altogether",
    "a total of",
    "combined",
    "total of",
];

fn check(doc: &Document<'_>, context: &Context<'_>, out: &mut Vec<Finding>) {
    for (first, run) in doc.by_sentence() {
        let group: Vec<&ClaimContext<'_>> = run.iter().collect();
        let before = out.len();
        check_sentence(doc, &group, out);
        // The stated results the sentence-end check has not already judged.
        let judged: Vec<_> = out[before..].iter().map(|f| f.span).collect();
        for (r, result) in run.iter().enumerate() {
            if judged.contains(&result.mention.span) {
                continue;
            }
            if let Some(f) = stated::check(doc, context, first + r) {
                out.push(f);
            }
        }
    }
    let before = out.len();
    parts::check(doc, out);
    // A whole already judged as a stated total keeps that finding only.
    let judged: Vec<_> = out[..before].iter().map(|f| f.span).collect();
    let mut k = before;
    while k < out.len() {
        if judged.contains(&out[k].span) {
            out.remove(k);
        } else {
            k += 1;
        }
    }
}

fn operand(doc: &Document<'_>, c: &ClaimContext<'_>) -> estimate::Operand {
    estimate::Operand {
        quantity: c.quantity.clone(),
        text: doc.slice(c.mention.span).to_owned(),
        span: c.mention.span,
        subject: c.claim.subject.map(|s| doc.slice(s).to_owned()),
    }
}

/// What the words between two figures start with when they restate the first, lowercase
/// ("or " with a space, so that "order" is not one).
const RESTATING: &[&str] = &[
    "or ",
    "i.e.",
    "that is",
    "—",
    "–",
    "(",
    "some",
    "about",
    "roughly",
    "nearly",
    "around",
    "equal to",
    "amounting to",
    "totalling",
    "totaling",
];

/// Whether the words between two figures restate a result: ", or about", " — some", "i.e.".
/// Only their start is read, in any ASCII case: every word looked for is ASCII but the
/// dashes, so no lowercase copy of the words is made (they may be a long stretch of a
/// sentence).
fn restates(between: &str) -> bool {
    let b = between.trim();
    let after_comma = b.trim_start_matches(',').trim_start();
    RESTATING
        .iter()
        // "or " with nothing after it: the hedge ("some") belongs to the next figure's span.
        .any(|w| {
            claimcheck_parser::starts_with_ci(after_comma, w)
                || after_comma.eq_ignore_ascii_case(w.trim_end())
        })
        || b == ","
}

/// Whether `b` is the base of the share `a`: "23 percent of 100,000 workers".
fn share_of(doc: &Document<'_>, a: &ClaimContext<'_>, b: &ClaimContext<'_>) -> bool {
    let Some(between) = doc.text.get(a.mention.span.end..b.mention.span.start) else {
        return false;
    };
    let between = between.trim().to_lowercase();
    between == "of" || between == "of the" || between == "of all"
}

/// The text between a figure (with its counted noun and period) and the next one.
fn gap<'a>(doc: &Document<'a>, a: &ClaimContext<'_>, b: &ClaimContext<'_>) -> &'a str {
    let mut end = a
        .mention
        .unit
        .map_or(a.mention.span.end, |u| u.end.max(a.mention.span.end))
        .min(b.mention.span.start);
    let rest = &doc.text[end..b.mention.span.start];
    for p in [
        "a month",
        "per month",
        "a year",
        "per year",
        "annually",
        "a week",
        "a day",
        "each",
        "every month",
        "each month",
    ] {
        if let Some(r) = rest.trim_start().strip_prefix(p) {
            end = b.mention.span.start - r.len();
            break;
        }
    }
    &doc.text[end.min(b.mention.span.start)..b.mention.span.start]
}

fn check_sentence(doc: &Document<'_>, group: &[&ClaimContext<'_>], out: &mut Vec<Finding>) {
    if group.len() < 2 {
        return;
    }
    let last = group[group.len() - 1];
    // "Of the 49.6 million …, 27.6 million … and 22 million …, a total of 52 million": the
    // whole the sentence opens with is not one of the parts.
    let skip = usize::from(parts::is_whole(doc, group[0]));
    let inputs = &group[skip.min(group.len() - 1)..group.len() - 1];
    let lead = doc
        .text
        .get(group[group.len() - 2].mention.span.end..last.mention.span.start)
        .unwrap_or("")
        .to_lowercase();
    let after_last = doc
        .text
        .get(last.mention.span.end..last.claim.sentence.end)
        .unwrap_or("")
        .to_lowercase();
    let total_marked = TOTAL_WORDS
        .iter()
        .any(|w| lead.trim_end().ends_with(w) || after_last.trim_start().starts_with(w))
        || after_last.trim_start().starts_with("people in all")
        || after_last
            .split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ")
            .contains("in all");
    // Parts and their total: of one dimension, and counting one noun where they name one
    // ("nine songs and two interludes run a total of 48 minutes" adds nothing up).
    let nouns: std::collections::BTreeSet<_> = group
        .iter()
        .filter_map(|c| c.quantity.unit.as_deref())
        .map(claimcheck_model::subject::words)
        .collect();
    if total_marked
        && inputs.len() >= 2
        && nouns.len() <= 1
        && inputs
            .iter()
            .all(|c| c.quantity.dimension == last.quantity.dimension)
    {
        let mut sum = inputs[0].quantity.interval;
        for c in &inputs[1..] {
            sum = sum.add(&c.quantity.interval);
        }
        if !sum.overlaps(&last.quantity.interval) {
            let total = DerivedMismatch::Total {
                parts: inputs.iter().map(|c| doc.slice(c.mention.span)).collect(),
                nominal: inputs.iter().map(|c| c.quantity.nominal.low).sum(),
                sum,
                stated: doc.slice(last.mention.span),
                quantity: &last.quantity,
            };
            let mut f = total.finding(doc, last);
            for c in inputs {
                f.related.push(super::related(doc, c, "a part"));
            }
            out.push(f.against(Against::Derived, total.worked_out(), sum));
        }
        return;
    }
    // "Of the 100,000 to 200,000 who cross each year, 23 percent are trafficked, or about
    // 70,000": the share of the whole its clause is headed by.
    let headed = skip == 1 && inputs.len() == 1;
    let (x, y) = match inputs {
        [share] if headed => (*share, group[0]),
        [.., x, y] => (*x, *y),
        _ => return,
    };
    // A share heading its clause is followed by what it says of the whole ("23 percent are
    // trafficked, or about 70,000"): the restating words follow the clause's last comma.
    let between = if headed {
        let g = gap(doc, x, last);
        g.rfind(',').map_or(g, |k| &g[k..])
    } else {
        gap(doc, y, last)
    };
    if !restates(between) {
        return;
    }
    let (a, b) = (operand(doc, x), operand(doc, y));
    let derived = match (&a.quantity.dimension, &b.quantity.dimension) {
        // "23 percent of 100,000 to 200,000 a year, or about 70,000"
        (Dimension::Percent, Dimension::Count)
            if (headed || share_of(doc, x, y)) && last.quantity.dimension == Dimension::Count =>
        {
            estimate::share_of(&a, &b).ok()
        }
        // "500,000 workers each send home $200 a month, some $600 million a year"
        (Dimension::Count, Dimension::Money(_))
            if b.quantity
                .per
                .is_some_and(|p| p != claimcheck_model::Period::Year)
                && last.quantity.per == Some(claimcheck_model::Period::Year) =>
        {
            estimate::product(&a, &b)
                .ok()
                .and_then(|e| estimate::annualise(&e))
        }
        _ => None,
    };
    let Some(e) = derived else {
        return;
    };
    if e.dimension != last.quantity.dimension || e.interval.overlaps(&last.quantity.interval) {
        return;
    }
    let worked = DerivedMismatch::Worked {
        stated: doc.slice(last.mention.span),
        quantity: &last.quantity,
        estimate: &e,
    };
    let mut f = worked.finding(doc, last);
    for c in [x, y] {
        f.related.push(super::related(doc, c, "an input"));
    }
    out.push(f.against(Against::Derived, e.expression, e.interval));
}

/// A stated figure that the figures it is worked out from contradict.
enum DerivedMismatch<'a> {
    /// Parts that do not add up to their stated total.
    Total {
        /// The parts as written.
        parts: Vec<&'a str>,
        /// The sum of their stated values.
        nominal: f64,
        /// Every value their sum can take.
        sum: Interval,
        /// The total as written.
        stated: &'a str,
        /// The total.
        quantity: &'a Quantity,
    },
    /// A figure restated from two inputs (a share of a count, a rate over a year).
    Worked {
        /// The result as written.
        stated: &'a str,
        /// The result.
        quantity: &'a Quantity,
        /// What the inputs work out to.
        estimate: &'a Estimate,
    },
}

/// Figures as written, quoted and added: "“1,200” + “950”".
fn quoted_sum(parts: &[&str]) -> String {
    parts
        .iter()
        .map(|p| format!("“{p}”"))
        .collect::<Vec<_>>()
        .join(" + ")
}

impl DerivedMismatch<'_> {
    /// The other side of the number line, as worked out: "“1,200” + “950”".
    fn worked_out(&self) -> String {
        match self {
            DerivedMismatch::Total { parts, .. } => quoted_sum(parts),
            DerivedMismatch::Worked { estimate, .. } => estimate.expression.clone(),
        }
    }
}

impl Violation for DerivedMismatch<'_> {
    fn rule(&self) -> &'static Rule {
        &RULE
    }

    fn message(&self) -> String {
        use claimcheck_model::readable::{interval, value};
        match self {
            DerivedMismatch::Total {
                nominal,
                sum,
                stated,
                quantity,
                ..
            } => format!(
                "the parts {} add up to {} ({}), not “{stated}”",
                self.worked_out(),
                value(*nominal, &quantity.dimension),
                interval(sum, &quantity.dimension),
            ),
            DerivedMismatch::Worked {
                stated,
                estimate: e,
                ..
            } => format!(
                "“{stated}” does not follow from its inputs: {} = {}",
                e.expression,
                worked_out(e),
            ),
        }
    }

    fn label(&self) -> String {
        match self {
            DerivedMismatch::Total { quantity, .. } | DerivedMismatch::Worked { quantity, .. } => {
                format!("stated: {}", readable(quantity))
            }
        }
    }

    fn notes(&self) -> Vec<String> {
        match self {
            DerivedMismatch::Total { .. } => Vec::new(),
            DerivedMismatch::Worked { estimate, .. } => estimate
                .assumptions
                .iter()
                .map(|a| format!("assuming {a}"))
                .collect(),
        }
    }
}

/// What an estimate works out to, for a message, in the units its figures are written in: the
/// value (or range) its inputs give, then, where their rounding allows more, every value it
/// allows: "$3,000 ($2,960–3,040)", "50%".
pub(crate) fn worked_out(e: &Estimate) -> String {
    use claimcheck_model::readable::{interval, value};
    let low = e.nominal.low.min(e.nominal.high);
    let high = e.nominal.low.max(e.nominal.high);
    let nominal = if e.nominal.is_single() {
        value(low, &e.dimension)
    } else {
        interval(
            &claimcheck_model::Interval {
                lo: claimcheck_model::End::Inclusive(low),
                hi: claimcheck_model::End::Inclusive(high),
            },
            &e.dimension,
        )
    };
    let allowed = interval(&e.interval, &e.dimension);
    if allowed == nominal {
        nominal
    } else {
        format!("{nominal} ({allowed})")
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    /// The first reading: the words lowercased whole, then their start compared.
    fn restates_lowercased(between: &str) -> bool {
        let b = between.to_lowercase();
        let b = b.trim();
        super::RESTATING.iter().any(|w| {
            let after_comma = b.trim_start_matches(',').trim_start();
            after_comma.starts_with(w) || after_comma == w.trim_end()
        }) || b == ","
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        /// Reading the start in any ASCII case answers as lowercasing the whole did.
        #[test]
        fn restates_reads_as_lowercasing_did(
            parts in proptest::collection::vec(
                prop_oneof![
                    Just("Or "), Just("or"), Just("OR "), Just(", "), Just(","), Just(" "),
                    Just("I.E."), Just("That is"), Just("—"), Just("–"), Just("("), Just("Some"),
                    Just("ABOUT"), Just("roughly"), Just("Equal to"), Just("amounting TO"),
                    Just("Totalling"), Just("totaling"), Just("İ"), Just("\u{212A}"), Just("é"),
                    Just("nearly"), Just("Around"), Just("x"), Just("\u{a0}"),
                ],
                0..6,
            )
        ) {
            let between = parts.concat();
            prop_assert_eq!(super::restates(&between), restates_lowercased(&between), "{:?}", between);
        }
    }
}
