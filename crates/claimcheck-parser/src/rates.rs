//! Rates carried by the verb phrase: "200,000 workers arrive each year", "some 3,000 are
//! deported every week", "are trafficked annually", "earn $400, paid monthly" (a participle
//! of payment after a comma continues the clause), "… a year" at the end of the clause. The period is the figure's `per`
//! as long as it stands in the figure's clause, after it.
//!
//! ```text
//! rate   := figure words{0,14} period         (no clause break among the words)
//! period := PERIODS | "for each of the fiscal years" | "for each fiscal year"
//! break  := "," | ";" | ":" | "(" | ")" | "–" | "—" | a full stop | "which" | "while" | …
//! ```
//!
//! Another figure between them takes the period ("400,000 workers × $250 a month": the
//! month is the $250's). A period introduced by "in", "within", "for", "over" ("in a year", "within a year") is a
//! duration, and "a year ago" is a time: neither is a rate. An adverb before a noun ("daily
//! calories") describes the noun.

use std::sync::LazyLock;

use crate::mention::{Mention, Per};
use crate::vocab::{self, PERIODS, PhraseTable};

/// How many words may stand between a figure and the period of its clause.
const MAX_WORDS: usize = 14;

/// Phrases of period beyond [`PERIODS`], from appropriations language.
const EACH_FISCAL_YEAR: &[(&str, Per)] = &[
    ("for each of the fiscal years", Per::Year),
    ("for each fiscal year", Per::Year),
    ("for each of the years", Per::Year),
];

/// Participles that describe a payment ("$400, paid monthly").
const PAYMENT_PARTICIPLES: &[&str] = &[
    "paid", "payable", "earned", "received", "remitted", "charged",
];

/// Words that open another clause.
const CLAUSE_WORDS: &[&str] = &[
    "which", "who", "while", "whereas", "although", "though", "but", "because", "when", "if",
    "unless", "since", "after", "before", "until",
];

/// Words before a period that make it a duration or a time, not a rate.
const NOT_RATE_BEFORE: &[&str] = &["in", "within", "for", "over", "than", "of", "last", "next"];

/// Words after a period that make it a time: "a year ago", "a year earlier".
const NOT_RATE_AFTER: &[&str] = &["ago", "earlier", "later", "before", "after", "old", "long"];

/// Gives each quantity without a period the period of its clause, if one follows it.
pub(crate) fn assign(text: &str, mentions: &mut [Mention]) {
    for m in mentions.iter_mut() {
        if m.per.is_some() || !m.kind.is_quantity() || m.age {
            continue;
        }
        let from = m.unit.map_or(m.span.end, |u| u.end.max(m.span.end));
        let limit = text.len().min(from + 240);
        m.per = period_in_clause(text, from, limit);
    }
}

/// The periods a word of the clause may start, indexed: tried at every word after a figure.
/// A period written with a slash ("/year") stands only straight after its figure.
static RATE_PERIODS: LazyLock<PhraseTable<Per>> = LazyLock::new(|| {
    PhraseTable::new(
        EACH_FISCAL_YEAR
            .iter()
            .chain(PERIODS)
            .filter(|(p, _)| !p.starts_with('/'))
            .copied(),
    )
});

/// The period of the phrase that starts at `start`, if one does.
fn period_at(text: &str, start: usize) -> Option<Per> {
    let rest = &text[start..];
    for (p, per) in RATE_PERIODS.starting(rest) {
        let Some(n) = vocab::match_phrase(rest, p) else {
            continue;
        };
        if rest[n..].starts_with(|c: char| c.is_alphanumeric()) {
            continue;
        }
        let next = next_word(&rest[n..]);
        if next.is_some_and(|w| vocab::contains_ci(NOT_RATE_AFTER, w)) {
            return None;
        }
        // "daily calories": an adverb before a noun describes it.
        let adverb = !p.contains(' ');
        if adverb && rest[n..].starts_with(' ') && next.is_some_and(|w| !is_function_word(w)) {
            return None;
        }
        return Some(*per);
    }
    None
}

fn is_function_word(w: &str) -> bool {
    vocab::contains_ci(
        &[
            "and", "or", "in", "on", "at", "to", "from", "by", "for", "with", "the", "a", "an",
            "since", "until", "through", "across", "into", "over", "under",
        ],
        w,
    )
}

/// The first word of `s` after spaces.
fn next_word(s: &str) -> Option<&str> {
    let s = s.trim_start_matches(' ');
    let n = s
        .char_indices()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(s.len(), |(i, _)| i);
    (n > 0).then(|| &s[..n])
}

/// The period in the clause that runs from `from`, if one stands there.
fn period_in_clause(text: &str, from: usize, limit: usize) -> Option<Per> {
    let mut offset = from;
    let mut words = 0;
    let mut previous: Option<&str> = None;
    while offset < limit && words <= MAX_WORDS {
        let c = text[offset..].chars().next()?;
        if c.is_whitespace() {
            offset += c.len_utf8();
            continue;
        }
        if c.is_alphabetic() {
            if let Some(per) = period_at(text, offset)
                && !previous.is_some_and(|w| vocab::contains_ci(NOT_RATE_BEFORE, w))
            {
                return Some(per);
            }
            let word = next_word(&text[offset..]).unwrap_or("");
            if vocab::contains_ci(CLAUSE_WORDS, word) {
                return None;
            }
            previous = Some(word);
            words += 1;
            offset += word.len().max(c.len_utf8());
            continue;
        }
        // A full stop ends the clause unless an abbreviation's ("U.S. each year").
        if c == '.' {
            let after = &text[offset + 1..];
            let abbreviation = after.starts_with(|c: char| c.is_alphabetic())
                || after
                    .strip_prefix(' ')
                    .is_some_and(|a| a.starts_with(|c: char| c.is_lowercase()));
            if !abbreviation {
                return None;
            }
            offset += 1;
            continue;
        }
        // "earn $400, paid monthly": a participle of payment after a comma keeps the
        // clause going.
        if c == ','
            && next_word(&text[offset + 1..])
                .is_some_and(|w| vocab::contains_ci(PAYMENT_PARTICIPLES, w))
        {
            offset += 1;
            continue;
        }
        if matches!(
            c,
            ',' | ';' | ':' | '(' | ')' | '–' | '—' | '!' | '?' | '"' | '“' | '”'
        ) {
            return None;
        }
        // Another figure takes the period after it: "400,000 workers × $250 a month".
        if c.is_ascii_digit() || matches!(c, '$' | '€' | '£' | '¥' | '₹' | '×' | '+') {
            return None;
        }
        words += 1;
        offset += text[offset..]
            .char_indices()
            .find(|(_, c)| c.is_whitespace())
            .map_or(text.len() - offset, |(i, _)| i)
            .max(c.len_utf8());
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::Extractor;

    fn pers(text: &str) -> Vec<(String, Option<&'static str>)> {
        Extractor::default()
            .extract(text)
            .mentions
            .iter()
            .filter(|m| m.kind.is_quantity())
            .map(|m| (text[m.span.range()].to_owned(), m.per.map(|p| p.as_str())))
            .collect()
    }

    #[test]
    fn rates_from_the_verb_phrase() {
        let one = |t: &str, per: Option<&'static str>| {
            let got = pers(t);
            assert_eq!(got.first().map(|g| g.1), Some(per), "{t}: {got:?}");
        };
        one(
            "200,000 workers arrive in the country each year.",
            Some("year"),
        );
        one("Some 3,000 are deported every week.", Some("week"));
        one("About 600 people are trafficked annually.", Some("year"));
        one("They earn $400, paid monthly.", Some("month"));
        one("They earn $400, and spend it monthly.", None);
        one("Nearly 900 migrants cross the border a day.", Some("day"));
        one(
            "Some 40 percent of the total daily calories came from sugar.",
            None,
        );
        one("The plant made 300 cars in a year.", None);
        one("It had 20 staff a year ago.", None);
        one("The fund got 9 million, which it spends each year.", None);
        one(
            "About 50,000 women are trafficked into the U.S. each year.",
            Some("year"),
        );
        one(
            "It grants $3,000 for each of the fiscal years 2006 and 2007.",
            Some("year"),
        );
    }
}
