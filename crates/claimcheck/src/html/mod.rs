//! The HTML report: each article with its figures marked, its findings beside their lines,
//! and every interval drawn on a number line.
//!
//! One self-contained page per report (inline CSS and SVG, one small inline script for the
//! filters; no network, no external file), or, past a size budget, an index page and one
//! page per article (see [`pages::Budget`]). Every piece of text from an article, a file name, a
//! registry or a message is escaped by [`escape::Esc`]; links are made only of `http(s)`
//! URLs; and a Content-Security-Policy lets no script run but the page's own.
//!
//! The writer is hand-written: a page is a few dozen element kinds, and a template crate
//! would add a build step for no gain in safety (the escaping lives in one place either
//! way). [`Article`] holds what a page shows of one document; [`render_article`] turns it
//! into an `<article>` fragment; [`Page`] wraps fragments in the page with the summary,
//! table of contents, filters and the rules' documentation.

pub mod escape;
pub mod numberline;
pub mod pages;

use std::collections::BTreeMap;
use std::fmt::{self, Write as _};
use std::ops::Range;

use claimcheck_checker::{Checked, Registry, Severity};
use claimcheck_model::Interval;
use claimcheck_model::quantity::{plain, show};
use claimcheck_parser::{LineIndex, Mention, one_line};

use crate::derive::EstimateRecord;
use crate::output::FindingRecord;
use escape::{Esc, link_target};
use numberline::Bar;

/// The report's stylesheet, inlined in every page.
pub const STYLE: &str = include_str!("report.css");

/// The report's only script: the filters, and Escape to hide a figure's details.
pub const SCRIPT: &str = include_str!("report.js");

/// The SHA-256 of [`SCRIPT`], base64: the Content-Security-Policy lets this script run and
/// no other. A test recomputes it.
pub const SCRIPT_SHA256: &str = "sha256-UC4U0D/IpneSlvIVNTOOoIXssPcxTu7/Bne47+ShRoQ=";

/// A registry figure a claim may cite, as the page shows it.
#[derive(Debug, Clone)]
pub struct StudyLink {
    /// The registry id.
    pub id: String,
    /// “UNIAP 2010: “Twenty-three percent””.
    pub cite: String,
    /// The publication's title.
    pub title: String,
    /// Where it was published.
    pub url: String,
    /// Whether the claim fits it (intervals overlap, year right).
    pub fits: bool,
}

/// One figure of an article, with what the page shows on hover and focus.
#[derive(Debug, Clone)]
pub struct Figure {
    /// Its byte range in the text.
    pub span: Range<usize>,
    /// `number`, `percent`, `money`, `year` or `ordinal`.
    pub kind: &'static str,
    /// The stated value or range, in words.
    pub value: Option<String>,
    /// Every value its words allow, for quantities.
    pub interval: Option<Interval>,
    /// `percent`, a currency code or the counted noun.
    pub unit: Option<String>,
    /// Claim fields as written: (name, text) for subject, outcome, source, time, basis,
    /// hedge.
    pub about: Vec<(&'static str, String)>,
    /// Registry figures it may cite, best first.
    pub studies: Vec<StudyLink>,
}

/// A derived estimate with where its inputs are.
#[derive(Debug)]
pub struct EstimateView {
    /// The record `derive` writes.
    pub record: EstimateRecord,
    /// Its interval.
    pub interval: Interval,
    /// The byte ranges of its inputs.
    pub inputs: Vec<Range<usize>>,
}

/// What the report shows of one document.
#[derive(Debug)]
pub struct Article {
    /// The input's name (`path`, `path#id`).
    pub name: String,
    /// The text shown: the prose (Markdown and HTML markup blanked, offsets kept).
    pub text: String,
    /// Every figure, in order.
    pub figures: Vec<Figure>,
    /// The findings, in order.
    pub findings: Vec<FindingRecord>,
    /// What the figures imply.
    pub estimates: Vec<EstimateView>,
    /// How many figures are quantities.
    pub quantities: usize,
    /// How many quantities match a registry figure.
    pub matched: usize,
}

impl Article {
    /// The article of a checked document. `original` is the file's text (for the finding
    /// records' positions), `prose` the text the checker read.
    pub fn new(
        name: &str,
        original: &str,
        prose: &str,
        checked: &Checked,
        registry: &Registry,
    ) -> Self {
        let index = LineIndex::new(prose);
        let findings = checked
            .findings
            .iter()
            .map(|f| FindingRecord::new(name, original, &index, f))
            .collect();
        let mut readings = checked.readings.iter().peekable();
        let figures = checked
            .mentions
            .iter()
            .zip(&checked.claims)
            .enumerate()
            .map(|(i, (m, c))| {
                let reading = readings.next_if(|r| r.mention == i);
                let slice = |s: Option<claimcheck_parser::Span>| {
                    s.map(|s| {
                        prose[s.range()]
                            .split_whitespace()
                            .collect::<Vec<_>>()
                            .join(" ")
                    })
                };
                let mut about = Vec::new();
                for (key, value) in [
                    ("subject", slice(c.subject)),
                    ("subgroup", slice(c.subgroup)),
                    ("outcome", slice(c.predicate)),
                    (
                        "source",
                        c.source.as_ref().map(|s| {
                            let written = slice(Some(s.span)).unwrap_or_default();
                            match (&s.name, s.year) {
                                (Some(n), Some(y)) => format!("“{written}” ({n}, {y})"),
                                (Some(n), None) => format!("“{written}” ({n})"),
                                _ => format!("“{written}”"),
                            }
                        }),
                    ),
                    ("time", slice(c.time)),
                    ("basis", slice(c.basis)),
                    ("hedge", slice(c.hedge)),
                ] {
                    if let Some(v) = value {
                        about.push((key, v));
                    }
                }
                Figure {
                    span: m.span.range(),
                    kind: m.kind.as_str(),
                    value: if m.kind == claimcheck_parser::Kind::Year {
                        m.value.map(|v| format!("{v}"))
                    } else {
                        stated(m)
                    },
                    interval: reading.map(|r| r.quantity.interval),
                    unit: reading.and_then(|r| {
                        crate::records::unit_name(&r.quantity.dimension, r.quantity.unit.as_deref())
                    }),
                    about,
                    studies: reading
                        .map(|r| {
                            r.studies
                                .iter()
                                .filter_map(|s| {
                                    let study = registry.get(&s.id)?;
                                    Some(StudyLink {
                                        id: study.id.clone(),
                                        cite: format!(
                                            "{} {}: “{}”",
                                            study.publisher, study.year, study.value_text
                                        ),
                                        title: study.title.clone(),
                                        url: study.url.clone(),
                                        fits: s.fits,
                                    })
                                })
                                .collect()
                        })
                        .unwrap_or_default(),
                }
            })
            .collect();
        let estimates = checked
            .estimates
            .iter()
            .map(|e| EstimateView {
                record: EstimateRecord::new(name, original, &index, e),
                interval: e.interval,
                inputs: e.inputs.iter().map(|i| i.span.range()).collect(),
            })
            .collect();
        Article {
            name: name.to_owned(),
            text: prose.to_owned(),
            figures,
            findings,
            estimates,
            quantities: checked.quantities,
            matched: checked.matched,
        }
    }

    /// How many findings of a severity.
    pub fn count(&self, s: Severity) -> usize {
        self.findings.iter().filter(|f| f.level == s).count()
    }
}

/// The stated value of a mention in words: “23”, “100,000–200,000”, “more than 20”.
fn stated(m: &Mention) -> Option<String> {
    if let Some(v) = m.value {
        return Some(plain(v));
    }
    if let Some([a, b]) = m.endpoints {
        return Some(format!("{}–{}", plain(a), plain(b)));
    }
    m.lower.map(|l| plain(l.value))
}

/// A line of the table of contents, and what the summary adds up.
#[derive(Debug, Clone)]
pub struct ArticleSummary {
    /// The input's name.
    pub name: String,
    /// Where the article is: `#a3` in one page, `report-articles/00003-….html` in pages.
    pub href: String,
    /// Figures, quantities among them, those the registry matches.
    pub figures: usize,
    /// Quantities among the figures.
    pub quantities: usize,
    /// Quantities that match a registry figure.
    pub matched: usize,
    /// Derived estimates.
    pub estimates: usize,
    /// Findings by severity: error, warning, info.
    pub severities: [usize; 3],
    /// (severity, code, name) of every finding.
    pub findings: Vec<(&'static str, &'static str, &'static str)>,
}

impl ArticleSummary {
    /// The summary of an article found at `href`.
    pub fn new(a: &Article, href: String) -> Self {
        ArticleSummary {
            name: a.name.clone(),
            href,
            figures: a.figures.len(),
            quantities: a.quantities,
            matched: a.matched,
            estimates: a.estimates.len(),
            severities: [
                a.count(Severity::Error),
                a.count(Severity::Warning),
                a.count(Severity::Info),
            ],
            findings: a
                .findings
                .iter()
                .map(|f| (f.severity, f.code, f.rule))
                .collect(),
        }
    }

    /// The `data-fs` attribute the filters read: each distinct `severity:code`.
    fn filter_keys(&self) -> String {
        let mut keys: Vec<String> = self
            .findings
            .iter()
            .map(|(s, c, _)| format!("{s}:{c}"))
            .collect();
        keys.sort();
        keys.dedup();
        keys.join(" ")
    }
}

/// Renders one article as an `<article>` element. `n` numbers it in the report (its ids
/// start `a{n}-`); its rule names link to `#rule-NAME`, which the page must carry.
///
/// A panic while drawing one article is caught, as a panic while checking one is: the error
/// names the article ([`take_undrawn`], which the command reports, exiting 2), the page says
/// it could not be drawn, and the other articles are drawn.
pub fn render_article(a: &Article, n: usize) -> String {
    let drawn = crate::reporter::isolate(&format!("{} (its HTML page)", a.name), || {
        let mut out = String::with_capacity(a.text.len() * 3 + 4096);
        // Writing to a String cannot fail.
        let _ = write_article(&mut out, a, n);
        out
    });
    match drawn {
        Ok(out) => out,
        Err(problem) => {
            let page = format!(
                "<article class=\"doc\" id=\"a{n}\"><h2>{}</h2><p>This article could not be \
                 drawn: {}</p></article>",
                Esc(&a.name),
                Esc(&problem.message)
            );
            UNDRAWN
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .push(problem);
            page
        }
    }
}

/// The articles [`render_article`] could not draw, as problems for the command to report.
static UNDRAWN: std::sync::Mutex<Vec<crate::input::Problem>> = std::sync::Mutex::new(Vec::new());

/// Takes the problems of the articles that could not be drawn so far (the command reports
/// them and exits 2).
pub fn take_undrawn() -> Vec<crate::input::Problem> {
    std::mem::take(
        &mut *UNDRAWN
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner),
    )
}

/// A mark in the text: a figure, or the place of a finding that is about no figure (a
/// suppression comment).
struct Mark {
    span: Range<usize>,
    figure: Option<usize>,
    findings: Vec<usize>,
}

fn write_article(out: &mut String, a: &Article, n: usize) -> fmt::Result {
    let id = format!("a{n}");
    let summary = ArticleSummary::new(a, String::new());
    write!(
        out,
        "<article class=\"doc\" id=\"{id}\" aria-labelledby=\"{id}-h\" data-fs=\"{}\">\
         <h2 id=\"{id}-h\">{}</h2>",
        Esc(&summary.filter_keys()),
        Esc(&a.name)
    )?;
    write!(
        out,
        "<p class=\"meta\">{} figures · {} quantities, {} in the registry{} · {} · {} estimates</p>",
        a.figures.len(),
        a.quantities,
        a.matched,
        coverage(a.matched, a.quantities)
            .map(|c| format!(" ({c})"))
            .unwrap_or_default(),
        findings_words(summary.severities),
        a.estimates.len()
    )?;

    // Marks: every figure, then finding places that are no figure and overlap none.
    let mut marks: Vec<Mark> = a
        .figures
        .iter()
        .enumerate()
        .map(|(i, f)| Mark {
            span: f.span.clone(),
            figure: Some(i),
            findings: Vec::new(),
        })
        .collect();
    for (j, f) in a.findings.iter().enumerate() {
        match marks.iter_mut().find(|m| m.span == f.span) {
            Some(m) => m.findings.push(j),
            None => marks.push(Mark {
                span: f.span.clone(),
                figure: None,
                findings: vec![j],
            }),
        }
    }
    marks.sort_by_key(|m| (m.span.start, m.span.end));
    let mut kept: Vec<Mark> = Vec::with_capacity(marks.len());
    for m in marks {
        let fits = m.span.start < m.span.end
            && m.span.end <= a.text.len()
            && a.text.is_char_boundary(m.span.start)
            && a.text.is_char_boundary(m.span.end);
        if fits && kept.last().is_none_or(|k| k.span.end <= m.span.start) {
            kept.push(m);
        }
    }

    // Paragraphs: text between blank lines, joined where a mark crosses one.
    // An HTML source breaks its lines between blocks (a heading, then a paragraph) with no
    // blank line, and its markup is blanked: each line is a paragraph there.
    let paragraphs = paragraphs(&a.text, &kept, crate::markup::is_html(&a.name));
    // Where each finding and estimate goes: the paragraph of its claim (or first input).
    let para_of = |pos: usize| {
        paragraphs
            .partition_point(|p| p.end <= pos)
            .min(paragraphs.len().saturating_sub(1))
    };
    let mut cards: Vec<Vec<usize>> = vec![Vec::new(); paragraphs.len()];
    for (j, f) in a.findings.iter().enumerate() {
        if let Some(c) = cards.get_mut(para_of(f.span.start)) {
            c.push(j);
        }
    }
    let mut ests: Vec<Vec<usize>> = vec![Vec::new(); paragraphs.len()];
    for (k, e) in a.estimates.iter().enumerate() {
        let at = e.inputs.first().map_or(0, |r| r.start);
        if let Some(c) = ests.get_mut(para_of(at)) {
            c.push(k);
        }
    }
    let figure_anchor = |pos: Range<usize>| {
        a.figures
            .iter()
            .position(|f| f.span == pos)
            .map(|i| format!("#{id}-f{i}"))
    };

    let mut next_mark = 0;
    let mut line = 1;
    let mut counted = 0;
    for (p, range) in paragraphs.iter().enumerate() {
        line += a.text[counted..range.start].matches('\n').count();
        counted = range.start;
        let row = format!("{id}-L{line}");
        write!(
            out,
            "<div class=\"row\" id=\"{row}\"><div class=\"text\">\
             <a class=\"ln\" href=\"#{row}\" aria-label=\"line {line}\">{line}</a><p>"
        )?;
        let mut at = range.start;
        while next_mark < kept.len() && kept[next_mark].span.start < range.end {
            let (i, m) = (next_mark, &kept[next_mark]);
            next_mark += 1;
            // A mark is drawn only where it lies whole in this paragraph, after the text
            // already written: a finding on masked markup (a suppression comment between
            // paragraphs) or one overlapping the mark before it is listed, not drawn.
            if m.span.start < at
                || m.span.end > range.end
                || !a.text.is_char_boundary(m.span.start)
                || !a.text.is_char_boundary(m.span.end)
            {
                continue;
            }
            out.push_str(&Esc(&a.text[at..m.span.start]).to_string());
            write_mark(out, a, &id, i, m)?;
            at = m.span.end;
        }
        write!(out, "{}</p></div>", Esc(&a.text[at..range.end]))?;
        if !cards[p].is_empty() || !ests[p].is_empty() {
            write!(
                out,
                "<aside class=\"cards\" aria-label=\"Findings and estimates for line {line}\">"
            )?;
            for &j in &cards[p] {
                write_finding(out, a, &id, j, &figure_anchor)?;
            }
            for &k in &ests[p] {
                write_estimate(out, &id, k, &a.estimates[k], &figure_anchor)?;
            }
            out.push_str("</aside>");
        }
        out.push_str("</div>");
    }
    out.push_str("</article>");
    Ok(())
}

/// The paragraphs of a text: ranges between blank lines (with `lines`, between line breaks),
/// trimmed, never splitting a mark.
fn paragraphs(text: &str, marks: &[Mark], lines: bool) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    let push = |r: Range<usize>, out: &mut Vec<Range<usize>>| {
        let s = &text[r.clone()];
        let lead = s.len() - s.trim_start().len();
        let trail = s.len() - s.trim_end().len();
        if lead + trail < s.len() {
            out.push(r.start + lead..r.end - trail);
        }
    };
    while i < bytes.len() {
        if bytes[i] == b'\n' {
            // A blank line: the newline, optional spaces, another newline.
            let mut j = i + 1;
            while j < bytes.len() && (bytes[j] == b' ' || bytes[j] == b'\t' || bytes[j] == b'\r') {
                j += 1;
            }
            let blank = j < bytes.len() && bytes[j] == b'\n';
            if lines || blank {
                let next = if blank { j + 1 } else { i + 1 };
                let inside_mark = marks.iter().any(|m| m.span.start < i && i < m.span.end);
                if !inside_mark {
                    push(start..i, &mut out);
                    start = next;
                }
                i = next;
                continue;
            }
        }
        i += 1;
    }
    push(start..text.len(), &mut out);
    if out.is_empty() {
        out.push(0..0);
    }
    out
}

fn write_mark(out: &mut String, a: &Article, id: &str, k: usize, m: &Mark) -> fmt::Result {
    let worst = m
        .findings
        .iter()
        .map(|&j| a.findings[j].level)
        .max()
        .map(|s| format!(" sev-{}", s.as_str()))
        .unwrap_or_default();
    let finding_ids: Vec<String> = m.findings.iter().map(|j| format!("{id}-x{j}")).collect();
    let data_f = if finding_ids.is_empty() {
        String::new()
    } else {
        format!(" data-f=\"{}\"", finding_ids.join(" "))
    };
    let text = &a.text[m.span.clone()];
    let Some(fi) = m.figure else {
        // A finding's place that is no figure.
        return write!(
            out,
            "<mark class=\"fig k-other{worst}\" id=\"{id}-s{k}\" tabindex=\"0\"{data_f} \
             aria-describedby=\"{id}-s{k}-tip\">{}<span class=\"tip\" role=\"tooltip\" \
             id=\"{id}-s{k}-tip\">{}</span></mark>",
            Esc(text),
            finding_links(a, id, &m.findings)
        );
    };
    let f = &a.figures[fi];
    let known = if f.studies.is_empty() { "" } else { " known" };
    let fid = format!("{id}-f{fi}");
    write!(
        out,
        "<mark class=\"fig k-{}{known}{worst}\" id=\"{fid}\" tabindex=\"0\"{data_f} \
         aria-describedby=\"{fid}-tip\">{}<span class=\"tip\" role=\"tooltip\" id=\"{fid}-tip\">\
         <span class=\"tk\">{}</span>",
        f.kind,
        Esc(text),
        f.kind
    )?;
    if let Some(v) = &f.value {
        write!(out, "<span><b>value</b>{}</span>", Esc(v))?;
    }
    if let Some(i) = &f.interval {
        write!(
            out,
            "<span><b>interval</b>{}{}</span>",
            Esc(&show_rounded(i)),
            unit_suffix(f.unit.as_deref())
        )?;
    }
    for (key, value) in &f.about {
        write!(out, "<span><b>{key}</b>{}</span>", Esc(value))?;
    }
    if f.kind == "year" || f.kind == "ordinal" {
        // Not quantities: nothing is matched or derived.
    } else if f.studies.is_empty() {
        out.push_str("<span><b>registry</b>no study matched</span>");
    } else {
        for s in f.studies.iter().take(3) {
            write!(
                out,
                "<span><b>study</b>{} {}{}</span>",
                link(&s.url, &s.cite),
                Esc(&s.title),
                if s.fits { "" } else { " (does not fit)" }
            )?;
        }
    }
    if !m.findings.is_empty() {
        write!(
            out,
            "<span><b>findings</b>{}</span>",
            finding_links(a, id, &m.findings)
        )?;
    }
    out.push_str("</span></mark>");
    Ok(())
}

fn finding_links(a: &Article, id: &str, findings: &[usize]) -> String {
    findings
        .iter()
        .map(|&j| {
            let f = &a.findings[j];
            format!(
                "<a href=\"#{id}-x{j}\">{} {} {}</a>",
                f.severity, f.code, f.rule
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// A link to a web address, or the text alone when the address is not `http(s)`.
fn link(url: &str, text: &str) -> String {
    match link_target(url) {
        Some(u) => format!(
            "<a href=\"{}\" rel=\"noopener noreferrer\">{}</a>",
            Esc(u),
            Esc(text)
        ),
        None => Esc(text).to_string(),
    }
}

/// Text with its `http(s)` addresses made links, escaped.
fn linkify(text: &str) -> String {
    let mut out = String::new();
    for (i, word) in text.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let trimmed = word.trim_end_matches(['.', ',', ';', ')']);
        match link_target(trimmed) {
            Some(u) if !trimmed.is_empty() => {
                out.push_str(&link(u, u));
                out.push_str(&Esc(&word[trimmed.len()..]).to_string());
            }
            _ => out.push_str(&Esc(word).to_string()),
        }
    }
    out
}

fn unit_suffix(unit: Option<&str>) -> String {
    match unit {
        Some("percent") => " %".to_owned(),
        Some(u) => format!(" {}", Esc(u)),
        None => String::new(),
    }
}

fn write_finding(
    out: &mut String,
    a: &Article,
    id: &str,
    j: usize,
    figure_anchor: &dyn Fn(Range<usize>) -> Option<String>,
) -> fmt::Result {
    let f = &a.findings[j];
    let xid = format!("{id}-x{j}");
    let here = figure_anchor(f.span.clone()).unwrap_or_else(|| format!("#{id}"));
    write!(
        out,
        "<div class=\"finding sev-{sev}\" id=\"{xid}\" data-sev=\"{sev}\" data-rule=\"{code}\">\
         <p class=\"head\"><span class=\"badge\">{sev}</span> \
         <a href=\"#rule-{name}\">{code} {name}</a> · <a href=\"{here}\">line {line}, column {col}</a></p>\
         <p class=\"msg\">{msg}</p>",
        sev = f.severity,
        code = f.code,
        name = f.rule,
        line = f.line,
        col = f.column,
        msg = Esc(&f.message),
    )?;
    if let Some(i) = &f.interval {
        let mut bars = vec![Bar {
            label: "article",
            caption: format!("The article, “{}”:", one_line(&f.text)),
            interval: i.interval(),
        }];
        if let Some(c) = &f.compared_with {
            let (label, whose) = match c.kind {
                "study" => ("study", "the study"),
                "edition" => ("newer ed.", "the newer edition"),
                "claim" => ("other claim", "the other claim"),
                "derived" => ("inputs give", "what its inputs give"),
                _ => ("possible", "what is possible"),
            };
            bars.push(Bar {
                label,
                caption: format!("{whose}, {}:", one_line(&c.text)),
                interval: c.interval.interval(),
            });
        }
        numberline::write(out, &format!("{xid}-nl"), &bars, f.unit.as_deref())?;
    }
    if !f.notes.is_empty() {
        write!(
            out,
            "<details class=\"more\"><summary>Notes and sources ({})</summary><ul class=\"notes\">",
            f.notes.len()
        )?;
        for n in &f.notes {
            write!(out, "<li>{}</li>", linkify(n))?;
        }
        out.push_str("</ul></details>");
    }
    if !f.related.is_empty() {
        out.push_str("<p class=\"small\">See also: ");
        for (i, r) in f.related.iter().enumerate() {
            if i > 0 {
                out.push_str("; ");
            }
            let text = format!("line {}, “{}”", r.line, one_line(&r.text));
            match figure_anchor(r.span.clone()) {
                Some(href) => write!(out, "<a href=\"{href}\">{}</a>", Esc(&text))?,
                None => out.push_str(&Esc(&text).to_string()),
            }
        }
        out.push_str("</p>");
    }
    out.push_str("</div>");
    Ok(())
}

fn write_estimate(
    out: &mut String,
    id: &str,
    k: usize,
    e: &EstimateView,
    figure_anchor: &dyn Fn(Range<usize>) -> Option<String>,
) -> fmt::Result {
    let r = &e.record;
    let eid = format!("{id}-e{k}");
    let (lo, hi) = (readable(r.nominal.low), readable(r.nominal.high));
    let nominal = if lo == hi {
        plain(lo)
    } else {
        format!("{}–{}", plain(lo), plain(hi))
    };
    let unit = match r.unit.as_deref() {
        Some("percent") => "%".to_owned(),
        Some(u) => format!(" {u}"),
        None => String::new(),
    };
    let per = r.per.map(|p| format!(" a {p}")).unwrap_or_default();
    write!(
        out,
        "<div class=\"est\" id=\"{eid}\"><p class=\"head\"><span class=\"badge\">estimate</span> \
         what the figures imply</p><p class=\"msg\">{} <br>implies about {}</p>",
        Esc(&r.expression),
        Esc(&format!("{nominal}{unit}{per}"))
    )?;
    numberline::write(
        out,
        &format!("{eid}-nl"),
        &[Bar {
            label: "estimate",
            caption: "The estimate, strictly:".to_owned(),
            interval: e.interval,
        }],
        r.unit.as_deref(),
    )?;
    out.push_str("<p class=\"small\">From ");
    for (i, (input, span)) in r.inputs.iter().zip(&e.inputs).enumerate() {
        if i > 0 {
            out.push_str("; ");
        }
        let text = format!("line {}, “{}”", input.line, one_line(&input.text));
        match figure_anchor(span.clone()) {
            Some(href) => write!(out, "<a href=\"{href}\">{}</a>", Esc(&text))?,
            None => out.push_str(&Esc(&text).to_string()),
        }
    }
    out.push_str("</p>");
    if !r.assumptions.is_empty() {
        write!(
            out,
            "<details class=\"more\"><summary>Assumptions ({})</summary><ul class=\"notes\">",
            r.assumptions.len()
        )?;
        for s in &r.assumptions {
            write!(out, "<li>assuming {}</li>", Esc(s))?;
        }
        out.push_str("</ul></details>");
    }
    out.push_str("</div>");
    Ok(())
}

/// An interval for people: [127,500, 183,333), not [127,500, 183,333.3333); at most two
/// decimals below 100, whole numbers above. The JSON records keep the exact bounds.
pub fn show_rounded(i: &Interval) -> String {
    let round = |e: claimcheck_model::End| match e {
        claimcheck_model::End::Unbounded => e,
        claimcheck_model::End::Inclusive(v) => claimcheck_model::End::Inclusive(readable(v)),
        claimcheck_model::End::Exclusive(v) => claimcheck_model::End::Exclusive(readable(v)),
    };
    show(&Interval {
        lo: round(i.lo),
        hi: round(i.hi),
    })
}

fn readable(v: f64) -> f64 {
    if v.abs() >= 100.0 {
        v.round()
    } else {
        (v * 100.0).round() / 100.0
    }
}

/// A share as a percentage, for coverage: “40%”; `None` when there is nothing to cover.
fn coverage(matched: usize, of: usize) -> Option<String> {
    (of > 0).then(|| format!("{}%", (matched as f64 / of as f64 * 100.0).round()))
}

fn findings_words(s: [usize; 3]) -> String {
    let total: usize = s.iter().sum();
    if total == 0 {
        return "no findings".to_owned();
    }
    format!(
        "{total} finding{}: {} error{}, {} warning{}, {} info",
        if total == 1 { "" } else { "s" },
        s[0],
        if s[0] == 1 { "" } else { "s" },
        s[1],
        if s[1] == 1 { "" } else { "s" },
        s[2]
    )
}

/// The whole report's figures, for the summary at the top of the index.
#[derive(Debug, Default, Clone)]
pub struct Totals {
    /// Documents.
    pub files: usize,
    /// Figures.
    pub figures: usize,
    /// Quantities among them.
    pub quantities: usize,
    /// Quantities matched in the registry.
    pub matched: usize,
    /// Estimates.
    pub estimates: usize,
    /// Findings by severity: error, warning, info.
    pub severities: [usize; 3],
    /// Findings by rule code: (name, severity as reported, count).
    pub rules: BTreeMap<&'static str, (&'static str, BTreeMap<&'static str, usize>)>,
}

impl Totals {
    /// Adds an article.
    pub fn add(&mut self, s: &ArticleSummary) {
        self.files += 1;
        self.figures += s.figures;
        self.quantities += s.quantities;
        self.matched += s.matched;
        self.estimates += s.estimates;
        for i in 0..3 {
            self.severities[i] += s.severities[i];
        }
        for (sev, code, name) in &s.findings {
            *self
                .rules
                .entry(code)
                .or_insert_with(|| (name, BTreeMap::new()))
                .1
                .entry(sev)
                .or_default() += 1;
        }
    }
}

/// A page of the report: the index (summary, filters, contents, the articles when they fit,
/// the rules) or one article's own page.
pub struct Page<'a> {
    /// The page's title.
    pub title: &'a str,
    /// Report totals, for the summary (the index only).
    pub totals: Option<&'a Totals>,
    /// The table of contents (the index only).
    pub toc: &'a [ArticleSummary],
    /// Rendered `<article>` fragments shown on this page.
    pub articles: &'a [&'a str],
    /// A link back to the index, for an article's own page.
    pub back: Option<&'a str>,
    /// The rules whose documentation the page carries: every rule on the index, an article's
    /// own rules on its page.
    pub rules: &'a [&'static claimcheck_checker::Rule],
    /// The rules the filters offer: those with findings.
    pub filters: &'a [&'static claimcheck_checker::Rule],
}

impl Page<'_> {
    /// Writes the page.
    pub fn write(&self, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        let mut head = String::with_capacity(STYLE.len() + 2048);
        let _ = self.write_head(&mut head);
        out.write_all(head.as_bytes())?;
        for a in self.articles {
            out.write_all(a.as_bytes())?;
        }
        let mut tail = String::new();
        let _ = self.write_tail(&mut tail);
        out.write_all(tail.as_bytes())
    }

    fn write_head(&self, out: &mut String) -> fmt::Result {
        write!(
            out,
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
             <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
             style-src 'unsafe-inline'; script-src '{SCRIPT_SHA256}'; img-src data:; \
             base-uri 'none'; form-action 'none'\">\
             <meta name=\"referrer\" content=\"no-referrer\">\
             <meta name=\"generator\" content=\"claimcheck {}\">\
             <title>{}</title><style>{STYLE}</style></head><body>\
             <a class=\"skip\" href=\"#main\">Skip to the articles</a>\
             <header><h1>{}</h1>",
            env!("CARGO_PKG_VERSION"),
            Esc(self.title),
            Esc(self.title),
        )?;
        if let Some(back) = self.back {
            write!(
                out,
                "<p><a href=\"{}\">← the report's index</a></p>",
                Esc(back)
            )?;
        }
        out.push_str("</header><main id=\"main\">");
        if let Some(t) = self.totals {
            write_summary(out, t, self.toc.len() > self.articles.len())?;
        }
        write_filters(out, self.filters)?;
        write_legend(out)?;
        if !self.toc.is_empty() {
            write_toc(out, self.toc)?;
        }
        Ok(())
    }

    fn write_tail(&self, out: &mut String) -> fmt::Result {
        write_rules(out, self.rules)?;
        writeln!(out, "</main><script>{SCRIPT}</script></body></html>")
    }
}

fn write_summary(out: &mut String, t: &Totals, paged: bool) -> fmt::Result {
    write!(
        out,
        "<section id=\"summary\" aria-labelledby=\"summary-h\"><h2 id=\"summary-h\">Summary</h2>\
         <dl class=\"stats\"><div><dt>files</dt><dd>{}</dd></div>\
         <div><dt>figures</dt><dd>{}</dd></div>\
         <div><dt>quantities</dt><dd>{}</dd></div>\
         <div><dt>registry coverage</dt><dd>{}</dd></div>\
         <div><dt>estimates</dt><dd>{}</dd></div>\
         <div><dt>errors</dt><dd>{}</dd></div>\
         <div><dt>warnings</dt><dd>{}</dd></div>\
         <div><dt>info</dt><dd>{}</dd></div></dl>\
         <p class=\"small\">Registry coverage: {} of {} quantities match a study in the registry. \
         {}</p>",
        plain(t.files as f64),
        plain(t.figures as f64),
        plain(t.quantities as f64),
        coverage(t.matched, t.quantities).unwrap_or_else(|| "–".to_owned()),
        plain(t.estimates as f64),
        plain(t.severities[0] as f64),
        plain(t.severities[1] as f64),
        plain(t.severities[2] as f64),
        plain(t.matched as f64),
        plain(t.quantities as f64),
        if paged {
            "The report is large, so each article has its own page, linked from the list below."
        } else {
            ""
        }
    )?;
    if !t.rules.is_empty() {
        out.push_str(
            "<div class=\"scroll\"><table><caption class=\"small\">Findings by rule</caption>\
             <thead><tr><th scope=\"col\">code</th><th scope=\"col\">rule</th>\
             <th scope=\"col\">severity</th><th scope=\"col\" class=\"n\">findings</th></tr></thead><tbody>",
        );
        for (code, (name, sevs)) in &t.rules {
            for (sev, count) in sevs {
                write!(
                    out,
                    "<tr><td>{code}</td><td><a href=\"#rule-{name}\">{name}</a></td>\
                     <td>{sev}</td><td class=\"n\">{count}</td></tr>"
                )?;
            }
        }
        out.push_str("</tbody></table></div>");
    }
    out.push_str("</section>");
    Ok(())
}

fn write_filters(out: &mut String, rules: &[&claimcheck_checker::Rule]) -> fmt::Result {
    out.push_str(
        "<form id=\"filters\" hidden aria-label=\"Filters\"><fieldset><legend>Severity</legend>",
    );
    for s in ["error", "warning", "info"] {
        write!(
            out,
            "<label><input type=\"checkbox\" checked data-key=\"{s}\"> {s}</label>"
        )?;
    }
    out.push_str("</fieldset>");
    if !rules.is_empty() {
        out.push_str("<fieldset><legend>Rule</legend>");
        for r in rules {
            write!(
                out,
                "<label><input type=\"checkbox\" checked data-key=\"{}\"> {} {}</label>",
                r.code, r.code, r.name
            )?;
        }
        out.push_str("</fieldset>");
    }
    out.push_str(
        "<label><input type=\"checkbox\" id=\"only\"> only articles with a shown \
         finding</label><p id=\"shown\" role=\"status\" aria-live=\"polite\"></p></form>",
    );
    Ok(())
}

fn write_legend(out: &mut String) -> fmt::Result {
    out.push_str(
        "<details class=\"legend\"><summary>How to read this report</summary><p>Figures are \
         marked by kind: <mark class=\"fig k-percent\">percent</mark> \
         <mark class=\"fig k-number\">number</mark> <mark class=\"fig k-money\">money</mark> \
         <mark class=\"fig k-year\">year or ordinal</mark>; a figure that matches a study in \
         the registry is <mark class=\"fig k-percent known\">framed</mark>. Findings underline \
         their figure: <mark class=\"fig k-other sev-error\">error</mark> (wavy), \
         <mark class=\"fig k-other sev-warning\">warning</mark> (dashed), \
         <mark class=\"fig k-other sev-info\">info</mark> (dotted). Hover over a figure, or move \
         to it with Tab, for its value, interval, subject, source and matched study (Escape \
         hides them). Each finding stands beside its paragraph with a number line: the \
         article's interval on top, the other side below; a filled dot is an included end, a \
         hollow dot an excluded one, an arrow an end without bound.</p></details>",
    );
    Ok(())
}

/// The list of articles: an ARIA table of rows in groups of [`TOC_GROUP`], each group laid
/// out only when it scrolls into view (`content-visibility: auto`), so that an index of
/// thousands of articles scrolls as smoothly as a short one (a `<table>` cannot skip the
/// layout of its rows).
fn write_toc(out: &mut String, toc: &[ArticleSummary]) -> fmt::Result {
    out.push_str(
        "<nav id=\"toc\" aria-labelledby=\"toc-h\"><h2 id=\"toc-h\">Articles</h2>\
         <div class=\"toc\" role=\"table\" aria-labelledby=\"toc-h\">\
         <div class=\"toc-head\" role=\"rowgroup\"><div class=\"tr\" role=\"row\">\
         <span role=\"columnheader\">article</span><span role=\"columnheader\" class=\"n\">figures</span>\
         <span role=\"columnheader\" class=\"n\">coverage</span><span role=\"columnheader\" class=\"n\">errors</span>\
         <span role=\"columnheader\" class=\"n\">warnings</span><span role=\"columnheader\" class=\"n\">info</span>\
         <span role=\"columnheader\" class=\"n\">estimates</span></div></div>",
    );
    for group in toc.chunks(TOC_GROUP) {
        out.push_str("<div class=\"group\" role=\"rowgroup\">");
        for s in group {
            write!(
                out,
                "<div class=\"tr\" role=\"row\" data-fs=\"{}\"><span role=\"cell\"><a href=\"{}\">{}</a></span>\
                 <span role=\"cell\" class=\"n\">{}</span><span role=\"cell\" class=\"n\">{}</span>\
                 <span role=\"cell\" class=\"n\">{}</span><span role=\"cell\" class=\"n\">{}</span>\
                 <span role=\"cell\" class=\"n\">{}</span><span role=\"cell\" class=\"n\">{}</span></div>",
                Esc(&s.filter_keys()),
                Esc(&s.href),
                Esc(&s.name),
                s.figures,
                coverage(s.matched, s.quantities).unwrap_or_else(|| "–".to_owned()),
                s.severities[0],
                s.severities[1],
                s.severities[2],
                s.estimates
            )?;
        }
        out.push_str("</div>");
    }
    out.push_str("</div></nav>");
    Ok(())
}

/// Rows of the list of articles laid out together.
const TOC_GROUP: usize = 100;

/// The rules' documentation (`claimcheck rule NAME`), so that every finding's rule name
/// links to it without leaving the page.
fn write_rules(out: &mut String, rules: &[&claimcheck_checker::Rule]) -> fmt::Result {
    if rules.is_empty() {
        return Ok(());
    }
    out.push_str("<section id=\"rules\" aria-labelledby=\"rules-h\"><h2 id=\"rules-h\">Rules</h2>");
    for r in rules {
        write!(out, "<section id=\"rule-{}\">", r.name)?;
        let mut list = false;
        let mut para = String::new();
        let flush = |para: &mut String, out: &mut String| {
            if !para.is_empty() {
                out.push_str("<p>");
                out.push_str(&inline_code(para.trim()));
                out.push_str("</p>");
                para.clear();
            }
        };
        for line in r.doc.lines() {
            let continues_item = list && line.starts_with("  ") && !line.trim().is_empty();
            if continues_item {
                out.push(' ');
                out.push_str(&inline_code(line.trim()));
                continue;
            }
            if list && !line.starts_with("- ") {
                out.push_str("</li></ul>");
                list = false;
            }
            if let Some(h) = line.strip_prefix("## ") {
                flush(&mut para, out);
                write!(out, "<h4>{}</h4>", Esc(h))?;
            } else if let Some(h) = line.strip_prefix("# ") {
                flush(&mut para, out);
                write!(out, "<h3>{}</h3>", Esc(h))?;
            } else if let Some(item) = line.strip_prefix("- ") {
                flush(&mut para, out);
                out.push_str(if list { "</li><li>" } else { "<ul><li>" });
                list = true;
                out.push_str(&inline_code(item));
            } else if line.trim().is_empty() {
                flush(&mut para, out);
            } else {
                para.push_str(line);
                para.push(' ');
            }
        }
        flush(&mut para, out);
        if list {
            out.push_str("</li></ul>");
        }
        out.push_str("</section>");
    }
    out.push_str("</section>");
    Ok(())
}

/// Escaped text with `code` spans for backquoted words.
fn inline_code(s: &str) -> String {
    s.split('`')
        .enumerate()
        .map(|(i, part)| {
            if i % 2 == 1 {
                format!("<code>{}</code>", Esc(part))
            } else {
                Esc(part).to_string()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_policy_lets_the_page_script_run() {
        use sha2::Digest;
        let digest = sha2::Sha256::digest(SCRIPT.as_bytes());
        let want = format!("sha256-{}", base64(&digest));
        assert_eq!(
            SCRIPT_SHA256, want,
            "report.js changed: set SCRIPT_SHA256 to {want}"
        );
    }

    /// WCAG 2 contrast ratio of two `#rrggbb` (or `#rgb`) colours.
    fn contrast(a: &str, b: &str) -> f64 {
        let lum = |hex: &str| {
            let hex = if hex.len() == 4 {
                hex.chars().flat_map(|c| [c, c]).skip(1).collect()
            } else {
                hex.to_owned()
            };
            let c = |i: usize| {
                let v = f64::from(u8::from_str_radix(&hex[1 + 2 * i..3 + 2 * i], 16).expect("hex"))
                    / 255.0;
                if v <= 0.03928 {
                    v / 12.92
                } else {
                    ((v + 0.055) / 1.055).powf(2.4)
                }
            };
            0.2126 * c(0) + 0.7152 * c(1) + 0.0722 * c(2)
        };
        let (x, y) = (lum(a), lum(b));
        (x.max(y) + 0.05) / (x.min(y) + 0.05)
    }

    #[test]
    fn text_colours_have_enough_contrast_in_both_themes() {
        // The variables of each `:root{…}` block: the light theme, then the dark one and
        // print's, each over the light one.
        let blocks: Vec<std::collections::HashMap<&str, &str>> = STYLE
            .match_indices(":root{")
            .map(|(i, m)| {
                let block = &STYLE[i + m.len()..];
                let block = &block[..block.find('}').expect("a closed block")];
                block
                    .split(';')
                    .filter_map(|d| d.trim().strip_prefix("--")?.split_once(':'))
                    .collect()
            })
            .collect();
        assert_eq!(blocks.len(), 3, "light, dark and print");
        let themes: Vec<std::collections::HashMap<&str, &str>> = blocks
            .iter()
            .map(|b| {
                let mut theme = blocks[0].clone();
                theme.extend(b.iter().map(|(k, v)| (*k, *v)));
                theme
            })
            .collect();
        // (text, background): body text, quiet text, links, severity words and bars' captions
        // on the page; text on the figures' tints; badge text on its severity colour.
        let pairs = [
            ("fg", "bg"),
            ("muted", "bg"),
            ("muted", "panel"),
            ("link", "bg"),
            ("error", "bg"),
            ("warning", "bg"),
            ("info", "bg"),
            ("claim", "bg"),
            ("other", "bg"),
            ("fg", "k-percent"),
            ("fg", "k-number"),
            ("fg", "k-money"),
            ("fg", "k-other"),
            ("link", "k-percent"),
            ("bg", "error"),
            ("bg", "warning"),
            ("bg", "info"),
            ("bg", "muted"),
        ];
        for (n, theme) in themes.iter().enumerate() {
            for (text, background) in pairs {
                let ratio = contrast(theme[text], theme[background]);
                assert!(
                    ratio >= 4.5,
                    "theme {n}: --{text} on --{background} is {ratio:.2}:1, below 4.5:1"
                );
            }
        }
    }

    /// Standard base64 with padding, as CSP hashes are written.
    fn base64(bytes: &[u8]) -> String {
        const ABC: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let mut out = String::new();
        for chunk in bytes.chunks(3) {
            let n = chunk
                .iter()
                .enumerate()
                .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
            for i in 0..4 {
                if i <= chunk.len() {
                    out.push(char::from(ABC[(n >> (18 - 6 * i) & 63) as usize]));
                } else {
                    out.push('=');
                }
            }
        }
        out
    }

    #[test]
    fn paragraphs_split_at_blank_lines_and_keep_marks_whole() {
        let text = "Title\n\nFirst line\nstill first.\n \nSecond.\n";
        let ps: Vec<&str> = paragraphs(text, &[], false)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(ps, ["Title", "First line\nstill first.", "Second."]);
        let mark = Mark {
            span: 3..9,
            figure: None,
            findings: vec![],
        };
        let ps = paragraphs(text, &[mark], false);
        assert_eq!(&text[ps[0].clone()], "Title\n\nFirst line\nstill first.");
        // HTML: every line.
        let ps: Vec<&str> = paragraphs(text, &[], true)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(ps, ["Title", "First line", "still first.", "Second."]);
    }

    #[test]
    fn notes_link_only_web_addresses() {
        assert_eq!(
            linkify("see https://example.org/x. and javascript:alert(1)"),
            "see <a href=\"https://example.org/x\" rel=\"noopener noreferrer\">https://example.org/x</a>. and javascript:alert(1)"
        );
    }
}
