//! Whole-run properties of the command line: identical bytes whatever the thread count, and
//! symbolic links met while walking a folder counted (or followed with `--follow`).

use std::path::Path;
use std::process::{Command, Output};

fn claimcheck(args: &[&str], threads: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(args)
        .env("RAYON_NUM_THREADS", threads)
        .env_remove("CLAIMCHECK_DEBUG_PANIC_ON")
        .output()
        .expect("claimcheck runs")
}

fn repo(path: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(path)
        .display()
        .to_string()
}

/// A corpus of more documents than one batch (64), so that batches run on several threads.
fn corpus(dir: &Path) -> String {
    let articles = [
        "data/examples/cambodia-migrants.txt",
        "data/examples/forced-labour-roundup.md",
        "crates/claimcheck-checker/tests/fixtures/study-contradiction/triggers.txt",
        "tests/fixtures/edge-figures.txt",
    ];
    let mut lines = String::new();
    for i in 0..80 {
        let text = std::fs::read_to_string(repo(articles[i % articles.len()])).expect("article");
        let doc = serde_json::json!({ "id": format!("doc-{i:03}"), "text": text });
        lines.push_str(&doc.to_string());
        lines.push('\n');
    }
    let path = dir.join("corpus.jsonl");
    std::fs::write(&path, lines).expect("corpus written");
    path.display().to_string()
}

#[test]
fn output_is_identical_across_runs_and_thread_counts() {
    let dir = tempfile::tempdir().expect("a folder");
    let corpus = corpus(dir.path());
    for args in [
        vec!["check", "--format", "json", "--exit-zero", corpus.as_str()],
        vec!["check", "--format", "sarif", "--exit-zero", corpus.as_str()],
        vec!["extract", "--format", "jsonl", corpus.as_str()],
        vec!["derive", "--format", "csv", corpus.as_str()],
    ] {
        let one = claimcheck(&args, "1");
        assert!(!one.stdout.is_empty(), "{args:?} printed nothing");
        for threads in ["1", "4"] {
            let again = claimcheck(&args, threads);
            assert_eq!(one.status.code(), again.status.code(), "{args:?}");
            assert!(
                one.stdout == again.stdout,
                "{args:?}: output differs with {threads} threads"
            );
            assert_eq!(one.stderr, again.stderr, "{args:?}");
        }
    }
}

#[cfg(unix)]
#[test]
fn symlinks_in_folders_are_counted_or_followed() {
    let dir = tempfile::tempdir().expect("a folder");
    let walked = dir.path().join("articles");
    std::fs::create_dir(&walked).expect("folder");
    std::fs::copy(
        repo("crates/claimcheck-checker/tests/fixtures/study-contradiction/triggers.txt"),
        dir.path().join("outside.txt"),
    )
    .expect("copy");
    std::os::unix::fs::symlink(dir.path().join("outside.txt"), walked.join("linked.txt"))
        .expect("link");
    let folder = walked.display().to_string();

    let skipped = claimcheck(&["check", "--format", "concise", &folder], "1");
    let stderr = String::from_utf8_lossy(&skipped.stderr);
    assert!(
        stderr.contains("1 symbolic link not followed"),
        "the skipped link is counted: {stderr}"
    );
    assert!(
        skipped.stdout.is_empty(),
        "nothing is read through the link"
    );
    assert_eq!(skipped.status.code(), Some(0));

    let followed = claimcheck(&["check", "--format", "concise", "--follow", &folder], "1");
    let stdout = String::from_utf8_lossy(&followed.stdout);
    assert!(stdout.contains("linked.txt"), "the link is read: {stdout}");
    assert_eq!(followed.status.code(), Some(1));
}

/// Found by the check_pipeline fuzz target: a finding on a suppression comment, which the
/// prose masks between two paragraphs, made the HTML page slice the text backwards and the
/// whole run panic. The page is written, with the finding listed.
#[test]
fn a_finding_on_masked_markup_does_not_stop_the_html_page() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("crash.md");
    std::fs::write(
        &path,
        "# endColues describe abuse\n\n<!-- claimcheck: ignore misattribution-->\n\
         A 2012 UNIAPmbodian migafficked.\n",
    )
    .expect("write");
    let out = claimcheck(
        &[
            "check",
            "--format",
            "html",
            path.to_str().expect("UTF-8 path"),
        ],
        "1",
    );
    let page = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.code().is_some_and(|c| c <= 1), "{out:?}");
    assert!(page.starts_with("<!DOCTYPE html>"), "{page}");
    assert!(page.contains("unused-suppression"), "the finding is listed");
}

/// A panic while drawing one article's HTML (injected, in debug builds) is an error naming
/// it; the page is still written with the other article, and the exit code is 2.
#[test]
fn a_panic_while_drawing_one_article_leaves_the_others_drawn() {
    let out = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args([
            "check",
            "--format",
            "html",
            "--exit-zero",
            &repo("data/examples/cambodia-migrants.txt"),
            &repo("data/examples/forced-labour-roundup.md"),
        ])
        .env(
            "CLAIMCHECK_DEBUG_PANIC_ON",
            "cambodia-migrants.txt (its HTML page)",
        )
        .output()
        .expect("claimcheck runs");
    if !cfg!(debug_assertions) {
        return; // the failure is injected in debug builds only
    }
    let page = String::from_utf8_lossy(&out.stdout);
    let errors = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{errors}");
    assert!(
        errors.contains("cambodia-migrants.txt (its HTML page): internal error"),
        "{errors}"
    );
    assert!(
        page.contains("This article could not be drawn"),
        "the page says so"
    );
    assert!(
        page.contains("Nearly a Third"),
        "the other article is drawn"
    );
}
