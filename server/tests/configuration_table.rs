//! README's table of the server's environment variables ("Server configuration") against the
//! code: every variable the server reads (each name it spells as a string literal in
//! `server/src`) has a row, and every row names a variable the server reads. A new setting
//! without its row, or a row for a setting that is gone, fails the test command.

use std::collections::BTreeSet;
use std::path::Path;

/// Named in the code but not settings to document: refused at start with a message of its own.
const NOT_SETTINGS: [&str; 1] = ["CHECKOUT_CUSTOMER"];

fn is_variable(name: &str) -> bool {
    let prefixed =
        ["CHECKOUT_", "STRIPE_"].iter().any(|p| name.starts_with(p)) || ["DATABASE_URL", "RUST_LOG"].contains(&name);
    prefixed && name.len() >= 8 && name.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
}

/// Every `"NAME"` literal in the Rust files under `dir`.
fn read_by_the_code(dir: &Path, names: &mut BTreeSet<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            read_by_the_code(&path, names);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let source = std::fs::read_to_string(&path).unwrap();
            // Each `"` followed by a name and a closing `"` (whatever came before: escaped
            // quotes and '"' elsewhere in a file do not throw the count off).
            for (at, _) in source.match_indices('"') {
                let rest = &source[at + 1..];
                let end = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(rest.len());
                let literal = &rest[..end];
                if rest[end..].starts_with('"') && is_variable(literal) && !NOT_SETTINGS.contains(&literal) {
                    names.insert(literal.to_owned());
                }
            }
        }
    }
}

/// The first column of README's "Server configuration" table.
fn documented(readme: &str) -> Vec<String> {
    let section =
        readme.split("\n## Server configuration\n").nth(1).expect("README has a Server configuration section");
    let section = section.split("\n## ").next().unwrap();
    section
        .lines()
        .filter_map(|line| line.strip_prefix("| `"))
        .filter_map(|rest| rest.split_once('`'))
        .map(|(name, _)| name.to_owned())
        .collect()
}

#[test]
fn readme_s_table_lists_exactly_the_variables_the_server_reads() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut read = BTreeSet::new();
    read_by_the_code(&root.join("src"), &mut read);
    let readme = std::fs::read_to_string(root.join("../README.md")).unwrap();
    let rows = documented(&readme);
    let table: BTreeSet<String> = rows.iter().cloned().collect();
    assert_eq!(rows.len(), table.len(), "a variable has two rows: {rows:?}");
    let missing: Vec<&String> = read.difference(&table).collect();
    let stale: Vec<&String> = table.difference(&read).collect();
    assert!(missing.is_empty(), "read by server/src but not in README's table: {missing:?}");
    assert!(stale.is_empty(), "in README's table but read nowhere in server/src: {stale:?}");
    assert!(read.len() > 30 && read.contains("DATABASE_URL") && read.contains("CHECKOUT_METRICS_TOKEN"), "{read:?}");
}
