//! Estimates: what stated figures imply, with the working, the honest interval and the
//! assumptions a reader must be told.
//!
//! The algebra is typed: every estimate knows what it measures (a count of a noun, money,
//! a share, percentage points), per what (a person) and per which period (a month), and each
//! operation says what its result measures or why the two figures do not combine:
//!
//! | operation | result |
//! |---|---|
//! | share × count, share × share | a part of the count; a share |
//! | rate per period × number of periods | the rate over those periods (a year: a yearly rate) |
//! | money × count, count × count | money; a count of the right-hand noun |
//! | rate per year ÷ 365, 52, 12 or 4; count ÷ a duration | a rate per day, week, month, quarter |
//! | money ÷ persons; count ÷ count of another noun | money per person; hectares per farm |
//! | persons ÷ persons, money ÷ money, share ÷ share | a share (a ratio in percent) |
//! | count ÷ share | the whole the count is that share of |
//! | share − share | percentage points |
//! | from X to Y | percent change (and percentage points for shares) |
//!
//! Figures of different units (hectares + tonnes, USD + EUR, a rate + a count) are an error
//! naming the units that met.

use claimcheck_parser::Span;

use crate::interval::{End, Interval, IntervalError};
use crate::quantity::{Dimension, Nominal, Quantity, plain, trim};
use crate::unit::{self, NounClass, Period};

/// A figure taking part in a derivation, with where it was written.
#[derive(Debug, Clone, PartialEq)]
pub struct Operand {
    /// The figure as a quantity.
    pub quantity: Quantity,
    /// The figure as written.
    pub text: String,
    /// Where it was written (in the document or the expression).
    pub span: Span,
    /// The population it describes, if known.
    pub subject: Option<String>,
}

/// What kind of thing a reader must take on trust.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AssumptionKind {
    /// How a figure's words were read (rounding, hedges).
    Reading,
    /// A rate found in one population is applied to another.
    Population,
    /// A share of a stock is applied to a flow.
    Basis,
    /// An input has no upper limit, so neither has the result.
    OpenBound,
    /// A rate is taken to hold over a period, or is spread evenly over one.
    Period,
    /// Figures are taken to be parts of one total.
    Parts,
    /// How the units of two figures were put together ("$167 a month" is per worker).
    Units,
}

impl AssumptionKind {
    /// The name used in machine formats.
    pub fn as_str(self) -> &'static str {
        match self {
            AssumptionKind::Reading => "reading",
            AssumptionKind::Population => "population",
            AssumptionKind::Basis => "basis",
            AssumptionKind::OpenBound => "open_bound",
            AssumptionKind::Period => "period",
            AssumptionKind::Parts => "parts",
            AssumptionKind::Units => "units",
        }
    }

    /// The label that starts the sentence for people; none for a reading, which names its
    /// figure first.
    fn label(self) -> Option<&'static str> {
        match self {
            AssumptionKind::Reading => None,
            AssumptionKind::Population => Some("population"),
            AssumptionKind::Basis => Some("basis"),
            AssumptionKind::OpenBound => Some("open bound"),
            AssumptionKind::Period => Some("period"),
            AssumptionKind::Parts => Some("parts"),
            AssumptionKind::Units => Some("units"),
        }
    }
}

/// Something a reader must be told to trust an estimate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assumption {
    /// What kind of assumption.
    pub kind: AssumptionKind,
    /// The assumption in words, without its label.
    pub text: String,
}

impl Assumption {
    /// An assumption of a kind.
    pub fn new(kind: AssumptionKind, text: impl Into<String>) -> Self {
        Assumption {
            kind,
            text: text.into(),
        }
    }
}

impl std::fmt::Display for Assumption {
    /// The sentence for people: "population: a rate found among …".
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.kind.label() {
            Some(label) => write!(f, "{label}: {}", self.text),
            None => f.write_str(&self.text),
        }
    }
}

/// How an estimate was obtained, which says what kind of number it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EstimateKind {
    /// A single figure as stated.
    Figure,
    /// A product of figures.
    Product,
    /// A share of a base: the part of it the share describes.
    Part,
    /// A sum.
    Sum,
    /// A difference of like figures.
    Difference,
    /// A quotient that is no share (money per person, a rate per day).
    Quotient,
    /// A quotient of like figures, in percent (a share, or a ratio above 100%).
    Share,
    /// A percent change from one figure to another (can be negative or above 100%).
    PercentChange,
    /// A change between two shares, in percentage points.
    PointChange,
    /// A rate per day, week, month or quarter taken over a whole year.
    PerYear,
}

impl EstimateKind {
    /// The name used in machine formats.
    pub fn as_str(self) -> &'static str {
        match self {
            EstimateKind::Figure => "figure",
            EstimateKind::Product => "product",
            EstimateKind::Part => "part",
            EstimateKind::Sum => "sum",
            EstimateKind::Difference => "difference",
            EstimateKind::Quotient => "quotient",
            EstimateKind::Share => "share",
            EstimateKind::PercentChange => "percent_change",
            EstimateKind::PointChange => "point_change",
            EstimateKind::PerYear => "per_year",
        }
    }

    /// Whether the working is a sum or a difference, and so needs parentheses inside a
    /// product.
    fn is_additive(self) -> bool {
        matches!(
            self,
            EstimateKind::Sum | EstimateKind::Difference | EstimateKind::PointChange
        )
    }
}

/// What a set of figures implies.
#[derive(Debug, Clone, PartialEq)]
pub struct Estimate {
    /// The working in words: "23% × 100,000–200,000+ workers/year".
    pub expression: String,
    /// The result from the stated values.
    pub nominal: crate::quantity::Nominal,
    /// Every result the stated words allow.
    pub interval: Interval,
    /// What the result measures.
    pub dimension: Dimension,
    /// The counted noun of the result.
    pub unit: Option<String>,
    /// What one of the result is for, in the singular: money per "person".
    pub each: Option<String>,
    /// The period of the result, if it is a rate.
    pub per: Option<Period>,
    /// How it was obtained.
    pub kind: EstimateKind,
    /// The population counted, if known ("Cambodian labor migrants entering Thailand").
    pub population: Option<String>,
    /// What the result counts among that population ("fall victim to human trafficking").
    pub outcome: Option<String>,
    /// The figures it is derived from.
    pub inputs: Vec<Operand>,
    /// What a reader must be told to trust it.
    pub assumptions: Vec<Assumption>,
}

impl Estimate {
    /// A figure as an estimate of itself.
    pub fn figure(o: &Operand) -> Estimate {
        let q = &o.quantity;
        Estimate {
            expression: short(q),
            nominal: q.nominal,
            interval: q.interval,
            dimension: q.dimension.clone(),
            unit: q.unit.clone(),
            each: q.each.clone(),
            per: q.per,
            kind: EstimateKind::Figure,
            population: o.subject.clone(),
            outcome: None,
            inputs: vec![o.clone()],
            assumptions: q
                .readings
                .iter()
                .map(|r| Assumption::new(AssumptionKind::Reading, r.to_string()))
                .collect(),
        }
    }

    /// Whether the stated values give a result within the range of numbers (a product of
    /// two enormous figures may overflow; such an estimate is never shown).
    pub fn is_finite(&self) -> bool {
        self.nominal.is_finite()
    }

    /// Whether the estimate is a plain number: a count of nothing named, over no period.
    fn is_bare(&self) -> bool {
        self.dimension == Dimension::Count
            && self.unit.is_none()
            && self.each.is_none()
            && self.per.is_none()
    }

    /// The period a count of durations is counted in ("12 months" ⇒ month).
    fn duration(&self) -> Option<Period> {
        if self.dimension != Dimension::Count || self.per.is_some() || self.each.is_some() {
            return None;
        }
        match unit::classify(self.unit.as_deref()?) {
            NounClass::Duration(p) => Some(p),
            _ => None,
        }
    }

    /// The exact value of a bare figure typed as a factor ("× 12").
    fn exact(&self) -> Option<f64> {
        (self.nominal.low == self.nominal.high
            && self.interval == Interval::point(self.nominal.low))
        .then_some(self.nominal.low)
    }

    /// What the estimate counts, in words: "Cambodian labor migrants entering Thailand who
    /// fall victim to human trafficking, a year"; "USD per person". `None` for shares and
    /// changes, and for a count of nothing named.
    pub fn counts(&self) -> Option<String> {
        let mut s = match &self.dimension {
            Dimension::Count => {
                let base = self.population.clone().or_else(|| self.unit.clone())?;
                match &self.outcome {
                    Some(o) => format!("{base} who {o}"),
                    None => base,
                }
            }
            Dimension::Money(code) => match self.population.as_ref() {
                Some(p) if self.each.is_none() => format!("{code} for {p}"),
                _ => (*code).to_owned(),
            },
            _ => return None,
        };
        if let Some(e) = &self.each {
            s.push_str(" per ");
            s.push_str(e);
        }
        if let Some(p) = self.per {
            s.push_str(", a ");
            s.push_str(p.as_str());
        }
        Some(s)
    }

    /// Whether a share lies outside [0, 100] whatever the rounding. Only parts and sums of
    /// shares are shares of a whole; a quotient or a change may exceed 100%.
    pub fn out_of_domain(&self) -> Option<String> {
        if self.dimension != Dimension::Percent
            || !matches!(
                self.kind,
                EstimateKind::Figure | EstimateKind::Part | EstimateKind::Sum
            )
        {
            return None;
        }
        let above = match self.interval.lo {
            End::Inclusive(v) => v > 100.0,
            End::Exclusive(v) => v >= 100.0,
            End::Unbounded => false,
        };
        above.then(|| {
            format!(
                "the share {} is above 100%",
                crate::readable::interval(&self.interval, &self.dimension)
            )
        })
    }
}

/// Why a derivation has no result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeriveError {
    /// Division by an interval that contains zero.
    DivisionByZero,
    /// The operation makes no sense for these kinds of figure.
    Incompatible(String),
    /// The result lies outside its domain (a share above 100%).
    OutOfDomain(String),
}

impl std::fmt::Display for DeriveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DeriveError::DivisionByZero => {
                f.write_str("division by a figure whose interval contains zero")
            }
            DeriveError::Incompatible(why) | DeriveError::OutOfDomain(why) => f.write_str(why),
        }
    }
}

impl std::error::Error for DeriveError {}

impl From<IntervalError> for DeriveError {
    fn from(e: IntervalError) -> Self {
        match e {
            IntervalError::DivisionByZero => DeriveError::DivisionByZero,
            IntervalError::Empty => DeriveError::OutOfDomain("the result is empty".to_owned()),
        }
    }
}

/// The figure in short form for an expression: "23%", "100,000–200,000+ workers/year",
/// "$250/month", "7 points".
pub fn short(q: &Quantity) -> String {
    let [a, b] = q.nominal.ends();
    let value = if a == b {
        // A bound keeps its sign: ">20%", "≥15", "<10", "≤60".
        let sign = match (q.interval.lo, q.interval.hi) {
            (End::Exclusive(l), _) if l == a => ">",
            (_, End::Exclusive(h)) if h == a => "<",
            (End::Inclusive(l), End::Unbounded) if l == a => "≥",
            (End::Unbounded | End::Inclusive(_), End::Inclusive(h))
                if h == a && q.interval.lo != End::Inclusive(a) =>
            {
                "≤"
            }
            _ => "",
        };
        format!("{sign}{}", human(a))
    } else {
        format!(
            "{}–{}{}",
            human(a),
            human(b),
            if q.open_above() { "+" } else { "" }
        )
    };
    let mut s = match &q.dimension {
        Dimension::Percent => format!("{value}%"),
        Dimension::Points => format!("{value} points"),
        Dimension::Money(code) => money(code, &value),
        Dimension::Count => value,
    };
    if let Some(u) = &q.unit {
        s.push(' ');
        s.push_str(u);
    }
    if let Some(e) = &q.each {
        s.push('/');
        s.push_str(e);
    }
    if let Some(p) = q.per {
        s.push('/');
        s.push_str(p.as_str());
    }
    s
}

/// A number as a reader writes it: "40.3 million", "1.2 billion", "23,000".
pub fn human(v: f64) -> String {
    for (scale, word) in [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")] {
        if v.abs() >= scale {
            let m = v / scale;
            // Only when the figure is short in that scale: 40.3 million, not 40.30127 million.
            if (m * 1000.0).fract().abs() < 1e-6 {
                return format!("{} {word}", plain(m));
            }
        }
    }
    plain(v)
}

/// An amount with its currency sign: "$250", "€3 million", "1,000 THB".
pub fn money(code: &str, value: &str) -> String {
    match code {
        "USD" => format!("${value}"),
        "EUR" => format!("€{value}"),
        "GBP" => format!("£{value}"),
        other => format!("{value} {other}"),
    }
}

/// The unit of an estimate in words, for error messages: "hectares", "USD", "percent",
/// "workers a day".
fn unit_words(e: &Estimate) -> String {
    let mut s = match &e.dimension {
        Dimension::Count => e.unit.clone().unwrap_or_else(|| "a number".to_owned()),
        Dimension::Percent => "percent".to_owned(),
        Dimension::Points => "percentage points".to_owned(),
        Dimension::Money(code) => (*code).to_owned(),
    };
    if let Some(each) = &e.each {
        s.push_str(" per ");
        s.push_str(each);
    }
    if let Some(p) = e.per {
        s.push_str(" a ");
        s.push_str(p.as_str());
    }
    s
}

/// What a step of the algebra makes of two estimates' units: the result's unit, the
/// constant the product or quotient of the values is multiplied by (a conversion of periods,
/// 0.01 for a share), and what the reader must be told.
struct Step {
    dimension: Dimension,
    unit: Option<String>,
    each: Option<String>,
    per: Option<Period>,
    kind: EstimateKind,
    factor: f64,
    population: Option<String>,
    assumptions: Vec<Assumption>,
}

impl Step {
    /// The unit of `e`, unchanged.
    fn like(e: &Estimate, kind: EstimateKind) -> Step {
        Step {
            dimension: e.dimension.clone(),
            unit: e.unit.clone(),
            each: e.each.clone(),
            per: e.per,
            kind,
            factor: 1.0,
            population: e.population.clone(),
            assumptions: Vec::new(),
        }
    }

    fn percent(kind: EstimateKind, factor: f64) -> Step {
        Step {
            dimension: Dimension::Percent,
            unit: None,
            each: None,
            per: None,
            kind,
            factor,
            population: None,
            assumptions: Vec::new(),
        }
    }
}

fn incompatible(why: String) -> DeriveError {
    DeriveError::Incompatible(why)
}

/// The least and greatest of `f` over the corners of two nominal ranges (every operation
/// here is monotone in each argument where it is defined).
fn corners(a: Nominal, b: Nominal, f: impl Fn(f64, f64) -> f64) -> Nominal {
    let v = [
        f(a.low, b.low),
        f(a.low, b.high),
        f(a.high, b.low),
        f(a.high, b.high),
    ];
    Nominal::range(
        v.iter().copied().fold(f64::INFINITY, f64::min),
        v.iter().copied().fold(f64::NEG_INFINITY, f64::max),
    )
}

/// The working of `a op b`, with parentheses where a sum stands inside a product.
fn working(a: &Estimate, op: &str, b: &Estimate) -> String {
    let tight = matches!(op, "×" | "÷");
    let wrap = |e: &Estimate, right: bool| {
        let needs = (tight && e.kind.is_additive())
            || (right && (op == "÷" && !e.inputs.is_empty() && e.kind != EstimateKind::Figure))
            || (right && op == "−" && e.kind.is_additive());
        if needs {
            format!("({})", e.expression)
        } else {
            e.expression.clone()
        }
    };
    format!("{} {op} {}", wrap(a, false), wrap(b, true))
}

/// The result of a step: the estimates' inputs and assumptions carried over, the step's own
/// assumptions after them.
fn finish(
    a: &Estimate,
    b: &Estimate,
    step: Step,
    expression: String,
    nominal: Nominal,
    interval: Interval,
) -> Estimate {
    // Which populations and bases were joined comes first, how the figures were read next,
    // then what the step took on (units, periods, open bounds).
    let (joined, rest): (Vec<&Assumption>, Vec<&Assumption>) = step
        .assumptions
        .iter()
        .partition(|x| matches!(x.kind, AssumptionKind::Population | AssumptionKind::Basis));
    let mut assumptions: Vec<Assumption> = Vec::new();
    for x in joined
        .into_iter()
        .chain(&a.assumptions)
        .chain(&b.assumptions)
        .chain(rest)
    {
        if !assumptions.contains(x) {
            assumptions.push(x.clone());
        }
    }
    Estimate {
        expression,
        nominal,
        interval,
        dimension: step.dimension,
        unit: step.unit,
        each: step.each,
        per: step.per,
        kind: step.kind,
        population: step.population,
        outcome: None,
        inputs: a.inputs.iter().chain(&b.inputs).cloned().collect(),
        assumptions,
    }
}

fn first_text(e: &Estimate) -> String {
    if e.kind == EstimateKind::Figure {
        e.inputs
            .first()
            .map_or_else(|| e.expression.clone(), |i| i.text.clone())
    } else {
        e.expression.clone()
    }
}

/// Checks that a share lies in 0–100%, as a share of a whole must.
fn check_share(share: &Estimate) -> Result<(), DeriveError> {
    if share.nominal.high > 100.0 || share.nominal.low < 0.0 {
        return Err(DeriveError::OutOfDomain(format!(
            "“{}” cannot be a share of a whole: it lies outside 0–100%",
            first_text(share)
        )));
    }
    Ok(())
}

/// `share × base`: the part of the base the share describes.
fn part_step(share: &Estimate, base: &Estimate) -> Result<Step, DeriveError> {
    check_share(share)?;
    if base.dimension == Dimension::Percent {
        check_share(base)?;
        // A share of a share is a share.
        return Ok(Step::percent(EstimateKind::Part, 0.01));
    }
    if base.dimension == Dimension::Points {
        return Err(incompatible(format!(
            "cannot take a share of percentage points (“{}”)",
            first_text(base)
        )));
    }
    let mut step = Step::like(base, EstimateKind::Part);
    step.factor = 0.01;
    if let (Some(s), Some(b)) = (&share.population, &base.population)
        && !crate::subject::compare(s, b).same
    {
        step.assumptions.push(Assumption::new(
            AssumptionKind::Population,
            format!("a rate found among “{s}” is applied to “{b}”"),
        ));
    }
    if share.per.is_none()
        && let Some(p) = base.per
    {
        step.assumptions.push(Assumption::new(
            AssumptionKind::Basis,
            format!(
                "a share of a population at one time (a stock) is applied to a flow per {}",
                p.as_str()
            ),
        ));
    }
    Ok(step)
}

/// The assumption that an open input leaves the result open.
fn open_bounds(a: &Estimate, b: &Estimate, out: &mut Vec<Assumption>) {
    for e in [a, b] {
        if e.interval.hi == End::Unbounded && e.kind == EstimateKind::Figure {
            out.push(Assumption::new(
                AssumptionKind::OpenBound,
                format!(
                    "“{}” has no upper limit, so neither has the estimate",
                    first_text(e)
                ),
            ));
        }
    }
}

/// `rate × duration` when one side is a rate per period and the other a number of periods:
/// the rate over that time. `None` when the other side is no duration.
fn over_time(rate: &Estimate, other: &Estimate) -> Result<Option<Step>, DeriveError> {
    let Some(p) = rate.per else {
        return Ok(None);
    };
    let mut step = Step::like(rate, EstimateKind::Product);
    if let Some(d) = other.duration() {
        // Periods of the rate in one period of the duration: 12 months in a year.
        step.factor = match p.in_period(d) {
            Some(k) => k,
            None => match d.in_period(p) {
                Some(k) => 1.0 / k,
                None => {
                    return Err(incompatible(format!(
                        "cannot take a rate per {} over {}s: say how many {}s a {} has",
                        p.as_str(),
                        d.as_str(),
                        p.as_str(),
                        d.as_str()
                    )));
                }
            },
        };
        let years = other.nominal.map(|v| v / d.in_year());
        let stated = &other.expression;
        if years == Nominal::single(1.0) && p != Period::Year {
            step.per = Some(Period::Year);
            step.kind = EstimateKind::PerYear;
            step.assumptions.push(Assumption::new(
                AssumptionKind::Period,
                format!(
                    "a rate per {} is taken to hold for a whole year ({stated})",
                    p.as_str()
                ),
            ));
        } else {
            step.per = None;
            step.assumptions.push(Assumption::new(
                AssumptionKind::Period,
                format!("a rate per {} is taken to hold for {stated}", p.as_str()),
            ));
        }
        return Ok(Some(step));
    }
    // A bare "× 12" on a monthly rate, "× 365" on a daily one: the periods of a year (or
    // "× 7" on a daily rate, a week; "× 3" on a monthly one, a quarter).
    if other.is_bare()
        && let Some(k) = other.exact()
        && let Some(q) = Period::ALL.into_iter().rev().find(|q| {
            *q != p
                && (p.in_period(*q) == Some(k)
                    || *q == Period::Year && p == Period::Day && (k == 365.25 || k == 366.0))
        })
    {
        step.per = Some(q);
        if q == Period::Year {
            step.kind = EstimateKind::PerYear;
        }
        step.assumptions.push(Assumption::new(
            AssumptionKind::Period,
            format!(
                "“× {}” on a rate per {} is read as the {} {}s of a {}: the rate over a whole {}",
                trim(k),
                p.as_str(),
                trim(k),
                p.as_str(),
                q.as_str(),
                q.as_str()
            ),
        ));
        return Ok(Some(step));
    }
    Ok(None)
}

/// The unit of `a × b`.
fn times_step(a: &Estimate, b: &Estimate) -> Result<Step, DeriveError> {
    use Dimension::{Count, Money, Percent, Points};
    let mut step = match (&a.dimension, &b.dimension) {
        (Points, _) | (_, Points) => {
            return Err(incompatible(format!(
                "cannot multiply percentage points: {} × {}",
                unit_words(a),
                unit_words(b)
            )));
        }
        (Percent, _) => part_step(a, b)?,
        (_, Percent) => part_step(b, a)?,
        _ => {
            if let Some(s) = over_time(a, b)? {
                s
            } else if let Some(s) = over_time(b, a)? {
                s
            } else if let (Some(p), Some(q)) = (a.per, b.per) {
                return Err(incompatible(format!(
                    "cannot multiply two rates over time: per {} × per {}",
                    p.as_str(),
                    q.as_str()
                )));
            } else {
                let per = a.per.or(b.per);
                match (&a.dimension, &b.dimension) {
                    (Money(x), Money(y)) => {
                        return Err(incompatible(format!(
                            "cannot multiply two amounts of money: {x} × {y}"
                        )));
                    }
                    (Money(_), Count) => money_times_count(a, b, per)?,
                    (Count, Money(_)) => money_times_count(b, a, per)?,
                    _ => count_times_count(a, b, per)?,
                }
            }
        }
    };
    open_bounds(a, b, &mut step.assumptions);
    Ok(step)
}

fn money_times_count(m: &Estimate, c: &Estimate, per: Option<Period>) -> Result<Step, DeriveError> {
    use Dimension::Money;
    let mut step = Step::like(m, EstimateKind::Product);
    step.per = per;
    if c.is_bare() {
        return Ok(step);
    }
    if let (Some(each), Some(noun)) = (&m.each, &c.unit) {
        let matches = unit::same_noun(each, noun)
            || unit::classify(each) == NounClass::Person
                && unit::classify(noun) == NounClass::Person;
        if !matches {
            return Err(incompatible(format!(
                "units do not match: {} × {}",
                unit_words(m),
                unit_words(c)
            )));
        }
        step.each = None;
    } else if m.each.is_none()
        && let Some(noun) = &c.unit
    {
        step.assumptions.push(Assumption::new(
            AssumptionKind::Units,
            format!(
                "“{}” is taken to be the amount for each of the {noun}",
                // The amount as written, not the working around it.
                m.inputs
                    .iter()
                    .find(|i| matches!(i.quantity.dimension, Money(_)))
                    .map_or_else(|| first_text(m), |i| i.text.clone())
            ),
        ));
    }
    step.population = c.population.clone().or_else(|| c.unit.clone());
    Ok(step)
}

fn count_times_count(a: &Estimate, b: &Estimate, per: Option<Period>) -> Result<Step, DeriveError> {
    if b.is_bare() {
        let mut s = Step::like(a, EstimateKind::Product);
        s.per = per;
        return Ok(s);
    }
    if a.is_bare() {
        let mut s = Step::like(b, EstimateKind::Product);
        s.per = per;
        return Ok(s);
    }
    // One side counted per each of the other's noun: the "each" cancels.
    for (x, y) in [(a, b), (b, a)] {
        if let (Some(each), Some(noun)) = (&x.each, &y.unit)
            && unit::same_noun(each, noun)
        {
            let mut s = Step::like(x, EstimateKind::Product);
            s.each = None;
            s.per = per;
            return Ok(s);
        }
    }
    if a.each.is_some() || b.each.is_some() {
        return Err(incompatible(format!(
            "units do not match: {} × {}",
            unit_words(a),
            unit_words(b)
        )));
    }
    // "1.2 million households × 4.5 people": the right-hand figure is per each of the left.
    let mut s = Step::like(b, EstimateKind::Product);
    s.per = per;
    if let (Some(x), Some(_)) = (&a.unit, &b.unit) {
        s.assumptions.push(Assumption::new(
            AssumptionKind::Units,
            format!("“{}” is taken to be per each of the {x}", first_text(b)),
        ));
    }
    Ok(s)
}

/// The unit of `a ÷ b`.
fn divided_step(a: &Estimate, b: &Estimate) -> Result<Step, DeriveError> {
    use Dimension::{Count, Money, Percent, Points};
    let cannot = || {
        incompatible(format!(
            "cannot divide {} by {}",
            unit_words(a),
            unit_words(b)
        ))
    };
    match (&a.dimension, &b.dimension) {
        (Points | Percent, Points | Percent) => {
            if a.dimension != b.dimension {
                return Err(cannot());
            }
            return Ok(Step::percent(EstimateKind::Share, 100.0));
        }
        (Points | Percent, _) if b.is_bare() => return Ok(Step::like(a, EstimateKind::Quotient)),
        (Points | Percent, _) | (_, Points) => return Err(cannot()),
        (_, Percent) => {
            // A part over its share: the whole.
            check_share(b)?;
            let mut s = Step::like(a, EstimateKind::Quotient);
            s.factor = 100.0;
            s.assumptions.push(Assumption::new(
                AssumptionKind::Units,
                format!(
                    "“{}” is taken to be {} of the whole",
                    first_text(a),
                    first_text(b)
                ),
            ));
            return Ok(s);
        }
        _ => {}
    }
    // Periods.
    let mut per = a.per;
    match (a.per, b.per) {
        (Some(p), Some(q)) if p == q => per = None,
        (Some(p), Some(q)) => {
            return Err(incompatible(format!(
                "cannot divide a rate per {} by a rate per {}: convert one of them first",
                p.as_str(),
                q.as_str()
            )));
        }
        (None, Some(_)) => return Err(cannot()),
        (Some(p), None) => {
            if let Some(d) = b.duration() {
                // "73,000 a year ÷ 365 days": the duration must be one period of the rate.
                if d.in_period(p)
                    .is_some_and(|k| b.nominal == Nominal::single(k))
                    && d != p
                {
                    let mut s = Step::like(a, EstimateKind::Quotient);
                    s.per = Some(d);
                    s.assumptions.push(Assumption::new(
                        AssumptionKind::Period,
                        format!(
                            "a rate per {} is spread evenly over its {}",
                            p.as_str(),
                            b.expression
                        ),
                    ));
                    return Ok(s);
                }
                return Err(cannot());
            }
            if b.is_bare()
                && let Some(k) = b.exact()
                && let Some(q) = Period::ALL
                    .into_iter()
                    .find(|q| *q != p && q.in_period(p) == Some(k))
            {
                // "73,000 crossings a year ÷ 365": a rate per day.
                let mut s = Step::like(a, EstimateKind::Quotient);
                s.per = Some(q);
                s.assumptions.push(Assumption::new(
                    AssumptionKind::Period,
                    format!(
                        "“÷ {}” on a rate per {} is read as the {} {}s of a {}: a rate per {}, spread evenly",
                        trim(k),
                        p.as_str(),
                        trim(k),
                        q.as_str(),
                        p.as_str(),
                        q.as_str()
                    ),
                ));
                return Ok(s);
            }
        }
        (None, None) => {
            if let Some(d) = b.duration() {
                // "1,000 cases ÷ 4 years": a rate per year.
                let mut s = Step::like(a, EstimateKind::Quotient);
                s.per = Some(d);
                s.assumptions.push(Assumption::new(
                    AssumptionKind::Period,
                    format!(
                        "“{}” is taken to be spread evenly over {}",
                        first_text(a),
                        b.expression
                    ),
                ));
                return Ok(s);
            }
        }
    }
    let mut s = match (&a.dimension, &b.dimension) {
        (Money(x), Money(y)) if x != y => {
            return Err(incompatible(format!(
                "cannot divide {x} by {y}: no exchange rate is known"
            )));
        }
        (Money(_), Money(_)) => Step::percent(EstimateKind::Share, 100.0),
        (Count, Money(_)) => return Err(cannot()),
        (Money(_), Count) if b.is_bare() => Step::like(a, EstimateKind::Quotient),
        // "1,000 cases ÷ 4": a count divided. Two plain numbers are read as a part and its
        // whole when the first is the smaller ("3,000 ÷ 12,000" is 25%), else as a quotient.
        (Count, Count) if b.is_bare() && (!a.is_bare() || a.nominal.high > b.nominal.low) => {
            Step::like(a, EstimateKind::Quotient)
        }
        (Money(_), Count) => {
            if a.each.is_some() || b.each.is_some() {
                return Err(cannot());
            }
            let mut s = Step::like(a, EstimateKind::Quotient);
            s.each = b.unit.as_deref().map(unit::singular);
            s
        }
        _ => {
            // Count ÷ count: like things give a share; unlike ones a quotient per each.
            if a.each.is_some() || b.each.is_some() {
                return Err(cannot());
            }
            match (&a.unit, &b.unit) {
                (Some(x), Some(y)) if !like_things(x, y) => {
                    let mut s = Step::like(a, EstimateKind::Quotient);
                    s.each = Some(unit::singular(y));
                    s
                }
                _ => Step::percent(EstimateKind::Share, 100.0),
            }
        }
    };
    s.per = if s.dimension == Dimension::Percent {
        None
    } else {
        per
    };
    Ok(s)
}

/// The unit of `a ± b`, with the factors that bring each to it.
fn sum_step(a: &Estimate, b: &Estimate, subtract: bool) -> Result<(Step, f64, f64), DeriveError> {
    use Dimension::{Money, Percent, Points};
    let (verb, op) = if subtract {
        ("subtract", "−")
    } else {
        ("add", "+")
    };
    let cannot = || {
        incompatible(format!(
            "cannot {verb} different units: {} {op} {}",
            unit_words(a),
            unit_words(b)
        ))
    };
    let kind = if subtract {
        EstimateKind::Difference
    } else {
        EstimateKind::Sum
    };
    let mut step = match (&a.dimension, &b.dimension) {
        (Percent, Percent) if subtract => Step {
            dimension: Points,
            ..Step::percent(EstimateKind::Difference, 1.0)
        },
        (Percent, Percent) => Step::percent(EstimateKind::Sum, 1.0),
        (Points, Points) => Step {
            dimension: Points,
            ..Step::percent(kind, 1.0)
        },
        (Percent, Points) => Step::percent(kind, 1.0),
        (Points, Percent) if !subtract => Step::percent(kind, 1.0),
        (Money(x), Money(y)) if x != y => {
            return Err(incompatible(format!(
                "cannot {verb} {x} and {y}: different currencies"
            )));
        }
        (x, y) if x == y => {
            let mut s = Step::like(a, kind);
            match (&a.unit, &b.unit) {
                (Some(x), Some(y)) if !unit::same_noun(x, y) => {
                    let people = unit::classify(x) == NounClass::Person
                        && unit::classify(y) == NounClass::Person;
                    if !people {
                        return Err(cannot());
                    }
                    s.unit = None;
                    s.assumptions.push(Assumption::new(
                        AssumptionKind::Units,
                        format!("{x} and {y} are counted as one population, without overlap"),
                    ));
                }
                (None, Some(y)) => s.unit = Some(y.clone()),
                _ => {}
            }
            if s.population.is_none() {
                s.population = b.population.clone();
            }
            s
        }
        _ => return Err(cannot()),
    };
    match (&a.each, &b.each) {
        (Some(x), Some(y)) if unit::same_noun(x, y) => {}
        (None, None) => {}
        _ => return Err(cannot()),
    }
    let (mut fa, mut fb) = (1.0, 1.0);
    match (a.per, b.per) {
        (p, q) if p == q => step.per = p,
        (Some(p), Some(q)) => {
            // Different periods: both per year.
            fa = p.in_year();
            fb = q.in_year();
            step.per = Some(Period::Year);
            for (e, k) in [(a, fa), (b, fb)] {
                if k != 1.0 {
                    step.assumptions.push(Assumption::new(
                        AssumptionKind::Period,
                        format!(
                            "“{}” is taken to hold for a whole year ({} {}s)",
                            first_text(e),
                            trim(k),
                            e.per.map_or("", Period::as_str)
                        ),
                    ));
                }
            }
        }
        _ => {
            return Err(incompatible(format!(
                "cannot {verb} a rate and a figure that is no rate: {} {op} {}",
                unit_words(a),
                unit_words(b)
            )));
        }
    }
    open_bounds(a, b, &mut step.assumptions);
    Ok((step, fa, fb))
}

/// `a × b`.
pub fn times(a: &Estimate, b: &Estimate) -> Result<Estimate, DeriveError> {
    let step = times_step(a, b)?;
    let k = step.factor;
    let nominal = corners(a.nominal, b.nominal, |x, y| x * y * k);
    let interval = a.interval.mul(&b.interval).scale(k);
    // A share goes first in the working: "23% × 100,000 workers".
    let expression = if step.kind == EstimateKind::Part
        && b.dimension == Dimension::Percent
        && a.dimension != Dimension::Percent
    {
        working(b, "×", a)
    } else {
        working(a, "×", b)
    };
    Ok(finish(a, b, step, expression, nominal, interval))
}

/// `a × b` written with "×" or "times" rather than "of": a share times a plain number the
/// user typed ("(12% + 7%) × 2") stays a share; anything else is [`times`].
pub fn times_not_of(a: &Estimate, b: &Estimate) -> Result<Estimate, DeriveError> {
    let share = |e: &Estimate| matches!(e.dimension, Dimension::Percent | Dimension::Points);
    let factor = |e: &Estimate| e.is_bare().then(|| e.exact()).flatten();
    let (e, k) = match (factor(a), factor(b)) {
        (_, Some(k)) if share(a) => (a, k),
        (Some(k), _) if share(b) => (b, k),
        _ => return times(a, b),
    };
    let step = Step::like(e, EstimateKind::Product);
    Ok(finish(
        a,
        b,
        step,
        working(a, "×", b),
        e.nominal.map(|v| v * k),
        e.interval.scale(k),
    ))
}

/// `a ÷ b`.
pub fn divided(a: &Estimate, b: &Estimate) -> Result<Estimate, DeriveError> {
    if b.nominal.low <= 0.0 && b.nominal.high >= 0.0 {
        return Err(DeriveError::DivisionByZero);
    }
    let mut step = divided_step(a, b)?;
    // "(49.6 million − 40.3 million) ÷ 40.3 million": a percent change.
    if step.kind == EstimateKind::Share
        && a.kind == EstimateKind::Difference
        && same_figures(
            &a.inputs[a.inputs.len().saturating_sub(b.inputs.len())..],
            &b.inputs,
        )
    {
        step.kind = EstimateKind::PercentChange;
    }
    let k = step.factor;
    let interval = a.interval.div(&b.interval)?.scale(k);
    let nominal = corners(a.nominal, b.nominal, |x, y| x / y * k);
    Ok(finish(a, b, step, working(a, "÷", b), nominal, interval))
}

/// Whether two counted nouns count like things: the same noun, or people both.
fn like_things(x: &str, y: &str) -> bool {
    unit::same_noun(x, y)
        || unit::classify(x) == NounClass::Person && unit::classify(y) == NounClass::Person
}

/// Whether two lists of inputs are the same figures, wherever they were written.
fn same_figures(a: &[Operand], b: &[Operand]) -> bool {
    a.len() == b.len()
        && a.iter()
            .zip(b)
            .all(|(x, y)| x.text == y.text && x.quantity == y.quantity)
}

/// `a + b`, or `a − b` when `subtract`.
pub fn plus(a: &Estimate, b: &Estimate, subtract: bool) -> Result<Estimate, DeriveError> {
    let (step, fa, fb) = sum_step(a, b, subtract)?;
    let (ia, ib) = (a.interval.scale(fa), b.interval.scale(fb));
    let (na, nb) = (a.nominal.map(|v| v * fa), b.nominal.map(|v| v * fb));
    let (nominal, interval, op) = if subtract {
        (corners(na, nb, |x, y| x - y), ia.sub(&ib), "−")
    } else {
        (corners(na, nb, |x, y| x + y), ia.add(&ib), "+")
    };
    Ok(finish(a, b, step, working(a, op, b), nominal, interval))
}

/// The change from `from` to `to`: for shares, the change in percentage points and the
/// percent change; for counts and money, the percent change and the difference.
pub fn changes(from: &Estimate, to: &Estimate) -> Result<Vec<Estimate>, DeriveError> {
    let mut difference = plus(to, from, true)?;
    difference.inputs = from.inputs.iter().chain(&to.inputs).cloned().collect();
    let relative = percent_change(from, to)?;
    Ok(match from.dimension {
        Dimension::Percent => {
            let points = Estimate {
                kind: EstimateKind::PointChange,
                ..difference
            };
            vec![points, relative]
        }
        _ => vec![relative, difference],
    })
}

/// `(to − from) ÷ from` in percent, computed as `to ÷ from − 1` so that each figure's
/// rounding counts once: the interval is sound and as narrow as the inputs allow.
pub fn percent_change(from: &Estimate, to: &Estimate) -> Result<Estimate, DeriveError> {
    // The units must allow a difference.
    let (mut step, fa, fb) = sum_step(to, from, true)?;
    if from.dimension == Dimension::Points || fa != fb {
        return Err(incompatible(format!(
            "no percent change from {} to {}",
            unit_words(from),
            unit_words(to)
        )));
    }
    if from.nominal.low <= 0.0 && from.nominal.high >= 0.0 {
        return Err(incompatible(format!(
            "no percent change from “{}”: it may be zero",
            first_text(from)
        )));
    }
    let interval = to
        .interval
        .div(&from.interval)?
        .scale(100.0)
        .add(&Interval::point(-100.0));
    let nominal = corners(to.nominal, from.nominal, |t, f| (t / f - 1.0) * 100.0);
    let expression = format!("({}) ÷ {}", working(to, "−", from), paren_if_needed(from));
    step.dimension = Dimension::Percent;
    step.unit = None;
    step.each = None;
    step.per = None;
    step.kind = EstimateKind::PercentChange;
    Ok(finish(from, to, step, expression, nominal, interval))
}

fn paren_if_needed(e: &Estimate) -> String {
    if e.kind == EstimateKind::Figure {
        e.expression.clone()
    } else {
        format!("({})", e.expression)
    }
}

/// `k × e` for an exact multiple the words give ("doubled" ⇒ 2, "halved" ⇒ 0.5).
pub fn multiple(e: &Estimate, k: f64, word: &str) -> Estimate {
    Estimate {
        expression: format!("{} × {} ({word})", paren_if_needed(e), trim(k)),
        nominal: e.nominal.map(|v| v * k),
        interval: e.interval.scale(k),
        kind: EstimateKind::Product,
        ..e.clone()
    }
}

/// A rate per day, week, month or quarter as a rate per year.
pub fn annualise(e: &Estimate) -> Option<Estimate> {
    let per = e.per?;
    if per == Period::Year {
        return None;
    }
    let k = per.in_year();
    let mut assumptions = e.assumptions.clone();
    assumptions.push(Assumption::new(
        AssumptionKind::Period,
        format!(
            "a rate per {} is taken to hold for a whole year ({} {}s)",
            per.as_str(),
            trim(k),
            per.as_str()
        ),
    ));
    Some(Estimate {
        expression: format!("({}) × {} {}s", e.expression, trim(k), per.as_str()),
        nominal: e.nominal.map(|v| v * k),
        interval: e.interval.scale(k),
        per: Some(Period::Year),
        kind: EstimateKind::PerYear,
        assumptions,
        ..e.clone()
    })
}

/// `share × base` for two figures: "23% of 100,000–200,000 workers a year".
pub fn share_of(share: &Operand, base: &Operand) -> Result<Estimate, DeriveError> {
    if share.quantity.dimension != Dimension::Percent {
        return Err(incompatible(format!("“{}” is not a share", share.text)));
    }
    times(&Estimate::figure(share), &Estimate::figure(base))
}

/// `a × b` for two figures: "400,000 workers × $250 a month".
pub fn product(a: &Operand, b: &Operand) -> Result<Estimate, DeriveError> {
    times(&Estimate::figure(a), &Estimate::figure(b))
}

/// `a + b` or `a − b` for two figures.
pub fn sum(a: &Operand, b: &Operand, subtract: bool) -> Result<Estimate, DeriveError> {
    plus(&Estimate::figure(a), &Estimate::figure(b), subtract)
}

/// `part ÷ whole` for two figures: a share when they count like things.
pub fn ratio(part: &Operand, whole: &Operand) -> Result<Estimate, DeriveError> {
    divided(&Estimate::figure(part), &Estimate::figure(whole))
}

/// Percent change from `from` to `to`, two figures.
pub fn change(from: &Operand, to: &Operand) -> Result<Estimate, DeriveError> {
    percent_change(&Estimate::figure(from), &Estimate::figure(to))
}
