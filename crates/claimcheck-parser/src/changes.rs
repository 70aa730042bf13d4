//! Changes: two figures of one quantity at two times, related as from → to ("rose from 12
//! percent to 19 percent", "fell from 4.1 million in 2015 to 3.2 million", "increased to
//! 8.8% from 7.6%", "up from 2.3%"). A change is never a range: each figure keeps its own
//! value, and the relation is reported beside them so that the model can compute the change
//! (percent change, percentage points, a doubling).
//!
//! ```text
//! change := "from" ws [words] figure gap "to" ws [words] figure        (gap: no figure, no ".")
//!         | "to" ws figure gap ("from" | "up from" | "down from") ws figure
//!         | "(" figure ws "to" ws figure ")"     after a verb of change in the sentence
//! ```

use crate::mention::Mention;
use crate::vocab;

/// Two figures related as a change, by their indices in [`crate::Extraction::mentions`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Change {
    /// The earlier value.
    pub from: usize,
    /// The later value.
    pub to: usize,
}

/// How far apart (in bytes) the two figures of a change may stand.
const MAX_GAP: usize = 160;

/// The lowercase words of `s` (letters only).
fn words(s: &str) -> impl DoubleEndedIterator<Item = &str> {
    s.split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
}

/// The character boundary at most `max_bytes` bytes before `offset`.
fn char_boundary_before(text: &str, offset: usize, max_bytes: usize) -> usize {
    let mut from = offset.saturating_sub(max_bytes);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    from
}

/// Whether "from" is one of the last few words before `figure_start` (after a figure's own
/// qualifier words): "from 12%", "from a peak of 100%", "from just 14%".
fn from_before(text: &str, figure_start: usize) -> bool {
    let head = &text[char_boundary_before(text, figure_start, 40)..figure_start];
    let head = &head[head.find(' ').map_or(0, |i| i + 1).min(head.len())..];
    if head.contains(['.', ';', ':']) {
        return false;
    }
    words(head)
        .rev()
        .take(4)
        .any(|w| w.eq_ignore_ascii_case("from"))
}

/// Whether the text between two figures leads from the first to the second: it ends with
/// "to" plus a few words ("to", "to an estimated value of"), and holds no clause break.
fn to_between(gap: &str) -> bool {
    if gap.contains(['.', ';']) {
        return false;
    }
    words(gap)
        .rev()
        .take(5)
        .any(|w| w.eq_ignore_ascii_case("to"))
}

/// Whether the second figure is introduced by "from" after the first was by "to":
/// "increased to 8.8% from 7.6%", "was 4% in FY93/94, up from 2.3%".
fn from_after(gap: &str) -> bool {
    if gap.contains(['.', ';']) {
        return false;
    }
    words(gap)
        .next_back()
        .is_some_and(|w| w.eq_ignore_ascii_case("from"))
}

fn same_quantity(a: &Mention, b: &Mention) -> bool {
    a.kind == b.kind && a.kind.is_quantity() && a.currency == b.currency && a.points == b.points
}

/// The changes among `mentions` of `text`.
pub(crate) fn link(text: &str, mentions: &[Mention]) -> Vec<Change> {
    let mut out = Vec::new();
    let quantities: Vec<usize> = (0..mentions.len())
        .filter(|&i| mentions[i].kind.is_quantity())
        .collect();
    for pair in quantities.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let (ma, mb) = (&mentions[a], &mentions[b]);
        if !same_quantity(ma, mb) || mb.span.start < ma.span.end {
            continue;
        }
        let gap_len = mb.span.start - ma.span.end;
        if gap_len > MAX_GAP {
            continue;
        }
        let gap = &text[ma.span.end..mb.span.start];
        if from_before(text, ma.span.start) && to_between(gap) {
            out.push(Change { from: a, to: b });
        } else if from_after(gap) && (to_before(text, ma.span.start) || gap_has_direction(gap)) {
            out.push(Change { from: b, to: a });
        } else if parenthesised_pair(text, ma.span.start, gap, mb.span.end)
            && verb_of_change_before(text, ma.span.start)
        {
            out.push(Change { from: a, to: b });
        }
    }
    out
}

/// Whether the word just before `figure_start` is "to": "increased to 8.8%".
fn to_before(text: &str, figure_start: usize) -> bool {
    let head = &text[char_boundary_before(text, figure_start, 12)..figure_start];
    head.trim_end().ends_with(" to") || head.trim_end().eq_ignore_ascii_case("to")
}

/// "up from", "down from".
fn gap_has_direction(gap: &str) -> bool {
    let mut w = words(gap).rev();
    w.next().is_some_and(|f| f.eq_ignore_ascii_case("from"))
        && w.next()
            .is_some_and(|d| d.eq_ignore_ascii_case("up") || d.eq_ignore_ascii_case("down"))
}

/// "(38.3% to 43.0%)": two figures joined by "to" inside brackets.
fn parenthesised_pair(text: &str, start: usize, gap: &str, end: usize) -> bool {
    text[..start].ends_with('(') && text[end..].starts_with(')') && gap.trim() == "to"
}

/// A verb of change earlier in the sentence ("increased among all groups: A (1% to 2%)").
pub(crate) fn verb_of_change_before(text: &str, figure_start: usize) -> bool {
    let head = &text[char_boundary_before(text, figure_start, 300)..figure_start];
    // The sentence so far: after the last stop followed by a space (not a decimal point),
    // looked for from the end.
    let head = head
        .as_bytes()
        .windows(2)
        .rposition(|pair| matches!(pair, [b'.' | b'!' | b'?', b' ']))
        .map_or(head, |i| &head[i + 2..]);
    words(head).any(|w| vocab::CHANGE_VERB_SET.contains(w))
}

#[cfg(test)]
mod tests {
    use crate::Extractor;

    fn changes(text: &str) -> Vec<(String, String)> {
        let found = Extractor::default().extract(text);
        found
            .changes
            .iter()
            .map(|c| {
                (
                    text[found.mentions[c.from].span.range()].to_owned(),
                    text[found.mentions[c.to].span.range()].to_owned(),
                )
            })
            .collect()
    }

    #[test]
    fn changes_are_linked() {
        let pair = |a: &str, b: &str| vec![(a.to_owned(), b.to_owned())];
        assert_eq!(
            changes("Arrests rose from 12 percent to 19 percent of cases."),
            pair("12 percent", "19 percent")
        );
        assert_eq!(
            changes("Sales fell from 4.1 million in 2015 to 3.2 million in 2019."),
            pair("4.1 million", "3.2 million")
        );
        assert_eq!(
            changes("The rate climbed to 6.1% from 5.2% a year earlier."),
            pair("5.2%", "6.1%")
        );
        assert_eq!(
            changes("Output was 7% in 2020, down from 9%."),
            pair("9%", "7%")
        );
        assert_eq!(
            changes("Shares grew in every region: north (21% to 25%), south (10% to 12%)."),
            vec![
                ("21%".to_owned(), "25%".to_owned()),
                ("10%".to_owned(), "12%".to_owned())
            ]
        );
        assert_eq!(changes("Estimates range from 5% to 9%."), vec![]);
        assert_eq!(changes("between 40 and 50 percent"), vec![]);
        assert_eq!(
            changes("It was 5% in May. From June, 7% to 9% of staff left."),
            vec![]
        );
        assert_eq!(changes("from 300 people to $4 million"), vec![]);
    }
}
