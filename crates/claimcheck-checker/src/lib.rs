//! The registry of cited studies and the rules that check numeric claims against it.
//!
//! The pipeline's third step: a document's claims, their quantities and estimates (from
//! `claimcheck-parser` and `claimcheck-model`) go through the [`rules`], which compare them
//! with each other and with the [`registry`], and come out as [`Finding`]s. Nothing here
//! prints; the CLI renders findings.

pub mod date;
pub mod document;
pub mod finding;
pub mod matching;
pub mod registry;
pub mod rules;
pub mod source;
pub mod suppression;
pub mod vocab;

use std::collections::{HashMap, HashSet};

use claimcheck_model::{Interval, ModelConventions};
use claimcheck_parser::{ClaimReader, Diagnostic, Extractor};

pub use date::ArticleDate;
pub use finding::{Against, Comparison, Finding, Related, Severity};
pub use registry::{Registry, RegistryError, RegistryErrors, Study};
pub use rules::{GROUPS, Group, RULES, Rule, Selector};

/// Which rules run, and at what severity, as ruff reads them: `select` names the rules to
/// run instead of the defaults (empty: the defaults; `ALL`: every rule), `extend_select` adds
/// to them, `ignore` removes. Names and codes are matched the same way everywhere, ignoring
/// case ([`rules::selector`]); a group's name or code (`base-mismatch`, `CC104`) stands for
/// each of its rules.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    /// The rules to run instead of the default ones (by name or code); empty for the defaults.
    pub select: Vec<String>,
    /// Rules to run in addition (by name or code).
    pub extend_select: Vec<String>,
    /// Rules not to run (by name or code).
    pub ignore: Vec<String>,
    /// Severity overrides, by rule name or code.
    pub severity: HashMap<String, Severity>,
}

impl Selection {
    /// The names that are neither rules, groups of rules nor codes, for a clear error.
    pub fn unknown(&self) -> Vec<String> {
        self.select
            .iter()
            .chain(&self.extend_select)
            .chain(&self.ignore)
            .chain(self.severity.keys())
            .filter(|n| !n.eq_ignore_ascii_case("ALL") && rules::selector(n).is_none())
            .cloned()
            .collect()
    }

    /// The rules that run.
    pub fn enabled(&self) -> HashSet<&'static Rule> {
        let named = |list: &[String], r: &Rule| {
            list.iter().any(|n| {
                n.eq_ignore_ascii_case("ALL") || rules::selector(n).is_some_and(|s| s.selects(r))
            })
        };
        RULES
            .iter()
            .copied()
            .filter(|r| {
                let base = if self.select.is_empty() {
                    r.default_on
                } else {
                    named(&self.select, r)
                };
                (base || named(&self.extend_select, r)) && !named(&self.ignore, r)
            })
            .collect()
    }

    /// Severity overrides by rule, whatever spelling configured them. A rule's own override
    /// wins over its group's (`base-mismatch = "error"` with `stock-as-flow = "info"`).
    pub fn severities(&self) -> HashMap<&'static Rule, Severity> {
        let mut by_rule = HashMap::new();
        let mut overrides: Vec<(rules::Selector, Severity)> = self
            .severity
            .iter()
            .filter_map(|(n, s)| rules::selector(n).map(|sel| (sel, *s)))
            .collect();
        // Groups first, so that a rule's own setting is written last.
        overrides.sort_by_key(|(sel, _)| matches!(sel, rules::Selector::Rule(_)));
        for (selector, severity) in overrides {
            for rule in selector.rules() {
                by_rule.insert(*rule, severity);
            }
        }
        by_rule
    }
}

/// What checking one text found.
#[derive(Debug, Clone, Default)]
pub struct Checked {
    /// The findings, ordered by position.
    pub findings: Vec<Finding>,
    /// Figures that could not be read.
    pub diagnostics: Vec<Diagnostic>,
    /// Every mention, quantities or not.
    pub mentions: Vec<claimcheck_parser::Mention>,
    /// The claims, one per mention.
    pub claims: Vec<claimcheck_parser::Claim>,
    /// Pairs of mentions related as a change (from → to), as the extractor read them.
    pub changes: Vec<claimcheck_parser::Change>,
    /// What the figures imply.
    pub estimates: Vec<claimcheck_model::Estimate>,
    /// How many quantity claims there are.
    pub quantities: usize,
    /// How many of them match a registry figure (the registry's coverage of the text).
    pub matched: usize,
    /// Each quantity claim as the checker read it, in the order of the mentions.
    pub readings: Vec<Reading>,
}

/// What the checker made of one quantity claim: its interval and the registry figures it
/// may cite.
#[derive(Debug, Clone)]
pub struct Reading {
    /// The index of its mention in [`Checked::mentions`].
    pub mention: usize,
    /// The figure as a quantity, with its strict interval.
    pub quantity: claimcheck_model::Quantity,
    /// The registry figures it may cite, best first.
    pub studies: Vec<StudyReading>,
}

/// A registry figure a claim may cite, as reported.
#[derive(Debug, Clone)]
pub struct StudyReading {
    /// The registry id.
    pub id: String,
    /// How sure the match is.
    pub confidence: matching::Confidence,
    /// Whether the claim fits it: the intervals overlap and the year, if given, is its own.
    pub fits: bool,
}

/// Checks texts against the registry and each other.
#[derive(Debug)]
pub struct Checker {
    registry: Registry,
    index: document::RegistryIndex,
    intervals: Vec<Interval>,
    extractor: Extractor,
    /// The date given on the command line: it wins over the text's own.
    date: Option<ArticleDate>,
    /// The date for texts that give none (the configuration's).
    fallback_date: Option<ArticleDate>,
    reader: ClaimReader,
    conventions: ModelConventions,
    /// The rules that run, in the order of [`RULES`], each with the severity the selection
    /// gives it (none: its own): worked out once, not looked up for every document.
    active: Vec<(&'static Rule, Option<Severity>)>,
    /// Whether `unused-suppression` runs.
    report_unused_suppressions: bool,
    /// Studies' own texts to look cited figures up in (`--against`).
    sources: Vec<source::Source>,
    /// Whether every figure cites the sources, named or not.
    assume_cited: bool,
}

/// The rules a selection runs, in the order of [`RULES`], with the severity it gives each.
fn active_rules(selection: &Selection) -> Vec<(&'static Rule, Option<Severity>)> {
    let enabled = selection.enabled();
    let severity = selection.severities();
    RULES
        .iter()
        .copied()
        .filter(|r| enabled.contains(r))
        .map(|r| (r, severity.get(r).copied()))
        .collect()
}

impl Checker {
    /// A checker with a registry, the model's conventions and a rule selection, reading
    /// figures by the extractor's default conventions.
    pub fn new(registry: Registry, conventions: ModelConventions, selection: &Selection) -> Self {
        Checker::with_extraction(
            registry,
            conventions,
            selection,
            claimcheck_parser::Conventions::default(),
        )
    }

    /// A checker that also reads figures by the given extractor conventions (vague
    /// quantities, years).
    pub fn with_extraction(
        registry: Registry,
        conventions: ModelConventions,
        selection: &Selection,
        extraction: claimcheck_parser::Conventions,
    ) -> Self {
        let reader = ClaimReader::default().with_max_sentence(extraction.max_sentence);
        let extractor = Extractor::new(extraction);
        let index = document::RegistryIndex::new(&registry, &extractor, &conventions);
        let intervals = index.facts.iter().map(|f| f.interval).collect();
        let active = active_rules(selection);
        Checker {
            registry,
            index,
            intervals,
            date: None,
            fallback_date: None,
            extractor,
            reader,
            conventions,
            report_unused_suppressions: active
                .iter()
                .any(|(r, _)| **r == rules::UNUSED_SUPPRESSION),
            active,
            sources: Vec::new(),
            assume_cited: false,
        }
    }

    /// Reads a study's text for figures, with this checker's extractor and conventions.
    pub fn read_source(&self, text: &source::SourceText) -> source::Source {
        source::Source::read(text, &self.extractor, &self.reader, &self.conventions)
    }

    /// Checks figures that cite these sources (by a name the source gives itself, or every
    /// figure when `assume_cited`) against the sources' own figures.
    pub fn with_sources(mut self, sources: Vec<source::Source>, assume_cited: bool) -> Self {
        self.sources = sources;
        self.assume_cited = assume_cited;
        self
    }

    /// The sources in use.
    pub fn sources(&self) -> &[source::Source] {
        &self.sources
    }

    /// Each figure of a document that cites a source, looked up in it (for `explain`).
    pub fn look_up(&self, doc: &document::Document<'_>) -> Vec<source::SourceCheck> {
        source::look_up(doc, &self.sources, self.assume_cited)
    }

    /// The article date: `explicit` (from `--date`) for every text, else each text's own
    /// (front matter, dateline), else `fallback` (from the configuration).
    pub fn with_dates(
        mut self,
        explicit: Option<ArticleDate>,
        fallback: Option<ArticleDate>,
    ) -> Self {
        self.date = explicit;
        self.fallback_date = fallback;
        self
    }

    /// The date a text is judged at.
    pub fn date_of(&self, original: &str) -> Option<ArticleDate> {
        self.date
            .or_else(|| ArticleDate::from_text(original))
            .or(self.fallback_date)
    }

    /// Reads a text as the rules see it (for `claimcheck explain`): calls `f` with the
    /// document.
    pub fn inspect<R>(
        &self,
        prose: &str,
        original: &str,
        f: impl FnOnce(&document::Document<'_>) -> R,
    ) -> R {
        let parsed = document::parse(prose, &self.extractor, &self.reader);
        let doc = document::Document::new(
            prose,
            &parsed,
            &self.registry,
            &self.index,
            &self.conventions,
            self.date_of(original),
        );
        f(&doc)
    }

    /// The registry in use.
    pub fn registry(&self) -> &Registry {
        &self.registry
    }

    /// Checks one text.
    pub fn check(&self, text: &str) -> Checked {
        self.check_prose(text, text)
    }

    /// Checks `prose`, the readable text of `original` with the same offsets (Markdown with
    /// its markup blanked out, say); suppression comments are read from `original`.
    pub fn check_prose(&self, prose: &str, original: &str) -> Checked {
        let text = prose;
        let parsed = document::parse(text, &self.extractor, &self.reader);
        let doc = document::Document::new(
            text,
            &parsed,
            &self.registry,
            &self.index,
            &self.conventions,
            self.date_of(original),
        );
        let source_checks = self.look_up(&doc);
        let base = rules::BaseVerdicts::new(doc.quantities.len());
        let context = rules::Context {
            registry: &self.registry,
            intervals: &self.intervals,
            conventions: &self.conventions,
            names: &self.index.names,
            compositions: &self.index.compositions,
            sources: &self.sources,
            source_checks: &source_checks,
            base: &base,
        };
        let mut findings = Vec::new();
        for &(rule, severity) in &self.active {
            let start = findings.len();
            (rule.check)(&doc, &context, &mut findings);
            if let Some(sev) = severity {
                for f in &mut findings[start..] {
                    f.severity = sev;
                }
            }
        }
        findings.sort_by(|a, b| a.span.start.cmp(&b.span.start).then(a.rule.cmp(b.rule)));
        suppression::apply(original, &mut findings, self.report_unused_suppressions);
        let quantities = doc.quantities.len();
        let matched = doc
            .quantities
            .iter()
            .filter(|c| !c.matches.is_empty())
            .count();
        // The rules are done with the document: its quantities move into the readings.
        let readings = doc
            .quantities
            .into_iter()
            .map(|c| Reading {
                mention: c.index,
                quantity: c.quantity,
                studies: c
                    .matches
                    .iter()
                    .filter_map(|m| {
                        Some(StudyReading {
                            id: m.study.id.clone(),
                            confidence: m.confidence?,
                            fits: m.overlaps && m.year_ok != Some(false),
                        })
                    })
                    .collect(),
            })
            .collect();
        let estimates = doc.estimates;
        Checked {
            findings,
            diagnostics: parsed.diagnostics,
            mentions: parsed.mentions,
            claims: parsed.claims,
            changes: parsed.changes,
            estimates,
            quantities,
            matched,
            readings,
        }
    }
}
