//! The vocabulary of units: periods of rates, and what a counted noun names (people, a
//! duration, a measure). The algebra in [`crate::estimate`] reads these tables; nothing else
//! defines a period word or a unit noun.

use claimcheck_parser::Per;

/// The period of a rate ("a day", "per month", "quarterly").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Period {
    /// Per day.
    Day,
    /// Per week.
    Week,
    /// Per month.
    Month,
    /// Per quarter of a year.
    Quarter,
    /// Per year.
    Year,
}

impl Period {
    /// Every period, shortest first.
    pub const ALL: [Period; 5] = [
        Period::Day,
        Period::Week,
        Period::Month,
        Period::Quarter,
        Period::Year,
    ];

    /// The name used in every output format.
    pub fn as_str(self) -> &'static str {
        match self {
            Period::Day => "day",
            Period::Week => "week",
            Period::Month => "month",
            Period::Quarter => "quarter",
            Period::Year => "year",
        }
    }

    /// How many of this period an analyst counts in a year: 365 days, 52 weeks, 12 months,
    /// 4 quarters (see `docs/conventions.md`: a conversion is always stated as an
    /// assumption, with its factor).
    pub fn in_year(self) -> f64 {
        match self {
            Period::Day => 365.0,
            Period::Week => 52.0,
            Period::Month => 12.0,
            Period::Quarter => 4.0,
            Period::Year => 1.0,
        }
    }

    /// How many of this period make one `longer` (365 days in a year, 3 months in a
    /// quarter); `None` when the count is not a whole number an analyst would use (days in
    /// a month).
    pub fn in_period(self, longer: Period) -> Option<f64> {
        match (self, longer) {
            (a, b) if a == b => Some(1.0),
            (a, Period::Year) => Some(a.in_year()),
            (Period::Month, Period::Quarter) => Some(3.0),
            (Period::Day, Period::Week) => Some(7.0),
            _ => None,
        }
    }
}

impl From<Per> for Period {
    fn from(p: Per) -> Self {
        match p {
            Per::Day => Period::Day,
            Per::Week => Period::Week,
            Per::Month => Period::Month,
            Per::Year => Period::Year,
        }
    }
}

/// Words that give a figure its period ("$250 a month"), longest first.
pub const PERIOD_WORDS: &[(&str, Period)] = &[
    ("per annum", Period::Year),
    ("per year", Period::Year),
    ("each year", Period::Year),
    ("every year", Period::Year),
    ("a year", Period::Year),
    ("annually", Period::Year),
    ("yearly", Period::Year),
    ("per quarter", Period::Quarter),
    ("each quarter", Period::Quarter),
    ("every quarter", Period::Quarter),
    ("a quarter", Period::Quarter),
    ("quarterly", Period::Quarter),
    ("per month", Period::Month),
    ("each month", Period::Month),
    ("every month", Period::Month),
    ("a month", Period::Month),
    ("monthly", Period::Month),
    ("per week", Period::Week),
    ("each week", Period::Week),
    ("every week", Period::Week),
    ("a week", Period::Week),
    ("weekly", Period::Week),
    ("per day", Period::Day),
    ("each day", Period::Day),
    ("every day", Period::Day),
    ("a day", Period::Day),
    ("daily", Period::Day),
];

/// What a counted noun names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NounClass {
    /// People: money divided by them is money per person, and people divided by people is a
    /// share.
    Person,
    /// A duration in a period of rates ("12 months", "365 days").
    Duration(Period),
    /// A measurement or a duration no rate is counted in ("hectares", "hours"): not a
    /// population.
    Measure,
    /// Anything else ("crossings", "cases").
    Other,
}

/// Nouns of people, singular and lower-cased (with the synonyms of `subject`).
const PERSONS: &[&str] = &[
    "person",
    "people",
    "individual",
    "adult",
    "child",
    "minor",
    "woman",
    "man",
    "girl",
    "boy",
    "worker",
    "labourer",
    "laborer",
    "employee",
    "migrant",
    "immigrant",
    "emigrant",
    "refugee",
    "deportee",
    "returnee",
    "victim",
    "survivor",
    "resident",
    "citizen",
    "inhabitant",
    "national",
    "fisherman",
    "fisher",
    "respondent",
    "student",
    "patient",
    "voter",
    "member",
    "household",
    "family",
];

/// Nouns of duration, singular.
const DURATIONS: &[(&str, Period)] = &[
    ("day", Period::Day),
    ("week", Period::Week),
    ("month", Period::Month),
    ("quarter", Period::Quarter),
    ("year", Period::Year),
];

/// Nouns of measurement, and durations no rate here is counted in (singular).
const MEASURES: &[&str] = &[
    "hour",
    "minute",
    "second",
    "decade",
    "century",
    "km",
    "kilometer",
    "kilometre",
    "mile",
    "meter",
    "metre",
    "hectare",
    "acre",
    "ton",
    "tonne",
    "kg",
    "kilogram",
    "gram",
    "litre",
    "liter",
    "barrel",
    "square",
    "percent",
    "time",
    "degree",
    "m",
];

/// Irregular plurals of the nouns above.
const IRREGULAR: &[(&str, &str)] = &[
    ("people", "person"),
    ("children", "child"),
    ("women", "woman"),
    ("men", "man"),
    ("fishermen", "fisherman"),
    ("families", "family"),
    ("centuries", "century"),
];

/// The last word of a counted noun, lower-cased and singular: "metric tons" ⇒ "ton",
/// "migrant workers" ⇒ "worker", "people" ⇒ "person".
pub fn head_noun(unit: &str) -> String {
    let last = unit.rsplit(' ').next().unwrap_or(unit).to_lowercase();
    let last = last.split('-').next().unwrap_or(&last).to_owned();
    singular_word(&last)
}

fn singular_word(w: &str) -> String {
    if let Some((_, s)) = IRREGULAR.iter().find(|(p, _)| *p == w) {
        return (*s).to_owned();
    }
    match w.strip_suffix('s') {
        Some(stem) if stem.len() > 2 && !w.ends_with("ss") => stem.to_owned(),
        _ => w.to_owned(),
    }
}

/// A counted noun in the singular, for "per …": "27.6 million people" ⇒ "person",
/// "migrant workers" ⇒ "migrant worker".
pub fn singular(unit: &str) -> String {
    let unit = unit.trim();
    match unit.rsplit_once(' ') {
        Some((before, last)) => format!("{before} {}", singular_word(&last.to_lowercase())),
        None => singular_word(&unit.to_lowercase()),
    }
}

/// What a counted noun names.
pub fn classify(unit: &str) -> NounClass {
    let head = head_noun(unit);
    if let Some((_, p)) = DURATIONS.iter().find(|(d, _)| *d == head) {
        NounClass::Duration(*p)
    } else if PERSONS.contains(&head.as_str()) {
        NounClass::Person
    } else if MEASURES.contains(&head.as_str()) {
        NounClass::Measure
    } else {
        NounClass::Other
    }
}

/// Whether figures counted in `unit` can be parts of a population (not measurements or
/// durations: "22 years", "500 km").
pub fn is_population(unit: &str) -> bool {
    matches!(classify(unit), NounClass::Person | NounClass::Other)
}

/// Whether two counted nouns count the same things ("workers" and "migrant workers"; "people"
/// and "persons").
pub fn same_noun(a: &str, b: &str) -> bool {
    head_noun(a) == head_noun(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nouns_are_classified() {
        let cases: &[(&str, NounClass)] = &[
            ("people", NounClass::Person),
            ("migrant workers", NounClass::Person),
            ("fishermen", NounClass::Person),
            ("months", NounClass::Duration(Period::Month)),
            ("days", NounClass::Duration(Period::Day)),
            ("quarters", NounClass::Duration(Period::Quarter)),
            ("hectares", NounClass::Measure),
            ("metric tons", NounClass::Measure),
            ("crossings", NounClass::Other),
        ];
        for (noun, class) in cases {
            assert_eq!(classify(noun), *class, "{noun}");
        }
    }

    #[test]
    fn singulars() {
        assert_eq!(singular("people"), "person");
        assert_eq!(singular("migrant workers"), "migrant worker");
        assert_eq!(singular("households"), "household");
        assert_eq!(singular("hectares"), "hectare");
    }

    #[test]
    fn periods_within_periods() {
        assert_eq!(Period::Day.in_period(Period::Year), Some(365.0));
        assert_eq!(Period::Month.in_period(Period::Quarter), Some(3.0));
        assert_eq!(Period::Day.in_period(Period::Month), None);
        assert_eq!(Period::Year.in_period(Period::Month), None);
    }
}
