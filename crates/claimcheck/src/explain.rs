//! `claimcheck explain FILE:LINE[:COLUMN]`: how the figures there were read and matched.
//!
//! For each figure on the line (or the one at the column): the claim as read (value,
//! interval, subject, outcome, source, time, the concepts and years the matcher saw), then
//! each registry row considered, with the evidence for and against it and why it was accepted
//! or rejected, then the findings on that figure.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;
use claimcheck_checker::document::{ClaimContext, Document};
use claimcheck_parser::LineIndex;

use crate::cli::ExplainArgs;
use crate::input::Problem;
use crate::reporter::Reporter;

/// Where to look: a file, a line and maybe a column (1-based, in characters).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The file.
    pub path: PathBuf,
    /// The line.
    pub line: usize,
    /// The column, if given.
    pub column: Option<usize>,
}

/// Reads `FILE:LINE[:COLUMN]`; the file name may itself hold colons.
pub fn parse_location(s: &str) -> Option<Location> {
    let number = |p: &str| p.parse::<usize>().ok().filter(|n| *n >= 1);
    let (rest, last) = s.rsplit_once(':')?;
    let last = number(last)?;
    if let Some((file, line)) = rest.rsplit_once(':')
        && let Some(line) = number(line)
        && !file.is_empty()
    {
        return Some(Location {
            path: PathBuf::from(file),
            line,
            column: Some(last),
        });
    }
    (!rest.is_empty()).then(|| Location {
        path: PathBuf::from(rest),
        line: last,
        column: None,
    })
}

/// Runs `explain`.
pub fn run(args: &ExplainArgs, out: &mut dyn Write, reporter: &Reporter) -> Result<()> {
    let Some(loc) = parse_location(&args.location) else {
        reporter.error(&Problem {
            location: args.location.clone(),
            message: "expected FILE:LINE or FILE:LINE:COLUMN".to_owned(),
        });
        return Ok(());
    };
    let rules = crate::cli::RuleArgs {
        select: Vec::new(),
        extend_select: Vec::new(),
        ignore: Vec::new(),
        fail_on: None,
        exit_zero: false,
    };
    let setup =
        match crate::check::setup_with(args.config.as_deref(), args.date, &args.studies, &rules) {
            Ok(s) => s,
            Err(p) => {
                reporter.error(&p);
                return Ok(());
            }
        };
    let (doc, _) = match crate::input::read_text(&loc.path, "<stdin>", None) {
        Ok(d) => d,
        Err(p) => {
            reporter.error(&p);
            return Ok(());
        }
    };
    let sources: Vec<PathBuf> = setup.sources.iter().chain(&args.against).cloned().collect();
    let checker = match crate::check::with_sources(
        setup.checker,
        &sources,
        setup.assume_cited || args.assume_cited,
    ) {
        Ok(c) => c,
        Err(p) => {
            reporter.error(&p);
            return Ok(());
        }
    };
    let prose = crate::markup::prose(&doc);
    let index = LineIndex::new(&prose);
    let checked = checker.check_prose(&prose, &doc.text);
    checker.inspect(&prose, &doc.text, |d| {
        let looked = checker.look_up(d);
        let found = Sources {
            sources: checker.sources(),
            looked: &looked,
        };
        write_explanation(d, &index, &loc, &checked.findings, &found, args.all, out)
    })
}

/// The `--against` sources and what looking a document's figures up in them found.
struct Sources<'a> {
    sources: &'a [claimcheck_checker::source::Source],
    looked: &'a [claimcheck_checker::source::SourceCheck],
}

impl Sources<'_> {
    /// Writes what the sources say about the document's `k`th quantity claim.
    fn explain(&self, k: usize, out: &mut dyn Write) -> Result<()> {
        use claimcheck_checker::source::Verdict;
        if self.sources.is_empty() {
            return Ok(());
        }
        let mine: Vec<_> = self.looked.iter().filter(|l| l.claim == k).collect();
        if mine.is_empty() {
            let names: Vec<&str> = self
                .sources
                .iter()
                .flat_map(|s| s.names.iter().map(String::as_str))
                .collect();
            writeln!(
                out,
                "  sources   not looked up: its sentence names none of {} (--assume-cited looks \
                 every figure up)",
                if names.is_empty() {
                    "the sources (they give no name)".to_owned()
                } else {
                    names.join(", ")
                }
            )?;
            return Ok(());
        }
        for l in mine {
            let Some(source) = self.sources.get(l.source) else {
                continue;
            };
            let at = |i: usize| {
                source.figures.get(i).map_or(String::new(), |f| {
                    format!("“{}” at {}: “{}”", f.written, f.location, f.sentence)
                })
            };
            let (verdict, figures) = match &l.verdict {
                Verdict::Found(i) => ("found: same population, value and year", vec![*i]),
                Verdict::Contradicted(i, others) => (
                    "another value for the same population (study-contradiction)",
                    std::iter::once(*i).chain(others.iter().copied()).collect(),
                ),
                Verdict::OtherPopulation(i) => (
                    "the value, for another population (population-mismatch)",
                    vec![*i],
                ),
                Verdict::OtherYear(i) => (
                    "the value, for the same population in another year (misattribution)",
                    vec![*i],
                ),
                Verdict::NotInSource(near) => (
                    "not in it (not-in-source); the nearest figures it gives",
                    near.clone(),
                ),
            };
            writeln!(
                out,
                "  source    {} ({}): {verdict}",
                source.name,
                if l.named {
                    "named in the sentence"
                } else {
                    "assumed cited"
                }
            )?;
            for i in figures {
                writeln!(out, "    {}", at(i))?;
            }
        }
        Ok(())
    }
}

#[allow(clippy::too_many_arguments)]
fn write_explanation(
    d: &Document<'_>,
    index: &LineIndex,
    loc: &Location,
    findings: &[claimcheck_checker::Finding],
    sources: &Sources<'_>,
    all: bool,
    out: &mut dyn Write,
) -> Result<()> {
    let at = |c: &ClaimContext<'_>| index.position(d.text, c.mention.span.start);
    let here: Vec<(usize, &ClaimContext<'_>)> = d
        .quantities
        .iter()
        .enumerate()
        .filter(|(_, c)| {
            let p = at(c);
            let end = index.position(d.text, c.mention.span.end);
            p.line == loc.line
                && loc
                    .column
                    .is_none_or(|col| (p.column..end.column.max(p.column + 1)).contains(&col))
        })
        .collect();
    writeln!(
        out,
        "{}:{}{}: article date {}",
        loc.path.display(),
        loc.line,
        loc.column.map_or(String::new(), |c| format!(":{c}")),
        d.date.map_or(
            "unknown (outdated-source judges a figure only at a year its own sentence gives)"
                .to_owned(),
            |x| x.to_string()
        )
    )?;
    if here.is_empty() {
        writeln!(out, "no figure there")?;
        return Ok(());
    }
    for (k, c) in here {
        let p = at(c);
        let slice = |s: Option<claimcheck_parser::Span>| {
            s.map_or("-".to_owned(), |s| format!("“{}”", d.slice(s)))
        };
        writeln!(out)?;
        writeln!(
            out,
            "figure “{}” at {}:{}",
            d.slice(c.mention.span),
            p.line,
            p.column
        )?;
        writeln!(
            out,
            "  value     {} {}",
            claimcheck_model::quantity::plain(c.quantity.nominal.low),
            claimcheck_model::quantity::show(&c.quantity.interval)
        )?;
        writeln!(out, "  subject   {}", slice(c.claim.subject))?;
        writeln!(out, "  outcome   {}", slice(c.claim.predicate))?;
        writeln!(
            out,
            "  source    {}",
            c.claim.source.as_ref().map_or("-".to_owned(), |s| format!(
                "“{}”{}",
                d.slice(s.span),
                s.name.as_ref().map_or(String::new(), |n| format!(" ({n})"))
            ))
        )?;
        writeln!(out, "  time      {}", slice(c.claim.time))?;
        let r = &c.reading;
        writeln!(
            out,
            "  concepts  {} (from the {:?})",
            if r.concepts.is_empty() {
                "none".to_owned()
            } else {
                r.concepts
                    .iter()
                    .map(|c| c.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            },
            r.topic_from
        )?;
        writeln!(
            out,
            "  names     {}{}",
            if r.names.is_empty() {
                "none".to_owned()
            } else {
                r.names.join(", ")
            },
            if r.family {
                " (a family of publishers)"
            } else {
                ""
            }
        )?;
        writeln!(out, "  years     {:?}", r.years)?;
        writeln!(
            out,
            "  counts    {}; {}; {}",
            if r.people {
                "people (or no counted noun)"
            } else {
                "not people"
            },
            if r.flow { "a yearly flow" } else { "no period" },
            if r.detection {
                "detected/identified victims"
            } else {
                "no detection words"
            }
        )?;
        sources.explain(k, out)?;
        let shown = if all { c.considered.len() } else { 12 };
        writeln!(
            out,
            "  rows considered: {} (kind fits, and topic or value fits){}",
            c.considered.len(),
            if c.considered.len() > shown {
                format!("; the first {shown} shown (--all for every one)")
            } else {
                String::new()
            }
        )?;
        for m in c.considered.iter().take(shown) {
            writeln!(
                out,
                "    {} — {} {} ({}): {}",
                m.study.id,
                m.study.publisher,
                m.study.year,
                m.study.value_text,
                m.verdict()
            )?;
            for (ok, e) in &m.evidence(&c.reading.years) {
                let e = e.describe(*ok);
                writeln!(out, "      {} {e}", if *ok { "+" } else { "-" })?;
            }
        }
        let mine: Vec<_> = findings
            .iter()
            .filter(|f| f.span == c.mention.span)
            .collect();
        if mine.is_empty() {
            writeln!(out, "  findings: none")?;
        }
        for f in mine {
            writeln!(
                out,
                "  finding {} [{}]: {}",
                f.rule.name, f.rule.code, f.message
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locations() {
        let l =
            |s: &str| parse_location(s).map(|l| (l.path.display().to_string(), l.line, l.column));
        assert_eq!(l("a.md:3"), Some(("a.md".into(), 3, None)));
        assert_eq!(l("a.md:3:7"), Some(("a.md".into(), 3, Some(7))));
        assert_eq!(l("C:/x/a.md:3:7"), Some(("C:/x/a.md".into(), 3, Some(7))));
        assert_eq!(l("a.md"), None);
        assert_eq!(l("a.md:0"), None);
    }
}
