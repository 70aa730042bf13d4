//! The HTML report: a snapshot of one small article's page, and hostile articles read back
//! with a real HTML tokenizer (the one browsers' parsing rules are modelled on), which must
//! find nothing but the page's own elements, attributes and links.

use std::collections::BTreeSet;
use std::process::Command;

use html5gum::{DefaultEmitter, Token, Tokenizer};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/html");

fn claimcheck(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(args)
        .current_dir(FIXTURES)
        .output()
        .expect("the binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).expect("UTF-8"),
    )
}

/// The page without the stylesheet, the script and the rules' documentation, which have
/// their own files and tests.
fn without_assets(page: &str) -> String {
    let mut out = page.to_owned();
    if let (Some(a), Some(b)) = (out.find("<section id=\"rules\""), out.find("</main>")) {
        out.replace_range(a..b, "<section id=\"rules\">…</section>");
    }
    for (open, close) in [("<style>", "</style>"), ("<script>", "</script>")] {
        if let (Some(a), Some(b)) = (out.find(open), out.find(close)) {
            out.replace_range(a + open.len()..b, "…");
        }
    }
    // One element a line, for a readable diff.
    out.replace("><", ">\n<")
}

#[test]
fn one_small_article() {
    let (code, page) = claimcheck(&["check", "--format", "html", "small.txt"]);
    assert_eq!(code, 1, "the article has an error");
    insta::assert_snapshot!(without_assets(&page));
}

/// Every start tag, attribute and link target in a page.
struct Parsed {
    tags: Vec<String>,
    attributes: BTreeSet<String>,
    hrefs: Vec<String>,
    scripts: usize,
    styles: usize,
    text: String,
}

fn parse(page: &str) -> Parsed {
    let mut emitter = DefaultEmitter::<()>::default();
    // Script and style contents are raw text, as in a browser.
    emitter.naively_switch_states(true);
    let mut p = Parsed {
        tags: Vec::new(),
        attributes: BTreeSet::new(),
        hrefs: Vec::new(),
        scripts: 0,
        styles: 0,
        text: String::new(),
    };
    for token in Tokenizer::new_with_emitter(page, emitter).flatten() {
        match token {
            Token::StartTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).into_owned();
                p.scripts += usize::from(name == "script");
                p.styles += usize::from(name == "style");
                for (k, v) in &tag.attributes {
                    let k = String::from_utf8_lossy(k).into_owned();
                    if k == "href" {
                        p.hrefs.push(String::from_utf8_lossy(v).into_owned());
                    }
                    p.attributes.insert(k);
                }
                p.tags.push(name);
            }
            Token::String(s) => p.text.push_str(&String::from_utf8_lossy(&s)),
            _ => {}
        }
    }
    p
}

/// The elements the report writes; an article's text must add none.
const OWN_TAGS: &[&str] = &[
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "a",
    "header",
    "h1",
    "h2",
    "h3",
    "h4",
    "main",
    "section",
    "nav",
    "article",
    "aside",
    "div",
    "p",
    "span",
    "b",
    "br",
    "code",
    "mark",
    "ul",
    "li",
    "dl",
    "dt",
    "dd",
    "table",
    "caption",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "form",
    "fieldset",
    "legend",
    "label",
    "input",
    "details",
    "summary",
    "figure",
    "figcaption",
    "svg",
    "text",
    "line",
    "rect",
    "circle",
    "path",
    "script",
];

fn assert_only_own_markup(page: &str) -> Parsed {
    let p = parse(page);
    for t in &p.tags {
        assert!(
            OWN_TAGS.contains(&t.as_str()),
            "an element from the text: <{t}>"
        );
    }
    for a in &p.attributes {
        assert!(!a.starts_with("on"), "an event attribute: {a}");
        assert!(
            ![
                "src",
                "srcset",
                "style",
                "formaction",
                "action",
                "xlink:href"
            ]
            .contains(&a.as_str()),
            "an attribute the report never writes: {a}"
        );
    }
    for h in &p.hrefs {
        let safe = h.starts_with('#')
            || h.starts_with("https://")
            || h.starts_with("http://")
            || h.starts_with("report-articles/")
            || h == "../report.html";
        assert!(safe, "a link the report would not make: {h}");
        assert!(!h.contains('"') && !h.contains('<'), "{h}");
    }
    assert_eq!(p.scripts, 1, "the page's own script only");
    assert_eq!(p.styles, 1, "the page's own stylesheet only");
    p
}

#[test]
fn hostile_articles_cannot_add_markup_or_links() {
    let (code, page) = claimcheck(&[
        "check",
        "--format",
        "html",
        "--studies",
        "hostile-studies.csv",
        "hostile.jsonl",
    ]);
    assert_eq!(code, 1);
    let p = assert_only_own_markup(&page);
    // The hostile text is all there, as text.
    for shown in [
        "<script>window.__pwned='text'</script>",
        "<img src=x onerror=\"window.__pwned='img'\">",
        "</style><style>body{display:none}</style>",
        "</textarea></title></noscript>",
        "javascript:window.__pwned='link'",
        "\"><script>window.__pwned='id'</script>",
        "23 percent</style><script>window.__pwned='value_text'</script>",
    ] {
        assert!(p.text.contains(shown), "not shown as text: {shown}");
    }
    // Bidirectional controls are shown, not obeyed.
    for c in ['\u{202E}', '\u{202C}', '\u{2066}', '\u{2069}'] {
        assert!(!page.contains(c), "U+{:04X} is in the page", c as u32);
    }
    assert!(p.text.contains("The figure ⟨U+202E⟩%"));
    assert!(p.text.contains("tnecrep⟨U+202C⟩ was reversed"));
    assert!(p.text.contains("⟨U+2066⟩isolated⟨U+2069⟩"));
    // The study's URL that would break out of its attribute is no link, only text.
    assert!(
        p.text
            .contains("https://example.org/\"><script>window.__pwned='url'</script>")
    );
    assert!(!p.hrefs.iter().any(|h| h.starts_with("https://example.org")));
}

#[test]
fn report_html_is_written_beside_the_tables() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let out = dir.path().join("report");
    let out_s = out.to_str().expect("UTF-8");
    let (code, stdout) = claimcheck(&[
        "report",
        "--html",
        "--out",
        out_s,
        "--studies",
        "hostile-studies.csv",
        "hostile.jsonl",
        "small.txt",
    ]);
    assert_eq!(code, 1, "the articles have errors: {stdout}");
    assert!(stdout.contains("report.html"), "{stdout}");
    let page = std::fs::read_to_string(out.join("report.html")).expect("report.html");
    let p = assert_only_own_markup(&page);
    assert_eq!(
        p.tags.iter().filter(|t| *t == "article").count(),
        3,
        "every document on the one page"
    );
    assert!(
        !out.join("report-articles").exists(),
        "a small report is one page"
    );
}
