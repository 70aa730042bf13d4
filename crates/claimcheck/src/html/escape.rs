//! Escaping for the HTML report: every piece of text that comes from an article, a file
//! name, a registry or a message goes through [`Esc`] on its way into the page.

use std::fmt;

/// Text made safe for HTML element content and for quoted attribute values.
///
/// `&`, `<`, `>`, `"` and `'` become character references, so the text can neither open a
/// tag nor leave an attribute. Characters that would change how the page reads without
/// being seen are made visible instead: the bidirectional controls (U+202A–U+202E,
/// U+2066–U+2069, U+200E, U+200F, U+061C, which can reorder the text around them, as in
/// “Trojan Source”) and the C0 and C1 controls other than tab and line breaks. Each is
/// written as `⟨U+202E⟩`, so that a fact-checker sees that the article holds it.
pub struct Esc<'a>(pub &'a str);

impl fmt::Display for Esc<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = self.0;
        let mut last = 0;
        for (i, c) in s.char_indices() {
            let replacement: Option<&str> = match c {
                '&' => Some("&amp;"),
                '<' => Some("&lt;"),
                '>' => Some("&gt;"),
                '"' => Some("&quot;"),
                '\'' => Some("&#39;"),
                _ => None,
            };
            if replacement.is_none() && !is_hidden_control(c) {
                continue;
            }
            f.write_str(&s[last..i])?;
            match replacement {
                Some(r) => f.write_str(r)?,
                None => write!(f, "⟨U+{:04X}⟩", c as u32)?,
            }
            last = i + c.len_utf8();
        }
        f.write_str(&s[last..])
    }
}

/// Whether a character changes the reading of the text around it, or is a control with no
/// business in prose.
pub fn is_hidden_control(c: char) -> bool {
    matches!(c,
        '\u{202A}'..='\u{202E}' // embeddings and overrides
        | '\u{2066}'..='\u{2069}' // isolates
        | '\u{200E}' | '\u{200F}' | '\u{061C}' // marks
        | '\u{0000}'..='\u{0008}' | '\u{000B}' | '\u{000C}' | '\u{000E}'..='\u{001F}'
        | '\u{007F}'..='\u{009F}')
}

/// A URL fit for an `href`: only `http:` and `https:` URLs (after the leading spaces a
/// browser would skip) made of characters a URL may hold unencoded are links; anything else
/// (`javascript:`, `data:`, a relative path, a quote or angle bracket) is shown as text,
/// never followed.
pub fn link_target(url: &str) -> Option<&str> {
    let u = url.trim();
    let lower = u.get(..8).unwrap_or(u).to_ascii_lowercase();
    let web = lower.starts_with("https://") || lower.starts_with("http://");
    // No whitespace or controls inside (a browser strips tabs and line breaks from URLs,
    // which can turn a harmless-looking value into another scheme), and none of the
    // characters a URL must encode.
    let unsafe_char = |c: char| c.is_whitespace() || c.is_control() || "\"'<>\\`{}|^".contains(c);
    (web && !u.chars().any(unsafe_char)).then_some(u)
}

/// A string usable inside an `id` and a file name: ASCII letters, digits and `-`.
pub fn slug(s: &str, max: usize) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if out.len() >= max {
            break;
        }
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        let cases = [
            ("plain text", "plain text"),
            (
                "<script>alert(1)</script>",
                "&lt;script&gt;alert(1)&lt;/script&gt;",
            ),
            ("</style><b>", "&lt;/style&gt;&lt;b&gt;"),
            ("a \"b\" 'c'", "a &quot;b&quot; &#39;c&#39;"),
            ("AT&T &amp;", "AT&amp;T &amp;amp;"),
            ("\" onmouseover=\"x", "&quot; onmouseover=&quot;x"),
            ("23 percent", "23 percent"),
            ("“Twenty-three”", "“Twenty-three”"),
        ];
        for (input, want) in cases {
            assert_eq!(Esc(input).to_string(), want, "{input}");
        }
    }

    #[test]
    fn bidirectional_and_control_characters_are_shown() {
        assert_eq!(
            Esc("abc\u{202E}fed\u{202C}").to_string(),
            "abc⟨U+202E⟩fed⟨U+202C⟩"
        );
        assert_eq!(Esc("\u{2066}x\u{2069}").to_string(), "⟨U+2066⟩x⟨U+2069⟩");
        assert_eq!(Esc("a\u{0000}b\u{001B}").to_string(), "a⟨U+0000⟩b⟨U+001B⟩");
        assert_eq!(Esc("tab\tand\nline").to_string(), "tab\tand\nline");
        // Arabic and Hebrew text itself is left alone: only the invisible controls change.
        assert_eq!(Esc("שלום مرحبا").to_string(), "שלום مرحبا");
    }

    #[test]
    fn only_web_urls_are_links() {
        let cases = [
            ("https://example.org/a?b=1&c=2", true),
            ("http://example.org", true),
            ("  HTTPS://EXAMPLE.ORG  ", true),
            ("javascript:alert(1)", false),
            ("JavaScript:alert(1)", false),
            ("java\tscript:alert(1)", false),
            ("https://exa\nmple.org", false),
            ("https://example.org/\"><script>", false),
            ("https://example.org/'onmouseover='x", false),
            ("data:text/html,<script>alert(1)</script>", false),
            ("vbscript:msgbox", false),
            ("/etc/passwd", false),
            ("", false),
        ];
        for (url, ok) in cases {
            assert_eq!(link_target(url).is_some(), ok, "{url:?}");
        }
    }

    #[test]
    fn slugs() {
        assert_eq!(
            slug("data/examples/cambodia-migrants.txt", 60),
            "data-examples-cambodia-migrants-txt"
        );
        assert_eq!(
            slug("../shared/corpus/a.jsonl#wiki-2024-01", 60),
            "shared-corpus-a-jsonl-wiki-2024-01"
        );
        assert_eq!(slug("<script>", 60), "script");
        assert_eq!(slug("abcdef", 3), "abc");
    }
}
