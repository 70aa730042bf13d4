//! Known organisations: the names attributions are normalised to.

use crate::mention::Span;

/// Known organisations: the names attributions are normalised to.
#[derive(Debug, Clone)]
pub struct Organisations {
    /// Every way of writing each organisation, longest first.
    aliases: Vec<Alias>,
    /// An automaton over the aliases, in the same order.
    automaton: Option<aho_corasick::AhoCorasick>,
}

/// One way of writing an organisation's name.
#[derive(Debug, Clone)]
struct Alias {
    /// The alias as written ("International Labour Organization").
    written: String,
    /// The registered name it stands for ("ILO").
    name: String,
}

/// Where a known organisation is named in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NamedOrganisation<'a> {
    /// Where the name is written.
    pub span: Span,
    /// The organisation's registered name.
    pub name: &'a str,
}

/// The organisations shipped in `data/organisations.csv`.
const BUILTIN_ORGANISATIONS: &str = include_str!("../../../../data/organisations.csv");

/// The shipped organisations, parsed once: building the automaton costs far more than reading
/// an expression, and every default [`super::ClaimReader`] shares it (a clone shares the
/// automaton).
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
        for (index, line) in text.lines().enumerate().skip(1) {
            let line_number = index + 1;
            if line.trim().is_empty() {
                continue;
            }
            let Some((name, rest)) = line.split_once(',') else {
                return Err(format!("line {line_number}: expected `name,aliases`"));
            };
            let name = name.trim();
            if name.is_empty() {
                return Err(format!("line {line_number}: empty organisation name"));
            }
            aliases.push(Alias {
                written: name.to_owned(),
                name: name.to_owned(),
            });
            for alias in rest.split('|').map(str::trim).filter(|a| !a.is_empty()) {
                aliases.push(Alias {
                    written: alias.to_owned(),
                    name: name.to_owned(),
                });
            }
        }
        aliases.sort_by(|a, b| {
            b.written
                .len()
                .cmp(&a.written.len())
                .then_with(|| a.written.cmp(&b.written))
        });
        // A few hundred searches per MB of prose: an NFA, built in a quarter of the time of
        // the DFA the builder would choose, costs nothing measurable in searching, and every
        // run builds it once.
        let automaton = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
            .build(aliases.iter().map(|a| a.written.as_str()))
            .map_err(|e| format!("organisation names: {e}"))?;
        Ok(Organisations {
            aliases,
            automaton: Some(automaton),
        })
    }

    /// The registered name of the first (longest) known organisation named in `text`.
    pub fn find(&self, text: &str) -> Option<&str> {
        self.locate(text).map(|found| found.name)
    }

    /// Where the first known organisation is named in `text` (whole words, case-sensitive:
    /// "UN" is not "un"), and its registered name.
    pub fn locate(&self, text: &str) -> Option<NamedOrganisation<'_>> {
        let automaton = self.automaton.as_ref()?;
        automaton
            .find_iter(text)
            .find(|m| {
                !text[..m.start()].ends_with(|c: char| c.is_alphanumeric())
                    && !text[m.end()..].starts_with(|c: char| c.is_alphanumeric())
            })
            .map(|m| NamedOrganisation {
                span: Span::new(m.start(), m.end()),
                name: self.aliases[m.pattern().as_usize()].name.as_str(),
            })
    }
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
        assert_eq!(
            orgs.locate("as the ILO said"),
            Some(NamedOrganisation {
                span: Span::new(7, 10),
                name: "ILO"
            })
        );
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
