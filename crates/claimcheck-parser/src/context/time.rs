//! The reference time: when a figure holds.
//!
//! ```text
//! time := time_preposition? year      ("in 2021", "as of 2020"; not a year naming a study:
//!                                      "A 2010 UNIAP study")
//!       | time_phrase                 ("on any given day")
//! ```
//!
//! A figure takes the time nearest it, outside the attribution's clause and not on the far
//! side of another figure.

use super::reader::SentenceReader;
use super::tokens::TokenKind;
use super::words;
use crate::mention::Span;

/// A reference time of a sentence.
#[derive(Debug, Clone, Copy)]
pub(super) struct TimeCandidate {
    /// The token of the year, or the first token of the phrase: where the time stands.
    pub(super) token: usize,
    /// The time as written, preposition included.
    pub(super) span: Span,
}

impl SentenceReader<'_> {
    /// The sentence's reference times, worked out once.
    fn times(&self) -> &[TimeCandidate] {
        self.times.get_or_init(|| self.find_times())
    }

    /// The reference time nearest the figure at token `figure`, outside the attribution's
    /// clause `attribution` and not on the far side of another figure.
    pub(super) fn time_near(&self, figure: usize, attribution: Option<Span>) -> Option<Span> {
        let outside = |s: Span| attribution.is_none_or(|c| s.end <= c.start || s.start >= c.end);
        self.times()
            .iter()
            .filter(|time| {
                let (low, high) = (time.token.min(figure), time.token.max(figure));
                outside(time.span) && !self.has_figure(low + 1..high)
            })
            .min_by_key(|time| time.token.abs_diff(figure))
            .map(|time| time.span)
    }

    /// The reference times of the sentence, with the token where each stands: years with
    /// their preposition ("in 2021", "as of 2020") and phrases such as "on any given day".
    fn find_times(&self) -> Vec<TimeCandidate> {
        let tokens = &self.tokens;
        let mut out = Vec::new();
        for (i, token) in tokens.iter().enumerate() {
            match token.kind {
                TokenKind::Year(_) => {
                    // Take in the preposition: "in 2021", "as of 2020".
                    let after_preposition = i.checked_sub(1).is_some_and(|last| {
                        self.in_class(last, words::class::TIME_PREPOSITION_END)
                    });
                    let start = words::TIME_PREPOSITIONS
                        .iter()
                        .filter(|_| after_preposition)
                        .find(|p| i >= p.len() && self.phrase_at(i - p.len(), p))
                        .map_or(i, |p| i - p.len());
                    // A year that names a study ("A 2010 UNIAP study") is not a time.
                    let names_study = start == i
                        && self.is_word(i + 1)
                        && !self
                            .word(i + 1)
                            .starts_with(|c: char| c.is_lowercase() && c != 'e');
                    if !names_study {
                        out.push(TimeCandidate {
                            token: i,
                            span: Span::new(tokens[start].span.start, token.span.end),
                        });
                    }
                }
                // Most words start no time phrase: their class says so without trying each.
                TokenKind::Word if token.classes & words::class::TIME_PHRASE_START != 0 => {
                    let phrase = words::time_phrases_from(self.word(i)).find(|phrase| {
                        i + phrase.len() <= tokens.len() && self.phrase_at(i + 1, &phrase[1..])
                    });
                    if let Some(phrase) = phrase {
                        out.push(TimeCandidate {
                            token: i,
                            span: self.span_of(i..i + phrase.len()),
                        });
                    }
                }
                _ => {}
            }
        }
        out
    }
}
#[cfg(test)]
mod tests {
    use super::super::reader::SentenceReader;
    use super::super::reader::testing::{token_of, with_reader, written};

    #[test]
    fn reference_times() {
        let cases: [(&str, &[&str]); 3] = [
            // A year that names a study is no time.
            (
                "A 2010 UNIAP study found 23 percent were unpaid in 2021.",
                &["in 2021"],
            ),
            (
                "As of 2020, on any given day 50 million people were in modern slavery.",
                &["As of 2020", "on any given day"],
            ),
            (
                "In 2016 there were 40 million, up from 2012 figures.",
                &["In 2016", "from 2012"],
            ),
        ];
        for (text, want) in cases {
            let got: Vec<String> = with_reader(text, |r| {
                r.find_times().iter().map(|t| written(r, t.span)).collect()
            });
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn the_nearest_time_outside_the_attribution() {
        let nth_figure = |r: &SentenceReader<'_>, n: usize| {
            (0..r.tokens.len())
                .filter(|&t| r.is_figure(t))
                .nth(n)
                .expect("the figure")
        };
        // Not on the far side of another figure.
        let text = "In 2016 there were 40 million adults and 10 million children.";
        with_reader(text, |r| {
            let time = |n| r.time_near(nth_figure(r, n), None).map(|s| written(r, s));
            assert_eq!(time(0).as_deref(), Some("In 2016"));
            assert_eq!(time(1), None);
        });
        // Not inside the attribution's clause.
        let text = "In 2019 the ILO said 40 million were enslaved.";
        with_reader(text, |r| {
            let figure = nth_figure(r, 0);
            let clause = r.span_of(0..token_of(r, "said") + 1);
            let time = |clause| r.time_near(figure, clause).map(|s| written(r, s));
            assert_eq!(time(None).as_deref(), Some("In 2019"));
            assert_eq!(time(Some(clause)), None);
        });
    }
}
