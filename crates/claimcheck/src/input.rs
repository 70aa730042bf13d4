//! Reading what the user names: files, folders, standard input, and JSON Lines corpora.
//!
//! Every problem becomes a [`Problem`] naming the file (and line or byte where there is one);
//! the caller reports it and carries on with the other inputs.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use serde::Deserialize;

/// How to read an input file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum InputFormat {
    /// By extension: `.jsonl` is a corpus, anything else plain text.
    Auto,
    /// Each file one document (Markdown and HTML still read by their extension).
    Text,
    /// One JSON object per line with `id` and `text` fields.
    Jsonl,
}

/// One text to read, with the name records give it.
#[derive(Debug, Clone)]
pub struct Document {
    /// `path`, or `path#id` for a document of a corpus, or the stdin name.
    pub name: String,
    /// The text.
    pub text: String,
}

/// Something that kept an input from being read.
#[derive(Debug)]
pub struct Problem {
    /// The file (and line or byte) where it is.
    pub location: String,
    /// What is wrong; further lines, when there are any, are further problems found with it
    /// (every problem of a registry file), each with its own location.
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.location, self.message)
    }
}

/// A warning that does not stop the input from being read.
pub type Warning = Problem;

/// The file extensions read when walking a folder.
const TEXT_EXTENSIONS: &[&str] = &["txt", "md", "markdown", "html", "htm", "jsonl"];

/// Include and exclude globs for walking folders, relative to a root (the config file's
/// folder). Files named on the command line are always read.
#[derive(Debug, Default)]
pub struct Filter {
    overrides: Option<ignore::overrides::Override>,
}

impl Filter {
    /// A filter from include and exclude globs; an invalid glob is an error.
    pub fn new(root: &Path, include: &[String], exclude: &[String]) -> Result<Self, Problem> {
        if include.is_empty() && exclude.is_empty() {
            return Ok(Filter::default());
        }
        let mut b = ignore::overrides::OverrideBuilder::new(root);
        let bad = |g: &str, e: ignore::Error| Problem {
            location: "claimcheck.toml".to_owned(),
            message: format!("invalid glob `{g}`: {e}"),
        };
        for g in include {
            b.add(g).map_err(|e| bad(g, e))?;
        }
        for g in exclude {
            let neg = format!("!{g}");
            b.add(&neg).map_err(|e| bad(g, e))?;
        }
        let o = b.build().map_err(|e| bad("", e))?;
        Ok(Filter { overrides: Some(o) })
    }
}

/// The files a walk found, and what it could not read or passed over.
#[derive(Debug, Default)]
pub struct Expanded {
    /// The files to read, in order.
    pub files: Vec<PathBuf>,
    /// What kept a path from being read.
    pub problems: Vec<Problem>,
    /// Symbolic links passed over while walking folders (without `--follow`), per folder.
    pub skipped_links: Vec<(PathBuf, usize)>,
}

/// Expands the paths the user gave into files, walking folders (honouring `.gitignore`).
/// `-` stands for standard input. Sorted within each folder, so output is deterministic.
/// Include and exclude globs apply to walked folders only. Symbolic links inside folders are
/// followed when `follow` is set, else counted and passed over.
pub fn expand(paths: &[PathBuf], filter: &Filter, follow: bool) -> Expanded {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    let mut skipped_links = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            files.push(path.clone());
            continue;
        }
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => {
                let mut found = Vec::new();
                let mut links = 0;
                let mut builder = ignore::WalkBuilder::new(path);
                builder
                    .sort_by_file_path(|a, b| a.cmp(b))
                    .follow_links(follow);
                if let Some(o) = &filter.overrides {
                    builder.overrides(o.clone());
                }
                let walker = builder.build();
                for entry in walker {
                    match entry {
                        Ok(e) if e.file_type().is_some_and(|t| t.is_file()) => {
                            let p = e.into_path();
                            let ext = p
                                .extension()
                                .and_then(|e| e.to_str())
                                .map(str::to_ascii_lowercase);
                            if ext.is_some_and(|e| TEXT_EXTENSIONS.contains(&e.as_str())) {
                                found.push(p);
                            }
                        }
                        Ok(e) if e.path_is_symlink() => links += 1,
                        Ok(_) => {}
                        Err(e) => problems.push(Problem {
                            location: path.display().to_string(),
                            message: e.to_string(),
                        }),
                    }
                }
                files.extend(found);
                if links > 0 {
                    skipped_links.push((path.clone(), links));
                }
            }
            Ok(_) => files.push(path.clone()),
            Err(e) => problems.push(Problem {
                location: path.display().to_string(),
                message: io_message(&e),
            }),
        }
    }
    Expanded {
        files,
        problems,
        skipped_links,
    }
}

/// A readable message for an I/O error, without the OS error number.
pub fn io_message(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or directory".to_owned(),
        io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => e.to_string(),
    }
}

/// Whether a file is read as a corpus of JSON Lines documents.
pub fn is_corpus(path: &Path, format: InputFormat) -> bool {
    match format {
        InputFormat::Jsonl => true,
        InputFormat::Text => false,
        InputFormat::Auto => path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("jsonl")),
    }
}

/// Reads a whole input as one text: bytes checked for binary content and UTF-8.
pub fn read_text(
    path: &Path,
    stdin_name: &str,
    encoding: Option<&'static encoding_rs::Encoding>,
) -> Result<(Document, Vec<Warning>), Problem> {
    let name = display_name(path, stdin_name);
    let mut bytes = Vec::new();
    let read = if path.as_os_str() == "-" {
        use std::io::IsTerminal;
        if io::stdin().is_terminal() {
            return Err(Problem {
                location: name,
                message:
                    "standard input is a terminal: name files or folders to read, or pipe text in"
                        .to_owned(),
            });
        }
        io::stdin().lock().read_to_end(&mut bytes)
    } else {
        File::open(path).and_then(|mut f| f.read_to_end(&mut bytes))
    };
    read.map_err(|e| Problem {
        location: name.clone(),
        message: io_message(&e),
    })?;
    let (text, how) = decode_text(bytes, &name, encoding)?;
    let mut warnings: Vec<Warning> = how.into_iter().collect();
    if text.trim().is_empty() {
        warnings.push(Problem {
            location: name.clone(),
            message: "empty input: nothing to check".to_owned(),
        });
    }
    Ok((Document { name, text }, warnings))
}

/// The name records give an input.
pub fn display_name(path: &Path, stdin_name: &str) -> String {
    if path.as_os_str() == "-" {
        stdin_name.to_owned()
    } else {
        path.display().to_string()
    }
}

/// Checks bytes for binary content and valid UTF-8. A file is binary when a NUL byte appears
/// in its first 8 KiB; invalid UTF-8 is reported with the byte offset, and the file skipped
/// (decoding it lossily would move every offset after the bad byte).
pub fn decode(bytes: Vec<u8>, name: &str) -> Result<String, Problem> {
    let head = &bytes[..bytes.len().min(8192)];
    if memchr_nul(head) {
        return Err(Problem {
            location: name.to_owned(),
            message: "binary file (contains NUL bytes), skipped".to_owned(),
        });
    }
    let bytes = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        Problem {
            location: format!("{name}:{line}"),
            message: format!("invalid UTF-8 at byte {at}, file skipped"),
        }
    })
}

/// Decodes an article: with `encoding` when the user chose one, else by its byte-order mark
/// (UTF-8, UTF-16LE, UTF-16BE), else as UTF-8 when it is valid, else as Windows-1252 (the
/// commonest encoding of older Western text, and a superset of Latin-1's printable
/// characters). Any decoding other than plain UTF-8 is said in a warning, so the user knows
/// how each file was read; positions are those of the decoded text.
pub fn decode_text(
    bytes: Vec<u8>,
    name: &str,
    encoding: Option<&'static encoding_rs::Encoding>,
) -> Result<(String, Option<Warning>), Problem> {
    let said = |how: String| {
        Some(Problem {
            location: name.to_owned(),
            message: how,
        })
    };
    let chosen = encoding.or_else(|| encoding_rs::Encoding::for_bom(&bytes).map(|(e, _)| e));
    match chosen {
        Some(e) if e == encoding_rs::UTF_8 => decode(bytes, name).map(|t| (t, None)),
        Some(e) => {
            // `decode` strips a BOM of the encoding; malformed sequences become U+FFFD,
            // which is one character, so lines and columns stay right.
            let (text, _, malformed) = e.decode(&bytes);
            let how = if malformed {
                format!(
                    "decoded as {} (some bytes were not valid in it and read as �)",
                    e.name()
                )
            } else {
                format!("decoded as {}", e.name())
            };
            Ok((text.into_owned(), said(how)))
        }
        None => {
            if memchr_nul(&bytes[..bytes.len().min(8192)]) {
                return decode(bytes, name).map(|t| (t, None));
            }
            match String::from_utf8(bytes) {
                Ok(text) => Ok((text, None)),
                Err(e) => {
                    let at = e.utf8_error().valid_up_to();
                    let bytes = e.into_bytes();
                    let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
                    let (text, _, _) = encoding_rs::WINDOWS_1252.decode(&bytes);
                    let how = format!(
                        "not UTF-8 (line {line}, byte {at}), decoded as windows-1252; pass --encoding to choose"
                    );
                    Ok((text.into_owned(), said(how)))
                }
            }
        }
    }
}

fn memchr_nul(bytes: &[u8]) -> bool {
    bytes.contains(&0)
}

#[derive(Deserialize)]
struct CorpusLine {
    id: serde_json::Value,
    text: String,
}

/// Streams the documents of a JSON Lines corpus, one line at a time, so that memory is
/// bounded by the largest document. Each item is a document or a problem with its line.
pub fn corpus(
    path: &Path,
    stdin_name: &str,
) -> Result<impl Iterator<Item = Result<Document, Problem>>, Problem> {
    let name = display_name(path, stdin_name);
    let reader: Box<dyn BufRead> = if path.as_os_str() == "-" {
        Box::new(BufReader::new(io::stdin()))
    } else {
        Box::new(BufReader::new(File::open(path).map_err(|e| Problem {
            location: name.clone(),
            message: io_message(&e),
        })?))
    };
    Ok(corpus_reader(reader, name))
}

/// Streams the documents of a JSON Lines corpus from any reader, naming them `name#id`: what
/// [`corpus`] does with a file or standard input (the fuzz targets feed it bytes).
pub fn corpus_reader(
    reader: Box<dyn BufRead>,
    name: String,
) -> impl Iterator<Item = Result<Document, Problem>> {
    CorpusReader {
        reader,
        name,
        line: 0,
        buf: Vec::new(),
        done: false,
    }
}

struct CorpusReader {
    reader: Box<dyn BufRead>,
    name: String,
    line: usize,
    buf: Vec<u8>,
    done: bool,
}

impl Iterator for CorpusReader {
    type Item = Result<Document, Problem>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.done {
                return None;
            }
            self.buf.clear();
            self.line += 1;
            match self.reader.read_until(b'\n', &mut self.buf) {
                Ok(0) => return None,
                Ok(_) => {}
                Err(e) => {
                    self.done = true;
                    return Some(Err(Problem {
                        location: format!("{}:{}", self.name, self.line),
                        message: io_message(&e),
                    }));
                }
            }
            let line = self.buf.trim_ascii();
            if line.is_empty() {
                continue;
            }
            let location = format!("{}:{}", self.name, self.line);
            let parsed: Result<CorpusLine, _> = serde_json::from_slice(line);
            return Some(match parsed {
                Ok(doc) => {
                    let id = match doc.id {
                        serde_json::Value::String(s) => s,
                        other => other.to_string(),
                    };
                    Ok(Document {
                        name: format!("{}#{}", self.name, id),
                        text: doc.text,
                    })
                }
                Err(e) => Err(Problem {
                    location,
                    message: format!(
                        "not a corpus document (a JSON object with `id` and `text`): {e}"
                    ),
                }),
            });
        }
    }
}

/// Calls `f` with every document the user named, in order, reporting problems as it goes.
/// Corpus files stream one document at a time.
pub fn for_each_document(
    args: &crate::cli::InputArgs,
    reporter: &crate::reporter::Reporter,
    f: impl FnMut(Document) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    for_each_filtered(args, &Filter::default(), reporter, f)
}

/// [`for_each_document`] with include and exclude globs for walked folders.
pub fn for_each_filtered(
    args: &crate::cli::InputArgs,
    filter: &Filter,
    reporter: &crate::reporter::Reporter,
    mut f: impl FnMut(Document) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let Expanded {
        files,
        problems,
        skipped_links,
    } = expand(&args.paths, filter, args.follow);
    for p in &problems {
        reporter.error(p);
    }
    for (folder, count) in &skipped_links {
        reporter.warning(&Problem {
            location: folder.display().to_string(),
            message: format!(
                "{count} symbolic link{} not followed (pass --follow to read through links)",
                if *count == 1 { "" } else { "s" }
            ),
        });
    }
    for path in &files {
        if is_corpus(path, args.input_format) {
            match corpus(path, &args.stdin_filename) {
                Ok(docs) => {
                    for doc in docs {
                        match doc {
                            Ok(doc) => f(doc)?,
                            Err(p) => reporter.error(&p),
                        }
                    }
                }
                Err(p) => reporter.error(&p),
            }
        } else {
            match read_text(path, &args.stdin_filename, args.encoding) {
                Ok((doc, warnings)) => {
                    for w in &warnings {
                        reporter.warning(w);
                    }
                    f(doc)?;
                }
                Err(p) => reporter.error(&p),
            }
        }
    }
    Ok(())
}

/// Like [`for_each_document`], but hands documents over in batches of up to `size`, so that
/// a batch can be checked in parallel while memory stays bounded.
pub fn for_each_batch(
    args: &crate::cli::InputArgs,
    filter: &Filter,
    reporter: &crate::reporter::Reporter,
    size: usize,
    mut f: impl FnMut(&[Document]) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let mut batch = Vec::with_capacity(size);
    for_each_filtered(args, filter, reporter, |doc| {
        batch.push(doc);
        if batch.len() >= size {
            f(&batch)?;
            batch.clear();
        }
        Ok(())
    })?;
    if !batch.is_empty() {
        f(&batch)?;
    }
    Ok(())
}
