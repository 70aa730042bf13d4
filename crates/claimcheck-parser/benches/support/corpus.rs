//! The benchmark text, shared by the benches of the parser and the checker: the documents of
//! the benchmark corpus (`$CLAIMCHECK_CORPUS`, else `shared/corpus/` beside the repository)
//! when it is there, else the shipped example article repeated.

use std::path::{Path, PathBuf};

/// The corpus texts, joined by blank lines into one string per file.
pub(crate) fn corpus() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dir = std::env::var_os("CLAIMCHECK_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("../shared/corpus"));
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(&dir) {
        let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        for p in paths
            .iter()
            .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        {
            let Ok(raw) = std::fs::read_to_string(p) else {
                continue;
            };
            let mut text = String::new();
            for line in raw.lines() {
                let Some(start) = line.find("\"text\": \"").map(|i| i + 9) else {
                    continue;
                };
                let body = &line[start..line.len().saturating_sub(2)];
                text.push_str(&unescape(body));
                text.push_str("\n\n");
            }
            let name = p.file_stem().map(|s| s.to_string_lossy().into_owned());
            out.push((name.unwrap_or_default(), text));
        }
    }
    if out.is_empty() {
        let article = std::fs::read_to_string(root.join("data/examples/cambodia-migrants.txt"))
            .unwrap_or_default();
        out.push(("example-article-x1000".to_owned(), article.repeat(1000)));
    }
    out
}

/// Undoes JSON string escapes well enough for benchmark text (the bench must not depend on
/// the CLI's JSON reader).
fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('u') => {
                let hex: String = chars.by_ref().take(4).collect();
                let ch = u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32);
                out.push(ch.unwrap_or('\u{fffd}'));
            }
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}
