//! `claimcheck registry draft SOURCE…`: registry rows for a study's headline figures.
//!
//! Each figure of the study's executive summary, key findings, abstract or highlights (then
//! the others, in order) becomes a row in the schema of `data/studies.csv`, with the two
//! optional columns `quote` (the sentence that gives it) and `location` (its page and line),
//! for a person to review and add with `--studies`. What the text cannot say is drafted
//! conservatively and said: `scope` is `global` (no place required), `concept` is the listed
//! topic the sentence names or `other` (matched by the row's population terms), and `url` is
//! the one given with `--url` or a placeholder under `example.invalid`.

use std::io::Write;

use anyhow::Result;
use claimcheck_checker::registry::{Basis, Concept, Measure, Per, Scope, Study, Unit};
use claimcheck_checker::source::{Source, SourceFigure};
use claimcheck_checker::vocab;
use claimcheck_model::ModelConventions;
use claimcheck_parser::{ClaimReader, Extractor, Kind};

use crate::cli::DraftArgs;
use crate::input::Problem;
use crate::reporter::Reporter;

/// The address written when the user gives none: `.invalid` never resolves, so the row is
/// plainly unfinished.
pub const PLACEHOLDER_URL: &str = "https://example.invalid/replace-with-the-study-url";

/// Runs `registry draft`: the rows of every source, on standard output.
pub fn run(args: &DraftArgs, out: &mut dyn Write, reporter: &Reporter) -> Result<()> {
    let mut rows = Vec::new();
    for path in &args.sources {
        let text = match crate::sources::load(path) {
            Ok(t) => t,
            Err(p) => {
                reporter.error(&p);
                continue;
            }
        };
        let source = Source::read(
            &text,
            &Extractor::default(),
            &ClaimReader::default(),
            &ModelConventions::default(),
        );
        let drafted = draft(&source, args);
        if drafted.is_empty() {
            reporter.warning(&Problem {
                location: text.name.clone(),
                message: "no figure of a kind the registry holds (share, count, money)".to_owned(),
            });
        }
        rows.extend(drafted);
    }
    if args.url.is_none() && !rows.is_empty() {
        reporter.warning(&Problem {
            location: "--url".to_owned(),
            message: format!(
                "no address given: the rows' url is {PLACEHOLDER_URL}; replace it with the \
                 study's before adding the rows"
            ),
        });
    }
    let mut writer = csv::Writer::from_writer(out);
    for row in &rows {
        writer.serialize(row)?;
    }
    if rows.is_empty() {
        // A header alone, so that the output is still a registry file.
        writer.write_record(header())?;
    }
    writer.flush()?;
    Ok(())
}

/// The registry's columns and the two optional ones `registry draft` fills.
pub fn header() -> Vec<&'static str> {
    claimcheck_checker::registry::BUILTIN
        .lines()
        .next()
        .unwrap_or("")
        .split(',')
        .chain(["quote", "location"])
        .collect()
}

/// The rows for one source: headline figures first, at most `args.limit`.
pub fn draft(source: &Source, args: &DraftArgs) -> Vec<Study> {
    let stem = id_stem(&source.name);
    let acronym = source.names.iter().find(|n| {
        !n.contains(' ')
            && n.chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
    });
    let publisher = args
        .publisher
        .clone()
        .or_else(|| acronym.cloned())
        .or_else(|| source.names.first().cloned())
        .unwrap_or_else(|| source.title.clone());
    let publisher = if publisher.is_empty() {
        stem.clone()
    } else {
        publisher
    };
    let aliases: Vec<&str> = source
        .names
        .iter()
        .map(String::as_str)
        .filter(|n| *n != publisher)
        .collect();
    let all_years: Vec<u16> = source
        .figures
        .iter()
        .flat_map(|f| f.years.iter().copied())
        .collect();
    let year = source
        .front_years
        .iter()
        .max()
        .or(all_years.iter().max())
        .copied()
        .unwrap_or(0);
    let mut figures: Vec<&SourceFigure> = source
        .figures
        .iter()
        .filter(|f| f.headline && kind_held(f))
        .collect();
    figures.extend(
        source
            .figures
            .iter()
            .filter(|f| !f.headline && kind_held(f)),
    );
    figures
        .into_iter()
        .take(args.limit)
        .enumerate()
        .map(|(k, f)| {
            let (measure, unit, basis) = match (f.kind, f.change) {
                (_, true) => (Measure::Change, Unit::Percent, Basis::Change),
                (Kind::Percent, _) => (Measure::Share, Unit::Percent, Basis::Stock),
                (Kind::Money, _) => (Measure::Money, Unit::Usd, Basis::Stock),
                _ => (Measure::Count, Unit::Persons, Basis::Stock),
            };
            let [low, high] = f.quantity.nominal.ends();
            let range = low != high;
            let start = f.years.iter().min().copied().unwrap_or(year);
            let end = f.years.iter().max().copied().unwrap_or(year);
            Study {
                id: format!("{stem}_{:02}", k + 1),
                publisher: publisher.clone(),
                aliases: aliases.join("|"),
                year,
                reference_period: if f.years.is_empty() {
                    String::new()
                } else if start == end {
                    start.to_string()
                } else {
                    format!("{start}-{end}")
                },
                reference_start: start.min(end),
                reference_end: end,
                title: source.title.clone(),
                population: f.subject.clone().unwrap_or_else(|| f.sentence.clone()),
                population_terms: terms(f),
                subgroup: String::new(),
                scope: Scope::Global,
                concept: concept(&f.sentence),
                basis,
                measure,
                value: if range { (low + high) / 2.0 } else { low },
                lower: range.then_some(low),
                upper: range.then_some(high),
                unit,
                per: Per::None,
                value_text: f.written.clone(),
                geography: String::new(),
                series: stem.clone(),
                edition: year.to_string(),
                superseded_by: String::new(),
                url: args
                    .url
                    .clone()
                    .unwrap_or_else(|| PLACEHOLDER_URL.to_owned()),
                quote: f.sentence.clone(),
                location: f.location.to_string(),
            }
        })
        .collect()
}

/// Whether the registry holds figures of this kind: a share, money, or a count of something
/// named ("4.2 million tenants", not the age in "aged over 65").
fn kind_held(f: &SourceFigure) -> bool {
    let named = f.kind != Kind::Number || f.quantity.unit.is_some();
    matches!(f.kind, Kind::Number | Kind::Percent | Kind::Money)
        && named
        && f.quantity.nominal.is_finite()
}

/// An id stem from a file name: "reports/Northwind Study.pdf" ⇒ "northwind_study".
fn id_stem(name: &str) -> String {
    let file = std::path::Path::new(name)
        .file_stem()
        .map_or(name.to_owned(), |s| s.to_string_lossy().into_owned());
    let mut stem = String::new();
    for c in file.chars() {
        if c.is_ascii_alphanumeric() {
            stem.push(c.to_ascii_lowercase());
        } else if !stem.ends_with('_') && !stem.is_empty() {
            stem.push('_');
        }
    }
    let stem = stem.trim_end_matches('_').to_owned();
    if stem.is_empty() {
        "study".to_owned()
    } else if stem.starts_with(|c: char| c.is_ascii_digit()) {
        format!("study_{stem}")
    } else {
        stem
    }
}

/// The population terms: the content words of the figure's subject (else of its sentence),
/// at most five.
fn terms(f: &SourceFigure) -> String {
    let text = f.subject.as_deref().unwrap_or(&f.sentence);
    let mut out: Vec<String> = Vec::new();
    for t in vocab::tokens(text, 0, text.len()) {
        if t.word.len() >= 3
            && !t.word.chars().all(|c| c.is_ascii_digit())
            && !vocab::FUNCTION_WORDS.contains(&t.word.as_str())
            && !out.iter().any(|w| *w == t.word)
        {
            out.push(t.word.into());
        }
    }
    out.truncate(5);
    out.join("|")
}

/// The first listed concept the sentence names, else `other`.
fn concept(sentence: &str) -> Concept {
    let words = vocab::tokens(sentence, 0, sentence.len());
    Concept::ALL
        .iter()
        .copied()
        .filter(|c| {
            !matches!(
                c,
                Concept::DetectedVictims
                    | Concept::IdentifiedVictims
                    | Concept::Profits
                    | Concept::WageTheft
                    | Concept::Sample
                    | Concept::Other
            )
        })
        .find(|c| vocab::any(&words, vocab::concept_terms(*c)))
        .unwrap_or(Concept::Other)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_stems() {
        assert_eq!(id_stem("reports/Northwind Study.pdf"), "northwind_study");
        assert_eq!(id_stem("2024-report.txt"), "study_2024_report");
        assert_eq!(id_stem("***.md"), "study");
    }

    #[test]
    fn concepts_from_the_sentence() {
        assert_eq!(
            concept("An estimated 50 million people were in modern slavery."),
            Concept::ModernSlavery
        );
        assert_eq!(concept("Rents rose by 8 percent."), Concept::Other);
    }
}
