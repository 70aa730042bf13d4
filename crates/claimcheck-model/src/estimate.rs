//! Estimates: what stated figures imply, with the working, the honest interval and the
//! assumptions a reader must be told.

use claimcheck_parser::{Per, Span};

use crate::interval::{End, Interval, IntervalError};
use crate::quantity::{Dimension, Quantity, plain, trim};

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

/// What a set of figures implies.
#[derive(Debug, Clone, PartialEq)]
pub struct Estimate {
    /// The working in words: "23% × 100,000–200,000+ workers/year".
    pub expression: String,
    /// The result from the stated values.
    pub nominal: [f64; 2],
    /// Every result the stated words allow.
    pub interval: Interval,
    /// What the result measures.
    pub dimension: Dimension,
    /// The counted noun of the result.
    pub unit: Option<String>,
    /// The period of the result, if it is a rate.
    pub per: Option<Per>,
    /// The figures it is derived from.
    pub inputs: Vec<Operand>,
    /// What a reader must be told to trust it.
    pub assumptions: Vec<String>,
}

impl Estimate {
    /// Whether the stated values give a result within the range of numbers (a product of
    /// two enormous figures may overflow; such an estimate is never shown).
    pub fn is_finite(&self) -> bool {
        self.nominal.iter().all(|v| v.is_finite())
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
/// "$250/month".
pub fn short(q: &Quantity) -> String {
    let [a, b] = q.nominal;
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
        Dimension::Money(code) => money(code, &value),
        Dimension::Count => value,
    };
    if let Some(u) = &q.unit {
        s.push(' ');
        s.push_str(u);
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

fn money(code: &str, value: &str) -> String {
    match code {
        "USD" => format!("${value}"),
        "EUR" => format!("€{value}"),
        "GBP" => format!("£{value}"),
        other => format!("{value} {other}"),
    }
}

/// Collects the readings of the inputs (rounding, hedges, open tops) as assumptions.
fn readings(inputs: &[&Operand]) -> Vec<String> {
    inputs
        .iter()
        .flat_map(|o| o.quantity.readings.iter().cloned())
        .collect()
}

/// `share × base`: "23% of 100,000–200,000 workers a year".
pub fn share_of(share: &Operand, base: &Operand) -> Result<Estimate, DeriveError> {
    if share.quantity.dimension != Dimension::Percent {
        return Err(DeriveError::Incompatible(format!(
            "“{}” is not a share",
            share.text
        )));
    }
    if share.quantity.nominal[1] > 100.0 || share.quantity.nominal[0] < 0.0 {
        return Err(DeriveError::OutOfDomain(format!(
            "“{}” cannot be a share of a whole: it lies outside 0–100%",
            share.text
        )));
    }
    let nominal = mul_nominal(share.quantity.nominal, base.quantity.nominal, 0.01);
    let interval = share
        .quantity
        .interval
        .scale(0.01)
        .mul(&base.quantity.interval);
    if base.quantity.dimension == Dimension::Percent {
        // A share of a share is a share.
        return Ok(Estimate {
            expression: format!("{} × {}", short(&share.quantity), short(&base.quantity)),
            nominal,
            interval,
            dimension: Dimension::Percent,
            unit: None,
            per: None,
            inputs: vec![share.clone(), base.clone()],
            assumptions: readings(&[share, base]),
        });
    }
    let mut assumptions = Vec::new();
    if let (Some(s), Some(b)) = (&share.subject, &base.subject)
        && !crate::subject::compare(s, b).same
    {
        assumptions.push(format!(
            "population: a rate found among “{s}” is applied to “{b}”"
        ));
    }
    if share.quantity.per.is_none()
        && let Some(p) = base.quantity.per
    {
        assumptions.push(format!(
            "basis: a share of a population at one time (a stock) is applied to a flow per {}",
            p.as_str()
        ));
    }
    assumptions.extend(readings(&[share, base]));
    if base.quantity.open_above() {
        assumptions.push(format!(
            "open bound: “{}” has no upper limit, so neither has the estimate",
            base.text
        ));
    }
    Ok(Estimate {
        expression: format!("{} × {}", short(&share.quantity), short(&base.quantity)),
        nominal,
        interval,
        dimension: base.quantity.dimension.clone(),
        unit: base.quantity.unit.clone(),
        per: base.quantity.per,
        inputs: vec![share.clone(), base.clone()],
        assumptions,
    })
}

fn mul_nominal(a: [f64; 2], b: [f64; 2], k: f64) -> [f64; 2] {
    let products = [a[0] * b[0], a[0] * b[1], a[1] * b[0], a[1] * b[1]].map(|p| p * k);
    [
        products.iter().copied().fold(f64::INFINITY, f64::min),
        products.iter().copied().fold(f64::NEG_INFINITY, f64::max),
    ]
}

/// `a × b` for two figures that are not shares: "400,000 workers × $250 a month".
pub fn product(a: &Operand, b: &Operand) -> Result<Estimate, DeriveError> {
    if a.quantity.dimension == Dimension::Percent {
        return share_of(a, b);
    }
    if b.quantity.dimension == Dimension::Percent {
        return share_of(b, a);
    }
    let dimension = match (&a.quantity.dimension, &b.quantity.dimension) {
        (Dimension::Money(x), Dimension::Money(y)) => {
            return Err(DeriveError::Incompatible(format!(
                "cannot multiply two amounts of money ({x} and {y})"
            )));
        }
        (Dimension::Money(x), _) | (_, Dimension::Money(x)) => Dimension::Money(x),
        _ => Dimension::Count,
    };
    let per = match (a.quantity.per, b.quantity.per) {
        (Some(_), Some(_)) => {
            return Err(DeriveError::Incompatible(
                "cannot multiply two rates over time".to_owned(),
            ));
        }
        (p, q) => p.or(q),
    };
    let unit = match dimension {
        Dimension::Count => a.quantity.unit.clone().or_else(|| b.quantity.unit.clone()),
        _ => None,
    };
    Ok(Estimate {
        expression: format!("{} × {}", short(&a.quantity), short(&b.quantity)),
        nominal: mul_nominal(a.quantity.nominal, b.quantity.nominal, 1.0),
        interval: a.quantity.interval.mul(&b.quantity.interval),
        dimension,
        unit,
        per,
        inputs: vec![a.clone(), b.clone()],
        assumptions: readings(&[a, b]),
    })
}

/// `a + b` or `a − b` for figures of one kind.
pub fn sum(a: &Operand, b: &Operand, subtract: bool) -> Result<Estimate, DeriveError> {
    if a.quantity.dimension != b.quantity.dimension {
        return Err(DeriveError::Incompatible(format!(
            "cannot add “{}” and “{}”: they measure different things",
            a.text, b.text
        )));
    }
    if a.quantity.per != b.quantity.per && a.quantity.per.is_some() && b.quantity.per.is_some() {
        return Err(DeriveError::Incompatible(format!(
            "cannot add rates over different periods (“{}” and “{}”)",
            a.text, b.text
        )));
    }
    let (nominal, interval, op) = if subtract {
        (
            [
                a.quantity.nominal[0] - b.quantity.nominal[1],
                a.quantity.nominal[1] - b.quantity.nominal[0],
            ],
            a.quantity.interval.sub(&b.quantity.interval),
            "−",
        )
    } else {
        (
            [
                a.quantity.nominal[0] + b.quantity.nominal[0],
                a.quantity.nominal[1] + b.quantity.nominal[1],
            ],
            a.quantity.interval.add(&b.quantity.interval),
            "+",
        )
    };
    Ok(Estimate {
        expression: format!("{} {op} {}", short(&a.quantity), short(&b.quantity)),
        nominal,
        interval,
        dimension: a.quantity.dimension.clone(),
        unit: a.quantity.unit.clone().or_else(|| b.quantity.unit.clone()),
        per: a.quantity.per.or(b.quantity.per),
        inputs: vec![a.clone(), b.clone()],
        assumptions: readings(&[a, b]),
    })
}

/// `part ÷ whole` as a share in percent; also any quotient of two figures of one kind.
pub fn ratio(part: &Operand, whole: &Operand) -> Result<Estimate, DeriveError> {
    let (pq, wq) = (&part.quantity, &whole.quantity);
    let same_kind = pq.dimension == wq.dimension;
    let interval = pq.interval.div(&wq.interval)?;
    let nominal = if wq.nominal.contains(&0.0) {
        return Err(DeriveError::DivisionByZero);
    } else {
        let qs = [
            pq.nominal[0] / wq.nominal[0],
            pq.nominal[0] / wq.nominal[1],
            pq.nominal[1] / wq.nominal[0],
            pq.nominal[1] / wq.nominal[1],
        ];
        [
            qs.iter().copied().fold(f64::INFINITY, f64::min),
            qs.iter().copied().fold(f64::NEG_INFINITY, f64::max),
        ]
    };
    let (dimension, nominal, interval) = if same_kind {
        (
            Dimension::Percent,
            nominal.map(|v| v * 100.0),
            interval.scale(100.0),
        )
    } else {
        (pq.dimension.clone(), nominal, interval)
    };
    Ok(Estimate {
        expression: format!("{} ÷ {}", short(pq), short(wq)),
        nominal,
        interval,
        dimension,
        unit: if same_kind { None } else { pq.unit.clone() },
        per: pq.per,
        inputs: vec![part.clone(), whole.clone()],
        assumptions: readings(&[part, whole]),
    })
}

/// A rate per day, week or month as a rate per year.
pub fn annualise(e: &Estimate) -> Option<Estimate> {
    let per = e.per?;
    if per == Per::Year {
        return None;
    }
    let k = per.per_year();
    Some(Estimate {
        expression: format!("({}) × {} {}s", e.expression, trim(k), per.as_str()),
        nominal: e.nominal.map(|v| v * k),
        interval: e.interval.scale(k),
        dimension: e.dimension.clone(),
        unit: e.unit.clone(),
        per: Some(Per::Year),
        inputs: e.inputs.clone(),
        assumptions: {
            let mut a = e.assumptions.clone();
            a.push(format!(
                "period: a rate per {} is taken to hold for a whole year ({} {}s)",
                per.as_str(),
                trim(k),
                per.as_str()
            ));
            a
        },
    })
}

/// Percent change from `from` to `to`.
pub fn change(from: &Operand, to: &Operand) -> Result<Estimate, DeriveError> {
    let diff = sum(to, from, true)?;
    let base = Operand {
        quantity: from.quantity.clone(),
        ..from.clone()
    };
    let pct = diff
        .interval
        .div(&base.quantity.interval)
        .map_err(DeriveError::from)?
        .scale(100.0);
    let nominal = [
        (to.quantity.nominal[0] - from.quantity.nominal[1]) / from.quantity.nominal[1] * 100.0,
        (to.quantity.nominal[1] - from.quantity.nominal[0]) / from.quantity.nominal[0] * 100.0,
    ];
    Ok(Estimate {
        expression: format!(
            "({} − {}) ÷ {}",
            short(&to.quantity),
            short(&from.quantity),
            short(&from.quantity)
        ),
        nominal: [nominal[0].min(nominal[1]), nominal[0].max(nominal[1])],
        interval: pct,
        dimension: Dimension::Percent,
        unit: None,
        per: None,
        inputs: vec![from.clone(), to.clone()],
        assumptions: diff.assumptions,
    })
}

impl Estimate {
    /// Whether a share lies outside [0, 100] whatever the rounding.
    pub fn out_of_domain(&self) -> Option<String> {
        if self.dimension != Dimension::Percent {
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
                crate::quantity::show(&self.interval)
            )
        })
    }
}
