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

/// A corpus of more documents than one batch (256), so that batches run on several threads
/// and one is worked on while the one before is written.
fn corpus(dir: &Path) -> String {
    corpus_with_ids(dir, |i| format!("doc-{i:03}"))
}

/// [`corpus`] with the `i`th document's id `id(i)`.
fn corpus_with_ids(dir: &Path, id: impl Fn(usize) -> String) -> String {
    let articles = [
        "data/examples/cambodia-migrants.txt",
        "data/examples/forced-labour-roundup.md",
        "crates/claimcheck-checker/tests/fixtures/study-contradiction/triggers.txt",
        "tests/fixtures/edge-figures.txt",
    ];
    let mut lines = String::new();
    for i in 0..300 {
        let text = std::fs::read_to_string(repo(articles[i % articles.len()])).expect("article");
        let doc = serde_json::json!({ "id": id(i), "text": text });
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
        vec!["derive", "--format", "json", corpus.as_str()],
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

/// `check`'s findings sorted through the disk (a small sort budget, debug builds only) are
/// the bytes of those sorted in memory, in every format and in `--output-file`: over a corpus
/// whose ids come out of order and repeat, so that the sort reorders documents and must keep
/// equal places in the order they came.
#[test]
fn findings_sorted_through_the_disk_are_those_sorted_in_memory() {
    if !cfg!(debug_assertions) {
        return; // the budget is set in debug builds only
    }
    let dir = tempfile::tempdir().expect("a folder");
    let corpus = corpus_with_ids(dir.path(), |i| format!("doc-{:03}", (i * 7) % 250));
    let run = |args: &[&str], budget: Option<&str>| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_claimcheck"));
        command
            .args(args)
            .env("RAYON_NUM_THREADS", "2")
            .env_remove("CLAIMCHECK_DEBUG_PANIC_ON");
        match budget {
            // A few findings a run: hundreds of runs, merged a level up and again at the end.
            Some(b) => command.env("CLAIMCHECK_DEBUG_SORT_BUDGET", b),
            None => command.env_remove("CLAIMCHECK_DEBUG_SORT_BUDGET"),
        };
        command.output().expect("claimcheck runs")
    };
    for format in ["full", "concise", "json", "jsonl", "csv", "sarif", "github"] {
        let args = ["check", "--format", format, corpus.as_str()];
        let (held, spilled) = (run(&args, None), run(&args, Some("20000")));
        assert_eq!(
            held.status.code(),
            Some(1),
            "{format}: findings fail the run"
        );
        assert!(held.stdout.len() > 100_000, "{format}: many findings");
        assert!(
            held.stdout == spilled.stdout,
            "{format}: the output differs"
        );
        assert_eq!(held.stderr, spilled.stderr, "{format}");
        assert_eq!(held.status.code(), spilled.status.code(), "{format}");
    }
    // A temporary folder that cannot be written to: a warning, and the findings held.
    let missing = dir.path().join("missing");
    let args = ["check", "--format", "jsonl", corpus.as_str()];
    let held = run(&args, None);
    let mut command = Command::new(env!("CARGO_BIN_EXE_claimcheck"));
    let unwritable = command
        .args(args)
        .env("CLAIMCHECK_DEBUG_SORT_BUDGET", "20000")
        .env("TMPDIR", &missing)
        .env("TMP", &missing)
        .env("TEMP", &missing)
        .output()
        .expect("claimcheck runs");
    assert!(held.stdout == unwritable.stdout, "the findings differ");
    assert_eq!(held.status.code(), unwritable.status.code());
    let warned = String::from_utf8_lossy(&unwritable.stderr);
    assert_eq!(warned.matches("warning: ").count(), 1, "{warned}");
    assert!(warned.contains("held in memory"), "{warned}");
    let file = |name: &str| dir.path().join(name).display().to_string();
    let (a, b) = (file("held.sarif"), file("spilled.sarif"));
    let held = run(
        &["check", "--format", "sarif", "--output-file", &a, &corpus],
        None,
    );
    let spilled = run(
        &["check", "--format", "sarif", "--output-file", &b, &corpus],
        Some("20000"),
    );
    assert!(held.stdout == spilled.stdout, "the human output differs");
    assert!(std::fs::read(&a).expect("written") == std::fs::read(&b).expect("written"));
}

/// `check --output-file` writes the file whole when the reader of its human output stops
/// early (`| head`): standard output closed is no reason to lose the report.
#[test]
fn an_output_file_is_written_whole_when_standard_output_closes() {
    let dir = tempfile::tempdir().expect("a folder");
    let corpus = corpus(dir.path());
    let file = |name: &str| dir.path().join(name).display().to_string();
    let (whole, cut) = (file("whole.sarif"), file("cut.sarif"));
    let args = |out: &str| {
        ["check", "--format", "sarif", "--output-file", out, &corpus].map(str::to_owned)
    };
    let done = claimcheck(&args(&whole).each_ref().map(String::as_str), "2");
    assert_eq!(done.status.code(), Some(1));
    assert!(
        done.stdout.len() > 1 << 18,
        "more human output than a pipe holds"
    );
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(args(&cut))
        .env_remove("CLAIMCHECK_DEBUG_PANIC_ON")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("claimcheck runs");
    drop(child.stdout.take());
    let status = child.wait().expect("claimcheck ends");
    assert_ne!(status.code(), Some(2), "a closed pipe is no error");
    assert!(
        std::fs::read(&whole).expect("written") == std::fs::read(&cut).expect("written"),
        "the file is whole"
    );
}

/// The files of a folder, by name, with their bytes.
fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .expect("a folder")
        .map(|e| {
            let e = e.expect("an entry");
            let bytes = std::fs::read(e.path()).expect("a file");
            (e.file_name().to_string_lossy().into_owned(), bytes)
        })
        .collect();
    files.sort();
    files
}

#[test]
fn report_tables_are_identical_across_thread_counts() {
    let dir = tempfile::tempdir().expect("a folder");
    let corpus = corpus(dir.path());
    let run = |threads: &str| {
        let out = dir.path().join(format!("report-{threads}"));
        let args = [
            "report",
            "--exit-zero",
            "--out",
            out.to_str().expect("UTF-8"),
            &corpus,
        ];
        let done = claimcheck(&args, threads);
        assert_eq!(
            done.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&done.stderr)
        );
        files(&out)
    };
    let one = run("1");
    assert_eq!(one.len(), 4, "the four tables");
    assert_eq!(run("4"), one);
}

/// A document whose checking panics is reported by name, with exit code 2; the documents
/// before and after it, in the same batch and in later ones, are read as if it were not
/// there.
#[test]
fn a_panic_in_one_document_leaves_the_others_to_derive_and_report() {
    let dir = tempfile::tempdir().expect("a folder");
    let corpus = corpus(dir.path());
    let broken = "#doc-004";
    let run = |args: &[&str], inject: bool| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_claimcheck"));
        command.args(args).env("RAYON_NUM_THREADS", "2");
        if inject {
            command.env("CLAIMCHECK_DEBUG_PANIC_ON", broken);
        } else {
            command.env_remove("CLAIMCHECK_DEBUG_PANIC_ON");
        }
        command.output().expect("claimcheck runs")
    };
    if !cfg!(debug_assertions) {
        return; // the failure is injected in debug builds only
    }
    // derive: every estimate but the broken document's.
    let derive = ["derive", "--format", "jsonl", corpus.as_str()];
    let (all, failed) = (run(&derive, false), run(&derive, true));
    let errors = String::from_utf8_lossy(&failed.stderr);
    assert_eq!(failed.status.code(), Some(2), "{errors}");
    assert!(
        errors.contains(&format!("{broken}: internal error")),
        "{errors}"
    );
    let expected: Vec<&str> = std::str::from_utf8(&all.stdout)
        .expect("UTF-8")
        .lines()
        .filter(|l| !l.contains(&format!("{broken}\"")))
        .collect();
    assert!(expected.len() < all.stdout.split(|&b| b == b'\n').count() - 1);
    assert_eq!(
        std::str::from_utf8(&failed.stdout)
            .expect("UTF-8")
            .lines()
            .collect::<Vec<_>>(),
        expected
    );
    // report: the summary has a row for every other document, in order.
    let out = dir.path().join("report");
    let report = [
        "report",
        "--exit-zero",
        "--out",
        out.to_str().expect("UTF-8"),
        &corpus,
    ];
    let failed = run(&report, true);
    assert_eq!(failed.status.code(), Some(2));
    let summary = std::fs::read_to_string(out.join("summary.csv")).expect("summary.csv");
    let names: Vec<&str> = summary
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap_or_default())
        .collect();
    let wanted: Vec<String> = (0..300)
        .filter(|&i| i != 4)
        .map(|i| format!("{corpus}#doc-{i:03}"))
        .collect();
    assert_eq!(names, wanted);
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

/// A file longer than a window (256 KB) is read a window at a time; its findings and figures
/// are given at the file's own bytes, lines and columns, and on one thread or several alike.
#[test]
fn a_long_file_read_in_windows_keeps_the_file_s_positions() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    // A paragraph with a figure that contradicts its study, then filler prose with figures,
    // repeated past several windows; a few lines of filler have no line break for a while.
    let finding = "A 2010 UNIAP study found that 38 percent of Cambodian migrants deported through Poipet had been trafficked.";
    let filler =
        "The port handled 4,500 containers a week in 2019, and 12 percent more a year later. ";
    let mut text = String::new();
    let mut expected = Vec::new();
    for i in 0..300 {
        let line = text.matches('\n').count() + 1;
        text.push_str("Intro: ");
        expected.push((
            line,
            "Intro: ".chars().count() + finding.find("38").expect("figure") + 1,
        ));
        text.push_str(finding);
        text.push_str("\n\n");
        text.push_str(&filler.repeat(if i % 7 == 0 { 60 } else { 24 }));
        text.push_str("\n\n");
    }
    assert!(text.len() > 2 * 256 * 1024, "{} bytes", text.len());
    let path = dir.path().join("long.txt");
    std::fs::write(&path, &text).expect("written");
    let path = path.display().to_string();

    let checked = claimcheck(&["check", "--format", "json", "--exit-zero", &path], "2");
    assert!(
        checked.status.success(),
        "{}",
        String::from_utf8_lossy(&checked.stderr)
    );
    let findings: Vec<serde_json::Value> =
        serde_json::from_slice(&checked.stdout).expect("a JSON array");
    let found: Vec<(usize, usize)> = findings
        .iter()
        .filter(|f| f["rule"] == "study-contradiction")
        .map(|f| {
            (
                f["line"].as_u64().expect("line") as usize,
                f["column"].as_u64().expect("column") as usize,
            )
        })
        .collect();
    assert_eq!(
        found, expected,
        "every contradiction, at its place in the file"
    );

    let extracted = claimcheck(&["extract", "--format", "jsonl", &path], "2");
    assert!(extracted.status.success());
    let lines: Vec<&str> = text.split('\n').collect();
    let mut count = 0;
    for record in String::from_utf8_lossy(&extracted.stdout).lines() {
        let r: serde_json::Value = serde_json::from_str(record).expect("a JSON record");
        let (start, end) = (
            r["start"].as_u64().unwrap_or(0) as usize,
            r["end"].as_u64().unwrap_or(0) as usize,
        );
        assert_eq!(r["text"], text[start..end], "the file's bytes: {record}");
        let line = r["line"].as_u64().expect("line") as usize;
        let column = r["column"].as_u64().expect("column") as usize;
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        assert_eq!(line, text[..start].matches('\n').count() + 1, "{record}");
        assert_eq!(
            column,
            text[line_start..start].chars().count() + 1,
            "{record}"
        );
        assert!(lines[line - 1].contains(r["text"].as_str().expect("text")));
        count += 1;
    }
    // Each finding paragraph has 2 figures (2010, 38 percent) and each filler sentence 4.
    assert!(count > 300 * 2, "{count} records");
    let one_thread = claimcheck(&["extract", "--format", "jsonl", &path], "1");
    assert_eq!(
        one_thread.stdout, extracted.stdout,
        "the same bytes on one thread"
    );
}

/// The input is read a batch ahead of the work on it: bad documents among several batches
/// are each reported once, in the order they stand, every good document's figures are
/// written in order, and the run exits 2.
#[test]
fn bad_documents_across_batches_are_reported_in_order_and_the_rest_read() {
    let dir = tempfile::tempdir().expect("a folder");
    let mut lines = String::new();
    let bad = [10, 70, 140, 199];
    for i in 0..200 {
        if bad.contains(&i) {
            lines.push_str(&format!("{{\"id\": \"bad-{i}\", \"text\": \n"));
        } else {
            let text = format!("Document {i} says {} percent of 400 workers.", i % 90 + 1);
            let doc = serde_json::json!({ "id": format!("doc-{i:03}"), "text": text });
            lines.push_str(&doc.to_string());
            lines.push('\n');
        }
    }
    let path = dir.path().join("corpus.jsonl");
    std::fs::write(&path, lines).expect("corpus written");
    let path = path.display().to_string();
    for threads in ["1", "2"] {
        let run = claimcheck(&["extract", "--format", "jsonl", &path], threads);
        assert_eq!(run.status.code(), Some(2), "{threads} threads");
        let stderr = String::from_utf8_lossy(&run.stderr);
        let reported: Vec<usize> = stderr
            .lines()
            .filter(|l| l.starts_with("error:"))
            .map(|l| {
                let line = l.split(':').nth(2).expect("a line number");
                line.trim().parse::<usize>().expect("a number") - 1
            })
            .collect();
        assert_eq!(reported, bad, "{stderr}");
        let stdout = String::from_utf8_lossy(&run.stdout);
        let docs: Vec<usize> = stdout
            .lines()
            .map(|l| {
                let record: serde_json::Value = serde_json::from_str(l).expect("a record");
                let file = record["file"].as_str().expect("a file").to_owned();
                file.rsplit("doc-")
                    .next()
                    .expect("an id")
                    .parse()
                    .expect("a number")
            })
            .collect();
        let mut expected: Vec<usize> = (0..200).filter(|i| !bad.contains(i)).collect();
        expected.dedup();
        let mut seen = docs.clone();
        seen.dedup();
        assert_eq!(seen, expected, "every good document, in order");
    }
}

/// A panic while reading one file (injected, in debug builds, into every step of reading
/// the files whose name holds the marker) is an error naming that file; the files after it
/// are still read and checked, whatever the command and the thread count, and the exit code
/// is 2.
#[test]
fn a_panic_while_reading_one_file_leaves_the_files_after_it_read() {
    if !cfg!(debug_assertions) {
        return; // the failure is injected in debug builds only
    }
    let dir = tempfile::tempdir().expect("a folder");
    let corpus = dir.path().join("broken-reader.jsonl");
    let doc = serde_json::json!({ "id": "a", "text": "Some 40 percent of 500 workers." });
    std::fs::write(&corpus, format!("{doc}\n")).expect("corpus written");
    let corpus = corpus.display().to_string();
    let text = dir.path().join("broken-reader.txt");
    std::fs::write(&text, "Some 40 percent of 500 workers.\n").expect("text written");
    let text = text.display().to_string();
    let after = repo("data/examples/cambodia-migrants.txt");
    for (command, format) in [("check", "jsonl"), ("extract", "jsonl"), ("check", "csv")] {
        for threads in ["1", "2"] {
            let out = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
                .args([command, "--format", format, &corpus, &text, &after])
                .env("RAYON_NUM_THREADS", threads)
                .env_remove("CLAIMCHECK_DEBUG_PANIC_ON")
                .env("CLAIMCHECK_DEBUG_PANIC_ON_READING", "broken-reader")
                .output()
                .expect("claimcheck runs");
            let errors = String::from_utf8_lossy(&out.stderr);
            let what = format!("{command} {format} on {threads} threads: {errors}");
            assert_eq!(out.status.code(), Some(2), "{what}");
            for broken in [&corpus, &text] {
                let said = format!("error: {broken}: internal error, please report");
                assert_eq!(errors.matches(&said).count(), 1, "{what}");
            }
            assert!(!errors.contains("stopped unexpectedly"), "{what}");
            let output = String::from_utf8_lossy(&out.stdout);
            assert!(output.contains("cambodia-migrants.txt"), "{what}");
            assert!(!output.contains("broken-reader"), "{what}");
        }
    }
}
