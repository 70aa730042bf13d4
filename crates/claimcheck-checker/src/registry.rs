//! The registry of cited studies: published figures with their population, concept, basis,
//! edition and source. The shipped registry is `data/studies.csv`, embedded in the binary;
//! users add their own files in the same format (schema in `data/README.md`).

use claimcheck_model::{Interval, ModelConventions, Quantity};
use claimcheck_parser::{Extractor, Kind, Mention};
use serde::{Deserialize, Serialize};

/// The shipped registry, as CSV.
pub const BUILTIN: &str = include_str!("../../../data/studies.csv");

/// Declares a registry enum: its CSV spellings (serde), and the spelling back for people.
macro_rules! registry_enum {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $text:literal,)* }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
        pub enum $name {
            $($(#[$vdoc])* #[serde(rename = $text)] $variant,)*
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];

            /// The value as written in the registry.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)*
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

registry_enum! {
    /// How much of the world a figure covers.
    Scope {
        /// One place or one group (a border crossing, a survey).
        Local = "local",
        /// One country.
        National = "national",
        /// A world region.
        Regional = "regional",
        /// The world.
        Global = "global",
    }
}

registry_enum! {
    /// What a figure measures.
    Concept {
        /// Forced labour and forced marriage together.
        ModernSlavery = "modern_slavery",
        /// Forced labour (private, commercial sexual, state-imposed).
        ForcedLabour = "forced_labour",
        /// Forced marriage.
        ForcedMarriage = "forced_marriage",
        /// Forced commercial sexual exploitation.
        ForcedSexualExploitation = "forced_sexual_exploitation",
        /// Trafficking in persons.
        Trafficking = "trafficking",
        /// Victims detected by authorities.
        DetectedVictims = "detected_victims",
        /// Victims identified by governments.
        IdentifiedVictims = "identified_victims",
        /// Child labour.
        ChildLabour = "child_labour",
        /// Illegal profits.
        Profits = "profits",
        /// Labour migration.
        Migration = "migration",
        /// Deportations.
        Deportation = "deportation",
        /// Unpaid or underpaid wages.
        WageTheft = "wage_theft",
        /// A survey's sample.
        Sample = "sample",
        /// Any other topic (a drafted row of a study in another field): matched by its
        /// `population_terms` instead of a concept's words.
        Other = "other",
    }
}

impl Concept {
    /// The concept in words, for messages.
    pub fn in_words(self) -> &'static str {
        match self {
            Concept::ModernSlavery => "modern slavery",
            Concept::ForcedLabour => "forced labour",
            Concept::ForcedMarriage => "forced marriage",
            Concept::ForcedSexualExploitation => "forced sexual exploitation",
            Concept::Trafficking => "trafficking",
            Concept::DetectedVictims => "detected victims",
            Concept::IdentifiedVictims => "identified victims",
            Concept::ChildLabour => "child labour",
            Concept::Profits => "profits",
            Concept::Migration => "migration",
            Concept::Deportation => "deportation",
            Concept::WageTheft => "wage theft",
            Concept::Sample => "a survey sample",
            Concept::Other => "its population",
        }
    }
}

registry_enum! {
    /// How a figure counts.
    Basis {
        /// People in a condition on a given day.
        Stock = "stock",
        /// Per year.
        FlowPerYear = "flow_per_year",
        /// Over a period.
        Cumulative = "cumulative",
        /// Detected by authorities.
        Detected = "detected",
        /// Identified by governments.
        Identified = "identified",
        /// In a survey's sample.
        Sample = "sample",
        /// A change between two times.
        Change = "change",
    }
}

registry_enum! {
    /// The kind of number a figure is.
    Measure {
        /// A count.
        Count = "count",
        /// A share of a whole.
        Share = "share",
        /// A rate (per 1,000, per year).
        Rate = "rate",
        /// An amount of money.
        Money = "money",
        /// A change.
        Change = "change",
        /// A ratio ("three times more likely").
        Ratio = "ratio",
    }
}

registry_enum! {
    /// The unit a figure is published in.
    Unit {
        /// People.
        Persons = "persons",
        /// Percent.
        Percent = "percent",
        /// Per 1,000 people.
        Per1000 = "per_1000",
        /// US dollars.
        Usd = "USD",
        /// A multiple.
        Times = "times",
    }
}

registry_enum! {
    /// The period of a rate.
    Per {
        /// Not a rate per period.
        None = "",
        /// Per year.
        Year = "year",
    }
}

impl Concept {
    /// The concepts that name a population of victims, as opposed to a measure of one
    /// (profits) or a neighbouring topic.
    pub const VICTIM_POPULATIONS: &'static [Concept] = &[
        Concept::ModernSlavery,
        Concept::ForcedLabour,
        Concept::ForcedMarriage,
        Concept::ForcedSexualExploitation,
        Concept::Trafficking,
        Concept::ChildLabour,
    ];
}

/// One published figure. Field meanings are documented in `data/README.md`; its fields are
/// the registry's columns, in order (`registry draft` writes rows by serialising it).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Study {
    /// Stable id, unique in the registry.
    pub id: String,
    /// The publisher's short name.
    pub publisher: String,
    /// Names used to cite it, `|`-separated: acronyms, full names, report names.
    pub aliases: String,
    /// Year of publication.
    pub year: u16,
    /// The reference period, as published.
    pub reference_period: String,
    /// First year the figure refers to.
    pub reference_start: u16,
    /// Last year the figure refers to.
    pub reference_end: u16,
    /// The publication's title.
    pub title: String,
    /// The population measured, in words.
    pub population: String,
    /// Words a faithful citation keeps, `|`-separated (stems, case-insensitive).
    pub population_terms: String,
    /// The subgroup the figure is about, as `|`-separated alternative stems ("women|girls");
    /// a claim must name one of them to cite the figure. Empty for a whole population.
    pub subgroup: String,
    /// `local`, `national`, `regional` or `global`.
    pub scope: Scope,
    /// What the figure measures (see [`Concept`]).
    pub concept: Concept,
    /// Stock, flow, detected… (see [`Basis`]).
    pub basis: Basis,
    /// Count, share, money… (see [`Measure`]).
    pub measure: Measure,
    /// The value as published, in `unit`.
    pub value: f64,
    /// The published interval's low end, if any.
    pub lower: Option<f64>,
    /// The published interval's high end, if any.
    pub upper: Option<f64>,
    /// `persons`, `percent`, `per_1000`, `USD`, `times`.
    pub unit: Unit,
    /// The period of a rate (`year`), if it is one.
    pub per: Per,
    /// The figure's words as published.
    pub value_text: String,
    /// Where it was measured.
    pub geography: String,
    /// The series it belongs to; editions of one series supersede each other.
    pub series: String,
    /// The edition (usually the publication year).
    pub edition: String,
    /// The id of the figure of a newer edition that replaces this one.
    pub superseded_by: String,
    /// Where the figure was published or reported.
    pub url: String,
    /// The sentence that gives the figure, as published (optional column; `registry draft`
    /// writes it).
    #[serde(default)]
    pub quote: String,
    /// Where that sentence is in the publication ("page 3, line 12"; optional column).
    #[serde(default)]
    pub location: String,
}

impl Study {
    /// The names it is cited by: the publisher and the aliases.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.publisher.as_str())
            .chain(self.aliases.split('|'))
            .map(str::trim)
            .filter(|s| !s.is_empty())
    }

    /// The population terms as a list.
    pub fn terms(&self) -> impl Iterator<Item = &str> {
        self.population_terms
            .split('|')
            .map(str::trim)
            .filter(|s| !s.is_empty())
    }

    /// The value in the units claims use: percent for shares and rates per 1,000.
    pub fn claim_value(&self) -> f64 {
        if self.unit == Unit::Per1000 {
            self.value / 10.0
        } else {
            self.value
        }
    }

    /// The kind of claim that can cite it.
    pub fn kind(&self) -> Option<Kind> {
        match self.unit {
            Unit::Percent | Unit::Per1000 => Some(Kind::Percent),
            Unit::Persons => Some(Kind::Number),
            Unit::Usd => Some(Kind::Money),
            Unit::Times => None,
        }
    }

    /// Every value the published words allow, read with the same conventions as claims:
    /// "40.3 million" ⇒ [40.25, 40.35) million; an explicit interval when one is given.
    pub fn interval(&self, extractor: &Extractor, conventions: &ModelConventions) -> Interval {
        let found = if self.lower.is_some() && self.upper.is_some() {
            Vec::new()
        } else {
            extractor.extract(&self.value_text).mentions
        };
        self.interval_of(&found, conventions)
    }

    /// [`Study::interval`], given the mentions of `value_text` (ignored when the row gives
    /// both bounds): a caller that reads the mentions for more than the interval extracts
    /// them once.
    pub fn interval_of(&self, found: &[Mention], conventions: &ModelConventions) -> Interval {
        use claimcheck_model::End;
        if let (Some(l), Some(u)) = (self.lower, self.upper) {
            return Interval {
                lo: End::Inclusive(l),
                hi: End::Inclusive(u),
            };
        }
        let want = self.claim_value();
        let published = found
            .iter()
            .filter(|m| Some(m.kind) == self.kind())
            .filter_map(|m| Quantity::from_mention(m, &self.value_text, conventions))
            .find(|q| (q.nominal.low - want).abs() <= want.abs() * 1e-9 + 1e-9);
        let mut interval = published.map_or(Interval::point(want), |q| q.interval);
        // A published bound on one side only ("as many as 800,000").
        if let Some(u) = self.upper {
            interval.hi = End::Inclusive(u);
        }
        if let Some(l) = self.lower {
            interval.lo = End::Inclusive(l);
        }
        interval
    }
}

/// A problem in a registry file, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegistryError {
    /// The file's name.
    pub file: String,
    /// 1-based line (where the row starts, for a row with a quoted line break).
    pub line: u64,
    /// 1-based column: the field's position in the row (not a character offset), when the
    /// problem is in one field.
    pub column: Option<u64>,
    /// What is wrong, naming the column when there is one.
    pub message: String,
}

impl std::fmt::Display for RegistryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.column {
            Some(c) => write!(f, "{}:{}:{}: {}", self.file, self.line, c, self.message),
            None => write!(f, "{}:{}: {}", self.file, self.line, self.message),
        }
    }
}

impl std::error::Error for RegistryError {}

/// Every problem found in a registry file, in file order (never empty when returned as an
/// error).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegistryErrors(pub Vec<RegistryError>);

impl std::fmt::Display for RegistryErrors {
    /// One problem a line.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for RegistryErrors {}

/// Where a figure's row is: file and line.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Place {
    file: String,
    line: u64,
}

/// The registry's figures that compose one another, found once rather than for every claim:
/// each edition's worldwide count of everyone in a concept with the counts of its subgroups,
/// and each share of a subgroup with the counts of everyone it may be a share of. Rows are
/// given by their place in [`Registry::studies`], and listed in registry order.
#[derive(Debug, Clone, Default)]
pub struct Compositions {
    /// Each worldwide count of persons with no subgroup (a whole), with the counts of persons
    /// of a subgroup of its series, edition and concept (its parts).
    pub wholes: Vec<(usize, Vec<usize>)>,
    /// Each share of a subgroup, with the counts of everyone (no subgroup) of its series,
    /// edition, concept and scope, that are not shares themselves.
    pub shares: Vec<(usize, Vec<usize>)>,
}

impl Compositions {
    /// The compositions of `studies`.
    pub fn new(studies: &[Study]) -> Self {
        let is_count = |s: &Study| s.measure == Measure::Count && s.unit == Unit::Persons;
        // The rows of each series, edition and concept, in registry order: a row's partners
        // are among those of its own, so the registry is read once and not once per row.
        fn key(s: &Study) -> (&str, &str, Concept) {
            (s.series.as_str(), s.edition.as_str(), s.concept)
        }
        let mut editions: foldhash::HashMap<(&str, &str, Concept), Vec<usize>> =
            foldhash::HashMap::default();
        for (i, s) in studies.iter().enumerate() {
            editions.entry(key(s)).or_default().push(i);
        }
        let rows = |of: &Study, keep: &dyn Fn(&Study) -> bool| -> Vec<usize> {
            editions
                .get(&key(of))
                .map(|rows| {
                    rows.iter()
                        .copied()
                        .filter(|&i| studies.get(i).is_some_and(keep))
                        .collect()
                })
                .unwrap_or_default()
        };
        let wholes = studies
            .iter()
            .enumerate()
            .filter(|(_, w)| is_count(w) && w.subgroup.is_empty() && w.scope == Scope::Global)
            .map(|(wi, whole)| {
                let parts = rows(whole, &|p: &Study| is_count(p) && !p.subgroup.is_empty());
                (wi, parts)
            })
            .collect();
        let shares = studies
            .iter()
            .enumerate()
            .filter(|(_, s)| s.unit == Unit::Percent && !s.subgroup.is_empty())
            .map(|(si, share)| {
                let wholes = rows(share, &|w: &Study| {
                    w.subgroup.is_empty()
                        && w.scope == share.scope
                        && w.kind() != Some(Kind::Percent)
                });
                (si, wholes)
            })
            .collect();
        Compositions { wholes, shares }
    }
}

/// The figures known to the checker.
#[derive(Debug, Clone, Default)]
pub struct Registry {
    /// All figures, the shipped ones first.
    pub studies: Vec<Study>,
    /// The row each loaded id came from, so that a duplicate names both places.
    places: std::collections::HashMap<String, Place>,
}

/// The columns every registry file has: the fields of [`Study`] without a `#[serde(default)]`.
const REQUIRED_COLUMNS: &[&str] = &[
    "id",
    "publisher",
    "aliases",
    "year",
    "reference_period",
    "reference_start",
    "reference_end",
    "title",
    "population",
    "population_terms",
    "subgroup",
    "scope",
    "concept",
    "basis",
    "measure",
    "value",
    "lower",
    "upper",
    "unit",
    "per",
    "value_text",
    "geography",
    "series",
    "edition",
    "superseded_by",
    "url",
];

/// The columns a registry file may add.
const OPTIONAL_COLUMNS: &[&str] = &["quote", "location"];

/// The number columns and what their values must be: a year, a number, or a number or
/// empty.
const NUMBER_COLUMNS: &[(&str, NumberKind)] = &[
    ("year", NumberKind::Year),
    ("reference_start", NumberKind::Year),
    ("reference_end", NumberKind::Year),
    ("value", NumberKind::Number),
    ("lower", NumberKind::OptionalNumber),
    ("upper", NumberKind::OptionalNumber),
];

/// What a number column holds.
#[derive(Debug, Clone, Copy)]
enum NumberKind {
    Year,
    Number,
    OptionalNumber,
}

impl Registry {
    /// The shipped registry.
    pub fn builtin() -> Result<Self, RegistryErrors> {
        let mut r = Registry::default();
        r.load("data/studies.csv (built in)", BUILTIN)?;
        Ok(r)
    }

    /// Adds the rows of a CSV file. Every row and field is checked; a file with any problem
    /// adds nothing and is an error listing every problem in file order, each at its line and
    /// column with the column's name. A missing required column is named once, at line 1; a
    /// duplicate id names the row of the first.
    pub fn load(&mut self, file: &str, csv_text: &str) -> Result<(), RegistryErrors> {
        let at = |line: u64, column: Option<u64>, message: String| RegistryError {
            file: file.to_owned(),
            line,
            column,
            message,
        };
        // The csv crate's line count leaves out blank lines, and a row's byte offset is
        // before the blank lines that precede it: the row starts after them.
        // The line breaks, found once: counting them from the start for each row made loading
        // quadratic in the file's length.
        let breaks: Vec<usize> = csv_text
            .bytes()
            .enumerate()
            .filter_map(|(i, b)| (b == b'\n').then_some(i))
            .collect();
        let line_at = |byte: u64| {
            let bytes = csv_text.as_bytes();
            let mut end = usize::try_from(byte).unwrap_or(usize::MAX).min(bytes.len());
            while bytes.get(end).is_some_and(|b| matches!(b, b'\n' | b'\r')) {
                end += 1;
            }
            breaks.partition_point(|&i| i < end) as u64 + 1
        };
        let mut errors = Vec::new();
        let mut reader = csv::ReaderBuilder::new()
            .trim(csv::Trim::All)
            .from_reader(csv_text.as_bytes());
        let headers = match reader.headers() {
            Ok(h) => h.clone(),
            Err(e) => return Err(RegistryErrors(vec![at(1, None, e.to_string())])),
        };
        for (i, h) in headers.iter().enumerate() {
            if headers.iter().take(i).any(|earlier| earlier == h) {
                errors.push(at(
                    1,
                    Some(i as u64 + 1),
                    format!("column `{h}` appears twice"),
                ));
            } else if !REQUIRED_COLUMNS.contains(&h) && !OPTIONAL_COLUMNS.contains(&h) {
                errors.push(at(1, Some(i as u64 + 1), format!("unknown column `{h}`")));
            }
        }
        for c in REQUIRED_COLUMNS {
            if !headers.iter().any(|h| h == *c) {
                errors.push(at(1, None, format!("missing column `{c}`")));
            }
        }
        let header_ok = errors.is_empty();
        let mut added: Vec<(Study, u64)> = Vec::new();
        let mut here: std::collections::HashMap<String, u64> = Default::default();
        for record in reader.records() {
            let record = match record {
                Ok(r) => r,
                Err(e) => {
                    let line = e.position().map_or(0, |p| line_at(p.byte()));
                    errors.push(match e.kind() {
                        csv::ErrorKind::UnequalLengths {
                            expected_len, len, ..
                        } => {
                            let first_missing = headers
                                .get(usize::try_from(*len).unwrap_or(usize::MAX))
                                .filter(|_| len < expected_len);
                            let message = match first_missing {
                                Some(name) => format!(
                                    "column `{name}`: missing (the row has {len} fields, the header {expected_len})"
                                ),
                                None => format!(
                                    "the row has {len} fields, the header {expected_len}"
                                ),
                            };
                            let column = first_missing.map(|_| len + 1);
                            at(line, column, message)
                        }
                        _ => at(line, None, e.to_string()),
                    });
                    continue;
                }
            };
            let line = record.position().map_or(0, |p| line_at(p.byte()));
            let column = |name: &str| headers.iter().position(|h| h == name);
            let mut row_errors: Vec<(usize, String)> = unknown_enum_values(&headers, &record);
            for (name, kind) in NUMBER_COLUMNS {
                let Some(i) = column(name) else { continue };
                let value = record.get(i).unwrap_or("");
                let ok = match kind {
                    NumberKind::Year => value.parse::<u16>().is_ok(),
                    NumberKind::Number => value.parse::<f64>().is_ok(),
                    NumberKind::OptionalNumber => value.is_empty() || value.parse::<f64>().is_ok(),
                };
                if !ok {
                    let what = match kind {
                        NumberKind::Year => "a year",
                        NumberKind::Number | NumberKind::OptionalNumber => "a number",
                    };
                    row_errors.push((i, format!("column `{name}`: {value:?} is not {what}")));
                }
            }
            if !header_ok {
                // Rows cannot be read without their columns; their fields are still checked.
                row_errors.sort_by_key(|(i, _)| *i);
                errors.extend(
                    row_errors
                        .into_iter()
                        .map(|(i, m)| at(line, Some(i as u64 + 1), m)),
                );
                continue;
            }
            if row_errors.is_empty() {
                match record.deserialize::<Study>(Some(&headers)) {
                    Ok(study) => {
                        for (name, message) in check_row(&study) {
                            let i = column(name).unwrap_or(0);
                            row_errors.push((i, format!("column `{name}`: {message}")));
                        }
                        if let Some(i) = column("id") {
                            let first = self
                                .places
                                .get(&study.id)
                                .map(|p| format!("{}:{}", p.file, p.line))
                                .or_else(|| here.get(&study.id).map(|l| format!("{file}:{l}")));
                            if let Some(first) = first {
                                row_errors.push((
                                    i,
                                    format!(
                                        "column `id`: duplicate id `{}` (first at {first})",
                                        study.id
                                    ),
                                ));
                            } else {
                                here.insert(study.id.clone(), line);
                            }
                        }
                        if row_errors.is_empty() {
                            added.push((study, line));
                        }
                    }
                    // Every field was checked above; this is a backstop with serde's words.
                    Err(e) => {
                        let (field, message) = match e.kind() {
                            csv::ErrorKind::Deserialize { err, .. } => {
                                (err.field(), err.kind().to_string())
                            }
                            _ => (None, e.to_string()),
                        };
                        let i = field.and_then(|f| usize::try_from(f).ok());
                        let message = match i.and_then(|i| headers.get(i)) {
                            Some(name) => format!("column `{name}`: {message}"),
                            None => message,
                        };
                        errors.push(at(line, i.map(|i| i as u64 + 1), message));
                        continue;
                    }
                }
            }
            row_errors.sort_by_key(|(i, _)| *i);
            errors.extend(
                row_errors
                    .into_iter()
                    .map(|(i, m)| at(line, Some(i as u64 + 1), m)),
            );
        }
        if !errors.is_empty() {
            return Err(RegistryErrors(errors));
        }
        for (study, line) in added {
            self.places.insert(
                study.id.clone(),
                Place {
                    file: file.to_owned(),
                    line,
                },
            );
            self.studies.push(study);
        }
        Ok(())
    }

    /// The figure with this id.
    pub fn get(&self, id: &str) -> Option<&Study> {
        self.studies.iter().find(|s| s.id == id)
    }

    /// Problems across rows: duplicate ids (which [`Registry::load`] already refuses) and
    /// editions that point to no figure, each at its row's file and line when it was loaded.
    pub fn verify(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for s in &self.studies {
            let place = match self.places.get(&s.id) {
                Some(p) => format!("{}:{}: ", p.file, p.line),
                None => format!("{}: ", s.id),
            };
            if !seen.insert(s.id.as_str()) {
                problems.push(format!("{place}duplicate id `{}`", s.id));
            }
            if !s.superseded_by.is_empty() && self.get(&s.superseded_by).is_none() {
                problems.push(format!(
                    "{place}column `superseded_by`: `{}` names no figure",
                    s.superseded_by
                ));
            }
        }
        problems
    }
}

/// The values of enum columns that are not one of their values: each one's 0-based column
/// and a message naming the column and the values it takes.
fn unknown_enum_values(
    headers: &csv::StringRecord,
    record: &csv::StringRecord,
) -> Vec<(usize, String)> {
    fn spellings<T: Copy>(all: &[T], name: fn(T) -> &'static str) -> Vec<&'static str> {
        all.iter().map(|v| name(*v)).collect()
    }
    let columns: [(&str, Vec<&'static str>); 6] = [
        ("scope", spellings(Scope::ALL, Scope::as_str)),
        ("concept", spellings(Concept::ALL, Concept::as_str)),
        ("basis", spellings(Basis::ALL, Basis::as_str)),
        ("measure", spellings(Measure::ALL, Measure::as_str)),
        ("unit", spellings(Unit::ALL, Unit::as_str)),
        ("per", spellings(Per::ALL, Per::as_str)),
    ];
    let mut out = Vec::new();
    for (name, allowed) in columns {
        let Some(i) = headers.iter().position(|h| h == name) else {
            continue;
        };
        let value = record.get(i).unwrap_or("");
        if !allowed.contains(&value) {
            let listed: Vec<String> = allowed
                .iter()
                .map(|a| {
                    if a.is_empty() {
                        "(empty)".to_owned()
                    } else {
                        format!("`{a}`")
                    }
                })
                .collect();
            out.push((
                i,
                format!(
                    "column `{name}`: unknown {name} `{value}` (expected one of {})",
                    listed.join(", ")
                ),
            ));
        }
    }
    out
}

/// The problems in one row, each with the column it is in.
fn check_row(s: &Study) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    if s.id.is_empty()
        || !s
            .id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
    {
        out.push((
            "id",
            format!("id `{}` must be lowercase letters, digits and _", s.id),
        ));
    }
    if s.publisher.is_empty() {
        out.push(("publisher", "publisher is empty".to_owned()));
    }
    if s.reference_start > s.reference_end {
        out.push((
            "reference_start",
            "reference_start is after reference_end".to_owned(),
        ));
    }
    if !s.value.is_finite() {
        out.push(("value", "value must be a finite number".to_owned()));
    } else if s.lower.is_some_and(|l| l > s.value) || s.upper.is_some_and(|u| u < s.value) {
        out.push(("value", "value lies outside [lower, upper]".to_owned()));
    }
    if let (Some(l), Some(u)) = (s.lower, s.upper)
        && l > u
    {
        out.push(("lower", format!("lower {l} is above upper {u}")));
    }
    if !(s.url.starts_with("https://") || s.url.starts_with("http://")) {
        out.push((
            "url",
            "every figure needs its source URL (http:// or https://)".to_owned(),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The compositions hold every pair of rows the rules' tests (as they were written, row
    /// by row over the whole registry) would pair, in registry order, and no other.
    #[test]
    fn compositions_pair_the_rows_the_rules_would() {
        let studies = Registry::builtin()
            .expect("the shipped registry parses")
            .studies;
        let is_count = |s: &Study| s.measure == Measure::Count && s.unit == Unit::Persons;
        let mut wholes = Vec::new();
        for (wi, whole) in studies.iter().enumerate() {
            if !is_count(whole) || !whole.subgroup.is_empty() || whole.scope != Scope::Global {
                continue;
            }
            let parts = (0..studies.len())
                .filter(|&pi| {
                    let part = &studies[pi];
                    is_count(part)
                        && !part.subgroup.is_empty()
                        && part.series == whole.series
                        && part.edition == whole.edition
                        && part.concept == whole.concept
                })
                .collect();
            wholes.push((wi, parts));
        }
        let mut shares = Vec::new();
        for (si, share) in studies.iter().enumerate() {
            if share.unit != Unit::Percent || share.subgroup.is_empty() {
                continue;
            }
            let of = (0..studies.len())
                .filter(|&wi| {
                    let whole = &studies[wi];
                    whole.series == share.series
                        && whole.edition == share.edition
                        && whole.concept == share.concept
                        && whole.subgroup.is_empty()
                        && whole.scope == share.scope
                        && whole.kind() != Some(Kind::Percent)
                })
                .collect();
            shares.push((si, of));
        }
        let compositions = Compositions::new(&studies);
        assert_eq!(compositions.wholes, wholes);
        assert_eq!(compositions.shares, shares);
        // The shipped registry has both, with parts and wholes to pair.
        assert!(wholes.iter().any(|(_, parts)| !parts.is_empty()));
        assert!(shares.iter().any(|(_, of)| !of.is_empty()));
    }

    #[test]
    fn shipped_registry_verifies() {
        let r = Registry::builtin().expect("the shipped registry parses");
        assert!(r.studies.len() >= 50, "{} figures", r.studies.len());
        assert_eq!(r.verify(), Vec::<String>::new());
        for s in &r.studies {
            assert!(s.url.starts_with("http"), "{}", s.id);
            assert!(s.kind().is_some() || s.unit == Unit::Times, "{}", s.id);
            if let (Some(l), Some(u)) = (s.lower, s.upper) {
                assert!(l <= u, "{}", s.id);
            }
        }
    }

    /// The rows whose URL is not on their publisher's domain, as `data/README.md` lists them
    /// under "Known gaps" (the publisher's page is gone or was not found).
    const URL_EXCEPTIONS: &[&str] = &[
        "uniap_poipet_2009_",
        "moi_poipet_deportees_2009",
        "unodc_tij2017_migrants_thailand",
        "unodc2017_irregular_cambodians",
        "gsi2013_",
        "gsi2014_",
        "gsi2016_global",
        "gsi2023_thailand",
    ];

    #[test]
    fn urls_are_on_their_publishers_domains() {
        let r = Registry::builtin().expect("parses");
        let publishers = include_str!("../../../data/publishers.csv");
        let mut domains: std::collections::HashMap<String, Vec<String>> = Default::default();
        let mut reader = csv::Reader::from_reader(publishers.as_bytes());
        for row in reader.records() {
            let row = row.expect("publishers.csv parses");
            domains.insert(
                row[0].to_owned(),
                row[1].split('|').map(|d| d.trim().to_owned()).collect(),
            );
        }
        let mut wrong = Vec::new();
        for s in &r.studies {
            let Some(allowed) = domains.get(&s.publisher) else {
                wrong.push(format!(
                    "{}: publisher `{}` not in publishers.csv",
                    s.id, s.publisher
                ));
                continue;
            };
            let host = s
                .url
                .split("://")
                .nth(1)
                .and_then(|rest| rest.split(['/', '?', '#']).next())
                .unwrap_or("")
                .to_ascii_lowercase();
            let on_domain = allowed
                .iter()
                .any(|d| host == *d || host.ends_with(&format!(".{d}")));
            let excepted = URL_EXCEPTIONS.iter().any(|e| s.id.starts_with(e));
            if !on_domain && !excepted {
                wrong.push(format!(
                    "{}: {host} is not a domain of {}",
                    s.id, s.publisher
                ));
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn published_words_set_the_interval() {
        let r = Registry::builtin().expect("parses");
        let x = Extractor::default();
        let c = ModelConventions::default();
        let show = |id: &str| {
            claimcheck_model::quantity::show(&r.get(id).expect("present").interval(&x, &c))
        };
        assert_eq!(show("uniap_poipet_2009_trafficked"), "[22.5, 23.5)");
        assert_eq!(show("gems2022_modern_slavery"), "[49,550,000, 49,650,000)");
        assert_eq!(show("ilo2005_forced_labour"), "[12,300,000, ∞)");
    }

    #[test]
    fn malformed_rows_name_line_and_column() {
        let header = BUILTIN.lines().next().expect("header");
        let good = BUILTIN.lines().nth(1).expect("a row");
        let cases = [
            (
                good.replacen(",percent,", ",parsecs,", 1),
                "column `unit`: unknown unit `parsecs`",
            ),
            (
                good.replacen(",23,", ",twenty,", 1),
                "column `value`: \"twenty\" is not a number",
            ),
            (
                good.replacen(",2010,", ",20x0,", 1),
                "column `year`: \"20x0\" is not a year",
            ),
            (
                good.replacen("https://", "ftp://", 1),
                "column `url`: every figure needs",
            ),
        ];
        let id = good.split(',').next().expect("an id");
        for (row, message) in cases {
            let row = row.replacen(id, "mine", 1);
            let text = format!("{header}\n{good}\n{row}\n");
            let mut r = Registry::default();
            let errs = r.load("mine.csv", &text).expect_err(message).0;
            assert_eq!(errs.len(), 1, "{errs:?}");
            let err = &errs[0];
            assert_eq!(err.line, 3, "{err}");
            assert!(err.column.is_some(), "{err}");
            assert!(err.message.contains(message), "{err}");
            assert!(err.to_string().starts_with("mine.csv:3:"), "{err}");
            assert!(r.studies.is_empty(), "a file with a problem adds nothing");
        }
        let mut r = Registry::default();
        let errs = r
            .load("mine.csv", &format!("{header},extra\n{good},x\n"))
            .expect_err("unknown column")
            .0;
        assert_eq!(errs[0].to_string(), "mine.csv:1:27: unknown column `extra`");
    }

    /// The position (1-based) of a column in the shipped header.
    fn column_of(name: &str) -> u64 {
        let header = BUILTIN.lines().next().expect("header");
        header.split(',').position(|h| h == name).expect("a column") as u64 + 1
    }

    #[test]
    fn every_problem_is_reported_in_file_order() {
        let header = BUILTIN.lines().next().expect("header");
        let good = BUILTIN.lines().nth(1).expect("a row");
        let bad_number = good.replacen(",23,", ",\"12,3 million\",", 1);
        let two_bad = good
            .replacen(",percent,", ",parsecs,", 1)
            .replacen(",local,", ",planet,", 1);
        let short = good.rsplit_once(',').expect("a comma").0.to_owned();
        let text = format!("{header}\n{good}\n{bad_number}\n{two_bad}\n{short}\n{good}\n");
        let mut r = Registry::default();
        let errs = r.load("mine.csv", &text).expect_err("bad rows").0;
        let got: Vec<(u64, Option<u64>)> = errs.iter().map(|e| (e.line, e.column)).collect();
        assert_eq!(
            got,
            [
                (3, Some(column_of("value"))),
                (4, Some(column_of("scope"))),
                (4, Some(column_of("unit"))),
                (5, Some(column_of("url"))),
                (6, Some(column_of("id"))),
            ],
            "{errs:?}"
        );
        assert!(
            errs[0]
                .message
                .contains("column `value`: \"12,3 million\" is not a number"),
            "{}",
            errs[0]
        );
        assert!(
            errs[3].message.contains("column `url`: missing"),
            "{}",
            errs[3]
        );
        assert!(
            errs[4].message.ends_with("(first at mine.csv:2)"),
            "{}",
            errs[4]
        );
        let shown = RegistryErrors(errs).to_string();
        assert_eq!(shown.lines().count(), 5, "{shown}");
    }

    #[test]
    fn a_missing_column_is_named_once() {
        let header = BUILTIN.lines().next().expect("header");
        let good = BUILTIN.lines().nth(1).expect("a row");
        let drop = |line: &str| {
            let mut fields: Vec<&str> = line.split(',').collect();
            fields.remove(2);
            fields.join(",")
        };
        // The shipped row's aliases hold no comma, so dropping the third field drops them.
        let text = format!("{}\n{}\n{}\n", drop(header), drop(good), drop(good));
        let errs = Registry::default()
            .load("mine.csv", &text)
            .expect_err("no aliases")
            .0;
        let shown: Vec<String> = errs.iter().map(ToString::to_string).collect();
        assert_eq!(shown, ["mine.csv:1: missing column `aliases`"]);
    }

    #[test]
    fn a_duplicate_across_files_names_both() {
        let header = BUILTIN.lines().next().expect("header");
        let good = BUILTIN.lines().nth(1).expect("a row");
        let mut r = Registry::builtin().expect("parses");
        let errs = r
            .load("mine.csv", &format!("{header}\n\n{good}\n"))
            .expect_err("a duplicate")
            .0;
        assert_eq!(errs.len(), 1, "{errs:?}");
        let id = good.split(',').next().expect("an id");
        assert_eq!(
            errs[0].to_string(),
            format!(
                "mine.csv:3:1: column `id`: duplicate id `{id}` (first at data/studies.csv (built in):2)"
            )
        );
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        let header = BUILTIN.lines().next().expect("header");
        let cases = [
            String::new(),
            "\n\n".to_owned(),
            "id\n".to_owned(),
            "\"unterminated\n".to_owned(),
            format!("{header}\n,,,\n"),
            format!("{header}\n\r\n\n{}\n", ",".repeat(40)),
            format!("{header},{header}\n"),
        ];
        let errs = Registry::default()
            .load("mine.csv", &format!("{header},id\n"))
            .expect_err("a column twice");
        assert_eq!(errs.to_string(), "mine.csv:1:27: column `id` appears twice");
        for text in cases {
            let mut r = Registry::default();
            if let Err(errs) = r.load("mine.csv", &text) {
                assert!(!errs.0.is_empty(), "{text:?}");
                assert!(
                    errs.to_string().starts_with("mine.csv:"),
                    "{text:?}: {errs}"
                );
            }
        }
    }
}
