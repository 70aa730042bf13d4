//! Text from Markdown and HTML with every offset kept: markup becomes spaces, so that a
//! figure's byte offsets, lines and columns in the masked text are those of the original
//! file.

use html5gum::{DefaultEmitter, Token, Tokenizer};

use crate::input::Document;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// The prose of a document: Markdown and HTML are masked to their text, with offsets kept.
pub fn prose(doc: &Document) -> std::borrow::Cow<'_, str> {
    if is_markdown(&doc.name) {
        std::borrow::Cow::Owned(markdown_prose(&doc.text))
    } else if is_html(&doc.name) {
        std::borrow::Cow::Owned(html_prose(&doc.text))
    } else {
        std::borrow::Cow::Borrowed(&doc.text)
    }
}

/// Whether a file is Markdown, by its extension.
pub fn is_markdown(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".md") || lower.ends_with(".markdown")
}

/// Whether a file is HTML, by its extension.
pub fn is_html(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".html") || lower.ends_with(".htm")
}

/// Elements whose text is not prose.
const NOT_PROSE: &[&[u8]] = &[
    b"script",
    b"style",
    b"noscript",
    b"template",
    b"code",
    b"pre",
    b"head",
];

/// The prose of an HTML document: the text between tags kept in place (character references
/// as written), tags, comments and the contents of `script`, `style`, `head`, `code` and
/// `pre` replaced by spaces. Block-level tags become line breaks only where the source has
/// them; the sentence splitter treats a closing `</p>` like the end of its line.
pub fn html_prose(source: &str) -> String {
    let mut keep = vec![false; source.len()];
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    emitter.naively_switch_states(true);
    let mut skipping: Option<Vec<u8>> = None;
    for token in Tokenizer::new_with_emitter(source, emitter).flatten() {
        match token {
            Token::StartTag(tag)
                if skipping.is_none()
                    && NOT_PROSE.contains(&tag.name.as_slice())
                    && !tag.self_closing =>
            {
                skipping = Some(tag.name.to_vec());
            }
            Token::EndTag(tag) if skipping.as_deref() == Some(tag.name.as_slice()) => {
                skipping = None
            }
            Token::String(text) if skipping.is_none() => {
                let (start, end) = (
                    text.span.start.min(source.len()),
                    text.span.end.min(source.len()),
                );
                for k in &mut keep[start..end] {
                    *k = true;
                }
            }
            _ => {}
        }
    }
    mask(source, &keep)
}

fn mask(source: &str, keep: &[bool]) -> String {
    let mut out = String::with_capacity(source.len());
    for (i, c) in source.char_indices() {
        if c == '\n' || keep[i] {
            out.push(c);
        } else {
            for _ in 0..c.len_utf8() {
                out.push(' ');
            }
        }
    }
    out
}

/// The prose of a Markdown document: text and line breaks kept in place, everything else
/// (markers, inline code, fenced and indented code blocks, HTML, link targets) replaced by
/// spaces of the same byte length.
pub fn markdown_prose(source: &str) -> String {
    let mut keep = vec![false; source.len()];
    let parser = Parser::new_ext(source, Options::all()).into_offset_iter();
    let mut in_code_block = false;
    for (event, range) in parser {
        match event {
            Event::Start(Tag::CodeBlock(_)) => in_code_block = true,
            Event::End(TagEnd::CodeBlock) => in_code_block = false,
            Event::Text(_) if !in_code_block => {
                for k in &mut keep[range] {
                    *k = true;
                }
            }
            _ => {}
        }
    }
    mask(source, &keep)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_are_kept() {
        let src =
            "# Wages rose **23%**\n\n- `code 99` and [a link](http://x.org/2019) of 5 items\n";
        let prose = markdown_prose(src);
        assert_eq!(prose.len(), src.len());
        assert_eq!(&prose[15..18], "23%");
        assert!(!prose.contains("99"));
        assert!(!prose.contains("2019"));
        assert!(prose.contains("5 items"));
        assert_eq!(prose.matches('\n').count(), src.matches('\n').count());
    }

    #[test]
    fn code_blocks_are_not_prose() {
        let src = "Wages rose 23%.\n\n```\nrose 28%\n```\n\n    rose 29%\n\n~~~text\nrose 30%\n~~~\n\nThen 31%.\n";
        let prose = markdown_prose(src);
        assert_eq!(prose.len(), src.len());
        for kept in ["23%", "31%"] {
            assert!(prose.contains(kept), "{kept} is prose: {prose:?}");
        }
        for gone in ["28%", "29%", "30%"] {
            assert!(!prose.contains(gone), "{gone} is code: {prose:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn masking_keeps_every_offset(s in "[ -~\n<>/!#*`\\[\\]()&;é€-]{0,200}") {
            for prose in [markdown_prose(&s), html_prose(&s)] {
                proptest::prop_assert_eq!(prose.len(), s.len());
                // Every character kept stands where it stood; the rest became spaces.
                for (i, c) in prose.char_indices().filter(|(_, c)| *c != ' ') {
                    proptest::prop_assert!(s.is_char_boundary(i) && s[i..].starts_with(c));
                }
                proptest::prop_assert_eq!(prose.matches('\n').count(), s.matches('\n').count());
            }
        }
    }

    #[test]
    fn html_offsets_are_kept() {
        let src = "<html><head><title>Report 2019</title></head><body>\n<p class=\"x99\">Wages rose <b>23%</b> in 2021.</p>\n<script>var x = 42;</script><!-- 77 --></body></html>";
        let prose = html_prose(src);
        assert_eq!(prose.len(), src.len());
        let at = src.find("23%").expect("present");
        assert_eq!(&prose[at..at + 3], "23%");
        assert!(prose.contains("Wages rose"));
        for gone in ["99", "42", "77", "2019"] {
            assert!(!prose.contains(gone), "{gone} leaked: {prose:?}");
        }
    }
}
