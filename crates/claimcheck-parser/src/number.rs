//! The grammar of a single number: digits, number words and scales.
//!
//! Complete parsers over `&str`; each returns the rest of the input. Only this crate sees
//! nom's types: the public API speaks [`crate::Mention`].

use nom::{
    IResult, Parser,
    bytes::complete::{tag, take_while_m_n, take_while1},
    character::complete::{char, digit1},
    combinator::{opt, recognize},
};

use crate::vocab::{self, FRACTIONS, SCALE_SUFFIXES, SCALES, TENS, UNITS};

pub(crate) type PResult<'a, T> = IResult<&'a str, T>;

/// A number as written, before any unit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Number {
    pub value: f64,
    /// Digits after the decimal point as written.
    pub decimals: u8,
    /// Whether it was written in words.
    pub words: bool,
    /// The multiplier of a scale word or suffix, if one was written ("million" ⇒ 1e6).
    pub scale: Option<f64>,
    /// Whether it was digits only, four of them, with no separator or decimal point: the
    /// shape of a year.
    pub year_shaped: bool,
    /// The number before its scale ("49.6" in "49.6 million").
    pub mantissa: f64,
}

/// Horizontal or single-line whitespace inside a phrase: spaces, no-break spaces, and at
/// most one line break (prose wrapped in a text file), never a paragraph break.
pub(crate) fn ws(i: &str) -> PResult<'_, &str> {
    // Read at every turn of the grammar: one space before a word or a figure, and no
    // whitespace at all, are told by their bytes.
    let is_space = |b: &u8| matches!(b, b'\t'..=b'\r' | b' ');
    match i.as_bytes() {
        [b' ', next, ..] if next.is_ascii() && !is_space(next) => Ok((&i[1..], &i[..1])),
        [b, ..] if b.is_ascii() && !is_space(b) => Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::TakeWhile1,
        ))),
        _ => ws_chars(i),
    }
}

/// [`ws`] character by character.
fn ws_chars(i: &str) -> PResult<'_, &str> {
    let (rest, got) = take_while1(|c: char| c.is_whitespace()).parse(i)?;
    // A line feed is one byte, never part of another character.
    if got.bytes().filter(|&b| b == b'\n').nth(1).is_some() {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Space,
        )));
    }
    Ok((rest, got))
}

/// `word := letter+`, the next run of letters (an apostrophe ends it).
pub(crate) fn alpha_word(i: &str) -> PResult<'_, &str> {
    // ASCII letters are told by their bytes; a word that reaches a character outside ASCII
    // is read by characters.
    let bytes = i.as_bytes();
    let n = bytes.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    match bytes.get(n) {
        Some(b) if !b.is_ascii() => alpha_word_chars(i),
        _ if n == 0 => Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::TakeWhile1,
        ))),
        _ => Ok((&i[n..], &i[..n])),
    }
}

/// [`alpha_word`] character by character.
fn alpha_word_chars(i: &str) -> PResult<'_, &str> {
    take_while1(|c: char| c.is_alphabetic()).parse(i)
}

/// Whether `i` starts at a word boundary: not a letter or digit next.
pub(crate) fn at_boundary(i: &str) -> bool {
    !i.chars().next().is_some_and(char::is_alphanumeric)
}

/// `keyword(w)`: the word `w`, in any case, followed by a word boundary.
pub(crate) fn keyword<'a>(w: &'static str) -> impl Fn(&'a str) -> PResult<'a, &'a str> {
    move |i: &'a str| {
        let (rest, got) = alpha_word(i)?;
        if got.eq_ignore_ascii_case(w) {
            Ok((rest, got))
        } else {
            Err(nom::Err::Error(nom::error::Error::new(
                i,
                nom::error::ErrorKind::Tag,
            )))
        }
    }
}

/// A word looked up in one of the vocabulary tables, in any case.
pub(crate) fn table_word<'a, T: Copy>(
    table: &'static [(&'static str, T)],
) -> impl Fn(&'a str) -> PResult<'a, T> {
    move |i: &'a str| {
        let (rest, got) = alpha_word(i)?;
        table
            .iter()
            .find(|(w, _)| got.eq_ignore_ascii_case(w))
            .map(|(_, v)| (rest, *v))
            .ok_or_else(|| nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Tag)))
    }
}

fn fail<T>(i: &str) -> PResult<'_, T> {
    Err(nom::Err::Error(nom::error::Error::new(
        i,
        nom::error::ErrorKind::Verify,
    )))
}

/// Whether a character separates groups of thousands: comma, space, thin and no-break spaces.
fn is_group_separator(c: char) -> bool {
    matches!(c, ',' | ' ' | '\u{2009}' | '\u{202f}' | '\u{a0}')
}

/// `group := sep digit{3}` not followed by another digit.
fn thousands_group(i: &str) -> PResult<'_, &str> {
    let (rest, (_, digits)) = (
        take_while_m_n(1, 1, is_group_separator),
        take_while_m_n(3, 3, |c: char| c.is_ascii_digit()),
    )
        .parse(i)?;
    if rest.starts_with(|c: char| c.is_ascii_digit()) {
        return fail(i);
    }
    // "5, 000" is a list, not a number: only a comma may be followed straight by digits,
    // and spaces group only when no comma is in sight.
    Ok((rest, digits))
}

/// `digits := digit{1,3} (sep digit{3})* ("." digit+)? | digit+ ("." digit+)?`
///
/// Thousands separators are a comma, a space, a thin space or a no-break space; a group of
/// thousands always has three digits, so "5, 000" and "2010 100" are not one number.
pub(crate) fn digits(i: &str) -> PResult<'_, Number> {
    // ".08", "about .9%": a decimal written without its zero.
    if let Some(r) = i.strip_prefix('.')
        && r.starts_with(|c: char| c.is_ascii_digit())
    {
        let (rest, frac) = digit1(r)?;
        let value: f64 = format!("0.{frac}").parse().unwrap_or(f64::NAN);
        let mut n = Number {
            value,
            decimals: u8::try_from(frac.len()).unwrap_or(u8::MAX),
            words: false,
            scale: None,
            year_shaped: false,
            mantissa: value,
        };
        n.value = underflow_checked(n.value, frac);
        return Ok((rest, n));
    }
    if let Some(plain) = plain_digits(i) {
        return Ok(plain);
    }
    digits_as_written(i)
}

/// Most numbers are a few digits that nothing continues ("12 people", "2019,"): those are
/// read by their bytes, without building the digits up as text. `None` for any other number
/// (separators, decimals, exponents, ten digits or more), which [`digits_as_written`] reads.
fn plain_digits(i: &str) -> Option<(&str, Number)> {
    let len = i.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=9).contains(&len) || !ends_plain(&i[len..]) {
        return None;
    }
    let value = f64::from(
        i.bytes()
            .take(len)
            .fold(0u32, |v, b| v * 10 + u32::from(b - b'0')),
    );
    Some((
        &i[len..],
        Number {
            value,
            decimals: 0,
            words: false,
            scale: None,
            year_shaped: len == 4,
            mantissa: value,
        },
    ))
}

/// [`digits`] as the grammar writes it: a run of digits, its groups of thousands, decimals,
/// exponent and power.
fn digits_as_written(i: &str) -> PResult<'_, Number> {
    let (mut rest, lead) = digit1(i)?;
    // The digits without their separators: held inline (no allocation) up to 24 bytes.
    let mut text = compact_str::CompactString::with_capacity(lead.len() + 8);
    text.push_str(lead);
    let mut grouped = false;
    if lead.len() <= 3 {
        let mut sep: Option<char> = None;
        while let Ok((r, group)) = thousands_group(rest) {
            let this = rest.chars().next();
            // One kind of separator per number: "1,000 000" is two numbers.
            if sep.is_some() && sep != this {
                break;
            }
            sep = this;
            text.push_str(group);
            rest = r;
            grouped = true;
        }
    }
    let mut decimals = 0u8;
    if let Ok((r, frac)) = decimal_part(rest) {
        // "1.2.3" is a version or a section number, not a decimal.
        if !r.starts_with(|c: char| c == '.' && r[1..].starts_with(|d: char| d.is_ascii_digit())) {
            text.push_str(frac);
            decimals = u8::try_from(frac.len() - 1).unwrap_or(u8::MAX);
            rest = r;
        }
    }
    // "1e6", "2.5E-3": scientific notation, read whole ("1e308") or reported as out of
    // range ("1e400", "1e-400"), never cut short.
    let mut exponent = false;
    if let Some(r) = rest.strip_prefix(['e', 'E']) {
        let signed = r.strip_prefix(['-', '+']).unwrap_or(r);
        let n = signed.bytes().take_while(u8::is_ascii_digit).count();
        if n > 0 && !signed[n..].starts_with(|c: char| c.is_alphanumeric()) {
            let taken = r.len() - signed.len() + n;
            text.push('e');
            text.push_str(&r[..taken]);
            rest = &r[taken..];
            exponent = true;
        }
    }
    let mut value = digits_value(&text);
    value = underflow_checked(value, &text);
    // "10^400": a power written with a caret.
    if let Ok((r, (_, exp))) = power_of_ten(rest) {
        let exp: i32 = exp.parse().unwrap_or(i32::MAX);
        value = value.powi(exp);
        rest = r;
    }
    if exponent {
        grouped = true;
    }
    let year_shaped = !grouped && decimals == 0 && lead.len() == 4 && text.len() == 4;
    Ok((
        rest,
        Number {
            value,
            decimals,
            words: false,
            scale: None,
            year_shaped,
            mantissa: value,
        },
    ))
}

/// Whether a run of digits ends where `rest` starts: no group of thousands, decimal
/// point, exponent or power can follow (no comma or space with a digit after it, no
/// thin or no-break space, no ".", "e", "E" or "^"). Where it cannot tell, it says no, and
/// [`digits`] reads on as written.
fn ends_plain(rest: &str) -> bool {
    match rest.as_bytes() {
        [] => true,
        [b',' | b' ', next, ..] => !next.is_ascii_digit(),
        [b'.' | b'e' | b'E' | b'^', ..] => false,
        // The first byte of a thin, narrow no-break or no-break space (and of other marks).
        [0xE2 | 0xC2, ..] => false,
        _ => true,
    }
}

/// A number whose digits are not all zero but which reads as 0 ("0.000…1" with 400
/// zeros, "1e-400") is out of range: NaN, which the extractor reports, never a silent 0.
/// The value of a number's digits as `str::parse` reads them (without separators; a
/// decimal point and an exponent allowed), infinite past the largest float. A run of at
/// most nine digits (nearly every number, years included) is summed as an integer, which
/// a float holds exactly, without the general parse.
fn digits_value(text: &str) -> f64 {
    if (1..=9).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit()) {
        let whole = text.bytes().fold(0u32, |v, b| v * 10 + u32::from(b - b'0'));
        return f64::from(whole);
    }
    text.parse().unwrap_or(f64::INFINITY)
}

fn underflow_checked(value: f64, digits: &str) -> f64 {
    let mantissa = digits.split(['e', 'E']).next().unwrap_or(digits);
    if value == 0.0 && mantissa.bytes().any(|b| (b'1'..=b'9').contains(&b)) {
        f64::NAN
    } else {
        value
    }
}

/// `decimal := "." digit+`
fn decimal_part(i: &str) -> PResult<'_, &str> {
    recognize((char('.'), digit1)).parse(i)
}

/// `power := "^" digit+`
fn power_of_ten(i: &str) -> PResult<'_, (&str, &str)> {
    (tag("^"), digit1).parse(i)
}

/// `below_hundred := tens ("-" | " ") unit | tens | unit`
fn below_hundred(i: &str) -> PResult<'_, f64> {
    if let Ok((rest, tens)) = table_word(TENS)(i) {
        let unit = (
            take_while_m_n(1, 1, |c: char| c == '-' || c == ' '),
            table_word(UNITS),
        )
            .parse(rest);
        if let Ok((r, (_, u))) = unit
            && (1.0..10.0).contains(&u)
        {
            return Ok((r, tens + u));
        }
        return Ok((rest, tens));
    }
    table_word(UNITS)(i)
}

/// `article := "a" | "an"`, counting as one before "hundred", a scale or "dozen".
fn article(i: &str) -> PResult<'_, f64> {
    let (rest, _) = alt_keyword(&["a", "an"])(i)?;
    Ok((rest, 1.0))
}

fn alt_keyword<'a>(words: &'static [&'static str]) -> impl Fn(&'a str) -> PResult<'a, &'a str> {
    move |i: &'a str| {
        let (rest, got) = alpha_word(i)?;
        if words.iter().any(|w| got.eq_ignore_ascii_case(w)) {
            Ok((rest, got))
        } else {
            fail(i)
        }
    }
}

/// `hundreds := (below_hundred | article) " hundred" (" and"? " " below_hundred)? | below_hundred`
///
/// Covers "three hundred and forty-one", "fifteen hundred" and "a hundred".
fn hundreds(i: &str) -> PResult<'_, f64> {
    let head = below_hundred(i).or_else(|_| article(i));
    let (rest, head) = head?;
    if let Ok((r, _)) = (ws, keyword("hundred")).parse(rest) {
        let total = head * 100.0;
        let tail = (ws, opt((keyword("and"), ws)), below_hundred).parse(r);
        if let Ok((r2, (_, _, t))) = tail {
            return Ok((r2, total + t));
        }
        return Ok((r, total));
    }
    if article(i).is_ok() {
        // "a" counts as one only before a scale or "dozen": "a thousand", "a dozen".
        let scaled = (ws, alpha_word).parse(rest).is_ok_and(|(_, (_, w))| {
            w.eq_ignore_ascii_case("dozen") || vocab::lookup_ci(SCALES, w).is_some()
        });
        if !scaled {
            return fail(i);
        }
    }
    Ok((rest, head))
}

/// `scale := ws ("thousand" | "lakh" | "million" | "crore" | "billion" | … | "decillion")`
fn scale_word(i: &str) -> PResult<'_, f64> {
    let (rest, (_, s)) = (ws, table_word(SCALES)).parse(i)?;
    Ok((rest, s))
}

/// `spelled := hundreds scale? (ws ("and" ws)? hundreds scale?)*` with falling scales, or
/// "half a" scale, or "a dozen" / "two dozen".
pub(crate) fn spelled(i: &str) -> PResult<'_, Number> {
    // "half a billion", "half a million", "half a dozen".
    if let Ok((rest, (_, _, _, _, w))) = (
        keyword("half"),
        ws,
        alt_keyword(&["a", "an"]),
        ws,
        alpha_word,
    )
        .parse(i)
    {
        if let Some(s) = vocab::lookup_ci(SCALES, w) {
            return Ok((rest, words_number(0.5 * s, Some(s), 0.5)));
        }
        if w.eq_ignore_ascii_case("dozen") {
            return Ok((rest, words_number(6.0, None, 6.0)));
        }
    }
    let (mut rest, mut first) = hundreds(i)?;
    // "one and a half", "five and a half million".
    if let Ok((r, _)) = (
        ws,
        keyword("and"),
        ws,
        alt_keyword(&["a", "an"]),
        ws,
        keyword("half"),
    )
        .parse(rest)
    {
        first += 0.5;
        rest = r;
    }
    // "half a dozen"
    // "a dozen", "two dozen".
    if let Ok((r, _)) = (ws, keyword("dozen")).parse(rest) {
        return Ok((r, words_number(first * 12.0, None, first * 12.0)));
    }
    let mut total = 0.0;
    let mut current = first;
    let mut last_scale = f64::INFINITY;
    let mut top_scale = None;
    loop {
        match scale_word(rest) {
            Ok((r, s)) if s < last_scale => {
                total += current * s;
                top_scale.get_or_insert(s);
                last_scale = s;
                current = 0.0;
                rest = r;
                // Another group must follow a scale: "two million three hundred thousand".
                let next = (ws, opt((keyword("and"), ws)), hundreds).parse(rest);
                match next {
                    Ok((r2, (_, _, n))) if !is_article_only(rest) => {
                        // Only continue if the group is itself followed by a smaller scale
                        // or ends the number ("one million and five").
                        current = n;
                        let saved = rest;
                        rest = r2;
                        if let Ok((_, s2)) = scale_word(rest)
                            && s2 >= last_scale
                        {
                            rest = saved;
                            current = 0.0;
                            break;
                        }
                    }
                    _ => break,
                }
            }
            _ => break,
        }
    }
    total += current;
    // "a" alone before a non-number word was rejected above; "an" cannot reach here.
    let mantissa = top_scale.map_or(total, |s| total / s);
    Ok((rest, words_number(total, top_scale, mantissa)))
}

fn is_article_only(i: &str) -> bool {
    (ws, alt_keyword(&["a", "an"]), ws, alpha_word)
        .parse(i)
        .is_ok_and(|(_, (_, _, _, w))| {
            !w.eq_ignore_ascii_case("hundred") && vocab::lookup_ci(SCALES, w).is_none()
        })
}

fn words_number(value: f64, scale: Option<f64>, mantissa: f64) -> Number {
    Number {
        value,
        decimals: 0,
        words: true,
        scale,
        year_shaped: false,
        mantissa,
    }
}

/// `scaled := digits (ws? suffix | ws scale)?`: a digit number with its scale applied.
pub(crate) fn scaled_digits(i: &str) -> PResult<'_, Number> {
    let (mut rest, mut n) = digits(i)?;
    // "1.2 × 10^6", "3 x 10^5": a power of ten written out.
    if let Ok((r, (_, _, _, _, (_, exp)))) = (
        opt(ws),
        take_while_m_n(1, 1, |c: char| matches!(c, '×' | 'x' | '*' | '·')),
        opt(ws),
        tag("10"),
        power_of_ten,
    )
        .parse(rest)
    {
        let exp: i32 = exp.parse().unwrap_or(i32::MAX);
        n.value *= 10f64.powi(exp);
        n.scale = Some(10f64.powi(exp));
        n.year_shaped = false;
        rest = r;
    }
    if let Some((r, s)) = scale_after(rest) {
        n.scale = Some(s);
        n.value *= s;
        n.year_shaped = false;
        return Ok((r, n));
    }
    Ok((rest, n))
}

/// A scale after a number: a suffix ("5bn", "5 bn") or a word ("5 billion").
pub(crate) fn scale_after(i: &str) -> Option<(&str, f64)> {
    let after_space = i.strip_prefix(' ').unwrap_or(i);
    let (r, w) = match i.as_bytes() {
        // One space and a letter (nearly always): [`scale_word`] would read the same word
        // after [`ws`], so it is read once for the scale and the suffix.
        [b' ', b, ..] if b.is_ascii_alphabetic() => {
            let (r, w) = alpha_word(after_space).ok()?;
            if let Some(s) = vocab::lookup_ci(SCALES, w) {
                return Some((r, s));
            }
            (r, w)
        }
        _ => {
            if let Ok((r, s)) = scale_word(i) {
                return Some((r, s));
            }
            alpha_word(after_space).ok()?
        }
    };
    // A single-letter suffix must touch the digits ("5m", not "5 m").
    if w.len() == 1 && after_space.len() != i.len() {
        return None;
    }
    if !at_boundary(r) {
        return None;
    }
    // "5m." at the end of a sentence is fine; "5m-long" is a length.
    if r.starts_with('-') {
        return None;
    }
    vocab::lookup_ci(SCALE_SUFFIXES, w).map(|s| (r, s))
}

/// `cardinal := scaled_digits | spelled`
pub(crate) fn cardinal(i: &str) -> PResult<'_, Number> {
    if i.starts_with(|c: char| c.is_ascii_digit() || c == '.') {
        scaled_digits(i)
    } else {
        spelled(i)
    }
}

/// `fraction := (article | "one" | cardinal) ("-" | ws) denominator`, as a share in percent.
///
/// "a fifth" ⇒ 20, "two-thirds" ⇒ 66.67, "three quarters" ⇒ 75.
pub(crate) fn fraction(i: &str) -> PResult<'_, f64> {
    let (rest, numerator) = if let Ok((r, _)) = alt_keyword(&["a", "an"])(i) {
        (r, 1.0)
    } else {
        below_hundred(i)?
    };
    let (rest, (_, denominator)) = (
        take_while_m_n(1, 1, |c: char| c == '-' || c == ' '),
        table_word(FRACTIONS),
    )
        .parse(rest)?;
    if numerator >= denominator || numerator <= 0.0 {
        return fail(i);
    }
    Ok((rest, 100.0 * numerator / denominator))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scales_after_a_figure() {
        let read = |s: &'static str| scale_after(s);
        assert_eq!(read(" thousand people"), Some((" people", 1e3)));
        assert_eq!(read(" Million,"), Some((",", 1e6)));
        assert_eq!(read("\u{a0}billion"), Some(("", 1e9)));
        assert_eq!(read("bn in"), Some((" in", 1e9)));
        assert_eq!(read(" bn."), Some((".", 1e9)));
        assert_eq!(read(" m people"), None);
        assert_eq!(read("m-long"), None);
        assert_eq!(read(" people"), None);
    }

    proptest::proptest! {
        /// Whitespace told by its bytes is what reading characters finds, error included.
        #[test]
        fn whitespace_by_bytes_is_whitespace_by_characters(
            text in "[a5 \t\n\u{b}\u{a0}\u{2009}é.]{0,6}",
        ) {
            proptest::prop_assert_eq!(ws(&text), ws_chars(&text));
        }

        /// A number's digits are worth what the general parse reads them as.
        #[test]
        fn digits_are_valued_as_parsed(text in "[0-9]{0,12}(\\.[0-9]{0,3})?(e[0-9]{1,3})?") {
            let want: f64 = text.parse().unwrap_or(f64::INFINITY);
            proptest::prop_assert_eq!(digits_value(&text).to_bits(), want.to_bits(), "{:?}", text);
        }

        /// Plain digits read by their bytes are the number the grammar reads, and leave the
        /// same rest; numbers the bytes cannot settle are left to the grammar.
        #[test]
        fn plain_digits_are_the_number_as_written(
            text in "[0-9]{1,11}([ ,.eE^\u{a0}\u{2009}\u{202f}x-]{0,2}[0-9a-z]{0,4})?",
        ) {
            let written = digits_as_written(&text).expect("digits come first");
            if let Some((rest, n)) = plain_digits(&text) {
                proptest::prop_assert_eq!(rest, written.0);
                proptest::prop_assert_eq!(n.value.to_bits(), written.1.value.to_bits());
                proptest::prop_assert_eq!(n, written.1);
            }
        }

        /// The scale after a figure is the one the grammar's parsers find: a scale word after
        /// whitespace, or a suffix that touches the digits or follows one space.
        #[test]
        fn a_scale_is_read_once_as_the_parsers_read_it(
            text in "[ \u{a0}\t]{0,2}(million|Billion|bn|m|k|mln|people|thousands?|x)?[ .,-]?",
        ) {
            let want = scale_word(&text).ok().or_else(|| {
                let after_space = text.strip_prefix(' ').unwrap_or(&text);
                let (r, w) = alpha_word(after_space).ok()?;
                let glued = w.len() == 1 && after_space.len() != text.len();
                (!glued && at_boundary(r) && !r.starts_with('-'))
                    .then(|| vocab::lookup_ci(SCALE_SUFFIXES, w).map(|s| (r, s)))
                    .flatten()
            });
            proptest::prop_assert_eq!(scale_after(&text), want);
        }

        /// A word told by its bytes is what reading characters finds, error included.
        #[test]
        fn words_by_bytes_are_words_by_characters(text in "[aZ5 \n\u{a0}éΩ'.-]{0,6}") {
            proptest::prop_assert_eq!(alpha_word(&text), alpha_word_chars(&text));
        }
    }

    fn value(p: fn(&str) -> PResult<'_, Number>, s: &str) -> Option<(f64, &str)> {
        p(s).ok().map(|(rest, n)| (n.value, rest))
    }

    #[test]
    fn digit_numbers() {
        let cases: &[(&str, f64, &str)] = &[
            ("23", 23.0, ""),
            ("1,000", 1000.0, ""),
            ("100,000 workers", 100_000.0, " workers"),
            ("1 000 000", 1e6, ""),
            ("1\u{2009}500", 1500.0, ""),
            ("3.5", 3.5, ""),
            ("49.6 million", 49.6, " million"),
            ("2010, 100", 2010.0, ", 100"),
            ("5, 000", 5.0, ", 000"),
            ("1.2.3", 1.0, ".2.3"),
            ("2010 100", 2010.0, " 100"),
            ("12,34", 12.0, ",34"),
            ("10^6", 1e6, ""),
        ];
        for (input, want, rest) in cases {
            assert_eq!(value(digits, input), Some((*want, *rest)), "{input}");
        }
    }

    #[test]
    fn scaled_numbers() {
        let cases: &[(&str, f64)] = &[
            ("49.6 million", 49.6e6),
            ("5bn", 5e9),
            ("3 mn", 3e6),
            ("10k", 1e4),
            ("£5m", f64::NAN),
            ("2.5 billion", 2.5e9),
            ("1.2 trillion", 1.2e12),
            ("5 lakh", 5e5),
            ("2 crore", 2e7),
            ("1,546 trillion", 1.546e15),
        ];
        for (input, want) in cases {
            let got = value(scaled_digits, input).map(|(v, _)| v);
            if want.is_nan() {
                assert_eq!(got, None, "{input}");
            } else {
                assert_eq!(got, Some(*want), "{input}");
            }
        }
        assert_eq!(value(scaled_digits, "5 m").map(|(v, _)| v), Some(5.0));
        assert_eq!(value(scaled_digits, "5m-long").map(|(v, _)| v), Some(5.0));
    }

    #[test]
    fn spelled_numbers() {
        let cases: &[(&str, f64)] = &[
            ("three hundred and forty-one", 341.0),
            ("Fifty-seven", 57.0),
            ("twenty one", 21.0),
            ("a hundred", 100.0),
            ("half a billion", 5e8),
            ("a dozen", 12.0),
            ("two dozen", 24.0),
            ("fifteen hundred", 1500.0),
            ("two million three hundred thousand", 2_300_000.0),
            ("one million and five", 1_000_005.0),
            ("seven trillion", 7e12),
            ("one quintillion", 1e18),
            ("two decillion", 2e33),
            ("a thousand", 1000.0),
            ("eleven", 11.0),
            ("zero", 0.0),
            ("ninety-nine thousand nine hundred", 99_900.0),
        ];
        for (input, want) in cases {
            assert_eq!(
                value(spelled, input).map(|(v, _)| v),
                Some(*want),
                "{input}"
            );
        }
        for bad in ["a man", "an hour", "hundred", "forty-"] {
            let got = value(spelled, bad);
            assert!(
                got.is_none() || got.is_some_and(|(_, r)| !r.is_empty()),
                "{bad}: {got:?}"
            );
        }
    }

    #[test]
    fn fractions() {
        let cases: &[(&str, f64)] = &[
            ("a fifth", 20.0),
            ("two-thirds", 200.0 / 3.0),
            ("three quarters", 75.0),
            ("one third", 100.0 / 3.0),
            ("a half", 50.0),
            ("nine-tenths", 90.0),
        ];
        for (input, want) in cases {
            let got = fraction(input).ok().map(|(_, v)| v);
            assert_eq!(got, Some(*want), "{input}");
        }
        assert!(fraction("five thirds").is_err());
        assert!(fraction("the third").is_err());
    }
}
