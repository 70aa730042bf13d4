//! `claimcheck.toml`: the settings a repository keeps for `claimcheck check`.
//!
//! Found by walking up from the working directory, or named with `--config`. Every key is
//! documented in the README; an unknown key is an error naming it and its line.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use claimcheck_model::ModelConventions;
use serde::Deserialize;

use crate::input::Problem;

/// The file name looked for.
pub const FILE_NAME: &str = "claimcheck.toml";

/// The settings, as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    /// Registry files to add to the shipped one, relative to the config file.
    #[serde(default)]
    pub studies: Vec<PathBuf>,
    /// Cited studies' own texts (PDF, HTML, Markdown, text) to check figures that cite them
    /// against, relative to the config file (`--against`).
    #[serde(default)]
    pub sources: Vec<PathBuf>,
    /// Whether every figure cites the `sources`, named or not (`--assume-cited`).
    #[serde(default)]
    pub assume_cited: bool,
    /// Globs of files to check when walking folders (relative to the config file).
    #[serde(default)]
    pub include: Vec<String>,
    /// Globs of files not to check.
    #[serde(default)]
    pub exclude: Vec<String>,
    /// The rules to run instead of the default ones (`ALL` for every rule).
    #[serde(default)]
    pub select: Vec<String>,
    /// Rules to run besides the default (or selected) ones.
    #[serde(default)]
    pub extend_select: Vec<String>,
    /// Rules not to run.
    #[serde(default)]
    pub ignore: Vec<String>,
    /// Severity overrides: `rule-name-or-code = "error" | "warning" | "info"`.
    #[serde(default)]
    pub severity: BTreeMap<String, claimcheck_checker::Severity>,
    /// The least severity that fails the run: `error` (default), `warning` or `info`.
    pub fail_on: Option<claimcheck_checker::Severity>,
    /// Tolerances of the model (see `docs/conventions.md`).
    #[serde(default)]
    pub tolerances: ModelConventions,
    /// How the extractor reads vague quantities and years (see `docs/conventions.md`).
    #[serde(default)]
    pub extraction: Extraction,
    /// The date of texts that give none in front matter or a dateline (`YYYY[-MM-DD]`): what
    /// "current" means for `outdated-source`.
    pub date: Option<String>,
}

/// The `[extraction]` table: overrides of the extractor's conventions.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Extraction {
    /// The range of four-digit numbers read as years, inclusive.
    pub year_range: Option<(u32, u32)>,
    /// Vague phrases and the least value each asserts; added to (or replacing) the defaults.
    #[serde(default)]
    pub vague: BTreeMap<String, f64>,
    /// The longest sentence, in bytes, read in whole for claims.
    pub max_sentence: Option<usize>,
}

impl Extraction {
    /// The extractor's conventions: the defaults with these overrides.
    pub fn conventions(&self) -> claimcheck_parser::Conventions {
        let mut c = claimcheck_parser::Conventions::default();
        if let Some(r) = self.year_range {
            c.year_range = r;
        }
        if let Some(n) = self.max_sentence {
            c.max_sentence = n;
        }
        for (phrase, bound) in &self.vague {
            c.vague.insert(phrase.to_lowercase(), *bound);
        }
        c
    }
}

/// A config file and where it is.
#[derive(Debug, Default)]
pub struct Loaded {
    /// The settings.
    pub config: Config,
    /// The folder paths in it are relative to (the working directory when there is no file).
    pub root: PathBuf,
    /// The file it was read from; `None` for the defaults.
    pub path: Option<PathBuf>,
}

/// Finds `claimcheck.toml` in `start` or a folder above it.
pub fn discover(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|d| d.join(FILE_NAME))
        .find(|p| p.is_file())
}

/// Loads the config named with `--config`, else the one found above the working directory,
/// else the defaults.
pub fn load(explicit: Option<&Path>) -> Result<Loaded, Problem> {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let path = match explicit {
        Some(p) => Some(p.to_path_buf()),
        None => discover(&cwd),
    };
    let Some(path) = path else {
        return Ok(Loaded {
            config: Config::default(),
            root: cwd,
            path: None,
        });
    };
    let name = path.display().to_string();
    let bytes = std::fs::read(&path).map_err(|e| Problem {
        location: name.clone(),
        message: crate::input::io_message(&e),
    })?;
    let text = crate::input::decode(bytes, &name)?;
    let config = parse_named(&name, &text)?;
    let root = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(|| cwd.clone(), Path::to_path_buf);
    Ok(Loaded {
        config,
        root,
        path: Some(path),
    })
}

/// [`parse`], with errors located in the file `name` (`name:line:column`), as the command
/// reports them.
pub fn parse_named(name: &str, text: &str) -> Result<Config, Problem> {
    parse(text).map_err(|(line, column, message)| Problem {
        location: format!("{name}:{line}:{column}"),
        message,
    })
}

/// Parses and validates a config; errors carry a 1-based line and column.
pub fn parse(text: &str) -> Result<Config, (usize, usize, String)> {
    let config: Config = toml::from_str(text).map_err(|e| {
        let (line, column) = e.span().map_or((1, 1), |s| position(text, s.start));
        (line, column, e.message().to_owned())
    })?;
    let locate =
        |key: &str| -> (usize, usize) { text.find(key).map_or((1, 1), |i| position(text, i)) };
    for rule in config
        .severity
        .keys()
        .chain(&config.select)
        .chain(&config.extend_select)
        .chain(&config.ignore)
    {
        if !rule.eq_ignore_ascii_case("ALL") && claimcheck_checker::rules::selector(rule).is_none()
        {
            let (l, c) = locate(rule);
            return Err((l, c, claimcheck_checker::rules::unknown_message(rule)));
        }
    }
    if let Some((a, b)) = config.extraction.year_range
        && a > b
    {
        let (l, c) = locate("year-range");
        return Err((
            l,
            c,
            format!("extraction.year-range runs backwards: {a} > {b}"),
        ));
    }
    for (phrase, bound) in &config.extraction.vague {
        if !bound.is_finite() || *bound < 0.0 {
            let (l, c) = locate(phrase);
            return Err((
                l,
                c,
                format!("extraction.vague.{phrase} must be a number of 0 or more"),
            ));
        }
    }
    let t = &config.tolerances;
    for (key, v) in [
        ("about", t.about),
        ("nearly", t.nearly),
        ("just-over", t.just_over),
        ("fraction", t.fraction),
        ("subject-match", t.subject_match),
    ] {
        if !(0.0..=1.0).contains(&v) {
            let (l, c) = locate(key);
            return Err((
                l,
                c,
                format!("tolerances.{key} must lie between 0 and 1, not {v}"),
            ));
        }
    }
    Ok(config)
}

fn position(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_config_parses() {
        let c = parse(
            "studies = [\"mine.csv\"]\ninclude = [\"articles/**\"]\nexclude = [\"drafts/**\"]\nselect = [\"unsourced-statistic\"]\nignore = [\"CC102\"]\nfail-on = \"warning\"\n\n[severity]\npopulation-mismatch = \"error\"\n\n[tolerances]\nabout = 0.2\n",
        )
        .expect("parses");
        assert_eq!(c.studies, [PathBuf::from("mine.csv")]);
        assert_eq!(c.fail_on, Some(claimcheck_checker::Severity::Warning));
        assert!((c.tolerances.about - 0.2).abs() < 1e-12);
        assert!((c.tolerances.nearly - 0.15).abs() < 1e-12);
        let c = parse("[extraction]\nyear-range = [1900, 2050]\n\n[extraction.vague]\ndozens = 12\n\"a handful\" = 3\n")
            .expect("parses");
        let conv = c.extraction.conventions();
        assert_eq!(conv.year_range, (1900, 2050));
        assert_eq!(conv.vague_bound("dozens"), Some(12.0));
        assert_eq!(conv.vague_bound("a handful"), Some(3.0));
        assert_eq!(conv.vague_bound("hundreds"), Some(200.0));
    }

    #[test]
    fn the_readme_example_parses() {
        let readme = include_str!("../../../README.md");
        let start = readme
            .find("```toml\n")
            .expect("a TOML example in the README")
            + 8;
        let end = start + readme[start..].find("```").expect("its end");
        let c = parse(&readme[start..end]).expect("the README's example is a valid config");
        assert_eq!(
            c.severity.get("population-mismatch"),
            Some(&claimcheck_checker::Severity::Error)
        );
        assert_eq!(
            c.severity.get("CC104"),
            Some(&claimcheck_checker::Severity::Info)
        );
        assert_eq!(
            c.extraction.conventions().vague_bound("a handful"),
            Some(3.0)
        );
    }

    #[test]
    fn errors_name_the_key_and_line() {
        let cases = [
            (
                "select = []\nfial-on = \"error\"\n",
                2,
                "unknown field `fial-on`",
            ),
            ("[tolerances]\nabuot = 0.1\n", 2, "unknown field `abuot`"),
            (
                "[severity]\nno-such-rule = \"error\"\n",
                2,
                "unknown rule `no-such-rule`",
            ),
            (
                "[severity]\nmisattribution = \"fatal\"\n",
                2,
                "unknown variant `fatal`, expected one of `info`, `warning`, `error`",
            ),
            (
                "fail-on = \"sometimes\"\n",
                1,
                "unknown variant `sometimes`",
            ),
            (
                "[severity]\nstudy-contradictoin = \"error\"\n",
                2,
                "did you mean `study-contradiction`?",
            ),
            ("extend-select = [\"CC9\"]\n", 1, "unknown rule `CC9`"),
            ("[tolerances]\nabout = 3.0\n", 2, "between 0 and 1"),
            ("studies = \"mine.csv\"\n", 1, "invalid type"),
            (
                "[extraction]\nyear-range = [2100, 1800]\n",
                2,
                "runs backwards",
            ),
            ("[extraction]\nyears = [1, 2]\n", 2, "unknown field `years`"),
        ];
        for (text, line, message) in cases {
            let (l, _, m) = parse(text).expect_err(text);
            assert_eq!(l, line, "{text}: {m}");
            assert!(m.contains(message), "{text}: {m}");
        }
    }
}
