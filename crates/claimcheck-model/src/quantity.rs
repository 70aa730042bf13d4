//! A claim's figure as a quantity that knows how precise it is.

use claimcheck_parser::{Bound, Form, Kind, Mention, Qualifier};

use compact_str::CompactString;

use crate::conventions::ModelConventions;
use crate::interval::{End, Interval};
use crate::unit::Period;

/// What a quantity measures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Dimension {
    /// A count of things or people.
    Count,
    /// A share, in percent.
    Percent,
    /// A difference of shares, in percentage points.
    Points,
    /// Money, by ISO currency code.
    Money(&'static str),
}

/// A figure as written: one value ("23 percent": both ends 23), or the two ends of a range
/// ("from 100,000 to 200,000"); for a bound, the stated value. Serialised as `[low, high]`.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(from = "[f64; 2]", into = "[f64; 2]")]
pub struct Nominal {
    /// The lower end (the value, for a single figure).
    pub low: f64,
    /// The upper end (the value, for a single figure).
    pub high: f64,
}

impl Nominal {
    /// A single value.
    pub fn single(value: f64) -> Self {
        Nominal {
            low: value,
            high: value,
        }
    }

    /// A range's two ends.
    pub fn range(low: f64, high: f64) -> Self {
        Nominal { low, high }
    }

    /// Whether it is one value, not a range.
    pub fn is_single(self) -> bool {
        self.low == self.high
    }

    /// Both ends, low first.
    pub fn ends(self) -> [f64; 2] {
        [self.low, self.high]
    }

    /// Both ends put through `f`.
    pub fn map(self, f: impl Fn(f64) -> f64) -> Self {
        Nominal {
            low: f(self.low),
            high: f(self.high),
        }
    }

    /// Whether both ends are finite numbers.
    pub fn is_finite(self) -> bool {
        self.low.is_finite() && self.high.is_finite()
    }
}

impl From<[f64; 2]> for Nominal {
    fn from([low, high]: [f64; 2]) -> Self {
        Nominal { low, high }
    }
}

impl From<Nominal> for [f64; 2] {
    fn from(n: Nominal) -> Self {
        n.ends()
    }
}

/// How the reading of a figure widened it, as a note for the reader (see [`Widening`]'s
/// `Display`). Each note is written out only when it is shown: every figure is read with
/// one, and nearly none is ever shown.
#[derive(Debug, Clone, PartialEq)]
pub enum Widening {
    /// "Most", "the majority": read as more than half.
    Majority {
        /// The figure as written.
        written: CompactString,
    },
    /// "About", "some": read as within a share of the figure either way (or as rounded,
    /// if that is wider).
    About {
        /// The figure as written.
        written: CompactString,
        /// The share, in percent.
        percent: f64,
    },
    /// "Nearly" a figure with digits that say more than the convention: read as at most one
    /// unit of its last digit below.
    NearlyLastDigit {
        /// The figure as written.
        written: CompactString,
    },
    /// "Nearly": read as at most a share below.
    Nearly {
        /// The figure as written.
        written: CompactString,
        /// The share, in percent.
        percent: f64,
    },
    /// "Just over": read as at most a share above.
    JustOver {
        /// The figure as written.
        written: CompactString,
        /// The share, in percent.
        percent: f64,
    },
    /// A fraction or ratio ("a third", "one in four"): a rounded form, read as within a
    /// share either way.
    RoundedForm {
        /// The figure as written.
        written: CompactString,
        /// The share, in percent.
        percent: f64,
    },
    /// A figure read as rounded to its last written digit, with the interval that allows.
    Rounded {
        /// The figure as written.
        written: CompactString,
        /// What the rounding allows.
        interval: Interval,
        /// What the figure measures, for writing the interval.
        dimension: Dimension,
    },
}

impl std::fmt::Display for Widening {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Widening::Majority { written } => write!(f, "“{written}” is read as more than half"),
            Widening::About { written, percent } => {
                write!(f, "“{written}” is read as ±{}%", trim(*percent))
            }
            Widening::NearlyLastDigit { written } => write!(
                f,
                "“{written}” is read as at most one unit of its last digit below"
            ),
            Widening::Nearly { written, percent } => {
                write!(
                    f,
                    "“{written}” is read as at most {}% below",
                    trim(*percent)
                )
            }
            Widening::JustOver { written, percent } => {
                write!(
                    f,
                    "“{written}” is read as at most {}% above",
                    trim(*percent)
                )
            }
            Widening::RoundedForm { written, percent } => write!(
                f,
                "“{written}” is a rounded form, read as ±{}%",
                trim(*percent)
            ),
            Widening::Rounded {
                written,
                interval,
                dimension,
            } => write!(
                f,
                "“{written}” is read as a rounded figure: {}",
                crate::readable::interval(interval, dimension)
            ),
        }
    }
}

/// A figure with its nominal value and its strict interval.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// What it measures.
    pub dimension: Dimension,
    /// The value or range as stated (for a bound, the stated value).
    pub nominal: Nominal,
    /// Every value the words allow, after rounding, hedge tolerance and domain limits.
    pub interval: Interval,
    /// The counted noun, for counts.
    pub unit: Option<String>,
    /// What one of it is for, in the singular ("person" in "$8,600 per person").
    pub each: Option<String>,
    /// The period of a rate.
    pub per: Option<Period>,
    /// How the reading widened the stated figure ("23 percent is read as rounded:
    /// [22.5, 23.5)"), written out when shown.
    pub readings: Vec<Widening>,
}

impl Quantity {
    /// A bare number: exact, dimensionless.
    pub fn exact(value: f64, dimension: Dimension) -> Self {
        Quantity {
            dimension,
            nominal: Nominal::single(value),
            interval: Interval::point(value),
            unit: None,
            each: None,
            per: None,
            readings: Vec::new(),
        }
    }

    /// Reads a mention from `text`. Years and ordinals are no quantities.
    pub fn from_mention(m: &Mention, text: &str, c: &ModelConventions) -> Option<Quantity> {
        let dimension = match m.kind {
            Kind::Number => Dimension::Count,
            Kind::Percent if m.points => Dimension::Points,
            Kind::Percent => Dimension::Percent,
            Kind::Money => Dimension::Money(m.currency.unwrap_or("USD")),
            Kind::Year | Kind::Ordinal => return None,
        };
        let written = &text[m.span.range()];
        let nominal = match (m.value, m.endpoints, m.lower) {
            // "Most", "the majority": every share above half, up to all.
            (None, None, Some(l)) if m.form == Form::Majority => {
                [l.value, m.upper.map_or(100.0, |u| u.value)]
            }
            (Some(v), _, _) => [v, v],
            (None, Some([a, b]), _) => [a, b],
            (None, None, Some(l)) => [l.value, l.value],
            _ => return None,
        };
        // The parser reports figures too large for any type; anything else non-finite has no
        // arithmetic to take part in.
        if !nominal.iter().all(|v| v.is_finite()) {
            return None;
        }
        let mut readings = Vec::new();
        if m.form == Form::Majority {
            readings.push(Widening::Majority {
                written: written.into(),
            });
        }
        let mut lo = to_end(m.lower);
        let mut hi = to_end(m.upper);
        let half = rounding_half_width(m, c);
        match m.qualifier {
            Some(Qualifier::About) => {
                // Rounded and approximate: the wider of the two readings.
                (lo, hi) = widen(lo, hi, |v| (c.about * v.abs()).max(half(v)));
                readings.push(Widening::About {
                    written: written.into(),
                    percent: c.about * 100.0,
                });
            }
            Some(Qualifier::Nearly) => {
                // "Nearly 0" has no tolerance below it to speak of: it keeps only its bound
                // (an interval [0, 0) would be empty).
                if let End::Exclusive(v) = hi
                    && v != 0.0
                {
                    // "Nearly 38 million" is just below 38 million: at most one unit of its
                    // last written digit (a writer with 35.8 million says "nearly 36"), and
                    // never more than the convention's tolerance. A round figure ("nearly
                    // 30 million") or a fraction keeps the tolerance alone.
                    let step = 2.0 * half(v);
                    let below = if step > 0.0 {
                        (c.nearly * v.abs()).min(step)
                    } else {
                        c.nearly * v.abs()
                    };
                    lo = End::Inclusive(v - below);
                    if below < c.nearly * v.abs() {
                        readings.push(Widening::NearlyLastDigit {
                            written: written.into(),
                        });
                    } else {
                        readings.push(Widening::Nearly {
                            written: written.into(),
                            percent: c.nearly * 100.0,
                        });
                    }
                }
            }
            Some(Qualifier::JustOver) => {
                if let End::Exclusive(v) = lo {
                    hi = End::Inclusive(v * (1.0 + c.just_over));
                    readings.push(Widening::JustOver {
                        written: written.into(),
                        percent: c.just_over * 100.0,
                    });
                }
            }
            // A bound asserts its value as written: "at least 15" is [15, ∞).
            Some(Qualifier::AtLeast | Qualifier::AtMost | Qualifier::Vague) => {}
            Some(Qualifier::MoreThan | Qualifier::LessThan) if m.endpoints.is_none() => {}
            _ => {
                if matches!(m.form, Form::Fraction | Form::Ratio) {
                    (lo, hi) = widen(lo, hi, |v| c.fraction * v.abs());
                    readings.push(Widening::RoundedForm {
                        written: written.into(),
                        percent: c.fraction * 100.0,
                    });
                } else {
                    let mut widened = false;
                    if let End::Inclusive(v) = lo {
                        let h = half(v);
                        if h > 0.0 {
                            lo = End::Inclusive(v - h);
                            widened = true;
                        }
                    }
                    if let End::Inclusive(v) = hi {
                        let h = half(v);
                        if h > 0.0 {
                            hi = End::Exclusive(v + h);
                            widened = true;
                        }
                    }
                    if widened {
                        readings.push(Widening::Rounded {
                            written: written.into(),
                            interval: Interval { lo, hi },
                            dimension: dimension.clone(),
                        });
                    }
                }
            }
        }
        let mut interval = Interval { lo, hi };
        // Domain limits: a share lies in [0, 100]%, a count is not negative.
        let domain = match dimension {
            Dimension::Percent if nominal[0] >= 0.0 && nominal[1] <= 100.0 && !m.points => {
                Some(Interval {
                    lo: End::Inclusive(0.0),
                    hi: End::Inclusive(100.0),
                })
            }
            Dimension::Count | Dimension::Money(_) if nominal[0] >= 0.0 => Some(Interval {
                lo: End::Inclusive(0.0),
                hi: End::Unbounded,
            }),
            _ => None,
        };
        if let Some(d) = domain {
            interval = interval.intersect(&d).unwrap_or(interval);
        }
        Some(Quantity {
            dimension,
            nominal: nominal.into(),
            interval,
            // "5 percentage points": the points are the dimension, not a counted noun.
            unit: m
                .unit
                .filter(|_| !m.points)
                .map(|u| text[u.range()].to_owned()),
            each: None,
            per: m.per.map(Period::from),
            readings,
        })
    }

    /// Whether a range runs backwards ("between 35 and 30 percent"): the words assert no
    /// value, and the figure takes part in no arithmetic.
    pub fn reversed(&self) -> bool {
        self.nominal.low > self.nominal.high
    }

    /// Whether the quantity has no upper bound.
    pub fn open_above(&self) -> bool {
        self.interval.hi == End::Unbounded
    }

    /// The values a one-sided bound can be citing: "more than 50 million" or "at least 50
    /// million" cites a figure just above 50 million, (50, 57.5] million with the default
    /// `just_over` of 15%, not 89 million; "up to 40 million" or "fewer than 40 million" one
    /// just below, [34, 40] million with the default `nearly`. The figure's interval
    /// ([`Quantity::interval`]) stays what the words assert; this one decides which published
    /// figure a bound refers to. Two-sided intervals are returned as they are.
    pub fn cited_interval(&self, c: &ModelConventions) -> Interval {
        let mut cited = self.interval;
        match (self.interval.lo, self.interval.hi) {
            (End::Inclusive(v) | End::Exclusive(v), End::Unbounded) if v > 0.0 => {
                cited.hi = End::Inclusive(v * (1.0 + c.just_over));
            }
            (End::Unbounded | End::Inclusive(0.0), End::Inclusive(v) | End::Exclusive(v))
                if v > 0.0 =>
            {
                cited.lo = End::Inclusive(v * (1.0 - c.nearly));
            }
            _ => {}
        }
        // A share's upper domain limit (100%) closes "more than two in five" as written:
        // (40, 100] cites a figure just above 40%. A stated range up to 100% is left alone.
        if self.dimension == Dimension::Percent
            && self.interval.hi == End::Inclusive(100.0)
            && self.nominal.high < 100.0
            && let Some(v) = self.interval.lo.value()
            && v > 0.0
        {
            cited.hi = End::Inclusive((v * (1.0 + c.just_over)).min(100.0));
        }
        cited
    }
}

/// Widens the included ends of an interval by `by(value)` on each side; open and unbounded
/// ends stay as they are.
fn widen(lo: End, hi: End, by: impl Fn(f64) -> f64) -> (End, End) {
    let lo = match lo {
        End::Inclusive(v) => End::Inclusive(v - by(v)),
        other => other,
    };
    let hi = match hi {
        End::Inclusive(v) => End::Inclusive(v + by(v)),
        other => other,
    };
    (lo, hi)
}

fn to_end(b: Option<Bound>) -> End {
    match b {
        None => End::Unbounded,
        Some(b) if b.inclusive => End::Inclusive(b.value),
        Some(b) => End::Exclusive(b.value),
    }
}

/// Half the unit of the last stated digit, in the figure's units: 23 ⇒ 0.5, 49.6 million
/// ⇒ 0.05 million; 0 for a round number read as exact, or when rounding is off.
fn rounding_half_width<'c>(m: &Mention, c: &'c ModelConventions) -> impl Fn(f64) -> f64 + 'c {
    let decimals = m.decimals;
    let scale = m.scale;
    let form = m.form;
    move |v: f64| {
        if !c.rounding || !matches!(form, Form::Digits | Form::Words | Form::Rate) {
            return 0.0;
        }
        let unit = 10f64.powi(-i32::from(decimals));
        let mantissa = v / scale;
        if decimals == 0 && c.round_numbers_exact && (mantissa.round() % 10.0 == 0.0) {
            return 0.0;
        }
        0.5 * unit * scale
    }
}

/// Above this magnitude a number is written in scientific notation: its digits carry no
/// meaning a reader could check, and f64 holds no more than 17 significant ones.
const SCIENTIFIC_FROM: f64 = 1e21;

/// A number for prose: whole numbers with thousands separators, others with up to four
/// decimals; infinities as "∞", magnitudes from 10^21 as "1.5e21", and NaN (which the model
/// never produces; the formatter is total all the same) as "NaN". Never recurses.
pub fn plain(v: f64) -> String {
    if v.is_nan() {
        return "NaN".to_owned();
    }
    let sign = if v < 0.0 { "−" } else { "" };
    if v.is_infinite() {
        return format!("{sign}∞");
    }
    let magnitude = v.abs();
    if magnitude >= SCIENTIFIC_FROM {
        return format!("{sign}{magnitude:e}");
    }
    let t = trim(magnitude);
    let (int, frac) = t.split_once('.').unwrap_or((&t, ""));
    let mut out = String::with_capacity(t.len() + t.len() / 3 + 4);
    out.push_str(sign);
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
    if out == "−0" { "0".to_owned() } else { out }
}

/// A number without trailing zeros, to at most four decimals.
pub fn trim(v: f64) -> String {
    let s = format!("{v:.4}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        s
    }
}

/// The nominal ends of an estimate rounded to the precision its interval warrants: to the
/// largest power of ten no greater than the least distance from a nominal end to the
/// interval's bounded end beside it (8,550.72 in (8,517.18, 8,584.39) ⇒ 8,550;
/// 2,404,800,000 in [2,297,700,000, 2,512,500,000) ⇒ 2,400,000,000). An exact result, or
/// one whose nominal end touches its bound, is not rounded.
pub fn round_nominal(nominal: [f64; 2], interval: &Interval) -> [f64; 2] {
    let mut d = f64::INFINITY;
    if let Some(lo) = interval.lo.value() {
        d = d.min(nominal[0] - lo);
    }
    if let Some(hi) = interval.hi.value() {
        d = d.min(hi - nominal[1]);
    }
    if !(d.is_finite() && d > 0.0) {
        return nominal;
    }
    let unit = 10f64.powf(d.log10().floor());
    if !unit.is_normal() {
        return nominal;
    }
    nominal.map(|v| {
        let r = (v / unit).round() * unit;
        // Keep the decimals of the unit only: 0.1 × 3 is 0.30000000000000004.
        let decimals = (-unit.log10()).max(0.0) as i32;
        let k = 10f64.powi(decimals);
        let r = (r * k).round() / k;
        if interval.contains(r) && r.is_finite() {
            r
        } else {
            v
        }
    })
}

/// An interval in the usual notation: "[22.5, 23.5)", "[100,000, ∞)".
pub fn show(i: &Interval) -> String {
    let (lb, lv) = match i.lo {
        End::Unbounded => ("(", "−∞".to_owned()),
        End::Inclusive(v) => ("[", plain(v)),
        End::Exclusive(v) => ("(", plain(v)),
    };
    let (rb, rv) = match i.hi {
        End::Unbounded => (")", "∞".to_owned()),
        End::Inclusive(v) => ("]", plain(v)),
        End::Exclusive(v) => (")", plain(v)),
    };
    format!("{lb}{lv}, {rv}{rb}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_is_total() {
        let cases: &[(f64, &str)] = &[
            (0.0, "0"),
            (-0.0, "0"),
            (23.0, "23"),
            (1234567.0, "1,234,567"),
            (-1234.5, "−1,234.5"),
            (0.25, "0.25"),
            (1.546e15, "1,546,000,000,000,000"),
            (5e18, "5,000,000,000,000,000,000"),
            (1e21, "1e21"),
            (1e308, "1e308"),
            (f64::MAX, "1.7976931348623157e308"),
            (-1e300, "−1e300"),
            (f64::INFINITY, "∞"),
            (f64::NEG_INFINITY, "−∞"),
            (f64::NAN, "NaN"),
            (1e-400, "0"),
            (f64::MIN_POSITIVE, "0"),
        ];
        for &(v, want) in cases {
            assert_eq!(plain(v), want, "plain({v:e})");
        }
    }
    use claimcheck_parser::Extractor;

    fn read(text: &str, c: &ModelConventions) -> Quantity {
        let found = Extractor::default().extract(text);
        let m = found
            .mentions
            .iter()
            .find(|m| m.kind.is_quantity())
            .expect("a figure");
        Quantity::from_mention(m, text, c).expect("a quantity")
    }

    #[test]
    fn rounding_and_hedge_conventions() {
        let c = ModelConventions::default();
        let cases: &[(&str, &str)] = &[
            ("23 percent", "[22.5, 23.5)"),
            ("49.6 million", "[49,550,000, 49,650,000)"),
            ("200,000 workers", "[200,000, 200,000]"),
            ("20 percent", "[20, 20]"),
            ("3 million", "[2,500,000, 3,500,000)"),
            ("more than 20 percent", "(20, 100]"),
            ("at least 15", "[15, ∞)"),
            ("up to 60", "[0, 60]"),
            ("fewer than 10", "[0, 10)"),
            ("about 70", "[63, 77]"),
            ("some 28 million", "[25,200,000, 30,800,000]"),
            ("nearly 30 million", "[25,500,000, 30,000,000)"),
            ("almost 20 percent", "[17, 20)"),
            // Just below: one unit of the last written digit, within the tolerance.
            ("nearly 38 million", "[37,000,000, 38,000,000)"),
            ("nearly 2.9 million", "[2,800,000, 2,900,000)"),
            ("almost 7 percent", "[6, 7)"),
            ("nearly one-quarter", "[21.25, 25)"),
            ("just over 40", "(40, 46]"),
            ("a fifth", "[18, 22]"),
            ("one in three", "[30, 36.6667]"),
            ("dozens", "[24, ∞)"),
            ("tens of thousands", "[20,000, ∞)"),
            ("from 100,000 to more than 200,000", "[100,000, ∞)"),
            ("between 2.5 and 3 million", "[2,450,000, 3,050,000)"),
            ("30-35%", "[30, 35.5)"),
            ("about 95 percent", "[85.5, 100]"),
            ("$3.7 billion", "[3,650,000,000, 3,750,000,000)"),
            ("1.5%", "[1.45, 1.55)"),
        ];
        for (text, want) in cases {
            assert_eq!(&show(&read(text, &c).interval), want, "{text}");
        }
    }

    #[test]
    fn a_bound_cites_a_figure_near_it() {
        let c = ModelConventions::default();
        let cases: &[(&str, &str)] = &[
            ("more than 50 million", "(50,000,000, 57,500,000]"),
            ("at least 15", "[15, 17.25]"),
            ("more than two in five", "(40, 46]"),
            ("up to 40 million", "[34,000,000, 40,000,000]"),
            ("fewer than 10", "[8.5, 10)"),
            // Two-sided readings stay as they are.
            ("nearly 30 million", "[25,500,000, 30,000,000)"),
            ("23 percent", "[22.5, 23.5)"),
            ("30-100%", "[30, 100]"),
        ];
        for (text, want) in cases {
            assert_eq!(&show(&read(text, &c).cited_interval(&c)), want, "{text}");
        }
    }

    #[test]
    fn conventions_are_settings() {
        let c = ModelConventions {
            rounding: false,
            about: 0.2,
            ..ModelConventions::default()
        };
        assert_eq!(show(&read("23 percent", &c).interval), "[23, 23]");
        assert_eq!(show(&read("about 70", &c).interval), "[56, 84]");
        let c = ModelConventions {
            round_numbers_exact: false,
            ..ModelConventions::default()
        };
        assert_eq!(
            show(&read("200,000 workers", &c).interval),
            "[199,999.5, 200,000.5)"
        );
    }

    #[test]
    fn nominal_rounded_to_the_interval() {
        let i = Interval {
            lo: End::Exclusive(8_517.18),
            hi: End::Exclusive(8_584.39),
        };
        assert_eq!(round_nominal([8_550.72, 8_550.72], &i), [8_550.0, 8_550.0]);
        let i = Interval {
            lo: End::Inclusive(2_297_700_000.0),
            hi: End::Exclusive(2_512_500_000.0),
        };
        assert_eq!(
            round_nominal([2_404_800_000.0, 2_404_800_000.0], &i),
            [2_400_000_000.0, 2_400_000_000.0]
        );
        let i = Interval {
            lo: End::Inclusive(22_500.0),
            hi: End::Unbounded,
        };
        assert_eq!(
            round_nominal([23_000.0, 46_000.0], &i),
            [23_000.0, 46_000.0]
        );
        let i = Interval::point(7_826.785_7);
        assert_eq!(round_nominal([7_826.785_7; 2], &i), [7_826.785_7; 2]);
        let i = Interval {
            lo: End::Exclusive(6.5),
            hi: End::Exclusive(7.5),
        };
        assert_eq!(round_nominal([7.0, 7.0], &i), [7.0, 7.0]);
    }

    #[test]
    fn nominal_and_readings() {
        let c = ModelConventions::default();
        let q = read("from 100,000 to more than 200,000 workers annually", &c);
        assert_eq!(q.nominal, Nominal::range(100_000.0, 200_000.0));
        assert!(q.open_above());
        assert_eq!(q.per, Some(Period::Year));
        assert_eq!(q.unit.as_deref(), Some("workers"));
        let q = read("23 percent", &c);
        assert_eq!(
            q.readings
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>(),
            ["“23 percent” is read as a rounded figure: 22.5%–23.5%"]
        );
    }
}
