//! Every text the app gives to `tr`, `tr_with` or `n_` (src/i18n.rs) is in every catalogue
//! (`checkout_api::texts`): a Japanese shopper never meets an English sentence the catalogue
//! forgot. Read from the app's source, as gettext's xgettext would.

use std::path::{Path, PathBuf};

fn sources(dir: &Path, into: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, into);
        } else if path.extension().is_some_and(|e| e == "rs") {
            into.push(path);
        }
    }
}

/// The Rust string literal at the start of `text` (after its opening quote), unescaped.
fn literal(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => return out,
            '\\' => match chars.next() {
                // A line continuation: the newline and the next line's indentation go.
                Some('\n') => {
                    while chars.peek().is_some_and(|c| c.is_whitespace()) {
                        chars.next();
                    }
                }
                Some('n') => out.push('\n'),
                Some(other) => out.push(other),
                None => break,
            },
            c => out.push(c),
        }
    }
    panic!("an unterminated literal: {text:.40}");
}

/// The English texts of the app: each first literal argument of `tr(`, `tr_with(` and `n_(`.
fn app_texts() -> Vec<(String, PathBuf)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    let mut texts = Vec::new();
    for file in files {
        let code = std::fs::read_to_string(&file).unwrap();
        for call in ["tr(", "tr_with(", "n_("] {
            for (at, _) in code.match_indices(call) {
                // A whole name (`tr(`, not `attr(`), then a literal (variables are checked
                // where their texts are written, with `n_`).
                if code[..at].chars().last().is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                let rest = code[at + call.len()..].trim_start();
                if let Some(rest) = rest.strip_prefix('"') {
                    texts.push((literal(rest), file.clone()));
                }
            }
        }
    }
    texts
}

#[test]
fn every_text_of_the_app_is_in_every_catalogue() {
    let texts = app_texts();
    assert!(texts.len() > 40, "the app's texts were found ({})", texts.len());
    for locale in &checkout_api::texts::LOCALES[1..] {
        let catalogue = checkout_api::texts::catalogue(locale).unwrap();
        let missing: Vec<String> = texts
            .iter()
            .filter(|(text, _)| !catalogue.contains_key(text))
            .map(|(text, file)| format!("{text:?} ({})", file.display()))
            .collect();
        assert!(missing.is_empty(), "not in the {locale} catalogue:\n{}", missing.join("\n"));
        assert!(catalogue.contains_key(checkout_api::stripe_common::GENERIC_MESSAGE));
    }
}
