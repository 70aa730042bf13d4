//! A cited study's own text as a registry for one run (`claimcheck check --against SOURCE`).
//!
//! The source is read as an article is, by the same extractor and claim reader: every figure
//! with its clause (subject, subgroup, predicate, basis), its sentence, the years that stand
//! with it and where it is (page and line for a PDF, line otherwise). An article's figure is
//! then looked up among them ([`look_up`]) by the same three questions a fact-checker asks
//! with the report open: is the value there, about the same population, for the same year?
//!
//! Populations are compared as sets of content words (function words dropped, plurals folded):
//! the words the source's clause uses for the figure must stand in the article's sentence, and
//! most of the article's clause must stand in the source's sentence. Nothing here knows a
//! field's vocabulary, so a study of housing, health or crime is read as one of trafficking is.

use std::collections::BTreeSet;

use claimcheck_model::{Interval, ModelConventions, Quantity};
use claimcheck_parser::{ClaimReader, Extractor, Kind, Span, one_line};

use crate::document::{self, ClaimContext, Document, RegistryIndex};
use crate::matching;
use crate::registry::Registry;
use crate::vocab;

/// Where a line of a source's text was: its page (PDF) and its line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Location {
    /// The 1-based page, for a paged source.
    pub page: Option<u32>,
    /// The 1-based line (on the page, for a paged source).
    pub line: u32,
}

impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.page {
            Some(p) => write!(f, "page {p}, line {}", self.line),
            None => write!(f, "line {}", self.line),
        }
    }
}

/// A source's readable text, with where each of its lines was.
#[derive(Debug, Clone)]
pub struct SourceText {
    /// The file's name, as given.
    pub name: String,
    /// The text, lines separated by `\n`.
    pub text: String,
    /// Where each line starts in `text`, in order, with its place in the original.
    lines: Vec<(usize, Location)>,
}

impl SourceText {
    /// A text whose lines are the file's own (plain text, or Markdown and HTML masked in
    /// place).
    pub fn plain(name: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        let mut lines = vec![(
            0,
            Location {
                page: None,
                line: 1,
            },
        )];
        for (i, _) in text.match_indices('\n') {
            let line = u32::try_from(lines.len() + 1).unwrap_or(u32::MAX);
            lines.push((i + 1, Location { page: None, line }));
        }
        SourceText {
            name: name.into(),
            text,
            lines,
        }
    }

    /// A text made of lines each with its own location (a PDF's, page by page).
    pub fn from_lines<'a>(
        name: impl Into<String>,
        lines: impl IntoIterator<Item = (Location, &'a str)>,
    ) -> Self {
        let mut text = String::new();
        let mut starts = Vec::new();
        for (location, line) in lines {
            if !text.is_empty() {
                text.push('\n');
            }
            starts.push((text.len(), location));
            text.push_str(line);
        }
        SourceText {
            name: name.into(),
            text,
            lines: starts,
        }
    }

    /// Where the byte at `offset` was.
    pub fn location(&self, offset: usize) -> Location {
        let k = self.lines.partition_point(|(start, _)| *start <= offset);
        self.lines.get(k.saturating_sub(1)).map_or(
            Location {
                page: None,
                line: 1,
            },
            |(_, l)| *l,
        )
    }

    /// Whether the source is paged (a PDF).
    pub fn paged(&self) -> bool {
        self.lines.iter().any(|(_, l)| l.page.is_some())
    }
}

/// One figure a source gives.
#[derive(Debug, Clone)]
pub struct SourceFigure {
    /// Where it is in the source's text.
    pub span: Span,
    /// Where it was in the file.
    pub location: Location,
    /// The figure as written.
    pub written: String,
    /// Its sentence, on one line.
    pub sentence: String,
    /// Who or what it is about, as written (its subject), if the reader found one.
    pub subject: Option<String>,
    /// Share, count or money.
    pub kind: Kind,
    /// The figure as a quantity.
    pub quantity: Quantity,
    /// The content words of its clause (subject, subgroup, predicate, basis, counted noun).
    pub clause: BTreeSet<String>,
    /// The content words of its sentence.
    pub sentence_words: BTreeSet<String>,
    /// The years that stand with it.
    pub years: Vec<u16>,
    /// Whether its words make it a change ("rose by 8.4 percent").
    pub change: bool,
    /// Whether it states a value ("4.2 million", "about 5%"), not a bound ("under 6%", "over
    /// 65") or a vague amount: a bound gives only itself, not every value past it.
    pub states_value: bool,
    /// Whether it stands in the source's headline section (executive summary, key findings,
    /// abstract, highlights).
    pub headline: bool,
}

/// A study's text read for figures.
#[derive(Debug, Clone)]
pub struct Source {
    /// The file's name, as given.
    pub name: String,
    /// Its title: the first line with text.
    pub title: String,
    /// The names an article may cite it by: the title (before any colon), and each
    /// organisation the opening pages name with an acronym ("Northwind Housing Observatory
    /// (NHO)" gives both).
    pub names: Vec<String>,
    /// Years of its front matter (title and opening lines): the publication's year is among
    /// them, and an article may cite the study by it.
    pub front_years: Vec<u16>,
    /// Every figure it gives, in order.
    pub figures: Vec<SourceFigure>,
}

/// How many bytes at the start of a source are read for the names it gives itself.
const FRONT_MATTER: usize = 3000;

/// How many lines with text at the start of a source are its front matter, for the years a
/// publication is dated by.
const FRONT_LINES: usize = 4;

impl Source {
    /// Reads a source's figures with an article's extractor, claim reader and conventions.
    pub fn read(
        text: &SourceText,
        extractor: &Extractor,
        reader: &ClaimReader,
        conventions: &ModelConventions,
    ) -> Source {
        let body = text.text.as_str();
        let parsed = document::parse(body, extractor, reader);
        let registry = Registry::default();
        let index = RegistryIndex::new(&registry, extractor, conventions);
        let doc = Document::new(body, &parsed, &registry, &index, conventions, None);
        let headline = headline_sections(body);
        let figures = doc
            .quantities
            .iter()
            .filter(|c| matches!(c.mention.kind, Kind::Number | Kind::Percent | Kind::Money))
            .map(|c| {
                let span = c.mention.span;
                SourceFigure {
                    span,
                    location: text.location(span.start),
                    written: doc.slice(span).to_owned(),
                    sentence: one_line(doc.sentence(c)),
                    subject: c.claim.subject.map(|s| one_line(doc.slice(s))),
                    kind: c.mention.kind,
                    quantity: c.quantity.clone(),
                    clause: clause_words(&doc, c),
                    sentence_words: sentence_words(&doc, c),
                    years: own_years(c),
                    change: c.reading.change,
                    states_value: matching::states_a_value(c.mention, &c.quantity),
                    headline: headline.iter().any(|r| r.contains(&span.start)),
                }
            })
            .collect();
        let front = &body[..floor_boundary(body, FRONT_MATTER)];
        let title = body
            .lines()
            .map(str::trim)
            .find(|l| l.chars().any(char::is_alphabetic))
            .unwrap_or("")
            .trim_start_matches('#')
            .trim()
            .to_owned();
        Source {
            name: text.name.clone(),
            names: names(&title, front),
            front_years: {
                // The title and the few lines under it, where a publication states its date.
                let lines: Vec<&str> = body
                    .lines()
                    .filter(|l| !l.trim().is_empty())
                    .take(FRONT_LINES)
                    .collect();
                let head = lines.join("\n");
                vocab::tokens(&head, 0, head.len())
                    .iter()
                    .filter_map(|t| year(&t.word))
                    .collect()
            },
            title,
            figures,
        }
    }

    /// Whether a claim's sentence or attribution names this source.
    pub fn is_named_in(&self, doc: &Document<'_>, c: &ClaimContext<'_>) -> bool {
        let sentence = doc.sentence(c);
        let attribution = c.claim.source.as_ref();
        let mut places = vec![sentence];
        if let Some(a) = attribution {
            places.push(doc.slice(a.span));
            if let Some(n) = a.name.as_deref() {
                places.push(n);
            }
        }
        self.names
            .iter()
            .any(|name| places.iter().any(|p| contains_name(p, name)))
    }
}

/// Whether `text` holds `name` as whole words: an acronym in its own case, a longer name in
/// any case.
fn contains_name(text: &str, name: &str) -> bool {
    let acronym = name.len() <= 6 && !name.contains(' ');
    let hay = if acronym {
        text.to_owned()
    } else {
        text.to_lowercase()
    };
    let needle = if acronym {
        name.to_owned()
    } else {
        name.to_lowercase()
    };
    let word = |c: char| c.is_alphanumeric();
    hay.match_indices(&needle)
        .any(|(i, _)| !hay[..i].ends_with(word) && !hay[i + needle.len()..].starts_with(word))
}

/// The names a source is cited by: its title (before a colon, when it has two words or
/// more), and the organisations its opening names with an acronym in brackets, each both
/// by its name and by its acronym.
fn names(title: &str, front: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut add = |n: &str| {
        let n = n
            .trim()
            .trim_start_matches("The ")
            .trim_start_matches("the ");
        if !n.is_empty() && !out.iter().any(|o| o == n) {
            out.push(n.to_owned());
        }
    };
    let short = title.split(':').next().unwrap_or("").trim();
    if short.split_whitespace().count() >= 2 {
        add(short);
        // "Northwind Housing Survey 2024" is also cited without its year.
        if let Some((rest, last)) = short.rsplit_once(' ')
            && year(last).is_some()
            && rest.split_whitespace().count() >= 2
        {
            add(rest);
        }
    }
    for (open, _) in front.match_indices('(') {
        let Some(close) = front[open..].find(')').map(|k| open + k) else {
            continue;
        };
        let acronym = &front[open + 1..close];
        if !(2..=8).contains(&acronym.len())
            || !acronym
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            || !acronym.starts_with(|c: char| c.is_ascii_uppercase())
        {
            continue;
        }
        // The capitalised words before the bracket (joined by "of", "and", "for", "on").
        let before: Vec<&str> = front[..open].split_whitespace().collect();
        let mut name: Vec<&str> = Vec::new();
        for w in before.iter().rev() {
            let capital = w.starts_with(|c: char| c.is_uppercase());
            if capital || (matches!(*w, "of" | "and" | "for" | "on") && !name.is_empty()) {
                name.push(w);
            } else {
                break;
            }
        }
        while name
            .last()
            .is_some_and(|w| !w.starts_with(char::is_uppercase))
        {
            name.pop();
        }
        name.reverse();
        // An organisation's name and its acronym, not a term's ("gross domestic product
        // (GDP)" is lowercase; "(COVID)" follows no name): an article that says "GDP" cites
        // no study by it.
        let initial = name.first().and_then(|w| w.chars().next());
        if name.len() >= 2 && initial == acronym.chars().next() {
            add(acronym);
            add(&name.join(" "));
        }
    }
    out
}

/// The byte ranges of the source's headline sections: from a heading that says "executive
/// summary", "key findings", "abstract", "highlights" or "summary" to the next heading.
fn headline_sections(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let bare = line
            .trim()
            .trim_start_matches('#')
            .trim()
            .trim_end_matches(':');
        if is_heading(bare) {
            let headline = {
                let words = vocab::tokens(bare, 0, bare.len());
                vocab::any(&words, vocab::HEADLINE_SECTIONS)
            };
            if let Some(start) = open.take() {
                out.push(start..offset);
            }
            if headline {
                open = Some(offset);
            }
        }
        offset += line.len();
    }
    if let Some(start) = open {
        out.push(start..text.len());
    }
    out
}

/// Whether a line reads as a heading: short, capitalised, with no sentence's end.
fn is_heading(line: &str) -> bool {
    let words = line.split_whitespace().count();
    (1..=8).contains(&words)
        && line.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        && !line.ends_with(['.', ',', ';'])
        && line.chars().any(char::is_alphabetic)
}

/// The largest char boundary of `text` at or before `at`.
fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// A four-digit year in the range a study's data may be for.
fn year(word: &str) -> Option<u16> {
    (word.len() == 4)
        .then(|| word.parse::<u16>().ok())
        .flatten()
        .filter(|y| (1900..=2100).contains(y))
}

/// A word folded for comparison: plurals to their singular ("tenants", "families"), and
/// "-ing" and "-ed" forms to their stem ("facing", "faced": "fac"), so that an article's
/// wording of a population meets the study's.
fn fold(word: &str) -> String {
    let singular = singular(word);
    for ending in ["ing", "ed"] {
        if let Some(stem) = singular.strip_suffix(ending)
            && stem.len() >= 3
        {
            return stem.trim_end_matches('e').to_owned();
        }
    }
    singular.trim_end_matches('e').to_owned()
}

/// A plural word's singular ("tenants", "families").
fn singular(word: &str) -> String {
    if let Some(stem) = word.strip_suffix("ies")
        && stem.len() >= 3
    {
        return format!("{stem}y");
    }
    if word.len() > 3 && word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us") {
        return word[..word.len() - 1].to_owned();
    }
    word.to_owned()
}

/// The content words of `text[span]`, leaving out the figure itself, years and function
/// words.
fn content_words(text: &str, spans: &[Span], figure: Span, out: &mut BTreeSet<String>) {
    for span in spans {
        for t in vocab::tokens(text, span.start, span.end) {
            let in_figure = t.start >= figure.start && t.end <= figure.end;
            if in_figure
                || year(&t.word).is_some()
                || vocab::FUNCTION_WORDS.contains(&t.word.as_str())
                || (t.word.len() < 3 && !t.word.chars().all(|c| c.is_ascii_digit()))
            {
                continue;
            }
            out.insert(fold(&t.word));
        }
    }
}

/// The content words of a claim's clause: subject, subgroup, predicate, basis and counted
/// noun (its sentence's, when the reader found none of them).
pub fn clause_words(doc: &Document<'_>, c: &ClaimContext<'_>) -> BTreeSet<String> {
    let spans: Vec<Span> = [
        c.claim.subject,
        c.claim.subgroup,
        c.claim.predicate,
        c.claim.basis,
        c.mention.unit,
    ]
    .into_iter()
    .flatten()
    .collect();
    let mut out = BTreeSet::new();
    content_words(doc.text, &spans, c.mention.span, &mut out);
    if out.is_empty() {
        return sentence_words(doc, c);
    }
    out
}

/// The content words of a claim's sentence, leaving out its attribution.
pub fn sentence_words(doc: &Document<'_>, c: &ClaimContext<'_>) -> BTreeSet<String> {
    let mut spans = vec![c.claim.sentence];
    if let Some(a) = &c.claim.source
        && a.span.start >= c.claim.sentence.start
        && a.span.end <= c.claim.sentence.end
    {
        spans = vec![
            Span::new(c.claim.sentence.start, a.span.start),
            Span::new(a.span.end, c.claim.sentence.end),
        ];
    }
    let mut out = BTreeSet::new();
    content_words(doc.text, &spans, c.mention.span, &mut out);
    out
}

/// The years that stand with a figure, not counting its attribution's ("a 2024 report").
fn own_years(c: &ClaimContext<'_>) -> Vec<u16> {
    c.reading
        .years
        .iter()
        .copied()
        .filter(|y| !c.reading.attribution_years.contains(y))
        .collect()
}

/// How an article's figure stands against a source's.
#[derive(Debug, Clone, Copy)]
struct Fit {
    /// The share of the source's clause words that the article's sentence keeps.
    kept: f64,
    /// The share of the article's clause words that the source's sentence has.
    covered: f64,
    /// Whether the values are consistent (their intervals overlap, or the article rounds the
    /// source's): enough to leave a figure of the same population alone.
    value: bool,
    /// Whether the source states the article's value (the same value, or one the article
    /// rounds): needed before saying the value belongs to another population or year, since a
    /// long source holds many values near any number.
    same_value: bool,
    /// Whether both are changes or both levels.
    same_kind: bool,
    /// Whether the years agree (either gives none, or they share one).
    year: bool,
}

impl Fit {
    /// The same population: the article keeps the source's words for it, and the source's
    /// sentence has most of the article's.
    fn same_population(&self) -> bool {
        self.kept >= 0.75 && self.covered >= 0.5
    }

    /// A population with something in common: enough to say the value is the source's,
    /// about another group, rather than a coincidence of numbers.
    fn related(&self) -> bool {
        self.kept >= 0.3 && self.covered >= 0.5
    }

    /// How close the populations are, for ranking.
    fn closeness(&self) -> f64 {
        self.kept + self.covered
    }
}

fn share(part: &BTreeSet<String>, whole: &BTreeSet<String>) -> f64 {
    if part.is_empty() {
        return 1.0;
    }
    part.iter().filter(|w| whole.contains(*w)).count() as f64 / part.len() as f64
}

/// What looking an article's figure up in a source found.
#[derive(Debug, Clone)]
pub enum Verdict {
    /// The source gives it: same population, value and year.
    Found(usize),
    /// The source gives the same population another value (the figure index, and any
    /// others of that population).
    Contradicted(usize, Vec<usize>),
    /// The source gives the value for another population.
    OtherPopulation(usize),
    /// The source gives the value for the same population in another year.
    OtherYear(usize),
    /// The value appears nowhere in the source for anything like it: the nearest figures it
    /// does give, best first.
    NotInSource(Vec<usize>),
}

/// One article figure looked up in one source.
#[derive(Debug, Clone)]
pub struct SourceCheck {
    /// The figure's index among the document's quantity claims.
    pub claim: usize,
    /// The source's index among the checker's sources.
    pub source: usize,
    /// Whether the article names the source (else it is checked because the user said every
    /// figure cites it).
    pub named: bool,
    /// What was found.
    pub verdict: Verdict,
}

/// Looks up each of a document's figures that cites a source (names it, or every figure when
/// `assume_cited`) in that source.
pub fn look_up(doc: &Document<'_>, sources: &[Source], assume_cited: bool) -> Vec<SourceCheck> {
    let mut out = Vec::new();
    // Without `--against` there is nothing to look up: read no words for it.
    if sources.is_empty() {
        return out;
    }
    for (k, c) in doc.quantities.iter().enumerate() {
        if !matches!(c.mention.kind, Kind::Number | Kind::Percent | Kind::Money)
            || c.mention.qualifier == Some(claimcheck_parser::Qualifier::Vague)
        {
            continue;
        }
        let clause = clause_words(doc, c);
        let sentence = sentence_words(doc, c);
        let stated = matching::stated_interval(&c.reading.figure, c.mention, &c.quantity);
        let years = own_years(c);
        for (s, source) in sources.iter().enumerate() {
            let named = source.is_named_in(doc, c);
            if !named && !assume_cited {
                continue;
            }
            let fits: Vec<(usize, Fit)> = source
                .figures
                .iter()
                .enumerate()
                .filter(|(_, f)| f.kind == c.mention.kind)
                .map(|(i, f)| {
                    let (value, same_value) = values_agree(&stated, c, f);
                    let year = years.is_empty()
                        || f.years.is_empty()
                        || years
                            .iter()
                            .any(|y| f.years.contains(y) || source.front_years.contains(y));
                    let fit = Fit {
                        kept: share(&f.clause, &sentence),
                        covered: share(&clause, &f.sentence_words),
                        value,
                        same_value,
                        same_kind: f.change == c.reading.change,
                        year,
                    };
                    (i, fit)
                })
                .collect();
            let best = |keep: &dyn Fn(&Fit) -> bool| {
                fits.iter()
                    .filter(|(_, f)| keep(f))
                    .max_by(|a, b| a.1.closeness().total_cmp(&b.1.closeness()))
                    .map(|(i, _)| *i)
            };
            // Found, else the same population in another year, else another value for the
            // same population, else the value for another population, else not there.
            let mut same: Vec<(usize, Fit)> = fits
                .iter()
                .copied()
                .filter(|(_, f)| f.year && f.same_kind && f.same_population())
                .collect();
            let verdict = if let Some(i) = best(&|f| f.value && f.year && f.same_population()) {
                Verdict::Found(i)
            } else if let Some(i) = best(&|f| f.same_value && !f.year && f.same_population()) {
                Verdict::OtherYear(i)
            } else if same.is_empty()
                && let Some(i) = best(&|f| f.same_value && f.year && f.related())
            {
                Verdict::OtherPopulation(i)
            } else {
                let target = c.quantity.nominal.low;
                let distance = |i: usize| {
                    let v = source.figures[i].quantity.nominal.low;
                    (v.abs().max(1e-9) / target.abs().max(1e-9)).ln().abs()
                };
                same.sort_by(|a, b| {
                    b.1.closeness()
                        .total_cmp(&a.1.closeness())
                        .then(distance(a.0).total_cmp(&distance(b.0)))
                });
                if let Some(((first, _), rest)) = same.split_first() {
                    Verdict::Contradicted(*first, rest.iter().map(|(i, _)| *i).collect())
                } else {
                    let mut near: Vec<(usize, Fit)> = fits.clone();
                    near.sort_by(|a, b| {
                        b.1.closeness()
                            .total_cmp(&a.1.closeness())
                            .then(distance(a.0).total_cmp(&distance(b.0)))
                    });
                    Verdict::NotInSource(near.iter().take(3).map(|(i, _)| *i).collect())
                }
            };
            out.push(SourceCheck {
                claim: k,
                source: s,
                named,
                verdict,
            });
        }
    }
    // A figure that one of several sources gives is that source's: the others' silence (or
    // their figures of other populations) says nothing about it; and one not in a source is
    // reported by the sources that have something to say about it, if any.
    let found: Vec<usize> = out
        .iter()
        .filter(|c| matches!(c.verdict, Verdict::Found(_)))
        .map(|c| c.claim)
        .collect();
    let answered: Vec<usize> = out
        .iter()
        .filter(|c| !matches!(c.verdict, Verdict::NotInSource(_)))
        .map(|c| c.claim)
        .collect();
    out.retain(|c| match c.verdict {
        Verdict::Found(_) => true,
        Verdict::NotInSource(_) => !answered.contains(&c.claim),
        _ => !found.contains(&c.claim),
    });
    out
}

/// Whether an article's value is the source's: their intervals overlap, or the article
/// rounds the source's value ("4 million" for 4.2 million).
/// Whether an article's value is consistent with a source's (their intervals overlap, or the
/// article rounds the source's value: "4 million" for 4.2 million), and whether the source
/// states it (the same value, or one the article rounds). A bound the source states ("under
/// 6%", "over 65") gives that bound, not every value past it: only the same bound agrees.
fn values_agree(stated: &Interval, c: &ClaimContext<'_>, figure: &SourceFigure) -> (bool, bool) {
    let published = &figure.quantity;
    let same = |a: f64, b: f64| (a - b).abs() <= b.abs() * 1e-9;
    let identical = same(c.quantity.nominal.low, published.nominal.low)
        && same(c.quantity.nominal.high, published.nominal.high);
    let rounds = matching::states_a_value(c.mention, &c.quantity)
        && figure.states_value
        && matching::rounds_to(c.quantity.nominal.low, published.nominal.low);
    let stated_value = identical || rounds;
    if !figure.states_value {
        return (stated_value, stated_value);
    }
    (stated.overlaps(&published.interval) || rounds, stated_value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locations_of_plain_and_paged_text() {
        let t = SourceText::plain("a.txt", "one\ntwo 12\nthree");
        assert_eq!(t.location(0).line, 1);
        assert_eq!(t.location(8).to_string(), "line 2");
        let p = SourceText::from_lines(
            "a.pdf",
            [
                (
                    Location {
                        page: Some(1),
                        line: 1,
                    },
                    "Title",
                ),
                (
                    Location {
                        page: Some(2),
                        line: 4,
                    },
                    "It rose 12 percent.",
                ),
            ],
        );
        assert_eq!(p.location(9).to_string(), "page 2, line 4");
        assert!(p.paged() && !t.paged());
    }

    #[test]
    fn names_from_title_and_acronyms() {
        let n = names(
            "Northwind Housing Survey 2024: Evictions",
            "Published by the Northwind Housing Observatory (NHO) with the Office for \
             Rental Statistics (ORS). A figure (42), (see p. 3), gross domestic product (GDP) \
             and Rising Costs (HIV) name nothing.",
        );
        assert_eq!(
            n,
            [
                "Northwind Housing Survey 2024",
                "Northwind Housing Survey",
                "NHO",
                "Northwind Housing Observatory",
                "ORS",
                "Office for Rental Statistics"
            ]
        );
        assert!(contains_name("the NHO said", "NHO"));
        assert!(!contains_name("the nho said", "NHO"));
        assert!(!contains_name("NHOS", "NHO"));
        assert!(contains_name(
            "according to the northwind housing observatory,",
            "Northwind Housing Observatory"
        ));
    }

    #[test]
    fn headline_sections_run_to_the_next_heading() {
        let text = "Title\n\nKey findings\nA 12 percent rise.\n\nMethods\nWe asked 300 people.\n";
        let r = headline_sections(text);
        assert_eq!(r.len(), 1);
        assert!(r[0].contains(&text.find("12 percent").unwrap_or(0)));
        assert!(!r[0].contains(&text.find("300").unwrap_or(0)));
    }

    proptest::proptest! {
        /// Whatever the study's text, reading it and looking its own sentences up in it
        /// finishes, and every figure's span slices the text.
        #[test]
        fn any_text_reads(text in "[A-Za-z0-9 .,%$()\n:-]{0,400}") {
            let source = SourceText::plain("s.txt", text.clone());
            let checker = crate::Checker::new(
                Registry::default(),
                ModelConventions::default(),
                &crate::Selection::default(),
            );
            let read = checker.read_source(&source);
            for f in &read.figures {
                proptest::prop_assert!(text.get(f.span.range()).is_some());
                proptest::prop_assert!(f.location.line >= 1);
            }
            let checker = checker.with_sources(vec![read], true);
            let _ = checker.check(&text);
        }
    }

    #[test]
    fn folding() {
        assert_eq!(fold("tenants"), "tenant");
        assert_eq!(fold("families"), "family");
        assert_eq!(fold("status"), "status");
        assert_eq!(fold("access"), "access");
        assert_eq!(fold("facing"), fold("faced"));
        assert_eq!(fold("face"), fold("faces"));
        assert_eq!(fold("rented"), "rent");
    }
}

#[cfg(test)]
mod fixture {
    use super::*;

    /// What looking each sentence's first figure up in the test study finds, in words.
    fn verdicts(sentences: &[&str]) -> Vec<String> {
        let checker = crate::Checker::new(
            Registry::default(),
            ModelConventions::default(),
            &crate::Selection::default(),
        );
        let text = SourceText::plain(
            "study.txt",
            include_str!("../../../tests/fixtures/sources/northwind-study.txt"),
        );
        let source = checker.read_source(&text);
        let checker = checker.with_sources(vec![source], false);
        sentences
            .iter()
            .map(|sentence| {
                checker.inspect(sentence, sentence, |doc| {
                    let looked = checker.look_up(doc);
                    let Some(first) = looked.first() else {
                        return "not looked up".to_owned();
                    };
                    let line =
                        |i: &usize| checker.sources()[0].figures[*i].location.line.to_string();
                    match &first.verdict {
                        Verdict::Found(i) => format!("found at {}", line(i)),
                        Verdict::Contradicted(i, _) => format!("contradicted by {}", line(i)),
                        Verdict::OtherPopulation(i) => format!("other population at {}", line(i)),
                        Verdict::OtherYear(i) => format!("other year at {}", line(i)),
                        Verdict::NotInSource(_) => "not in source".to_owned(),
                    }
                })
            })
            .collect()
    }

    #[test]
    fn a_figure_one_of_several_sources_gives_is_that_source_s() {
        let checker = crate::Checker::new(
            Registry::default(),
            ModelConventions::default(),
            &crate::Selection::default(),
        );
        let study = SourceText::plain(
            "study.txt",
            include_str!("../../../tests/fixtures/sources/northwind-study.txt"),
        );
        let other = SourceText::plain(
            "other.txt",
            "Clinic Review\n\nThe clinics treated 86,000 patients in 2024.\n",
        );
        let sources = vec![checker.read_source(&study), checker.read_source(&other)];
        let checker = checker.with_sources(sources, true);
        let text = "The clinics treated 86,000 patients in 2024. Some 9,500 landlords were fined.";
        let verdicts: Vec<(usize, usize, bool)> = checker.inspect(text, text, |doc| {
            checker
                .look_up(doc)
                .iter()
                .map(|c| (c.claim, c.source, matches!(c.verdict, Verdict::Found(_))))
                .collect()
        });
        // 86,000 is found in the second source only: the first says nothing about it. 9,500
        // is in neither: each says so.
        assert_eq!(verdicts, [(0, 1, true), (1, 0, false), (1, 1, false)]);
    }

    #[test]
    fn each_way_of_citing_the_study() {
        let cases: &[(&str, &str)] = &[
            (
                "According to the NHO, 4.2 million tenants faced eviction filings in 2023.",
                "found at 9",
            ),
            // A rounding of the study's figure, and a hedge, are the figure.
            (
                "The NHO says about 4 million tenants faced eviction filings in 2023.",
                "found at 9",
            ),
            (
                "The Northwind Housing Observatory says rents in the northern region rose by \
                 8.4 percent in 2023.",
                "found at 12",
            ),
            (
                "The NHO survey found that 5.2 million tenants faced eviction filings in 2023.",
                "contradicted by 9",
            ),
            (
                "According to the NHO, 3.6 million tenants faced eviction filings in 2023.",
                "other year at 16",
            ),
            (
                "The NHO says 41 percent of all tenants have children.",
                "other population at 11",
            ),
            (
                "The NHO reports that 9,500 landlords were fined in 2023.",
                "not in source",
            ),
            // Near misses: a figure whose sentence names no source, and a vague amount.
            ("Some 9,500 landlords were fined in 2023.", "not looked up"),
            (
                "The NHO says dozens of landlords were fined.",
                "not looked up",
            ),
            // A bound in the study ("over 65") gives itself, not every larger number.
            (
                "The NHO says 70 tenants were evicted in the capital.",
                "not in source",
            ),
        ];
        let sentences: Vec<&str> = cases.iter().map(|(s, _)| *s).collect();
        let got = verdicts(&sentences);
        let want: Vec<String> = cases.iter().map(|(_, v)| (*v).to_owned()).collect();
        assert_eq!(got, want);
    }

    /// The test study's figures as the source reader sees them: place, figure, years,
    /// headline or not, clause words.
    #[test]
    fn the_study_s_figures_are_read_with_their_clause_years_and_section() {
        let text = SourceText::plain(
            "northwind-study.txt",
            include_str!("../../../tests/fixtures/sources/northwind-study.txt"),
        );
        let s = Source::read(
            &text,
            &Extractor::default(),
            &ClaimReader::default(),
            &ModelConventions::default(),
        );
        assert_eq!(
            s.names,
            [
                "Northwind Housing Survey 2024",
                "Northwind Housing Survey",
                "NHO",
                "Northwind Housing Observatory"
            ]
        );
        assert_eq!(s.front_years, [2024, 2024]);
        let shown: Vec<String> = s
            .figures
            .iter()
            .map(|f| {
                let clause: Vec<&str> = f.clause.iter().map(String::as_str).collect();
                format!(
                    "{} {} {:?}{} {}",
                    f.location,
                    f.written,
                    f.years,
                    if f.headline { " headline" } else { "" },
                    clause.join(" ")
                )
            })
            .collect();
        assert_eq!(
            shown,
            [
                "line 9 An estimated 4.2 million [2023] headline eviction fac fil tenant",
                "line 10 23.5 percent [2023] headline 65 aged eviction fac fil tenant",
                "line 10 over 65 [2023] headline 23 5 aged eviction fac fil tenant",
                "line 11 41 percent [2023] headline children eviction fac tenant",
                "line 12 8.4 percent [2023] headline northern region rent ros",
                "line 16 3.6 million [2022] eviction fac fil tenant",
                "line 17 12 percent [2023] damp hom rent",
                "line 18 18,400 [2023] capital eviction hear",
                "line 22 3,000 [2023] household",
                "line 23 61 percent [] rat respons",
            ]
        );
    }
}
