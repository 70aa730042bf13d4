//! Numbers as a newsroom writes them, for messages: "28%–33%", "$1.2 billion", "about
//! 133,000", "12.3 million or more". The exact intervals stay in the machine formats; these
//! strings are made only when a finding is rendered.
//!
//! The precision follows what the reader needs. A single figure keeps every digit of a whole
//! number below a million and three significant digits otherwise (133,333.33 ⇒ 133,000;
//! 49,600,000 ⇒ 49.6 million). A range keeps the digits that tell its ends apart: the ends are
//! rounded to the largest power of ten no greater than a fifth of the width ([28.33, 33.33) ⇒
//! 28%–33%; [22.5, 23.5) ⇒ 22.5%–23.5%; [49,550,000, 49,650,000) ⇒ 49.55–49.65 million).

use crate::interval::{End, Interval};
use crate::quantity::Dimension;

/// The scale words, largest first, with the value of each.
const SCALES: [(f64, &str); 3] = [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")];

/// The finest step a message shows: four decimals.
const FINEST: f64 = 1e-4;

/// A figure in words: "23%", "$1.2 billion", "133,000".
pub fn value(v: f64, dimension: &Dimension) -> String {
    with_unit(&number(v, single_step(v)), dimension)
}

/// A number alone (no unit), to the precision a single figure keeps.
pub fn plain_number(v: f64) -> String {
    number(v, single_step(v))
}

/// An interval in words: "28%–33%", "22,500 or more", "less than 5", "$1.2–1.5 billion".
pub fn interval(i: &Interval, dimension: &Dimension) -> String {
    match (i.lo, i.hi) {
        (End::Unbounded, End::Unbounded) => "any value".to_owned(),
        (lo, End::Unbounded) => {
            let v = end_value(lo);
            let written = value(v, dimension);
            match lo {
                End::Exclusive(_) => format!("more than {written}"),
                _ => format!("{written} or more"),
            }
        }
        (End::Unbounded, hi) => {
            let v = end_value(hi);
            let written = value(v, dimension);
            match hi {
                End::Exclusive(_) => format!("less than {written}"),
                _ => format!("{written} or less"),
            }
        }
        // A share bounded only by the whole ("more than 45 percent" allows up to 100%), or a
        // count bounded only by nothing ("up to 40 million" allows down to 0): said as the
        // one bound the words gave, not as a range whose other end nobody wrote.
        (lo, End::Inclusive(hi))
            if *dimension == Dimension::Percent && hi == 100.0 && end_value(lo) > 0.0 =>
        {
            interval(
                &Interval {
                    lo,
                    hi: End::Unbounded,
                },
                dimension,
            )
        }
        (End::Inclusive(lo), hi) if lo == 0.0 && end_value(hi) > 0.0 => {
            let written = value(end_value(hi), dimension);
            match hi {
                End::Exclusive(_) => format!("less than {written}"),
                _ => format!("up to {written}"),
            }
        }
        (lo, hi) => {
            let (a, b) = (end_value(lo), end_value(hi));
            let width = b - a;
            if !(width.is_finite() && width > 0.0) {
                return value(a, dimension);
            }
            let step = range_step(width);
            let (sa, sb) = (number(a, step), number(b, step));
            if sa == sb {
                return with_unit(&sa, dimension);
            }
            // "$1.2–1.5 billion": one scale word and one currency sign for both ends.
            if let (Some((na, wa)), Some((nb, wb))) = (sa.rsplit_once(' '), sb.rsplit_once(' '))
                && wa == wb
            {
                return with_unit(&format!("{na}–{nb} {wb}"), dimension);
            }
            format!(
                "{}–{}",
                with_unit(&sa, dimension),
                with_unit(&sb, dimension)
            )
        }
    }
}

fn end_value(e: End) -> f64 {
    e.value().unwrap_or(f64::NAN)
}

/// The step a single figure is written to: 1 for a whole number below a million, else three
/// significant digits (never finer than four decimals).
fn single_step(v: f64) -> f64 {
    if !v.is_finite() || v == 0.0 {
        return 1.0;
    }
    if v.fract() == 0.0 && v.abs() < 1e6 {
        return 1.0;
    }
    power_of_ten(v.abs().log10().floor() - 2.0).max(FINEST)
}

/// The step that tells a range's ends apart: the largest power of ten no greater than a fifth
/// of its width.
fn range_step(width: f64) -> f64 {
    power_of_ten((width / 5.0).log10().floor()).max(FINEST)
}

fn power_of_ten(exponent: f64) -> f64 {
    10f64.powi(exponent.clamp(-300.0, 300.0) as i32)
}

/// `v` rounded to a multiple of `step`, with a scale word from a million up.
fn number(v: f64, step: f64) -> String {
    if v.is_nan() {
        return "an unknown value".to_owned();
    }
    if v.is_infinite() {
        return if v > 0.0 { "∞" } else { "−∞" }.to_owned();
    }
    let rounded = (v / step).round() * step;
    for (scale, word) in SCALES {
        if rounded.abs() >= scale && step >= scale / 1e3 {
            let decimals = decimals_of(step / scale);
            return format!("{} {word}", digits(rounded / scale, decimals));
        }
    }
    digits(rounded, decimals_of(step))
}

/// How many decimals a step shows (0 for a step of one or more).
fn decimals_of(step: f64) -> usize {
    if step >= 1.0 {
        0
    } else {
        (-step.log10()).round().clamp(0.0, 4.0) as usize
    }
}

/// A number to `decimals` places, trailing zeros dropped, with thousands separators.
fn digits(v: f64, decimals: usize) -> String {
    let s = format!("{:.*}", decimals, v.abs());
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.')
    } else {
        &s
    };
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    let mut out = String::with_capacity(s.len() + s.len() / 3 + 2);
    if v < 0.0 && s.bytes().any(|b| (b'1'..=b'9').contains(&b)) {
        out.push('−');
    }
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
    out
}

/// A written number with its unit: "23%", "$1.2 billion", "3 percentage points".
fn with_unit(number: &str, dimension: &Dimension) -> String {
    match dimension {
        Dimension::Count => number.to_owned(),
        Dimension::Percent => format!("{number}%"),
        Dimension::Points => format!("{number} percentage points"),
        Dimension::Money(code) => match currency_sign(code) {
            Some(sign) => match number.strip_prefix('−') {
                Some(rest) => format!("−{sign}{rest}"),
                None => format!("{sign}{number}"),
            },
            None => format!("{number} {code}"),
        },
    }
}

/// The sign a newsroom writes before an amount in this currency, where it has one that no
/// other common currency shares.
fn currency_sign(code: &str) -> Option<&'static str> {
    Some(match code {
        "USD" => "$",
        "EUR" => "€",
        "GBP" => "£",
        "JPY" => "¥",
        "INR" => "₹",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn range(lo: End, hi: End) -> Interval {
        Interval { lo, hi }
    }

    #[test]
    fn single_figures_read_as_a_newsroom_writes_them() {
        let usd = Dimension::Money("USD");
        let cases: &[(f64, &Dimension, &str)] = &[
            (23.0, &Dimension::Percent, "23%"),
            (150.0, &Dimension::Percent, "150%"),
            (28.333_333, &Dimension::Percent, "28.3%"),
            (133_333.333_3, &Dimension::Count, "133,000"),
            (23_000.0, &Dimension::Count, "23,000"),
            (1_200_000_000.0, &usd, "$1.2 billion"),
            (150e9, &usd, "$150 billion"),
            (49_600_000.0, &Dimension::Count, "49.6 million"),
            (12_345_678.0, &Dimension::Count, "12.3 million"),
            (8_600.0, &usd, "$8,600"),
            (9_000.0, &Dimension::Money("THB"), "9,000 THB"),
            (3.0, &Dimension::Points, "3 percentage points"),
            (0.25, &Dimension::Percent, "0.25%"),
            (-1_234.5, &Dimension::Count, "−1,230"),
            (0.0, &Dimension::Count, "0"),
            (1.546e15, &Dimension::Count, "1,550 trillion"),
            (1e308, &Dimension::Count, "100,000,…"),
        ];
        for &(v, d, want) in cases {
            let got = value(v, d);
            if let Some(prefix) = want.strip_suffix('…') {
                assert!(got.starts_with(prefix), "{v:e}: {got}");
            } else {
                assert_eq!(got, want, "{v:e}");
            }
        }
        assert_eq!(value(f64::NAN, &Dimension::Count), "an unknown value");
        assert_eq!(value(f64::INFINITY, &Dimension::Percent), "∞%");
    }

    #[test]
    fn ranges_keep_the_digits_that_tell_their_ends_apart() {
        let p = Dimension::Percent;
        let c = Dimension::Count;
        let usd = Dimension::Money("USD");
        let cases: &[(Interval, &Dimension, &str)] = &[
            (
                range(End::Inclusive(28.333_333), End::Exclusive(33.333_333)),
                &p,
                "28%–33%",
            ),
            (
                range(End::Inclusive(22.5), End::Exclusive(23.5)),
                &p,
                "22.5%–23.5%",
            ),
            (
                range(End::Inclusive(150.0), End::Inclusive(150.0)),
                &p,
                "150%",
            ),
            (
                range(End::Inclusive(49_550_000.0), End::Exclusive(49_650_000.0)),
                &c,
                "49.55–49.65 million",
            ),
            (
                range(End::Inclusive(1.2e9), End::Inclusive(1.5e9)),
                &usd,
                "$1.2–1.5 billion",
            ),
            (
                range(End::Inclusive(22_500.0), End::Exclusive(23_500.0)),
                &c,
                "22,500–23,500",
            ),
            (
                range(End::Inclusive(12_300_000.0), End::Unbounded),
                &c,
                "12.3 million or more",
            ),
            (
                range(End::Exclusive(50.0), End::Unbounded),
                &p,
                "more than 50%",
            ),
            (
                range(End::Unbounded, End::Exclusive(5.0)),
                &c,
                "less than 5",
            ),
            (
                range(End::Unbounded, End::Inclusive(40.0)),
                &p,
                "40% or less",
            ),
            (range(End::Unbounded, End::Unbounded), &c, "any value"),
            (
                range(End::Inclusive(0.0), End::Exclusive(1_000_000.0)),
                &c,
                "less than 1 million",
            ),
            (
                range(End::Inclusive(0.0), End::Inclusive(40e6)),
                &c,
                "up to 40 million",
            ),
            (
                range(End::Exclusive(45.0), End::Inclusive(100.0)),
                &p,
                "more than 45%",
            ),
            (
                range(End::Inclusive(25.0), End::Inclusive(100.0)),
                &p,
                "25% or more",
            ),
            (
                range(End::Inclusive(0.0), End::Inclusive(100.0)),
                &p,
                "up to 100%",
            ),
        ];
        for (i, d, want) in cases {
            assert_eq!(interval(i, d), *want, "{i:?}");
        }
    }
}
