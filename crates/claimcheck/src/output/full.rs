//! `full`: rustc-style findings, rendered with annotate-snippets.

use std::io::Write;

use annotate_snippets::{Level, Renderer, Snippet};
use anyhow::Result;

use super::{FindingRecord, printable};

/// A width no excerpt line reaches, so that annotate-snippets never trims a line or a label.
const WHOLE_LINES: usize = 1 << 16;

fn level(severity: &str) -> Level {
    match severity {
        "error" => Level::Error,
        "warning" => Level::Warning,
        _ => Level::Info,
    }
}

/// The renderer of the findings: the whole line and every label, never cut at a terminal's
/// width (an excerpt is at most a window of about 2,600 bytes around the figure; see
/// `Excerpt`).
pub(crate) fn renderer(color: bool) -> Renderer {
    if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    }
    .term_width(WHOLE_LINES)
}

/// A finding with its source lines, a label under the figure and its notes.
pub(crate) fn write(r: &FindingRecord, renderer: &Renderer, out: &mut dyn Write) -> Result<()> {
    let lvl = level(r.severity);
    let title = printable(&r.message);
    let id = format!("{}/{}", r.code, r.rule);
    let mut message = lvl.title(&title).id(&id);
    let origin = printable(&r.file);
    let label = printable(&r.label);
    let related: Vec<_> = r
        .excerpt
        .iter()
        .flat_map(|ex| &ex.related)
        .map(|(range, label)| (range.clone(), printable(label)))
        .collect();
    if let Some(ex) = &r.excerpt {
        let mut snippet = Snippet::source(&ex.source)
            .line_start(ex.first_line)
            .origin(&origin)
            .fold(true)
            .annotation(lvl.span(ex.range.clone()).label(&label));
        for (range, label) in &related {
            snippet = snippet.annotation(Level::Note.span(range.clone()).label(label));
        }
        message = message.snippet(snippet);
    } else {
        message = message.snippet(Snippet::source("").origin(&origin));
    }
    let notes: Vec<String> = r.notes.iter().map(|n| printable(n).into_owned()).collect();
    let footers: Vec<_> = notes
        .iter()
        .map(|n| match n.strip_prefix("help: ") {
            Some(h) => Level::Help.title(h),
            None => Level::Note.title(n),
        })
        .collect();
    let related_far: Vec<String> = r
        .related
        .iter()
        .filter(|_| r.excerpt.as_ref().is_none_or(|ex| ex.related.is_empty()))
        .map(|rel| {
            format!(
                "see {}:{}:{}: “{}”",
                printable(&rel.file),
                rel.line,
                rel.column,
                printable(&rel.text)
            )
        })
        .collect();
    let docs = claimcheck_checker::rules::find(r.rule)
        .map(|rule| format!("rule documentation: {}", rule.doc_url()));
    let mut message = message.footers(footers);
    if let Some(docs) = &docs {
        message = message.footer(Level::Help.title(docs));
    }
    for far in &related_far {
        message = message.footer(Level::Note.title(far));
    }
    writeln!(out, "{}\n", renderer.render(message))?;
    Ok(())
}
