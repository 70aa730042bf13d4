//! Shared helpers for the parser's table tests.

use claimcheck_parser::{Bound, Mention};

/// A mention in one line: kind, text, interval, and the qualifier, currency, unit and period
/// when present ("percent `more than 20 percent` (20,inf) more_than").
#[allow(dead_code, unreachable_pub)]
pub fn describe(text: &str, m: &Mention) -> String {
    let n = |v: f64| {
        if v.fract() == 0.0 && v.abs() < 1e15 {
            format!("{}", v as i64)
        } else {
            format!("{:.4}", v)
                .trim_end_matches('0')
                .trim_end_matches('.')
                .to_owned()
        }
    };
    let interval = match (m.lower, m.upper) {
        (Some(l), Some(u)) if l == u && m.endpoints.is_none() => format!("={}", n(l.value)),
        (l, u) => {
            let open = |b: Option<Bound>, inf: &str, left: bool| match b {
                None => (inf.to_owned(), if left { "(" } else { ")" }),
                Some(b) => (
                    n(b.value),
                    match (left, b.inclusive) {
                        (true, true) => "[",
                        (true, false) => "(",
                        (false, true) => "]",
                        (false, false) => ")",
                    },
                ),
            };
            let (lv, lb) = open(l, "-inf", true);
            let (uv, ub) = open(u, "inf", false);
            format!("{lb}{lv},{uv}{ub}")
        }
    };
    let mut s = format!(
        "{} `{}` {}",
        m.kind.as_str(),
        &text[m.span.range()],
        interval
    );
    if let Some(q) = m.qualifier {
        s.push_str(&format!(" {}", q.as_str()));
    }
    if m.approximate {
        s.push_str(" ~");
    }
    if let Some(c) = m.currency {
        s.push_str(&format!(" {c}"));
    }
    if m.points {
        s.push_str(" points");
    }
    if let Some(u) = m.unit {
        s.push_str(&format!(" unit={}", &text[u.range()]));
    }
    if m.age {
        s.push_str(" unit=years");
    }
    if let Some(p) = m.per {
        s.push_str(&format!(" per={}", p.as_str()));
    }
    s
}

/// A claim in one line: the parts that are present, as `name=text`, separated by `; `.
#[allow(dead_code, unreachable_pub)]
pub fn describe_claim(text: &str, c: &claimcheck_parser::Claim) -> String {
    let mut parts = Vec::new();
    let mut add = |name: &str, s: Option<claimcheck_parser::Span>| {
        if let Some(s) = s {
            parts.push(format!("{name}={}", &text[s.range()]));
        }
    };
    add("subject", c.subject);
    add("subgroup", c.subgroup);
    add("predicate", c.predicate);
    add("hedge", c.hedge);
    add("time", c.time);
    add("basis", c.basis);
    if let Some(src) = &c.source {
        let mut s = format!("source={}", &text[src.span.range()]);
        if let Some(n) = &src.name {
            s.push_str(&format!(" [{n}]"));
        }
        if let Some(y) = src.year {
            s.push_str(&format!(" [{y}]"));
        }
        parts.push(s);
    }
    parts.join("; ")
}
