//! The rule documentation the project publishes comes from the rules themselves: each
//! `docs/rules/<name>.md` is the rule's `doc`, and the README's rule table is made of the
//! rules' rows. Run with `CLAIMCHECK_BLESS_DOCS=1` to rewrite them after changing a rule.

use std::path::PathBuf;

use claimcheck_checker::{GROUPS, RULES};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn bless() -> bool {
    std::env::var_os("CLAIMCHECK_BLESS_DOCS").is_some()
}

const TABLE_START: &str = "<!-- rules:start (generated from the rules; see crates/claimcheck-checker/tests/docs.rs) -->\n";
const TABLE_END: &str = "<!-- rules:end -->";

fn page(doc: &str) -> String {
    format!(
        "<!-- Generated from the rule's documentation in crates/claimcheck-checker/src/rules/; edit it there. -->\n\n{doc}"
    )
}

/// Every page: one per rule, and one per group (a split rule's old page, which now lists the
/// rules it became, so that links to it keep working).
fn pages() -> Vec<(&'static str, String)> {
    RULES
        .iter()
        .map(|r| (r.name, page(r.doc)))
        .chain(GROUPS.iter().map(|g| (g.name, page(&g.doc()))))
        .collect()
}

#[test]
fn rule_pages_are_current() {
    let dir = repo().join("docs/rules");
    if bless() {
        std::fs::create_dir_all(&dir).expect("docs/rules");
    }
    let mut stale = Vec::new();
    let pages = pages();
    for (name, want) in &pages {
        let path = dir.join(format!("{name}.md"));
        if bless() {
            std::fs::write(&path, want).expect("page written");
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(want.as_str()) {
            stale.push(path.display().to_string());
        }
    }
    let extra: Vec<String> = std::fs::read_dir(&dir)
        .expect("docs/rules exists")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !pages.iter().any(|(name, _)| format!("{name}.md") == *n))
        .collect();
    assert!(
        stale.is_empty() && extra.is_empty(),
        "stale pages {stale:?}, pages of no rule or group {extra:?}: run CLAIMCHECK_BLESS_DOCS=1 cargo test -p claimcheck-checker --test docs"
    );
}

#[test]
fn the_readme_rule_table_is_current() {
    let path = repo().join("README.md");
    let readme = std::fs::read_to_string(&path).expect("README.md");
    let start = readme
        .find(TABLE_START)
        .expect("the README marks its rule table")
        + TABLE_START.len();
    let end = start
        + readme[start..]
            .find(TABLE_END)
            .expect("the table's end marker");
    let mut table = String::from("| code | rule | severity | what it flags |\n|---|---|---|---|\n");
    for rule in RULES {
        table.push_str(&rule.table_row());
        table.push('\n');
    }
    if bless() {
        let updated = format!("{}{}{}", &readme[..start], table, &readme[end..]);
        std::fs::write(&path, updated).expect("README written");
    } else {
        assert_eq!(
            &readme[start..end],
            table,
            "the README's rule table is stale: run CLAIMCHECK_BLESS_DOCS=1 cargo test -p claimcheck-checker --test docs"
        );
    }
}
