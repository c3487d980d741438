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

/// Fails naming each of `texts` (with the file it is written in) that a catalogue lacks.
fn assert_in_every_catalogue(texts: &[(String, PathBuf)]) {
    for locale in &checkout_api::texts::LOCALES[1..] {
        let catalogue = checkout_api::texts::catalogue(locale).unwrap();
        let missing: Vec<String> = texts
            .iter()
            .filter(|(text, _)| !catalogue.contains_key(text))
            .map(|(text, file)| format!("{text:?} ({})", file.display()))
            .collect();
        assert!(missing.is_empty(), "not in the {locale} catalogue:\n{}", missing.join("\n"));
    }
}

#[test]
fn every_text_of_the_app_is_in_every_catalogue() {
    let texts = app_texts();
    assert!(texts.len() > 40, "the app's texts were found ({})", texts.len());
    assert_in_every_catalogue(&texts);
    for locale in &checkout_api::texts::LOCALES[1..] {
        let catalogue = checkout_api::texts::catalogue(locale).unwrap();
        assert!(catalogue.contains_key(checkout_api::stripe_common::GENERIC_MESSAGE));
    }
}

/// The argument list of the call whose `(` ends `code[..at]`, split at its top-level commas
/// (parentheses and string literals skipped over).
fn arguments(code: &str) -> Vec<&str> {
    let (mut depth, mut start, mut in_string, mut escaped) = (0usize, 0usize, false, false);
    let mut args = Vec::new();
    for (i, c) in code.char_indices() {
        if in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' if depth == 0 => {
                args.push(&code[start..i]);
                return args;
            }
            ')' | ']' | '}' => depth -= 1,
            ',' if depth == 0 => {
                args.push(&code[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    panic!("an unterminated call: {code:.60}");
}

/// `format!` names (`{MAX_LINES}`, `{code}`, `{}`) as the catalogues' one `{}`.
fn as_pattern(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        out.push_str("{}");
        rest = &rest[open + rest[open..].find('}').unwrap() + 1..];
    }
    out + rest
}

/// The messages the server refuses a shopper's request with: the literal message of each
/// `ValidationError::new(param, message)` and `AppError::bad_request(param, message)` of the
/// server and this crate (the operator's pages excepted: they are for the platform, in English).
fn refusals() -> Vec<(String, PathBuf)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    sources(&root.join("src"), &mut files);
    sources(&root.join("../../server/src"), &mut files);
    files.retain(|f| !f.components().any(|c| c.as_os_str() == "operator"));
    let mut messages = Vec::new();
    for file in files {
        let code = std::fs::read_to_string(&file).unwrap();
        for call in ["ValidationError::new(", "bad_request("] {
            for (at, _) in code.match_indices(call) {
                let args = arguments(&code[at + call.len()..]);
                let Some(message) = args.get(1) else { continue };
                if let Some(open) = message.find('"') {
                    messages.push((as_pattern(&literal(&message[open + 1..])), file.clone()));
                }
            }
        }
    }
    messages
}

#[test]
fn every_refusal_a_shopper_can_meet_is_in_every_catalogue() {
    let refusals = refusals();
    assert!(refusals.len() > 12, "the server's refusals were found ({})", refusals.len());
    assert_in_every_catalogue(&refusals);
}

#[test]
fn the_konbini_forms_problems_are_translated_with_their_details() {
    use checkout_api::FormProblem::*;
    let problems = [
        NameMissing,
        NameUnprintable("髙".into()),
        NameShortened("山田".into()),
        EmailMissing,
        EmailInvalid,
        PhoneNotDigits,
        PhoneAllZeros,
        PhoneLength,
    ];
    for problem in problems {
        let english = problem.english();
        let japanese = checkout_api::texts::translate("ja", &english);
        assert!(!japanese.is_ascii(), "{english:?} is not translated: {japanese:?}");
    }
    assert_eq!(
        checkout_api::texts::translate("ja", &NameUnprintable("髙".into()).english()),
        "「髙」は店頭で表示できません。"
    );
}
