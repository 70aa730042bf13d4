//! Numbers that name things rather than count them: bill and law numbers ("H.R. 3244",
//! "S. 2925", "Pub. L. 106-386"), code sections ("22 U.S.C. 7105", "18 U.S.C. § 1589",
//! "Section 107(b)", "7105(f)"), court citations ("542 U.S. 296", "114 Stat. 1490"), report
//! numbers ("Audit Report 08-26"), footnote marks ("[1]") and list markers ("(3)").
//!
//! ```text
//! citation := number ws reporter ws "§"? ws? label_number ("," ws digit+)?
//! reporter := "U.S.C." | "U.S." | "Stat." | "C.F.R." | "F.2d" | "F.3d" | "F.4th" | "F. Supp."
//! cited    := cite_mark ws? label_number
//! cite_mark := "§" | "§§" | "H.R." | "S." | "Pub. L." | "P.L." | "Public Law" | "Sec."
//!            | "U.S.C." | "Stat." | …
//! section  := digit+ "(" alnum{1,4} ")"                  ("7105(b)")
//! marker   := "[" digit{1,3} "]" | "(" digit{1,2} ")"
//! ```
//!
//! Each returns where the identifier ends, so that the scan resumes after it.

/// Reporters and codes written after the first number of a citation.
const REPORTERS: &[&str] = &[
    "U.S.C.A.",
    "U.S.C.",
    "U.S.",
    "Stat.",
    "C.F.R.",
    "F.2d",
    "F.3d",
    "F.4th",
    "F. Supp.",
    "S. Ct.",
    "L. Ed.",
    "Fed. Reg.",
];

/// Marks written before a number that make it a name: sections, bills, laws, reporters.
/// Compared case-sensitively: "S." is a Senate bill, "s." is not.
const CITE_MARKS: &[&str] = &[
    "§§",
    "§",
    "H.R.",
    "H. R.",
    "H.Res.",
    "S.Res.",
    "S.",
    "Pub. L. No.",
    "Pub. L.",
    "Pub.L.",
    "P.L.",
    "P. L.",
    "Public Law",
    "Sec.",
    "Secs.",
    "U.S.C.",
    "U.S.C",
    "Stat.",
    "C.F.R.",
    "Fed. Reg.",
];

/// The end of a label's number: digits with letters, dots, brackets and dashes between
/// digits ("4(a)", "12.3", "106-386", "110(b)(3)(B)", "5—18").
pub(crate) fn label_end(text: &str, start: usize) -> usize {
    let mut end = start;
    let mut chars = text[start..].char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next_digit = chars.peek().is_some_and(|(_, n)| n.is_ascii_digit());
        let ok = c.is_alphanumeric()
            || matches!(c, '(' | ')')
            || (matches!(c, '.' | '-' | '–' | '—' | ':') && next_digit);
        if !ok {
            break;
        }
        end = start + i + c.len_utf8();
    }
    // An unbalanced closing bracket belongs to the sentence: "(see § 4)".
    let token = &text[start..end];
    let opens = token.matches('(').count();
    let mut closes = token.matches(')').count();
    let mut token = token;
    while closes > opens && token.ends_with(')') {
        token = &token[..token.len() - 1];
        closes -= 1;
    }
    start + token.len().max(1)
}

fn starts_with_digit(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_digit())
}

/// A citation that starts with the number at `start`: "22 U.S.C. 7105", "542 U.S. 296, 300",
/// "114 Stat. 1490", "18 U.S.C. § 1589". Returns its end.
pub(crate) fn citation(text: &str, start: usize) -> Option<usize> {
    let digits = text[start..].bytes().take_while(u8::is_ascii_digit).count();
    let after = text[start + digits..].strip_prefix(' ')?;
    let reporter = REPORTERS.iter().find(|r| after.starts_with(**r))?;
    let mut pos = text.len() - after.len() + reporter.len();
    let rest = text[pos..].trim_start_matches(' ');
    let rest = rest
        .strip_prefix("§§")
        .or_else(|| rest.strip_prefix('§'))
        .map_or(rest, |r| r.trim_start_matches(' '));
    if !starts_with_digit(rest) {
        // "22 U.S.C." alone still names a title of the code.
        return (*reporter != "U.S.").then_some(pos);
    }
    pos = label_end(text, text.len() - rest.len());
    // A pin cite: "200 U.S. 321, 337".
    if let Some(pin) = text[pos..].strip_prefix(", ")
        && let n = pin.bytes().take_while(u8::is_ascii_digit).count()
        && (1..=4).contains(&n)
        && !pin[n..].starts_with(|c: char| c.is_alphanumeric() || c == ',')
    {
        pos += 2 + n;
    }
    Some(pos)
}

/// A number written after a mark that makes it a name ("§ 1589", "H.R. 3244", "Pub. L.
/// 106-386"). Returns its end.
pub(crate) fn cited(text: &str, start: usize) -> Option<usize> {
    let head = text[..start].trim_end_matches([' ', '\u{a0}']);
    let mark = CITE_MARKS.iter().find(|m| head.ends_with(**m))?;
    let before = &head[..head.len() - mark.len()];
    // "S." must stand alone ("S. 2925"), not end "U.S." or "Ms.".
    if mark.starts_with(|c: char| c.is_alphabetic())
        && before.ends_with(|c: char| c.is_alphanumeric() || c == '.')
    {
        return None;
    }
    Some(label_end(text, start))
}

/// A section number with a subsection glued to it: "7105(b)", "110(b)(3)(B)".
pub(crate) fn section(text: &str, start: usize) -> Option<usize> {
    let digits = text[start..].bytes().take_while(u8::is_ascii_digit).count();
    let rest = text[start + digits..].strip_prefix('(')?;
    let inner = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    ((1..=4).contains(&inner) && rest[inner..].starts_with(')')).then(|| label_end(text, start))
}

/// A footnote mark or a list marker: "[1]", "(3)" standing alone.
pub(crate) fn marker(text: &str, start: usize) -> Option<usize> {
    let digits = text[start..].bytes().take_while(u8::is_ascii_digit).count();
    let open = text[..start].chars().next_back()?;
    let close = text[start + digits..].chars().next()?;
    let before_open = text[..start - open.len_utf8()].chars().next_back();
    match (open, close) {
        ('[', ']') if digits <= 3 => Some(start + digits + 1),
        // A list marker opens an item ("(3) the Secretary shall"), or follows a label
        // ("paragraph (3)"); "Research (24)," is a count.
        ('(', ')') if digits <= 2 && before_open.is_none_or(|c| c.is_whitespace() || c == '(') => {
            let bracket = start - open.len_utf8();
            let after = &text[start + digits + 1..];
            let opens_item = after
                .strip_prefix(' ')
                .is_some_and(|a| a.starts_with(|c: char| c.is_lowercase() || c == '('));
            let label = crate::quantity::word_before(text, bracket)
                .is_some_and(|before| crate::vocab::LABEL_WORD_SET.contains(before.word));
            let head = text[..bracket].trim_end();
            let starts_text = head.is_empty() || head.ends_with([':', ';']);
            (opens_item || label || starts_text).then_some(start + digits + 1)
        }
        _ => None,
    }
}

/// A report or case number with a leading zero before a dash: "08-26", "02-1632".
pub(crate) fn numbered_with_zero(text: &str, start: usize) -> Option<usize> {
    let digits = text[start..].bytes().take_while(u8::is_ascii_digit).count();
    let rest = &text[start + digits..];
    (digits >= 2
        && text[start..].starts_with('0')
        && rest.starts_with('-')
        && starts_with_digit(&rest[1..]))
    .then(|| label_end(text, start))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn skipped(f: fn(&str, usize) -> Option<usize>, text: &str) -> Option<&str> {
        let start = text.find(|c: char| c.is_ascii_digit())?;
        f(text, start).map(|e| &text[start..e])
    }

    #[test]
    fn citations() {
        assert_eq!(
            skipped(citation, "under 22 U.S.C. 7105 and"),
            Some("22 U.S.C. 7105")
        );
        assert_eq!(
            skipped(citation, "18 U.S.C. § 1589 Forced"),
            Some("18 U.S.C. § 1589")
        );
        assert_eq!(
            skipped(citation, "542 U.S. 296 (2004)"),
            Some("542 U.S. 296")
        );
        assert_eq!(
            skipped(citation, "200 U.S. 321, 337."),
            Some("200 U.S. 321, 337")
        );
        assert_eq!(skipped(citation, "114 Stat. 1490;"), Some("114 Stat. 1490"));
        assert_eq!(skipped(citation, "50 U.S. states"), None);
        assert_eq!(skipped(citation, "50 people"), None);
    }

    #[test]
    fn cited_numbers() {
        assert_eq!(skipped(cited, "H.R. 3244 passed"), Some("3244"));
        assert_eq!(skipped(cited, "S. 2925,"), Some("2925"));
        assert_eq!(skipped(cited, "Pub. L. 106-386, div"), Some("106-386"));
        assert_eq!(skipped(cited, "P.L. 106-386"), Some("106-386"));
        assert_eq!(skipped(cited, "§682(b),"), Some("682(b)"));
        assert_eq!(skipped(cited, "(see § 4)"), Some("4"));
        assert_eq!(skipped(cited, "the U.S. 2020 census"), None);
        assert_eq!(skipped(cited, "Ms. 40"), None);
    }

    #[test]
    fn sections_and_markers() {
        assert_eq!(skipped(section, "of 7105(b) of"), Some("7105(b)"));
        assert_eq!(skipped(section, "110(b)(3)(B)"), Some("110(b)(3)(B)"));
        assert_eq!(skipped(section, "4 (a)"), None);
        assert_eq!(skipped(marker, "a law.[1] The"), Some("1]"));
        assert_eq!(skipped(marker, "paragraph (3) of"), Some("3)"));
        assert_eq!(skipped(marker, "shall: (2) the Secretary"), Some("2)"));
        assert_eq!(skipped(marker, "Research (24), Training (25)"), None);
        assert_eq!(skipped(marker, "half (2,343) of"), None);
        assert_eq!(skipped(marker, "f(3)"), None);
        assert_eq!(skipped(numbered_with_zero, "Report 08-26"), Some("08-26"));
        assert_eq!(skipped(numbered_with_zero, "ages 15-24"), None);
    }
}
