//! Sorting more records than memory should hold: a stable sort that keeps records in memory
//! up to a budget, writes each full load out sorted (a run) to an anonymous temporary file,
//! and merges the runs at the end.
//!
//! `check` writes its findings sorted by file and position, and a corpus's documents arrive in
//! any order, so no finding can be written before the last document is read. The field's text
//! raises thousands of findings a megabyte: held in memory, they made `check`'s peak grow with
//! its input. Through this sort, the peak is the budget's, and the output is byte for byte the
//! in-memory stable sort's: each run is sorted stably, runs hold consecutive stretches of the
//! input, and the merge takes equal records from the earlier run first.
//!
//! Runs are merged as a binary counter merges its digits: when [`FAN_IN`] runs of one level
//! are written, they are merged into one run of the next level, so that a run's records are
//! read back a few times at most and no more than a few hundred files are ever open. A run's
//! file has no name (it is removed when closed, and by the system if the process is killed).
//!
//! When a run cannot be written (no temporary folder, a full disk), nothing is lost: the
//! records stay in memory, and the sorter holds every record from then on, as a sort in memory
//! would. [`Sorter::push`] says so once, for the caller to warn.

use std::cmp::Ordering;
use std::collections::BinaryHeap;
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Seek, SeekFrom, Write};

use anyhow::{Context, Result};

/// How many runs of one level are merged into one of the next.
pub const FAN_IN: usize = 64;

/// What the sort needs of a record: its order, about how much memory it holds, and a way to
/// write it out and read it back.
pub trait Spill: Sized {
    /// The order to sort by (equal records keep the order they were pushed in).
    fn order(&self, other: &Self) -> Ordering;
    /// About how many bytes the record holds, itself and on the heap.
    fn weight(&self) -> usize;
    /// Appends the record to `out` as one line without its line break: no byte `\n`.
    fn encode(&self, out: &mut Vec<u8>) -> Result<()>;
    /// The record an [`encode`](Spill::encode) wrote.
    fn decode(line: &[u8]) -> Result<Self>;
}

/// A stable sort bounded in memory: [`push`](Sorter::push) the records, then
/// [`finish`](Sorter::finish) for them in order.
pub struct Sorter<T> {
    /// The most the held records may weigh before they are written out as a run.
    budget: usize,
    held: Vec<T>,
    weight: usize,
    /// The runs written, by level; every run of a level holds records pushed before those of
    /// every run of the level below.
    levels: Vec<Vec<Run>>,
    /// Whether writing a run failed: the records are held in memory from then on.
    in_memory: bool,
    /// Where runs are written: the system's temporary folder when `None`.
    folder: Option<std::path::PathBuf>,
    /// Why runs that failed to merge could not be read again: [`Sorter::finish`] fails.
    lost: Option<anyhow::Error>,
}

/// A sorted run in a temporary file, one encoded record a line.
struct Run {
    file: File,
}

impl<T: Spill> Sorter<T> {
    /// A sorter that holds records weighing up to about `budget` bytes, and writes runs to
    /// the system's temporary folder (`TMPDIR` on Unix).
    pub fn new(budget: usize) -> Self {
        Sorter {
            budget,
            held: Vec::new(),
            weight: 0,
            levels: Vec::new(),
            in_memory: false,
            folder: None,
            lost: None,
        }
    }

    /// A sorter that writes its runs to `folder`.
    pub fn in_folder(budget: usize, folder: &std::path::Path) -> Self {
        Sorter {
            folder: Some(folder.to_owned()),
            ..Sorter::new(budget)
        }
    }

    /// Adds a record; writes the held records out as a run when they weigh more than the
    /// budget. When that fails, the error, once: no record is lost, and the sorter holds
    /// every record in memory from then on.
    pub fn push(&mut self, record: T) -> Option<anyhow::Error> {
        self.weight += record.weight();
        self.held.push(record);
        if self.weight <= self.budget || self.in_memory {
            return None;
        }
        let failed = self.spill().err();
        self.in_memory = failed.is_some();
        failed
    }

    /// How many runs have been written, at every level.
    pub fn runs(&self) -> usize {
        self.levels.iter().map(Vec::len).sum()
    }

    /// Writes the held records out, sorted, as a run of the first level, and merges full
    /// levels into the next. On failure the records are still held (sorted, which keeps the
    /// order of equal ones) or in the runs they were in.
    fn spill(&mut self) -> Result<()> {
        self.held.sort_by(T::order);
        let run = write_run::<T, _>(self.folder.as_deref(), self.held.iter().map(Ok))?;
        self.held.clear();
        self.weight = 0;
        self.add(0, run)
    }

    /// Adds `run` to `level`, merging the level into one run of the next when it is full;
    /// when the merged run cannot be written, the level keeps its runs.
    fn add(&mut self, level: usize, run: Run) -> Result<()> {
        if self.levels.len() <= level {
            self.levels.push(Vec::new());
        }
        self.levels[level].push(run);
        if self.levels[level].len() == FAN_IN {
            let mut merge = Merge::<T>::new(std::mem::take(&mut self.levels[level]), Vec::new());
            match write_run(self.folder.as_deref(), merge.by_ref()) {
                Ok(merged) => self.add(level + 1, merged)?,
                Err(e) => {
                    match merge.into_runs() {
                        Ok(runs) => self.levels[level] = runs,
                        Err(lost) => self.lost = Some(lost),
                    }
                    return Err(e);
                }
            }
        }
        Ok(())
    }

    /// Every record pushed, in order: the runs and the held records merged. An error when
    /// records were lost (runs that could not be read again after a merge failed).
    pub fn finish(mut self) -> Result<Merge<T>> {
        if let Some(lost) = self.lost {
            return Err(lost.context("sorted runs were lost"));
        }
        self.held.sort_by(T::order);
        // Earlier records first: the highest level's runs, down to the records held.
        let runs = self.levels.into_iter().rev().flatten().collect();
        let mut merge = Merge::new(runs, self.held);
        merge.begin()?;
        Ok(merge)
    }
}

/// Writes records, in the order given, to a new run.
fn write_run<T: Spill, R: std::borrow::Borrow<T>>(
    folder: Option<&std::path::Path>,
    records: impl Iterator<Item = Result<R>>,
) -> Result<Run> {
    let file = match folder {
        Some(folder) => tempfile::tempfile_in(folder),
        None => tempfile::tempfile(),
    }
    .context("cannot make a temporary file to sort in (is the temporary folder writable?)")?;
    let mut out = BufWriter::with_capacity(1 << 16, file);
    let mut line = Vec::with_capacity(4096);
    for record in records {
        line.clear();
        record?.borrow().encode(&mut line)?;
        debug_assert!(!line.contains(&b'\n'), "an encoded record is one line");
        line.push(b'\n');
        out.write_all(&line).context("cannot write a sorted run")?;
    }
    let mut file = out
        .into_inner()
        .map_err(|e| e.into_error())
        .context("cannot write a sorted run")?;
    file.seek(SeekFrom::Start(0))
        .context("cannot read a sorted run back")?;
    Ok(Run { file })
}

/// Where the merge takes records from: a run read back, or the records still in memory.
enum Source<T> {
    Run {
        reader: BufReader<File>,
        line: Vec<u8>,
    },
    Held(std::vec::IntoIter<T>),
}

impl<T: Spill> Source<T> {
    fn next(&mut self) -> Result<Option<T>> {
        match self {
            Source::Held(records) => Ok(records.next()),
            Source::Run { reader, line } => {
                line.clear();
                let read = reader
                    .read_until(b'\n', line)
                    .context("cannot read a sorted run back")?;
                if read == 0 {
                    return Ok(None);
                }
                if line.last() == Some(&b'\n') {
                    line.pop();
                }
                T::decode(line).map(Some)
            }
        }
    }
}

/// The next record of one source, in the merge's heap: the least record first, and of equal
/// records the one from the earlier source.
struct Head<T> {
    record: T,
    source: usize,
}

impl<T: Spill> Ord for Head<T> {
    fn cmp(&self, other: &Self) -> Ordering {
        // BinaryHeap pops the greatest: reversed.
        other
            .record
            .order(&self.record)
            .then(other.source.cmp(&self.source))
    }
}

impl<T: Spill> PartialOrd for Head<T> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl<T: Spill> PartialEq for Head<T> {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl<T: Spill> Eq for Head<T> {}

/// Sorted sources merged into one sequence of records, in order; an error reading a run back
/// ends it.
pub struct Merge<T> {
    sources: Vec<Source<T>>,
    heap: BinaryHeap<Head<T>>,
    begun: bool,
    failed: bool,
}

impl<T: Spill> Merge<T> {
    /// The merge of `runs`, in the order of their records, then `held` (already sorted).
    fn new(runs: Vec<Run>, held: Vec<T>) -> Self {
        let mut sources: Vec<Source<T>> = runs
            .into_iter()
            .map(|run| Source::Run {
                reader: BufReader::with_capacity(1 << 16, run.file),
                line: Vec::new(),
            })
            .collect();
        sources.push(Source::Held(held.into_iter()));
        Merge {
            heap: BinaryHeap::with_capacity(sources.len()),
            sources,
            begun: false,
            failed: false,
        }
    }

    /// Reads the first record of every source.
    fn begin(&mut self) -> Result<()> {
        if !self.begun {
            self.begun = true;
            for (source, s) in self.sources.iter_mut().enumerate() {
                if let Some(record) = s.next()? {
                    self.heap.push(Head { record, source });
                }
            }
        }
        Ok(())
    }

    /// The runs merged, each from its start again, for a merge that could not be written.
    fn into_runs(self) -> Result<Vec<Run>> {
        let mut runs = Vec::new();
        for source in self.sources {
            if let Source::Run { reader, .. } = source {
                let mut file = reader.into_inner();
                file.seek(SeekFrom::Start(0))
                    .context("cannot read a sorted run back")?;
                runs.push(Run { file });
            }
        }
        Ok(runs)
    }
}

impl<T: Spill> Iterator for Merge<T> {
    type Item = Result<T>;

    fn next(&mut self) -> Option<Result<T>> {
        if self.failed {
            return None;
        }
        if let Err(e) = self.begin() {
            self.failed = true;
            return Some(Err(e));
        }
        let Head { record, source } = self.heap.pop()?;
        match self.sources[source].next() {
            Ok(Some(next)) => self.heap.push(Head {
                record: next,
                source,
            }),
            Ok(None) => {}
            Err(e) => {
                self.failed = true;
                return Some(Err(e));
            }
        }
        Some(Ok(record))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    thread_local! {
        /// How many more records can be written before writing fails, when set.
        static WRITES_LEFT: Cell<Option<usize>> = const { Cell::new(None) };
    }

    /// A record sorted by its key alone; its place in the input tells equal keys apart.
    #[derive(Debug, Clone, PartialEq)]
    struct Keyed {
        key: u8,
        place: usize,
    }

    impl Spill for Keyed {
        fn order(&self, other: &Self) -> Ordering {
            self.key.cmp(&other.key)
        }
        fn weight(&self) -> usize {
            10
        }
        fn encode(&self, out: &mut Vec<u8>) -> Result<()> {
            if let Some(left) = WRITES_LEFT.get() {
                anyhow::ensure!(left > 0, "the disk is full");
                WRITES_LEFT.set(Some(left - 1));
            }
            write!(out, "{} {}", self.key, self.place)?;
            Ok(())
        }
        fn decode(line: &[u8]) -> Result<Self> {
            let text = std::str::from_utf8(line)?;
            let (key, place) = text.split_once(' ').context("two fields")?;
            Ok(Keyed {
                key: key.parse()?,
                place: place.parse()?,
            })
        }
    }

    /// The records of `keys` through `sorter`, with the failures it told of.
    fn through(mut sorter: Sorter<Keyed>, keys: &[u8]) -> (Vec<Keyed>, usize) {
        let mut failures = 0;
        for (place, &key) in keys.iter().enumerate() {
            failures += usize::from(sorter.push(Keyed { key, place }).is_some());
        }
        let out = sorter
            .finish()
            .expect("merged")
            .collect::<Result<Vec<_>>>()
            .expect("read back");
        (out, failures)
    }

    fn stable(keys: &[u8]) -> Vec<Keyed> {
        let mut records: Vec<Keyed> = keys
            .iter()
            .enumerate()
            .map(|(place, &key)| Keyed { key, place })
            .collect();
        records.sort_by_key(|r| r.key);
        records
    }

    /// Keys with many equal ones, for runs of three records (a budget of 25): past
    /// [`FAN_IN`] runs twice, so that a level is merged into the next, and the merge at the
    /// end takes runs of two levels and the records still held.
    fn many() -> Vec<u8> {
        (0..(FAN_IN * 3 * 3 + 5))
            .map(|i| ((i * 37) % 11) as u8)
            .collect()
    }

    #[test]
    fn records_held_in_memory_come_out_in_stable_order() {
        let keys = [3, 1, 3, 0, 1, 3];
        let sorter = Sorter::new(usize::MAX);
        assert_eq!(through(sorter, &keys), (stable(&keys), 0));
        assert!(through(Sorter::new(0), &[]).0.is_empty());
    }

    #[test]
    fn past_a_level_of_runs_the_merge_is_the_stable_sort() {
        let keys = many();
        let mut sorter = Sorter::new(25);
        for (place, &key) in keys.iter().enumerate() {
            assert!(sorter.push(Keyed { key, place }).is_none());
        }
        assert_eq!(sorter.levels.len(), 2, "a second level was begun");
        assert_eq!(
            sorter.runs(),
            3 + 1,
            "three runs of the second level, one of the first"
        );
        assert!(!sorter.held.is_empty());
        assert_eq!(through(sorter, &[]).0.len(), keys.len());
        assert_eq!(through(Sorter::new(25), &keys), (stable(&keys), 0));
    }

    proptest::proptest! {
        /// Whatever the records and the budget, the merged runs are the stable sort.
        #[test]
        fn spilled_runs_merge_to_the_stable_sort(
            keys in proptest::collection::vec(0u8..6, 0..300),
            budget in 0usize..200,
        ) {
            let (out, _) = through(Sorter::new(budget), &keys);
            proptest::prop_assert_eq!(out, stable(&keys));
        }
    }

    #[test]
    fn a_folder_that_cannot_be_written_to_leaves_every_record_in_memory() {
        let dir = tempfile::tempdir().expect("a folder");
        let missing = dir.path().join("missing");
        let keys = many();
        let (out, failures) = through(Sorter::in_folder(25, &missing), &keys);
        assert_eq!(failures, 1, "told once");
        assert_eq!(out, stable(&keys));
    }

    #[test]
    fn a_write_that_fails_midway_loses_no_record() {
        let keys = many();
        // In a run of the first level, and in the first merge of a level: its 64 runs of
        // three records are written, then the merge fails halfway through.
        for writes in [10, FAN_IN * 3 + FAN_IN * 3 / 2] {
            WRITES_LEFT.set(Some(writes));
            let (out, failures) = through(Sorter::new(25), &keys);
            WRITES_LEFT.set(None);
            assert_eq!(failures, 1, "told once");
            assert_eq!(out, stable(&keys), "failing after {writes} writes");
        }
    }

    /// A record whose line cannot be read back.
    struct Broken;

    impl Spill for Broken {
        fn order(&self, _: &Self) -> Ordering {
            Ordering::Equal
        }
        fn weight(&self) -> usize {
            1
        }
        fn encode(&self, out: &mut Vec<u8>) -> Result<()> {
            out.extend_from_slice(b"x");
            Ok(())
        }
        fn decode(_: &[u8]) -> Result<Self> {
            anyhow::bail!("unreadable")
        }
    }

    #[test]
    fn a_run_that_cannot_be_read_back_is_an_error_not_a_short_sequence() {
        let mut sorter = Sorter::new(0);
        assert!(sorter.push(Broken).is_none());
        match sorter.finish() {
            Err(e) => assert!(e.to_string().contains("unreadable")),
            Ok(_) => panic!("the first record is read when the merge begins"),
        }
    }
}
