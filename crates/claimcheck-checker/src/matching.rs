//! Matching a claim to the registry figures it may cite, with discipline.
//!
//! A claim is read once ([`Reading`]): the concepts its clause names (its subject,
//! predicate, counted noun and attribution; else its sentence; else the sentence before), the
//! publishers and series its sentence or attribution names (one Aho-Corasick automaton over
//! every registry name finds them, once per sentence read), the years that stand with it, and
//! whether it counts people. A registry row is then considered when the claim is of the
//! row's kind (a share for a share, persons for persons, money for money) and either its
//! topic or its value fits. The evidence for and against each row considered
//! ([`StudyMatch::evidence`]) is put together from its flags when `claimcheck explain` prints
//! it.
//!
//! Confidence:
//! - **high**: the sentence or attribution names the row's publisher or series, and the
//!   clause names its concept and any subgroup or place it is about;
//! - **medium**: nothing names the source, but concept, subgroup and place agree and the
//!   claim's value fits a figure distinctive enough to stand alone (40.3 million, not 20
//!   percent);
//! - anything else is not a match, only a row considered.
//!
//! A row's published bounds ("at least 12.3 million") say how to check a claim that cites it,
//! never which claims cite it: whether a value fits a row is decided on the row's rounded
//! value, and only a claim that cites the row is compared with its full interval.

use std::sync::Arc;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use claimcheck_model::{End, Interval, ModelConventions, Quantity};
use claimcheck_parser::{Claim, Extractor, Kind, Mention, Span};

use crate::registry::{Concept, Measure, Registry, Scope, Study, Unit};
use crate::vocab::{self, Token};

/// How sure a match is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Confidence {
    /// Value, concept and subgroup agree, but nothing names the source.
    Medium,
    /// The claim names the source, and concept and subgroup agree.
    High,
}

/// How the claim names a row's source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Attribution {
    /// Nothing names it.
    None,
    /// A family of publishers that includes it ("a UN report" for UNODC).
    Family,
    /// Its publisher, an alias or its series is named.
    Named,
}

/// A registry row considered for a claim, with the evidence.
#[derive(Debug, Clone, Copy)]
pub struct StudyMatch<'a> {
    /// The figure.
    pub study: &'a Study,
    /// Every value its published words allow (bounds included).
    pub interval: Interval,
    /// Its value as rounded, without one-sided bounds: what decides which claims may cite it.
    pub core: Interval,
    /// How the claim names its source.
    pub attribution: Attribution,
    /// Whether the claim's clause (or attribution) names the row's concept.
    pub topic: bool,
    /// Whether the sentence names the row's subgroup and place (true when it has none).
    pub subgroup: bool,
    /// Whether the claim's years fit the row's edition; `None` when the claim gives none.
    pub year_ok: Option<bool>,
    /// Whether the claim's interval overlaps the row's full interval.
    pub overlaps: bool,
    /// Whether the claim's interval overlaps the row's rounded value.
    pub fits: bool,
    /// Whether the claim's value is distinctive enough to stand for this row alone.
    pub distinctive: bool,
    /// The match's confidence, if it is a match at all.
    pub confidence: Option<Confidence>,
    /// Whether the claim is about the figure's measure (kept for the rules' sake: the topic
    /// and subgroup agree and the year, if any, fits).
    pub same_measure: bool,
    /// Whether the claim writes this row's figure as published, with a one-sided hedge that
    /// excludes the figure's value ("more than 160 million" for 160 million, "over 50
    /// million" for 49.6 million published as 50 million): it cites the row by its number,
    /// attributed or not, and says something the row does not.
    pub hedged_past: bool,
}

impl<'a> StudyMatch<'a> {
    /// The evidence for (`true`) and against (`false`) the row, as data. Only `claimcheck
    /// explain` writes it out, so it is put together when asked for, not for every row
    /// considered. `years` are the claim's years (its reading's).
    pub fn evidence(&self, years: &[u16]) -> Vec<(bool, Evidence<'a>)> {
        let study = self.study;
        let mut evidence = vec![(
            self.topic,
            Evidence::Concept {
                concept: study.concept,
            },
        )];
        if !study.subgroup.is_empty() || matches!(study.scope, Scope::National | Scope::Regional) {
            evidence.push((self.subgroup, Evidence::SubgroupOrPlace { study }));
        }
        evidence.push((
            self.attribution != Attribution::None,
            Evidence::Source {
                attribution: self.attribution,
                study,
            },
        ));
        if let Some(ok) = self.year_ok {
            evidence.push((
                ok,
                Evidence::Years {
                    years: years.to_vec(),
                    study,
                },
            ));
        }
        evidence.push((self.fits, Evidence::Figure { core: self.core }));
        if self.overlaps != self.fits {
            evidence.push((
                self.overlaps,
                Evidence::Published {
                    interval: self.interval,
                },
            ));
        }
        if self.fits || self.distinctive {
            evidence.push((self.distinctive, Evidence::Distinctive));
        }
        if self.hedged_past {
            evidence.push((
                false,
                Evidence::HedgedPast {
                    value: study.claim_value(),
                },
            ));
        }
        evidence
    }
}

impl StudyMatch<'_> {
    /// Whether the claim may be this row's figure, so that it contradicts no other: its value
    /// overlaps the row's published interval (its cited interval, for a one-sided claim:
    /// `bounded`). A row open on one side ("at least 12.3 million") counts only when the claim
    /// fits its figure itself, since its bound says how to check a claim that cites it, never
    /// which claims cite it; a row whose figure the claim hedges past never counts.
    pub fn may_be_its_figure(&self, cited: &Interval, bounded: bool) -> bool {
        let open = self.interval.lo.value().is_none() || self.interval.hi.value().is_none();
        let fits = if bounded {
            cited.overlaps(&self.core)
        } else {
            self.fits
        };
        !self.hedged_past
            && self.overlaps
            && (!bounded || self.interval.overlaps(cited))
            && (!open || fits)
    }

    /// Why the row was accepted or rejected, in words.
    pub fn verdict(&self) -> &'static str {
        match self.confidence {
            Some(Confidence::High) => "accepted: the source is named and the topic fits",
            Some(Confidence::Medium) if self.attribution == Attribution::Family => {
                "accepted: the topic fits and a family of publishers that includes it is named"
            }
            Some(Confidence::Medium) => {
                "accepted: the topic fits and the figure is distinctive enough to stand alone"
            }
            None if !self.topic => "rejected: the clause does not name its concept",
            None if !self.subgroup => "rejected: the sentence does not name its subgroup or place",
            None => "rejected: neither named nor distinctive",
        }
    }
}

/// One piece of evidence for or against a row, kept as data and written out only when
/// `claimcheck explain` prints it (the flag beside it in [`StudyMatch::evidence`] says whether
/// it holds).
#[derive(Debug, Clone, PartialEq)]
pub enum Evidence<'a> {
    /// The claim names the row's concept.
    Concept {
        /// The row's concept.
        concept: Concept,
    },
    /// The sentence names the row's subgroup or place.
    SubgroupOrPlace {
        /// The row.
        study: &'a Study,
    },
    /// The row's publisher is named, or a family that holds it.
    Source {
        /// How it is named.
        attribution: Attribution,
        /// The row.
        study: &'a Study,
    },
    /// The claim's years fit the edition.
    Years {
        /// The claim's years.
        years: Vec<u16>,
        /// The row.
        study: &'a Study,
    },
    /// The claim's value fits the row's figure.
    Figure {
        /// The row's figure as rounded.
        core: Interval,
    },
    /// The claim's value overlaps the row's published interval.
    Published {
        /// The row's published interval.
        interval: Interval,
    },
    /// The claim's figure is distinctive enough to stand alone.
    Distinctive,
    /// The claim writes the row's figure with a hedge that excludes its value.
    HedgedPast {
        /// The row's value.
        value: f64,
    },
}

impl Evidence<'_> {
    /// The evidence in words, given whether it holds.
    pub fn describe(&self, holds: bool) -> String {
        match self {
            Evidence::Concept { concept } => format!(
                "concept {concept}: {}",
                if holds {
                    "named by the claim"
                } else {
                    "not named by the claim"
                }
            ),
            Evidence::SubgroupOrPlace { study } => format!(
                "subgroup/place `{}`: {}",
                if study.subgroup.is_empty() {
                    &study.geography
                } else {
                    &study.subgroup
                },
                if holds { "named" } else { "not named" }
            ),
            Evidence::Source { attribution, study } => match attribution {
                Attribution::Named => format!("source named ({})", study.publisher),
                Attribution::Family => format!(
                    "a family of publishers named, which includes {}",
                    study.publisher
                ),
                Attribution::None => format!("{} not named", study.publisher),
            },
            Evidence::Years { years, study } => format!(
                "years {:?} {} the edition (published {}, data {}–{})",
                years,
                if holds { "fit" } else { "do not fit" },
                study.year,
                study.reference_start,
                study.reference_end
            ),
            Evidence::Figure { core } => format!(
                "value {} its figure {}",
                if holds { "fits" } else { "does not fit" },
                claimcheck_model::quantity::show(core)
            ),
            Evidence::Published { interval } => format!(
                "value {} its published interval {}",
                if holds {
                    "overlaps"
                } else {
                    "does not overlap"
                },
                claimcheck_model::quantity::show(interval)
            ),
            Evidence::Distinctive => if holds {
                "distinctive enough to stand alone"
            } else {
                "not distinctive enough to stand alone"
            }
            .to_owned(),
            Evidence::HedgedPast { value } => format!(
                "its figure as published, hedged so as to exclude its value {}",
                claimcheck_model::quantity::show(&Interval::point(*value))
            ),
        }
    }
}

/// A set of registry rows, by index: a bit per row. A name such as "ILO" or "the Global
/// Estimates" names dozens of rows, and every claim of a sentence that holds one starts from
/// the sentence's set: adding, copying and looking up rows here is a few words' work (a
/// B-tree of the rows was a tenth of `check` on sentences of the field). Rows iterate in
/// ascending order, as a B-tree's do.
#[derive(Debug, Clone, Default)]
pub struct RowSet {
    /// Bit `i % 64` of word `i / 64` is set for row `i`.
    words: Vec<u64>,
}

impl RowSet {
    /// Adds a row.
    pub fn insert(&mut self, row: usize) {
        let word = row / 64;
        if self.words.len() <= word {
            self.words.resize(word + 1, 0);
        }
        self.words[word] |= 1 << (row % 64);
    }

    /// Adds every row of `other`.
    pub fn union_with(&mut self, other: &RowSet) {
        if self.words.len() < other.words.len() {
            self.words.resize(other.words.len(), 0);
        }
        for (w, o) in self.words.iter_mut().zip(&other.words) {
            *w |= o;
        }
    }

    /// Whether `row` is in the set.
    pub fn contains(&self, row: usize) -> bool {
        self.words
            .get(row / 64)
            .is_some_and(|w| w & (1 << (row % 64)) != 0)
    }

    /// Whether the set holds no row.
    pub fn is_empty(&self) -> bool {
        self.words.iter().all(|&w| w == 0)
    }

    /// How many rows the set holds.
    pub fn len(&self) -> usize {
        self.words.iter().map(|w| w.count_ones() as usize).sum()
    }

    /// The rows, in ascending order.
    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.words.iter().enumerate().flat_map(|(k, &word)| {
            let mut rest = word;
            std::iter::from_fn(move || {
                (rest != 0).then(|| {
                    let bit = rest.trailing_zeros() as usize;
                    rest &= rest - 1;
                    k * 64 + bit
                })
            })
        })
    }
}

impl FromIterator<usize> for RowSet {
    fn from_iter<I: IntoIterator<Item = usize>>(rows: I) -> Self {
        let mut set = RowSet::default();
        for row in rows {
            set.insert(row);
        }
        set
    }
}

/// Every publisher and alias name of the registry, found in a text in one pass.
#[derive(Debug, Clone)]
pub struct Names {
    automaton: Option<AhoCorasick>,
    /// Each pattern as written (for the case check of acronyms).
    patterns: Vec<String>,
    /// Each pattern's rows; empty for a family name ("United Nations").
    rows: Vec<RowSet>,
    /// The rows' subgroups and places.
    places: Places,
    /// For each name in ASCII lowercase, a row of the one series every row of that name (in
    /// any ASCII case) belongs to; `None` where the rows are of several series.
    one_series: std::collections::HashMap<String, Option<usize>>,
}

/// What a sentence must name for a row to fit: its subgroup stems and, for a national or
/// regional row with no subgroup, its place.
#[derive(Debug, Clone, PartialEq, Eq)]
struct PlaceTerms {
    subgroup: String,
    place: Option<String>,
}

impl PlaceTerms {
    fn of(study: &Study) -> Self {
        let subgroup = study.subgroup.trim().to_owned();
        let place = match study.scope {
            Scope::National | Scope::Regional if subgroup.is_empty() => {
                let g = study
                    .geography
                    .split([',', '(', ';'])
                    .next()
                    .unwrap_or("")
                    .trim();
                Some(g.strip_prefix("the ").unwrap_or(g).to_owned())
            }
            _ => None,
        };
        PlaceTerms { subgroup, place }
    }
}

/// The lexicon's terms a sentence needs for one [`PlaceTerms`]: one of its subgroup's
/// alternatives (`None` when it has no subgroup) and any of its place's terms (`None` when it
/// needs no place; an empty list never fits).
#[derive(Debug, Clone)]
struct PlaceNeeds {
    subgroup: Option<Vec<SubgroupAlternative>>,
    place: Option<Vec<usize>>,
}

/// One `|` alternative of a subgroup: its terms as written, and, for "A and B", the terms of
/// each part, which may be named in either order or apart.
#[derive(Debug, Clone)]
struct SubgroupAlternative {
    whole: Vec<usize>,
    parts: Vec<Vec<usize>>,
}

/// The subgroups and places of every row, compiled into one lexicon so that a sentence is
/// read once for all of them.
#[derive(Debug, Clone)]
struct Places {
    lexicon: vocab::Lexicon,
    /// What each distinct [`PlaceTerms`] needs.
    needs: Vec<PlaceNeeds>,
    /// For each row, its entry in `needs`.
    of_row: Vec<usize>,
    /// For each row, whether it fits a sentence that names no place and no subgroup: only
    /// the rows that need neither do. Most sentences name none, and share this.
    fit_by_none: Arc<[bool]>,
    /// For each term of `lexicon`, the entries of `needs` that name it. An entry that needs a
    /// place or a subgroup fits only where one of its terms is named here, so a sentence's
    /// fit is `fit_by_none` with the rows of the entries its terms touch, and the others are
    /// not read.
    needs_of_term: Vec<Vec<usize>>,
    /// For each entry of `needs`, its rows.
    rows_of_need: Vec<Vec<usize>>,
}

impl Places {
    fn new(registry: &Registry) -> Self {
        let mut distinct: Vec<PlaceTerms> = Vec::new();
        let of_row: Vec<usize> = registry
            .studies
            .iter()
            .map(|s| {
                let terms = PlaceTerms::of(s);
                distinct
                    .iter()
                    .position(|p| *p == terms)
                    .unwrap_or_else(|| {
                        distinct.push(terms);
                        distinct.len() - 1
                    })
            })
            .collect();
        // Every list to compile: each place, each subgroup alternative and each of its parts.
        let mut lists: Vec<&str> = Vec::new();
        for p in &distinct {
            lists.push(p.place.as_deref().unwrap_or(""));
            for alternative in alternatives(&p.subgroup) {
                lists.push(alternative);
                lists.extend(parts(alternative));
            }
        }
        let (lexicon, ids) = vocab::Lexicon::registry(&lists);
        let mut ids = ids.into_iter();
        let needs: Vec<PlaceNeeds> = distinct
            .iter()
            .map(|p| {
                let place_ids = ids.next().unwrap_or_default();
                let place = p
                    .place
                    .as_ref()
                    .filter(|g| !g.is_empty())
                    .map(|_| place_ids);
                let subgroup_alternatives: Vec<SubgroupAlternative> = alternatives(&p.subgroup)
                    .map(|alternative| {
                        let whole = ids.next().unwrap_or_default();
                        let parts = parts(alternative)
                            .map(|_| ids.next().unwrap_or_default())
                            .collect();
                        SubgroupAlternative { whole, parts }
                    })
                    .collect();
                let subgroup = (!p.subgroup.is_empty()).then_some(subgroup_alternatives);
                PlaceNeeds { subgroup, place }
            })
            .collect();
        let fit_by_none = of_row
            .iter()
            .map(|&k| needs[k].place.is_none() && needs[k].subgroup.is_none())
            .collect();
        let mut needs_of_term: Vec<Vec<usize>> = Vec::new();
        for (k, need) in needs.iter().enumerate() {
            let subgroup_terms = need
                .subgroup
                .iter()
                .flatten()
                .flat_map(|a| a.whole.iter().chain(a.parts.iter().flatten()).copied());
            for id in need.place.iter().flatten().copied().chain(subgroup_terms) {
                if needs_of_term.len() <= id {
                    needs_of_term.resize(id + 1, Vec::new());
                }
                if needs_of_term[id].last() != Some(&k) {
                    needs_of_term[id].push(k);
                }
            }
        }
        let mut rows_of_need = vec![Vec::new(); needs.len()];
        for (row, &k) in of_row.iter().enumerate() {
            rows_of_need[k].push(row);
        }
        Places {
            lexicon,
            needs,
            of_row,
            fit_by_none,
            needs_of_term,
            rows_of_need,
        }
    }

    /// Whether an entry of `needs` fits a sentence whose terms `here` names, with `there`
    /// those of the sentence before (empty when it is not read).
    fn need_fits(need: &PlaceNeeds, here: &[bool], there: &[bool]) -> bool {
        let in_here = |ids: &Vec<usize>| ids.iter().any(|&id| here[id]);
        let in_there = |ids: &Vec<usize>| ids.iter().any(|&id| there.get(id) == Some(&true));
        let place_fits = need.place.as_ref().is_none_or(in_here);
        let subgroup_fits = || {
            need.subgroup.as_ref().is_none_or(|alternatives| {
                alternatives.iter().any(|a| {
                    in_here(&a.whole)
                        || a.parts.len() > 1
                            && a.parts.iter().any(in_here)
                            && a.parts.iter().all(|p| in_here(p) || in_there(p))
                })
            })
        };
        place_fits && subgroup_fits()
    }

    /// For each row, whether the sentence names its subgroup and place; `before` is the
    /// sentence before when a pronoun refers to it (else empty), which may name one part of
    /// a subgroup "A and B".
    fn fit(&self, tokens: &[Token], before: &[Token]) -> Arc<[bool]> {
        let here = self.lexicon.present(tokens);
        // A part named only in the sentence before counts only beside one named here.
        if !here.contains(&true) {
            return Arc::clone(&self.fit_by_none);
        }
        let there = if before.is_empty() {
            Vec::new()
        } else {
            self.lexicon.present(before)
        };
        // Only the entries a term named here touches can fit beyond those that need nothing.
        let mut touched: Vec<usize> = here
            .iter()
            .enumerate()
            .filter(|&(_, &named)| named)
            .flat_map(|(id, _)| self.needs_of_term.get(id).into_iter().flatten().copied())
            .collect();
        touched.sort_unstable();
        touched.dedup();
        let mut fits = self.fit_by_none.to_vec();
        for k in touched {
            if Self::need_fits(&self.needs[k], &here, &there) {
                for &row in &self.rows_of_need[k] {
                    fits[row] = true;
                }
            }
        }
        // Tests (debug builds) hold it to every entry read.
        debug_assert!(
            fits.iter()
                .zip(&self.of_row)
                .all(|(&f, &k)| f == Self::need_fits(&self.needs[k], &here, &there))
        );
        fits.into()
    }
}

/// The `|` alternatives of a registry subgroup.
fn alternatives(subgroup: &str) -> impl Iterator<Item = &str> {
    subgroup.split('|').map(str::trim).filter(|a| !a.is_empty())
}

/// The parts of a subgroup alternative "A and B" (one part when it has no "and").
fn parts(alternative: &str) -> impl Iterator<Item = &str> {
    alternative.split(" and ").map(str::trim)
}

/// A name found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NameHit {
    /// Where it is.
    pub span: Span,
    /// Which pattern.
    pattern: usize,
}

impl Names {
    /// The automaton over a registry's names and the United Nations family names.
    pub fn new(registry: &Registry) -> Self {
        let mut patterns: Vec<String> = Vec::new();
        let mut rows: Vec<RowSet> = Vec::new();
        for (i, s) in registry.studies.iter().enumerate() {
            for n in s.names() {
                match patterns.iter().position(|p| p == n) {
                    Some(k) => rows[k].insert(i),
                    None => {
                        patterns.push(n.to_owned());
                        rows.push(RowSet::from_iter([i]));
                    }
                }
            }
        }
        for f in ["UN", "United Nations", "U.N."] {
            if !patterns.iter().any(|p| p == f) {
                patterns.push(f.to_owned());
                rows.push(RowSet::default());
            }
        }
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .ok();
        // The rows of every pattern written the same in ASCII lowercase; then the one series
        // they all belong to, if one (a family name, "United Nations", names no row).
        let mut rows_of_name: std::collections::HashMap<String, RowSet> = Default::default();
        for (pattern, named) in patterns.iter().zip(&rows) {
            rows_of_name
                .entry(pattern.to_ascii_lowercase())
                .or_default()
                .union_with(named);
        }
        let one_series = rows_of_name
            .into_iter()
            .map(|(name, named)| {
                let mut series = named
                    .iter()
                    .filter_map(|r| registry.studies.get(r).map(|s| (r, s.series.as_str())));
                let one = series
                    .next()
                    .and_then(|(row, first)| series.all(|(_, s)| s == first).then_some(row));
                (name, one)
            })
            .collect();
        Names {
            automaton,
            patterns,
            rows,
            places: Places::new(registry),
            one_series,
        }
    }

    /// Every name in `text`, in order: whole words only; acronyms (five letters or fewer)
    /// only in their own case.
    pub fn find(&self, text: &str) -> Vec<NameHit> {
        self.find_within(text, Span::new(0, text.len()))
    }

    /// Every name inside `span` of `text`, as [`Names::find`] finds them, told whole words
    /// by the text around the span: a document's names are looked for only in the sentences
    /// that are read, not in all of it.
    pub fn find_within(&self, text: &str, span: Span) -> Vec<NameHit> {
        let Some(ac) = &self.automaton else {
            return Vec::new();
        };
        let word = |c: char| c.is_alphanumeric();
        ac.find_iter(aho_corasick::Input::new(text).span(span.range()))
            .filter(|m| {
                let p = &self.patterns[m.pattern().as_usize()];
                let found = &text[m.start()..m.end()];
                let before_ok = !text[..m.start()].ends_with(word);
                let after_ok = !text[m.end()..].starts_with(word);
                before_ok && after_ok && (p.len() > 5 || found == p)
            })
            .map(|m| NameHit {
                span: Span::new(m.start(), m.end()),
                pattern: m.pattern().as_usize(),
            })
            .collect()
    }

    /// Whether a hit is a family name ("United Nations"), naming no row by itself.
    pub fn is_family(&self, hit: &NameHit) -> bool {
        self.rows[hit.pattern].is_empty()
    }

    /// The rows a hit names.
    pub fn rows(&self, hit: &NameHit) -> &RowSet {
        &self.rows[hit.pattern]
    }

    /// The one series that every row of `registry` (the registry these names were read
    /// from) answering to `name`, in any ASCII case, belongs to: none if no row answers to
    /// it or rows of several series do ("Walk Free" publishes two). Looked up, not read off
    /// every row's names.
    pub fn one_series<'r>(&self, name: &str, registry: &'r Registry) -> Option<&'r str> {
        match self.one_series.get(&name.to_ascii_lowercase()) {
            Some(row) => row
                .and_then(|r| registry.studies.get(r))
                .map(|s| s.series.as_str()),
            None => one_series_of(name, registry),
        }
    }
}

/// [`Names::one_series`], read off every row's names.
pub fn one_series_of<'r>(name: &str, registry: &'r Registry) -> Option<&'r str> {
    let mut series = registry
        .studies
        .iter()
        .filter(|s| s.names().any(|n| n.eq_ignore_ascii_case(name)))
        .map(|s| s.series.as_str());
    let first = series.next()?;
    series.all(|s| s == first).then_some(first)
}

/// Where the concepts a claim is about were read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TopicFrom {
    /// Its own clause (subject, predicate, counted noun, attribution).
    Clause,
    /// Its sentence.
    Sentence,
    /// Its sentence and the one before (its own names no population).
    Context,
    /// Nowhere.
    Nothing,
}

/// A claim as the matcher reads it, computed once.
#[derive(Debug, Clone)]
pub struct Reading {
    /// The concepts the claim is about: those its clause or sentence names, else those of
    /// the sentence before.
    pub concepts: Vec<Concept>,
    /// The concepts its own clause names.
    pub clause_concepts: Vec<Concept>,
    /// The figure as written.
    pub figure: String,
    /// Where they were read.
    pub topic_from: TopicFrom,
    /// The words of the claim's sentence (shared by its claims).
    pub sentence: Arc<[Token]>,
    /// Whether its sentence says victims were detected, identified or known.
    pub sentence_detection: bool,
    /// Whether its sentence speaks of victims.
    pub sentence_victims: bool,
    /// Whether its sentence widens its figures to all victims everywhere
    /// ([`vocab::ALL_VICTIMS`], outside the names of publications).
    pub all_victims: bool,
    /// Whether its sentence gives its figures for the whole world ([`vocab::WORLD`],
    /// outside the names of publications).
    pub worldwide: bool,
    /// For each registry row, whether its sentence names the row's subgroup and place.
    pub places: Arc<[bool]>,
    /// The words of the claim's own clause.
    pub clause: Vec<Token>,
    /// Registry rows whose publisher, alias or series the sentence or attribution names.
    pub named: RowSet,
    /// The names as written.
    pub names: Vec<String>,
    /// Whether a family of publishers is named ("a UN report").
    pub family: bool,
    /// Years that stand with the claim: in its attribution or time, or in its sentence unless
    /// they belong to another figure ("up from 24.9 million in 2016").
    pub years: Vec<u16>,
    /// Whether the claim counts people (or names no counted noun).
    pub people: bool,
    /// Whether the clause says the victims were detected, identified or known.
    pub detection: bool,
    /// Whether the claim's own words make it a yearly flow.
    pub flow: bool,
    /// Whether its own words make it a count over a period of years ("over the last five
    /// years").
    pub over_years: bool,
    /// The years that stand with its attribution or a name ("the Global Slavery Index
    /// 2016", "its 2012 estimate"): they may name an edition by its publication year.
    pub attribution_years: Vec<u16>,
    /// Whether its own words make it a change ("an increase of", "rose by"): only then is it
    /// compared with the registry's changes.
    pub change: bool,
    /// The concepts the verb right after the figure names ("were trafficked"): what the
    /// figure is said to count, as its noun would say it.
    pub verb_concepts: Vec<Concept>,
}

/// What a sentence names before its names and places are looked for: no rows, names or
/// places. Shared, so that each sentence read starts from a count on these, not from three
/// allocations.
struct Nothing {
    places: Arc<[bool]>,
    named: Arc<RowSet>,
    names: Arc<Vec<String>>,
}

static NOTHING: std::sync::LazyLock<Nothing> = std::sync::LazyLock::new(|| Nothing {
    places: Arc::from(Vec::new()),
    named: Arc::default(),
    names: Arc::default(),
});

/// Per-sentence facts shared by its claims, computed once per sentence so that matching
/// stays linear in the sentence's length however many figures it holds.
#[derive(Debug, Clone)]
pub struct SentenceFacts {
    /// The sentence.
    pub span: Span,
    /// Its words.
    pub tokens: Arc<[Token]>,
    /// The names in it.
    pub hits: Vec<NameHit>,
    /// The concepts it names.
    pub concepts: Vec<Concept>,
    /// Whether it says victims were detected, identified or known.
    pub detection: bool,
    /// Whether it speaks of victims.
    pub victims: bool,
    /// Whether it widens its figures to all victims everywhere, in words other than a
    /// publication's name ("the Global Report" widens nothing).
    pub all_victims: bool,
    /// Whether it gives its figures for the whole world, in words other than a
    /// publication's name.
    pub worldwide: bool,
    /// Whether it speaks of a count over several years.
    pub over_years: bool,
    /// For each registry row, whether the sentence names its subgroup and place; empty until
    /// [`SentenceFacts::with_places`].
    pub places: Arc<[bool]>,
    /// The rows whose names it holds; empty until [`SentenceFacts::with_places`].
    pub named: Arc<RowSet>,
    /// Whether it names a family of publishers.
    pub family: bool,
    /// The names as written, each once.
    pub names: Arc<Vec<String>>,
    /// The years written against a name ("Global Slavery Index 2016", "the 2016 Global
    /// Slavery Index").
    pub name_years: Vec<u16>,
}

impl SentenceFacts {
    /// Reads a sentence: its words and the names in it.
    pub fn new(text: &str, span: Span, names: &Names) -> Self {
        Self::with_hits(text, span, names.find_within(text, span))
    }

    /// Reads the sentence before a claim's, for what a claim reads of it: its span, words and
    /// concepts ([`read`], [`SentenceFacts::with_places`]). The names in it are not looked
    /// for: a claim that refers back to a source finds them itself ([`read`]), and only the
    /// lists read without the names would differ.
    pub fn before_claim(text: &str, span: Span) -> Self {
        Self::with_hits(text, span, Vec::new())
    }

    fn with_hits(text: &str, span: Span, hits: Vec<NameHit>) -> Self {
        let tokens: Arc<[Token]> = vocab::tokens(text, span.start, span.end).into();
        // Most sentences name no publication: their words are all unnamed, and not copied.
        let unnamed: std::borrow::Cow<'_, [Token]> = if hits.is_empty() {
            std::borrow::Cow::Borrowed(&tokens)
        } else {
            tokens
                .iter()
                .filter(|t| {
                    !hits
                        .iter()
                        .any(|h| t.start >= h.span.start && t.end <= h.span.end)
                })
                .cloned()
                .collect()
        };
        // One pass finds the concepts and every list; the two read without the names are
        // read again only where the sentence holds a name.
        let (mut concepts, words) = vocab::LEXICONS.sentence_words(&tokens);
        concepts.retain(|c| !matches!(c, Concept::DetectedVictims | Concept::IdentifiedVictims));
        let (all_victims, worldwide) = if hits.is_empty() {
            (words.all_victims, words.world)
        } else {
            (
                vocab::LEXICONS.all_victims.any(&unnamed),
                vocab::LEXICONS.world.any(&unnamed),
            )
        };
        SentenceFacts {
            span,
            concepts,
            detection: words.detection,
            victims: words.victims,
            all_victims,
            worldwide,
            over_years: words.over_years,
            tokens,
            hits,
            places: Arc::clone(&NOTHING.places),
            named: Arc::clone(&NOTHING.named),
            family: false,
            names: Arc::clone(&NOTHING.names),
            name_years: Vec::new(),
        }
    }

    /// The sentence as [`SentenceFacts::new`] reads it, without what
    /// [`SentenceFacts::with_places`] added: a sentence read for its claims is read again as
    /// the one before the next sentence's, and is not tokenised twice.
    pub fn unplaced(self) -> Self {
        SentenceFacts {
            places: Arc::clone(&NOTHING.places),
            named: Arc::clone(&NOTHING.named),
            family: false,
            names: Arc::clone(&NOTHING.names),
            name_years: Vec::new(),
            ..self
        }
    }

    /// Works out, once, which registry rows' subgroup and place the sentence names.
    /// A sentence whose subject is a pronoun ("they", "these") near its start and that names
    /// one part of a subgroup "A and B" may take the other part from the sentence before:
    /// "Girls make up two in three child victims. Together with women, they account for 70
    /// per cent" is about women and girls.
    pub fn with_places(
        mut self,
        text: &str,
        registry: &Registry,
        names: &Names,
        previous: Option<&SentenceFacts>,
    ) -> Self {
        let head = &self.tokens[..self.tokens.len().min(ANAPHORA_WINDOW)];
        let before: &[Token] = match previous {
            Some(p) if vocab::any(head, vocab::ANAPHORA) => &p.tokens,
            _ => &[],
        };
        debug_assert_eq!(names.places.of_row.len(), registry.studies.len());
        // "Men, women and children" names the whole, not its parts.
        let parts = vocab::LEXICONS.everyone.without(&self.tokens);
        self.places = names.places.fit(&parts, before);
        let mut named = RowSet::default();
        let mut written: Vec<String> = Vec::new();
        let mut years = Vec::new();
        for h in &self.hits {
            self.family |= names.is_family(h);
            named.union_with(names.rows(h));
            let w = text[h.span.range()].to_owned();
            if !written.contains(&w) {
                written.push(w);
            }
            let k = self.tokens.partition_point(|t| t.start < h.span.start);
            let after = self.tokens.partition_point(|t| t.start < h.span.end);
            for t in [
                k.checked_sub(1).and_then(|p| self.tokens.get(p)),
                self.tokens.get(after),
            ]
            .into_iter()
            .flatten()
            {
                if let Some(y) = t
                    .word
                    .parse::<u16>()
                    .ok()
                    .filter(|y| (1990..=2100).contains(y))
                    && t.word.len() == 4
                    && !years.contains(&y)
                {
                    years.push(y);
                }
            }
        }
        self.named = Arc::new(named);
        self.names = Arc::new(written);
        self.name_years = years;
        self
    }
}

/// How many words from a sentence's start a pronoun may stand and still be its subject.
const ANAPHORA_WINDOW: usize = 8;

/// The concepts that name a population of victims.
const POPULATIONS: &[Concept] = Concept::VICTIM_POPULATIONS;

fn concepts_in(tokens: &[Token]) -> Vec<Concept> {
    let mut concepts = vocab::LEXICONS.concepts_in(tokens);
    concepts.retain(|c| !matches!(c, Concept::DetectedVictims | Concept::IdentifiedVictims));
    concepts
}

/// The concepts a claim's own clause names: as [`concepts_in`], and modern slavery where the
/// clause names both its parts. Modern slavery is forced labour and forced marriage together
/// (the Global Estimates' definition), so "40.3 million people were in forced labour or forced
/// marriage" names it; a sentence that lists the parts elsewhere does not.
fn clause_concepts_in(tokens: &[Token]) -> Vec<Concept> {
    let mut concepts = concepts_in(tokens);
    if concepts.contains(&Concept::ForcedLabour)
        && concepts.contains(&Concept::ForcedMarriage)
        && !concepts.contains(&Concept::ModernSlavery)
    {
        concepts.push(Concept::ModernSlavery);
    }
    concepts
}

/// The tokens of a sentence that lie in `spans` (found by binary search: no scan of the
/// whole sentence per claim).
fn within<const N: usize>(tokens: &[Token], spans: &[Option<Span>; N]) -> Vec<Token> {
    // Each span's run of token indices (a sentence's tokens are in order, one per start),
    // in order and merged where they meet or overlap, so that each token is taken once.
    let mut runs = [(0usize, 0usize); N];
    let mut len = 0;
    for s in spans.iter().flatten() {
        let from = tokens.partition_point(|t| t.start < s.start);
        let n = tokens[from..].iter().take_while(|t| t.end <= s.end).count();
        if n > 0 {
            runs[len] = (from, from + n);
            len += 1;
        }
    }
    let runs = &mut runs[..len];
    runs.sort_unstable();
    // Room for every run at once (more than enough where runs overlap): one allocation, not
    // one per run.
    let mut out = Vec::with_capacity(runs.iter().map(|(from, to)| to - from).sum());
    let mut taken = 0;
    for &(from, to) in runs.iter() {
        let from = from.max(taken);
        if from < to {
            out.extend_from_slice(&tokens[from..to]);
            taken = to;
        }
    }
    out
}

/// Reads one claim. `previous` is the sentence before, for a claim whose sentence names no
/// concept; `mentions` are the document's mentions (for years and other figures).
#[allow(clippy::too_many_arguments)]
pub fn read(
    text: &str,
    names: &Names,
    index: usize,
    mention: &Mention,
    claim: &Claim,
    sentence: &SentenceFacts,
    previous: Option<&SentenceFacts>,
    mentions: &[Mention],
) -> Reading {
    let own = [
        claim.subject,
        claim.subgroup,
        claim.predicate,
        claim.time,
        claim.basis,
        mention.unit,
        Some(mention.span),
        claim.source.as_ref().map(|s| s.span),
    ];
    let clause = within(&sentence.tokens, &own);
    let clause_concepts = clause_concepts_in(&clause);
    let mut concepts = clause_concepts.clone();
    for c in sentence.concepts.iter().copied() {
        if !concepts.contains(&c) {
            concepts.push(c);
        }
    }
    let mut topic_from = if clause_concepts.is_empty() {
        TopicFrom::Sentence
    } else {
        TopicFrom::Clause
    };
    // A sentence that names no population ("It is a $150 billion industry") takes its topic
    // from the sentence before.
    if !concepts.iter().any(|c| POPULATIONS.contains(c))
        && let Some(p) = previous
    {
        let before = p.concepts.clone();
        if before.iter().any(|c| POPULATIONS.contains(c)) {
            for c in before {
                if !concepts.contains(&c) {
                    concepts.push(c);
                }
            }
            topic_from = TopicFrom::Context;
        }
    }
    if concepts.is_empty() {
        topic_from = TopicFrom::Nothing;
    }
    // Names: in the sentence, and in the attribution wherever it stands (the sentence
    // before, for "Of these, …").
    // The sentence's names were gathered once for all its claims.
    let mut named: RowSet = sentence.named.as_ref().clone();
    let mut family = sentence.family;
    let mut written: Vec<String> = sentence.names.as_ref().clone();
    if let Some(src) = &claim.source
        && !(src.span.start >= sentence.span.start && src.span.end <= sentence.span.end)
    {
        let at = &text[src.span.range()];
        for h in names.find(at) {
            family |= names.is_family(&h);
            named.union_with(names.rows(&h));
            let w = at[h.span.range()].to_owned();
            if !written.contains(&w) {
                written.push(w);
            }
        }
    }
    if let Some(name) = claim.source.as_ref().and_then(|s| s.name.as_deref()) {
        for h in names.find(name) {
            named.union_with(names.rows(&h));
            family |= names.is_family(&h);
        }
        if vocab::UN_FAMILY_NAMES
            .iter()
            .any(|f| name.eq_ignore_ascii_case(f))
        {
            family = true;
        }
    }
    // "According to the same estimates": a source named in the sentence before.
    let mut carried_years: Vec<u16> = Vec::new();
    if named.is_empty()
        && !family
        && let Some(p) = previous
        && claim
            .source
            .as_ref()
            .is_some_and(|s| refers_back(text, s.span))
        && !stated_total(mention, sentence)
    {
        // Looked up only here: back references are rare, and the sentence before is read
        // without its names.
        let before = named_before(text, names, p.span);
        for h in names.find(before) {
            family |= names.is_family(&h);
            named.union_with(names.rows(&h));
            let w = before[h.span.range()].to_owned();
            if !written.contains(&w) {
                written.push(w);
            }
            carried_years.extend(year_beside(before, h.span));
        }
    }
    let (mut years, mut attribution_years) = years(text, index, claim, sentence, mentions);
    // The edition the pointer names: "the report" is the UNODC Global Report … 2024.
    for y in carried_years {
        for list in [&mut years, &mut attribution_years] {
            if !list.contains(&y) {
                list.push(y);
                list.sort_unstable();
            }
        }
    }
    let people = mention.unit.is_none_or(|u| {
        let words = vocab::tokens_within(&sentence.tokens, sentence.span, text, u.start, u.end);
        vocab::LEXICONS.people.any(&words)
    });
    let detection = vocab::LEXICONS.detection.any(&clause);
    let own_words = within(
        &sentence.tokens,
        &[claim.predicate, claim.time, mention.unit],
    );
    let flow = mention.per.is_some() || vocab::LEXICONS.flow.any(&own_words);
    let over_years = sentence.over_years;
    let change = vocab::LEXICONS.change.any(change_words(mention, sentence))
        && !level_of_a_change(mention, sentence);
    let verb_concepts = verb_concepts(text, mention, sentence);
    Reading {
        verb_concepts,
        concepts,
        clause_concepts,
        figure: text[mention.span.range()].to_owned(),
        topic_from,
        sentence: Arc::clone(&sentence.tokens),
        sentence_detection: sentence.detection,
        sentence_victims: sentence.victims,
        all_victims: sentence.all_victims,
        worldwide: sentence.worldwide,
        places: Arc::clone(&sentence.places),
        clause,
        named,
        names: written,
        family,
        years,
        people,
        detection,
        flow,
        over_years,
        change,
        attribution_years,
    }
}

/// How many sentences a pointer back to a source ("the report said") reaches past the
/// sentence before for the source's name, and how many bytes: "According to the UNODC Global
/// Report … The report also found … Women and girls made up …, according to the report."
/// names the report two sentences back. A pointer reaches no farther than a few sentences,
/// and never past one that names a source.
const BACK_REFERENCE_REACH: usize = 3;
const BACK_REFERENCE_BYTES: usize = 2048;

/// The text a pointer back to a source takes its names from: the sentence before
/// (`previous`), or, when that names no source, the nearest of the few before it that does
/// (an empty text when none does).
fn named_before<'t>(text: &'t str, names: &Names, previous: Span) -> &'t str {
    let own = &text[previous.range()];
    if !names.find(own).is_empty() {
        return own;
    }
    let mut from = previous.start.saturating_sub(BACK_REFERENCE_BYTES);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let window = &text[from..previous.start];
    claimcheck_parser::sentences(window)
        .iter()
        .rev()
        .take(BACK_REFERENCE_REACH)
        .map(|s| &window[s.range()])
        .find(|s| !names.find(s).is_empty())
        .unwrap_or("")
}

/// A year written right before or after a name ("the 2024 Global Report", "Global Report on
/// Trafficking in Persons 2024"): the edition it names.
fn year_beside(text: &str, name: Span) -> Option<u16> {
    let year = |w: &str| {
        let w = w.trim_matches(|c: char| !c.is_ascii_digit());
        (w.len() == 4)
            .then(|| w.parse::<u16>().ok())
            .flatten()
            .filter(|y| (1990..=2100).contains(y))
    };
    let after = text[name.end..].split_whitespace().next().and_then(year);
    after.or_else(|| {
        text[..name.start]
            .split_whitespace()
            .next_back()
            .and_then(year)
    })
}

/// Whether an attribution is nothing but a pointer back to a source named before
/// ([`vocab::BACK_REFERENCES`]: "the same estimates", "the report").
fn refers_back(text: &str, span: Span) -> bool {
    let words = vocab::tokens(text, span.start, span.end);
    vocab::BACK_REFERENCES.iter().any(|b| {
        let n = b.split(' ').count();
        words.len() == n && vocab::find(&words, b) == Some(0)
    })
}

/// Whether a figure is a total the writer states ([`vocab::STATED_TOTAL`] in the two words
/// before it).
fn stated_total(mention: &Mention, sentence: &SentenceFacts) -> bool {
    let at = sentence
        .tokens
        .partition_point(|t| t.start < mention.span.start);
    let before = &sentence.tokens[at.saturating_sub(2)..at];
    vocab::any(before, vocab::STATED_TOTAL)
}

/// How far after a figure its verb may stand (in bytes): past its noun and an apposition
/// ("4.8 million people, mainly women and children, were trafficked"), not into the next
/// clause.
const VERB_WINDOW: usize = 60;

/// The concepts a passive verb after the figure names ([`vocab::TRAFFICKED_VERBS`]): read
/// from the figure's end to the next figure, the clause's end or [`VERB_WINDOW`] bytes,
/// whichever comes first, so that another figure's verb is not this one's.
fn verb_concepts(text: &str, mention: &Mention, sentence: &SentenceFacts) -> Vec<Concept> {
    let from = mention.span.end.min(sentence.span.end);
    let mut to = (from + VERB_WINDOW).min(sentence.span.end);
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    let until = text[from..to]
        .find(|c: char| c.is_ascii_digit() || matches!(c, ';' | '.' | ':' | '(' | '—'))
        .map_or(to, |i| from + i);
    let words = vocab::tokens_within(&sentence.tokens, sentence.span, text, from, until);
    if vocab::LEXICONS.trafficked_verbs.any(&words) {
        vec![Concept::Trafficking]
    } else {
        Vec::new()
    }
}

/// A share written as a part's composition of a whole ([`vocab::COMPOSES`]): the words
/// that may name the part (the clause before the verb) and those that may name the whole
/// (the rest of the sentence).
#[derive(Debug, Clone)]
pub struct Composition {
    /// The clause before the verb: "Children", "with women and girls".
    pub part: Vec<Token>,
    /// The rest of the sentence.
    pub whole: Vec<Token>,
}

/// The composition a share figure states, if a verb of [`vocab::COMPOSES`] stands right
/// before it; the part's clause starts after the last comma or semicolon before the verb.
///
/// `words` are the sentence's tokens.
pub fn composition(
    text: &str,
    figure: Span,
    sentence: Span,
    words: &[Token],
) -> Option<Composition> {
    let from = sentence.start.min(figure.start);
    let before = vocab::tokens_within(words, sentence, text, from, figure.start);
    // The verb's words are the last before the figure (each verb is lowercase words, exact).
    let verb = vocab::COMPOSES.iter().find_map(|v| {
        let mut at = before.len();
        for word in v.split(' ').rev() {
            at = at.checked_sub(1)?;
            if before[at].word != word {
                return None;
            }
        }
        Some(at)
    })?;
    let verb_start = before.get(verb).map_or(figure.start, |t| t.start);
    let clause_start = text[from..verb_start]
        .rfind([',', ';'])
        .map_or(from, |i| from + i + 1);
    let part: Vec<Token> = before[..verb]
        .iter()
        .filter(|t| t.start >= clause_start)
        .cloned()
        .collect();
    if part.is_empty() {
        return None;
    }
    let whole = vocab::tokens_within(words, sentence, text, sentence.start, sentence.end)
        .iter()
        .filter(|t| t.end <= clause_start || t.start >= figure.end)
        .cloned()
        .collect();
    Some(Composition { part, whole })
}

/// Whether a figure is one end of a change ("dropped to 152 million from 246 million",
/// "rose to 50 million"): a level, compared with levels, not with the change.
fn level_of_a_change(mention: &Mention, sentence: &SentenceFacts) -> bool {
    let at = sentence
        .tokens
        .partition_point(|t| t.start < mention.span.start);
    at.checked_sub(1)
        .and_then(|i| sentence.tokens.get(i))
        .is_some_and(|t| vocab::LEVEL_OF_A_CHANGE.contains(&t.word.as_str()))
}

/// The words right around a figure (three before, three after): "an increase of 12 million",
/// "25% rise", "rose by 11 per cent".
fn change_words<'s>(mention: &Mention, sentence: &'s SentenceFacts) -> &'s [Token] {
    let at = sentence
        .tokens
        .partition_point(|t| t.start < mention.span.start);
    let end = sentence
        .tokens
        .partition_point(|t| t.start < mention.span.end);
    let from = at.saturating_sub(3);
    let to = (end + 3).min(sentence.tokens.len());
    &sentence.tokens[from..to]
}

/// The years that stand with a claim: those of its attribution and time, and those of its
/// sentence that do not follow another figure closely ("24.9 million in 2016").
fn years(
    text: &str,
    index: usize,
    claim: &Claim,
    sentence: &SentenceFacts,
    mentions: &[Mention],
) -> (Vec<u16>, Vec<u16>) {
    let mut out: Vec<u16> = claim
        .source
        .as_ref()
        .and_then(|s| s.year)
        .into_iter()
        .collect();
    let mut attribution = out.clone();
    let year_of = |m: &Mention| -> Option<u16> {
        (m.kind == Kind::Year)
            .then(|| text[m.span.range()].trim().parse::<u16>().ok())
            .flatten()
    };
    // Only the sentence's own mentions (found by binary search).
    let first = mentions.partition_point(|m| m.span.start < sentence.span.start);
    for (i, m) in mentions.iter().enumerate().skip(first) {
        if m.span.start >= sentence.span.end {
            break;
        }
        if m.span.end > sentence.span.end {
            continue;
        }
        let Some(y) = year_of(m) else { continue };
        let in_own = [claim.time, claim.source.as_ref().map(|s| s.span)]
            .into_iter()
            .flatten()
            .any(|s| m.span.start >= s.start && m.span.end <= s.end);
        // A year a few bytes after another figure belongs to that figure.
        let belongs_elsewhere = mentions[..i]
            .iter()
            .enumerate()
            .rev()
            .take_while(|(_, o)| o.span.start >= sentence.span.start)
            .find(|(_, o)| o.kind.is_quantity())
            .is_some_and(|(j, o)| j != index && m.span.start.saturating_sub(o.span.end) <= 25);
        if in_own || !belongs_elsewhere {
            out.push(y);
        }
        // With the attribution or a name: "its Global Slavery Index 2016", "the 2016 report".
        let in_source = claim
            .source
            .as_ref()
            .is_some_and(|s| m.span.start >= s.span.start && m.span.end <= s.span.end);
        let by_name = sentence.name_years.contains(&y);
        let before_report = text[m.span.end..sentence.span.end]
            .split_whitespace()
            .next()
            .is_some_and(|w| {
                // `w.to_lowercase().starts_with(r)` for these ASCII words, without the copy.
                let lower_starts = |r: &str| {
                    if w.is_ascii() {
                        w.get(..r.len()).is_some_and(|p| p.eq_ignore_ascii_case(r))
                    } else {
                        w.to_lowercase().starts_with(r)
                    }
                };
                [
                    "report",
                    "edition",
                    "index",
                    "estimates",
                    "estimate",
                    "study",
                    "survey",
                ]
                .iter()
                .any(|r| lower_starts(r))
            });
        if in_source || by_name || before_report {
            attribution.push(y);
        }
    }
    // A year written against a name, which the extractor may read as part of a title.
    out.extend(&sentence.name_years);
    attribution.extend(&sentence.name_years);
    out.sort_unstable();
    out.dedup();
    attribution.sort_unstable();
    attribution.dedup();
    (out, attribution)
}

/// The number of significant digits of a value, as its shortest decimal form writes it.
fn significant_digits(v: f64) -> usize {
    use std::fmt::Write as _;
    // Whole numbers (most counts) are written as their digits: count them without formatting.
    if v.fract() == 0.0 && v.abs() < 1e15 {
        let mut n = v.abs() as u64;
        if n == 0 {
            return 1;
        }
        while n.is_multiple_of(10) {
            n /= 10;
        }
        return (n.ilog10() + 1) as usize;
    }
    /// A stack buffer: this runs for every claim and row, so it must not allocate.
    struct Digits {
        bytes: [u8; 400],
        len: usize,
    }
    impl std::fmt::Write for Digits {
        fn write_str(&mut self, s: &str) -> std::fmt::Result {
            let end = self.len + s.len();
            let room = self.bytes.get_mut(self.len..end).ok_or(std::fmt::Error)?;
            room.copy_from_slice(s.as_bytes());
            self.len = end;
            Ok(())
        }
    }
    let mut buf = Digits {
        bytes: [0; 400],
        len: 0,
    };
    if write!(buf, "{}", v.abs()).is_err() {
        return 1;
    }
    let digits = &buf.bytes[..buf.len];
    let first = digits.iter().position(|b| (b'1'..=b'9').contains(b));
    let last = digits.iter().rposition(|b| (b'1'..=b'9').contains(b));
    match (first, last) {
        (Some(first), Some(last)) => digits[first..=last]
            .iter()
            .filter(|b| b.is_ascii_digit())
            .count()
            .max(1),
        _ => 1,
    }
}

/// A row's value as rounded to its last significant digit, without one-sided bounds.
fn core(study: &Study, full: &Interval) -> Interval {
    if let (Some(_), Some(_)) = (full.lo.value(), full.hi.value())
        && study.lower.is_none()
        && study.upper.is_none()
    {
        return *full;
    }
    if let (Some(l), Some(u)) = (study.lower, study.upper) {
        return Interval {
            lo: End::Inclusive(
                l / if study.unit == Unit::Per1000 {
                    10.0
                } else {
                    1.0
                },
            ),
            hi: End::Inclusive(
                u / if study.unit == Unit::Per1000 {
                    10.0
                } else {
                    1.0
                },
            ),
        };
    }
    let v = study.claim_value();
    if v == 0.0 {
        return Interval::point(0.0);
    }
    let d = significant_digits(v) as i32;
    let step = 10f64.powi(v.abs().log10().floor() as i32 - d + 1);
    Interval {
        lo: End::Inclusive(v - step / 2.0),
        hi: End::Exclusive(v + step / 2.0),
    }
}

/// Whether a claim pins its value down on both sides: a vague or one-sided figure ("dozens",
/// "more than 1,000") is too loose to be recognised without attribution.
fn bounded(q: &Quantity) -> bool {
    let (Some(lo), Some(hi)) = (q.interval.lo.value(), q.interval.hi.value()) else {
        return false;
    };
    hi <= lo * 1.5 + 1e-9
}

/// Whether `value`, rounded to as many significant digits as `stated` has, is `stated`:
/// "40 million" and "40.3 million", "160,000" and "155,800".
pub fn rounds_to(stated: f64, value: f64) -> bool {
    Stated::new(stated).rounds_to(value)
}

/// A claim's stated number, its significant digits counted at most once: they are asked of
/// it for every registry row near it.
struct Stated {
    value: f64,
    digits: std::cell::OnceCell<usize>,
    /// The rounding step of its last significant digit, worked out at most once.
    step: std::cell::OnceCell<f64>,
}

impl Stated {
    fn new(value: f64) -> Self {
        Stated {
            value,
            digits: std::cell::OnceCell::new(),
            step: std::cell::OnceCell::new(),
        }
    }

    fn digits(&self) -> usize {
        *self.digits.get_or_init(|| significant_digits(self.value))
    }

    /// As [`rounds_to`].
    fn rounds_to(&self, value: f64) -> bool {
        let stated = self.value;
        if stated == 0.0 || value == 0.0 || !stated.is_finite() || !value.is_finite() {
            return false;
        }
        // The rounding step is at most `stated` itself, so a value further than half of it
        // away cannot round to it: most rows are, and need no counting of digits.
        if (value - stated).abs() > stated.abs() * 0.500_001 {
            return false;
        }
        let step = *self.step.get_or_init(|| {
            let d = self.digits() as i32;
            10f64.powi(stated.abs().log10().floor() as i32 - d + 1)
        });
        ((value / step).round() * step - stated).abs() <= step * 1e-6
    }
}

/// What a claim's words allow when compared with a figure it quotes: a figure written with
/// decimals ("some 43.0 million", "an estimated 24.9 million") quotes a published figure to
/// its last digit, so its hedge widens nothing; any other keeps the model's reading.
pub fn stated_interval(written: &str, mention: &Mention, q: &Quantity) -> Interval {
    if mention.qualifier != Some(claimcheck_parser::Qualifier::About)
        || q.nominal.low != q.nominal.high
    {
        return q.interval;
    }
    // The first number written with a decimal point.
    let bytes = written.as_bytes();
    let Some(dot) = (1..bytes.len().saturating_sub(1)).find(|&i| {
        bytes[i] == b'.' && bytes[i - 1].is_ascii_digit() && bytes[i + 1].is_ascii_digit()
    }) else {
        return q.interval;
    };
    let start = written[..dot]
        .char_indices()
        .rev()
        .find(|(_, c)| !(c.is_ascii_digit() || *c == ','))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let end = written[dot + 1..]
        .find(|c: char| !c.is_ascii_digit())
        .map_or(written.len(), |i| dot + 1 + i);
    let decimals = end - dot - 1;
    let Ok(number) = written[start..end].replace(',', "").parse::<f64>() else {
        return q.interval;
    };
    if number == 0.0 {
        return q.interval;
    }
    let scale = q.nominal.low / number;
    let half = 0.5 * 10f64.powi(-(decimals as i32)) * scale;
    Interval {
        lo: End::Inclusive(q.nominal.low - half),
        hi: End::Exclusive(q.nominal.low + half),
    }
}

/// Whether a claim states a single value without a one-sided hedge: such a claim may be a
/// rounding of the figure it cites ("40 million" for 40.3 million). "More than 21 million"
/// asserts a bound, and is checked against it.
pub fn states_a_value(mention: &Mention, q: &Quantity) -> bool {
    matches!(
        mention.qualifier,
        None | Some(claimcheck_parser::Qualifier::About)
    ) && q.nominal.low == q.nominal.high
}

/// The values at which a row's figure can meet a claim's (its rounded interval, and each
/// rounding it publishes), as one closed span whose unbounded ends are infinite.
fn reach(core: &Interval, published: &[f64]) -> (f64, f64) {
    published.iter().fold(span_of(core), |(lo, hi), &p| {
        (nan_min(lo, p), nan_max(hi, p))
    })
}

/// Every value at which a row's figure could match a claim's by the tests of [`candidates`]:
/// inside the claim's interval (`fits`), or within half of one of its ends (what
/// [`Stated::rounds_to`] and the exact `distinctive` test can accept), widened a little for
/// floating-point error. NaN anywhere makes the window NaN, which rules out no row.
fn value_window(claimed: &Interval, ends: &[Stated; 2]) -> (f64, f64) {
    ends.iter().fold(span_of(claimed), |(lo, hi), end| {
        let v = end.value;
        let half = v.abs() * 0.51 + 1e-9;
        (nan_min(lo, v - half), nan_max(hi, v + half))
    })
}

/// An interval's ends as numbers, unbounded ends infinite.
fn span_of(interval: &Interval) -> (f64, f64) {
    (
        interval.lo.value().unwrap_or(f64::NEG_INFINITY),
        interval.hi.value().unwrap_or(f64::INFINITY),
    )
}

/// The smaller of two numbers, NaN if either is.
fn nan_min(a: f64, b: f64) -> f64 {
    if a.is_nan() || b.is_nan() {
        f64::NAN
    } else {
        a.min(b)
    }
}

/// The larger of two numbers, NaN if either is.
fn nan_max(a: f64, b: f64) -> f64 {
    if a.is_nan() || b.is_nan() {
        f64::NAN
    } else {
        a.max(b)
    }
}

/// Whether a figure is distinctive enough to be recognised without attribution: the claim
/// states two or more significant digits and the figure, rounded to them, is the claim
/// (21 million for 20.9 million, 40.3 million), the figure having three or more; or the claim
/// states exactly a number the row publishes with two or more (US$150 billion), or a large
/// one (50 million as the press summary's rounding of 49.6 million); or a range one of whose
/// ends is such a figure. `ends` are the claim's two ends, their digits counted once for all
/// rows.
fn distinctive(
    mention: &Mention,
    q: &Quantity,
    ends: &[Stated; 2],
    study: &Study,
    published: &[f64],
) -> bool {
    if mention.qualifier == Some(claimcheck_parser::Qualifier::Vague) {
        return false;
    }
    let v = study.claim_value();
    // The cheap test first: most rows are far from the claim.
    let precise = |stated: &Stated| {
        v.abs() >= 100.0
            && stated.rounds_to(v)
            && stated.digits() >= 2
            && significant_digits(v) >= 3
    };
    // A range one of whose ends is the figure to its last digit ("between 20.9 and 27
    // million people") quotes it.
    if q.nominal.low != q.nominal.high {
        return q.interval.hi.value().is_some() && (precise(&ends[0]) || precise(&ends[1]));
    }
    let stated = q.nominal.low;
    if precise(&ends[0]) {
        return true;
    }
    let same = |a: f64, b: f64| (a - b).abs() <= b.abs() * 1e-9 + 1e-12;
    let large = match study.unit {
        Unit::Persons => stated >= 1e7,
        Unit::Usd => stated >= 1e10,
        _ => false,
    };
    published
        .iter()
        .any(|p| same(stated, *p) && (significant_digits(*p) >= 2 || large))
        && (stated.abs() >= 1e5 || study.unit != Unit::Persons)
}

/// Whether a claim bounds a row's figure on one side ("more than", "nearly", "up to") so as
/// to exclude the row's value: "more than 160 million" excludes 160 million, "over 50
/// million" excludes 49.6 million. A row published as a range or a bound ("2.8 to 3.1
/// million", "at least 12.3 million") is checked by its interval instead, so it is never
/// hedged past here. The caller asks, besides, that the claim's number be the row's as
/// published ([`distinctive`]).
fn hedged_past(mention: &Mention, claimed: &Interval, study: &Study, row: &Interval) -> bool {
    use claimcheck_parser::Qualifier as Q;
    matches!(
        mention.qualifier,
        Some(Q::MoreThan | Q::JustOver | Q::AtLeast | Q::LessThan | Q::AtMost | Q::Nearly)
    ) && study.lower.is_none()
        && study.upper.is_none()
        && row.lo.value().is_some()
        && row.hi.value().is_some()
        && !claimed.contains(study.claim_value())
}

/// Whether the row's concept is one the claim is about.
pub fn topic_fits(study: &Study, reading: &Reading) -> bool {
    let has = |c: Concept| reading.concepts.contains(&c);
    match study.concept {
        Concept::DetectedVictims | Concept::IdentifiedVictims => {
            has(Concept::Trafficking)
                || reading.detection && vocab::LEXICONS.victims.any(&reading.clause)
        }
        // A topic outside the listed ones is named by the row's own population terms.
        Concept::Other => vocab::any_registry_term(&reading.sentence, &study.population_terms),
        // The forms of forced labour are named by the form.
        c => has(c),
    }
}

/// Whether a year is the row's publication, edition or reference year.
pub fn year_fits(study: &Study, y: u16) -> bool {
    y == study.year
        || (study.reference_start..=study.reference_end).contains(&y)
        || study.edition.parse::<u16>().ok() == Some(y)
}

/// Each registry row's intervals and published numbers, computed once per checker.
#[derive(Debug, Clone)]
pub struct RowFacts {
    /// The full interval.
    pub interval: Interval,
    /// The rounded value.
    pub core: Interval,
    /// Its value, and every other rounding of it that its `value_text` states.
    pub published: Vec<f64>,
    /// The span of values `core` and `published` cover: a claim whose figure is far from it
    /// matches the row only by topic.
    pub reach: (f64, f64),
}

impl RowFacts {
    /// Works out a row's facts.
    pub fn new(study: &Study, extractor: &Extractor, conventions: &ModelConventions) -> Self {
        let found = extractor.extract(&study.value_text).mentions;
        let interval = study.interval_of(&found, conventions);
        let core = core(study, &interval);
        let mut published = vec![study.claim_value()];
        for m in found {
            // Another rounding of the same figure ("press summary: 50 million"), not a
            // second figure ("average US$ 13,000 per victim"), nor a fraction in words
            // ("more than two-thirds"): 66.666… has many digits, but "two-thirds" is as round
            // as a figure gets, and would make any "two-thirds" distinctive.
            if Some(m.kind) == study.kind()
                && study.value_text[m.span.range()]
                    .bytes()
                    .any(|b| b.is_ascii_digit())
                && let Some(q) = Quantity::from_mention(&m, &study.value_text, conventions)
                && (q.nominal.low / study.claim_value() - 1.0).abs() <= 0.1
            {
                published.push(q.nominal.low);
            }
        }
        RowFacts {
            reach: reach(&core, &published),
            interval,
            core,
            published,
        }
    }
}

/// The registry rows of each kind of figure, and of changes of it, in registry order, with
/// indexes by value and by concept.
#[derive(Debug, Clone, Default)]
pub struct RowsByKind {
    /// For each kind and whether it is a change, the rows.
    rows: Vec<((Kind, bool), KindRows)>,
}

/// The rows of one kind of figure (see [`RowsByKind`]).
#[derive(Debug, Clone, Default)]
struct KindRows {
    /// The rows, in registry order.
    rows: Vec<RowKey>,
    /// The positions in `rows` of the rows whose reach is narrow (from a positive low end to at
    /// most [`NARROW`] times it), by the low end: a claim's figure can match only those whose
    /// low end is near it.
    by_low: Vec<(f64, usize)>,
    /// The positions of the other rows (a wide or open reach, or a topic told row by row):
    /// every claim reads them.
    wide: Vec<usize>,
    /// For each concept (in [`Concept::ALL`] order), the positions of its rows: a claim on a
    /// concept's topic reads them all.
    by_concept: Vec<Vec<usize>>,
}

/// How wide a row's reach may be, as a ratio of its ends, to be found by its low end. A power
/// of two: multiplying by it is exact.
const NARROW: f64 = 4.0;

/// What the first tests of [`candidates`] read of a row, held side by side: passing over the
/// rows of a claim's kind reads one short array, not each row's study and facts (most rows
/// are set aside by these tests alone).
#[derive(Debug, Clone, Copy)]
struct RowKey {
    /// The row's index in the registry.
    index: usize,
    /// The year the row was published.
    year: u16,
    /// Whether the row counts persons for a concept of this field (not [`Concept::Other`]).
    persons: bool,
    concept: Concept,
    /// [`RowFacts::reach`].
    reach: (f64, f64),
}

impl RowsByKind {
    /// Sorts a registry's rows by kind; `facts` are the rows' [`RowFacts`], in order.
    pub fn new(registry: &Registry, facts: &[RowFacts]) -> Self {
        let mut rows: Vec<((Kind, bool), Vec<RowKey>)> = Vec::new();
        for (index, (study, f)) in registry.studies.iter().zip(facts).enumerate() {
            let Some(kind) = study.kind() else {
                continue;
            };
            let key = (kind, study.measure == Measure::Change);
            let row = RowKey {
                index,
                year: study.year,
                persons: study.unit == Unit::Persons && study.concept != Concept::Other,
                concept: study.concept,
                reach: f.reach,
            };
            match rows.iter_mut().find(|(k, _)| *k == key) {
                Some((_, list)) => list.push(row),
                None => rows.push((key, vec![row])),
            }
        }
        let rows = rows
            .into_iter()
            .map(|(key, list)| (key, KindRows::new(list)))
            .collect();
        RowsByKind { rows }
    }

    /// The rows of a kind of figure (of changes of it when `change`).
    fn of(&self, kind: Kind, change: bool) -> Option<&KindRows> {
        self.rows
            .iter()
            .find(|(k, _)| *k == (kind, change))
            .map(|(_, list)| list)
    }
}

impl KindRows {
    /// Indexes rows of one kind, given in registry order.
    fn new(rows: Vec<RowKey>) -> Self {
        let mut list = KindRows {
            by_concept: vec![Vec::new(); Concept::ALL.len()],
            ..KindRows::default()
        };
        for (position, row) in rows.iter().enumerate() {
            let (low, high) = row.reach;
            if row.concept == Concept::Other || !(low > 0.0 && high <= low * NARROW) {
                list.wide.push(position);
            } else {
                list.by_low.push((low, position));
            }
            if let Some(of_concept) = list.by_concept.get_mut(row.concept as usize) {
                of_concept.push(position);
            }
        }
        list.by_low.sort_by(|a, b| a.0.total_cmp(&b.0));
        list.rows = rows;
        list
    }

    /// The positions of the rows a claim's figure may match by its value (`window`, see
    /// [`value_window`]) or by its topic (`topic`, of each concept), in registry order:
    /// every row that [`candidates`] would not set aside at once, and a few more.
    fn near(&self, window: (f64, f64), topic: &[bool]) -> RowSet {
        let mut picked = RowSet::default();
        if window.0.is_nan() || window.1.is_nan() {
            // A NaN window rules out no row.
            (0..self.rows.len()).for_each(|p| picked.insert(p));
            return picked;
        }
        self.wide.iter().for_each(|&p| picked.insert(p));
        // A narrow row whose reach ends below the window: its low end times NARROW is below
        // the window's low end.
        let from = self
            .by_low
            .partition_point(|&(low, _)| low * NARROW < window.0);
        for &(low, p) in &self.by_low[from..] {
            if low > window.1 {
                break;
            }
            picked.insert(p);
        }
        for (of_concept, &on_topic) in self.by_concept.iter().zip(topic) {
            if on_topic {
                of_concept.iter().for_each(|&p| picked.insert(p));
            }
        }
        picked
    }
}

/// The registry rows considered for a claim, best match first. `rows` sorts the registry's
/// rows by kind; only those of the claim's kind are read.
#[allow(clippy::too_many_arguments)]
pub fn candidates<'a>(
    mention: &Mention,
    quantity: &Quantity,
    reading: &Reading,
    registry: &'a Registry,
    facts: &[RowFacts],
    family: &[bool],
    rows: &RowsByKind,
    date: Option<crate::date::ArticleDate>,
    conventions: &ModelConventions,
) -> Vec<StudyMatch<'a>> {
    // "Most", "the majority": a bound of more than half, never a study's figure (the share
    // a study's counts give is checked by study-contradiction from the counts themselves).
    if mention.form == claimcheck_parser::Form::Majority {
        return Vec::new();
    }
    // A year that is the publication year of a named edition of the claim's topic names
    // that edition of its series ("the Global Slavery Index 2016"); any other year may be a
    // reference year. For another series it is a date: the edition draws on figures
    // published by then.
    let published_in = |s: &Study, y: u16| s.year == y || s.edition.parse::<u16>().ok() == Some(y);
    let edition_years: Vec<(u16, &str)> = reading
        .attribution_years
        .iter()
        .flat_map(|y| {
            reading.named.iter().filter_map(move |i| {
                registry
                    .studies
                    .get(i)
                    .filter(|s| published_in(s, *y) && topic_fits(s, reading))
                    .map(|s| (*y, s.series.as_str()))
            })
        })
        .collect();
    let stated = stated_interval(&reading.figure, mention, quantity);
    // A one-sided bound cites a figure near its bound: "more than 12 million" is not the
    // figure of 89 million, though 89 million is more than 12 million.
    let near_bound = quantity.cited_interval(conventions);
    let ends = [
        Stated::new(quantity.nominal.low),
        Stated::new(quantity.nominal.high),
    ];
    let window = value_window(&stated, &ends);
    let Some(kind_rows) = rows.of(mention.kind, reading.change) else {
        return Vec::new();
    };
    // Whether the claim is on a concept's topic depends on the concept alone (but for rows
    // of another field, named by their own terms): asked once per concept, not once per row.
    let mut topic_of_concept = [false; Concept::ALL.len()];
    for ((on_topic, of_concept), &concept) in topic_of_concept
        .iter_mut()
        .zip(&kind_rows.by_concept)
        .zip(Concept::ALL)
    {
        *on_topic = concept != Concept::Other
            && of_concept
                .first()
                .and_then(|&p| kind_rows.rows.get(p))
                .and_then(|row| registry.studies.get(row.index))
                .is_some_and(|study| topic_fits(study, reading));
    }
    // Most rows are far from the claim's figure and off its topic: no test of the figure can
    // keep them, and only the others are read.
    let near = kind_rows.near(window, &topic_of_concept);
    // Tests (debug builds) hold the rows read to hold every row the first tests would keep.
    debug_assert!(kind_rows.rows.iter().enumerate().all(|(p, row)| {
        near.contains(p)
            || (row.reach.1 < window.0 || row.reach.0 > window.1)
                && !registry
                    .studies
                    .get(row.index)
                    .is_some_and(|s| topic_fits(s, reading))
    }));
    let mut out = Vec::with_capacity(near.len());
    for row in near.iter().filter_map(|p| kind_rows.rows.get(p)) {
        // A change is compared with changes only (the rows are those of the claim's kind and
        // measure); and an article cannot cite an edition published after it.
        if date.is_some_and(|d| row.year > d.year) {
            continue;
        }
        // A row of another field counts whatever its population terms name (tenants,
        // patients), not only the people words of this domain.
        if row.persons && !reading.people {
            continue;
        }
        let i = row.index;
        let Some(study) = registry.studies.get(i) else {
            continue;
        };
        let topic = match topic_of_concept.get(row.concept as usize) {
            Some(&known) if row.concept != Concept::Other => known,
            _ => topic_fits(study, reading),
        };
        // Tests (debug builds) hold the answer kept for the concept to this row's own.
        debug_assert_eq!(topic, topic_fits(study, reading), "row {i}");
        if !topic && (row.reach.1 < window.0 || row.reach.0 > window.1) {
            continue;
        }
        let Some(f) = facts.get(i) else {
            continue;
        };
        let distinctive = distinctive(mention, quantity, &ends, study, &f.published);
        let claimed = stated;
        let rounded =
            states_a_value(mention, quantity) && f.published.iter().any(|p| ends[0].rounds_to(*p));
        let fits = claimed.overlaps(&f.core) && near_bound.overlaps(&f.core) || rounded;
        if !topic && !fits && !distinctive {
            continue;
        }
        let overlaps = claimed.overlaps(&f.interval) || rounded;
        let subgroup = reading.places.get(i).copied().unwrap_or(false);
        let attribution = if reading.named.contains(i) {
            Attribution::Named
        } else if reading.family && family[i] {
            Attribution::Family
        } else {
            Attribution::None
        };
        let year_ok = (!reading.years.is_empty()).then(|| {
            reading.years.iter().any(|y| {
                if edition_years.contains(&(*y, study.series.as_str())) {
                    published_in(study, *y)
                } else if edition_years.iter().any(|(e, _)| e == y) {
                    // A named figure of another series may be quoted by that year's edition
                    // if it was its own series' newest then ("the Global Slavery Index 2023
                    // by Walk Free" quotes Walk Free's Global Estimates of 2022, the Index
                    // 2016 none of 2017).
                    if attribution == Attribution::Named {
                        study.year <= *y
                            && registry
                                .get(&study.superseded_by)
                                .is_none_or(|newer| newer.year > *y)
                    } else {
                        published_in(study, *y)
                    }
                } else {
                    year_fits(study, *y)
                }
            })
        });
        // Cited by its number alone, a figure needs its population named: "profits" is
        // named by words as common as "industry", and a loan of "nearly €44 billion" is no
        // figure of forced labour's.
        let hedged_past = hedged_past(mention, &claimed, study, &f.interval)
            && distinctive
            && topic
            && subgroup
            && year_ok != Some(false)
            && (study.unit != Unit::Usd || mention.currency.is_none_or(|c| c == "USD"))
            && (attribution != Attribution::None
                || reading.concepts.iter().any(|c| POPULATIONS.contains(c)));
        let confidence = if topic && subgroup && attribution == Attribution::Named {
            Some(Confidence::High)
        } else if topic
            && subgroup
            && fits
            && (distinctive || attribution == Attribution::Family && bounded(quantity))
        {
            Some(Confidence::Medium)
        } else {
            None
        };
        out.push(StudyMatch {
            study,
            interval: f.interval,
            core: f.core,
            attribution,
            topic,
            subgroup,
            year_ok,
            overlaps,
            fits,
            distinctive,
            confidence,
            same_measure: topic && subgroup && year_ok != Some(false),
            hedged_past,
        });
    }
    let target = quantity.nominal.low.abs().max(1e-9);
    // Surest first, then on the claim's years, fitting its figure, naming its subgroup, and
    // nearest its figure on a log scale; the newest edition last ([`Rank`]). Each
    // candidate's key is worked out once (a logarithm per comparison was a percent of the
    // run), and holds the candidate's place in its low 32 bits: the keys are told apart, so
    // the sort keeps the order of equals, and are sorted as plain integers.
    let mut keys: Vec<u128> = out
        .iter()
        .enumerate()
        .map(|(place, c)| (Rank::of(c, target).key() << 32) | place as u128)
        .collect();
    keys.sort_unstable();
    let mut sorted = Vec::with_capacity(out.len());
    sorted.extend(
        keys.iter()
            .filter_map(|key| out.get((key & u128::from(u32::MAX)) as usize).copied()),
    );
    sorted
}

/// What orders the candidates of a claim, in the order of the tests: surest first, then on
/// the claim's years, fitting its figure, naming its subgroup, nearest its figure, and the
/// newest edition last.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Rank {
    confidence: Option<Confidence>,
    year_ok: bool,
    fits: bool,
    subgroup: bool,
    /// The row has a subgroup, and the claim's sentence names it.
    names_subgroup: bool,
    /// How far the row's value is from the claim's, as the absolute value of the logarithm
    /// of their ratio: never negative.
    distance: f64,
    year: u16,
}

impl Rank {
    fn of(c: &StudyMatch<'_>, target: f64) -> Rank {
        Rank {
            confidence: c.confidence,
            year_ok: c.year_ok.unwrap_or(true),
            fits: c.fits,
            subgroup: c.subgroup,
            names_subgroup: !c.study.subgroup.is_empty() && c.subgroup,
            distance: (c.study.claim_value().abs().max(1e-9) / target).ln().abs(),
            year: c.study.year,
        }
    }

    /// The rank as one integer, most significant test first (in its low 88 bits), so that two
    /// ranks compare in one instruction rather than field by field. The distance's bits
    /// order it as `total_cmp` does, since it is never negative.
    fn key(&self) -> u128 {
        let unsure = match self.confidence {
            Some(Confidence::High) => 0u128,
            Some(Confidence::Medium) => 1,
            None => 2,
        };
        let not = |b: bool| u128::from(!b);
        let flags = (unsure << 5)
            | (not(self.year_ok) << 4)
            | (not(self.fits) << 3)
            | (not(self.subgroup) << 2)
            | (not(self.names_subgroup) << 1);
        (flags << 80)
            | (u128::from(self.distance.to_bits()) << 16)
            | u128::from(u16::MAX - self.year)
    }
}

/// Whether a publisher belongs to the United Nations family.
pub fn in_un_family(study: &Study) -> bool {
    vocab::UN_FAMILY.contains(&study.publisher.as_str())
        || study.publisher.starts_with("UN")
        || study.publisher.contains("ILO")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn rank() -> impl Strategy<Value = Rank> {
        (
            prop_oneof![
                Just(None),
                Just(Some(Confidence::Medium)),
                Just(Some(Confidence::High))
            ],
            any::<[bool; 4]>(),
            prop_oneof![
                0.0..20.0f64,
                Just(0.0),
                Just(f64::INFINITY),
                Just(f64::NAN.abs())
            ],
            prop_oneof![1990u16..2030, any::<u16>()],
        )
            .prop_map(
                |(confidence, [year_ok, fits, subgroup, names_subgroup], distance, year)| Rank {
                    confidence,
                    year_ok,
                    fits,
                    subgroup,
                    names_subgroup,
                    distance,
                    year,
                },
            )
    }

    proptest! {
        /// The packed key orders two ranks as their tests, compared one by one, do.
        #[test]
        fn rank_keys_order_as_the_tests(a in rank(), b in rank()) {
            use std::cmp::Reverse;
            let tests = |r: &Rank| (
                Reverse(r.confidence),
                Reverse(r.year_ok),
                Reverse(r.fits),
                Reverse(r.subgroup),
                Reverse(r.names_subgroup),
                r.distance.to_bits(),
                Reverse(r.year),
            );
            prop_assert_eq!(a.key().cmp(&b.key()), tests(&a).cmp(&tests(&b)), "{:?} {:?}", a, b);
        }
    }

    /// A number as claims and rows write them: a few significant digits at some scale.
    fn figure() -> impl Strategy<Value = f64> {
        (1u32..100_000, -3i32..10, any::<bool>()).prop_map(|(digits, scale, negative)| {
            let v = f64::from(digits) * 10f64.powi(scale - 4);
            if negative { -v } else { v }
        })
    }

    /// A number of one significant digit ("20 million"), whose rounding is the widest.
    fn round_figure() -> impl Strategy<Value = f64> {
        (1u32..10, -3i32..10).prop_map(|(digit, scale)| f64::from(digit) * 10f64.powi(scale))
    }

    fn interval() -> impl Strategy<Value = Interval> {
        (figure(), figure(), 0u8..4).prop_map(|(a, b, shape)| {
            let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
            match shape {
                0 => Interval::point(lo),
                1 => Interval {
                    lo: End::Inclusive(lo),
                    hi: End::Exclusive(hi),
                },
                2 => Interval {
                    lo: End::Exclusive(lo),
                    hi: End::Unbounded,
                },
                _ => Interval {
                    lo: End::Unbounded,
                    hi: End::Inclusive(hi),
                },
            }
        })
    }

    proptest! {
        /// The tokens within a claim's spans are those of the sentence in some span, each once
        /// and in order: what collecting, sorting and deduplicating their indices gives.
        #[test]
        fn the_tokens_within_spans_are_each_taken_once_in_order(
            text in "[a-c ]{0,40}",
            spans in proptest::collection::vec(proptest::option::of((0usize..42, 0usize..12)), 8),
        ) {
            let tokens = vocab::tokens(&text, 0, text.len());
            let spans: Vec<Option<Span>> = spans
                .into_iter()
                .map(|s| s.map(|(start, len)| Span::new(start, start + len)))
                .collect();
            let spans: [Option<Span>; 8] = spans.try_into().expect("eight spans");
            let mut at: Vec<usize> = Vec::new();
            for s in spans.iter().flatten() {
                let from = tokens.partition_point(|t| t.start < s.start);
                let n = tokens[from..].iter().take_while(|t| t.end <= s.end).count();
                at.extend(from..from + n);
            }
            at.sort_unstable();
            at.dedup();
            let want: Vec<(usize, usize)> =
                at.iter().map(|&i| (tokens[i].start, tokens[i].end)).collect();
            let got: Vec<(usize, usize)> =
                within(&tokens, &spans).iter().map(|t| (t.start, t.end)).collect();
            prop_assert_eq!(got, want);
        }
    }

    proptest! {
        /// A [`RowSet`] holds what a B-tree of the same rows holds, and gives its rows in
        /// the same order, however it was built.
        #[test]
        fn a_row_set_holds_and_orders_rows_as_a_btree_does(
            a in proptest::collection::vec(0usize..300, 0..40),
            b in proptest::collection::vec(0usize..300, 0..40),
            probe in 0usize..400,
        ) {
            let mut set: RowSet = a.iter().copied().collect();
            set.union_with(&b.iter().copied().collect());
            let tree: std::collections::BTreeSet<usize> = a.iter().chain(&b).copied().collect();
            prop_assert_eq!(set.iter().collect::<Vec<_>>(), tree.iter().copied().collect::<Vec<_>>());
            prop_assert_eq!(set.len(), tree.len());
            prop_assert_eq!(set.is_empty(), tree.is_empty());
            prop_assert_eq!(set.contains(probe), tree.contains(&probe));
        }
    }

    /// A row's reach as registries give them: a point or a narrow span of a figure at any
    /// scale, sometimes open, wide, negative or NaN.
    fn row_reach() -> impl Strategy<Value = (f64, f64)> {
        prop_oneof![
            4 => (figure(), 1.0f64..1.5).prop_map(|(v, w)| if v < 0.0 { (v * w, v) } else { (v, v * w) }),
            1 => (figure(), figure()).prop_map(|(a, b)| (a.min(b), a.max(b))),
            1 => figure().prop_map(|v| (v, f64::INFINITY)),
            1 => Just((f64::NAN, f64::NAN)),
            1 => Just((0.0, 0.0)),
        ]
    }

    proptest! {
        /// The rows read for a claim hold every row the first tests of [`candidates`] keep:
        /// those on the claim's topic and those whose reach meets its window.
        #[test]
        fn the_rows_near_a_claim_hold_every_row_its_window_or_topic_keeps(
            reaches in proptest::collection::vec(
                (row_reach(), 0..Concept::ALL.len()),
                0..40,
            ),
            window in prop_oneof![
                (figure(), figure()).prop_map(|(a, b)| (a.min(b), a.max(b))),
                figure().prop_map(|v| (v * 0.49, v * 1.51)),
                figure().prop_map(|v| (v, f64::INFINITY)),
                Just((f64::NAN, f64::NAN)),
            ],
            topic in proptest::collection::vec(any::<bool>(), Concept::ALL.len()),
        ) {
            let rows: Vec<RowKey> = reaches
                .iter()
                .enumerate()
                .map(|(index, &(reach, c))| RowKey {
                    index,
                    year: 2020,
                    persons: false,
                    concept: Concept::ALL[c],
                    reach,
                })
                .collect();
            let list = KindRows::new(rows);
            let near = list.near(window, &topic);
            for (p, row) in list.rows.iter().enumerate() {
                let kept = topic[row.concept as usize] && row.concept != Concept::Other
                    || !(row.reach.1 < window.0 || row.reach.0 > window.1);
                prop_assert!(!kept || near.contains(p), "row {p} {:?} window {window:?}", row.reach);
            }
        }
    }

    proptest! {
        /// [`candidates`] orders distances (absolute values of logarithms, infinite or not a
        /// number at the extremes) by their bits: as `total_cmp` orders them.
        #[test]
        fn the_bits_of_a_distance_order_it_as_total_cmp_does(
            a in prop_oneof![any::<f64>(), Just(f64::INFINITY), Just(f64::NAN), Just(-0.0)],
            b in prop_oneof![any::<f64>(), Just(f64::INFINITY), Just(f64::NAN), Just(0.0)],
        ) {
            let (a, b) = (a.abs(), b.abs());
            prop_assert_eq!(a.to_bits().cmp(&b.to_bits()), a.total_cmp(&b));
        }
    }

    proptest! {
        /// The window [`candidates`] skips rows by holds every value a test of the figure
        /// can accept: a row it skips could not have been kept by its figure.
        #[test]
        fn the_value_window_holds_every_figure_a_claim_can_match(
            (claimed, low, published) in prop_oneof![figure(), round_figure()].prop_flat_map(|low| {
                // Published figures near the claim's (roundings of it) as well as anywhere,
                // and a claim of that one value as well as any interval.
                let near = (-0.6f64..0.6).prop_map(move |d| low * (1.0 + d));
                (
                    prop_oneof![Just(Interval::point(low)), interval()],
                    Just(low),
                    proptest::collection::vec(prop_oneof![figure(), near], 1..3),
                )
            }),
            high in figure(),
            core in prop_oneof![3 => figure().prop_map(Interval::point), 1 => interval()],
        ) {
            let ends = [Stated::new(low), Stated::new(high)];
            let window = value_window(&claimed, &ends);
            let reach = reach(&core, &published);
            let skipped = reach.1 < window.0 || reach.0 > window.1;
            let same = |a: f64, b: f64| (a - b).abs() <= b.abs() * 1e-9 + 1e-12;
            let matched = claimed.overlaps(&core)
                || published.iter().any(|&p| {
                    ends.iter().any(|e| e.rounds_to(p)) || same(low, p)
                });
            prop_assert!(!(skipped && matched), "window {window:?}, reach {reach:?}");
        }
    }

    /// The series a name answers to is looked up as it is read off every row's names, for
    /// every name of the shipped registry in any case, and for words that are no name.
    #[test]
    fn the_one_series_of_a_name_is_looked_up_as_read_off_the_rows() {
        let registry = Registry::builtin().expect("the shipped registry loads");
        let names = Names::new(&registry);
        let mut tried = 0;
        let mut one = 0;
        for pattern in names
            .patterns
            .iter()
            .map(String::as_str)
            .chain(["Nobody", ""])
        {
            for name in [
                pattern.to_owned(),
                pattern.to_ascii_lowercase(),
                pattern.to_ascii_uppercase(),
            ] {
                let want = one_series_of(&name, &registry);
                assert_eq!(names.one_series(&name, &registry), want, "{name:?}");
                // Every name the automaton finds is looked up, not read off the rows.
                assert!(
                    pattern == "Nobody"
                        || pattern.is_empty()
                        || names.one_series.contains_key(&name.to_ascii_lowercase()),
                    "{name:?}"
                );
                tried += 1;
                one += usize::from(want.is_some());
            }
        }
        // Both answers are met: names of one series and names shared by several.
        assert!(one > 0 && one < tried, "{one} of {tried}");
    }

    /// "1 million" is a rounding of 1.4999 million: the widest rounding there is, and inside
    /// the window.
    #[test]
    fn the_widest_rounding_is_inside_the_window() {
        for scale in [1.0, 1e6, 0.01] {
            let stated = Stated::new(scale);
            let published = 1.4999 * scale;
            assert!(stated.rounds_to(published));
            let window = value_window(&Interval::point(scale), &[Stated::new(scale), stated]);
            assert!(window.1 >= published, "{window:?} leaves out {published}");
        }
    }

    /// [`composition`] compares the verbs' words with tokens as they are: they must be
    /// lowercase words, one space apart, with no stems.
    #[test]
    fn the_verbs_of_composition_are_plain_lowercase_words() {
        for verb in vocab::COMPOSES {
            for word in verb.split(' ') {
                assert!(
                    !word.is_empty() && word.chars().all(|c| c.is_lowercase()),
                    "{verb:?}"
                );
            }
        }
    }

    #[test]
    fn a_figure_far_from_a_row_is_outside_its_window() {
        let ends = [Stated::new(20.0), Stated::new(20.0)];
        let window = value_window(&Interval::point(20.0), &ends);
        let far = reach(&Interval::point(89.0), &[89.0]);
        assert!(far.0 > window.1);
        let near = reach(&Interval::point(23.0), &[23.0]);
        assert!(near.0 <= window.1 && near.1 >= window.0);
    }

    /// The words of the shipped registry's subgroups and places, and a few of prose.
    fn place_words(registry: &Registry) -> Vec<String> {
        let mut words: Vec<String> = registry
            .studies
            .iter()
            .flat_map(|s| [s.subgroup.clone(), s.geography.clone()])
            .flat_map(|t| {
                t.split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .map(str::to_owned)
                    .collect::<Vec<_>>()
            })
            .chain(["the", "of", "they", "and", "girls", "men", "report"].map(String::from))
            .collect();
        words.sort();
        words.dedup();
        words
    }

    /// Which rows fit, every entry of the registry's places read (as `Places::fit` read them
    /// before it read only the entries a named term touches).
    fn fit_by_every_need(places: &Places, tokens: &[Token], before: &[Token]) -> Vec<bool> {
        let here = places.lexicon.present(tokens);
        let there = if before.is_empty() {
            Vec::new()
        } else {
            places.lexicon.present(before)
        };
        places
            .of_row
            .iter()
            .map(|&k| Places::need_fits(&places.needs[k], &here, &there))
            .collect()
    }

    static PLACES: std::sync::LazyLock<(Places, Vec<String>)> = std::sync::LazyLock::new(|| {
        let registry = Registry::builtin().expect("the shipped registry loads");
        (Places::new(&registry), place_words(&registry))
    });

    /// Each row's own subgroup and place, written as a sentence, fit it: the entries a named
    /// term touches hold every row that fits.
    #[test]
    fn each_row_fits_a_sentence_naming_its_subgroup_and_place() {
        let registry = Registry::builtin().expect("the shipped registry loads");
        let places = &PLACES.0;
        let mut beyond_none = 0;
        for (row, study) in registry.studies.iter().enumerate() {
            let subgroup = alternatives(&study.subgroup).next().unwrap_or("");
            let text = format!("{subgroup} in {}", study.geography);
            let tokens = vocab::tokens(&text, 0, text.len());
            let fit = places.fit(&tokens, &[]);
            assert_eq!(*fit, *fit_by_every_need(places, &tokens, &[]), "{text:?}");
            assert!(fit[row], "row {row} in {text:?}");
            beyond_none += usize::from(*fit != *places.fit_by_none);
        }
        assert!(beyond_none > 100, "{beyond_none}");
    }

    proptest! {
        /// Sentences of the registry's place and subgroup words, with a sentence before them,
        /// fit the rows that reading every entry fits.
        #[test]
        fn the_rows_a_sentence_fits_are_those_every_entry_read_fits(
            here in proptest::collection::vec(0usize..10_000, 0..10),
            before in proptest::collection::vec(0usize..10_000, 0..6),
        ) {
            let (places, words) = &*PLACES;
            let sentence = |picks: &[usize]| {
                picks.iter().map(|&i| words[i % words.len()].as_str()).collect::<Vec<_>>().join(" ")
            };
            let (text, previous) = (sentence(&here), sentence(&before));
            let tokens = vocab::tokens(&text, 0, text.len());
            let before = vocab::tokens(&previous, 0, previous.len());
            prop_assert_eq!(
                &*places.fit(&tokens, &before),
                &*fit_by_every_need(places, &tokens, &before),
                "{:?} after {:?}", text, previous
            );
        }
    }
}
