//! Property tests of the validator, the template and the splitter: whatever the bytes, an answer
//! and never a panic; a file made from known changes reads back as those changes; the template
//! reads back as no change at all.

use std::collections::HashSet;

use account_emails::{AccountRow, KnownAccounts, check_email, split, template_csv, template_header, validate};
use proptest::prelude::*;

/// Text that looks enough like a CSV upload to reach every state of the parser and the rules.
fn csvish() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        Just(b",".to_vec()),
        Just(b"\"".to_vec()),
        Just(b"\r\n".to_vec()),
        Just(b"\n".to_vec()),
        Just(b"\r".to_vec()),
        Just(b";".to_vec()),
        Just(b"acct_123abc".to_vec()),
        Just(b"acct_456def".to_vec()),
        Just(b"a@example.com".to_vec()),
        Just(b"\xEF\xBB\xBF".to_vec()),
        Just("✔".as_bytes().to_vec()),
        Just(template_header().as_bytes().to_vec()),
        "[ -~]{0,8}".prop_map(String::into_bytes),
        prop::collection::vec(any::<u8>(), 0..4),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|pieces| pieces.concat())
}

fn known_for_noise() -> KnownAccounts {
    [("acct_123abc", None), ("acct_456def", Some("old@example.com"))].into_iter().collect()
}

/// An email the upload takes.
fn email() -> impl Strategy<Value = String> {
    "[a-z0-9]{1,10}([.+_-][a-z0-9]{1,8})?@[a-z0-9]{1,10}(-[a-z0-9]{1,4})?(\\.[a-z]{2,6}){1,3}"
}

/// A name as connected accounts and operators write them: commas, quotes, line breaks, accents.
fn name() -> impl Strategy<Value = String> {
    "[A-Za-z0-9 ,\"'=+@éü\r\n-]{0,16}"
}

/// One account of a generated file: its current email, and what the row asks for (`None`: the
/// email column left empty).
#[derive(Debug, Clone)]
struct Account {
    id: String,
    name: String,
    current: Option<String>,
    new: Option<String>,
}

fn accounts() -> impl Strategy<Value = Vec<Account>> {
    prop::collection::vec(
        ("[A-Za-z0-9]{1,16}", name(), prop::option::of(email()), prop::option::weighted(0.7, email()), any::<bool>()),
        1..40,
    )
    .prop_map(|rows| {
        let mut seen = HashSet::new();
        rows.into_iter()
            .filter(|(suffix, ..)| seen.insert(suffix.clone()))
            .map(|(suffix, name, current, new, same)| {
                // Now and then the row asks for the email the account has already.
                let new = if same && current.is_some() { current.clone() } else { new };
                Account { id: format!("acct_{suffix}"), name, current, new }
            })
            .collect()
    })
}

fn quoted(field: &str) -> String {
    format!("\"{}\"", field.replace('"', "\"\""))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_bytes_get_an_answer_never_a_panic(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        let _ = validate(&bytes, &known_for_noise(), |_| {});
        let _ = split(&bytes, 3).count();
    }

    #[test]
    fn csv_like_noise_gets_an_answer_and_splits_back_into_itself(bytes in csvish(), max in 1u32..5) {
        let answer = validate(&bytes, &known_for_noise(), |_| {});
        let parts: Vec<_> = split(&bytes, max).collect();
        if let Some(first) = parts.first() {
            let mut joined = first.header.to_vec();
            for part in &parts {
                prop_assert_eq!(part.header, first.header);
                prop_assert!(part.row_count <= max);
                joined.extend_from_slice(part.rows);
            }
            prop_assert_eq!(joined, bytes.clone());
            if let Ok(review) = answer {
                prop_assert_eq!(parts.iter().map(|p| p.row_count).sum::<u32>(), review.summary().rows);
            }
        }
    }

    #[test]
    fn a_generated_file_reads_back_as_the_changes_it_was_made_of(
        accounts in accounts(),
        crlf in any::<bool>(),
        bom in any::<bool>(),
        quote_all in any::<bool>(),
        blank_lines_at_end in 0usize..3,
    ) {
        let end = if crlf { "\r\n" } else { "\n" };
        let mut text = String::new();
        if bom {
            text.push('\u{feff}');
        }
        text.push_str(template_header());
        text.push_str(end);
        for account in &accounts {
            let email = account.new.as_deref().unwrap_or("");
            let (id, email) = if quote_all { (quoted(&account.id), quoted(email)) } else { (account.id.clone(), email.to_owned()) };
            text.push_str(&format!("{id},{},First,\"Last, Jr.\",{email},✔{end}", quoted(&account.name)));
        }
        text.push_str(&end.repeat(blank_lines_at_end));

        let known: KnownAccounts = accounts.iter().map(|a| (a.id.as_str(), a.current.as_deref())).collect();
        let review = validate(text.as_bytes(), &known, |_| {}).unwrap();
        let expected: Vec<(String, Option<String>, String)> = accounts
            .iter()
            .filter_map(|a| match &a.new {
                Some(new) if a.current.as_ref() != Some(new) => Some((a.id.clone(), a.current.clone(), new.clone())),
                _ => None,
            })
            .collect();
        let got: Vec<(String, Option<String>, String)> = review
            .change_views(&known, 0..usize::MAX)
            .into_iter()
            .map(|c| (c.account_id, c.old_email, c.new_email))
            .collect();
        prop_assert!(review.is_clean(), "{:?}", review.problem_views(0..10));
        prop_assert_eq!(review.summary().rows as usize, accounts.len());
        prop_assert_eq!(review.summary().unchanged as usize, accounts.len() - expected.len());
        prop_assert_eq!(got, expected);
    }

    #[test]
    fn the_template_reads_back_as_every_account_and_no_change(
        rows in prop::collection::vec(("[A-Za-z0-9]{1,16}", name(), name(), name(), any::<bool>(), prop::option::of(email())), 0..50)
    ) {
        let mut seen = HashSet::new();
        let rows: Vec<_> = rows.into_iter().filter(|r| seen.insert(r.0.clone())).collect();
        let ids: Vec<String> = rows.iter().map(|r| format!("acct_{}", r.0)).collect();
        let template = template_csv(rows.iter().zip(&ids).map(|(r, id)| AccountRow {
            id,
            business_name: &r.1,
            first_name: &r.2,
            last_name: &r.3,
            claimed: r.4,
        }));
        let known: KnownAccounts = rows.iter().zip(&ids).map(|(r, id)| (id.as_str(), r.5.as_deref())).collect();
        match validate(&template, &known, |_| {}) {
            Ok(review) => {
                prop_assert_eq!(review.summary().rows as usize, rows.len());
                prop_assert_eq!(review.summary().unchanged as usize, rows.len());
                prop_assert!(review.is_clean());
                prop_assert!(review.changes().is_empty());
            }
            Err(problem) => {
                prop_assert!(rows.is_empty());
                prop_assert_eq!(problem, account_emails::FileProblem::NoRows);
            }
        }
    }

    #[test]
    fn generated_emails_pass_the_email_rule(email in email()) {
        prop_assert_eq!(check_email(&email), Ok(()));
    }

    #[test]
    fn the_email_rule_never_takes_a_space_a_second_at_or_no_dot_after_the_at(s in "[a-z@. ]{0,20}") {
        if check_email(&s).is_ok() {
            prop_assert!(!s.contains(' '));
            prop_assert_eq!(s.matches('@').count(), 1);
            prop_assert!(s.split_once('@').unwrap().1.contains('.'));
        }
    }
}
