//! Text from Markdown with every offset kept: markup becomes spaces, so that a figure's
//! byte offsets, lines and columns in the masked text are those of the original file.

use pulldown_cmark::{Event, Options, Parser};

/// Whether a file is Markdown, by its extension.
pub fn is_markdown(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".md") || lower.ends_with(".markdown")
}

/// The prose of a Markdown document: text and line breaks kept in place, everything else
/// (markers, code, HTML, link targets) replaced by spaces of the same byte length.
pub fn markdown_prose(source: &str) -> String {
    let mut keep = vec![false; source.len()];
    let parser = Parser::new_ext(source, Options::all()).into_offset_iter();
    for (event, range) in parser {
        if let Event::Text(_) = event {
            for k in &mut keep[range] {
                *k = true;
            }
        }
    }
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
}
