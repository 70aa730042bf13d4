//! Claims: what each figure is about, and who says so.
//!
//! A small phrase grammar over word classes (closed lists in [`words`]), applied inside the
//! sentence that holds a figure:
//!
//! ```text
//! np        := determiner* content (content | preposition determiner* content | "and" content)*
//! content   := a word that is no auxiliary, listed verb, verb of reporting or clause word;
//!              an -ed or -ing word only as a modifier (before a noun, or before an
//!              auxiliary or the end of the clause: "the workers surveyed were")
//! share     := figure "of" np                     subject = np       ("23 percent of all …")
//!            | np share_verb figure "of" np       subgroup, subject  ("Men made up 45% of …")
//!            | ratio np                           subject = np       ("one in three respondents")
//! count     := "the number of" np verb figure     subject = np
//!            | figure noun                        subject = the counted noun
//!            | np linking_verb figure             subject = np       ("Remittances reached $3bn")
//! predicate := what follows the subject up to the end of its clause, less a leading hedge
//! source    := "according to" np | np reporting_verb | reporting_verb np "." |
//!              "In" np ("survey" | "study" | "report") "by" np "," | anaphor reporting_verb
//!              (the previous sentence's source)
//! ```
//!
//! Each part is reported as a span of the original text, so the output quotes the article.

mod sentence;
mod tokens;
mod words;

pub use sentence::sentences;
pub(crate) use words::{AUXILIARIES, VERBS};

use crate::mention::{Kind, Mention, Span};
use tokens::{T, Tok, tokenize};
use words::{class, classes, has, is};

/// Who a figure is attributed to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// The attribution as written ("A 2010 UNIAP study").
    pub span: Span,
    /// The organisation, by its registered name, or the acronym in the text.
    pub name: Option<String>,
    /// The year given with the attribution.
    pub year: Option<u16>,
}

/// What a figure is about, and who says so. Every part is optional but the sentence.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Claim {
    /// The population the figure describes ("Cambodian labor migrants in Thailand").
    pub subject: Option<Span>,
    /// The part of the subject that a share is about ("Men" in "Men made up 45% of …").
    pub subgroup: Option<Span>,
    /// What the figure asserts about the subject ("fall victim to human trafficking").
    pub predicate: Option<Span>,
    /// A hedge on the claim ("believed to be", "reportedly", "an estimated").
    pub hedge: Option<Span>,
    /// Who the figure is attributed to.
    pub source: Option<Source>,
    /// The reference time ("in 2021", "on any given day").
    pub time: Option<Span>,
    /// How the figure was arrived at ("detected", "estimated").
    pub basis: Option<Span>,
    /// The sentence that holds the figure.
    pub sentence: Span,
}

/// Known organisations: the names attributions are normalised to.
#[derive(Debug, Clone)]
pub struct Organisations {
    /// (alias as written, registered name), longest alias first.
    aliases: Vec<(String, String)>,
    /// An automaton over the aliases, in the same order.
    automaton: Option<aho_corasick::AhoCorasick>,
}

/// The organisations shipped in `data/organisations.csv`.
const BUILTIN_ORGANISATIONS: &str = include_str!("../../../../data/organisations.csv");

/// The shipped organisations, parsed once: building the automaton costs far more than reading
/// an expression, and every default [`ClaimReader`] shares it (a clone shares the automaton).
static BUILTIN: std::sync::LazyLock<Organisations> = std::sync::LazyLock::new(|| {
    // The shipped file is checked by a test, so it always parses.
    Organisations::from_csv(BUILTIN_ORGANISATIONS).unwrap_or(Organisations {
        aliases: Vec::new(),
        automaton: None,
    })
});

impl Default for Organisations {
    fn default() -> Self {
        BUILTIN.clone()
    }
}

impl Organisations {
    /// Reads `name,aliases` rows (aliases separated by `|`), with a header row.
    /// A malformed row is an error naming its line.
    pub fn from_csv(text: &str) -> Result<Self, String> {
        let mut aliases = Vec::new();
        for (n, line) in text.lines().enumerate().skip(1) {
            if line.trim().is_empty() {
                continue;
            }
            let Some((name, rest)) = line.split_once(',') else {
                return Err(format!("line {}: expected `name,aliases`", n + 1));
            };
            let name = name.trim();
            if name.is_empty() {
                return Err(format!("line {}: empty organisation name", n + 1));
            }
            aliases.push((name.to_owned(), name.to_owned()));
            for alias in rest.split('|').map(str::trim).filter(|a| !a.is_empty()) {
                aliases.push((alias.to_owned(), name.to_owned()));
            }
        }
        aliases.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
        let automaton = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(aliases.iter().map(|(a, _)| a.as_str()))
            .map_err(|e| format!("organisation names: {e}"))?;
        Ok(Organisations {
            aliases,
            automaton: Some(automaton),
        })
    }

    /// The registered name of the first (longest) known organisation named in `text`.
    pub fn find(&self, text: &str) -> Option<&str> {
        self.locate(text).map(|(_, name)| name)
    }

    /// Where the first known organisation is named in `text` (whole words, case-sensitive:
    /// "UN" is not "un"), and its registered name.
    pub fn locate(&self, text: &str) -> Option<(Span, &str)> {
        let automaton = self.automaton.as_ref()?;
        automaton
            .find_iter(text)
            .find(|m| {
                !text[..m.start()].ends_with(|c: char| c.is_alphanumeric())
                    && !text[m.end()..].starts_with(|c: char| c.is_alphanumeric())
            })
            .map(|m| {
                let name = self.aliases[m.pattern().as_usize()].1.as_str();
                (Span::new(m.start(), m.end()), name)
            })
    }
}

/// Reads claims around figures.
#[derive(Debug, Clone)]
pub struct ClaimReader {
    organisations: Organisations,
    /// The longest sentence read in whole, in bytes (see [`crate::Conventions`]).
    max_sentence: usize,
}

impl Default for ClaimReader {
    fn default() -> Self {
        ClaimReader::new(Organisations::default())
    }
}

/// A source found in one sentence, with the clause it occupies (times inside it belong to
/// the attribution, not to the figure).
#[derive(Debug, Clone)]
struct Found {
    source: Source,
    clause: Span,
}

impl ClaimReader {
    /// A reader that normalises attributions to these organisations.
    pub fn new(organisations: Organisations) -> Self {
        ClaimReader {
            organisations,
            max_sentence: crate::Conventions::default().max_sentence,
        }
    }

    /// The same reader, splitting sentences longer than `bytes` (at least 256).
    pub fn with_max_sentence(mut self, bytes: usize) -> Self {
        self.max_sentence = bytes.max(256);
        self
    }

    /// One claim per mention, in the same order. Years and ordinals get only their sentence.
    pub fn claims(&self, text: &str, mentions: &[Mention]) -> Vec<Claim> {
        let mut out = vec![Claim::default(); mentions.len()];
        let mut next = 0;
        // The previous sentence, its first mention, and its source once worked out: a
        // sentence without figures is read only when the next one points back to it.
        let mut previous: Option<(Span, usize, Option<Option<Found>>)> = None;
        let units = sentences(text)
            .into_iter()
            .flat_map(|s| sentence::cap(text, s, self.max_sentence));
        for sentence in units {
            while next < mentions.len() && mentions[next].span.end <= sentence.start {
                out[next].sentence = sentence;
                next += 1;
            }
            let first = next;
            let mut last = first;
            while last < mentions.len() && mentions[last].span.start < sentence.end {
                out[last].sentence = sentence;
                last += 1;
            }
            next = last;
            if !mentions[first..last].iter().any(|m| m.kind.is_quantity()) {
                previous = Some((sentence, first, None));
                continue;
            }
            let toks = tokenize(text, sentence, mentions, first);
            let mut found = self.source(text, &toks);
            if found.is_none()
                && starts_with_anaphor(text, &toks)
                && let Some((ps, pfirst, known)) = previous.take()
            {
                let ptoks = tokenize(text, ps, mentions, pfirst);
                let pfound = known.unwrap_or_else(|| self.source(text, &ptoks));
                found = pfound.or_else(|| self.topic(text, &ptoks, mentions));
            }
            let times = time_candidates(text, &toks);
            for (idx, m) in mentions.iter().enumerate().take(last).skip(first) {
                if m.kind.is_quantity() {
                    self.fill(text, &toks, idx, m, found.as_ref(), &times, &mut out[idx]);
                }
            }
            previous = Some((sentence, first, Some(found)));
        }
        out
    }

    /// The attribution of a whole sentence, if it has one.
    fn source(&self, text: &str, toks: &[Tok]) -> Option<Found> {
        let w = |i: usize| word(text, toks, i);
        // "according to X"
        for i in 0..toks.len().saturating_sub(1) {
            if w(i).eq_ignore_ascii_case("according") && w(i + 1).eq_ignore_ascii_case("to") {
                let end = clause_end(text, toks, i + 2);
                if end > i + 2 {
                    let span = Span::new(toks[i + 2].span.start, toks[end - 1].span.end);
                    return Some(self.found(
                        text,
                        toks,
                        span,
                        Span::new(toks[i].span.start, span.end),
                    ));
                }
            }
        }
        // "In a 2019 survey by the ILO, …"
        if w(0).eq_ignore_ascii_case("in") {
            let end = clause_end(text, toks, 1);
            let has_by = (1..end).any(|i| w(i).eq_ignore_ascii_case("by"));
            let has_noun = (1..end).any(|i| tok_has(toks, i, class::SOURCE_NOUN));
            if has_by && has_noun && end > 1 && !has_figure(toks, 1, end) {
                let span = Span::new(toks[1].span.start, toks[end - 1].span.end);
                return Some(self.found(text, toks, span, Span::new(toks[0].span.start, span.end)));
            }
        }
        // "X found that …", "…, the IOM said."
        for r in 0..toks.len() {
            if toks[r].t != T::Word || !tok_has(toks, r, class::ATTRIBUTING) {
                continue;
            }
            // "the ILO's 2017 estimate", "its report": a noun, not a verb.
            // "the Global Estimates found": a capitalised word inside a sentence is a name.
            let noun_use = r > 0
                && (matches!(toks[r - 1].t, T::Year(_))
                    || w(r).starts_with(|c: char| c.is_uppercase())
                    || tok_has(toks, r - 1, class::DETERMINER)
                    || w(r - 1).ends_with("'s")
                    || w(r - 1).ends_with("’s"));
            // "published by …", "estimated at …": a passive participle, not a verb of
            // reporting.
            if noun_use || is(&["by", "at"], w(r + 1)) {
                continue;
            }
            // The source before the verb, back to the clause start; a verb right after a
            // comma closes a parenthetical ("The study, published by …, found").
            let e = if r > 1 && is_punct(text, toks, r - 1, ',') {
                r - 1
            } else {
                r
            };
            let mut s = e;
            while s > 0 && !is_clause_break(text, toks, s - 1) {
                s -= 1;
            }
            let parenthetical = e < r
                && s >= 2
                && s < e
                && is_punct(text, toks, s - 1, ',')
                && (is_participle(w(s)) || w(s).eq_ignore_ascii_case("by"));
            if parenthetical {
                let mut t = s - 1;
                while t > 0 && !is_clause_break(text, toks, t - 1) {
                    t -= 1;
                }
                s = t;
            }
            // "A legal aid group that handles dozens of cases said …": the source is the
            // noun the relative clause describes.
            let mut e = e;
            let relative =
                s >= 2 && is(&["that", "which", "who"], w(s - 1)) && toks[s - 2].t == T::Word;
            if relative && !self.source_like(text, toks, s, e) {
                let mut t = s - 1;
                while t > 0 && !is_clause_break(text, toks, t - 1) {
                    t -= 1;
                }
                if t < s - 1 {
                    e = s - 1;
                    s = t;
                }
            }
            if s < e && self.source_like(text, toks, s, e) {
                let span = Span::new(toks[s].span.start, toks[e - 1].span.end);
                let clause_end_tok = if s > 0 && is_punct(text, toks, s - 1, ',') {
                    clause_end(text, toks, r + 1)
                } else {
                    r + 1
                };
                let clause = Span::new(span.start, toks[clause_end_tok.max(r + 1) - 1].span.end);
                return Some(self.found(text, toks, span, clause));
            }
            // "…, said the IOM."
            if r > 0 && is_punct(text, toks, r - 1, ',') && tok_has(toks, r, class::SPEECH) {
                let end = clause_end(text, toks, r + 1);
                if end > r + 1 && self.source_like(text, toks, r + 1, end) {
                    let span = Span::new(toks[r + 1].span.start, toks[end - 1].span.end);
                    return Some(self.found(
                        text,
                        toks,
                        span,
                        Span::new(toks[r].span.start, span.end),
                    ));
                }
            }
        }
        None
    }

    /// The organisation named in a sentence without a verb of reporting, for an anaphor in
    /// the next ("UNODC released its report in 2024. It found that …").
    fn topic(&self, text: &str, toks: &[Tok], mentions: &[Mention]) -> Option<Found> {
        let first = toks.first()?.span.start;
        let last = toks.last()?.span.end;
        let sentence = &text[first..last];
        let (at, name) = self.organisations.locate(sentence)?;
        let year = toks.iter().find_map(|t| match t.t {
            T::Year(i) => mentions[i].value.map(|v| v as u16),
            _ => None,
        });
        let span = Span::new(first + at.start, first + at.end);
        Some(Found {
            source: Source {
                span,
                name: Some(name.to_owned()),
                year,
            },
            clause: span,
        })
    }

    fn found(&self, text: &str, toks: &[Tok], span: Span, clause: Span) -> Found {
        let written = &text[span.range()];
        let name = self
            .organisations
            .find(written)
            .map(str::to_owned)
            .or_else(|| {
                written
                    .split(|c: char| !c.is_alphanumeric())
                    .find(|w| {
                        w.len() >= 2 && w.len() <= 8 && w.chars().all(|c| c.is_ascii_uppercase())
                    })
                    .map(str::to_owned)
            });
        let year = toks
            .iter()
            .filter(|t| t.span.start >= span.start && t.span.end <= span.end)
            .find_map(|t| match t.t {
                T::Year(_) => text[t.span.range()].get(..4).and_then(|y| y.parse().ok()),
                _ => None,
            });
        Found {
            source: Source { span, name, year },
            clause,
        }
    }

    /// Whether tokens `s..e` can name a source: a known organisation, a capitalised word
    /// that does not open the sentence, an acronym, or a noun such as "study" or "ministry".
    fn source_like(&self, text: &str, toks: &[Tok], s: usize, e: usize) -> bool {
        if s >= e || e - s > 12 {
            return false;
        }
        let written = &text[toks[s].span.start..toks[e - 1].span.end];
        // "The survey of 400 deportees found …": a figure may sit inside a named source,
        // but a phrase that is about a figure ("23% of them said") is no source.
        if has_figure(toks, s, e) && !(s..e).any(|i| tok_has(toks, i, class::SOURCE_NOUN)) {
            return false;
        }
        if self.organisations.find(written).is_some() {
            return true;
        }
        (s..e).any(|i| {
            let w = word(text, toks, i);
            toks[i].t == T::Word
                && (has(w, class::SOURCE_NOUN)
                    || (w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase()))
                    || (i > s && w.starts_with(|c: char| c.is_uppercase())))
        }) && !(e - s == 1 && tok_has(toks, s, class::PRONOUN))
    }

    /// Fills the claim of the figure `idx`.
    #[allow(clippy::too_many_arguments)]
    fn fill(
        &self,
        text: &str,
        toks: &[Tok],
        idx: usize,
        m: &Mention,
        found: Option<&Found>,
        times: &[(usize, Span)],
        claim: &mut Claim,
    ) {
        let Some(at) = toks.iter().position(|t| t.t == T::Figure(idx)) else {
            return;
        };
        let w = |i: usize| word(text, toks, i);
        let span_of = |a: usize, b: usize| Span::new(toks[a].span.start, toks[b - 1].span.end);
        let mut predicate_from = None;
        match m.kind {
            Kind::Percent => {
                let after_of = at + 1 < toks.len() && w(at + 1).eq_ignore_ascii_case("of");
                if after_of {
                    // "20 percent of 400 deportees": the share is of the counted noun.
                    let from = if toks
                        .get(at + 2)
                        .is_some_and(|t| matches!(t.t, T::Figure(_)))
                    {
                        at + 3
                    } else {
                        at + 2
                    };
                    if let Some((a, b)) = np_forward(text, toks, from) {
                        claim.subject = Some(span_of(a, b));
                        predicate_from = Some(b);
                    }
                } else if m.form == crate::mention::Form::Ratio
                    && let Some((a, b)) = np_forward(text, toks, at + 1)
                {
                    claim.subject = Some(span_of(a, b));
                    predicate_from = Some(b);
                }
                // "Men made up 45% of …": the subgroup before a verb of sharing.
                if let Some(v) = share_verb_before(text, toks, at)
                    && let Some((a, b)) = np_backward(text, toks, v)
                {
                    claim.subgroup = Some(span_of(a, b));
                }
                if claim.subject.is_none() {
                    self.linked_subject(text, toks, at, claim);
                }
            }
            _ => {
                if let Some(np) = number_of_before(text, toks, at) {
                    claim.subject = Some(span_of(np.0, np.1));
                } else if let Some(unit) = m.unit {
                    // The counted noun, with what follows it in its phrase ("countries of
                    // the Greater Mekong Subregion").
                    // The unit is the head noun; the subject keeps its modifiers
                    // ("registered migrant workers").
                    let mut first = toks.iter().position(|t| t.span.start >= unit.start);
                    if let Some(f) = first.as_mut() {
                        while *f > at + 1
                            && toks[*f - 1].t == T::Word
                            && !w(*f - 1).eq_ignore_ascii_case("of")
                        {
                            *f -= 1;
                        }
                    }
                    let start = first.map_or(unit.start, |f| toks[f].span.start.min(unit.start));
                    let np = first.and_then(|f| np_forward(text, toks, f));
                    let end = match np {
                        Some((a, b))
                            if toks[a].span.start == start && toks[b - 1].span.end > unit.end =>
                        {
                            toks[b - 1].span.end
                        }
                        _ => unit.end,
                    };
                    claim.subject = Some(Span::new(start, end));
                    let mut p = toks.iter().position(|t| t.span.start >= end);
                    // The period of a rate is no predicate: "workers annually".
                    if let (Some(_), Some(i)) = (m.per, p) {
                        p = Some(skip_period(text, toks, i));
                    }
                    predicate_from = p;
                } else {
                    self.linked_subject(text, toks, at, claim);
                }
            }
        }
        // "… found that 23% had been trafficked": the verb phrase after the figure.
        if predicate_from.is_none()
            && claim.predicate.is_none()
            && (tok_has(toks, at + 1, class::AUXILIARY) || tok_has(toks, at + 1, class::VERB))
        {
            predicate_from = Some(at + 1);
        }
        if claim.predicate.is_none()
            && let Some(p) = predicate_from
        {
            let end = clause_end(text, toks, p);
            if end > p {
                let (hedge, start) = hedge_at(text, toks, p, end);
                claim.hedge = hedge;
                let has_content = (start..end).any(|i| {
                    toks[i].t != T::Punct
                        && !tok_has(toks, i, class::NP_PREPOSITION)
                        && !tok_has(toks, i, class::DETERMINER)
                        && !tok_has(toks, i, class::ADVERB)
                });
                let reporting = tok_has(toks, start, class::SPEECH)
                    || (tok_has(toks, start, class::ATTRIBUTING) && end == start + 1);
                let prepositional = words::TIME_PREPOSITIONS
                    .iter()
                    .any(|p| phrase_at(text, toks, start, p))
                    || tok_has(toks, start, class::NP_PREPOSITION)
                    || tok_has(toks, start, class::OTHER_PREPOSITION)
                    || is(&["and", "or", "but"], w(start));
                if end > start
                    && toks[start].t != T::Punct
                    && has_content
                    && !reporting
                    && !prepositional
                {
                    claim.predicate = Some(span_of(start, end));
                }
            }
        }
        // A hedge written with the figure: "an estimated 40 million", "reportedly 300".
        if claim.hedge.is_none() {
            let written = &text[m.span.range()];
            for h in ["an estimated", "estimated"] {
                if written
                    .get(..h.len())
                    .is_some_and(|w| w.eq_ignore_ascii_case(h))
                {
                    claim.hedge = Some(Span::new(m.span.start, m.span.start + h.len()));
                    break;
                }
            }
            if let Some(i) = (at.saturating_sub(3)..at)
                .find(|&i| is(&["reportedly", "allegedly", "possibly", "probably"], w(i)))
            {
                claim.hedge = Some(toks[i].span);
            }
        }
        // The source, unless the figure is itself inside the attribution.
        if let Some(f) = found
            && !(f.source.span.start <= m.span.start && m.span.end <= f.source.span.end)
        {
            claim.source = Some(f.source.clone());
        }
        claim.time = time_near(toks, at, times, found.map(|f| f.clause));
        // "were in forced labour in 2016": the time is reported on its own.
        if let (Some(p), Some(t)) = (claim.predicate, claim.time)
            && t.end == p.end
            && t.start > p.start
        {
            let head = text[p.start..t.start].trim_end();
            claim.predicate = (!head.is_empty()).then(|| Span::new(p.start, p.start + head.len()));
        }
        claim.basis = basis_near(text, toks, at, m, claim);
    }

    /// "The unemployment rate was 5.2%", "Remittances reached $3.7 billion": the noun phrase
    /// before a linking verb before the figure.
    fn linked_subject(&self, text: &str, toks: &[Tok], at: usize, claim: &mut Claim) {
        let mut v = at;
        // Skip a particle or an adverb between verb and figure: "stood at", "rose to",
        // "send home".
        if v > 0 && is(&["at", "to", "by", "of"], word(text, toks, v - 1)) {
            v -= 1;
        }
        if v > 0 && tok_has(toks, v - 1, class::ADVERB) {
            v -= 1;
        }
        if v == 0 {
            return;
        }
        let verb = word(text, toks, v - 1);
        let linking =
            has(verb, class::AUXILIARY) || has(verb, class::VERB) || has(verb, class::LINKING);
        if !linking || toks[v - 1].t != T::Word {
            return;
        }
        // Auxiliaries before the verb: "has reached", "had risen".
        let mut s = v - 1;
        while s > 0 && tok_has(toks, s - 1, class::AUXILIARY) {
            s -= 1;
        }
        if let Some((a, b)) = np_backward(text, toks, s) {
            claim.subject = Some(Span::new(toks[a].span.start, toks[b - 1].span.end));
            claim.predicate = Some(Span::new(toks[s].span.start, toks[v - 1].span.end));
        }
    }
}

fn word<'t>(text: &'t str, toks: &[Tok], i: usize) -> &'t str {
    match toks.get(i) {
        Some(t) if t.t == T::Word || t.t == T::Punct => &text[t.span.range()],
        _ => "",
    }
}

fn is_punct(text: &str, toks: &[Tok], i: usize, c: char) -> bool {
    toks.get(i)
        .is_some_and(|t| t.t == T::Punct && text[t.span.range()].starts_with(c))
}

fn has_figure(toks: &[Tok], s: usize, e: usize) -> bool {
    toks[s..e].iter().any(|t| matches!(t.t, T::Figure(_)))
}

/// Whether token `i` ends a clause: punctuation other than a hyphen or an apostrophe, or a
/// clause word.
fn is_clause_break(text: &str, toks: &[Tok], i: usize) -> bool {
    match toks[i].t {
        T::Punct => {
            let p = &text[toks[i].span.range()];
            !matches!(p, "-" | "'" | "’" | "&" | "%" | "$")
        }
        T::Word => tok_has(toks, i, class::CLAUSE) || word(text, toks, i) == "that",
        _ => false,
    }
}

/// The end (exclusive) of the clause starting at `from`.
fn clause_end(text: &str, toks: &[Tok], from: usize) -> usize {
    let mut i = from;
    while i < toks.len()
        && i < from + 14
        && !is_clause_break(text, toks, i)
        && !(i > from && matches!(toks[i].t, T::Figure(_)))
    {
        i += 1;
    }
    // "were in forced labour and [22 million …]": no dangling conjunction or preposition.
    while i > from
        && toks[i - 1].t == T::Word
        && (is(
            &["and", "or", "to", "of", "the", "a", "an"],
            word(text, toks, i - 1),
        ) || tok_has(toks, i - 1, class::NP_PREPOSITION))
    {
        i -= 1;
    }
    i
}

/// Whether a word can be the content of a noun phrase.
fn is_content(w: &str) -> bool {
    let c = classes(w);
    let closed = class::AUXILIARY
        | class::VERB
        | class::CLAUSE
        | class::FUNCTION
        | class::OTHER_PREPOSITION
        | class::ADVERB;
    c & closed == 0 && !(w.len() > 4 && w.ends_with("ly") && !w.ends_with("ply"))
}

fn is_participle(w: &str) -> bool {
    let lower = w.to_ascii_lowercase();
    w.len() > 4 && (lower.ends_with("ed") || lower.ends_with("ing"))
}

/// `np := determiner* content (…)*`, forward from token `i`. Returns the content's token
/// range, determiners left out.
fn np_forward(text: &str, toks: &[Tok], mut i: usize) -> Option<(usize, usize)> {
    let w = |i: usize| word(text, toks, i);
    while i < toks.len() && toks[i].t == T::Word && tok_has(toks, i, class::DETERMINER) {
        i += 1;
    }
    let start = i;
    let mut end = i;
    let mut words_taken = 0;
    while i < toks.len() && words_taken < 10 {
        if toks[i].t != T::Word {
            break;
        }
        let cur = w(i);
        let next_is_content = toks.get(i + 1).is_some_and(|t| t.t == T::Word)
            && is_content(w(i + 1))
            && !tok_has(toks, i + 1, class::REPORTING);
        if has(cur, class::NP_PREPOSITION) && end > start {
            // "in Thailand", "in the fishing industry", not "in 2021".
            let mut j = i + 1;
            while j < toks.len() && toks[j].t == T::Word && tok_has(toks, j, class::DETERMINER) {
                j += 1;
            }
            if toks.get(j).is_some_and(|t| t.t == T::Word)
                && is_content(w(j))
                && !is_participle(w(j))
            {
                i = j;
                continue;
            }
            break;
        }
        if (cur.eq_ignore_ascii_case("and") || cur.eq_ignore_ascii_case("or")) && end > start {
            if next_is_content && !is_participle(w(i + 1)) {
                i += 1;
                continue;
            }
            break;
        }
        if !is_content(cur) {
            break;
        }
        if is_participle(cur) {
            let lower = cur.to_ascii_lowercase();
            let next_t = toks.get(i + 1);
            let next_w = w(i + 1);
            let closes = next_t.is_none()
                || next_t.is_some_and(|t| t.t == T::Punct)
                || has(next_w, class::AUXILIARY)
                || is(&["and", "or"], next_w);
            if lower.ends_with("ing") && end > start {
                // "migrants entering Thailand": a participle with its object.
                if next_is_content && next_w.starts_with(|c: char| c.is_uppercase()) {
                    end = i + 2;
                    i += 2;
                    words_taken += 2;
                    continue;
                }
                break;
            }
            if !(closes || (next_is_content && end == start)) {
                break;
            }
            if closes && end > start {
                // "the workers surveyed": the participle ends the phrase.
                end = i + 1;
                break;
            }
        } else if has(cur, class::REPORTING) && end > start {
            break;
        }
        end = i + 1;
        i += 1;
        words_taken += 1;
    }
    (end > start).then_some((start, end))
}

/// The noun phrase that ends just before token `end`, walking back over content words,
/// prepositions, determiners and "of". Leading determiners and prepositions are left out.
fn np_backward(text: &str, toks: &[Tok], end: usize) -> Option<(usize, usize)> {
    let w = |i: usize| word(text, toks, i);
    let mut s = end;
    while s > 0 && end - s < 12 {
        let i = s - 1;
        if toks[i].t != T::Word {
            break;
        }
        let cur = w(i);
        let joins = has(cur, class::NP_PREPOSITION)
            || cur.eq_ignore_ascii_case("of")
            || has(cur, class::DETERMINER)
            || cur.eq_ignore_ascii_case("and");
        if !(joins || is_content(cur)) || has(cur, class::REPORTING) && !is_participle(cur) {
            break;
        }
        s = i;
    }
    while s < end
        && (tok_has(toks, s, class::DETERMINER)
            || tok_has(toks, s, class::NP_PREPOSITION)
            || w(s).eq_ignore_ascii_case("of")
            || w(s).eq_ignore_ascii_case("and")
            || is(&["with", "as", "for"], w(s)))
    {
        s += 1;
    }
    // Sentence-initial words of a subordinate clause ("With more than …") are not subjects.
    (s < end).then_some((s, end))
}

/// "Estimates of the number of X vary from …": the X before the verb before the figure.
fn number_of_before(text: &str, toks: &[Tok], at: usize) -> Option<(usize, usize)> {
    let w = |i: usize| word(text, toks, i);
    let mut v = at;
    if v > 0 && is(&["at", "to", "by", "of", "from", "between"], w(v - 1)) {
        v -= 1;
    }
    let verb = v > 0
        && (tok_has(toks, v - 1, class::VERB)
            || tok_has(toks, v - 1, class::AUXILIARY)
            || tok_has(toks, v - 1, class::LINKING));
    // "put the number of people in forced labour at 24.9 million": no verb, but "at".
    let np_end = if verb {
        v - 1
    } else if v < at && w(v).eq_ignore_ascii_case("at") {
        v
    } else {
        return None;
    };
    let (a, b) = np_backward(text, toks, np_end)?;
    let of = (a..b).rev().find(|&i| {
        w(i).eq_ignore_ascii_case("of")
            && i > a
            && is(&["number", "total", "count", "flow", "stock"], w(i - 1))
    })?;
    let mut s = of + 1;
    while s < b && tok_has(toks, s, class::DETERMINER) {
        s += 1;
    }
    (s < b).then_some((s, b))
}

/// The token where a verb of sharing before the figure starts ("made up" in "Men made up
/// 45%").
fn share_verb_before(text: &str, toks: &[Tok], at: usize) -> Option<usize> {
    for phrase in words::SHARE_VERBS {
        let n = phrase.len();
        if at >= n && phrase_at(text, toks, at - n, phrase) {
            return Some(at - n);
        }
    }
    None
}

/// Skips the words of a rate's period ("annually", "a year", "per month") at token `i`.
fn skip_period(text: &str, toks: &[Tok], i: usize) -> usize {
    let w = |i: usize| word(text, toks, i);
    if is(&["annually", "yearly", "monthly", "weekly", "daily"], w(i)) {
        return i + 1;
    }
    if is(&["a", "an", "per", "each", "every"], w(i))
        && is(&["year", "month", "week", "day", "annum"], w(i + 1))
    {
        return i + 2;
    }
    i
}

/// A hedge at the start of a predicate: returns its span and where the rest begins.
fn hedge_at(text: &str, toks: &[Tok], p: usize, end: usize) -> (Option<Span>, usize) {
    for h in words::HEDGES {
        if p + h.len() <= end && phrase_at(text, toks, p, h) {
            let last = p + h.len() - 1;
            return (
                Some(Span::new(toks[p].span.start, toks[last].span.end)),
                last + 1,
            );
        }
    }
    (None, p)
}

/// Whether token `i` is a word of one of the classes `bits`.
fn tok_has(toks: &[Tok], i: usize, bits: u32) -> bool {
    toks.get(i).is_some_and(|t| t.class & bits != 0)
}

/// Whether the words of `phrase` stand at token `i` onwards, ignoring ASCII case.
fn phrase_at(text: &str, toks: &[Tok], i: usize, phrase: &[&str]) -> bool {
    phrase
        .iter()
        .enumerate()
        .all(|(k, p)| word(text, toks, i + k).eq_ignore_ascii_case(p))
}

fn starts_with_anaphor(text: &str, toks: &[Tok]) -> bool {
    words::ANAPHORS.iter().any(|a| {
        let n = a.len();
        toks.len() > n
            && phrase_at(text, toks, 0, a)
            && (n..(n + 3).min(toks.len())).any(|i| tok_has(toks, i, class::ATTRIBUTING))
    })
}

/// The reference times of a sentence, with the token where each stands: years with their
/// preposition ("in 2021", "as of 2020") and phrases such as "on any given day".
fn time_candidates(text: &str, toks: &[Tok]) -> Vec<(usize, Span)> {
    let mut out = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        match t.t {
            T::Year(_) => {
                // Take in the preposition: "in 2021", "as of 2020".
                let mut s = i;
                for p in words::TIME_PREPOSITIONS {
                    let n = p.len();
                    if i >= n && phrase_at(text, toks, i - n, p) {
                        s = i - n;
                        break;
                    }
                }
                // A year that names a study ("A 2010 UNIAP study") is not a time.
                let names = s == i
                    && toks.get(i + 1).is_some_and(|n| n.t == T::Word)
                    && !word(text, toks, i + 1).starts_with(|c: char| c.is_lowercase() && c != 'e');
                if !names {
                    out.push((i, Span::new(toks[s].span.start, t.span.end)));
                }
            }
            T::Word => {
                let first = word(text, toks, i);
                for phrase in words::TIME_PHRASES {
                    if !phrase[0].eq_ignore_ascii_case(first) {
                        continue;
                    }
                    let n = phrase.len();
                    if i + n <= toks.len() && phrase_at(text, toks, i, phrase) {
                        out.push((i, Span::new(t.span.start, toks[i + n - 1].span.end)));
                        break;
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// The reference time nearest the figure at token `at`, outside the attribution's clause
/// and not on the far side of another figure.
fn time_near(
    toks: &[Tok],
    at: usize,
    times: &[(usize, Span)],
    source_clause: Option<Span>,
) -> Option<Span> {
    let outside = |s: Span| source_clause.is_none_or(|c| s.end <= c.start || s.start >= c.end);
    times
        .iter()
        .filter(|(i, span)| {
            let (lo, hi) = ((*i).min(at), (*i).max(at));
            outside(*span) && !toks[lo + 1..hi].iter().any(|t| matches!(t.t, T::Figure(_)))
        })
        .min_by_key(|(i, _)| i.abs_diff(at))
        .map(|(_, s)| *s)
}

/// A word of basis ("detected", "estimated") in the subject, just before the figure, at
/// the start of the predicate, or in the figure's own words.
fn basis_near(text: &str, toks: &[Tok], at: usize, m: &Mention, claim: &Claim) -> Option<Span> {
    let in_span = |s: Option<Span>| -> Option<Span> {
        let s = s?;
        toks.iter()
            .filter(|t| t.t == T::Word && t.span.start >= s.start && t.span.end <= s.end)
            .find(|t| has(&text[t.span.range()], class::BASIS))
            .map(|t| t.span)
    };
    let written = &text[m.span.range()];
    if let Some(i) = written.to_ascii_lowercase().find("estimated") {
        return Some(Span::new(
            m.span.start + i,
            m.span.start + i + "estimated".len(),
        ));
    }
    in_span(claim.subject)
        .or_else(|| {
            (at.saturating_sub(3)..at)
                .find(|&i| toks[i].t == T::Word && tok_has(toks, i, class::BASIS))
                .map(|i| toks[i].span)
        })
        .or_else(|| {
            let p = claim.predicate?;
            let first_words: Vec<&Tok> = toks
                .iter()
                .filter(|t| t.t == T::Word && t.span.start >= p.start && t.span.end <= p.end)
                .take(3)
                .collect();
            first_words
                .into_iter()
                .find(|t| has(&text[t.span.range()], class::BASIS))
                .map(|t| t.span)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_organisations_parse() {
        let orgs = Organisations::from_csv(BUILTIN_ORGANISATIONS).expect("shipped list parses");
        assert!(orgs.aliases.len() > 40);
        assert_eq!(orgs.find("a UNIAP study"), Some("UNIAP"));
        assert_eq!(
            orgs.find("the International Labour Organization said"),
            Some("ILO")
        );
        assert_eq!(orgs.find("an unusual figure"), None);
    }

    #[test]
    fn malformed_organisation_rows_name_their_line() {
        let err = Organisations::from_csv("name,aliases\nILO,x\nno comma here\n");
        assert_eq!(
            err.err().as_deref(),
            Some("line 3: expected `name,aliases`")
        );
    }
}
