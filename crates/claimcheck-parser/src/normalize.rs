//! Text as it comes: digits of other scripts and invisible characters inside numbers.
//!
//! Arabic-Indic (٠-٩), Extended Arabic-Indic (۰-۹), Devanagari (०-९) and full-width (０-９)
//! digits read as ASCII digits, the Arabic decimal and thousands separators (٫ ٬) as "." and
//! ","; a zero-width joiner or non-joiner, a word joiner, a zero-width space, a soft hyphen,
//! a byte-order mark or a combining mark between two digits is ignored ("2\u{200D}3 percent"
//! is 23 percent). The extractor reads the folded text and maps every span back to the bytes
//! of the original, so positions and quoted text stay as written.

/// A folded copy of a text and, for each of its byte offsets (and its end), the offset in
/// the original.
pub(crate) struct Folded {
    pub(crate) text: String,
    map: Vec<usize>,
}

impl Folded {
    /// The original offset of a folded offset.
    pub(crate) fn original(&self, folded: usize) -> usize {
        self.map[folded.min(self.map.len() - 1)]
    }
}

/// The ASCII digit or separator a character stands for, if it is one of another script.
fn fold_digit(c: char) -> Option<char> {
    let base = match c {
        '\u{660}'..='\u{669}' => 0x660,
        '\u{6F0}'..='\u{6F9}' => 0x6F0,
        '\u{966}'..='\u{96F}' => 0x966,
        '\u{FF10}'..='\u{FF19}' => 0xFF10,
        '\u{66B}' => return Some('.'),
        '\u{66C}' => return Some(','),
        _ => return None,
    };
    char::from_digit(u32::from(c) - base, 10)
}

/// Whether a character is invisible inside a number.
fn ignorable(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{00AD}' | '\u{FEFF}'
    ) || ('\u{300}'..='\u{36F}').contains(&c)
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || fold_digit(c).is_some_and(|d| d.is_ascii_digit())
}

/// Whether the invisible character at byte `i` of `text` is dropped: it stands between two
/// digits, past any further invisible characters, and the one before is a digit (`prev_digit`).
fn dropped(text: &str, i: usize, c: char, prev_digit: bool) -> bool {
    ignorable(c)
        && prev_digit
        && text[i + c.len_utf8()..]
            .chars()
            .find(|n| !ignorable(*n))
            .is_some_and(is_digit)
}

/// Whether folding changes `text`: a digit or separator of another script, or an invisible
/// character dropped between digits. A soft hyphen inside a word or a combining accent on a
/// letter changes nothing, and then no copy (nor a map of every byte) is made.
fn changes(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut prev_digit = false;
    let mut i = 0;
    while i < bytes.len() {
        // ASCII is never folded nor dropped: only whether its last byte is a digit matters.
        let next = next_non_ascii(bytes, i);
        if next > i {
            prev_digit = bytes[next - 1].is_ascii_digit();
            i = next;
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        if fold_digit(c).is_some() || dropped(text, i, c, prev_digit) {
            return true;
        }
        prev_digit = is_digit(c) || (prev_digit && ignorable(c));
        i += c.len_utf8();
    }
    false
}

/// The offset of the first byte at or after `from` that is not ASCII (or the end): passed
/// over sixteen bytes at a time, since news text is mostly ASCII.
fn next_non_ascii(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    while let Some(chunk) = bytes.get(i..i + 16)
        && chunk.is_ascii()
    {
        i += 16;
    }
    bytes[i..]
        .iter()
        .position(|b| !b.is_ascii())
        .map_or(bytes.len(), |n| i + n)
}

/// The folded text, or `None` when there is nothing to fold (the common case: no copy).
pub(crate) fn fold(text: &str) -> Option<Folded> {
    if text.is_ascii() || !changes(text) {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len() + 1);
    let mut prev_digit = false;
    let mut i = 0;
    while i < text.len() {
        // A run of ASCII is copied as it is, each byte mapped to itself.
        let ascii = next_non_ascii(text.as_bytes(), i);
        if ascii > i {
            out.push_str(&text[i..ascii]);
            map.extend(i..ascii);
            prev_digit = text.as_bytes()[ascii - 1].is_ascii_digit();
            i = ascii;
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        if !dropped(text, i, c, prev_digit) {
            let folded = fold_digit(c).unwrap_or(c);
            for _ in 0..folded.len_utf8() {
                map.push(i);
            }
            out.push(folded);
            prev_digit = is_digit(c) || (prev_digit && ignorable(c));
        }
        i += c.len_utf8();
    }
    map.push(text.len());
    Some(Folded { text: out, map })
}

#[cfg(test)]
mod tests {
    use crate::Extractor;

    fn read(text: &str) -> Vec<(String, Option<f64>)> {
        Extractor::default()
            .extract(text)
            .mentions
            .iter()
            .map(|m| (text[m.span.range()].to_owned(), m.value))
            .collect()
    }

    #[test]
    fn digits_of_other_scripts() {
        let one = |t: &str, written: &str, v: f64| {
            assert_eq!(read(t), vec![(written.to_owned(), Some(v))], "{t}");
        };
        one("قُتل ٢٣ شخصا", "٢٣", 23.0);
        one("۱۲۳ نفر", "۱۲۳", 123.0);
        one("कुल ४५ लोग", "४५", 45.0);
        one("ＦＹ price ３５ percent", "３５ percent", 35.0);
        one("about ١٢٫٥ percent", "about ١٢٫٥ percent", 12.5);
        one("2\u{200D}3 percent of them", "2\u{200D}3 percent", 23.0);
        one("1\u{00AD}000 workers", "1\u{00AD}000", 1000.0);
        one("4\u{301}5 workers", "4\u{301}5", 45.0);
        // Not between digits: kept as they are.
        one("a\u{200D} 7 percent", "7 percent", 7.0);
    }

    #[test]
    fn the_first_byte_that_is_not_ascii() {
        let ascii = "a".repeat(40);
        for at in [0, 1, 15, 16, 17, 31, 32, 39] {
            let text = format!("{}é{}", &ascii[..at], &ascii[at..]);
            for from in [0, at / 2, at] {
                assert_eq!(
                    super::next_non_ascii(text.as_bytes(), from),
                    at,
                    "{at} {from}"
                );
            }
            assert_eq!(super::next_non_ascii(text.as_bytes(), at + 2), text.len());
        }
        assert_eq!(super::next_non_ascii(b"", 0), 0);
    }

    #[test]
    fn a_text_is_copied_only_when_folding_changes_it() {
        use super::fold;

        let unchanged = [
            "plain ascii 12",
            "a soft\u{00AD}hyphen and 12 café",
            "é\u{301} 4\u{200D} x",
            "4\u{200D}\u{200D}",
            "\u{200D}5",
        ];
        for t in unchanged {
            assert!(fold(t).is_none(), "{t:?}");
        }
        let changed = [
            ("2\u{200D}3", "23"),
            ("2\u{200D}\u{200B}3", "23"),
            ("2\u{200D}٣", "23"),
            ("x ٣", "x 3"),
            ("é 4\u{301}5", "é 45"),
        ];
        for (t, want) in changed {
            assert_eq!(fold(t).map(|f| f.text).as_deref(), Some(want), "{t:?}");
        }
        // Every folded offset maps to the start of the character it came from.
        let t = "ab ٣\u{200D}4 é\u{301}5\u{200B}6 x";
        let f = fold(t).expect("folds");
        assert_eq!(f.text, "ab 34 é\u{301}56 x");
        let starts: Vec<usize> = f.text.char_indices().map(|(i, _)| f.original(i)).collect();
        let want: Vec<usize> = t
            .char_indices()
            .filter(|&(_, c)| !matches!(c, '\u{200D}' | '\u{200B}'))
            .map(|(i, _)| i)
            .collect();
        assert_eq!(starts, want);
        assert_eq!(f.original(f.text.len()), t.len());
    }
}
