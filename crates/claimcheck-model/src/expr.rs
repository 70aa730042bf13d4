//! `claimcheck derive --expr`: a phrase of figures and operators, read with the same
//! extractor as articles.
//!
//! ```text
//! expr    := term (("+" | "plus" | "−" | "minus") term)*
//! term    := figure (("of" | "×" | "x" | "*" | "times" | "÷" | "/" | "divided by") figure)*
//! figure  := anything the extractor reads as a number, percent or money, with its counted
//!            noun and period ("50,000 to 80,000 workers a year", "$250 a month")
//! ```
//!
//! A hyphen between two figures that rise reads as a range ("30-35"); write "minus" or "−"
//! to subtract.

use claimcheck_parser::{ClaimReader, Extractor, Kind, Span};

use crate::conventions::ModelConventions;
use crate::estimate::{self, DeriveError, Estimate, Operand};
use crate::quantity::Quantity;

/// Why an expression has no value, with the (1-based, in characters) column where it went
/// wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExprError {
    /// 1-based column in Unicode scalar values.
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for ExprError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "column {}: {}", self.column, self.message)
    }
}

impl std::error::Error for ExprError {}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    Times,
    Divide,
    Plus,
    Minus,
}

/// Operator words, longest first.
const OPERATORS: &[(&str, Op)] = &[
    ("divided by", Op::Divide),
    ("times", Op::Times),
    ("minus", Op::Minus),
    ("plus", Op::Plus),
    ("of", Op::Times),
    ("×", Op::Times),
    ("x", Op::Times),
    ("*", Op::Times),
    ("÷", Op::Divide),
    ("/", Op::Divide),
    ("+", Op::Plus),
    ("−", Op::Minus),
    ("-", Op::Minus),
    ("–", Op::Minus),
];

fn column(text: &str, offset: usize) -> usize {
    text[..offset].chars().count() + 1
}

/// Evaluates an expression: the estimate, and for a rate per day, week or month, the same
/// per year.
pub fn evaluate(
    expr: &str,
    extractor: &Extractor,
    conventions: &ModelConventions,
) -> Result<Vec<Estimate>, ExprError> {
    let found = extractor.extract(expr);
    if let Some(d) = found.diagnostics.first() {
        return Err(ExprError {
            column: column(expr, d.span.start),
            message: d.message.clone(),
        });
    }
    let claims = ClaimReader::default().claims(expr, &found.mentions);
    let mut operands = Vec::new();
    let mut ops = Vec::new();
    let mut cursor = 0;
    for (m, claim) in found.mentions.iter().zip(&claims) {
        if !m.kind.is_quantity() {
            let what = if m.kind == Kind::Year {
                "a year"
            } else {
                "an ordinal"
            };
            return Err(ExprError {
                column: column(expr, m.span.start),
                message: format!("“{}” reads as {what}, not a figure", &expr[m.span.range()]),
            });
        }
        // A counted noun never runs into the next figure, but keep the slice safe if it did.
        let cursor_here = cursor.min(m.span.start);
        let gap = &expr[cursor_here..m.span.start];
        if operands.is_empty() {
            if !gap.trim().is_empty() {
                return Err(ExprError {
                    column: column(expr, cursor_here + (gap.len() - gap.trim_start().len())),
                    message: format!("expected a figure, found “{}”", gap.trim()),
                });
            }
        } else {
            let op = operator(gap).ok_or_else(|| ExprError {
                column: column(expr, cursor_here + (gap.len() - gap.trim_start().len())),
                message: if gap.trim().is_empty() {
                    "expected an operator (of, ×, ÷, +, minus) between two figures".to_owned()
                } else {
                    format!(
                        "expected an operator (of, ×, ÷, +, minus), found “{}”",
                        gap.trim()
                    )
                },
            })?;
            ops.push(op);
        }
        let mut quantity =
            Quantity::from_mention(m, expr, conventions).ok_or_else(|| ExprError {
                column: column(expr, m.span.start),
                message: format!("“{}” is no quantity", &expr[m.span.range()]),
            })?;
        // A bare number after × or ÷ is a factor the user chose ("× 12"): exact.
        let factor = matches!(ops.last(), Some(Op::Times | Op::Divide))
            && m.kind == Kind::Number
            && m.unit.is_none()
            && m.qualifier.is_none()
            && m.endpoints.is_none();
        if factor {
            quantity = Quantity::exact(quantity.nominal[0], quantity.dimension);
        }
        let subject = claim.subject.map(|s| expr[s.range()].to_owned());
        operands.push(Operand {
            quantity,
            text: expr[m.span.range()].to_owned(),
            span: m.span,
            subject,
        });
        // Skip the figure's own words: its counted noun and period.
        cursor = after_figure(expr, m.span, m.unit);
    }
    if operands.is_empty() {
        return Err(ExprError {
            column: 1,
            message: "no figure found".to_owned(),
        });
    }
    let rest = &expr[cursor..];
    if !rest.trim().is_empty() && !is_period(rest.trim()) {
        return Err(ExprError {
            column: column(expr, cursor + (rest.len() - rest.trim_start().len())),
            message: format!("unexpected “{}” after the last figure", rest.trim()),
        });
    }
    let result = reduce(expr, operands, &ops)?;
    if !result.is_finite() {
        return Err(ExprError {
            column: 1,
            message: "the result is too large for any number type".to_owned(),
        });
    }
    let mut out = vec![result.clone()];
    if let Some(yearly) = estimate::annualise(&result) {
        out.push(yearly);
    }
    Ok(out)
}

/// The end of a figure's own words: its counted noun and a period after it.
fn after_figure(expr: &str, span: Span, unit: Option<Span>) -> usize {
    let mut end = unit.map_or(span.end, |u| u.end.max(span.end));
    let rest = &expr[end..];
    let trimmed = rest.trim_start();
    for p in PERIOD_WORDS {
        if trimmed.len() >= p.len()
            && trimmed.is_char_boundary(p.len())
            && trimmed[..p.len()].eq_ignore_ascii_case(p)
            && !trimmed[p.len()..].starts_with(|c: char| c.is_alphanumeric())
        {
            end += rest.len() - trimmed.len() + p.len();
            break;
        }
    }
    end
}

const PERIOD_WORDS: &[&str] = &[
    "per annum",
    "per year",
    "a year",
    "each year",
    "every year",
    "annually",
    "yearly",
    "per month",
    "a month",
    "each month",
    "monthly",
    "per week",
    "a week",
    "weekly",
    "per day",
    "a day",
    "daily",
];

fn is_period(s: &str) -> bool {
    PERIOD_WORDS.iter().any(|p| p.eq_ignore_ascii_case(s))
}

fn operator(gap: &str) -> Option<Op> {
    let g = gap.trim();
    OPERATORS
        .iter()
        .find(|(w, _)| g.eq_ignore_ascii_case(w))
        .map(|(_, op)| *op)
}

/// Applies × and ÷ first, then + and −, left to right.
fn reduce(expr: &str, operands: Vec<Operand>, ops: &[Op]) -> Result<Estimate, ExprError> {
    let fail = |o: &Operand, e: DeriveError| ExprError {
        column: column(expr, o.span.start),
        message: e.to_string(),
    };
    // First pass: products and quotients.
    let mut terms: Vec<Estimate> = Vec::new();
    let mut term_ops: Vec<Op> = Vec::new();
    let mut current = as_estimate(&operands[0]);
    for (op, o) in ops.iter().zip(&operands[1..]) {
        match op {
            Op::Times => {
                current = estimate::product(&as_operand(&current), o)
                    .map_err(|e| fail(o, e))
                    .map(|e| merge(&current, e))?;
            }
            Op::Divide => {
                current = estimate::ratio(&as_operand(&current), o)
                    .map_err(|e| fail(o, e))
                    .map(|e| merge(&current, e))?;
            }
            Op::Plus | Op::Minus => {
                terms.push(current);
                term_ops.push(*op);
                current = as_estimate(o);
            }
        }
    }
    terms.push(current);
    let mut total = terms[0].clone();
    for (op, t) in term_ops.iter().zip(&terms[1..]) {
        let e =
            estimate::sum(&as_operand(&total), &as_operand(t), *op == Op::Minus).map_err(|e| {
                ExprError {
                    column: t.inputs.first().map_or(1, |i| column(expr, i.span.start)),
                    message: e.to_string(),
                }
            })?;
        total = merge2(&total, t, e);
    }
    if let Some(why) = total.out_of_domain() {
        return Err(ExprError {
            column: 1,
            message: why,
        });
    }
    Ok(total)
}

/// A single figure as an estimate of itself.
fn as_estimate(o: &Operand) -> Estimate {
    Estimate {
        expression: estimate::short(&o.quantity),
        nominal: o.quantity.nominal,
        interval: o.quantity.interval,
        dimension: o.quantity.dimension.clone(),
        unit: o.quantity.unit.clone(),
        per: o.quantity.per,
        inputs: vec![o.clone()],
        assumptions: o.quantity.readings.clone(),
    }
}

/// An intermediate result as an operand of the next step.
fn as_operand(e: &Estimate) -> Operand {
    Operand {
        quantity: Quantity {
            dimension: e.dimension.clone(),
            nominal: e.nominal,
            interval: e.interval,
            unit: e.unit.clone(),
            per: e.per,
            readings: Vec::new(),
        },
        text: e.expression.clone(),
        span: e.inputs.first().map_or(Span::new(0, 0), |i| i.span),
        subject: e.inputs.first().and_then(|i| i.subject.clone()),
    }
}

/// Keeps the original inputs and assumptions of an intermediate result.
fn merge(left: &Estimate, mut e: Estimate) -> Estimate {
    let right = e.inputs.pop();
    e.inputs = left.inputs.clone();
    e.inputs.extend(right);
    let mut assumptions = left.assumptions.clone();
    for a in e.assumptions {
        if !assumptions.contains(&a) {
            assumptions.push(a);
        }
    }
    e.assumptions = assumptions;
    e.expression = e
        .expression
        .replacen(&as_operand(left).text, &left.expression, 1);
    e
}

fn merge2(left: &Estimate, right: &Estimate, mut e: Estimate) -> Estimate {
    e.inputs = left.inputs.iter().chain(&right.inputs).cloned().collect();
    let mut assumptions = left.assumptions.clone();
    for a in right.assumptions.iter().chain(&e.assumptions) {
        if !assumptions.contains(a) {
            assumptions.push(a.clone());
        }
    }
    e.assumptions = assumptions;
    e
}
