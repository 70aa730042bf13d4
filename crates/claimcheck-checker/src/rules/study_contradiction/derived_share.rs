//! A share the registry does not publish but its counts give: when an edition holds a
//! subgroup's count and the whole's ("3.3 million children" of "27.6 million people in forced
//! labour"), a share of that subgroup stated for the series ("a fifth of the people in forced
//! labour are children") is set against their quotient (3.3 ÷ 27.6 = 12%).

use claimcheck_model::{Dimension, End, Interval, Quantity};

use crate::document::{ClaimContext, Document};
use crate::finding::{Against, Finding};
use crate::registry::{Concept, Measure, Scope, Study, Unit};
use crate::rules::{Context, Rule, Violation, cited, readable, source_note};
use crate::vocab::{self, Token};

use super::RULE;

/// A subgroup's count and its whole's, of one edition, and the share they give.
struct Quotient<'r> {
    part: &'r Study,
    whole: &'r Study,
    share: Interval,
}

/// The finding for a share claim that no quotient of its series' counts allows.
pub(super) fn check(doc: &Document<'_>, cx: &Context<'_>, c: &ClaimContext<'_>) -> Option<Finding> {
    // A majority ("most of the children") is vague, but its bound is what the words mean.
    let vague = c.mention.qualifier == Some(claimcheck_parser::Qualifier::Vague)
        && c.mention.form != claimcheck_parser::Form::Majority;
    if c.quantity.dimension != Dimension::Percent || c.quantity.reversed() || vague {
        return None;
    }
    let r = &c.reading;
    let studies = &cx.registry.studies;
    let named_series: Vec<&str> = r
        .named
        .iter()
        .filter_map(|i| studies.get(i))
        .map(|s| s.series.as_str())
        .collect();
    // A share written as a part's composition of a whole ("Children account for one out of
    // five people in forced labor") names its part and whole plainly enough to be checked
    // against every series' counts, cited or not: it contradicts only when none gives it.
    let composition = crate::matching::composition(
        doc.text,
        c.mention.span,
        c.claim.sentence,
        &c.reading.sentence,
    );
    // The figure's clause, from the figure to the next comma: "A fifth of the people in
    // forced labour are children", not "…, according to the 2022 Global Estimates of Modern
    // Slavery" (which names no concept of the claim's) nor "…, with almost half of those in
    // hazardous work".
    let rest = doc
        .text
        .get(c.mention.span.start..c.claim.sentence.end)
        .unwrap_or("");
    let clause_end = c.mention.span.start + rest.find([',', ';', '(']).unwrap_or(rest.len());
    let tokens = vocab::tokens_within(
        &c.reading.sentence,
        c.claim.sentence,
        doc.text,
        c.mention.span.start,
        clause_end,
    );
    // A share written as a partitive, the whole right after the figure and the part right
    // after a copula ("A third of people in modern slavery are children"), names its part
    // and whole as plainly as a composition does: it is checked cited or not.
    let after = after_figure(&tokens, c.mention.span.end);
    let partitive = |whole: Concept| after.as_ref().is_some_and(|a| partitive(a, whole));
    let uncited_whole = |whole: Concept| composition.is_some() || partitive(whole);
    if named_series.is_empty()
        && composition.is_none()
        && !Concept::ALL.iter().any(|&k| partitive(k))
    {
        return None;
    }
    // The concepts of a whole that the figure's own clause names (every concept's words are
    // found in one pass over it).
    let mut named_concepts = vocab::LEXICONS.concepts_in(&tokens);
    named_concepts.retain(|k| {
        matches!(
            k,
            Concept::ModernSlavery
                | Concept::ForcedLabour
                | Concept::ForcedMarriage
                | Concept::ChildLabour
                | Concept::ForcedSexualExploitation
        )
    });
    // The composition's whole may be named elsewhere in the sentence only when the figure's
    // own clause names none ("99% of all victims of forced sexual exploitation" is a share
    // of those, whatever else the sentence names).
    let whole_elsewhere = named_concepts.is_empty();
    let mut concepts = if named_concepts.is_empty() {
        r.clause_concepts.clone()
    } else {
        named_concepts
    };
    if whole_elsewhere && let Some(k) = &composition {
        concepts.extend(vocab::LEXICONS.concepts_in(&k.whole));
    }
    let is_count = |s: &Study| s.measure == Measure::Count && s.unit == Unit::Persons;
    let edition_fits = |s: &Study| {
        r.years.is_empty()
            || r.years.iter().any(|&y| {
                s.year == y
                    || s.edition.parse::<u16>().ok() == Some(y)
                    || (s.reference_start..=s.reference_end).contains(&y)
            })
    };
    // Uncited, a share is the current edition's: one a newer edition (published by the
    // article's date) superseded is not what the writer had before them.
    let current = |s: &Study| {
        doc.date.is_none_or(|d| s.year <= d.year)
            && cx
                .registry
                .get(&s.superseded_by)
                .is_none_or(|newer| doc.date.is_some_and(|d| newer.year > d.year))
    };
    let mut quotients = Vec::new();
    // What the loop below asks of the sentence depends on a whole's concept and a part's
    // subgroup, which many editions share: each is asked once per claim.
    let mut concept_end: [Option<Option<usize>>; Concept::ALL.len()] = [None; Concept::ALL.len()];
    // (Where the whole's words end, a subgroup): whether the words after them name it.
    let mut names_part: Vec<(Option<usize>, &str, bool)> = Vec::new();
    // A subgroup: whether the composition's part names it.
    let mut composes_part: Vec<(&str, bool)> = Vec::new();
    // The worldwide counts of everyone, each with its subgroups' counts: paired once for the
    // registry, not found by reading every row for each claim.
    for (wi, parts) in &cx.compositions.wholes {
        let (wi, Some(whole)) = (*wi, studies.get(*wi)) else {
            continue;
        };
        debug_assert!(is_count(whole) && whole.subgroup.is_empty() && whole.scope == Scope::Global);
        if !(named_series.contains(&whole.series.as_str())
            || named_series.is_empty() && uncited_whole(whole.concept) && current(whole))
            || !concepts.contains(&whole.concept)
            || !edition_fits(whole)
        {
            continue;
        }
        // The part is named after the whole: "of the people in forced labour are
        // children", not "of migrant workers … experienced forced labour" (a share of the
        // migrants, not of those in forced labour).
        let after_whole = *concept_end[whole.concept as usize].get_or_insert_with(|| {
            vocab::concept_terms(whole.concept)
                .iter()
                .filter_map(|t| vocab::find(&tokens, t).map(|k| k + t.split([' ', '-']).count()))
                .min()
        });
        // Or the part is the composition's, the whole named anywhere else in the sentence.
        let composed = composition
            .as_ref()
            .filter(|k| {
                after_whole.is_some()
                    || whole_elsewhere && vocab::LEXICONS.concept(whole.concept).any(&k.whole)
            })
            .map(|k| &k.part[..]);
        let predicate = match (after_whole, composed) {
            (Some(k), _) => &tokens[k.min(tokens.len())..],
            (None, Some(_)) => &[][..],
            (None, None) => continue,
        };
        for &pi in parts {
            let Some(part) = studies.get(pi) else {
                continue;
            };
            debug_assert!(
                is_count(part)
                    && !part.subgroup.is_empty()
                    && (&part.series, &part.edition, part.concept)
                        == (&whole.series, &whole.edition, whole.concept)
            );
            let subgroup = part.subgroup.as_str();
            let named = match names_part
                .iter()
                .find(|(k, g, _)| *k == after_whole && *g == subgroup)
            {
                Some(&(_, _, named)) => named,
                None => {
                    let named = vocab::any_registry_term(predicate, subgroup);
                    names_part.push((after_whole, subgroup, named));
                    named
                }
            };
            // The composition's part is the same for every whole that reads it.
            let mut composes = || match composes_part.iter().find(|(g, _)| *g == subgroup) {
                Some(&(_, composes)) => composes,
                None => {
                    let composes = composed.is_some_and(|p| vocab::any_registry_term(p, subgroup));
                    composes_part.push((subgroup, composes));
                    composes
                }
            };
            if !(named || composed.is_some() && composes()) {
                continue;
            }
            let (Some(p), Some(w)) = (cx.intervals.get(pi), cx.intervals.get(wi)) else {
                continue;
            };
            let Ok(share) = p.div(w).map(|q| q.scale(100.0)) else {
                continue;
            };
            quotients.push(Quotient { part, whole, share });
        }
    }
    // A claim that names no edition draws on the one whose counts the article quotes ("138
    // million children in child labour in 2024, of whom 54 million …"), when one does: an
    // older edition's counts, whose quotient may differ, are not the ones it has in mind.
    if r.years.is_empty() {
        let quoted = |s: &Study| {
            doc.quantities.iter().any(|q| {
                q.quantity.dimension == Dimension::Count && q.quantity.interval.contains(s.value)
            })
        };
        if quotients.iter().any(|q| quoted(q.part) && quoted(q.whole)) {
            quotients.retain(|q| quoted(q.part) && quoted(q.whole));
        }
    }
    // Any subgroup count the sentence names that gives the claim's share: it may be that one.
    if quotients.is_empty()
        || quotients
            .iter()
            .any(|q| q.share.overlaps(&c.quantity.interval))
    {
        return None;
    }
    // The broadest subgroup the sentence names: "women and girls" in forced labour, not
    // those of them in one sector.
    // Uncited, the newest edition's is the one to show.
    let cited = !named_series.is_empty();
    let q = quotients.iter().max_by(|a, b| {
        let newer = if cited {
            std::cmp::Ordering::Equal
        } else {
            a.whole.year.cmp(&b.whole.year)
        };
        newer.then(a.part.value.total_cmp(&b.part.value))
    })?;
    let unfit = UnfitShare {
        claim: doc.slice(c.mention.span),
        quantity: &c.quantity,
        quotient: q,
        cited,
    };
    let mut f = unfit.finding(doc, c);
    f.study = Some(q.part.id.clone());
    let nominal = q.nominal();
    let shown = Interval::new(q.share.lo, q.share.hi).unwrap_or(Interval {
        lo: End::Inclusive(nominal),
        hi: End::Inclusive(nominal),
    });
    Some(f.against(Against::Study, unfit.worked_out(), shown))
}

/// Words that may stand between a share and the whole it is of, in a partitive: "a third
/// of (all) (the) people in modern slavery", "half of those in forced labour".
const PARTITIVE_LEADS: &[&str] = &[
    "of", "the", "all", "people", "persons", "those", "victims", "in", "living",
];

/// The words after a share figure that may make it a partitive: from its "of" on, with how
/// many of them are [`PARTITIVE_LEADS`].
struct AfterFigure<'t> {
    tokens: &'t [Token],
    leads: usize,
}

/// The most words any concept's term has, as `find` may cut it.
static MOST_TERM_WORDS: std::sync::LazyLock<usize> = std::sync::LazyLock::new(|| {
    WHOLE_TERMS
        .iter()
        .flatten()
        .map(|t| t.reach)
        .max()
        .unwrap_or(0)
});

/// How many words `find` may cut a term into, at most.
fn term_words(term: &str) -> usize {
    term.split(|c: char| c.is_whitespace() || matches!(c, '-' | '\'' | '’'))
        .count()
}

/// A concept's term as [`partitive`] reads it, cut once (it is asked of every share read as a
/// partitive, for every concept).
struct WholeTerm {
    /// The term's words, as `find` cuts them.
    words: Vec<String>,
    /// How many words `find` may cut it into, at most ([`term_words`]).
    reach: usize,
    /// Where the copula stands after the term's first word: its words between spaces and
    /// hyphens.
    copula_after: usize,
}

/// Each concept's terms ([`vocab::concept_terms`]), cut once, indexed by concept.
static WHOLE_TERMS: std::sync::LazyLock<Vec<Vec<WholeTerm>>> = std::sync::LazyLock::new(|| {
    Concept::ALL
        .iter()
        .map(|&k| {
            vocab::concept_terms(k)
                .iter()
                .map(|term| WholeTerm {
                    words: vocab::term_word_list(term),
                    reach: term_words(term),
                    copula_after: term.split([' ', '-']).count(),
                })
                .collect()
        })
        .collect()
});

/// The clause `tokens` from the figure on (the figure ends at `figure_end`), if it may be a
/// partitive: it starts with "of", and a copula stands no further than a whole's term
/// starting at the first word that is no lead could reach.
fn after_figure(tokens: &[Token], figure_end: usize) -> Option<AfterFigure<'_>> {
    let tokens = &tokens[tokens.partition_point(|t| t.start < figure_end)..];
    if tokens.first().is_none_or(|t| t.word != "of") {
        return None;
    }
    let leads = tokens
        .iter()
        .take_while(|t| PARTITIVE_LEADS.contains(&t.word.as_str()))
        .count();
    let reach = (leads + *MOST_TERM_WORDS + 1).min(tokens.len());
    tokens[..reach]
        .iter()
        .any(|t| vocab::COPULAS.contains(&t.word.as_str()))
        .then_some(AfterFigure { tokens, leads })
}

/// Whether the clause after a figure is a partitive of `whole`: only [`PARTITIVE_LEADS`]
/// between the figure and the whole's term, and a copula right after it ("A third of people
/// in modern slavery are children"). A place or a time after the whole ("… in forced labour
/// in Brazil are …") makes it a share of another population, and no partitive.
fn partitive(after: &AfterFigure<'_>, whole: Concept) -> bool {
    let AfterFigure { tokens, leads } = *after;
    let terms = WHOLE_TERMS
        .get(whole as usize)
        .map_or(&[][..], Vec::as_slice);
    terms.iter().any(|term| {
        // The whole's term starts at or before the first word that is no lead: only there
        // can every word before it be a lead, so the search need not look further.
        let window = &tokens[..(leads + term.reach).min(tokens.len())];
        let Some(at) = vocab::find_words(window, &term.words).filter(|&at| at <= leads) else {
            return false;
        };
        tokens
            .get(at + term.copula_after)
            .is_some_and(|t| vocab::COPULAS.contains(&t.word.as_str()))
    })
}

impl Quotient<'_> {
    /// The share the two counts' stated values give, in percent.
    fn nominal(&self) -> f64 {
        100.0 * self.part.value / self.whole.value
    }
}

/// A share that does not fit the quotient of the cited edition's counts.
struct UnfitShare<'a> {
    /// The claim as written.
    claim: &'a str,
    /// The claim's share.
    quantity: &'a Quantity,
    /// The subgroup's count over the whole's.
    quotient: &'a Quotient<'a>,
    /// Whether the claim cites the study (else it is checked against any that publishes
    /// both counts).
    cited: bool,
}

impl UnfitShare<'_> {
    /// The other side of the number line, as worked out: "3.3 million ÷ 27.6 million".
    fn worked_out(&self) -> String {
        let q = self.quotient;
        format!("{} ÷ {}", q.part.value_text, q.whole.value_text)
    }
}

impl Violation for UnfitShare<'_> {
    fn rule(&self) -> &'static Rule {
        &RULE
    }

    fn message(&self) -> String {
        let q = self.quotient;
        format!(
            "“{}” does not fit the counts of {}: {} counts {} of {}, {}% ({})",
            self.claim,
            if self.cited {
                "the study it cites"
            } else {
                "any study that publishes both"
            },
            q.whole.publisher,
            q.part.value_text,
            q.whole.value_text,
            claimcheck_model::quantity::trim(round_to(q.nominal(), 1)),
            claimcheck_model::readable::interval(&q.share, &claimcheck_model::Dimension::Percent),
        )
    }

    fn label(&self) -> String {
        format!("the article: {}", readable(self.quantity))
    }

    fn notes(&self) -> Vec<String> {
        let q = self.quotient;
        let mut notes: Vec<String> = self
            .quantity
            .readings
            .iter()
            .map(ToString::to_string)
            .collect();
        notes.push(cited("the subgroup: ", q.part));
        notes.push(cited("the whole: ", q.whole));
        notes.push(source_note(q.whole));
        notes
    }
}

fn round_to(v: f64, decimals: i32) -> f64 {
    let k = 10f64.powi(decimals);
    (v * k).round() / k
}

#[cfg(test)]
mod tests {
    use super::{Concept, WHOLE_TERMS, vocab};

    /// The terms cut once stand at each concept's place, in the order of its list.
    #[test]
    fn whole_terms_are_each_concept_s() {
        for &k in Concept::ALL {
            let cut = &WHOLE_TERMS[k as usize];
            let terms = vocab::concept_terms(k);
            assert_eq!(cut.len(), terms.len(), "{k:?}");
            for (c, t) in cut.iter().zip(terms) {
                assert_eq!(c.words, vocab::term_word_list(t), "{t}");
            }
        }
    }
}
