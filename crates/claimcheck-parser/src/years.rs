//! Fiscal and reporting years: "FY2021", "FY 2021", "FY21", "fiscal year 2020",
//! "Fiscal Year (FY) 2018", "FY93/94", "FY2009–FY2019", "fiscal years 2018 through 2021",
//! and split years written with a slash ("2019/20", "2012/2013").
//!
//! ```text
//! fiscal_year := ("from" ws)? marker year (split | through)?
//! marker      := "FY" ws? | "fiscal year" "s"? ws ("(FY)" ws)?
//! year        := digit{4} | digit{2}                    (two digits: 1950–2049)
//! split       := ("/" | "-" | "–") "FY"? ws? (digit{4} | digit{2})   (the next year or later)
//! through     := ws ("through" | "to") ws marker? year
//! split_year  := digit{4} "/" (digit{2} | digit{4})       (the next year: "2019/20")
//! ```
//!
//! A fiscal year is kind `year`; one year has its value, two have `endpoints`.

use crate::quantity::word_before;
use crate::vocab;

/// A year or a span of years found at a marker, with its byte range.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct FoundYears {
    pub start: usize,
    pub end: usize,
    pub first: f64,
    /// The last year of a span, if two were written.
    pub last: Option<f64>,
}

/// Markers that make the number after them a fiscal year, longest first. "FY" may touch the
/// digits; the others end in a space.
const MARKERS: &[&str] = &[
    "fiscal years (fy) ",
    "fiscal year (fy) ",
    "fiscal years ",
    "fiscal year ",
    "fy ",
    "fy",
];

/// The start of a fiscal-year marker that ends at `digits`, if one does.
fn marker_before(text: &str, digits: usize) -> Option<usize> {
    let head = &text[..digits];
    for m in MARKERS {
        if let Some(start) = vocab::match_phrase_end(head, m) {
            // "FY" must be written in capitals, and stand as a word.
            let written = &head[start..];
            if m.starts_with("fy") && !written.starts_with("FY") {
                continue;
            }
            if head[..start].ends_with(|c: char| c.is_alphanumeric()) {
                continue;
            }
            return Some(start);
        }
    }
    None
}

/// The leading run of ASCII digits of `s`.
fn digit_run(s: &str) -> &str {
    let n = s.bytes().take_while(u8::is_ascii_digit).count();
    &s[..n]
}

/// A year of two or four digits; two digits read 1950–2049 ("FY93" 1993, "FY07" 2007).
fn year_value(digits: &str) -> Option<f64> {
    let v: f64 = digits.parse().ok()?;
    match digits.len() {
        4 if (1800.0..=2100.0).contains(&v) => Some(v),
        2 if v >= 50.0 => Some(1900.0 + v),
        2 => Some(2000.0 + v),
        _ => None,
    }
}

/// The second year after a split mark, in the century of the first: "/94" after 1993.
fn second_year(first: f64, digits: &str) -> Option<f64> {
    let v: f64 = digits.parse().ok()?;
    let year = match digits.len() {
        2 => {
            let century = first - first % 100.0;
            if century + v > first {
                century + v
            } else {
                century + 100.0 + v
            }
        }
        4 => v,
        _ => return None,
    };
    (year > first && year - first <= 50.0).then_some(year)
}

fn boundary(text: &str, offset: usize) -> bool {
    !text[offset..].starts_with(|c: char| c.is_alphanumeric())
}

/// A fiscal year whose digits start at `digits` ("FY" or "fiscal year" written before them).
pub(crate) fn fiscal_year(text: &str, digits: usize, floor: usize) -> Option<FoundYears> {
    let marker = marker_before(text, digits)?;
    if marker < floor {
        return None;
    }
    let run = digit_run(&text[digits..]);
    let first = year_value(run)?;
    let mut end = digits + run.len();
    let mut last = None;
    // A split: "FY93/94", "FY 2009-10", "FY2009–FY2019".
    let rest = &text[end..];
    if let Some(sep) = ['/', '-', '–'].into_iter().find(|c| rest.starts_with(*c)) {
        let mut second_start = end + sep.len_utf8();
        if text[second_start..].starts_with("FY") {
            second_start += 2;
            if text[second_start..].starts_with(' ') {
                second_start += 1;
            }
        }
        let run2 = digit_run(&text[second_start..]);
        if let Some(y) = second_year(first, run2)
            && boundary(text, second_start + run2.len())
        {
            last = Some(y);
            end = second_start + run2.len();
        }
    }
    if !boundary(text, end) {
        return None;
    }
    let mut start = marker;
    // "fiscal years 2018 through 2021", "from fiscal year 2009 to fiscal year 2019".
    if last.is_none() {
        let from = word_before(text, marker)
            .filter(|before| before.word.eq_ignore_ascii_case("from"))
            .map(|before| before.start);
        let plural = text[marker..digits].to_ascii_lowercase().contains("years");
        for joiner in [" through ", " to ", " thru "] {
            let Some(n) = vocab::match_phrase(&text[end..], joiner) else {
                continue;
            };
            if joiner == " to " && from.is_none() && !plural {
                continue;
            }
            let at = end + n;
            let after_marker = MARKERS
                .iter()
                .find_map(|m| {
                    vocab::match_phrase(&text[at..], m)
                        .filter(|_| !m.starts_with("fy") || text[at..].starts_with("FY"))
                })
                .unwrap_or(0);
            let at = at + after_marker;
            let run2 = digit_run(&text[at..]);
            if run2.len() == 4
                && let Some(y) = second_year(first, run2)
                && boundary(text, at + run2.len())
            {
                last = Some(y);
                end = at + run2.len();
                if let Some(f) = from.filter(|f| *f >= floor) {
                    start = f;
                }
            }
            break;
        }
    }
    Some(FoundYears {
        start,
        end,
        first,
        last,
    })
}

/// A split year written with a slash: "2019/20", "2012/2013" (the second is the next year).
pub(crate) fn split_year(text: &str, digits: usize) -> Option<FoundYears> {
    let run = digit_run(&text[digits..]);
    if run.len() != 4 {
        return None;
    }
    let first = year_value(run)?;
    let at = digits + 4;
    let rest = text[at..].strip_prefix('/')?;
    let run2 = digit_run(rest);
    let y = second_year(first, run2)?;
    let end = at + 1 + run2.len();
    let more =
        text[end..].starts_with('/') && text[end + 1..].starts_with(|c: char| c.is_ascii_digit());
    (y == first + 1.0 && boundary(text, end) && !more).then_some(FoundYears {
        start: digits,
        end,
        first,
        last: Some(y),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    type Read<'a> = Option<(&'a str, f64, Option<f64>)>;

    fn fy(text: &str) -> Read<'_> {
        let digits = text.find(|c: char| c.is_ascii_digit())?;
        let f = fiscal_year(text, digits, 0)?;
        Some((&text[f.start..f.end], f.first, f.last))
    }

    #[test]
    fn fiscal_years() {
        let cases: &[(&str, Read<'_>)] = &[
            ("in FY2021 the", Some(("FY2021", 2021.0, None))),
            ("in FY 2021.", Some(("FY 2021", 2021.0, None))),
            ("in FY21,", Some(("FY21", 2021.0, None))),
            ("FY99 budget", Some(("FY99", 1999.0, None))),
            ("fiscal year 2020", Some(("fiscal year 2020", 2020.0, None))),
            (
                "the Fiscal Year (FY) 2018 report",
                Some(("Fiscal Year (FY) 2018", 2018.0, None)),
            ),
            ("FY93/94", Some(("FY93/94", 1993.0, Some(1994.0)))),
            ("FY99/00", Some(("FY99/00", 1999.0, Some(2000.0)))),
            ("FY 2009-10", Some(("FY 2009-10", 2009.0, Some(2010.0)))),
            (
                "FY2009–FY2019",
                Some(("FY2009–FY2019", 2009.0, Some(2019.0))),
            ),
            (
                "for fiscal years 2017 through 2020,",
                Some(("fiscal years 2017 through 2020", 2017.0, Some(2020.0))),
            ),
            (
                "from fiscal year 2008 to fiscal year 2012",
                Some((
                    "from fiscal year 2008 to fiscal year 2012",
                    2008.0,
                    Some(2012.0),
                )),
            ),
            (
                "fiscal year 2011 to 40 percent",
                Some(("fiscal year 2011", 2011.0, None)),
            ),
            ("fy2021", None),
            ("FY2021x", None),
            ("SFY 2021", None),
            ("year 2020", None),
        ];
        for (input, want) in cases {
            assert_eq!(fy(input), *want, "{input}");
        }
    }

    #[test]
    fn split_years() {
        let split = |t: &str| split_year(t, 0).map(|f| (f.first, f.last));
        assert_eq!(split("2019/20 season"), Some((2019.0, Some(2020.0))));
        assert_eq!(split("2012/2013"), Some((2012.0, Some(2013.0))));
        assert_eq!(split("2012/15"), None);
        assert_eq!(split("2012/13/14"), None);
        assert_eq!(split("1212/13"), None);
    }
}
