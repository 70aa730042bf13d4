//! Digits that are no quantity: dates, times, scores, phone numbers, URLs, and the numbers of
//! labels, citations and identifiers ("Article 12", "22 U.S.C. 7105", "H1N1"). Each is
//! skipped whole, so that none of its digits is read as a figure.

use std::cell::OnceCell;
use std::ops::Not;

use super::floor_boundary;
use super::{Extractor, Step};
use crate::identifiers;
use crate::number::{alpha_word, at_boundary};
use crate::quantity::{WordBefore, is_month, word_before};
use crate::vocab::{self, SCALES};

impl Extractor {
    /// Digits that are a date, a time, an identifier, a phone number or part of a URL: where
    /// to resume scanning, past them.
    pub(super) fn not_a_quantity(&self, text: &str, anchor: usize) -> Option<Step> {
        let before = Before {
            text,
            anchor,
            word: OnceCell::new(),
        };
        inside_a_token(text, anchor)
            .or_else(|| link_or_address(text, anchor))
            .or_else(|| citation_or_mark(text, anchor, &before))
            .or_else(|| date_time_phone_or_score(text, anchor, &before))
            .or_else(|| day_of_month(text, anchor, &before))
            .or_else(|| label_number(text, anchor, &before))
            .map(Step::Skip)
    }
}

/// The word before the anchor, read once however many of the tests ask for it.
struct Before<'a> {
    text: &'a str,
    anchor: usize,
    word: OnceCell<Option<WordBefore<'a>>>,
}

impl<'a> Before<'a> {
    fn word(&self) -> Option<WordBefore<'a>> {
        *self
            .word
            .get_or_init(|| word_before(self.text, self.anchor))
    }
}

/// Digits inside a run of digits we could not read, or glued to letters before them
/// ("H1N1", "G7", "COVID-19", ".50-caliber").
fn inside_a_token(text: &str, anchor: usize) -> Option<usize> {
    let head = &text[..anchor];
    let previous = head.chars().next_back()?;
    if previous.is_ascii_digit() {
        return Some(skip_alnum(text, anchor));
    }
    if previous.is_alphabetic() || matches!(previous, '_' | '#' | '@' | '/') {
        return Some(skip_token(text, anchor));
    }
    if matches!(previous, '-' | '.' | '–' | '—') {
        let before = &head[..head.len() - previous.len_utf8()];
        let mid_year = ["mid", "pre", "post", "early", "late", "under", "over"]
            .iter()
            .any(|w| ends_with_word_ci(before, w));
        if before.ends_with(|c: char| c.is_alphabetic()) && !mid_year {
            return Some(skip_token(text, anchor));
        }
        // ".50-caliber": a calibre, no decimal.
        if previous == '.'
            && text[anchor..]
                .trim_start_matches(|c: char| c.is_ascii_digit())
                .starts_with('-')
        {
            return Some(skip_token(text, anchor));
        }
        if previous == '.' && before.ends_with(|c: char| c.is_ascii_digit()) {
            return Some(skip_alnum(text, anchor));
        }
    }
    None
}

/// Digits inside a URL or an e-mail address: the end of the whitespace-delimited token.
fn link_or_address(text: &str, anchor: usize) -> Option<usize> {
    let head = &text[..anchor];
    let token_end = anchor
        + text[anchor..]
            .find(|c: char| c.is_whitespace())
            .unwrap_or(text.len() - anchor);
    let token_start = head
        .char_indices()
        .rev()
        .take_while(|(_, c)| !c.is_whitespace())
        .take(256)
        .last()
        .map_or(anchor, |(i, _)| i);
    let token = &text[token_start..floor_boundary(text, token_end.min(token_start + 512))];
    // "://" looked for at each colon: a search for the three bytes would be set up afresh
    // at every figure.
    let scheme = token
        .match_indices(':')
        .any(|(i, _)| token[i..].starts_with("://"));
    (scheme || token.starts_with("www.") || token.contains('@')).then_some(token_end)
}

/// Bill, law and code numbers, citations, footnote marks; a list of sections after a plural
/// label ("sections 7104(b) and 7107").
fn citation_or_mark(text: &str, anchor: usize, before: &Before<'_>) -> Option<usize> {
    if let Some(WordBefore { word, .. }) = before.word()
        && is_identifier_word(word)
        && word.ends_with('s')
        && identifiers::section(text, anchor).is_some()
    {
        return Some(skip_label(text, anchor, true));
    }
    identifiers::citation(text, anchor)
        .or_else(|| identifiers::cited(text, anchor))
        .or_else(|| identifiers::section(text, anchor))
        .or_else(|| identifiers::marker(text, anchor))
        .or_else(|| identifiers::numbered_with_zero(text, anchor))
}

/// A date or a time, a phone number, or a score.
fn date_time_phone_or_score(text: &str, anchor: usize, before: &Before<'_>) -> Option<usize> {
    date_or_time(&text[anchor..])
        .map(|len| anchor + len)
        .or_else(|| phone_number(text, anchor))
        .or_else(|| score(text, anchor, before))
}

/// A day before or after a month name: "15 February", "December 27".
fn day_of_month(text: &str, anchor: usize, before: &Before<'_>) -> Option<usize> {
    let rest = &text[anchor..];
    let lead = rest.bytes().take_while(u8::is_ascii_digit).count();
    if lead > 2 {
        return None;
    }
    let after = &rest[lead..];
    let after = after
        .strip_prefix("st")
        .or_else(|| after.strip_prefix("nd"))
        .or_else(|| after.strip_prefix("rd"))
        .or_else(|| after.strip_prefix("th"))
        .unwrap_or(after);
    let next_word = after
        .strip_prefix(' ')
        .and_then(|a| alpha_word(a).ok())
        .map(|(_, word)| word);
    let previous_word = before.word().map(|WordBefore { word, .. }| word);
    let day: u32 = rest[..lead].parse().unwrap_or(0);
    // "May" is a month only when capitalised ("May 5"), not in "may 5 people".
    let month = |w: &str| is_month(w) && (!w.eq_ignore_ascii_case("may") || w == "May");
    let near_month = next_word.is_some_and(month) || previous_word.is_some_and(month);
    let is_day = (1..=31).contains(&day)
        && !rest[lead..].starts_with('%')
        && percent_or_scale_follows(&rest[lead..]).not();
    (is_day && near_month).then(|| anchor + (rest.len() - after.len()))
}

/// A label: "Article 12", "Tier 2", "Highway 1", "No. 5".
fn label_number(text: &str, anchor: usize, before: &Before<'_>) -> Option<usize> {
    let WordBefore { start, word } = before.word()?;
    let label = text[start + word.len()..anchor]
        .chars()
        .all(|c| c == ' ' || c == '\u{a0}')
        && is_identifier_word(word);
    if !label {
        return None;
    }
    // Unless a figure is written there after all: "Tier 2 30%", "Article 1,000".
    let lead = text[anchor..]
        .bytes()
        .take_while(u8::is_ascii_digit)
        .count();
    let tail = &text[anchor + lead..];
    let figure = tail.starts_with('%')
        || tail.starts_with(',') && tail[1..].starts_with(|c: char| c.is_ascii_digit());
    let plural = word.ends_with('s') && !word.ends_with("ss");
    (!figure).then(|| skip_label(text, anchor, plural))
}

/// Whether `head` ends with the whole word `word`, ignoring ASCII case.
fn ends_with_word_ci(head: &str, word: &str) -> bool {
    let n = word.len();
    head.len() >= n
        && head.is_char_boundary(head.len() - n)
        && head[head.len() - n..].eq_ignore_ascii_case(word)
        && !head[..head.len() - n].ends_with(|c: char| c.is_alphanumeric())
}

/// The end of the run of letters and digits starting at `start`.
fn skip_alnum(text: &str, start: usize) -> usize {
    start
        + text[start..]
            .find(|c: char| !c.is_alphanumeric())
            .unwrap_or(text.len() - start)
}

/// The end of a token of letters, digits, hyphens and dots starting at `start` ("COVID-19",
/// "H1N1", "1.2.3"), without a final dot.
pub(super) fn skip_token(text: &str, start: usize) -> usize {
    let len = text[start..]
        .find(|c: char| !(c.is_alphanumeric() || matches!(c, '-' | '.' | '_' | '/')))
        .unwrap_or(text.len() - start);
    let token = text[start..start + len].trim_end_matches(['.', '-']);
    start + token.len().max(1)
}

/// The end of a label's number ("4(a)", "12.3", "2"), and of the numbers listed after a
/// plural label ("sections 7104(b) and 7107", "articles 3, 5 and 7").
fn skip_label(text: &str, start: usize, plural: bool) -> usize {
    let mut end = identifiers::label_end(text, start);
    if !plural {
        return end;
    }
    loop {
        let mut rest = &text[end..];
        // A footnote mark inside the list: "7103(f),[1] and 7107".
        let unmarked = rest.strip_prefix(',').unwrap_or(rest);
        if let Some(r) = unmarked.strip_prefix('[')
            && let Some(close) = r.find(']')
            && (1..=3).contains(&close)
            && r[..close].bytes().all(|b| b.is_ascii_digit())
        {
            rest = &r[close + 1..];
        }
        let joined = [", and ", " and ", ", or ", " or ", ", "]
            .iter()
            .find_map(|j| rest.strip_prefix(j));
        match joined {
            Some(r) if r.starts_with(|c: char| c.is_ascii_digit()) => {
                end = identifiers::label_end(text, text.len() - r.len());
            }
            _ => return end,
        }
    }
}

/// Dates and times written in digits: "2025-01-01", "1/2/2025", "24/7", "10:30", "3 p.m.".
/// Returns the length to skip.
fn date_or_time(rest: &str) -> Option<usize> {
    let b = rest.as_bytes();
    let digits_at = |i: usize| {
        b[i.min(b.len())..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    let lead = digits_at(0);
    let after = lead;
    match b.get(after) {
        Some(b':') if digits_at(after + 1) == 2 => {
            let mut end = after + 3;
            if b.get(end) == Some(&b':') && digits_at(end + 1) == 2 {
                end += 3;
            }
            return Some(end);
        }
        // "3/4", "1 4/5": a fraction, read by the grammar, not a date.
        Some(b'/')
            if lead <= 2
                && digits_at(after + 1) <= 2
                && b.get(after + 1 + digits_at(after + 1)) != Some(&b'/')
                && rest[..lead]
                    .parse::<u32>()
                    .ok()
                    .zip(
                        rest[after + 1..after + 1 + digits_at(after + 1)]
                            .parse::<u32>()
                            .ok(),
                    )
                    .is_some_and(|(n, d)| n > 0 && n < d && (2..=10).contains(&d)) =>
        {
            return None;
        }
        Some(b'/') if digits_at(after + 1) > 0 => {
            let mut end = after + 1 + digits_at(after + 1);
            if b.get(end) == Some(&b'/') && digits_at(end + 1) > 0 {
                end += 1 + digits_at(end + 1);
            }
            return Some(end);
        }
        Some(b'-') if lead == 4 && digits_at(after + 1) == 2 && b.get(after + 3) == Some(&b'-') => {
            let d = digits_at(after + 4);
            if d == 2 {
                return Some(after + 6);
            }
        }
        _ => {}
    }
    if lead <= 2 {
        let tail = rest[lead..].trim_start_matches(' ');
        let skipped = rest.len() - tail.len();
        for t in [
            "a.m.",
            "p.m.",
            "am",
            "pm",
            "o'clock",
            "o’clock",
            "GMT",
            "UTC",
        ] {
            if tail.len() >= t.len()
                && tail.is_char_boundary(t.len())
                && tail[..t.len()].eq_ignore_ascii_case(t)
                && (t.ends_with('.') || at_boundary(&tail[t.len()..]))
            {
                return Some(skipped + t.len());
            }
        }
    }
    None
}

/// Two whole numbers joined by a tight dash: "4-3", "51–50".
struct DashedPair {
    first: u32,
    second: u32,
    /// Where the second number ends.
    end: usize,
}

/// A sports score or a vote tally: "1–0", "4-3(7-6)", "a 51–50 vote", "drew 1–1".
///
/// Two whole numbers of up to three digits joined by a tight dash, where the first is larger
/// (a range rises), or where a word of sport or voting stands next to them. Returns the end
/// of the score, a tie-break in brackets included.
fn score(text: &str, anchor: usize, before: &Before<'_>) -> Option<usize> {
    let bytes = text.as_bytes();
    let digits_from = |i: usize| bytes[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    let pair = |start: usize| -> Option<DashedPair> {
        let first_digits = digits_from(start);
        if first_digits == 0 || first_digits > 3 {
            return None;
        }
        let rest = &text[start + first_digits..];
        let dash = ['-', '–', '—'].into_iter().find(|d| rest.starts_with(*d))?;
        let second_start = start + first_digits + dash.len_utf8();
        let second_digits = digits_from(second_start);
        if second_digits == 0 || second_digits > 3 {
            return None;
        }
        let end = second_start + second_digits;
        Some(DashedPair {
            first: text[start..start + first_digits].parse().ok()?,
            second: text[second_start..end].parse().ok()?,
            end,
        })
    };
    let DashedPair {
        first,
        second,
        mut end,
    } = pair(anchor)?;
    let after = &text[end..];
    if after.starts_with(|c: char| c.is_alphanumeric() || c == '%' || c == '.' || c == ',')
        && !after.starts_with(". ")
        && !after.starts_with(", ")
    {
        return None;
    }
    let next = after
        .trim_start()
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let prev = before
        .word()
        .map(|WordBefore { word, .. }| word.to_ascii_lowercase())
        .unwrap_or_default();
    // A vote tally is two counts of votes ("votes 86–11", "an 8–1 decision"), read as two
    // figures; a score of a game is none.
    if VOTE_WORDS.contains(&next.as_str()) || VOTE_WORDS.contains(&prev.as_str()) {
        return None;
    }
    let sporty = SCORE_WORDS.contains(&next.as_str()) || SCORE_WORDS.contains(&prev.as_str());
    if !(first > second || sporty) {
        return None;
    }
    // A tie-break or aggregate in brackets: "4-3(7-6)", "1–1 (4–2 pens)".
    let bracket = text[end..].trim_start_matches(' ');
    if let Some(inner) = bracket.strip_prefix('(')
        && let Some(tie_break) = pair(text.len() - inner.len())
    {
        end = tie_break.end + usize::from(text[tie_break.end..].starts_with(')'));
    }
    Some(end)
}

/// Words next to a vote tally.
const VOTE_WORDS: &[&str] = &[
    "vote", "votes", "voted", "decision", "ruling", "majority", "tally",
];

/// Words next to a score.
const SCORE_WORDS: &[&str] = &[
    "win",
    "wins",
    "won",
    "beat",
    "beats",
    "defeat",
    "defeats",
    "defeating",
    "defeated",
    "draw",
    "drew",
    "victory",
    "loss",
    "lose",
    "lost",
    "margin",
    "lead",
    "aggregate",
    "penalties",
    "score",
    "scored",
    "scoreline",
    "final",
    "against",
    "over",
];

/// Phone numbers: "+1 555 123 4567", "(555) 123-4567", "555-123-4567".
fn phone_number(text: &str, anchor: usize) -> Option<usize> {
    let start = if text[..anchor].ends_with(['+', '(']) {
        anchor - 1
    } else {
        anchor
    };
    let rest = &text[start..];
    let mut digits = 0;
    let mut groups = 0;
    let mut seps = 0;
    let mut len = 0;
    let mut in_digits = false;
    for (i, c) in rest.char_indices().take(24) {
        if c.is_ascii_digit() {
            digits += 1;
            if !in_digits {
                groups += 1;
            }
            in_digits = true;
            len = i + 1;
        } else if matches!(c, '-' | '.' | ' ' | '(' | ')' | '+') {
            if matches!(c, '-' | '.' | '(' | ')') {
                seps += 1;
            }
            in_digits = false;
        } else {
            break;
        }
    }
    let strong = rest.starts_with('+') || rest.starts_with('(') || seps >= 2;
    (digits >= 9 && groups >= 3 && strong && seps >= 1 || digits >= 9 && rest.starts_with('+'))
        .then_some(start + len)
}

/// Whether a percent sign or word, or a scale word, follows (" percent", " million").
fn percent_or_scale_follows(after: &str) -> bool {
    let Some(next) = after
        .strip_prefix(' ')
        .and_then(|a| alpha_word(a).ok())
        .map(|(_, word)| word)
    else {
        return false;
    };
    next.eq_ignore_ascii_case("percent") || vocab::lookup_ci(SCALES, next).is_some()
}

/// Whether a word before a number makes the number a label: a word of
/// [`vocab::LABEL_WORDS`] in any case, or of [`vocab::IDENTIFIER_WORDS`] capitalised.
fn is_identifier_word(w: &str) -> bool {
    vocab::LABEL_WORD_SET.contains(w)
        || (w.starts_with(|c: char| c.is_uppercase()) && vocab::IDENTIFIER_WORD_SET.contains(w))
}

#[cfg(test)]
mod tests {
    #[test]
    fn digits_in_a_link_or_an_address_are_skipped_to_the_end_of_it() {
        for (text, digits) in [
            ("See http://example.org:8080 now.", "8080"),
            ("See ftp://files.example.org/2019 now.", "2019"),
            ("Mail jane2020@example.org now.", "2020"),
            ("See www.example.org/report-12 now.", "12"),
        ] {
            let anchor = text.find(digits).expect("the digits are in the text");
            let end = text.find(" now").expect("the token ends");
            assert_eq!(super::link_or_address(text, anchor), Some(end), "{text}");
        }
        for (text, digits) in [("At 10:30 they met.", "30"), ("Ratio 3:1 held.", "1")] {
            let anchor = text.find(digits).expect("the digits are in the text");
            assert_eq!(super::link_or_address(text, anchor), None, "{text}");
        }
    }
}
