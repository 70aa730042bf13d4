//! Splitting prose into sentences (and headings, list items and paragraphs as units).
//!
//! A unit ends at:
//! - a blank line (a paragraph break);
//! - a line break when the next line is a Markdown heading or list item, when this line is
//!   a heading, or when this line ends a sentence or is short with no closing punctuation
//!   (a headline, a dateline, a Factbook field name); a long line without closing punctuation
//!   followed by a line starting in lower case is a hard-wrapped paragraph and runs on;
//! - `.`, `!` or `?` (closing quotes and brackets included) followed by whitespace and an
//!   upper-case letter, a digit or an opening quote, unless the word before the stop is an
//!   abbreviation ("Ms.", "U.S.", "a.m.", "No.") or a single initial ("J. Smith").
//!
//! Decimals ("3.5") and ellipses inside a sentence ("agreements…there") never split, as no
//! whitespace follows them.

use std::sync::LazyLock;

use crate::mention::Span;
use crate::vocab::WordSet;

/// Words that end with a full stop without ending a sentence, compared without the stop
/// and ignoring ASCII case.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "no", "nos", "vs", "etc", "e.g", "i.e",
    "a.m", "p.m", "u.s", "u.n", "u.k", "e.u", "inc", "ltd", "co", "corp", "gov", "sen", "rep",
    "gen", "lt", "col", "sgt", "capt", "maj", "cmdr", "adm", "rev", "hon", "est", "approx", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "fig", "vol",
    "pp", "p", "al", "dept", "univ", "mt", "ft", "ave", "blvd", "a.d", "b.c",
];

/// [`ABBREVIATIONS`] as a set: looked up at every full stop that may end a sentence.
static ABBREVIATION_SET: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(ABBREVIATIONS.iter().copied()));

/// Splits `text` into sentence units, each trimmed of surrounding whitespace.
pub fn sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut line_start = 0;
    let mut unit_start = 0;
    let bytes = text.as_bytes();
    let line_end_from =
        |from: usize| memchr::memchr(b'\n', &bytes[from..]).map_or(text.len(), |i| from + i);
    // The end of the line found as the next line, (start, end): each line is searched once.
    let mut found: Option<(usize, usize)> = None;
    while line_start < text.len() {
        let line_end = match found {
            Some((start, end)) if start == line_start => end,
            _ => line_end_from(line_start),
        };
        let line = &text[line_start..line_end];
        split_line(text, line_start, line_end, &mut unit_start, &mut out);
        let next_start = (line_end + 1).min(text.len());
        let next_line_end = line_end_from(next_start);
        found = Some((next_start, next_line_end));
        let next = &text[next_start..next_line_end];
        if line_end >= text.len() || breaks_after(line, next) {
            push(text, unit_start, line_end, &mut out);
            unit_start = next_start;
        }
        line_start = next_start.max(line_end + 1);
    }
    push(text, unit_start, text.len(), &mut out);
    out
}

/// Whether a line break after `line` ends the unit, given the `next` line.
fn breaks_after(line: &str, next: &str) -> bool {
    let line = line.trim();
    let next = next.trim_start();
    if line.is_empty() || next.is_empty() {
        return true;
    }
    if is_block_start(next) || line.starts_with('#') {
        return true;
    }
    let closed = line.ends_with(['.', '!', '?', ':', ';', '"', '”', '\'', ')', '|']);
    if closed {
        return true;
    }
    // A hard-wrapped paragraph runs on into a line that starts in lower case.
    let wrapped = line.chars().count() >= 60
        && next.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit());
    !wrapped
}

/// A Markdown heading or list item.
fn is_block_start(line: &str) -> bool {
    line.starts_with('#')
        || line.starts_with("- ")
        || line.starts_with("* ")
        || line.starts_with("+ ")
        || line.starts_with("> ")
        || {
            let digits = line.bytes().take_while(u8::is_ascii_digit).count();
            digits > 0
                && digits < 4
                && line[digits..].starts_with([')', '.'])
                && line[digits + 1..].starts_with(' ')
        }
}

/// Splits one line at sentence stops, pushing the units that end inside it.
fn split_line(text: &str, start: usize, end: usize, unit_start: &mut usize, out: &mut Vec<Span>) {
    let line = &text[start..end];
    let line_bytes = line.as_bytes();
    let mut i = 0;
    while let Some(found) = memchr::memchr3(b'.', b'!', b'?', &line_bytes[i..]) {
        i += found;
        let stop = line_bytes[i];
        // Take in closing quotes and brackets after the stop.
        let mut stop_end = i + 1;
        loop {
            let rest = &line[stop_end..];
            let close = ['"', '\'', ')', ']', '”', '’']
                .into_iter()
                .find(|c| rest.starts_with(*c));
            match close {
                Some(c) => stop_end += c.len_utf8(),
                None => break,
            }
        }
        let rest = &line[stop_end..];
        let spaces = rest.len() - rest.trim_start().len();
        let after = rest.trim_start();
        let opens = after.starts_with(|c: char| {
            c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '‘' | '(' | '[')
        });
        if spaces > 0 && opens && !(stop == b'.' && is_abbreviation(&line[..i])) {
            push(text, *unit_start, start + stop_end, out);
            *unit_start = start + stop_end + spaces;
        }
        i = stop_end.max(i + 1);
    }
}

/// Whether the word ending at the end of `head` (before a full stop) is an abbreviation.
fn is_abbreviation(head: &str) -> bool {
    let word_start = head
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric() || *c == '.')
        .last()
        .map_or(head.len(), |(i, _)| i);
    let word = &head[word_start..];
    if word.is_empty() {
        return false;
    }
    // A single initial: "J. Smith", the "S" of "U.S".
    if word.chars().count() == 1 && word.starts_with(|c: char| c.is_uppercase()) {
        return true;
    }
    ABBREVIATION_SET.contains(word)
}

/// Splits a sentence longer than `limit` bytes into pieces of at most `limit` bytes: at the
/// last clause mark (`;`, `:`, `,`, a closing bracket or a dash) in the second half of each
/// window, else at the last space, else at the window's end. Linear in the sentence.
pub(crate) fn cap(text: &str, sentence: Span, limit: usize) -> impl Iterator<Item = Span> + '_ {
    // Most sentences are under the limit: one piece, and no list of pieces.
    let mut start = sentence.start;
    let mut done = false;
    std::iter::from_fn(move || {
        while !done {
            let (from, to) = if sentence.end - start > limit {
                let mut window_end = start + limit;
                while !text.is_char_boundary(window_end) {
                    window_end -= 1;
                }
                let window = &text[start..window_end];
                let half = window.len() / 2;
                let at_mark = window
                    .rfind([';', ':', ',', ')', '—', '–'])
                    .filter(|&i| i >= half)
                    .map(|i| i + window[i..].chars().next().map_or(1, char::len_utf8));
                let at_space = || window.rfind(' ').filter(|&i| i >= half);
                let cut = at_mark.or_else(at_space).unwrap_or(window.len());
                let cut = start + cut.max(1);
                let piece = (start, cut);
                start = cut;
                piece
            } else {
                done = true;
                (start, sentence.end)
            };
            if let Some(span) = trimmed(text, from, to) {
                return Some(span);
            }
        }
        None
    })
}

fn push(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    out.extend(trimmed(text, start, end));
}

/// `text[start..end]` without its leading and trailing whitespace, if anything is left.
fn trimmed(text: &str, start: usize, end: usize) -> Option<Span> {
    if start >= end {
        return None;
    }
    let slice = &text[start..end];
    let lead = slice.len() - slice.trim_start().len();
    let trimmed = slice.trim();
    if trimmed.is_empty() {
        return None;
    }
    let trimmed_start = start + lead;
    Some(Span::new(trimmed_start, trimmed_start + trimmed.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text)
            .into_iter()
            .map(|s| &text[s.range()])
            .collect()
    }

    #[test]
    fn abbreviations_are_lowercase_for_their_set() {
        for a in ABBREVIATIONS {
            assert_eq!(*a, a.to_ascii_lowercase());
            assert!(ABBREVIATION_SET.contains(&a.to_ascii_uppercase()));
        }
        assert!(!ABBREVIATION_SET.contains("Smith"));
    }

    #[test]
    fn sentence_units() {
        let cases: &[(&str, &[&str])] = &[
            ("One. Two.", &["One.", "Two."]),
            (
                "Ms. Rende Taylor said so. He agreed.",
                &["Ms. Rende Taylor said so.", "He agreed."],
            ),
            (
                "The U.S. and the U.N. met. Talks ended.",
                &["The U.S. and the U.N. met.", "Talks ended."],
            ),
            (
                "It rose 3.5 percent. Then it fell.",
                &["It rose 3.5 percent.", "Then it fell."],
            ),
            (
                "At 9 a.m. Monday they met.",
                &["At 9 a.m. Monday they met."],
            ),
            ("See No. 5 here.", &["See No. 5 here."]),
            (
                "“Even if…there is work,” she said. Next.",
                &["“Even if…there is work,” she said.", "Next."],
            ),
            (
                "He said: “It is over.” Then he left.",
                &["He said: “It is over.”", "Then he left."],
            ),
            (
                "Headline Without Stop\n\nBody text here.",
                &["Headline Without Stop", "Body text here."],
            ),
            (
                "# Heading\nA paragraph.\n- item one\n- item two",
                &["# Heading", "A paragraph.", "- item one", "- item two"],
            ),
            (
                "Trafficking in persons\ncurrent situation: bad",
                &["Trafficking in persons", "current situation: bad"],
            ),
            ("Did it? Yes! Fine.", &["Did it?", "Yes!", "Fine."]),
            ("J. Smith wrote it.", &["J. Smith wrote it."]),
            (
                "Estimates vary widely — from 1 to 2. Others disagree.",
                &["Estimates vary widely — from 1 to 2.", "Others disagree."],
            ),
            (
                "This is a long line of a hard-wrapped paragraph that goes on past sixty\ncharacters and continues here.",
                &[
                    "This is a long line of a hard-wrapped paragraph that goes on past sixty\ncharacters and continues here.",
                ],
            ),
            ("", &[]),
            ("  \n\n ", &[]),
        ];
        for (input, want) in cases {
            assert_eq!(split(input), *want, "{input:?}");
        }
    }

    #[test]
    fn long_sentences_are_capped() {
        let text = "aaaa bbbb, cccc dddd; eeee ffff gggg hhhh iiii";
        let whole = Span::new(0, text.len());
        let pieces: Vec<&str> = cap(text, whole, 16).map(|s| &text[s.range()]).collect();
        assert_eq!(
            pieces,
            ["aaaa bbbb,", "cccc dddd;", "eeee ffff gggg", "hhhh iiii"]
        );
        assert_eq!(cap(text, whole, 100).collect::<Vec<_>>(), [whole]);
        let run = "x".repeat(40);
        assert_eq!(cap(&run, Span::new(0, 40), 16).count(), 3);
    }
}
