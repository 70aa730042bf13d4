//! A small PDF writer for tests: pages of text runs placed where a report's layout puts them
//! (two columns, a table, a footnote, a superscript marker), in one Type 1 font whose
//! encoding maps codes 1 and 2 to the `fi` and `fl` ligature glyphs, as typeset reports do.
//! Every text in these PDFs is our own.

#![allow(dead_code, unreachable_pub)]

use lopdf::content::{Content, Operation};
use lopdf::{Document, Object, ObjectId, Stream, StringFormat, dictionary};

/// One run of text at a place on the page.
#[derive(Debug, Clone)]
pub struct Run {
    /// Left edge, in points.
    pub x: f32,
    /// Baseline, in points from the bottom.
    pub y: f32,
    /// Font size.
    pub size: f32,
    /// Rise above the baseline (a superscript), in points.
    pub rise: f32,
    /// The bytes shown: WinAnsi, with 1 for `fi` and 2 for `fl`.
    pub text: Vec<u8>,
}

/// A run of body text (10 points, no rise).
pub fn run(x: f32, y: f32, text: &str) -> Run {
    Run {
        x,
        y,
        size: 10.0,
        rise: 0.0,
        text: text.as_bytes().to_vec(),
    }
}

/// A run whose `{fi}` and `{fl}` are written as the ligature glyphs.
pub fn ligatured(x: f32, y: f32, text: &str) -> Run {
    let bytes = text.replace("{fi}", "\u{1}").replace("{fl}", "\u{2}");
    Run {
        text: bytes.into_bytes(),
        ..run(x, y, "")
    }
}

/// A superscript marker (a footnote's number), small and raised.
pub fn superscript(x: f32, y: f32, text: &str) -> Run {
    Run {
        size: 6.0,
        rise: 4.0,
        ..run(x, y, text)
    }
}

/// How a test PDF is made.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Mark the file encrypted (a standard security handler with a password we do not give).
    pub encrypted: bool,
}

/// Writes a PDF of `pages`, each a list of runs (an empty list makes a page with no text
/// layer, as a scan without OCR has).
pub fn pdf(pages: &[Vec<Run>], options: &Options) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "Helvetica",
        "Encoding" => dictionary! {
            "Type" => "Encoding",
            "BaseEncoding" => "WinAnsiEncoding",
            "Differences" => vec![1.into(), Object::Name(b"fi".to_vec()), Object::Name(b"fl".to_vec())],
        },
    });
    let kids: Vec<Object> = pages
        .iter()
        .map(|runs| page(&mut doc, pages_id, font, runs).into())
        .collect();
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {"Type" => "Pages", "Kids" => kids, "Count" => count}),
    );
    let catalog = doc.add_object(dictionary! {"Type" => "Catalog", "Pages" => pages_id});
    doc.trailer.set("Root", catalog);
    if options.encrypted {
        let encrypt = doc.add_object(dictionary! {
            "Filter" => "Standard",
            "V" => 2,
            "R" => 3,
            "Length" => 128,
            "P" => -3904,
            "O" => Object::String(vec![0x5a; 32], StringFormat::Hexadecimal),
            "U" => Object::String(vec![0xa5; 32], StringFormat::Hexadecimal),
        });
        doc.trailer.set("Encrypt", encrypt);
        doc.trailer.set(
            "ID",
            vec![
                Object::String(vec![1; 16], StringFormat::Hexadecimal),
                Object::String(vec![1; 16], StringFormat::Hexadecimal),
            ],
        );
    }
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("a PDF in memory is written");
    out
}

fn page(doc: &mut Document, parent: ObjectId, font: ObjectId, runs: &[Run]) -> ObjectId {
    let mut operations = Vec::new();
    for r in runs {
        operations.extend([
            Operation::new("BT", vec![]),
            Operation::new("Tf", vec!["F1".into(), r.size.into()]),
            Operation::new("Ts", vec![r.rise.into()]),
            Operation::new("Td", vec![r.x.into(), r.y.into()]),
            Operation::new(
                "Tj",
                vec![Object::String(r.text.clone(), StringFormat::Literal)],
            ),
            Operation::new("ET", vec![]),
        ]);
    }
    if runs.is_empty() {
        // A scan: a filled rectangle where the picture would be, and no text.
        operations.extend([
            Operation::new("re", vec![50.into(), 50.into(), 495.into(), 742.into()]),
            Operation::new("f", vec![]),
        ]);
    }
    let content = Content { operations }.encode().expect("content encodes");
    let contents = doc.add_object(Stream::new(dictionary! {}, content));
    doc.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => parent,
        "Contents" => contents,
        "Resources" => dictionary! {"Font" => dictionary! {"F1" => font}},
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
    })
}

/// A two-page report laid out as real ones are: a heading, two columns (the left one written
/// first), a word hyphenated at a line's end, ligatures, a footnote marker after a figure, a
/// footnote, and a table on the second page.
pub fn report() -> Vec<u8> {
    let page1 = vec![
        run(50.0, 800.0, "Key findings"),
        run(50.0, 770.0, "An esti-"),
        run(50.0, 758.0, "mated 4.2 million tenants faced eviction"),
        ligatured(50.0, 746.0, "{fi}lings in 2023, and 23.5 percent"),
        superscript(205.0, 746.0, "1"),
        run(50.0, 734.0, "of them were over 65."),
        run(320.0, 770.0, "In the right column, 12 percent of"),
        ligatured(320.0, 758.0, "the {fl}ats inspected were damp."),
        run(50.0, 60.0, "1 From a survey of 3,000 households."),
    ];
    let page2 = vec![
        run(50.0, 800.0, "Table 1. Filings by region"),
        run(50.0, 780.0, "Region"),
        run(200.0, 780.0, "2022"),
        run(300.0, 780.0, "2023"),
        run(50.0, 766.0, "North"),
        run(200.0, 766.0, "1,200"),
        run(300.0, 766.0, "1,450"),
    ];
    pdf(&[page1, page2], &Options::default())
}

/// A PDF of a plain text, `lines_per_page` lines to a page, one run per line: the study
/// fixtures as a PDF, so that a figure's page and line can be checked against its text.
pub fn text_pdf(text: &str, lines_per_page: usize) -> Vec<u8> {
    let lines: Vec<&str> = text.lines().collect();
    let pages: Vec<Vec<Run>> = lines
        .chunks(lines_per_page.max(1))
        .map(|chunk| {
            chunk
                .iter()
                .enumerate()
                .filter(|(_, l)| !l.trim().is_empty())
                .map(|(i, l)| run(50.0, 800.0 - 14.0 * i as f32, l))
                .collect()
        })
        .collect();
    pdf(&pages, &Options::default())
}
