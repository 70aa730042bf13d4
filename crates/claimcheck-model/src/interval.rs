//! Intervals of real numbers with inclusive, exclusive or unbounded ends, and sound
//! arithmetic on them: for any values inside the inputs, the exact result lies inside the
//! output.

use serde::Serialize;

/// One end of an interval.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum End {
    /// No bound on this side.
    Unbounded,
    /// The value is included.
    Inclusive(f64),
    /// The value is excluded.
    Exclusive(f64),
}

impl End {
    /// The value at this end, if bounded.
    pub fn value(self) -> Option<f64> {
        match self {
            End::Unbounded => None,
            End::Inclusive(v) | End::Exclusive(v) => Some(v),
        }
    }

    /// Whether the end includes its value (`None` when unbounded).
    pub fn inclusive(self) -> Option<bool> {
        match self {
            End::Unbounded => None,
            End::Inclusive(_) => Some(true),
            End::Exclusive(_) => Some(false),
        }
    }

    /// An end at `value`. An infinite value is no bound; so is NaN (an overflowed or
    /// undefined result), since "unbounded" is the only sound reading of an end we cannot
    /// compute.
    fn new(value: f64, inclusive: bool) -> End {
        if !value.is_finite() {
            End::Unbounded
        } else if inclusive {
            End::Inclusive(value)
        } else {
            End::Exclusive(value)
        }
    }
}

/// A set of reals between two ends. Constructed only through functions that keep the low
/// end at or below the high end.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Interval {
    /// The low end.
    pub lo: End,
    /// The high end.
    pub hi: End,
}

/// Why an operation has no interval result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IntervalError {
    /// The divisor's interval contains zero.
    DivisionByZero,
    /// The ends are reversed or the interval is empty.
    Empty,
}

impl std::fmt::Display for IntervalError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            IntervalError::DivisionByZero => {
                f.write_str("division by an interval that contains zero")
            }
            IntervalError::Empty => f.write_str("the interval is empty"),
        }
    }
}

impl std::error::Error for IntervalError {}

/// An end as an extended real with its inclusiveness, for the arithmetic.
#[derive(Debug, Clone, Copy)]
struct Ext {
    v: f64,
    inc: bool,
}

impl Interval {
    /// The single value `v` (a non-finite `v` gives the whole line: see [`End`]'s
    /// constructor).
    pub fn point(v: f64) -> Self {
        Interval {
            lo: End::new(v, true),
            hi: End::new(v, true),
        }
    }

    /// An interval from two ends; `Err` if it would be empty.
    pub fn new(lo: End, hi: End) -> Result<Self, IntervalError> {
        let i = Interval { lo, hi };
        if i.is_empty() {
            Err(IntervalError::Empty)
        } else {
            Ok(i)
        }
    }

    /// Whether no real lies inside.
    pub fn is_empty(&self) -> bool {
        match (self.lo, self.hi) {
            (End::Unbounded, _) | (_, End::Unbounded) => false,
            (End::Inclusive(a), End::Inclusive(b)) => a > b,
            (a, b) => a.value() >= b.value(),
        }
    }

    /// Whether `v` lies inside.
    pub fn contains(&self, v: f64) -> bool {
        let above = match self.lo {
            End::Unbounded => true,
            End::Inclusive(a) => v >= a,
            End::Exclusive(a) => v > a,
        };
        let below = match self.hi {
            End::Unbounded => true,
            End::Inclusive(b) => v <= b,
            End::Exclusive(b) => v < b,
        };
        above && below
    }

    /// The common part of two intervals, if any.
    pub fn intersect(&self, other: &Interval) -> Option<Interval> {
        let lo = tighter_low(self.lo, other.lo);
        let hi = tighter_high(self.hi, other.hi);
        Interval::new(lo, hi).ok()
    }

    /// Whether the two intervals share a value.
    pub fn overlaps(&self, other: &Interval) -> bool {
        self.intersect(other).is_some()
    }

    fn ext_lo(&self) -> Ext {
        match self.lo {
            End::Unbounded => Ext {
                v: f64::NEG_INFINITY,
                inc: false,
            },
            End::Inclusive(v) => Ext { v, inc: true },
            End::Exclusive(v) => Ext { v, inc: false },
        }
    }

    fn ext_hi(&self) -> Ext {
        match self.hi {
            End::Unbounded => Ext {
                v: f64::INFINITY,
                inc: false,
            },
            End::Inclusive(v) => Ext { v, inc: true },
            End::Exclusive(v) => Ext { v, inc: false },
        }
    }

    /// `self + other`.
    pub fn add(&self, other: &Interval) -> Interval {
        let (a, b) = (self.ext_lo(), other.ext_lo());
        let (c, d) = (self.ext_hi(), other.ext_hi());
        Interval {
            lo: End::new(a.v + b.v, a.inc && b.inc),
            hi: End::new(c.v + d.v, c.inc && d.inc),
        }
    }

    /// `-self`.
    pub fn neg(&self) -> Interval {
        let flip = |e: End| match e {
            End::Unbounded => End::Unbounded,
            End::Inclusive(v) => End::Inclusive(-v),
            End::Exclusive(v) => End::Exclusive(-v),
        };
        Interval {
            lo: flip(self.hi),
            hi: flip(self.lo),
        }
    }

    /// `self - other`.
    pub fn sub(&self, other: &Interval) -> Interval {
        self.add(&other.neg())
    }

    /// `self × other`: the least and greatest of the four end products. An end of the
    /// result is included when some pair of included ends reaches it.
    pub fn mul(&self, other: &Interval) -> Interval {
        let xs = [self.ext_lo(), self.ext_hi()];
        let ys = [other.ext_lo(), other.ext_hi()];
        let mut lo: Option<Ext> = None;
        let mut hi: Option<Ext> = None;
        for x in xs {
            for y in ys {
                // A bounded factor of zero times an unbounded end is zero: both values are
                // finite in fact.
                let v = if (x.v == 0.0 && y.v.is_infinite()) || (y.v == 0.0 && x.v.is_infinite()) {
                    0.0
                } else {
                    x.v * y.v
                };
                let inc =
                    x.inc && y.inc || v == 0.0 && (x.v == 0.0 && x.inc || y.v == 0.0 && y.inc);
                let p = Ext { v, inc };
                lo = Some(match lo {
                    Some(l) if l.v < v => l,
                    Some(l) if l.v == v => Ext {
                        v,
                        inc: l.inc || inc,
                    },
                    _ => p,
                });
                hi = Some(match hi {
                    Some(h) if h.v > v => h,
                    Some(h) if h.v == v => Ext {
                        v,
                        inc: h.inc || inc,
                    },
                    _ => p,
                });
            }
        }
        let (lo, hi) = (
            lo.unwrap_or(Ext { v: 0.0, inc: true }),
            hi.unwrap_or(Ext { v: 0.0, inc: true }),
        );
        Interval {
            lo: End::new(lo.v, lo.inc),
            hi: End::new(hi.v, hi.inc),
        }
    }

    /// `1 / self`; an error when the interval contains zero.
    pub fn recip(&self) -> Result<Interval, IntervalError> {
        let (lo, hi) = (self.ext_lo(), self.ext_hi());
        let touches_zero = self.contains(0.0) || (lo.v < 0.0 && hi.v > 0.0);
        if touches_zero {
            return Err(IntervalError::DivisionByZero);
        }
        // An open end at zero gives an unbounded end.
        let inv = |e: Ext| -> Ext {
            if e.v == 0.0 {
                Ext {
                    v: f64::INFINITY.copysign(if lo.v >= 0.0 { 1.0 } else { -1.0 }),
                    inc: false,
                }
            } else if e.v.is_infinite() {
                Ext { v: 0.0, inc: false }
            } else {
                Ext {
                    v: 1.0 / e.v,
                    inc: e.inc,
                }
            }
        };
        let (a, b) = (inv(hi), inv(lo));
        Ok(Interval {
            lo: End::new(a.v, a.inc),
            hi: End::new(b.v, b.inc),
        })
    }

    /// `self / other`.
    pub fn div(&self, other: &Interval) -> Result<Interval, IntervalError> {
        Ok(self.mul(&other.recip()?))
    }

    /// `self × k` for a constant.
    pub fn scale(&self, k: f64) -> Interval {
        self.mul(&Interval::point(k))
    }
}

fn tighter_low(a: End, b: End) -> End {
    match (a, b) {
        (End::Unbounded, x) | (x, End::Unbounded) => x,
        _ => {
            let (av, bv) = (
                a.value().unwrap_or(f64::NEG_INFINITY),
                b.value().unwrap_or(f64::NEG_INFINITY),
            );
            if av > bv {
                a
            } else if bv > av {
                b
            } else if a.inclusive() == Some(false) {
                a
            } else {
                b
            }
        }
    }
}

fn tighter_high(a: End, b: End) -> End {
    match (a, b) {
        (End::Unbounded, x) | (x, End::Unbounded) => x,
        _ => {
            let (av, bv) = (
                a.value().unwrap_or(f64::INFINITY),
                b.value().unwrap_or(f64::INFINITY),
            );
            if av < bv {
                a
            } else if bv < av {
                b
            } else if a.inclusive() == Some(false) {
                a
            } else {
                b
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use approx::assert_relative_eq;
    use proptest::prelude::*;

    fn closed(a: f64, b: f64) -> Interval {
        Interval::new(End::Inclusive(a), End::Inclusive(b)).expect("ordered")
    }

    fn half_open(a: f64, b: f64) -> Interval {
        Interval::new(End::Inclusive(a), End::Exclusive(b)).expect("ordered")
    }

    #[test]
    fn the_seed_product() {
        // [22.5, 23.5) percent of [100,000, ∞) is [22,500, ∞).
        let share = half_open(0.225, 0.235);
        let flow = Interval::new(End::Inclusive(100_000.0), End::Unbounded).expect("ordered");
        let r = share.mul(&flow);
        assert_eq!(r.hi, End::Unbounded);
        match r.lo {
            End::Inclusive(v) => assert_relative_eq!(v, 22_500.0, max_relative = 1e-12),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn ends_keep_their_kind() {
        let r = half_open(1.0, 2.0).add(&closed(10.0, 20.0));
        assert_eq!(r.lo, End::Inclusive(11.0));
        assert_eq!(r.hi, End::Exclusive(22.0));
        let r = closed(1.0, 2.0).sub(&half_open(0.5, 1.0));
        assert_eq!(r.lo, End::Exclusive(0.0));
        assert_eq!(r.hi, End::Inclusive(1.5));
        let r = closed(-2.0, 3.0).mul(&closed(-1.0, 4.0));
        assert_eq!(r, closed(-8.0, 12.0));
    }

    #[test]
    fn division_by_zero_is_an_error() {
        assert_eq!(
            closed(1.0, 2.0).div(&closed(-1.0, 1.0)),
            Err(IntervalError::DivisionByZero)
        );
        assert_eq!(
            closed(1.0, 2.0).div(&closed(0.0, 1.0)),
            Err(IntervalError::DivisionByZero)
        );
        let r = closed(1.0, 2.0).div(&closed(4.0, 8.0)).expect("no zero");
        assert_eq!(r, closed(0.125, 0.5));
    }

    #[test]
    fn overlap_and_intersection() {
        assert!(closed(1.0, 2.0).overlaps(&closed(2.0, 3.0)));
        assert!(!half_open(1.0, 2.0).overlaps(&closed(2.0, 3.0)));
        assert!(Interval::new(End::Inclusive(2.0), End::Exclusive(2.0)).is_err());
        assert_eq!(
            closed(0.0, 10.0).intersect(&half_open(5.0, 20.0)),
            Some(closed(5.0, 10.0))
        );
    }

    fn interval_and_member() -> impl Strategy<Value = (Interval, f64)> {
        (
            -1e6f64..1e6,
            0f64..1e6,
            0f64..=1.0,
            any::<bool>(),
            any::<bool>(),
            0u8..4,
        )
            .prop_map(|(a, w, t, li, hi_inc, shape)| {
                let b = a + w;
                let lo = if li || w == 0.0 {
                    End::Inclusive(a)
                } else {
                    End::Exclusive(a)
                };
                let hi = if hi_inc || w == 0.0 {
                    End::Inclusive(b)
                } else {
                    End::Exclusive(b)
                };
                let mut x = a + t * w;
                if !lo.inclusive().unwrap_or(true) && x <= a {
                    x = a + w / 2.0;
                }
                if !hi.inclusive().unwrap_or(true) && x >= b {
                    x = a + w / 2.0;
                }
                let (lo, hi) = match shape {
                    1 => (End::Unbounded, hi),
                    2 => (lo, End::Unbounded),
                    _ => (lo, hi),
                };
                (Interval { lo, hi }, x)
            })
    }

    /// Loosens an exact result by a relative rounding error, for the containment check.
    fn contains_approx(i: &Interval, v: f64) -> bool {
        let tol = 1e-9 * v.abs().max(1.0);
        i.contains(v) || i.contains(v - tol) || i.contains(v + tol)
    }

    proptest! {
        #[test]
        fn sums_products_and_quotients_are_sound(
            (x, a) in interval_and_member(),
            (y, b) in interval_and_member(),
        ) {
            prop_assert!(x.contains(a) && y.contains(b));
            prop_assert!(contains_approx(&x.add(&y), a + b), "{x:?} + {y:?} ∌ {}", a + b);
            prop_assert!(contains_approx(&x.sub(&y), a - b), "{x:?} - {y:?} ∌ {}", a - b);
            prop_assert!(contains_approx(&x.mul(&y), a * b), "{x:?} × {y:?} ∌ {}", a * b);
            if let Ok(q) = x.div(&y) {
                prop_assert!(b != 0.0);
                prop_assert!(contains_approx(&q, a / b), "{x:?} / {y:?} ∌ {}", a / b);
            } else {
                prop_assert!(y.contains(0.0) || y.lo.value().is_none() || y.hi.value().is_none()
                    || y.lo.value().is_some_and(|l| l <= 0.0) && y.hi.value().is_some_and(|h| h >= 0.0));
            }
        }

        /// The steps of the algebra of units: conversions of periods and shares are
        /// products by constants (× 12, ÷ 365, × 0.01, × 100), and a percent change is
        /// `to ÷ from × 100 − 100`.
        #[test]
        fn conversions_and_changes_are_sound(
            (x, a) in interval_and_member(),
            (y, b) in interval_and_member(),
            k in prop::sample::select(&[12.0, 52.0, 365.0, 4.0, 1.0 / 365.0, 1.0 / 12.0, 0.01, 100.0, -1.0, 0.0][..]),
        ) {
            prop_assert!(contains_approx(&x.scale(k), a * k), "{x:?} × {k} ∌ {}", a * k);
            if let Ok(q) = y.div(&x) {
                let change = q.scale(100.0).add(&Interval::point(-100.0));
                let v = (b / a - 1.0) * 100.0;
                prop_assert!(contains_approx(&change, v), "change {x:?} → {y:?} ∌ {v}");
            }
        }
    }
}
