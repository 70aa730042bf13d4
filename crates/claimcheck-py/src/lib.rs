//! `claimcheck._native`: the Python package's compiled core, over [`claimcheck::api`].
//!
//! Records cross into Python through their `serde` serialization (the `to_python` module), so
//! a Python dict has exactly the fields of the command's JSON: one definition, in the `claimcheck`
//! crate. Batch calls detach from the interpreter (release the GIL) while rayon checks the
//! texts on every core, and attach again only to build the result.

use std::ffi::CString;
use std::path::PathBuf;

use claimcheck::api::{self, Analyzer, Options};
use claimcheck::input::{Document, Problem};
use claimcheck::reporter::isolate;
use pyo3::exceptions::{PyUserWarning, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyTuple};
use rayon::prelude::*;

mod to_python;

/// The module's Rust allocations (the texts' words, claims and records, and each record's
/// JSON) go to jemalloc, as the command's do. With glibc's allocator over a quarter of
/// `analyze_json`'s samples were in `malloc` and `free` (perf, 3,000 news articles), and with
/// jemalloc 6% are in both allocators together. The records Python keeps are Python's own
/// objects, made by copying; Python's allocations are untouched.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

pyo3::create_exception!(
    claimcheck,
    ClaimcheckError,
    pyo3::exceptions::PyException,
    "claimcheck could not do its job: an unreadable file, a bad configuration or registry, an \
     unknown rule, an expression that does not parse. The message is the command's, \
     `location: what is wrong`; `location` and `detail` hold the two parts."
);

pyo3::create_exception!(
    claimcheck,
    ClaimcheckWarning,
    PyUserWarning,
    "A figure in a text could not be read (a number too large for any type, say); the rest \
     of the text was still checked. The message is the command's, `name:line:column: …`."
);

/// The name a text gets in records when none is given.
const DEFAULT_NAME: &str = "<text>";

/// What to do with figures that cannot be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum OnProblem {
    Warn,
    Raise,
    Ignore,
}

impl OnProblem {
    fn parse(errors: &str) -> PyResult<Self> {
        match errors {
            "warn" => Ok(OnProblem::Warn),
            "raise" => Ok(OnProblem::Raise),
            "ignore" => Ok(OnProblem::Ignore),
            other => Err(PyValueError::new_err(format!(
                "errors must be \"warn\", \"raise\" or \"ignore\", not {other:?}"
            ))),
        }
    }

    /// Warns about, raises or drops `problems`.
    fn handle(self, py: Python<'_>, problems: &[Problem]) -> PyResult<()> {
        match self {
            OnProblem::Ignore => Ok(()),
            OnProblem::Raise => problems.first().map_or(Ok(()), |p| Err(error(py, p))),
            OnProblem::Warn => {
                let category = py.get_type::<ClaimcheckWarning>();
                for p in problems {
                    let message = CString::new(p.to_string().replace('\0', " "))
                        .map_err(|e| PyValueError::new_err(e.to_string()))?;
                    PyErr::warn(py, category.as_any(), &message, 2)?;
                }
                Ok(())
            }
        }
    }
}

/// The exception for a problem: the command's message, with its two parts as attributes.
fn error(py: Python<'_>, p: &Problem) -> PyErr {
    let err = ClaimcheckError::new_err(p.to_string());
    let value = err.value(py);
    // Setting attributes on a fresh exception instance cannot fail in practice; if it did,
    // the message alone still says everything.
    let _ = value.setattr("location", &p.location);
    let _ = value.setattr("detail", &p.message);
    err
}

/// The texts and names of a batch, copied out of Python so that the work can run detached.
fn documents(
    texts: &Bound<'_, PyAny>,
    names: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<Document>> {
    let texts: Vec<String> = texts
        .try_iter()?
        .map(|t| t.and_then(|t| t.extract::<String>()))
        .collect::<PyResult<_>>()?;
    let names: Vec<String> = match names {
        Some(names) => names
            .try_iter()?
            .map(|n| n.and_then(|n| n.extract::<String>()))
            .collect::<PyResult<_>>()?,
        None => vec![DEFAULT_NAME.to_owned(); texts.len()],
    };
    if names.len() != texts.len() {
        return Err(PyValueError::new_err(format!(
            "{} names for {} texts",
            names.len(),
            texts.len()
        )));
    }
    Ok(texts
        .into_iter()
        .zip(names)
        .map(|(text, name)| Document { name, text })
        .collect())
}

/// Runs `f` over the documents in parallel, detached from the interpreter, on `threads`
/// threads (all cores when `None`), keeping their order. Each document runs isolated: a bug
/// met in one is a problem for that document ("internal error, please report"), not a
/// crash of the batch.
fn par_map<'d, T: Send>(
    py: Python<'_>,
    docs: &'d [Document],
    threads: Option<usize>,
    f: impl Fn(&'d Document) -> T + Sync + Send,
) -> PyResult<Vec<Result<T, Problem>>> {
    let pool = match threads {
        Some(0) => return Err(PyValueError::new_err("threads must be 1 or more")),
        Some(n) => Some(
            rayon::ThreadPoolBuilder::new()
                .num_threads(n)
                .build()
                .map_err(|e| PyValueError::new_err(e.to_string()))?,
        ),
        None => None,
    };
    Ok(py.detach(|| {
        let run = || {
            docs.par_iter()
                .map(|doc| isolate(&doc.name, || f(doc)))
                .collect::<Vec<_>>()
        };
        match &pool {
            Some(pool) => pool.install(run),
            None => run(),
        }
    }))
}

/// Python's cyclic garbage collector, paused while a batch's records are made and resumed
/// as it was when dropped (also if making them fails). The records are dicts and lists of
/// plain values and hold no cycles, but every container made counts toward a collection, and
/// each collection traverses the dicts made before it again: on 2,500 news articles (59,000
/// records) the collector took a third of `extract_batch`'s time, and 7–15% of
/// `report_batch`'s (whose rows are lists of cells).
struct GcPaused<'py> {
    gc: Option<Bound<'py, PyModule>>,
}

impl<'py> GcPaused<'py> {
    fn new(py: Python<'py>) -> PyResult<Self> {
        let gc = py.import("gc")?;
        if gc.call_method0("isenabled")?.is_truthy()? {
            gc.call_method0("disable")?;
            Ok(GcPaused { gc: Some(gc) })
        } else {
            Ok(GcPaused { gc: None })
        }
    }
}

impl Drop for GcPaused<'_> {
    fn drop(&mut self) {
        if let Some(gc) = &self.gc {
            // Enabling the collector fails only if the interpreter is shutting down.
            let _ = gc.call_method0("enable");
        }
    }
}

/// A list of records as a Python list of dicts.
fn records<'py, T: serde::Serialize>(
    py: Python<'py>,
    records: &[T],
) -> PyResult<Bound<'py, PyList>> {
    let items = records
        .iter()
        .map(|r| to_python::to_python(py, r))
        .collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, items)
}

/// Checks texts against the registry of studies and each other, and extracts and derives
/// their figures; built once (the registry, configuration and rule selection are read when
/// it is made) and reused for any number of texts.
///
/// `studies`: registry CSV files added to the shipped registry; `config`: a
/// `claimcheck.toml` (none: the defaults; none is looked for); `select`, `extend_select`,
/// `ignore`: rules by name or code, combined with the configuration's as the command's
/// `--select` (replaces), `--extend-select` and `--ignore` (add) are. A `Checker` pickles to the contents of those
/// files (a few kilobytes), so a Spark executor rebuilds it without them.
#[pyclass(module = "claimcheck", name = "Checker", frozen)]
struct Checker {
    analyzer: Analyzer,
    options: Options,
}

impl Checker {
    fn build(py: Python<'_>, options: Options) -> PyResult<Self> {
        let analyzer = Analyzer::new(&options).map_err(|p| error(py, &p))?;
        Ok(Checker { analyzer, options })
    }
}

#[pymethods]
impl Checker {
    #[new]
    #[pyo3(signature = (studies = None, config = None, select = None, extend_select = None, ignore = None))]
    fn new(
        py: Python<'_>,
        studies: Option<Vec<PathBuf>>,
        config: Option<PathBuf>,
        select: Option<Vec<String>>,
        extend_select: Option<Vec<String>>,
        ignore: Option<Vec<String>>,
    ) -> PyResult<Self> {
        let options = Options::read(
            config.as_deref(),
            &studies.unwrap_or_default(),
            &select.unwrap_or_default(),
            &extend_select.unwrap_or_default(),
            &ignore.unwrap_or_default(),
        )
        .map_err(|p| error(py, &p))?;
        Checker::build(py, options)
    }

    /// Every figure of `text`, one dict per figure with the fields of `claimcheck extract
    /// --format json`. A `name` ending in `.md`/`.markdown` or `.html`/`.htm` reads the text
    /// as Markdown or HTML.
    #[pyo3(signature = (text, name = DEFAULT_NAME, errors = "warn"))]
    fn extract<'py>(
        &self,
        py: Python<'py>,
        text: String,
        name: &str,
        errors: &str,
    ) -> PyResult<Bound<'py, PyList>> {
        let on_problem = OnProblem::parse(errors)?;
        let doc = Document {
            name: name.to_owned(),
            text,
        };
        let extraction =
            isolate(&doc.name, || self.analyzer.extract(&doc)).map_err(|p| error(py, &p))?;
        on_problem.handle(py, &extraction.problems())?;
        records(py, &extraction.records())
    }

    /// What the figures of `text` imply, one dict per estimate with the fields of
    /// `claimcheck derive --format json`; with `expr=True`, `text` is an expression
    /// (`"30% of 50,000 workers"`) as `derive --expr` reads it, and one that does not parse
    /// raises `ClaimcheckError`.
    #[pyo3(signature = (text, name = DEFAULT_NAME, expr = false))]
    fn derive<'py>(
        &self,
        py: Python<'py>,
        text: String,
        name: &str,
        expr: bool,
    ) -> PyResult<Bound<'py, PyList>> {
        let estimates = if expr {
            self.analyzer
                .derive_expr(&text)
                .map_err(|p| error(py, &p))?
        } else {
            let doc = Document {
                name: name.to_owned(),
                text,
            };
            isolate(&doc.name, || self.analyzer.derive(&doc)).map_err(|p| error(py, &p))?
        };
        records(py, &estimates)
    }

    /// The findings in `text`, one dict per finding with the fields of `claimcheck check
    /// --format json`.
    #[pyo3(signature = (text, name = DEFAULT_NAME, errors = "warn"))]
    fn check<'py>(
        &self,
        py: Python<'py>,
        text: String,
        name: &str,
        errors: &str,
    ) -> PyResult<Bound<'py, PyList>> {
        let on_problem = OnProblem::parse(errors)?;
        let doc = Document {
            name: name.to_owned(),
            text,
        };
        let (findings, problems) =
            isolate(&doc.name, || self.analyzer.check(&doc)).map_err(|p| error(py, &p))?;
        on_problem.handle(py, &problems)?;
        records(py, &findings)
    }

    /// `extract` over many texts on every core (`threads` to use fewer), with the GIL
    /// released: one list of dicts per text, in order.
    #[pyo3(signature = (texts, names = None, *, threads = None, errors = "warn"))]
    fn extract_batch<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        names: Option<&Bound<'py, PyAny>>,
        threads: Option<usize>,
        errors: &str,
    ) -> PyResult<Bound<'py, PyList>> {
        let on_problem = OnProblem::parse(errors)?;
        let docs = documents(texts, names)?;
        let done = par_map(py, &docs, threads, |doc| self.analyzer.extract(doc))?;
        let _paused = GcPaused::new(py)?;
        let lists = done
            .iter()
            .map(|e| match e {
                Ok(e) => {
                    on_problem.handle(py, &e.problems())?;
                    records(py, &e.records())
                }
                Err(p) => on_problem
                    .handle(py, std::slice::from_ref(p))
                    .and(Ok(PyList::empty(py))),
            })
            .collect::<PyResult<Vec<_>>>()?;
        PyList::new(py, lists)
    }

    /// `derive` over many texts on every core, with the GIL released: one list of dicts per
    /// text, in order.
    #[pyo3(signature = (texts, names = None, *, threads = None, errors = "warn"))]
    fn derive_batch<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        names: Option<&Bound<'py, PyAny>>,
        threads: Option<usize>,
        errors: &str,
    ) -> PyResult<Bound<'py, PyList>> {
        let on_problem = OnProblem::parse(errors)?;
        let docs = documents(texts, names)?;
        let done = par_map(py, &docs, threads, |doc| self.analyzer.derive(doc))?;
        let _paused = GcPaused::new(py)?;
        let lists = done
            .iter()
            .map(|e| match e {
                Ok(e) => records(py, e),
                Err(p) => on_problem
                    .handle(py, std::slice::from_ref(p))
                    .and(Ok(PyList::empty(py))),
            })
            .collect::<PyResult<Vec<_>>>()?;
        PyList::new(py, lists)
    }

    /// `check` over many texts on every core, with the GIL released: one list of finding
    /// dicts per text, in order.
    #[pyo3(signature = (texts, names = None, *, threads = None, errors = "warn"))]
    fn check_batch<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        names: Option<&Bound<'py, PyAny>>,
        threads: Option<usize>,
        errors: &str,
    ) -> PyResult<Bound<'py, PyList>> {
        let on_problem = OnProblem::parse(errors)?;
        let docs = documents(texts, names)?;
        let done = par_map(py, &docs, threads, |doc| self.analyzer.check(doc))?;
        let _paused = GcPaused::new(py)?;
        let lists = done
            .iter()
            .map(|e| match e {
                Ok((findings, problems)) => {
                    on_problem.handle(py, problems)?;
                    records(py, findings)
                }
                Err(p) => on_problem
                    .handle(py, std::slice::from_ref(p))
                    .and(Ok(PyList::empty(py))),
            })
            .collect::<PyResult<Vec<_>>>()?;
        PyList::new(py, lists)
    }

    /// The rows of `claimcheck report`'s four tables for many texts, checked once each on
    /// every core: a dict from file name (`claims.csv`, `estimates.csv`, `findings.csv`,
    /// `summary.csv`) to its rows, each a list of the CSV cells as strings (see
    /// `report_columns()` for the headers).
    #[pyo3(signature = (texts, names = None, *, threads = None, errors = "warn"))]
    fn report_batch<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        names: Option<&Bound<'py, PyAny>>,
        threads: Option<usize>,
        errors: &str,
    ) -> PyResult<Bound<'py, PyDict>> {
        let on_problem = OnProblem::parse(errors)?;
        let docs = documents(texts, names)?;
        let checker = self.analyzer.checker();
        let done = par_map(py, &docs, threads, |doc| {
            let analysis = self.analyzer.analyze(doc);
            (analysis.report_rows(checker), analysis.problems())
        })?;
        let mut tables: [Vec<Vec<String>>; 4] = Default::default();
        for result in done {
            let (rows, problems) = match result {
                Ok(done) => done,
                Err(p) => {
                    on_problem.handle(py, &[p])?;
                    continue;
                }
            };
            on_problem.handle(py, &problems)?;
            tables[0].extend(rows.claims);
            tables[1].extend(rows.estimates);
            tables[2].extend(rows.findings);
            tables[3].push(rows.summary);
        }
        // A list of cells for every row: as many containers as the other batches' dicts.
        let _paused = GcPaused::new(py)?;
        let out = PyDict::new(py);
        for ((file, _), rows) in api::report_tables().into_iter().zip(tables) {
            out.set_item(file, rows)?;
        }
        Ok(out)
    }

    /// Every record of many texts as JSON, checked once each on every core, for engines that
    /// take rows (Spark's `mapInPandas`): three lists of equal length, the index of the text,
    /// the table, and the record. Tables `claims`, `estimates` and `findings` hold the JSON
    /// records (`fields(table)` gives their schema); `claims.csv`, `estimates.csv`,
    /// `findings.csv` and `summary.csv` hold `report`'s rows as JSON arrays of cells.
    #[pyo3(signature = (texts, names = None, *, threads = None, errors = "warn"))]
    fn analyze_json<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        names: Option<&Bound<'py, PyAny>>,
        threads: Option<usize>,
        errors: &str,
    ) -> PyResult<Bound<'py, PyTuple>> {
        let on_problem = OnProblem::parse(errors)?;
        let docs = documents(texts, names)?;
        let checker = self.analyzer.checker();
        let done = par_map(py, &docs, threads, |doc| {
            let analysis = self.analyzer.analyze(doc);
            json_rows(&analysis, checker).map(|rows| (rows, analysis.problems()))
        })?;
        let (mut index, mut table, mut record) = (Vec::new(), Vec::new(), Vec::new());
        for (i, result) in done.into_iter().enumerate() {
            let (rows, problems) = match result {
                Ok(Ok(done)) => done,
                Ok(Err(e)) => return Err(PyValueError::new_err(format!("serializing: {e}"))),
                Err(p) => {
                    on_problem.handle(py, &[p])?;
                    continue;
                }
            };
            on_problem.handle(py, &problems)?;
            for (t, r) in rows {
                index.push(i);
                table.push(t);
                record.push(r);
            }
        }
        PyTuple::new(
            py,
            [
                index.into_pyobject(py)?.into_any(),
                table.into_pyobject(py)?.into_any(),
                record.into_pyobject(py)?.into_any(),
            ],
        )
    }

    /// What the checker was built from: pickling carries the configuration's and the
    /// registry files' contents, not their paths.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let restore = py.import("claimcheck")?.getattr("_restore")?;
        let s = &self.options;
        let config = s.config.as_ref().map(|d| (d.name.clone(), d.text.clone()));
        let studies: Vec<(String, String)> = s
            .studies
            .iter()
            .map(|d| (d.name.clone(), d.text.clone()))
            .collect();
        let state = (
            config,
            studies,
            s.select.clone(),
            s.extend_select.clone(),
            s.ignore.clone(),
        );
        PyTuple::new(
            py,
            [
                restore,
                PyTuple::new(py, [state.into_pyobject(py)?.into_any()])?.into_any(),
            ],
        )
    }

    fn __repr__(&self) -> String {
        let s = &self.options;
        let names = |docs: &[Document]| docs.iter().map(|d| d.name.clone()).collect::<Vec<_>>();
        format!(
            "Checker(studies={:?}, config={:?}, select={:?}, extend_select={:?}, ignore={:?})",
            names(&s.studies),
            s.config.as_ref().map(|d| d.name.as_str()),
            s.select,
            s.extend_select,
            s.ignore
        )
    }
}

/// One document's records: (table, JSON) pairs.
fn json_rows(
    analysis: &api::Analysis<'_>,
    checker: &claimcheck_checker::Checker,
) -> serde_json::Result<Vec<(&'static str, String)>> {
    let mut rows = Vec::new();
    // A figure's record by the writer `extract` uses, which gives serde_json's bytes with
    // fewer calls: a document's claims are most of its rows.
    let mut bytes = Vec::new();
    for r in analysis.claims() {
        bytes.clear();
        r.write_json(&mut bytes);
        rows.push(("claims", String::from_utf8_lossy(&bytes).into_owned()));
    }
    for r in analysis.estimates() {
        rows.push(("estimates", serde_json::to_string(&r)?));
    }
    for r in analysis.findings() {
        rows.push(("findings", serde_json::to_string(&r)?));
    }
    let report = analysis.report_rows(checker);
    for r in &report.claims {
        rows.push(("claims.csv", serde_json::to_string(r)?));
    }
    for r in &report.estimates {
        rows.push(("estimates.csv", serde_json::to_string(r)?));
    }
    for r in &report.findings {
        rows.push(("findings.csv", serde_json::to_string(r)?));
    }
    rows.push(("summary.csv", serde_json::to_string(&report.summary)?));
    Ok(rows)
}

/// Rebuilds a pickled checker from its state (configuration, registry files, rules).
#[pyfunction]
fn _restore_native(
    py: Python<'_>,
    config: Option<(String, String)>,
    studies: Vec<(String, String)>,
    select: Vec<String>,
    extend_select: Vec<String>,
    ignore: Vec<String>,
) -> PyResult<Checker> {
    let doc = |(name, text): (String, String)| Document { name, text };
    Checker::build(
        py,
        Options {
            config: config.map(doc),
            studies: studies.into_iter().map(doc).collect(),
            select,
            extend_select,
            ignore,
            ..Options::default()
        },
    )
}

/// The fields of a table's records and their types, in SQL (Spark DDL) notation: `table`
/// is `claims`, `estimates` or `findings`.
#[pyfunction]
fn fields(table: &str) -> PyResult<Vec<(&'static str, &'static str)>> {
    match table {
        "claims" => Ok(api::CLAIM_FIELDS.to_vec()),
        "estimates" => Ok(api::ESTIMATE_FIELDS.to_vec()),
        "findings" => Ok(api::FINDING_FIELDS.to_vec()),
        other => Err(PyValueError::new_err(format!(
            "no table {other:?}: claims, estimates or findings"
        ))),
    }
}

/// The tables of `claimcheck report`: file name to its CSV columns, in order.
#[pyfunction]
fn report_columns(py: Python<'_>) -> PyResult<Bound<'_, PyDict>> {
    let out = PyDict::new(py);
    for (file, columns) in api::report_tables() {
        out.set_item(file, columns)?;
    }
    Ok(out)
}

/// The rules: one dict each with `code`, `name`, `severity`, `summary`, `default_on`.
#[pyfunction]
fn rules(py: Python<'_>) -> PyResult<Bound<'_, PyList>> {
    let items = claimcheck_checker::RULES
        .iter()
        .map(|r| {
            let d = PyDict::new(py);
            d.set_item("code", r.code)?;
            d.set_item("name", r.name)?;
            d.set_item("severity", r.severity.as_str())?;
            d.set_item("summary", r.summary)?;
            d.set_item("default_on", r.default_on)?;
            Ok(d)
        })
        .collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, items)
}

/// The compiled core of the `claimcheck` package.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Checker>()?;
    m.add("ClaimcheckError", m.py().get_type::<ClaimcheckError>())?;
    m.add("ClaimcheckWarning", m.py().get_type::<ClaimcheckWarning>())?;
    m.add_function(wrap_pyfunction!(_restore_native, m)?)?;
    m.add_function(wrap_pyfunction!(fields, m)?)?;
    m.add_function(wrap_pyfunction!(report_columns, m)?)?;
    m.add_function(wrap_pyfunction!(rules, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
