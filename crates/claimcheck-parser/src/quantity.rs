//! The grammar of a figure: a number with its unit of measure (percent, currency), and the
//! phrase around it (qualifier, range).
//!
//! ```text
//! mention  := intro? qualifier? quantity range_tail?
//! intro    := "between" | "from"
//! range_tail := connector qualifier? quantity        (connector: "to", "-", "–", "—", "and")
//! quantity := sign? currency? core suffix*
//! core     := vague | fraction | "half" (of|the…) | cardinal (ratio | rate)?
//! ```

use nom::{Parser, bytes::complete::take_while_m_n, combinator::opt};

use crate::conventions::Conventions;
use crate::mention::{Form, Kind, Qualifier};
use crate::number::{PResult, alpha_word, at_boundary, cardinal, fraction, keyword, ws};
use crate::vocab::{
    self, CURRENCY_PREFIX_TABLE, CURRENCY_SUFFIX_TABLE, PhraseTable, QUALIFIER_TABLE,
};

/// What stands before a figure's phrase and decides how "to" reads after it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Around {
    /// "from" stands just before the phrase, or opens it, after a verb of change ("rose
    /// from"): "to" after the figure ends a change, not a range.
    pub after_from: bool,
    /// A verb of spread stands before "from" ("ranging", "varied"): "from X to Y" is a range.
    pub range_verb: bool,
    /// The phrase opens a bracket after a verb of change ("increased …: A (38% to 43%)"):
    /// "to" ends a change.
    pub change_in_brackets: bool,
    /// "by" stands before the phrase: "cut by half" is a share.
    pub after_by: bool,
}

/// A single figure with its unit of measure.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Quantity {
    pub kind: Kind,
    pub value: f64,
    pub form: Form,
    pub currency: Option<&'static str>,
    pub points: bool,
    pub decimals: u8,
    pub scale: Option<f64>,
    pub mantissa: f64,
    pub year_shaped: bool,
    /// The words "one" alone, which are often a pronoun ("one of them").
    pub bare_one: bool,
}

/// The parts of a mention as parsed, before its bounds are worked out.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Phrase {
    pub intro: bool,
    pub qualifier: Option<Qualifier>,
    pub first: Quantity,
    /// The second end of a range, with its own qualifier.
    pub second: Option<RangeEnd>,
    /// Whether the words make the figure an age ("65 years or older").
    pub age: bool,
}

/// The second end of a range ("to about 30"): its figure and its own qualifier.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct RangeEnd {
    pub qualifier: Option<Qualifier>,
    pub quantity: Quantity,
}

fn fail<T>(i: &str) -> PResult<'_, T> {
    Err(nom::Err::Error(nom::error::Error::new(
        i,
        nom::error::ErrorKind::Verify,
    )))
}

/// Matches the start of `i` against a table of phrases, ignoring ASCII case and requiring a
/// word boundary after a phrase that ends in a letter.
fn phrase<'a, T: Copy>(i: &'a str, table: &PhraseTable<T>) -> Option<(&'a str, T)> {
    for (p, v) in table.starting(i) {
        if let Some(n) = vocab::match_phrase(i, p)
            && (!p.ends_with(|c: char| c.is_alphabetic()) || at_boundary(&i[n..]))
        {
            return Some((&i[n..], *v));
        }
    }
    None
}

/// `qualifier := QUALIFIERS ws`
pub(crate) fn qualifier(i: &str) -> PResult<'_, Qualifier> {
    match phrase(i, &QUALIFIER_TABLE) {
        Some((rest, q)) => {
            // A sign touches the figure: "≥65", "<200%".
            let symbol = i.starts_with(['≥', '≤', '<', '>']);
            let rest = match ws(rest) {
                Ok((r, _)) => r,
                Err(_) if symbol => rest,
                // "under-16": an age bound joined by a hyphen.
                Err(_) => match rest.strip_prefix('-') {
                    Some(r) if r.starts_with(|c: char| c.is_ascii_digit()) => r,
                    _ => return fail(i),
                },
            };
            // "at least a $4 billion deficit": an article before the amount.
            let rest = match (alpha_word, ws).parse(rest) {
                Ok((r, (a, _)))
                    if a.eq_ignore_ascii_case("a") && r.starts_with(['$', '€', '£', '¥', '₹']) =>
                {
                    r
                }
                _ => rest,
            };
            Ok((rest, q))
        }
        None => fail(i),
    }
}

/// `postfix_bound := (ws "years")? ws ("and" | "or") ws ("older" | "over" | "under" | "more" | …)`
///
/// Returns the qualifier and whether the words make the figure an age.
pub(crate) fn postfix_bound(i: &str) -> PResult<'_, (Qualifier, bool)> {
    let (r, _) = ws(i)?;
    let (r, years) = match (keyword("years"), ws).parse(r) {
        Ok((r2, _)) => (r2, true),
        Err(_) => (r, false),
    };
    match phrase(r, &vocab::POSTFIX_BOUND_TABLE) {
        Some((rest, (q, age))) => Ok((rest, (q, age || years))),
        None => fail(i),
    }
}

/// `currency_prefix := "US$" | "$" | "€" | "£" | "USD" ws | "US" ws &(amount ws scale) | …`
fn currency_prefix(i: &str) -> PResult<'_, &'static str> {
    if let Some(rest) = dollars_without_sign(i) {
        return Ok((rest, "USD"));
    }
    match phrase(i, &CURRENCY_PREFIX_TABLE) {
        Some((rest, code)) => {
            // A code in letters needs a space or digit after it ("USD 5", "USD5").
            let rest = rest.strip_prefix(' ').unwrap_or(rest);
            if rest.starts_with(|c: char| c.is_ascii_digit()) {
                Ok((rest, code))
            } else {
                fail(i)
            }
        }
        None => fail(i),
    }
}

/// "US 51.2 billion": US dollars with the sign dropped. Only "US" in capitals ("us" is a
/// pronoun) and only before an amount with a scale word of a million or more ("US 95" is
/// a highway, "US 2024" a year): returns the input after "US ".
fn dollars_without_sign(i: &str) -> Option<&str> {
    let rest = i.strip_prefix("US ")?;
    let digits = rest
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .unwrap_or(rest.len());
    if digits == 0 || !rest.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let after = rest[digits..].strip_prefix(' ')?;
    let word_end = after
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(after.len());
    let word = after[..word_end].to_ascii_lowercase();
    ["million", "billion", "trillion", "bn"]
        .contains(&word.as_str())
        .then_some(rest)
}

/// `percent_suffix := ws? "%" | ws ("percent" | "per cent" | "pct") | "-percent" | ws "percentage point(s)"`
/// Returns whether the unit is percentage points.
fn percent_suffix(i: &str) -> PResult<'_, bool> {
    let after_ws = ws(i).map_or(i, |(r, _)| r);
    if let Some(r) = after_ws.strip_prefix('%') {
        return Ok((r, false));
    }
    let after_sep = i.strip_prefix('-').or_else(|| ws(i).ok().map(|(r, _)| r));
    let Some(r) = after_sep else {
        return fail(i);
    };
    if let Ok((r2, (_, _, unit))) = (keyword("percentage"), ws, alpha_word).parse(r)
        && (unit.eq_ignore_ascii_case("point") || unit.eq_ignore_ascii_case("points"))
    {
        return Ok((r2, true));
    }
    if let Ok((r2, _)) = keyword("percent")(r) {
        return Ok((r2, false));
    }
    if let Ok((r2, _)) = keyword("pct")(r) {
        return Ok((r2, false));
    }
    if let Ok((r2, _)) = (keyword("per"), ws, keyword("cent")).parse(r) {
        return Ok((r2, false));
    }
    fail(i)
}

/// `currency_suffix := ws ("dollars" | "euros" | "baht" | "USD" | …)`
fn currency_suffix(i: &str) -> PResult<'_, &'static str> {
    let (r, _) = ws(i)?;
    match phrase(r, &CURRENCY_SUFFIX_TABLE) {
        Some((rest, code)) => Ok((rest, code)),
        None => fail(i),
    }
}

impl Quantity {
    fn new(kind: Kind, value: f64, form: Form) -> Self {
        Quantity {
            kind,
            value,
            form,
            currency: None,
            points: false,
            decimals: 0,
            scale: None,
            mantissa: value,
            year_shaped: false,
            bare_one: false,
        }
    }
}

/// `vague := ("tens" | "hundreds") "of" ("thousands" | "millions") | ("several" | "a few" |
/// "many") (scale | "hundred" | "dozen") | plural_scale`, known to the conventions.
fn vague<'a>(i: &'a str, conventions: &Conventions) -> PResult<'a, f64> {
    let (mut rest, first) = alpha_word(i)?;
    // The phrase read so far, lowercase: held inline (no allocation) up to 24 bytes.
    let mut key = compact_str::CompactString::new(first);
    let add = |key: &mut compact_str::CompactString, w: &str| {
        key.push(' ');
        key.push_str(w);
        key.make_ascii_lowercase();
    };
    key.make_ascii_lowercase();
    if key == "a" {
        let (r, (_, w)) = (ws, alpha_word).parse(rest)?;
        add(&mut key, w);
        rest = r;
    }
    // Extend while the longer phrase is still known: "tens of thousands", "several hundred".
    let mut best = conventions.vague_bound(&key).map(|b| (rest, b));
    let mut probe = rest;
    for _ in 0..2 {
        let Ok((r, (_, w))) = (ws, alpha_word).parse(probe) else {
            break;
        };
        add(&mut key, w);
        probe = r;
        if let Some(b) = conventions.vague_bound(&key) {
            best = Some((r, b));
        }
    }
    match best {
        // "scores" alone is a sports word: it is vague only before "of".
        Some((r, _)) if first.eq_ignore_ascii_case("scores") && !followed_by_of(r) => fail(i),
        Some((r, b)) => Ok((r, b)),
        None => fail(i),
    }
}

fn followed_by_of(i: &str) -> bool {
    (ws, keyword("of")).parse(i).is_ok()
}

/// `half_of := "half" ws ("of" | "the" | "its" | "their" | "all")`, a share of 50 percent.
fn half_of(i: &str) -> PResult<'_, f64> {
    let (rest, _) = keyword("half")(i)?;
    let (_, (_, next)) = (ws, alpha_word).parse(rest)?;
    if [
        "of", "the", "its", "their", "his", "her", "all", "those", "these",
    ]
    .iter()
    .any(|w| next.eq_ignore_ascii_case(w))
    {
        Ok((rest, 50.0))
    } else {
        fail(i)
    }
}

/// `ratio := ws ("in" (ws "every")? | "out of") ws cardinal`, the denominator of "one in three".
fn ratio_denominator(i: &str) -> PResult<'_, f64> {
    let (r, _) = take_while_m_n(1, 1, |c: char| c == ' ' || c == '-').parse(i)?;
    let r = if let Ok((r, _)) = keyword("in")(r) {
        let r = take_while_m_n(1, 1, |c: char| c == ' ' || c == '-')
            .parse(r)
            .map(|(r, _)| r)?;
        (keyword("every"), ws).parse(r).map_or(r, |(r, _)| r)
    } else {
        let (r, _) = (keyword("out"), ws, keyword("of"), ws).parse(r)?;
        // "14 out of every 15".
        (keyword("every"), ws).parse(r).map_or(r, |(r, _)| r)
    };
    let (rest, n) = cardinal(r)?;
    if n.year_shaped || !at_boundary(rest) {
        return fail(i);
    }
    Ok((rest, n.value))
}

/// `rate := ws "per" ws ("100" | "1,000" | "10,000" | "100,000" | "1 million")`, a rate as percent.
fn rate_denominator(i: &str) -> PResult<'_, f64> {
    let (r, (_, _, _)) = (ws, keyword("per"), ws).parse(i)?;
    let (rest, n) = cardinal(r)?;
    let base = n.value;
    if [100.0, 1e3, 1e4, 1e5, 1e6].contains(&base) {
        Ok((rest, base))
    } else {
        fail(i)
    }
}

/// `quantity := sign? currency? core suffix*`
pub(crate) fn quantity<'a>(
    i: &'a str,
    conventions: &Conventions,
    qualified: bool,
) -> PResult<'a, Quantity> {
    let (i, sign) = match i.chars().next() {
        Some(c @ ('-' | '−' | '+'))
            if i[c.len_utf8()..].starts_with(|d: char| d.is_ascii_digit()) =>
        {
            (&i[c.len_utf8()..], if c == '+' { 1.0 } else { -1.0 })
        }
        _ => (i, 1.0),
    };
    let (i, prefix_currency) = opt(currency_prefix).parse(i)?;
    let (rest, mut q) = core(i, conventions, qualified)?;
    q.value *= sign;
    q.mantissa *= sign;
    let mut rest = rest;
    if q.kind == Kind::Number
        && NextWord::after(rest).may_be(&["percent", "percentage", "pct", "per"])
        && let Ok((r, points)) = percent_suffix(rest)
        && prefix_currency.is_none()
    {
        q.kind = Kind::Percent;
        q.points = points;
        q.year_shaped = false;
        rest = r;
    }
    let mut currency = prefix_currency;
    if q.kind == Kind::Number
        && currency.is_none()
        && let Ok((r, code)) = currency_suffix(rest)
    {
        currency = Some(code);
        rest = r;
    }
    // "millions of dollars", "tens of billions of euros".
    if q.form == Form::Vague
        && currency.is_none()
        && let Ok((r, (_, _, code))) = (ws, keyword("of"), currency_suffix).parse(rest)
    {
        currency = Some(code);
        rest = r;
    }
    if let Some(code) = currency {
        if q.kind == Kind::Percent {
            return fail(i);
        }
        q.kind = Kind::Money;
        q.currency = Some(code);
        q.year_shaped = false;
    }
    Ok((rest, q))
}

/// `core := vague | fraction | half_of | cardinal (ratio | rate)?`
fn core<'a>(i: &'a str, conventions: &Conventions, qualified: bool) -> PResult<'a, Quantity> {
    if i.starts_with(|c: char| c.is_alphabetic()) {
        if let Ok((rest, bound)) = vague(i, conventions) {
            return Ok((rest, Quantity::new(Kind::Number, bound, Form::Vague)));
        }
        if let Ok((rest, pct)) = fraction(i)
            && at_boundary(rest)
        {
            return Ok((rest, Quantity::new(Kind::Percent, pct, Form::Fraction)));
        }
        if let Ok((rest, pct)) = half_of(i) {
            return Ok((rest, Quantity::new(Kind::Percent, pct, Form::Fraction)));
        }
        // "half a million" is a count.
        if keyword("half")(i).is_ok()
            && let Ok((rest, n)) = cardinal(i)
        {
            let mut q = Quantity::new(Kind::Number, n.value, Form::Words);
            q.scale = n.scale;
            q.mantissa = n.mantissa;
            return Ok((rest, q));
        }
        // "almost half", "more than half": a qualifier makes a bare "half" a share.
        if qualified && let Ok((rest, _)) = keyword("half")(i) {
            return Ok((rest, Quantity::new(Kind::Percent, 50.0, Form::Fraction)));
        }
    }
    let (rest, n) = cardinal(i)?;
    if !at_boundary(rest) && !n.words {
        // Letters glued to digits that are no scale: handled by the caller (ordinals,
        // decades, measurements, identifiers).
        return fail(i);
    }
    // A figure is nearly always followed by a space and a word that starts none of the
    // tails below ("12 people"): that word, read once, rules them out.
    let next = NextWord::after(rest);
    if next.may_be(&["in", "out"])
        && let Ok((r, denominator)) = ratio_denominator(rest)
        && denominator > n.value
        && n.value > 0.0
    {
        let mut q = Quantity::new(Kind::Percent, 100.0 * n.value / denominator, Form::Ratio);
        q.mantissa = q.value;
        return Ok((r, q));
    }
    if next.may_be(&["per"])
        && let Ok((r, base)) = rate_denominator(rest)
    {
        let mut q = Quantity::new(Kind::Percent, 100.0 * n.value / base, Form::Rate);
        q.decimals = n.decimals;
        // The stated precision is the numerator's, in percent: "12 per 1,000" is
        // precise to 0.1%.
        q.scale = Some(100.0 / base);
        q.mantissa = n.value;
        return Ok((r, q));
    }
    // "3/4": a fraction in digits, a share; "1 4/5": a mixed number.
    let whole = !n.words && n.scale.is_none() && n.decimals == 0;
    if whole
        && let Some((r, den)) = denominator(rest)
        && n.value > 0.0
        && n.value < den
    {
        let mut q = Quantity::new(Kind::Percent, 100.0 * n.value / den, Form::Fraction);
        q.mantissa = q.value;
        return Ok((r, q));
    }
    if whole && let Some((r, part)) = rest.strip_prefix(' ').and_then(proper_fraction) {
        return Ok((
            r,
            Quantity::new(Kind::Number, n.value + part, Form::Fraction),
        ));
    }
    // "3 dozen".
    if !n.words
        && n.scale.is_none()
        && next.may_be(&["dozen"])
        && let Ok((r, _)) = (ws, keyword("dozen")).parse(rest)
    {
        let mut q = Quantity::new(Kind::Number, n.value * 12.0, Form::Digits);
        q.decimals = n.decimals;
        return Ok((r, q));
    }
    let form = if n.words { Form::Words } else { Form::Digits };
    let mut q = Quantity::new(Kind::Number, n.value, form);
    q.decimals = n.decimals;
    q.scale = n.scale;
    q.mantissa = n.mantissa;
    q.year_shaped = n.year_shaped;
    q.bare_one = n.words && n.value == 1.0 && n.scale.is_none() && {
        let len = i.len() - rest.len();
        i[..len].eq_ignore_ascii_case("one")
    };
    Ok((rest, q))
}

/// The word after a figure, when one space and an ASCII letter follow it: then every tail
/// of the grammar that begins with a word ("per 1,000", "in three", "percent", "dozen")
/// reads that same word, whether it takes one space or [`ws`], and cannot match unless the
/// word is its own. `Unknown` for anything else (a mark, two spaces, a line break), where
/// each tail is tried as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NextWord<'a> {
    Word(&'a str),
    Unknown,
}

impl<'a> NextWord<'a> {
    fn after(rest: &'a str) -> Self {
        match rest.as_bytes() {
            [b' ', b, ..] if b.is_ascii_alphabetic() => {
                alpha_word(&rest[1..]).map_or(NextWord::Unknown, |(_, word)| NextWord::Word(word))
            }
            _ => NextWord::Unknown,
        }
    }

    /// Whether a tail that starts with one of `words` may match here.
    fn may_be(self, words: &[&str]) -> bool {
        match self {
            NextWord::Word(w) => words.iter().any(|x| w.eq_ignore_ascii_case(x)),
            NextWord::Unknown => true,
        }
    }
}

/// `denominator := "/" digit{1,2}`, from 2 to 10, ending the number: the "/4" of "3/4".
fn denominator(i: &str) -> Option<(&str, f64)> {
    let r = i.strip_prefix('/')?;
    let d = r.bytes().take_while(u8::is_ascii_digit).count();
    if d == 0 || d > 2 || !at_boundary(&r[d..]) || r[d..].starts_with('/') {
        return None;
    }
    let den: f64 = r[..d].parse().ok()?;
    (2.0..=10.0).contains(&den).then_some((&r[d..], den))
}

/// `proper := digit{1,2} denominator`, below one: the "4/5" of "1 4/5".
fn proper_fraction(i: &str) -> Option<(&str, f64)> {
    let n = i.bytes().take_while(u8::is_ascii_digit).count();
    if n == 0 || n > 2 {
        return None;
    }
    let num: f64 = i[..n].parse().ok()?;
    let (rest, den) = denominator(&i[n..])?;
    (num > 0.0 && num < den).then_some((rest, num / den))
}

/// What joins the two ends of a range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Connector {
    /// "-", "–", "—": written tight, also used for scores and identifiers.
    Dash,
    /// "to".
    To,
    /// "and", after "between".
    And,
    /// "through", between two years only ("2016 through 2020").
    Through,
}

/// `connector := ws? ("-" | "–" | "—") ws? | ws "to" ws | ws "and" ws`
fn connector(i: &str, intro: bool) -> PResult<'_, Connector> {
    let (r, _) = opt(ws).parse(i)?;
    if let Ok((r2, _)) = dash(r) {
        let (r2, _) = opt(ws).parse(r2)?;
        return Ok((r2, Connector::Dash));
    }
    if r.len() == i.len() {
        return fail(i);
    }
    if let Ok((r2, _)) = (keyword("to"), ws).parse(r) {
        return Ok((r2, Connector::To));
    }
    if let Ok((r2, _)) = (keyword("through"), ws).parse(r) {
        return Ok((r2, Connector::Through));
    }
    if intro && let Ok((r2, _)) = (keyword("and"), ws).parse(r) {
        return Ok((r2, Connector::And));
    }
    fail(i)
}

/// `dash := "-" | "–" | "—" | "‒"`
fn dash(i: &str) -> PResult<'_, &str> {
    take_while_m_n(1, 1, |c: char| matches!(c, '-' | '–' | '—' | '‒')).parse(i)
}

/// `intro := ("between" | "from") ws`
fn intro(i: &str) -> PResult<'_, &str> {
    let (r, w) = alpha_word(i)?;
    if w.eq_ignore_ascii_case("between") || w.eq_ignore_ascii_case("from") {
        let (r, _) = ws(r)?;
        // "between the ages of 16 and 18".
        let r = (keyword("the"), ws, keyword("ages"), ws, keyword("of"), ws)
            .parse(r)
            .map_or(r, |(r2, _)| r2);
        Ok((r, w))
    } else {
        fail(i)
    }
}

/// `mention := intro? qualifier? quantity range_tail?`
///
/// A range needs its ends to agree in kind once the unit written once is shared; a range
/// without "between" or "from" must also rise ("51–50" is a score, not a range).
pub(crate) fn mention<'a>(
    i: &'a str,
    conventions: &Conventions,
    around: Around,
) -> PResult<'a, Phrase> {
    let (i, intro_word) = opt(intro).parse(i)?;
    let has_intro = intro_word.is_some();
    let between = intro_word.is_some_and(|w| w.eq_ignore_ascii_case("between"));
    let from = intro_word.is_some_and(|w| w.eq_ignore_ascii_case("from"));
    let (i, qual) = opt(qualifier).parse(i)?;
    let (rest, first) = quantity(i, conventions, qual.is_some() || around.after_by)?;
    let single = Phrase {
        intro: false,
        qualifier: qual,
        first,
        second: None,
        age: false,
    };
    if first.form == Form::Vague || first.form == Form::Ratio {
        return if has_intro {
            fail(i)
        } else {
            Ok((rest, single))
        };
    }
    let tail = |r: &'a str| -> PResult<'a, (Connector, Option<Qualifier>, Quantity)> {
        let (r, conn) = connector(r, between)?;
        if conn == Connector::And && !between {
            return fail(r);
        }
        let (r, q2) = opt(qualifier).parse(r)?;
        let (r, second) = quantity(r, conventions, q2.is_some())?;
        Ok((r, (conn, q2, second)))
    };
    match tail(rest) {
        Ok((r, (conn, q2, mut second))) => {
            let mut first = first;
            // "from 12% to 19%" is a change, two figures; "from 2010 to 2013" a period and
            // "ranging from 5 to 9" a range. A dash range after "from" is the first figure
            // of a change: "from 12-15% … to 7%".
            let years = first.year_shaped && second.year_shaped;
            let change = around.after_from
                && !around.range_verb
                && (conn == Connector::Dash && from || conn == Connector::To && !years)
                || around.change_in_brackets && conn == Connector::To && !years;
            if !change
                && let Some(joined) =
                    join_range(&mut first, &mut second, conn, between, conventions)
                && joined
            {
                return Ok((
                    r,
                    Phrase {
                        intro: has_intro,
                        qualifier: qual,
                        first,
                        second: Some(RangeEnd {
                            qualifier: q2,
                            quantity: second,
                        }),
                        age: false,
                    },
                ));
            }
            if has_intro {
                fail(i)
            } else {
                Ok((rest, single))
            }
        }
        Err(_) if has_intro => fail(i),
        Err(_) => Ok((rest, single)),
    }
}

/// Shares the unit written once between the ends of a range and says whether they make
/// one. `None` when they cannot. Only "between" admits a falling range (to be flagged as
/// reversed); "from 35 to 30" is a change, not a range.
fn join_range(
    first: &mut Quantity,
    second: &mut Quantity,
    conn: Connector,
    intro: bool,
    conventions: &Conventions,
) -> Option<bool> {
    if first.form == Form::Vague || second.form == Form::Vague {
        return None;
    }
    // "in 2011 to US$2.7 billion": a year, then the next figure.
    if first.year_shaped
        && conventions.is_year(first.value)
        && !second.year_shaped
        && !(conn == Connector::Dash && second.value < 100.0)
    {
        return None;
    }
    // Year spans: "2011 to 2016", "2020-21".
    if first.year_shaped && conn == Connector::Dash && second.form == Form::Digits {
        let century = first.value - first.value % 100.0;
        let short = second.value;
        if second.scale.is_none()
            && second.decimals == 0
            && (0.0..100.0).contains(&short)
            && century + short > first.value
        {
            second.value = century + short;
            second.mantissa = second.value;
            second.year_shaped = true;
        }
    }
    if first.year_shaped && second.year_shaped {
        return Some(second.value >= first.value || intro);
    }
    if conn == Connector::Through {
        return None;
    }
    if first.kind == Kind::Number && second.kind == Kind::Percent && !second.points {
        first.kind = Kind::Percent;
        first.year_shaped = false;
    }
    if first.kind == Kind::Number && second.kind == Kind::Money {
        first.kind = Kind::Money;
        first.currency = second.currency;
    }
    if first.kind == Kind::Money && second.kind == Kind::Number && second.currency.is_none() {
        second.kind = Kind::Money;
        second.currency = first.currency;
    }
    if first.kind != second.kind || first.currency != second.currency {
        return None;
    }
    if let (None, Some(s)) = (first.scale, second.scale) {
        // "between 2.5 and 3 million", but not "from 900 to 1.2 million".
        if first.mantissa <= second.mantissa && first.form != Form::Fraction {
            first.value = first.mantissa * s;
            first.scale = Some(s);
        }
    }
    first.year_shaped = false;
    second.year_shaped = false;
    let rising = second.value >= first.value;
    match conn {
        Connector::Dash | Connector::To | Connector::Through => Some(rising || intro),
        Connector::And => Some(intro),
    }
}

/// Looks back from `end` for a phrase of `table` that ends there (before whitespace), and
/// returns where it starts. ASCII case is ignored; the phrase must start at a word boundary.
pub(crate) fn phrase_before<T>(text: &str, end: usize, table: &PhraseTable<T>) -> Option<usize> {
    let head = &text[..end];
    let trimmed = head.trim_end_matches([' ', '\u{a0}', '\t', '\n']);
    if trimmed.len() == head.len() {
        return None;
    }
    for (p, _) in table.ending(trimmed) {
        if let Some(start) = vocab::match_phrase_end(trimmed, p)
            && !trimmed[..start].ends_with(|c: char| c.is_alphanumeric())
        {
            return Some(start);
        }
    }
    None
}

/// A word written just before an offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct WordBefore<'a> {
    /// Where the word starts.
    pub start: usize,
    /// The word as written.
    pub word: &'a str,
}

/// The ASCII bytes of a word for [`word_before`]: letters, digits, '.', '#' and '\''.
const WORD_BYTES: [bool; 128] = {
    let mut table = [false; 128];
    let mut b = 0;
    while b < 128 {
        let byte = b as u8;
        table[b] = byte.is_ascii_alphanumeric() || matches!(byte, b'.' | b'#' | b'\'');
        b += 1;
    }
    table
};

/// The word that ends just before `end` (after skipping spaces).
/// The word is letters and digits, with `.`, `#` and `'`; the spaces skipped are spaces,
/// tabs and no-break spaces. Read backwards byte by byte, decoding only non-ASCII characters.
pub(crate) fn word_before(text: &str, end: usize) -> Option<WordBefore<'_>> {
    let bytes = text.as_bytes();
    let mut stop = end;
    loop {
        match bytes[..stop] {
            [.., b' ' | b'\t'] => stop -= 1,
            [.., 0xC2, 0xA0] => stop -= 2,
            _ => break,
        }
    }
    let mut start = stop;
    while start > 0 {
        let b = bytes[start - 1];
        if b.is_ascii() {
            if !WORD_BYTES[usize::from(b)] {
                break;
            }
            start -= 1;
        } else {
            // The character that ends here starts at the last byte that is no continuation.
            let from = (0..start)
                .rev()
                .find(|&k| text.is_char_boundary(k))
                .unwrap_or(0);
            if !text[from..start]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
            {
                break;
            }
            start = from;
        }
    }
    (start < stop).then(|| WordBefore {
        start,
        word: &text[start..stop],
    })
}

/// Whether the currency code table has this prefix (used to recognise "USD" before digits).
pub(crate) fn is_currency_prefix(i: &str) -> bool {
    currency_prefix(i).is_ok()
}

/// The sign characters a number may carry.
pub(crate) fn is_sign(c: char) -> bool {
    matches!(c, '-' | '−' | '+')
}

/// Whether the lowercase word is a month name.
pub(crate) fn is_month(word: &str) -> bool {
    vocab::contains_ci(vocab::MONTHS, word.trim_end_matches('.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_word_after_a_figure_is_read_only_after_one_space_and_a_letter() {
        assert_eq!(NextWord::after(" people said"), NextWord::Word("people"));
        assert_eq!(NextWord::after(" Per 1,000"), NextWord::Word("Per"));
        for unknown in [
            "",
            "%",
            "  per",
            "\tper",
            "-percent",
            " 1,000",
            " Élan",
            "\u{a0}per",
        ] {
            assert_eq!(NextWord::after(unknown), NextWord::Unknown, "{unknown:?}");
        }
        assert!(NextWord::Word("PERCENT").may_be(&["percent"]));
        assert!(!NextWord::Word("people").may_be(&["percent", "per"]));
        assert!(NextWord::Unknown.may_be(&["dozen"]));
    }

    #[test]
    fn the_tails_ruled_out_by_the_next_word_still_read_in_any_case() {
        let c = Conventions::default();
        let read = |s: &'static str| {
            quantity(s, &c, false)
                .map(|(rest, q)| (rest, q.kind, q.value))
                .ok()
        };
        assert_eq!(read("12 PERCENT of"), Some((" of", Kind::Percent, 12.0)));
        assert_eq!(read("3 Dozen eggs"), Some((" eggs", Kind::Number, 36.0)));
        assert_eq!(
            read("12 Per 1,000 births"),
            Some((" births", Kind::Percent, 1.2))
        );
        assert_eq!(read("one In three"), Some(("", Kind::Percent, 100.0 / 3.0)));
        assert_eq!(
            read("14 out of 15"),
            Some(("", Kind::Percent, 1400.0 / 15.0))
        );
        assert_eq!(read("12 people"), Some((" people", Kind::Number, 12.0)));
    }

    proptest::proptest! {
        /// What lets [`core`] and [`quantity`] skip a tail on the word after a figure: where
        /// that word is known and is none of a tail's first words, the tail fails.
        #[test]
        fn a_tail_ruled_out_by_the_next_word_fails(
            rest in "[ \t\u{a0}-]{0,2}(in|out|per|percent|percentage|pct|dozen|people|PER|In|Dozen|x)?[ -]{0,2}(of|every|cent|points?|100|1,000|three)?[ .]?",
        ) {
            let next = NextWord::after(&rest);
            if !next.may_be(&["in", "out"]) {
                proptest::prop_assert!(ratio_denominator(&rest).is_err());
            }
            if !next.may_be(&["per"]) {
                proptest::prop_assert!(rate_denominator(&rest).is_err());
            }
            if !next.may_be(&["dozen"]) {
                proptest::prop_assert!((ws, keyword("dozen")).parse(rest.as_str()).is_err());
            }
            if !next.may_be(&["percent", "percentage", "pct", "per"]) {
                proptest::prop_assert!(percent_suffix(&rest).is_err());
            }
        }

        /// The byte-wise reading finds the word the plain definition finds: spaces, tabs and
        /// no-break spaces trimmed, then the run of letters, digits, `.`, `#` and `'` before.
        #[test]
        fn word_before_is_the_plain_definition(
            text in "[aZ9.#' \t\u{a0}é中,\u{0301}-]{0,12}",
            cut in 0usize..40,
        ) {
            let end = (0..=cut.min(text.len()))
                .rev()
                .find(|&k| text.is_char_boundary(k))
                .unwrap_or(0);
            let head = text[..end].trim_end_matches([' ', '\u{a0}', '\t']);
            let want = head
                .char_indices()
                .rev()
                .take_while(|(_, c)| c.is_alphanumeric() || matches!(c, '.' | '#' | '\''))
                .last()
                .map(|(i, _)| (i, &head[i..]));
            let got = super::word_before(&text, end).map(|w| (w.start, w.word));
            proptest::prop_assert_eq!(got, want);
        }
    }
}
