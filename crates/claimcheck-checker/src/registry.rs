//! The registry of cited studies: published figures with their population, concept, basis,
//! edition and source. The shipped registry is `data/studies.csv`, embedded in the binary;
//! users add their own files in the same format (schema in `data/README.md`).

use claimcheck_model::{Interval, ModelConventions, Quantity};
use claimcheck_parser::{Extractor, Kind};
use serde::Deserialize;

/// The shipped registry, as CSV.
pub const BUILTIN: &str = include_str!("../../../data/studies.csv");

/// Declares a registry enum: its CSV spellings (serde), and the spelling back for people.
macro_rules! registry_enum {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $text:literal,)* }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
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

/// One published figure. Field meanings are documented in `data/README.md`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
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
    /// What the figure measures (see [`CONCEPTS`]).
    pub concept: Concept,
    /// Stock, flow, detected… (see [`BASES`]).
    pub basis: Basis,
    /// Count, share, money… (see [`MEASURES`]).
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
        use claimcheck_model::End;
        if let (Some(l), Some(u)) = (self.lower, self.upper) {
            return Interval {
                lo: End::Inclusive(l),
                hi: End::Inclusive(u),
            };
        }
        let want = self.claim_value();
        let found = extractor.extract(&self.value_text);
        let published = found
            .mentions
            .iter()
            .filter(|m| Some(m.kind) == self.kind())
            .filter_map(|m| Quantity::from_mention(m, &self.value_text, conventions))
            .find(|q| (q.nominal[0] - want).abs() <= want.abs() * 1e-9 + 1e-9);
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
    /// 1-based line.
    pub line: u64,
    /// 1-based column (the field's position in the row), when known.
    pub column: Option<u64>,
    /// What is wrong.
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

/// The figures known to the checker.
#[derive(Debug, Clone, Default)]
pub struct Registry {
    /// All figures, the shipped ones first.
    pub studies: Vec<Study>,
}

impl Registry {
    /// The shipped registry.
    pub fn builtin() -> Result<Self, RegistryError> {
        let mut r = Registry::default();
        r.load("data/studies.csv (built in)", BUILTIN)?;
        Ok(r)
    }

    /// Adds the rows of a CSV file. Every row is checked; the first malformed one is an
    /// error naming its line and column.
    pub fn load(&mut self, file: &str, csv_text: &str) -> Result<(), RegistryError> {
        let mut reader = csv::ReaderBuilder::new()
            .trim(csv::Trim::All)
            .from_reader(csv_text.as_bytes());
        let headers = reader.headers().cloned().map_err(|e| RegistryError {
            file: file.to_owned(),
            line: 1,
            column: None,
            message: e.to_string(),
        })?;
        let mut added = Vec::new();
        for record in reader.records() {
            let record = record.map_err(|e| {
                let line = e.position().map_or(0, |p| p.line());
                RegistryError {
                    file: file.to_owned(),
                    line,
                    column: None,
                    message: e.to_string(),
                }
            })?;
            let line = record.position().map_or(0, |p| p.line());
            if let Some((column, message)) = unknown_enum_value(&headers, &record) {
                return Err(RegistryError {
                    file: file.to_owned(),
                    line,
                    column: Some(column),
                    message,
                });
            }
            let study: Study = record.deserialize(Some(&headers)).map_err(|e| {
                let (field, message) = match e.kind() {
                    csv::ErrorKind::Deserialize { err, .. } => {
                        (err.field(), err.kind().to_string())
                    }
                    _ => (None, e.to_string()),
                };
                let name = field
                    .and_then(|f| headers.get(usize::try_from(f).unwrap_or(usize::MAX)))
                    .unwrap_or("row");
                RegistryError {
                    file: file.to_owned(),
                    line,
                    column: field.map(|f| f + 1),
                    message: format!("field `{name}`: {message}"),
                }
            })?;
            if let Some(problem) = check_row(&study) {
                let field_index = headers
                    .iter()
                    .position(|h| h == problem.0)
                    .map(|i| i as u64 + 1);
                return Err(RegistryError {
                    file: file.to_owned(),
                    line,
                    column: field_index,
                    message: problem.1,
                });
            }
            added.push(study);
        }
        self.studies.extend(added);
        Ok(())
    }

    /// The figure with this id.
    pub fn get(&self, id: &str) -> Option<&Study> {
        self.studies.iter().find(|s| s.id == id)
    }

    /// Problems across rows: duplicate ids and editions that point to no figure.
    pub fn verify(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for s in &self.studies {
            if !seen.insert(s.id.as_str()) {
                problems.push(format!("{}: duplicate id", s.id));
            }
            if !s.superseded_by.is_empty() && self.get(&s.superseded_by).is_none() {
                problems.push(format!(
                    "{}: superseded_by `{}` names no figure",
                    s.id, s.superseded_by
                ));
            }
        }
        problems
    }
}

/// The first value of an enum column that is not one of its values: its 1-based column and
/// a message naming the column and the values it takes.
fn unknown_enum_value(
    headers: &csv::StringRecord,
    record: &csv::StringRecord,
) -> Option<(u64, String)> {
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
            return Some((
                i as u64 + 1,
                format!(
                    "field `{name}`: unknown {name} `{value}` (expected one of {})",
                    listed.join(", ")
                ),
            ));
        }
    }
    None
}

/// A problem in one row, with the field it is in.
fn check_row(s: &Study) -> Option<(&'static str, String)> {
    if s.id.is_empty()
        || !s
            .id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
    {
        return Some((
            "id",
            format!("id `{}` must be lowercase letters, digits and _", s.id),
        ));
    }
    if !s.value.is_finite() {
        return Some(("value", "value must be a finite number".to_owned()));
    }
    if let (Some(l), Some(u)) = (s.lower, s.upper)
        && l > u
    {
        return Some(("lower", format!("lower {l} is above upper {u}")));
    }
    if s.lower.is_some_and(|l| l > s.value) || s.upper.is_some_and(|u| u < s.value) {
        return Some(("value", "value lies outside [lower, upper]".to_owned()));
    }
    if s.reference_start > s.reference_end {
        return Some((
            "reference_start",
            "reference_start is after reference_end".to_owned(),
        ));
    }
    if !(s.url.starts_with("https://") || s.url.starts_with("http://")) {
        return Some((
            "url",
            "every figure needs its source URL (http:// or https://)".to_owned(),
        ));
    }
    if s.publisher.is_empty() {
        return Some(("publisher", "publisher is empty".to_owned()));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

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
                3,
                "unknown unit",
            ),
            (good.replacen(",23,", ",twenty,", 1), 3, "field `value`"),
            (good.replacen("https://", "ftp://", 1), 3, "source URL"),
        ];
        for (row, line, message) in cases {
            let text = format!("{header}\n{good}\n{row}\n");
            let mut r = Registry::default();
            let err = r.load("mine.csv", &text).expect_err(message);
            assert_eq!(err.line, line, "{err}");
            assert!(err.column.is_some(), "{err}");
            assert!(err.message.contains(message), "{err}");
            assert!(err.to_string().starts_with("mine.csv:3:"), "{err}");
        }
        let mut r = Registry::default();
        let err = r
            .load("mine.csv", &format!("{header},extra\n{good},x\n"))
            .expect_err("unknown column");
        assert!(err.to_string().starts_with("mine.csv:"), "{err}");
    }
}
