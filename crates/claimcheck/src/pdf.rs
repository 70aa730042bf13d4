//! The text of a PDF, page by page and line by line, for `--against` and `registry draft`.
//!
//! `pdf-extract` reads the text layer (chosen over `lopdf`'s own `extract_text`, which puts
//! every table cell on a line of its own; both map ligature glyphs through their names and
//! keep a column's lines together when the file writes columns in reading order). Its glyphs
//! are laid out as its plain-text output lays them out, but footnote markers (digits set much
//! smaller than the body) are left out, so "23.5 percent¹" stays "23.5 percent". What real
//! reports add is then undone: ligatures (ﬁ, ﬂ) become letters, a word hyphenated at a line's
//! end is joined ("esti-" + "mated"), and a line holding only a small number (a page number, a
//! marker set at body size) is dropped so that it neither breaks a sentence nor reads as a
//! figure. Each line keeps its page and its line on that page (counting lines with text), so a
//! figure can be found again in the PDF.
//!
//! A PDF reader meets files it was not written for: the crate runs under
//! [`crate::reporter::isolate`], so a panic in it is an error naming the file, never the end
//! of the run.

use crate::input::Problem;

/// One line of a PDF's text, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PdfLine {
    /// The 1-based page.
    pub page: u32,
    /// The 1-based line on the page, counting lines with text.
    pub line: u32,
    /// The text; empty for a paragraph break.
    pub text: String,
}

/// Whether bytes are a PDF file (its header may follow a little junk, as readers allow).
pub fn is_pdf(bytes: &[u8]) -> bool {
    bytes.windows(5).take(1024).any(|w| w == b"%PDF-")
}

/// The lines of a PDF's text layer. A file with no text (a scan), an encrypted file and a
/// file the reader cannot parse are problems naming the file.
pub fn lines(name: &str, bytes: &[u8]) -> Result<Vec<PdfLine>, Problem> {
    let problem = |message: String| Problem {
        location: name.to_owned(),
        message,
    };
    let encrypted = bytes.windows(8).any(|w| w == b"/Encrypt");
    let pages = crate::reporter::isolate(name, || page_texts(bytes))?.map_err(|e| {
        if encrypted {
            problem(
                "the PDF is encrypted and does not open without a password; save a copy \
                 without the password (or with text extraction allowed) and pass that"
                    .to_owned(),
            )
        } else {
            problem(format!("the PDF cannot be read: {e}"))
        }
    })?;
    let lines = clean(&pages);
    if !lines
        .iter()
        .any(|l| l.text.chars().filter(|c| c.is_alphabetic()).count() >= 3)
    {
        return Err(problem(format!(
            "the PDF has no text layer ({} page{} of images, as a scan without OCR has); run \
             OCR first (`ocrmypdf in.pdf out.pdf`) and pass the result",
            pages.len(),
            if pages.len() == 1 { "" } else { "s" }
        )));
    }
    Ok(lines)
}

/// Each page's text, as `pdf-extract`'s plain-text output writes it (a line break where the
/// baseline moves, a space where a gap opens), except that footnote markers (digits and
/// daggers set much smaller than the page's body text) are left out: "23.5 percent¹" is read
/// "23.5 percent", never "23.5 percent 1".
fn page_texts(bytes: &[u8]) -> Result<Vec<String>, pdf_extract::OutputError> {
    let mut doc = pdf_extract::Document::load_mem(bytes)?;
    if doc.is_encrypted() {
        // An owner password alone (printing or copying restricted) opens with an empty one.
        doc.decrypt("")?;
    }
    let mut pages = Pages::default();
    pdf_extract::output_doc(&doc, &mut pages)?;
    Ok(pages.done)
}

/// One character as the PDF places it.
#[derive(Debug, Clone)]
struct Glyph {
    /// Its left edge, in user space.
    x: f64,
    /// Its baseline, in user space (growing upwards).
    y: f64,
    /// Where it ends.
    end: f64,
    /// Its font size as drawn.
    size: f64,
    /// Whether it starts a word (the PDF's own word break).
    word_start: bool,
    /// The character (or ligature) as text.
    text: String,
}

/// Collects each page's glyphs and writes its text at the page's end.
#[derive(Debug, Default)]
struct Pages {
    glyphs: Vec<Glyph>,
    word_start: bool,
    done: Vec<String>,
}

impl Pages {
    /// The page's text from its glyphs, with small markers left out.
    fn render(glyphs: &[Glyph]) -> String {
        // The body's size: the commonest, to the half point.
        let mut counts: Vec<(i64, usize)> = Vec::new();
        for g in glyphs {
            let key = (g.size * 2.0).round() as i64;
            match counts.iter_mut().find(|(k, _)| *k == key) {
                Some((_, n)) => *n += 1,
                None => counts.push((key, 1)),
            }
        }
        let body = counts
            .iter()
            .max_by_key(|(_, n)| *n)
            .map_or(0.0, |(k, _)| *k as f64 / 2.0);
        let marker = |g: &Glyph| {
            g.size < body * 0.75
                && g.text
                    .chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, '*' | '†' | '‡' | '¹' | '²' | '³'))
        };
        let mut out = String::new();
        let mut last: Option<(f64, f64)> = None;
        for g in glyphs.iter().filter(|g| !marker(g)) {
            if let Some((last_end, last_y)) = last
                && g.word_start
            {
                let dy = (g.y - last_y).abs();
                if dy > g.size * 1.5 {
                    out.push('\n');
                }
                if g.x < last_end && dy > g.size * 0.5 {
                    out.push('\n');
                }
                if g.x > last_end + g.size * 0.1 {
                    out.push(' ');
                }
            }
            out.push_str(&g.text);
            last = Some((g.end, g.y));
        }
        out
    }
}

impl pdf_extract::OutputDev for Pages {
    fn begin_page(
        &mut self,
        _page: u32,
        _media_box: &pdf_extract::MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), pdf_extract::OutputError> {
        self.glyphs.clear();
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), pdf_extract::OutputError> {
        self.done.push(Pages::render(&self.glyphs));
        self.glyphs.clear();
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &pdf_extract::Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), pdf_extract::OutputError> {
        // The font size as drawn: the side of the square of the transformed size's area.
        let (vx, vy) = (
            font_size * trm.m11 + font_size * trm.m21,
            font_size * trm.m12 + font_size * trm.m22,
        );
        let size = (vx * vy).abs().sqrt();
        self.glyphs.push(Glyph {
            x: trm.m31,
            y: trm.m32,
            end: trm.m31 + width * size,
            size,
            word_start: std::mem::take(&mut self.word_start),
            text: text.to_owned(),
        });
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), pdf_extract::OutputError> {
        self.word_start = true;
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), pdf_extract::OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), pdf_extract::OutputError> {
        Ok(())
    }
}

/// The lines of each page's text, cleaned: ligatures spelt out, hyphenated words joined, lone
/// markers dropped, and paragraph breaks kept as empty lines.
pub fn clean(pages: &[String]) -> Vec<PdfLine> {
    let mut out: Vec<PdfLine> = Vec::new();
    for (p, page) in pages.iter().enumerate() {
        let page_no = u32::try_from(p + 1).unwrap_or(u32::MAX);
        if !out.is_empty() {
            out.push(PdfLine {
                page: page_no,
                line: 0,
                text: String::new(),
            });
        }
        let mut line_no = 0u32;
        // Whether a dropped marker left the sentence open: the break after it is not one.
        let mut joining = false;
        for raw in page.lines() {
            let text = spell_ligatures(raw.trim());
            if text.is_empty() {
                if !joining && out.last().is_some_and(|l| !l.text.is_empty()) {
                    out.push(PdfLine {
                        page: page_no,
                        line: line_no,
                        text: String::new(),
                    });
                }
                continue;
            }
            line_no += 1;
            if is_marker(&text) {
                joining = out
                    .last()
                    .is_some_and(|l| !l.text.ends_with(['.', '!', '?', ':']));
                continue;
            }
            joining = false;
            let mut text = text;
            // "esti-" at the end of the line before, "mated …" here: join the word there.
            if let Some(previous) = out.last_mut().filter(|l| hyphenated(&l.text))
                && text.starts_with(|c: char| c.is_lowercase())
            {
                let word_end = text.find(char::is_whitespace).unwrap_or(text.len());
                previous.text.pop();
                previous.text.push_str(&text[..word_end]);
                text = text[word_end..].trim_start().to_owned();
                if text.is_empty() {
                    continue;
                }
            }
            out.push(PdfLine {
                page: page_no,
                line: line_no,
                text,
            });
        }
    }
    out
}

/// Whether a line ends in a word broken by a hyphen ("esti-"), not a dash or a compound's
/// first half written apart ("20-").
fn hyphenated(line: &str) -> bool {
    let mut chars = line.chars().rev();
    chars.next() == Some('-') && chars.next().is_some_and(char::is_lowercase)
}

/// Whether a line is only a marker: a footnote number, a page number (one to three digits,
/// or superscript digits).
fn is_marker(line: &str) -> bool {
    let superscript = |c: char| matches!(c, '¹' | '²' | '³' | '\u{2070}'..='\u{2079}');
    (line.len() <= 3 && line.chars().all(|c| c.is_ascii_digit())) || line.chars().all(superscript)
}

/// The text with typographic ligatures written as their letters and soft hyphens removed.
pub fn spell_ligatures(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\u{FB00}' => out.push_str("ff"),
            '\u{FB01}' => out.push_str("fi"),
            '\u{FB02}' => out.push_str("fl"),
            '\u{FB03}' => out.push_str("ffi"),
            '\u{FB04}' => out.push_str("ffl"),
            '\u{FB05}' | '\u{FB06}' => out.push_str("st"),
            '\u{00AD}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
#[path = "../../../tests/support/pdf_writer.rs"]
mod pdf_writer;

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(lines: &[PdfLine]) -> Vec<String> {
        lines
            .iter()
            .map(|l| format!("{}:{} {}", l.page, l.line, l.text))
            .collect()
    }

    #[test]
    fn a_report_layout_reads_in_order_with_pages_and_lines() {
        let lines = lines("report.pdf", &pdf_writer::report()).expect("reads");
        let shown = text_of(&lines);
        let joined = shown.join("\n");
        // Hyphenation undone, ligatures spelt, the footnote marker gone and the sentence whole.
        assert!(joined.contains("1:2 An estimated"), "{joined}");
        // The small raised footnote marker is left out, the figure whole.
        assert!(
            joined.contains("1:4 filings in 2023, and 23.5 percent\n"),
            "{joined}"
        );
        assert!(!joined.contains("percent 1"), "{joined}");
        assert!(joined.contains("1:5 of them were over 65."), "{joined}");
        // The right column follows the left one whole.
        let left = joined.find("over 65.").expect("left column");
        let right = joined.find("In the right column").expect("right column");
        assert!(left < right, "{joined}");
        assert!(joined.contains("the flats inspected"), "{joined}");
        // The footnote, and the table's rows on lines of their own with their cells.
        assert!(
            joined.contains("From a survey of 3,000 households."),
            "{joined}"
        );
        assert!(joined.contains("2:3 North 1,200 1,450"), "{joined}");
    }

    #[test]
    fn bad_pdfs_are_clear_problems() {
        let scan = pdf_writer::pdf(&[Vec::new(), Vec::new()], &Default::default());
        let e = lines("scan.pdf", &scan).expect_err("no text layer");
        assert!(e.message.contains("no text layer"), "{e:?}");
        assert!(e.message.contains("2 pages"), "{e:?}");

        let locked = pdf_writer::pdf(
            &[vec![pdf_writer::run(
                50.0,
                700.0,
                "Secret figures: 12 percent.",
            )]],
            &pdf_writer::Options { encrypted: true },
        );
        let e = lines("locked.pdf", &locked).expect_err("encrypted");
        assert!(e.message.contains("encrypted"), "{e:?}");
        assert_eq!(e.location, "locked.pdf");

        let e = lines("broken.pdf", b"%PDF-1.5\n%%garbage\x00\x01").expect_err("broken");
        assert!(e.message.contains("cannot be read"), "{e:?}");
    }

    #[test]
    fn cleaning_rules() {
        let pages = vec!["Rates rose to 4.1 per-\ncent of the\n7\n\nwork-\nforce.\n".to_owned()];
        let shown = text_of(&clean(&pages)).join("|");
        assert_eq!(
            shown,
            "1:1 Rates rose to 4.1 percent|1:2 of the|1:4 workforce."
        );
        assert_eq!(
            spell_ligatures("e\u{FB03}cient \u{FB02}ow"),
            "efficient flow"
        );
        assert!(!hyphenated("a 20-"));
        assert!(is_marker("12") && is_marker("²") && !is_marker("2023"));
    }
}
