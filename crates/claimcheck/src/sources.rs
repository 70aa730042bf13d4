//! Reading a cited study for `--against` and `registry draft`: PDF, HTML, Markdown or plain
//! text, with every figure's place (page and line for a PDF, line otherwise) kept.

use std::path::Path;

use claimcheck_checker::source::{Location, SourceText};

use crate::input::{self, Document, Problem};

/// Reads a source file. An empty file, a binary file that is not a PDF, a PDF with no text
/// layer and an encrypted PDF are problems naming the file and saying what to do.
pub fn load(path: &Path) -> Result<SourceText, Problem> {
    // Named as the user would write it: relative to the working folder when it is inside it
    // (a configuration's `sources` are joined to the configuration's folder).
    let here = std::env::current_dir().ok();
    let name = here
        .as_deref()
        .and_then(|d| path.strip_prefix(d).ok())
        .unwrap_or(path)
        .display()
        .to_string();
    let bytes = std::fs::read(path).map_err(|e| Problem {
        location: name.clone(),
        message: input::io_message(&e),
    })?;
    from_bytes(&name, bytes)
}

/// Reads a source from its bytes; `name` (a path) says by its extension whether a text is
/// Markdown or HTML.
pub fn from_bytes(name: &str, bytes: Vec<u8>) -> Result<SourceText, Problem> {
    let problem = |message: &str| Problem {
        location: name.to_owned(),
        message: message.to_owned(),
    };
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(problem(
            "the source is empty: nothing to check against (pass the study's PDF, HTML, \
             Markdown or text)",
        ));
    }
    if crate::pdf::is_pdf(&bytes) {
        let lines = crate::pdf::lines(name, &bytes)?;
        return Ok(SourceText::from_lines(
            name,
            lines.iter().map(|l| {
                (
                    Location {
                        page: Some(l.page),
                        line: l.line,
                    },
                    l.text.as_str(),
                )
            }),
        ));
    }
    if let Some(what) = binary_kind(&bytes) {
        return Err(problem(&format!(
            "the source is {what}, not a PDF, HTML, Markdown or text file; save the study as \
             PDF or text and pass that"
        )));
    }
    let (text, _) = input::decode_text(bytes, name, None)?;
    let doc = Document {
        name: name.to_owned(),
        text,
    };
    let prose = crate::markup::prose(&doc).into_owned();
    Ok(SourceText::plain(name, prose))
}

/// What a binary file is, when its bytes say so: a known container, or bytes no text has.
fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const KNOWN: &[(&[u8], &str)] = &[
        (
            b"PK\x03\x04",
            "a zip archive (a Word, OpenDocument or EPUB file?)",
        ),
        (b"\xD0\xCF\x11\xE0", "an old Office document (.doc, .xls)"),
        (b"\x89PNG", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"\x7FELF", "a program"),
    ];
    if let Some((_, what)) = KNOWN.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        return Some(what);
    }
    let utf16 = bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF");
    let head = &bytes[..bytes.len().min(8192)];
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C))
        .count();
    (!utf16 && (head.contains(&0) || control * 20 > head.len())).then_some("a binary file")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_markdown_and_html_keep_their_lines() {
        let t =
            from_bytes("s.txt", b"Title\n\nIn 2023, 12 percent rose.\n".to_vec()).expect("text");
        let at = t.text.find("12").expect("figure");
        assert_eq!(t.location(at).to_string(), "line 3");
        let m = from_bytes(
            "s.md",
            b"# Title\n\n**In 2023**, 12 percent rose.\n".to_vec(),
        )
        .expect("markdown");
        assert!(!m.text.contains("**"));
        assert_eq!(m.location(m.text.find("12").unwrap_or(0)).line, 3);
        let h = from_bytes(
            "s.html",
            b"<html><body>\n<h1>Title</h1>\n<p>In 2023, <b>12 percent</b> rose.</p>\n".to_vec(),
        )
        .expect("html");
        assert!(!h.text.contains("<b>"));
        assert_eq!(h.location(h.text.find("12").unwrap_or(0)).line, 3);
    }

    #[test]
    fn bad_sources_are_clear_problems() {
        for (name, bytes, says) in [
            ("empty.txt", b"".to_vec(), "empty"),
            ("blank.md", b"\n  \n".to_vec(), "empty"),
            ("study.docx", b"PK\x03\x04rest".to_vec(), "zip archive"),
            ("noise.bin", vec![0, 1, 2, 3, 200, 0, 7, 8], "binary file"),
        ] {
            let e = from_bytes(name, bytes).expect_err(name);
            assert_eq!(e.location, name);
            assert!(e.message.contains(says), "{name}: {}", e.message);
        }
    }
}
