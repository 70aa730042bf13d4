//! Reading what the user names: files, folders, standard input, and JSON Lines corpora.
//!
//! Every problem becomes a [`Problem`] naming the file (and line or byte where there is one);
//! the caller reports it and carries on with the other inputs.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use claimcheck_parser::Origin;
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

/// A document, or one window of a long file: its text and where that text starts in the file.
#[derive(Debug, Clone)]
pub struct Part {
    /// The text, named by the file (or `path#id`, or the stdin name).
    pub doc: Document,
    /// Where the text starts in the file; zero for a document read whole.
    pub origin: Origin,
}

/// How files are handed over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// Each file whole, as one document.
    Whole,
    /// A plain-text or Markdown file longer than this many bytes in windows of at most this
    /// many, read one at a time, so that memory is bounded by the window and not by the file.
    /// HTML (whose markup can span any cut), files in an encoding other than UTF-8 and corpus
    /// documents are read whole.
    Windows(usize),
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
    let reader = open(path, &name)?;
    let (part, warnings) = Parts::new(reader, name, encoding, usize::MAX, true).whole()?;
    Ok((part.doc, warnings))
}

/// Opens a file, or standard input for `-` (unless it is a terminal, which would wait for
/// typing), for reading; `name` is what problems call it.
fn open(path: &Path, name: &str) -> Result<Box<dyn Read>, Problem> {
    if path.as_os_str() == "-" {
        use std::io::IsTerminal;
        if io::stdin().is_terminal() {
            return Err(Problem {
                location: name.to_owned(),
                message:
                    "standard input is a terminal: name files or folders to read, or pipe text in"
                        .to_owned(),
            });
        }
        return Ok(Box::new(io::stdin()));
    }
    match File::open(path) {
        Ok(file) => Ok(Box::new(file)),
        Err(e) => Err(Problem {
            location: name.to_owned(),
            message: io_message(&e),
        }),
    }
}

/// Reads an input a window at a time ([`Reading::Windows`]): the parts of the file in order,
/// each a document named by the file with its origin in it. A file no longer than a window,
/// HTML, a file that starts with a byte-order mark other than UTF-8's or with binary bytes, a
/// file whose first window is not UTF-8 and a chosen encoding other than UTF-8 are read whole,
/// as [`read_text`] reads them (one part). A later window that is not UTF-8 ends the file with
/// a problem at its line and byte: the parts before it have been handed over.
pub fn read_parts(
    path: &Path,
    stdin_name: &str,
    encoding: Option<&'static encoding_rs::Encoding>,
    window: usize,
) -> Result<Parts, Problem> {
    let name = display_name(path, stdin_name);
    let reader = open(path, &name)?;
    let whole = crate::markup::is_html(&name) || encoding.is_some_and(|e| e != encoding_rs::UTF_8);
    Ok(Parts::new(reader, name, encoding, window, whole))
}

/// The parts of one input, read as they are asked for: see [`read_parts`]. Each item is a
/// part with the warnings about how it was read, or the problem that ends the input.
pub struct Parts {
    reader: Box<dyn Read>,
    name: String,
    encoding: Option<&'static encoding_rs::Encoding>,
    window: usize,
    buf: Vec<u8>,
    origin: Origin,
    state: PartsState,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PartsState {
    /// Read the rest whole, as one document.
    Whole,
    /// Nothing handed over yet: decide between whole and windows.
    First,
    /// Handing over windows.
    Windows,
    /// Nothing more.
    Done,
}

impl Parts {
    fn new(
        reader: Box<dyn Read>,
        name: String,
        encoding: Option<&'static encoding_rs::Encoding>,
        window: usize,
        whole: bool,
    ) -> Self {
        Parts {
            reader,
            name,
            encoding,
            window: window.max(16),
            buf: Vec::new(),
            origin: Origin::default(),
            state: if whole {
                PartsState::Whole
            } else {
                PartsState::First
            },
        }
    }

    /// Reads until the buffer holds more than a window, or the input ends. Whether it ended.
    fn fill(&mut self) -> Result<bool, Problem> {
        while self.buf.len() <= self.window {
            let want = (self.window.saturating_add(1) - self.buf.len()).max(64 * 1024) as u64;
            match (&mut self.reader).take(want).read_to_end(&mut self.buf) {
                Ok(0) => return Ok(true),
                Ok(_) => {}
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => {
                    return Err(Problem {
                        location: format!("{}:{}", self.name, self.origin.line + 1),
                        message: io_message(&e),
                    });
                }
            }
        }
        Ok(false)
    }

    /// The rest of the input as one document, decoded as [`read_text`] decodes a file.
    fn whole(&mut self) -> Result<(Part, Vec<Warning>), Problem> {
        let mut bytes = std::mem::take(&mut self.buf);
        self.reader.read_to_end(&mut bytes).map_err(|e| Problem {
            location: self.name.clone(),
            message: io_message(&e),
        })?;
        let (text, how) = decode_text(bytes, &self.name, self.encoding)?;
        let mut warnings: Vec<Warning> = how.into_iter().collect();
        if text.trim().is_empty() {
            warnings.push(Problem {
                location: self.name.clone(),
                message: "empty input: nothing to check".to_owned(),
            });
        }
        let doc = Document {
            name: self.name.clone(),
            text,
        };
        Ok((
            Part {
                doc,
                origin: Origin::default(),
            },
            warnings,
        ))
    }

    fn next_part(&mut self) -> Result<Option<(Part, Vec<Warning>)>, Problem> {
        if self.state == PartsState::Done {
            return Ok(None);
        }
        if self.state == PartsState::Whole {
            self.state = PartsState::Done;
            return self.whole().map(Some);
        }
        let ended = self.fill()?;
        if self.state == PartsState::First {
            let head = &self.buf[..self.buf.len().min(8192)];
            let bom = encoding_rs::Encoding::for_bom(&self.buf).map(|(e, _)| e);
            let first = &self.buf[..self.buf.len().min(self.window)];
            let valid = match std::str::from_utf8(first) {
                Ok(_) => true,
                // Only a character cut at the window's end.
                Err(e) => e.error_len().is_none(),
            };
            if ended && self.buf.len() <= self.window
                || memchr_nul(head)
                || bom.is_some_and(|e| e != encoding_rs::UTF_8)
                || !valid
            {
                self.state = PartsState::Done;
                return self.whole().map(Some);
            }
            if bom == Some(encoding_rs::UTF_8) {
                self.buf.drain(..3);
            }
            self.state = PartsState::Windows;
        }
        if self.buf.is_empty() {
            self.state = PartsState::Done;
            return Ok(None);
        }
        let bytes = &self.buf;
        let cut = if ended && bytes.len() <= self.window {
            bytes.len()
        } else {
            // A character boundary: not a UTF-8 continuation byte.
            crate::check::next_cut(bytes, 0, self.window, |i| {
                i >= bytes.len() || (bytes[i] as i8) >= -0x40
            })
        };
        let text = match std::str::from_utf8(&self.buf[..cut]) {
            Ok(text) => text.to_owned(),
            Err(e) => {
                self.state = PartsState::Done;
                let at = e.valid_up_to();
                let before = Origin::default()
                    .after(std::str::from_utf8(&self.buf[..at]).unwrap_or_default());
                return Err(Problem {
                    location: format!("{}:{}", self.name, self.origin.line + before.line + 1),
                    message: format!(
                        "invalid UTF-8 at byte {}: the rest of the file is not read (the part before it was); pass --encoding to read the file whole in another encoding",
                        self.origin.byte + at
                    ),
                });
            }
        };
        // A copy, not the buffer itself: the buffer holds a little of the next window, and
        // handing it over (shrunk) was tried and held 7-13 MB more at peak for 0.6% fewer
        // instructions.
        self.buf.drain(..cut);
        let origin = self.origin;
        self.origin = origin.after(&text);
        Ok(Some((
            Part {
                doc: Document {
                    name: self.name.clone(),
                    text,
                },
                origin,
            },
            Vec::new(),
        )))
    }
}

impl Iterator for Parts {
    type Item = Result<(Part, Vec<Warning>), Problem>;

    fn next(&mut self) -> Option<Self::Item> {
        match self.next_part() {
            Ok(part) => part.map(Ok),
            Err(p) => {
                self.state = PartsState::Done;
                Some(Err(p))
            }
        }
    }
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
) -> Result<impl Iterator<Item = Result<Document, Problem>> + use<>, Problem> {
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
            let parsed: Result<CorpusLine, _> = serde_json::from_slice(line);
            return Some(match parsed {
                Ok(doc) => {
                    let id = match doc.id {
                        serde_json::Value::String(s) => s,
                        other => other.to_string(),
                    };
                    Ok(Document {
                        // Joined at its length: a corpus of one-sentence documents names
                        // a document for every sentence.
                        name: [self.name.as_str(), "#", &id].concat(),
                        text: doc.text,
                    })
                }
                Err(e) => Err(Problem {
                    location: format!("{}:{}", self.name, self.line),
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
    for_each_part(args, filter, reporter, Reading::Whole, |part| f(part.doc))
}

/// Calls `f` with every part of every document the user named, in order, reporting problems
/// as it goes: each document whole, or long files in windows ([`Reading`]). Corpus files
/// stream one document at a time.
pub fn for_each_part(
    args: &crate::cli::InputArgs,
    filter: &Filter,
    reporter: &crate::reporter::Reporter,
    reading: Reading,
    mut f: impl FnMut(Part) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    for_each_item(args, filter, reading, |item| match item {
        Item::Part(part) => f(part),
        Item::Error(p) => {
            reporter.error(&p);
            Ok(())
        }
        Item::Warning(p) => {
            reporter.warning(&p);
            Ok(())
        }
    })
}

/// What reading the input hands over, in the order it is read: a part to work on, or a
/// problem to report at that point.
enum Item {
    Part(Part),
    Error(Problem),
    Warning(Problem),
}

/// Reads every part of every document the user named, in order, handing over each part and
/// each problem as [`for_each_part`] reports it.
fn for_each_item(
    args: &crate::cli::InputArgs,
    filter: &Filter,
    reading: Reading,
    mut f: impl FnMut(Item) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let Expanded {
        files,
        problems,
        skipped_links,
    } = expand(&args.paths, filter, args.follow);
    for p in problems {
        f(Item::Error(p))?;
    }
    for (folder, count) in &skipped_links {
        f(Item::Warning(Problem {
            location: folder.display().to_string(),
            message: format!(
                "{count} symbolic link{} not followed (pass --follow to read through links)",
                if *count == 1 { "" } else { "s" }
            ),
        }))?;
    }
    for path in &files {
        // Each step of reading a file is guarded: a bug met while reading one file ends that
        // file with an error naming it, and the files after it are still read.
        let name = display_name(path, &args.stdin_filename);
        let mut items =
            match crate::reporter::isolate_reading(&name, || items_of(path, args, reading)) {
                Ok(items) => items,
                Err(p) => {
                    f(Item::Error(p))?;
                    continue;
                }
            };
        loop {
            match crate::reporter::isolate_reading(&name, || items.next()) {
                Ok(Some(item)) => f(item)?,
                Ok(None) => break,
                Err(p) => {
                    f(Item::Error(p))?;
                    break;
                }
            }
        }
    }
    Ok(())
}

/// What reading the file at `path` hands over, read as it is asked for: a corpus a document
/// at a time, a text whole or (with [`Reading::Windows`]) a window at a time, each part
/// after the warnings about how it was read, and a problem where reading stops.
fn items_of(
    path: &Path,
    args: &crate::cli::InputArgs,
    reading: Reading,
) -> Box<dyn Iterator<Item = Item>> {
    let whole = |doc| {
        Item::Part(Part {
            doc,
            origin: Origin::default(),
        })
    };
    if is_corpus(path, args.input_format) {
        return match corpus(path, &args.stdin_filename) {
            Ok(docs) => Box::new(docs.map(move |doc| doc.map_or_else(Item::Error, whole))),
            Err(p) => Box::new(std::iter::once(Item::Error(p))),
        };
    }
    let Reading::Windows(window) = reading else {
        return match read_text(path, &args.stdin_filename, args.encoding) {
            Ok((doc, warnings)) => Box::new(
                warnings
                    .into_iter()
                    .map(Item::Warning)
                    .chain(std::iter::once(whole(doc))),
            ),
            Err(p) => Box::new(std::iter::once(Item::Error(p))),
        };
    };
    match read_parts(path, &args.stdin_filename, args.encoding, window) {
        Ok(parts) => Box::new(parts.flat_map(|part| match part {
            Ok((part, warnings)) => {
                let mut items: Vec<Item> = warnings.into_iter().map(Item::Warning).collect();
                items.push(Item::Part(part));
                items
            }
            Err(p) => vec![Item::Error(p)],
        })),
        Err(p) => Box::new(std::iter::once(Item::Error(p))),
    }
}

/// How many parts (documents, or windows of a long file) the commands put in a batch, short
/// of [`BATCH_BYTES`]. Each batch costs a hand-over to the thread pool and back, and wakes
/// threads that sleep between batches. On two threads (`scripts/side-by-side.sh` with
/// `SIDE_BY_SIDE_THREADS=2`), 256 rather than 64 took 3% off `extract` and 2% off `check` on
/// 100 MB of news as a corpus (about 46,000 documents), and 9% and 5% on one-sentence
/// documents. On that corpus the peak rose from 24 to 39 MB for `extract` (which holds two
/// batches' JSON) and from 18 to 22 MB for `check`. Larger batches gained no more and held
/// more (512: 50 MB for `extract`).
pub const BATCH_PARTS: usize = 256;

/// How many parts reading may run ahead of the batch being worked on: one batch more. The
/// text they hold is bounded apart ([`ReadAhead`]).
const READ_AHEAD_BATCHES: usize = 1;

/// How many bytes of text a batch holds at most (a part is never split): eight windows of a
/// long file. Every part's output is held until its batch is written, and `extract` writes
/// about 3.5 bytes for each byte read: sixty-four windows held about 60 MB at a time, and
/// sixteen nearly halved that (saving 2–3.5% of `extract`'s time on one core: fewer fresh
/// pages to fault in). Since two batches are worked on at once ([`BATCHES_IN_FLIGHT`]), eight
/// keep the peak where sixteen had it (on 100 MB of news, `extract` on two threads: 67 MB;
/// sixteen in flight two at a time held 103 MB). A corpus's documents are far smaller: their
/// batches stay at the count the caller asks for.
const BATCH_BYTES: usize = 2 << 20;

/// The text read but not yet taken into a batch, held to one batch's bytes
/// ([`BATCH_BYTES`] × [`READ_AHEAD_BATCHES`]): the parts waiting are counted apart
/// ([`BATCH_PARTS`] of them), and 256 windows of a long file would hold 64 MB where a
/// batch holds eight. Reading waits until the text fits, or until nothing is held (a part
/// larger than the budget goes alone), or until the batches stop.
struct ReadAhead {
    /// The bytes held, and whether the batches have stopped.
    held: std::sync::Mutex<(usize, bool)>,
    /// Signalled when bytes are taken or the batches stop.
    room: std::sync::Condvar,
}

impl ReadAhead {
    const BYTES: usize = BATCH_BYTES * READ_AHEAD_BATCHES;

    fn new() -> Self {
        ReadAhead {
            held: std::sync::Mutex::new((0, false)),
            room: std::sync::Condvar::new(),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, (usize, bool)> {
        // The count stays right whatever thread panicked while holding it: each side changes
        // it in one step.
        self.held
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Waits until `bytes` more may be held, and holds them; false once the batches stopped.
    fn hold(&self, bytes: usize) -> bool {
        let mut held = self.lock();
        while !held.1 && held.0 > 0 && held.0 + bytes > Self::BYTES {
            held = self
                .room
                .wait(held)
                .unwrap_or_else(std::sync::PoisonError::into_inner);
        }
        held.0 += bytes;
        !held.1
    }

    /// Lets `bytes` go, taken into a batch.
    fn take(&self, bytes: usize) {
        let mut held = self.lock();
        held.0 = held.0.saturating_sub(bytes);
        self.room.notify_one();
    }

    /// Stops reading at its next part: the batches have stopped.
    fn stop(&self) {
        self.lock().1 = true;
        self.room.notify_all();
    }
}

/// Stops reading ahead when dropped: when the batches end, normally, by an error or by a
/// panic, so that a reader waiting for room never waits for ever.
struct StopOnDrop<'a>(&'a ReadAhead);

impl Drop for StopOnDrop<'_> {
    fn drop(&mut self) {
        self.0.stop();
    }
}

/// A batch of parts handed to the work, with where it stands in the input: a command that
/// numbers its documents (the HTML report's articles) numbers a batch's before the batches
/// ahead of it are done.
#[derive(Debug)]
pub struct Batch {
    /// The parts, in the order of the input.
    pub parts: Vec<Part>,
    /// How many parts the batches before this one held.
    pub first: usize,
}

impl Batch {
    /// `work` of each part, on the thread pool, in order, with the part's place in the input
    /// (0 for the first part read). Each part's work runs isolated ([`Reporter::isolate`]): a
    /// part whose work panics is reported and gives `None`, and the others go on.
    ///
    /// [`Reporter::isolate`]: crate::reporter::Reporter::isolate
    pub fn each_isolated<T: Send>(
        &self,
        reporter: &crate::reporter::Reporter,
        work: impl Fn(usize, &Part) -> T + Sync,
    ) -> Vec<Option<T>> {
        use rayon::prelude::*;
        self.parts
            .par_iter()
            .enumerate()
            .map(|(i, part)| reporter.isolate(&part.doc.name, || work(self.first + i, part)))
            .collect()
    }
}

impl std::ops::Deref for Batch {
    type Target = [Part];

    fn deref(&self) -> &[Part] {
        &self.parts
    }
}

/// How many batches are worked on at once: the one whose results are awaited, and the next,
/// whose parts the threads take up as they finish the first's. With one, every batch ended
/// with a thread idle while the other finished the batch's last part.
const BATCHES_IN_FLIGHT: usize = 2;

/// Like [`for_each_part`], but hands parts over in batches of up to `size` parts and
/// [`BATCH_BYTES`] of text, in two steps: `work` makes each batch's results on the thread pool
/// (its parts in parallel, as it chooses), and `emit` takes the results in the order of the
/// input, so that a batch is worked on in parallel while memory stays bounded. The input is
/// read on a thread of its own, up to a batch ahead, so that reading (opening files,
/// decoding, parsing a corpus's JSON) overlaps the work on the batch before. The next batch is
/// worked on while one is awaited, so that no thread waits at the end of a batch for the
/// others. Problems met in reading are reported here, in the order they are read, just before
/// the results of the batch they came before.
pub fn map_batches<T: Send>(
    args: &crate::cli::InputArgs,
    filter: &Filter,
    reporter: &crate::reporter::Reporter,
    reading: Reading,
    size: usize,
    work: impl Fn(Batch) -> T + Sync,
    mut emit: impl FnMut(T) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let size = size.max(1);
    let (send, receive) = std::sync::mpsc::sync_channel::<Item>(size * READ_AHEAD_BATCHES);
    let ahead = ReadAhead::new();
    std::thread::scope(|scope| {
        let ahead = &ahead;
        let reader = scope.spawn(move || {
            // A part waits for room, and a send fails, only once the batches have stopped
            // (an error, or output closed): reading stops with them.
            let _ = for_each_item(args, filter, reading, |item| {
                if let Item::Part(part) = &item
                    && !ahead.hold(part.doc.text.len())
                {
                    anyhow::bail!("the batches stopped");
                }
                send.send(item)
                    .map_err(|_| anyhow::anyhow!("the batches stopped"))
            });
        });
        let stop_reading = StopOnDrop(ahead);
        let report = |items: Vec<Item>| {
            for item in items {
                match item {
                    Item::Error(p) => reporter.error(&p),
                    Item::Warning(p) => reporter.warning(&p),
                    Item::Part(_) => {}
                }
            }
        };
        let work = &work;
        let worked = rayon::in_place_scope(|pool| {
            // The batches being worked on, oldest first: the problems read before each, and
            // where its results arrive.
            let mut in_flight = std::collections::VecDeque::new();
            // The parts handed to the batches so far.
            let mut started = 0;
            let mut start = |parts: Vec<Part>| {
                let batch = Batch {
                    first: started,
                    parts,
                };
                started += batch.parts.len();
                let (done, results) = std::sync::mpsc::sync_channel::<T>(1);
                pool.spawn(move |_| {
                    let _ = done.send(work(batch));
                });
                results
            };
            let mut finish = |(before, results): (Vec<Item>, std::sync::mpsc::Receiver<T>)| {
                report(before);
                // A batch's work sends nothing only if it panicked outside every document's
                // guard; the panic itself is raised when the scope ends.
                let results = results
                    .recv()
                    .map_err(|_| anyhow::anyhow!("the work on a batch stopped unexpectedly"))?;
                emit(results)
            };
            let mut batch = Vec::with_capacity(size);
            let mut before = Vec::new();
            let mut bytes = 0;
            for item in receive.iter() {
                if let Item::Part(part) = item {
                    ahead.take(part.doc.text.len());
                    bytes += part.doc.text.len();
                    batch.push(part);
                    if batch.len() >= size || bytes >= BATCH_BYTES {
                        let full = std::mem::replace(&mut batch, Vec::with_capacity(size));
                        in_flight.push_back((std::mem::take(&mut before), start(full)));
                        bytes = 0;
                        if in_flight.len() >= BATCHES_IN_FLIGHT
                            && let Some(oldest) = in_flight.pop_front()
                        {
                            finish(oldest)?;
                        }
                    }
                } else {
                    before.push(item);
                }
            }
            if !batch.is_empty() {
                in_flight.push_back((std::mem::take(&mut before), start(batch)));
            }
            while let Some(oldest) = in_flight.pop_front() {
                finish(oldest)?;
            }
            report(before);
            Ok(())
        });
        // Dropping the receiver ends reading early when the batches stopped.
        drop(stop_reading);
        drop(receive);
        if reader.join().is_err() {
            // Each file's reading is guarded (a panic there is an error naming the file);
            // this is a panic outside any one file, such as while listing folders.
            reporter.error(&Problem {
                location: "input".to_owned(),
                message: "reading the input stopped unexpectedly".to_owned(),
            });
        }
        worked
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Input arguments reading `paths`, otherwise the defaults.
    fn input_args(paths: Vec<PathBuf>) -> crate::cli::InputArgs {
        crate::cli::InputArgs {
            paths,
            input_format: InputFormat::Auto,
            stdin_filename: "<stdin>".to_owned(),
            config: None,
            encoding: None,
            follow: false,
        }
    }

    #[test]
    fn batches_worked_on_together_are_emitted_in_input_order() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let names: Vec<String> = (0..40).map(|i| format!("doc-{i:02}.txt")).collect();
        for n in &names {
            std::fs::write(dir.path().join(n), format!("{n} holds 12 figures.")).expect("written");
        }
        let args = input_args(vec![dir.path().to_path_buf()]);
        let reporter = crate::reporter::Reporter::default();
        let mut emitted = Vec::new();
        // One part a batch; an early batch's work takes longest, so later ones finish first.
        map_batches(
            &args,
            &Filter::default(),
            &reporter,
            Reading::Whole,
            1,
            |batch| {
                let name = batch[0].doc.name.clone();
                let wait = if name.ends_with("doc-00.txt") {
                    50
                } else {
                    name.len() % 3
                };
                std::thread::sleep(std::time::Duration::from_millis(wait as u64));
                name
            },
            |name| {
                emitted.push(name);
                Ok(())
            },
        )
        .expect("read");
        let mut expected: Vec<String> = emitted.clone();
        expected.sort();
        assert_eq!(emitted.len(), names.len());
        assert_eq!(emitted, expected, "in the order of the input");
        assert!(
            emitted
                .iter()
                .zip(&names)
                .all(|(e, n)| e.ends_with(n.as_str()))
        );
    }

    #[test]
    fn an_emit_that_fails_stops_the_batches() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        for i in 0..30 {
            std::fs::write(dir.path().join(format!("doc-{i:02}.txt")), "12 figures.")
                .expect("written");
        }
        let args = input_args(vec![dir.path().to_path_buf()]);
        let reporter = crate::reporter::Reporter::default();
        let mut emitted = 0;
        let worked = map_batches(
            &args,
            &Filter::default(),
            &reporter,
            Reading::Whole,
            1,
            |batch| batch.len(),
            |_| {
                emitted += 1;
                if emitted == 3 {
                    anyhow::bail!("output closed");
                }
                Ok(())
            },
        );
        assert!(worked.is_err());
        assert_eq!(emitted, 3, "nothing is emitted after the failure");
    }

    #[test]
    fn reading_ahead_waits_for_room_and_stops_with_the_batches() {
        let ahead = ReadAhead::new();
        assert!(
            ahead.hold(ReadAhead::BYTES - 10),
            "room while little is held"
        );
        let (done, waited) = std::sync::mpsc::channel();
        std::thread::scope(|scope| {
            scope.spawn(|| {
                let held = ahead.hold(20);
                let _ = done.send(held);
            });
            // 20 more bytes do not fit: the reader waits until some are taken.
            assert!(
                waited
                    .recv_timeout(std::time::Duration::from_millis(100))
                    .is_err(),
                "a part that does not fit waits"
            );
            ahead.take(ReadAhead::BYTES - 10);
            let held = waited.recv_timeout(std::time::Duration::from_secs(10));
            ahead.stop(); // so that a failure ends the test
            assert_eq!(held, Ok(true), "taken into a batch, the bytes make room");
        });
        // A part larger than the whole budget goes alone, when nothing else is held.
        let ahead = ReadAhead::new();
        assert!(ahead.hold(3 * ReadAhead::BYTES));
        let (done, waited) = std::sync::mpsc::channel();
        std::thread::scope(|scope| {
            scope.spawn(|| {
                let _ = done.send(ahead.hold(1));
            });
            ahead.stop();
            let stopped = waited.recv_timeout(std::time::Duration::from_secs(10));
            // Room for the reader in any case, so that a failure ends the test.
            ahead.take(3 * ReadAhead::BYTES);
            assert_eq!(
                stopped,
                Ok(false),
                "a reader waiting for room stops when the batches stop"
            );
        });
    }

    #[test]
    fn a_long_file_whose_output_fails_is_not_read_to_its_end() {
        // Far more text than reading may hold ahead: reading must stop when emitting fails,
        // not wait for room that no batch will make.
        const { assert!(BATCH_PARTS * 16 * 1024 > ReadAhead::BYTES) };
        let dir = tempfile::tempdir().expect("a temporary folder");
        let line = "In 2020, 12 of the 40 workers said so.\n\n";
        let text = line.repeat(4 * ReadAhead::BYTES / line.len());
        std::fs::write(dir.path().join("long.txt"), &text).expect("written");
        let args = input_args(vec![dir.path().join("long.txt")]);
        // On a thread of its own, so that a reader left waiting fails the test, not hangs it.
        let (done, finished) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let reporter = crate::reporter::Reporter::default();
            let mut emitted = 0;
            let worked = map_batches(
                &args,
                &Filter::default(),
                &reporter,
                // More parts may wait than their bytes allow: the bytes bind.
                Reading::Windows(16 * 1024),
                BATCH_PARTS,
                |batch| {
                    // Slow work, so that reading runs as far ahead as it may.
                    std::thread::sleep(std::time::Duration::from_millis(200));
                    batch.len()
                },
                |_| {
                    emitted += 1;
                    anyhow::bail!("output closed")
                },
            );
            let _ = done.send((worked.is_err(), emitted));
            drop(dir);
        });
        assert_eq!(
            finished.recv_timeout(std::time::Duration::from_secs(60)),
            Ok((true, 1)),
            "the batches end at the failure, and reading with them"
        );
    }

    fn parts_of(bytes: &[u8], window: usize) -> Vec<Result<(Part, Vec<Warning>), Problem>> {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("long.txt");
        std::fs::write(&path, bytes).expect("written");
        read_parts(&path, "<stdin>", None, window)
            .expect("opened")
            .collect()
    }

    #[test]
    fn invalid_utf8_past_the_first_window_ends_the_file_where_it_stands() {
        let mut file = "Some 12 lines.\n".repeat(200).into_bytes();
        let bad_at = file.len();
        file.push(0xFF);
        file.extend_from_slice(b" and more.\n");
        let parts = parts_of(&file, 1000);
        let (read, failed): (Vec<_>, Vec<_>) = parts.into_iter().partition(Result::is_ok);
        let joined: String = read
            .into_iter()
            .map(|p| p.expect("a part").0.doc.text)
            .collect();
        // The windows before the one holding the bad byte, whole.
        assert!(
            !joined.is_empty() && file.starts_with(joined.as_bytes()) && joined.len() < bad_at,
            "{} of {bad_at} bytes",
            joined.len()
        );
        let [Err(problem)] = failed.as_slice() else {
            panic!("one problem: {failed:?}");
        };
        assert!(
            problem
                .message
                .contains(&format!("invalid UTF-8 at byte {bad_at}")),
            "{problem:?}"
        );
        assert!(problem.location.ends_with(":201"), "{problem:?}");
    }

    #[test]
    fn a_long_file_is_handed_over_in_windows_that_know_where_they_start() {
        let paragraph = "Some 23 percent of the 400 workers, about 92 people, were paid late.\n";
        // Then a line far longer than a window: cut inside it, after a full stop.
        let file = format!(
            "{}{}€ last line without a break",
            paragraph.repeat(60),
            "Three words here. ".repeat(200)
        );
        let parts = parts_of(file.as_bytes(), 1000);
        assert!(parts.len() > 3, "{} parts", parts.len());
        let mut joined = String::new();
        for part in parts {
            let (part, warnings) = part.expect("valid UTF-8");
            assert!(warnings.is_empty());
            assert!(part.doc.text.len() <= 1000);
            assert_eq!(part.origin, Origin::default().after(&joined), "origin");
            assert_eq!(part.origin.byte, joined.len());
            joined.push_str(&part.doc.text);
        }
        assert_eq!(joined, file, "no byte lost or repeated");
    }

    #[test]
    fn the_windows_are_cut_where_a_check_of_the_whole_text_cuts() {
        let text = "One line. Another sentence here, 12 percent. ".repeat(200);
        let whole = crate::check::windows(&text, &text, 700);
        let parts: Vec<usize> = parts_of(text.as_bytes(), 700)
            .into_iter()
            .map(|p| p.expect("read").0.origin.byte)
            .collect();
        let starts: Vec<usize> = whole.iter().map(|r| r.start).collect();
        assert_eq!(parts, starts);
    }

    #[test]
    fn a_short_file_or_one_in_another_encoding_is_read_whole() {
        let short = parts_of(b"Some 23 percent.\n", 1000);
        assert_eq!(short.len(), 1);
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(
                "12 percent. "
                    .repeat(200)
                    .encode_utf16()
                    .flat_map(u16::to_le_bytes),
            )
            .collect();
        let parts = parts_of(&utf16, 100);
        assert_eq!(parts.len(), 1, "read whole");
        let (part, warnings) = parts.into_iter().next().expect("one").expect("decoded");
        assert!(part.doc.text.starts_with("12 percent."));
        assert!(warnings.iter().any(|w| w.message.contains("UTF-16LE")));
        // Not UTF-8 in the first window: read whole, as windows-1252, with a warning.
        let mut latin = b"Caf\xe9 12 percent. ".to_vec();
        latin.extend("x. ".repeat(100).as_bytes());
        let parts = parts_of(&latin, 100);
        assert_eq!(parts.len(), 1);
        let (part, warnings) = parts.into_iter().next().expect("one").expect("decoded");
        assert!(part.doc.text.starts_with("Café"));
        assert!(warnings.iter().any(|w| w.message.contains("windows-1252")));
    }

    #[test]
    fn bad_bytes_in_a_later_window_end_the_file_with_its_line_and_byte() {
        let mut bytes = "A line of text, 5 percent.\n".repeat(10).into_bytes();
        let at = bytes.len() + 3;
        bytes.extend(b"Bad\xff byte.\n");
        bytes.extend("More text.\n".repeat(10).as_bytes());
        let parts = parts_of(&bytes, 100);
        let (read, failed): (Vec<_>, Vec<_>) = parts.into_iter().partition(Result::is_ok);
        assert!(!read.is_empty(), "the parts before it are handed over");
        let [Err(problem)] = failed.as_slice() else {
            panic!("one problem: {failed:?}");
        };
        assert!(problem.location.ends_with(":11"), "{}", problem.location);
        assert!(
            problem.message.contains(&format!("byte {at}")),
            "{}",
            problem.message
        );
    }
}
