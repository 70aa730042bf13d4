//! Words, figures and punctuation of one sentence, for the phrase grammar.

use crate::mention::{Kind, Mention, Span};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokenKind {
    /// A word (letters, digits, inner hyphens, apostrophes and dots: "cross-border", "U.S").
    Word,
    /// A quantity mention, by its index in the document's mentions.
    Figure(usize),
    /// A year mention, by its index.
    Year(usize),
    /// Any other character that is not whitespace.
    Punct,
}

/// One token with its place in the text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Token {
    /// Where the token is written.
    pub span: Span,
    /// A word, a figure, a year or punctuation.
    pub kind: TokenKind,
    /// The word's classes (see [`super::words::class`]); 0 for other tokens.
    pub classes: u32,
}

/// The tokens of `sentence`, with the mentions that lie inside it as single tokens.
/// `mentions` is the document's whole list and `first_mention` the index of the first one at or
/// after the sentence start.
pub(crate) fn tokenize(
    text: &str,
    sentence: Span,
    mentions: &[Mention],
    first_mention: usize,
) -> Vec<Token> {
    // About a token in five bytes of prose (words and marks): room for most sentences.
    let mut out = Vec::with_capacity(sentence.end.saturating_sub(sentence.start) / 5 + 1);
    let mut next_mention = first_mention;
    let mut i = sentence.start;
    let end = sentence.end;
    while i < end {
        if let Some(m) = mentions.get(next_mention)
            && m.span.start <= i
        {
            if m.span.end <= end {
                let kind = match m.kind {
                    Kind::Year => TokenKind::Year(next_mention),
                    Kind::Ordinal => TokenKind::Word,
                    _ => TokenKind::Figure(next_mention),
                };
                out.push(Token {
                    span: m.span,
                    kind,
                    classes: 0,
                });
                i = m.span.end;
            }
            next_mention += 1;
            continue;
        }
        // An ASCII character (nearly every one) is told by its byte, without decoding.
        let (alphanumeric, len) = match text.as_bytes()[i] {
            b'\t'..=b'\r' | b' ' => {
                i += 1;
                continue;
            }
            b if b.is_ascii() => (b.is_ascii_alphanumeric(), 1),
            _ => {
                let Some(c) = text[i..end].chars().next() else {
                    break;
                };
                if c.is_whitespace() {
                    i += c.len_utf8();
                    continue;
                }
                (c.is_alphanumeric(), c.len_utf8())
            }
        };
        let limit = mentions
            .get(next_mention)
            .map_or(end, |m| m.span.start.clamp(i, end));
        if alphanumeric {
            let len = word_len(&text[i..limit]);
            let span = Span::new(i, i + len);
            out.push(Token {
                span,
                kind: TokenKind::Word,
                classes: super::words::classes(&text[span.range()]),
            });
            i += len.max(1);
        } else {
            out.push(Token {
                span: Span::new(i, i + len),
                kind: TokenKind::Punct,
                classes: 0,
            });
            i += len;
        }
    }
    out
}

/// The length of the word at the start of `s`: letters and digits, with hyphens,
/// apostrophes and dots inside ("cross-border", "children's", "U.S").
fn word_len(s: &str) -> usize {
    // Most words are ASCII letters and digits up to a space or a mark that cannot join two
    // words: read those eight bytes at a time, and decode characters only past them.
    let bytes = s.as_bytes();
    let ascii = crate::runs::alphanumerics_end(bytes, 0);
    if bytes
        .get(ascii)
        .is_none_or(|&b| b.is_ascii() && !matches!(b, b'-' | b'\'' | b'.'))
    {
        return ascii;
    }
    let mut len = 0;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_alphanumeric() {
            len = i + c.len_utf8();
        } else if matches!(c, '-' | '\'' | '’' | '.') {
            match chars.peek() {
                Some((_, n)) if n.is_alphanumeric() => {}
                _ => break,
            }
        } else {
            break;
        }
    }
    len
}

#[cfg(test)]
mod tests {
    #[test]
    fn word_lengths() {
        let cases = [
            ("word", 4),
            ("word rest", 4),
            ("word, rest", 4),
            ("cross-border trade", 12),
            ("children's rights", 10),
            ("children’s rights", 12),
            ("U.S. aid", 3),
            ("end.", 3),
            ("end-", 3),
            ("café au lait", 5),
            ("naïve", 6),
            ("2024年", 7),
            ("", 0),
        ];
        for (text, want) in cases {
            assert_eq!(super::word_len(text), want, "{text:?}");
        }
    }
}
