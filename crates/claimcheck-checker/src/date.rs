//! An article's date: what "current" means for `outdated-source`.
//!
//! It comes from `--date` or the configuration, or from the text itself: a `date:` line in
//! front matter, or a dateline ("July 30, 2018", "30 July 2018", "2018-07-30") in the first
//! lines.

/// A date, as precise as it is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct ArticleDate {
    /// The year.
    pub year: u16,
    /// The month (1–12), when known.
    pub month: Option<u8>,
    /// The day, when known.
    pub day: Option<u8>,
}

impl std::fmt::Display for ArticleDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

/// The month a word names: the parser's month names and abbreviations.
fn month(word: &str) -> Option<u8> {
    claimcheck_parser::month_number(word)
}

fn year(word: &str) -> Option<u16> {
    word.parse::<u16>()
        .ok()
        .filter(|y| (1900..=2100).contains(y) && word.len() == 4)
}

impl ArticleDate {
    /// Reads `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Option<Self> {
        let mut parts = s.trim().split('-');
        let y = year(parts.next()?)?;
        let m = match parts.next() {
            Some(p) => Some(p.parse::<u8>().ok().filter(|m| (1..=12).contains(m))?),
            None => None,
        };
        let d = match parts.next() {
            Some(p) => Some(p.parse::<u8>().ok().filter(|d| (1..=31).contains(d))?),
            None => None,
        };
        if parts.next().is_some() || (d.is_some() && m.is_none()) {
            return None;
        }
        Some(ArticleDate {
            year: y,
            month: m,
            day: d,
        })
    }

    /// The date a text gives itself: front matter's `date:`, else a dateline in its first
    /// three non-empty lines.
    pub fn from_text(text: &str) -> Option<Self> {
        let mut lines = text.lines();
        if text.starts_with("---") {
            lines.next();
            for line in lines.by_ref() {
                if line.trim() == "---" {
                    break;
                }
                if let Some(v) = line.trim().strip_prefix("date:") {
                    let v = v.trim().trim_matches(['"', '\'']);
                    let v = v.get(..10.min(v.len())).unwrap_or(v);
                    if let Some(d) = ArticleDate::parse(v).or_else(|| dateline(v)) {
                        return Some(d);
                    }
                }
            }
        }
        lines
            .filter(|l| !l.trim().is_empty())
            .take(3)
            .find_map(|l| dateline(l.get(..120.min(l.len())).unwrap_or(l)))
    }
}

/// A date in a line: "July 30, 2018", "30 July 2018", "2018-07-30".
fn dateline(line: &str) -> Option<ArticleDate> {
    // Every form holds a year, four digits on their own: a line without (most lines, and
    // most sentences with figures) holds no date.
    if !has_year_digits(line) {
        return None;
    }
    let mut words = line
        .split(|c: char| c.is_whitespace() || c == ',' || c == '(' || c == ')')
        .filter(|w| !w.is_empty());
    let day = |s: &str| s.parse::<u8>().ok().filter(|d| (1..=31).contains(d));
    let mut previous: Option<&str> = None;
    while let Some(w) = words.next() {
        if w.len() == 10
            && w.as_bytes()[4] == b'-'
            && let Some(d) = ArticleDate::parse(w)
        {
            return Some(d);
        }
        if let Some(m) = month(w) {
            let mut ahead = words.clone();
            let (next, after) = (ahead.next(), ahead.next());
            // Month D, YYYY
            if let (Some(d), Some(y)) = (next.and_then(day), after.and_then(year)) {
                return Some(ArticleDate {
                    year: y,
                    month: Some(m),
                    day: Some(d),
                });
            }
            // D Month YYYY
            if let (Some(d), Some(y)) = (previous.and_then(day), next.and_then(year)) {
                return Some(ArticleDate {
                    year: y,
                    month: Some(m),
                    day: Some(d),
                });
            }
        }
        previous = Some(w);
    }
    None
}

/// Whether a line holds a run of exactly four ASCII digits that [`year`] reads as a year.
fn has_year_digits(line: &str) -> bool {
    line.as_bytes()
        .split(|b| !b.is_ascii_digit())
        .any(|run| run.len() == 4 && std::str::from_utf8(run).ok().and_then(year).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The dateline as first written: every word of the line collected, then read.
    fn dateline_collected(line: &str) -> Option<ArticleDate> {
        let words: Vec<&str> = line
            .split(|c: char| c.is_whitespace() || c == ',' || c == '(' || c == ')')
            .filter(|w| !w.is_empty())
            .collect();
        for (i, w) in words.iter().enumerate() {
            if w.len() == 10
                && w.as_bytes()[4] == b'-'
                && let Some(d) = ArticleDate::parse(w)
            {
                return Some(d);
            }
            let Some(m) = month(w) else { continue };
            let day = |s: &str| s.parse::<u8>().ok().filter(|d| (1..=31).contains(d));
            // Month D, YYYY
            if let (Some(d), Some(y)) = (
                words.get(i + 1).and_then(|s| day(s)),
                words.get(i + 2).and_then(|s| year(s)),
            ) {
                return Some(ArticleDate {
                    year: y,
                    month: Some(m),
                    day: Some(d),
                });
            }
            // D Month YYYY
            if let (Some(d), Some(y)) = (
                i.checked_sub(1)
                    .and_then(|p| words.get(p))
                    .and_then(|s| day(s)),
                words.get(i + 1).and_then(|s| year(s)),
            ) {
                return Some(ArticleDate {
                    year: y,
                    month: Some(m),
                    day: Some(d),
                });
            }
        }
        None
    }

    proptest::proptest! {
        /// A dateline is read word by word as it was from the words collected, for lines
        /// of month names, days, years, dates and other words, in any separators.
        #[test]
        fn a_dateline_is_read_as_from_its_words_collected(
            words in proptest::collection::vec(
                proptest::sample::select(vec![
                    "July", "jul", "Sept", "May", "March", "2018", "1899", "30", "0", "31",
                    "32", "2018-07-30", "2018-13-30", "by", "Reuters", "é", "", "20180", "x2018",
                ]),
                0..8,
            ),
            seps in proptest::collection::vec(
                proptest::sample::select(vec![" ", ", ", "(", ")", "\t", " - "]),
                8,
            ),
        ) {
            let mut line = String::new();
            for (w, sep) in words.iter().zip(&seps) {
                line.push_str(w);
                line.push_str(sep);
            }
            proptest::prop_assert_eq!(dateline(&line), dateline_collected(&line), "{:?}", line);
        }
    }

    #[test]
    fn parses_dates() {
        let d = |s: &str| ArticleDate::parse(s).map(|d| d.to_string());
        assert_eq!(d("2018"), Some("2018".into()));
        assert_eq!(d("2018-07-30"), Some("2018-07-30".into()));
        assert_eq!(d("2018-13-30"), None);
        assert_eq!(d("18-07-30"), None);
        assert_eq!(d("yesterday"), None);
    }

    #[test]
    fn finds_dates_in_text() {
        let cases = [
            (
                "---\ntitle: x\ndate: 2019-05-30\n---\nBody.",
                Some("2019-05-30"),
            ),
            (
                "GENEVA, Sept. 19, 2017 — The ILO said …",
                Some("2017-09-19"),
            ),
            ("Published 30 July 2018\n\nText.", Some("2018-07-30")),
            ("Some 40 million people in 2016.", None),
            ("May we see 12 of them in 2020?", None),
        ];
        for (text, want) in cases {
            assert_eq!(
                ArticleDate::from_text(text)
                    .map(|d| d.to_string())
                    .as_deref(),
                want,
                "{text}"
            );
        }
    }
}
