//! What the extractor reports: one [`Mention`] per figure, with what its words assert.

use serde::Serialize;
use std::ops::Range;

/// A half-open range of UTF-8 byte offsets into the text that was read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// The span as a range, for slicing.
    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }
}

/// What kind of figure a mention is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A count or other plain quantity.
    Number,
    /// A share, in percent (fractions and "one in N" included).
    Percent,
    /// An amount of money.
    Money,
    /// A calendar year, a span of years or a decade: not a quantity.
    Year,
    /// An ordinal ("second", "32nd"): not a quantity.
    Ordinal,
}

impl Kind {
    /// The name used in every output format.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Number => "number",
            Kind::Percent => "percent",
            Kind::Money => "money",
            Kind::Year => "year",
            Kind::Ordinal => "ordinal",
        }
    }

    /// Whether the kind is a quantity that arithmetic and checks apply to.
    pub fn is_quantity(self) -> bool {
        matches!(self, Kind::Number | Kind::Percent | Kind::Money)
    }
}

/// How the words qualify a figure, normalised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// Strictly above: "more than", "over", "exceeding", "in excess of".
    MoreThan,
    /// Just above: "just over", "slightly more than".
    JustOver,
    /// At or above: "at least", "no fewer than".
    AtLeast,
    /// Strictly below: "fewer than", "less than", "under".
    LessThan,
    /// At or below: "up to", "as many as", "at most".
    AtMost,
    /// Just below: "nearly", "almost", "just under".
    Nearly,
    /// Approximately: "about", "around", "some", "an estimated".
    About,
    /// A vague quantity ("dozens", "tens of thousands"): a lower bound by convention.
    Vague,
}

impl Qualifier {
    /// The name used in every output format.
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::MoreThan => "more_than",
            Qualifier::JustOver => "just_over",
            Qualifier::AtLeast => "at_least",
            Qualifier::LessThan => "less_than",
            Qualifier::AtMost => "at_most",
            Qualifier::Nearly => "nearly",
            Qualifier::About => "about",
            Qualifier::Vague => "vague",
        }
    }

    /// Whether the words admit that the figure is not exact.
    pub fn is_approximate(self) -> bool {
        matches!(
            self,
            Qualifier::About | Qualifier::Nearly | Qualifier::JustOver | Qualifier::Vague
        )
    }
}

/// The period of a rate ("a year", "per month").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Per {
    /// Per day.
    Day,
    /// Per week.
    Week,
    /// Per month.
    Month,
    /// Per year.
    Year,
}

impl Per {
    /// The name used in every output format.
    pub fn as_str(self) -> &'static str {
        match self {
            Per::Day => "day",
            Per::Week => "week",
            Per::Month => "month",
            Per::Year => "year",
        }
    }

    /// How many of this period make a year (on average).
    pub fn per_year(self) -> f64 {
        match self {
            Per::Day => 365.25,
            Per::Week => 365.25 / 7.0,
            Per::Month => 12.0,
            Per::Year => 1.0,
        }
    }
}

/// How a figure was written, which decides how precise it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Form {
    /// Digits, with or without a scale word ("23", "49.6 million").
    Digits,
    /// Number words ("twenty-three", "a dozen").
    Words,
    /// A fraction in words ("a fifth", "two-thirds", "half of").
    Fraction,
    /// A ratio ("one in three", "1 in 200").
    Ratio,
    /// A rate per so many ("5 per 1,000").
    Rate,
    /// A vague quantity ("dozens").
    Vague,
    /// A majority ("most of the children", "the majority of workers"): a share of more
    /// than half, vague.
    Majority,
}

impl Form {
    /// The name used in every output format.
    pub fn as_str(self) -> &'static str {
        match self {
            Form::Digits => "digits",
            Form::Words => "words",
            Form::Fraction => "fraction",
            Form::Ratio => "ratio",
            Form::Rate => "rate",
            Form::Vague => "vague",
            Form::Majority => "majority",
        }
    }
}

/// One end of an interval that the words assert.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Bound {
    /// The value at this end.
    pub value: f64,
    /// Whether the value itself is included.
    pub inclusive: bool,
}

impl Bound {
    /// An end that includes its value.
    pub fn inclusive(value: f64) -> Self {
        Bound {
            value,
            inclusive: true,
        }
    }

    /// An end that excludes its value.
    pub fn exclusive(value: f64) -> Self {
        Bound {
            value,
            inclusive: false,
        }
    }
}

/// One figure found in the text, with what the words assert about it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mention {
    /// Where the figure is written, qualifier words and unit included.
    pub span: Span,
    /// What kind of figure it is.
    pub kind: Kind,
    /// The stated number; `None` for a range or a vague quantity.
    pub value: Option<f64>,
    /// The stated ends of a range.
    pub endpoints: Option<[f64; 2]>,
    /// The lower bound the words assert, before rounding or tolerance; `None` if unbounded.
    pub lower: Option<Bound>,
    /// The upper bound the words assert, before rounding or tolerance; `None` if unbounded.
    pub upper: Option<Bound>,
    /// The normalised qualifier, if any.
    pub qualifier: Option<Qualifier>,
    /// Whether the words admit that the figure is not exact.
    pub approximate: bool,
    /// ISO 4217 code of the currency, for money.
    pub currency: Option<&'static str>,
    /// The counted noun ("nurses" in "300 nurses"), or "percentage points".
    pub unit: Option<Span>,
    /// The period of a rate.
    pub per: Option<Per>,
    /// How the figure was written.
    pub form: Form,
    /// Digits after the decimal point as written (0 for whole numbers and words).
    pub decimals: u8,
    /// Whether the figure is in percentage points rather than percent.
    pub points: bool,
    /// Whether the figure is an age or an age bound, in years ("under the age of 16", "65
    /// and older", "a 23-year-old"): its unit is `years`.
    pub age: bool,
    /// The multiplier of the scale word or suffix ("million" ⇒ 1e6), 1 when none: the
    /// stated precision is in units of it ("49.6 million" is precise to 0.1 million).
    pub scale: f64,
}

/// Something in the text that could not be read as a figure, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Where the problem is.
    pub span: Span,
    /// What is wrong, in words.
    pub message: String,
}
