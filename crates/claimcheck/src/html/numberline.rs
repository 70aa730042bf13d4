//! Number lines: intervals drawn as bars on one scale, in inline SVG.
//!
//! An included end is a filled dot, an excluded end a hollow dot, an unbounded end an arrow
//! running off the edge of the scale; a single value is a dot. The scale covers every
//! finite end of every bar with a margin, leaves room for arrows, stays within 0–100 for
//! shares and at or above 0 for counts that cannot be negative, and turns logarithmic when
//! the values span more than a factor of 50 (a slip of million for billion), so that the
//! smaller bar is still seen. The caption says the same in words, for screen readers and
//! for print.

use std::fmt::{self, Write};

use claimcheck_model::quantity::plain;
use claimcheck_model::{End, Interval};

use super::escape::Esc;

/// One bar: a label at the left (“article”, “study”) and its interval.
#[derive(Debug, Clone)]
pub struct Bar<'a> {
    /// The row's label, a word or two.
    pub label: &'a str,
    /// What the label stands for, in the caption (“the study: UNIAP 2010 …”).
    pub caption: String,
    /// The interval.
    pub interval: Interval,
}

/// The width of the drawing in SVG units; it scales to its box.
const WIDTH: f64 = 360.0;
/// Where the scale starts (after the labels) and ends.
const X0: f64 = 84.0;
const X1: f64 = 348.0;
const ROW: f64 = 22.0;

/// A scale from values to x.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale {
    /// The least value shown.
    pub lo: f64,
    /// The greatest value shown.
    pub hi: f64,
    /// Whether the scale is logarithmic.
    pub log: bool,
}

impl Scale {
    /// A scale that shows every finite end of `bars` (`None` when no end is finite).
    pub fn fit(bars: &[Interval], percent: bool) -> Option<Scale> {
        let finite: Vec<f64> = bars
            .iter()
            .flat_map(|i| [i.lo.value(), i.hi.value()])
            .flatten()
            .filter(|v| v.is_finite())
            .collect();
        let lo = finite.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = finite.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        if finite.is_empty() {
            return None;
        }
        let open_lo = bars.iter().any(|i| i.lo == End::Unbounded);
        let open_hi = bars.iter().any(|i| i.hi == End::Unbounded);
        if !percent && lo > 0.0 && hi / lo > 50.0 {
            let below = if open_lo { 4.0 } else { 1.6 };
            let above = if open_hi { 4.0 } else { 1.6 };
            return Some(Scale {
                lo: lo / below,
                hi: hi * above,
                log: true,
            });
        }
        let span = hi - lo;
        let pad = if span > 0.0 {
            span * 0.08
        } else {
            (lo.abs() * 0.1).max(1.0)
        };
        let mut s_lo = lo - pad * if open_lo { 3.0 } else { 1.0 };
        let mut s_hi = hi + pad * if open_hi { 3.0 } else { 1.0 };
        // Shares live in 0–100 and most figures are not negative: no scale below 0 or
        // above 100 unless a figure is.
        if lo >= 0.0 {
            s_lo = s_lo.max(0.0);
        }
        if percent && hi <= 100.0 {
            s_hi = s_hi.min(100.0);
        }
        if s_hi - s_lo <= 0.0 {
            s_lo = lo - pad;
            s_hi = hi + pad;
        }
        Some(Scale {
            lo: s_lo,
            hi: s_hi,
            log: false,
        })
    }

    /// The x of a value, clamped to the scale.
    pub fn x(&self, v: f64) -> f64 {
        let t = if self.log {
            (v.max(self.lo).ln() - self.lo.ln()) / (self.hi.ln() - self.lo.ln())
        } else {
            (v - self.lo) / (self.hi - self.lo)
        };
        X0 + t.clamp(0.0, 1.0) * (X1 - X0)
    }

    /// Round values to mark on the axis: 1, 2 or 5 × a power of ten apart (powers of ten
    /// on a logarithmic scale).
    pub fn ticks(&self) -> Vec<f64> {
        if self.log {
            let mut out = Vec::new();
            let mut p = 10f64.powf(self.lo.log10().ceil());
            while p <= self.hi * (1.0 + 1e-9) {
                out.push(p);
                p *= 10.0;
            }
            if out.len() < 2 {
                out = [1.0, 2.0, 5.0]
                    .iter()
                    .flat_map(|m| {
                        let base = 10f64.powf(self.lo.log10().floor());
                        [m * base, m * base * 10.0]
                    })
                    .filter(|v| *v >= self.lo && *v <= self.hi)
                    .collect();
                out.sort_by(f64::total_cmp);
            }
            return out;
        }
        let raw = (self.hi - self.lo) / 5.0;
        let mag = 10f64.powf(raw.log10().floor());
        let step = [1.0, 2.0, 5.0, 10.0]
            .iter()
            .map(|m| m * mag)
            .find(|s| *s >= raw)
            .unwrap_or(10.0 * mag);
        let mut v = (self.lo / step).ceil() * step;
        let mut out = Vec::new();
        while v <= self.hi + step * 1e-9 && out.len() < 12 {
            // -0 and float dust (0.30000000000000004) would show in labels.
            out.push(if v.abs() < step * 1e-9 { 0.0 } else { v });
            v += step;
        }
        out
    }
}

/// A value in a few characters for an axis: 27.6 m, 1.2 bn, 45%.
pub fn compact(v: f64, percent: bool) -> String {
    let a = v.abs();
    if a >= 1e12 {
        // Past a trillion, a power of ten: 4.5e18, not a row of zeros.
        return format!("{v:.1e}{}", if percent { "%" } else { "" });
    }
    let (n, suffix) = if percent {
        (v, "%")
    } else if a >= 1e9 {
        (v / 1e9, " bn")
    } else if a >= 1e6 {
        (v / 1e6, " m")
    } else if a >= 1e4 {
        (v / 1e3, " k")
    } else {
        (v, "")
    };
    let rounded = (n * 100.0).round() / 100.0;
    format!("{}{suffix}", plain(rounded))
}

/// Writes a `<figure>` with the bars on one scale and a caption in words; writes nothing and
/// returns `false` when no bar has a finite end. `id` must be unique in the page; `unit` is
/// `percent`, a currency code or a counted noun.
pub fn write(
    out: &mut String,
    id: &str,
    bars: &[Bar<'_>],
    unit: Option<&str>,
) -> Result<bool, fmt::Error> {
    let percent = unit == Some("percent");
    let intervals: Vec<Interval> = bars.iter().map(|b| b.interval).collect();
    let Some(scale) = Scale::fit(&intervals, percent) else {
        return Ok(false);
    };
    let axis = 12.0 + bars.len() as f64 * ROW;
    let height = axis + 22.0;
    write!(
        out,
        "<figure class=\"nl\"><svg viewBox=\"0 0 {WIDTH} {height}\" role=\"img\" \
         aria-labelledby=\"{id}-cap\" focusable=\"false\">"
    )?;
    for (row, bar) in bars.iter().enumerate() {
        let y = 14.0 + row as f64 * ROW;
        write!(
            out,
            "<text class=\"lbl\" x=\"2\" y=\"{:.1}\">{}</text>",
            y + 4.0,
            Esc(bar.label)
        )?;
        write_bar(out, &scale, &bar.interval, y, row)?;
    }
    write!(
        out,
        "<line class=\"axis\" x1=\"{X0}\" x2=\"{X1}\" y1=\"{axis}\" y2=\"{axis}\"/>"
    )?;
    for t in scale.ticks() {
        let x = scale.x(t);
        write!(
            out,
            "<line class=\"tick\" x1=\"{x:.1}\" x2=\"{x:.1}\" y1=\"{axis}\" y2=\"{:.1}\"/>\
             <text class=\"tl\" x=\"{x:.1}\" y=\"{:.1}\">{}</text>",
            axis + 4.0,
            axis + 15.0,
            Esc(&compact(t, percent))
        )?;
    }
    write!(out, "</svg><figcaption id=\"{id}-cap\">")?;
    let unit_words = match unit {
        Some("percent") => " %".to_owned(),
        Some(u) => format!(" {}", Esc(u)),
        None => String::new(),
    };
    for (i, bar) in bars.iter().enumerate() {
        if i > 0 {
            out.push_str("; ");
        }
        write!(
            out,
            "<span class=\"k{}\">{}</span> {}{}",
            i.min(1),
            Esc(&bar.caption),
            Esc(&super::show_rounded(&bar.interval)),
            unit_words
        )?;
    }
    if bars.len() == 2 {
        out.push_str(if bars[0].interval.overlaps(&bars[1].interval) {
            ". They overlap."
        } else {
            ". They do not overlap."
        });
    } else {
        out.push('.');
    }
    if scale.log {
        out.push_str(" (Logarithmic scale.)");
    }
    out.push_str("</figcaption></figure>");
    Ok(true)
}

/// One bar at height `y`: the band, then its ends.
fn write_bar(out: &mut String, scale: &Scale, i: &Interval, y: f64, row: usize) -> fmt::Result {
    let class = if row == 0 { "b0" } else { "b1" };
    let mut a = i.lo.value().map_or(X0, |v| scale.x(v));
    let mut b = i.hi.value().map_or(X1, |v| scale.x(v));
    if i.lo.value().is_some() && i.lo.value() == i.hi.value() {
        return write!(
            out,
            "<circle class=\"{class}\" cx=\"{a:.1}\" cy=\"{y}\" r=\"4.5\"/>"
        );
    }
    // A band too narrow to see is widened about its middle.
    if b - a < 3.0 {
        let mid = (a + b) / 2.0;
        a = mid - 1.5;
        b = mid + 1.5;
    }
    write!(
        out,
        "<rect class=\"{class}\" x=\"{a:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"6\" rx=\"1\"/>",
        y - 3.0,
        b - a
    )?;
    for (end, x, dir) in [(i.lo, a, -1.0), (i.hi, b, 1.0)] {
        match end {
            End::Unbounded => {
                let tip = x + dir * 8.0;
                write!(
                    out,
                    "<path class=\"{class}\" d=\"M{tip:.1} {y}L{x:.1} {:.1}L{x:.1} {:.1}Z\"/>",
                    y - 6.0,
                    y + 6.0
                )?;
            }
            End::Inclusive(_) => write!(
                out,
                "<circle class=\"{class}\" cx=\"{x:.1}\" cy=\"{y}\" r=\"4.5\"/>"
            )?,
            End::Exclusive(_) => write!(
                out,
                "<circle class=\"{class} open\" cx=\"{x:.1}\" cy=\"{y}\" r=\"4\"/>"
            )?,
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iv(lo: End, hi: End) -> Interval {
        Interval { lo, hi }
    }

    #[test]
    fn the_scale_shows_both_bars_and_stays_in_range() {
        use End::*;
        // "more than a quarter" against the study's 23 percent.
        let claim = iv(Exclusive(25.0), Inclusive(100.0));
        let study = iv(Inclusive(22.5), Exclusive(23.5));
        let s = Scale::fit(&[claim, study], true).expect("a scale");
        assert!(!s.log);
        assert!(s.lo <= 22.5 && s.lo >= 0.0 && s.hi == 100.0, "{s:?}");
        // The gap between the bars is visible.
        assert!(s.x(25.0) - s.x(23.5) >= 3.0);

        // An open end leaves room for its arrow.
        let s = Scale::fit(&[iv(Inclusive(100_000.0), Unbounded)], false).expect("a scale");
        assert!(s.hi > 100_000.0 && s.lo >= 0.0);

        // Million for billion: logarithmic.
        let s = Scale::fit(
            &[
                iv(Inclusive(150e6), Inclusive(150e6)),
                iv(Inclusive(150e9), Inclusive(150e9)),
            ],
            false,
        )
        .expect("a scale");
        assert!(s.log);
        assert!(s.x(150e9) - s.x(150e6) > 100.0);

        // A single value still gets a scale around it.
        let s = Scale::fit(&[iv(Inclusive(0.0), Inclusive(0.0))], false).expect("a scale");
        assert!(s.lo < s.hi);

        // Nothing finite: nothing to draw.
        assert_eq!(Scale::fit(&[iv(Unbounded, Unbounded)], false), None);
    }

    #[test]
    fn ticks_are_round_and_inside() {
        let s = Scale {
            lo: 18.0,
            hi: 100.0,
            log: false,
        };
        assert_eq!(s.ticks(), [20.0, 40.0, 60.0, 80.0, 100.0]);
        let s = Scale {
            lo: 0.0,
            hi: 0.9,
            log: false,
        };
        assert_eq!(s.ticks().first(), Some(&0.0));
        let s = Scale {
            lo: 1e8,
            hi: 1e11,
            log: true,
        };
        assert_eq!(s.ticks(), [1e8, 1e9, 1e10, 1e11]);
    }

    #[test]
    fn compact_labels() {
        assert_eq!(compact(25.0, true), "25%");
        assert_eq!(compact(27_600_000.0, false), "27.6 m");
        assert_eq!(compact(1_200_000_000.0, false), "1.2 bn");
        assert_eq!(compact(150_000.0, false), "150 k");
        assert_eq!(compact(2_500.0, false), "2,500");
        assert_eq!(compact(5e18, true), "5.0e18%");
        assert_eq!(compact(4.5e15, false), "4.5e15");
    }

    #[test]
    fn ends_are_drawn_as_they_are() {
        use End::*;
        let mut out = String::new();
        let bars = [
            Bar {
                label: "article",
                caption: "the article".to_owned(),
                interval: iv(Exclusive(25.0), Unbounded),
            },
            Bar {
                label: "study",
                caption: "the study".to_owned(),
                interval: iv(Inclusive(22.5), Exclusive(23.5)),
            },
        ];
        assert!(write(&mut out, "t", &bars, Some("percent")).expect("written"));
        assert_eq!(out.matches("class=\"b0 open\"").count(), 1, "{out}");
        assert_eq!(
            out.matches("<path class=\"b0\"").count(),
            1,
            "an arrow: {out}"
        );
        assert_eq!(out.matches("<circle class=\"b1\"").count(), 1);
        assert_eq!(out.matches("class=\"b1 open\"").count(), 1);
        assert!(out.contains("aria-labelledby=\"t-cap\""));
        assert!(out.contains("They do not overlap."), "{out}");
        assert!(out.contains("(25, ∞) %"), "{out}");
    }
}
