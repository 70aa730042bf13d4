//! Putting articles on pages: all on one page while the report is small, an index and one
//! page per article past a budget.
//!
//! A browser lays out and keeps in memory every element of a page. The report of a few
//! dozen articles is a few hundred kilobytes and reads best as one page (search with
//! Ctrl-F, print at once). The benchmark corpus (2,901 documents, 71,508 figures) would
//! be one page of some 60 MB with about a million elements, too slow to open and to scroll;
//! as an index and one page per article, the index stays under 2 MB and each article page
//! is a few kilobytes. [`Budget`] decides, as documents stream in: the first pages are
//! kept in memory until the budget is passed, then written out as pages.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use claimcheck_checker::{RULES, Rule};

use super::escape::slug;
use super::{Article, ArticleSummary, Page, Totals, render_article};

/// How much goes on one page before articles get pages of their own.
#[derive(Debug, Clone, Copy)]
pub struct Budget {
    /// Articles on one page at most.
    pub articles: usize,
    /// Bytes of article markup on one page at most.
    pub bytes: usize,
}

impl Budget {
    /// The default: 200 articles or 4 MB of markup, whichever comes first: a page that
    /// opens in well under a second on a phone.
    pub const DEFAULT: Budget = Budget {
        articles: 200,
        bytes: 4 << 20,
    };

    /// No limit: everything on one page (`check --format html`).
    pub const UNLIMITED: Budget = Budget {
        articles: usize::MAX,
        bytes: usize::MAX,
    };
}

/// The name of the folder of article pages, beside `report.html`.
pub const ARTICLES_DIR: &str = "report-articles";

/// Writes the report of articles given one at a time.
pub struct Report {
    dir: Option<PathBuf>,
    budget: Budget,
    toc: Vec<ArticleSummary>,
    /// The articles kept for the one page, with their numbers.
    inline: Vec<(usize, String)>,
    /// The highest number given so far.
    last: usize,
    bytes: usize,
    totals: Totals,
    pages: Option<tempfile::TempDir>,
}

impl Report {
    /// A report to be written into `dir` (`None`: one page, never split).
    pub fn new(dir: Option<&Path>, budget: Budget) -> Self {
        Report {
            dir: dir.map(Path::to_path_buf),
            budget,
            toc: Vec::new(),
            inline: Vec::new(),
            last: 0,
            bytes: 0,
            totals: Totals::default(),
            pages: None,
        }
    }

    /// How many articles have a page of their own (0 when all are on one page).
    pub fn pages(&self) -> usize {
        if self.pages.is_some() {
            self.toc.len()
        } else {
            0
        }
    }

    /// The first number not yet given (an article's ids start `a{n}-`), for articles added
    /// one after another. `claimcheck report` numbers its articles by their place in the
    /// input instead, so that a batch is numbered before the one ahead of it is added; there,
    /// a document that could not be read leaves a gap, never a duplicate.
    pub fn next_number(&self) -> usize {
        self.last + 1
    }

    /// Adds an article rendered by [`render_article`] as number `n`.
    pub fn add(&mut self, n: usize, summary: ArticleSummary, fragment: String) -> Result<()> {
        self.last = self.last.max(n);
        let over = self.toc.len() + 1 > self.budget.articles
            || self.bytes + fragment.len() > self.budget.bytes;
        if over && self.pages.is_none() && self.dir.is_some() {
            self.split()?;
        }
        let mut summary = summary;
        self.totals.add(&summary);
        if self.pages.is_some() {
            summary.href = self.write_page(n, &summary, &fragment)?;
        } else {
            summary.href = format!("#a{n}");
            self.bytes += fragment.len();
            self.inline.push((n, fragment));
        }
        self.toc.push(summary);
        Ok(())
    }

    /// Moves the articles kept so far onto pages of their own.
    fn split(&mut self) -> Result<()> {
        let dir = self.dir.as_deref().unwrap_or(Path::new("."));
        self.pages = Some(crate::atomic::temp_dir(dir)?);
        let kept = std::mem::take(&mut self.inline);
        for (i, (n, fragment)) in kept.into_iter().enumerate() {
            let summary = self.toc[i].clone();
            self.toc[i].href = self.write_page(n, &summary, &fragment)?;
        }
        self.bytes = 0;
        Ok(())
    }

    fn write_page(&self, n: usize, summary: &ArticleSummary, fragment: &str) -> Result<String> {
        let Some(pages) = &self.pages else {
            anyhow::bail!("no folder for article pages");
        };
        let name = format!("{n:05}-{}.html", slug(&summary.name, 60));
        let path = pages.path().join(&name);
        let rules = rules_of(summary);
        let file = std::fs::File::create(&path)
            .with_context(|| format!("{}: cannot create", path.display()))?;
        let mut w = std::io::BufWriter::new(file);
        Page {
            title: &summary.name,
            totals: None,
            toc: &[],
            articles: &[fragment],
            back: Some("../report.html"),
            rules: &rules,
            filters: &rules,
        }
        .write(&mut w)
        .and_then(|()| w.flush())
        .with_context(|| format!("{}: cannot write", path.display()))?;
        Ok(format!("{ARTICLES_DIR}/{name}"))
    }

    /// Writes the index (or the one page) to `out`; with article pages, moves their folder
    /// into place beside it. A previous run's folder of article pages is replaced, or removed
    /// when this report fits on one page.
    pub fn finish(self, out: &mut dyn Write) -> Result<()> {
        let title = match self.toc.len() {
            1 => format!("claimcheck report: {}", self.toc[0].name),
            n => format!("claimcheck report: {n} articles"),
        };
        let all: Vec<&'static Rule> = RULES.to_vec();
        let inline: Vec<&str> = self.inline.iter().map(|(_, f)| f.as_str()).collect();
        let found: Vec<&'static Rule> = RULES
            .iter()
            .copied()
            .filter(|r| self.totals.rules.contains_key(r.code))
            .collect();
        Page {
            title: &title,
            totals: Some(&self.totals),
            toc: &self.toc,
            articles: &inline,
            back: None,
            rules: &all,
            filters: &found,
        }
        .write(out)?;
        if let Some(dir) = &self.dir {
            let target = dir.join(ARTICLES_DIR);
            if target.is_dir() {
                std::fs::remove_dir_all(&target)
                    .with_context(|| format!("{}: cannot replace", target.display()))?;
            }
            if let Some(pages) = self.pages {
                let kept = pages.keep();
                std::fs::rename(&kept, &target)
                    .with_context(|| format!("{}: cannot write", target.display()))?;
            }
        }
        Ok(())
    }
}

/// The rules an article's findings name, in code order.
fn rules_of(summary: &ArticleSummary) -> Vec<&'static Rule> {
    RULES
        .iter()
        .copied()
        .filter(|r| summary.findings.iter().any(|(_, code, _)| *code == r.code))
        .collect()
}

/// Writes every article on one page.
pub fn one_page(articles: &[Article], out: &mut dyn Write) -> Result<()> {
    let mut report = Report::new(None, Budget::UNLIMITED);
    for a in articles {
        let n = report.next_number();
        report.add(
            n,
            ArticleSummary::new(a, String::new()),
            render_article(a, n),
        )?;
    }
    report.finish(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use claimcheck_checker::{Checker, Registry, Selection};

    fn article(name: &str, text: &str) -> Article {
        let checker = Checker::new(
            Registry::builtin().expect("the shipped registry"),
            claimcheck_model::ModelConventions::default(),
            &Selection::default(),
        );
        let checked = checker.check(text);
        Article::new(name, text, text, &checked, checker.registry())
    }

    fn report(dir: &Path, budget: Budget, names: &[&str]) -> String {
        let mut r = Report::new(Some(dir), budget);
        for name in names {
            let a = article(
                name,
                "A 2010 UNIAP study found that 28 percent of Cambodian migrants deported through Poipet had been trafficked.\n",
            );
            let n = r.next_number();
            r.add(
                n,
                ArticleSummary::new(&a, String::new()),
                render_article(&a, n),
            )
            .expect("added");
        }
        let mut out = Vec::new();
        r.finish(&mut out).expect("written");
        String::from_utf8(out).expect("UTF-8")
    }

    #[test]
    fn past_the_budget_each_article_gets_a_page() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let small = Budget {
            articles: 2,
            bytes: usize::MAX,
        };
        let index = report(dir.path(), small, &["one.txt", "two.txt", "three.txt"]);
        assert!(!index.contains("<article"), "the index holds no article");
        let pages: Vec<String> = std::fs::read_dir(dir.path().join(ARTICLES_DIR))
            .expect("the pages' folder")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(pages.len(), 3);
        for name in [
            "00001-one-txt.html",
            "00002-two-txt.html",
            "00003-three-txt.html",
        ] {
            assert!(
                index.contains(&format!("href=\"{ARTICLES_DIR}/{name}\"")),
                "{name}"
            );
            let page = std::fs::read_to_string(dir.path().join(ARTICLES_DIR).join(name))
                .expect("an article page");
            assert!(page.contains("<article"));
            assert!(page.contains("href=\"../report.html\""));
            // The page carries the documentation of the rule its finding links to.
            assert!(page.contains("href=\"#rule-study-contradiction\""));
            assert!(page.contains("id=\"rule-study-contradiction\""));
        }
        let leftovers = std::fs::read_dir(dir.path())
            .expect("list")
            .filter(|e| {
                e.as_ref()
                    .is_ok_and(|e| e.file_name().to_string_lossy().starts_with('.'))
            })
            .count();
        assert_eq!(leftovers, 0, "no temporary folder is left behind");

        // A later report that fits on one page removes the old pages.
        let index = report(dir.path(), Budget::DEFAULT, &["one.txt"]);
        assert!(index.contains("<article"));
        assert!(!dir.path().join(ARTICLES_DIR).exists());
    }
}
