//! `claimcheck derive --expr`: a phrase of figures and operators, read with the same
//! extractor as articles.
//!
//! ```text
//! expr     := change | sum
//! change   := [change verb] "from" sum "to" sum      ("rose from 24.9 million to 27.6 million")
//! sum      := term (("+" | "plus" | "−" | "-" | "minus") term)*
//! term     := factor (("×" | "x" | "*" | "times" | "multiplied by" | "of"
//!                      | "÷" | "/" | "divided by" | "over") factor)*
//! factor   := ("(" sum ")" | figure) multiple*
//! multiple := "doubled" | "tripled" | "quadrupled" | "halved"
//! figure   := anything the extractor reads as a number, percent or money, with its counted
//!             noun and period ("50,000 to 80,000 workers a year", "$250 a month",
//!             "$500 a quarter")
//! ```
//!
//! × and ÷ bind tighter than + and −; each level is read left to right. A hyphen between two
//! figures that rise reads as a range ("30-35"); write "minus" or "−" to subtract. A phrase
//! that starts with "from" (after an optional change verb) is a change: the percent change,
//! and for shares the change in percentage points.

use claimcheck_parser::{ClaimReader, Extractor, Kind, Mention, Span};

use crate::change::share_unit;
use crate::conventions::ModelConventions;
use crate::estimate::{self, DeriveError, Estimate, Operand};
use crate::quantity::Quantity;
use crate::unit::{PERIOD_WORDS, Period};

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

/// Operator words and signs, longest first.
const OPERATORS: &[(&str, Op)] = &[
    ("multiplied by", Op::Times),
    ("divided by", Op::Divide),
    ("times", Op::Times),
    ("minus", Op::Minus),
    ("plus", Op::Plus),
    ("over", Op::Divide),
    ("of", Op::Times),
    ("×", Op::Times),
    ("x", Op::Times),
    ("*", Op::Times),
    ("·", Op::Times),
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

/// One token of an expression.
#[derive(Debug, Clone)]
enum Tok {
    /// A figure: the mention, and what its words after it give.
    Figure(Box<Mention>, After),
    Op(Op),
    Open,
    Close,
    Multiple(f64, &'static str),
}

#[derive(Debug, Clone)]
struct Token {
    tok: Tok,
    span: Span,
}

/// Whether `text` starts with `word` (case-insensitive), as a whole word when it is one.
fn starts_with_word(text: &str, word: &str) -> bool {
    text.len() >= word.len()
        && text.is_char_boundary(word.len())
        && text[..word.len()].eq_ignore_ascii_case(word)
        && (!word.ends_with(|c: char| c.is_alphanumeric())
            || !text[word.len()..].starts_with(|c: char| c.is_alphanumeric()))
}

/// A fragment of the expression: its tokens and the claims of its figures.
struct Fragment<'a> {
    expr: &'a str,
    toks: Vec<Token>,
    subjects: Vec<Option<String>>,
    pos: usize,
    /// The byte offset where the fragment ends, for errors at its end.
    end: usize,
    conventions: &'a ModelConventions,
}

/// Reads the tokens of `expr[range]`.
fn lex<'a>(
    expr: &'a str,
    range: std::ops::Range<usize>,
    extractor: &Extractor,
    conventions: &'a ModelConventions,
) -> Result<Fragment<'a>, ExprError> {
    let text = &expr[range.clone()];
    let base = range.start;
    let found = extractor.extract(text);
    if let Some(d) = found.diagnostics.first() {
        return Err(ExprError {
            column: column(expr, base + d.span.start),
            message: d.message.clone(),
        });
    }
    let claims = ClaimReader::default().claims(text, &found.mentions);
    let shift = |s: Span| Span::new(s.start + base, s.end + base);
    // A year or an ordinal is no figure: say so before anything else.
    if let Some(m) = found.mentions.iter().find(|m| !m.kind.is_quantity()) {
        let what = if m.kind == Kind::Year {
            "a year"
        } else {
            "an ordinal"
        };
        return Err(ExprError {
            column: column(expr, base + m.span.start),
            message: format!("“{}” reads as {what}, not a figure", &text[m.span.range()]),
        });
    }
    if found.mentions.is_empty() {
        return Err(ExprError {
            column: column(expr, base),
            message: "no figure found".to_owned(),
        });
    }
    let mut toks = Vec::new();
    let mut subjects = Vec::new();
    let mut p = 0;
    let mut next = 0;
    loop {
        let rest = &text[p..];
        let trimmed = rest.trim_start();
        p += rest.len() - trimmed.len();
        if trimmed.is_empty() {
            break;
        }
        while next < found.mentions.len() && found.mentions[next].span.start < p {
            next += 1;
        }
        if let Some(m) = found.mentions.get(next).filter(|m| m.span.start == p) {
            let (end, after) = after_figure(text, m);
            let mut shifted = m.clone();
            shifted.span = shift(m.span);
            shifted.unit = m.unit.map(shift);
            toks.push(Token {
                tok: Tok::Figure(Box::new(shifted), after),
                span: Span::new(base + p, base + end),
            });
            // A subject that is only the figure's own counted noun ("migrants a day") names
            // no population beyond it.
            let subject = claims[next]
                .subject
                .filter(|s| m.unit.is_none_or(|u| s.start != u.start))
                .map(|s| text[s.range()].to_owned());
            subjects.push(subject);
            p = end;
            continue;
        }
        let word = |w: &str| starts_with_word(trimmed, w);
        let (tok, len) = if trimmed.starts_with('(') {
            (Tok::Open, 1)
        } else if trimmed.starts_with(')') {
            (Tok::Close, 1)
        } else if let Some((w, op)) = OPERATORS.iter().find(|(w, _)| word(w)) {
            (Tok::Op(*op), w.len())
        } else if let Some((w, k)) = crate::change::MULTIPLES.iter().find(|(w, _)| word(w)) {
            (Tok::Multiple(*k, w), w.len())
        } else {
            let found_word: String = trimmed
                .split_whitespace()
                .next()
                .unwrap_or(trimmed)
                .chars()
                .take(40)
                .collect();
            let message = if toks.is_empty() {
                format!("expected a figure, found “{found_word}”")
            } else if matches!(toks.last().map(|t| &t.tok), Some(Tok::Figure(..))) {
                if toks.len() == 1 || next >= found.mentions.len() {
                    format!("unexpected “{found_word}” after the last figure")
                } else {
                    format!("expected an operator (of, ×, ÷, +, minus), found “{found_word}”")
                }
            } else {
                format!("expected a figure, found “{found_word}”")
            };
            return Err(ExprError {
                column: column(expr, base + p),
                message,
            });
        };
        toks.push(Token {
            tok,
            span: Span::new(base + p, base + p + len),
        });
        subjects.push(None);
        p += len;
    }
    Ok(Fragment {
        expr,
        toks,
        subjects,
        pos: 0,
        end: range.end,
        conventions,
    })
}

/// What the words after a figure give it: a period ("a month") and what one of it is for
/// ("per person").
#[derive(Debug, Clone, Default, PartialEq)]
struct After {
    per: Option<Period>,
    each: Option<String>,
}

/// The end of a figure's own words (its counted noun, a period, "per" and a noun), and what
/// those words give.
fn after_figure(text: &str, m: &Mention) -> (usize, After) {
    let mut end = m.unit.map_or(m.span.end, |u| u.end.max(m.span.end));
    let mut after = After::default();
    loop {
        let rest = &text[end..];
        let trimmed = rest.trim_start();
        let skip = rest.len() - trimmed.len();
        if after.per.is_none()
            && let Some((w, p)) = PERIOD_WORDS
                .iter()
                .find(|(w, _)| starts_with_word(trimmed, w))
        {
            end += skip + w.len();
            after.per = Some(*p);
            continue;
        }
        if after.each.is_none()
            && starts_with_word(trimmed, "per")
            && let Some(noun) = trimmed[3..]
                .trim_start()
                .split(|c: char| !c.is_alphabetic())
                .next()
                .filter(|w| !w.is_empty())
        {
            let noun_at = trimmed[3..].len() - trimmed[3..].trim_start().len();
            end += skip + 3 + noun_at + noun.len();
            after.each = Some(crate::unit::singular(noun));
            continue;
        }
        return (end, after);
    }
}

impl Fragment<'_> {
    fn peek(&self) -> Option<&Token> {
        self.toks.get(self.pos)
    }

    fn col(&self, offset: usize) -> usize {
        column(self.expr, offset)
    }

    fn fail(&self, at: usize, e: DeriveError) -> ExprError {
        ExprError {
            column: self.col(at),
            message: e.to_string(),
        }
    }

    /// The whole fragment as one sum; anything left over is an error.
    fn all(&mut self) -> Result<Estimate, ExprError> {
        let e = self.sum()?;
        if let Some(t) = self.peek() {
            return Err(ExprError {
                column: self.col(t.span.start),
                message: match t.tok {
                    Tok::Close => "“)” without a matching “(”".to_owned(),
                    Tok::Figure(..) => {
                        "expected an operator (of, ×, ÷, +, minus) between two figures".to_owned()
                    }
                    _ => format!("unexpected “{}”", &self.expr[t.span.range()]),
                },
            });
        }
        Ok(e)
    }

    /// `sum := term (("+" | "−") term)*`
    fn sum(&mut self) -> Result<Estimate, ExprError> {
        let mut left = self.term()?;
        while let Some(Token {
            tok: Tok::Op(op @ (Op::Plus | Op::Minus)),
            span,
        }) = self.peek().cloned()
        {
            self.pos += 1;
            let at = self.operand_start(span)?;
            let right = self.term()?;
            left = estimate::plus(&left, &right, op == Op::Minus).map_err(|e| self.fail(at, e))?;
        }
        Ok(left)
    }

    /// `term := factor (("×" | "÷") factor)*`
    fn term(&mut self) -> Result<Estimate, ExprError> {
        let mut left = self.factor(None)?;
        while let Some(Token {
            tok: Tok::Op(op @ (Op::Times | Op::Divide)),
            span,
        }) = self.peek().cloned()
        {
            self.pos += 1;
            let at = self.operand_start(span)?;
            let right = self.factor(Some(op))?;
            left = if op == Op::Times && self.expr[span.range()].eq_ignore_ascii_case("of") {
                estimate::times(&left, &right)
            } else if op == Op::Times {
                estimate::times_not_of(&left, &right)
            } else {
                estimate::divided(&left, &right)
            }
            .map_err(|e| self.fail(at, e))?;
        }
        Ok(left)
    }

    /// Where the operand after an operator starts; an error when there is none.
    fn operand_start(&self, op: Span) -> Result<usize, ExprError> {
        self.peek().map(|t| t.span.start).ok_or_else(|| ExprError {
            column: self.col(op.start),
            message: format!(
                "unexpected “{}” after the last figure",
                &self.expr[op.range()]
            ),
        })
    }

    /// `factor := ("(" sum ")" | figure) multiple*`
    fn factor(&mut self, after: Option<Op>) -> Result<Estimate, ExprError> {
        let Some(t) = self.peek().cloned() else {
            return Err(ExprError {
                column: self.col(self.end),
                message: "expected a figure".to_owned(),
            });
        };
        self.pos += 1;
        let mut e = match t.tok {
            Tok::Open => {
                let inner = self.sum()?;
                match self.peek() {
                    Some(Token {
                        tok: Tok::Close, ..
                    }) => self.pos += 1,
                    Some(other) => {
                        return Err(ExprError {
                            column: self.col(other.span.start),
                            message: format!(
                                "expected “)”, found “{}”",
                                &self.expr[other.span.range()]
                            ),
                        });
                    }
                    None => {
                        return Err(ExprError {
                            column: self.col(t.span.start),
                            message: "“(” is never closed".to_owned(),
                        });
                    }
                }
                inner
            }
            Tok::Figure(ref m, ref words) => {
                let subject = self.subjects[self.pos - 1].clone();
                Estimate::figure(&self.operand(m, words, subject, after)?)
            }
            _ => {
                return Err(ExprError {
                    column: self.col(t.span.start),
                    message: format!("expected a figure, found “{}”", &self.expr[t.span.range()]),
                });
            }
        };
        while let Some(Token {
            tok: Tok::Multiple(k, word),
            ..
        }) = self.peek().cloned()
        {
            self.pos += 1;
            e = estimate::multiple(&e, k, word);
        }
        Ok(e)
    }

    /// A figure as an operand: a plain number beside × or ÷ is a factor the user chose
    /// ("× 12", "3 times", "2 × (…)"), exact.
    fn operand(
        &self,
        m: &Mention,
        words: &After,
        subject: Option<String>,
        after: Option<Op>,
    ) -> Result<Operand, ExprError> {
        let before = match self.peek() {
            Some(Token {
                tok: Tok::Op(op), ..
            }) => Some(*op),
            _ => None,
        };
        let text = &self.expr[m.span.range()];
        let mut quantity =
            Quantity::from_mention(m, self.expr, self.conventions).ok_or_else(|| ExprError {
                column: self.col(m.span.start),
                message: format!("“{text}” is no quantity"),
            })?;
        if quantity.reversed() {
            return Err(ExprError {
                column: self.col(m.span.start),
                message: format!(
                    "the range “{text}” runs backwards: {} is above {}",
                    quantity.nominal.low, quantity.nominal.high
                ),
            });
        }
        // Only a plain number, or a number of days, weeks, months, quarters or years:
        // "÷ 40.3 million" is a figure, rounded like any other.
        let duration = m.unit.is_some_and(|u| {
            matches!(
                crate::unit::classify(&self.expr[u.range()]),
                crate::unit::NounClass::Duration(_)
            )
        });
        let factor = (matches!(after, Some(Op::Times | Op::Divide))
            || matches!(before, Some(Op::Times | Op::Divide)))
            && m.kind == Kind::Number
            && m.scale == 1.0
            && (m.unit.is_none() || duration)
            && *words == After::default()
            && m.qualifier.is_none()
            && m.endpoints.is_none();
        if factor {
            quantity = Quantity {
                unit: quantity.unit.take(),
                ..Quantity::exact(quantity.nominal.low, quantity.dimension)
            };
        }
        if quantity.per.is_none() {
            quantity.per = words.per;
        }
        quantity.each = words.each.clone();
        Ok(Operand {
            quantity,
            text: text.to_owned(),
            span: m.span,
            subject,
        })
    }

    /// The fragment's only figure, when it is one.
    fn single(&self) -> Option<(&Mention, &After)> {
        match self.toks.as_slice() {
            [
                Token {
                    tok: Tok::Figure(m, after),
                    ..
                },
            ] => Some((m, after)),
            _ => None,
        }
    }
}

/// The parts of a change: "rose from A to B" ⇒ the ranges of A and B.
fn change_parts(expr: &str) -> Option<(std::ops::Range<usize>, std::ops::Range<usize>)> {
    let lead = expr.len() - expr.trim_start().len();
    let mut p = lead;
    let rest = &expr[p..];
    if let Some(v) = crate::change::CHANGE_VERBS
        .iter()
        .find(|v| starts_with_word(rest, v))
    {
        let after = &rest[v.len()..];
        let trimmed = after.trim_start();
        if starts_with_word(trimmed, "from") {
            p += v.len() + (after.len() - trimmed.len());
        }
    }
    if !starts_with_word(&expr[p..], "from") {
        return None;
    }
    let a_start = p + "from".len();
    // The first "to" at depth 0 after "from".
    let mut depth = 0i32;
    let mut i = a_start;
    while i < expr.len() {
        let c = expr[i..].chars().next()?;
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            _ => {}
        }
        let before_ok = expr[..i].ends_with(char::is_whitespace);
        if depth == 0 && before_ok && starts_with_word(&expr[i..], "to") {
            return Some((a_start..i, i + 2..expr.len()));
        }
        i += c.len_utf8();
    }
    None
}

/// Evaluates an expression: the estimate, and for a rate per day, week, month or quarter the
/// same per year; for a change, the percent change and the change in points or in units.
pub fn evaluate(
    expr: &str,
    extractor: &Extractor,
    conventions: &ModelConventions,
) -> Result<Vec<Estimate>, ExprError> {
    if let Some((a, b)) = change_parts(expr) {
        return evaluate_change(expr, a, b, extractor, conventions);
    }
    let mut fragment = lex(expr, 0..expr.len(), extractor, conventions)?;
    let result = fragment.all()?;
    finish(result)
}

fn finish(result: Estimate) -> Result<Vec<Estimate>, ExprError> {
    if !result.is_finite() {
        return Err(ExprError {
            column: 1,
            message: "the result is too large for any number type".to_owned(),
        });
    }
    if let Some(why) = result.out_of_domain() {
        return Err(ExprError {
            column: 1,
            message: why,
        });
    }
    // A rate the user already converted is not converted back.
    let converted = result
        .assumptions
        .iter()
        .any(|a| a.kind == estimate::AssumptionKind::Period);
    let yearly = (!converted).then(|| estimate::annualise(&result)).flatten();
    let mut out = vec![result];
    out.extend(yearly);
    Ok(out)
}

fn evaluate_change(
    expr: &str,
    a: std::ops::Range<usize>,
    b: std::ops::Range<usize>,
    extractor: &Extractor,
    conventions: &ModelConventions,
) -> Result<Vec<Estimate>, ExprError> {
    let mut from = lex(expr, a.clone(), extractor, conventions)?;
    let mut to = lex(expr, b.clone(), extractor, conventions)?;
    // "from 30 to 20 percent", "from 24.9 to 27.6 million": the first figure takes the unit
    // written once after the second, as in a range.
    // Likewise a period or a "per" written once: "from $2,004 to $2,400 a year".
    let shared = match (from.single(), to.single()) {
        (Some((fm, fwords)), Some((tm, twords))) => {
            let m = share_unit(fm, tm).unwrap_or_else(|| fm.clone());
            let words = After {
                per: fwords.per.or(twords.per),
                each: fwords.each.clone().or_else(|| twords.each.clone()),
            };
            Some((m, words))
        }
        _ => None,
    };
    let from_value = match shared {
        Some((m, words)) => {
            let subject = to.subjects.first().cloned().flatten();
            Some(Estimate::figure(&from.operand(&m, &words, subject, None)?))
        }
        None => None,
    };
    let from_value = match from_value {
        Some(v) => v,
        None => from.all()?,
    };
    let to_value = to.all()?;
    let at = to.toks.first().map_or(b.start, |t| t.span.start);
    let changes = estimate::changes(&from_value, &to_value).map_err(|e| to.fail(at, e))?;
    for c in &changes {
        if !c.is_finite() {
            return Err(ExprError {
                column: 1,
                message: "the result is too large for any number type".to_owned(),
            });
        }
    }
    Ok(changes)
}
