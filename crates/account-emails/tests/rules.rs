//! The upload's rules, one test each, through the public API as the worker calls it.

use account_emails::{
    ChangeView, Column, EmailFault, FileProblem, HeaderProblem, KnownAccounts, MAX_ROWS, PROBLEMS_HEADER,
    PROGRESS_EVERY_ROWS, ProblemKind, ProblemView, Progress, Review, Summary, problems_csv, template_header, validate,
};

fn known() -> KnownAccounts {
    [
        ("acct_123abc", None),
        ("acct_456def", Some("old-b@example.com")),
        ("acct_789ghi", Some("Jane@Example.com")),
        ("acct_1MqDeF2eZvKYlo2C", None),
    ]
    .into_iter()
    .collect()
}

/// The template's header and these rows, LF-terminated.
fn file(rows: &[&str]) -> String {
    let mut text = format!("{}\n", template_header());
    for row in rows {
        text.push_str(row);
        text.push('\n');
    }
    text
}

fn review(text: &str) -> Review {
    validate(text.as_bytes(), &known(), |_| {}).unwrap_or_else(|p| panic!("refused: {p:?}"))
}

fn refusal(bytes: &[u8]) -> FileProblem {
    validate(bytes, &known(), |_| {}).expect_err("accepted")
}

fn changes(review: &Review) -> Vec<(u32, String, Option<String>, String)> {
    review
        .change_views(&known(), 0..usize::MAX)
        .into_iter()
        .map(|c| (c.row, c.account_id, c.old_email, c.new_email))
        .collect()
}

fn change(row: u32, account: &str, old: Option<&str>, new: &str) -> (u32, String, Option<String>, String) {
    (row, account.into(), old.map(Into::into), new.into())
}

/// (row, kind, value) of every problem.
fn problems(review: &Review) -> Vec<(u32, ProblemKind, String)> {
    review.problems().iter().map(|p| (p.row, p.kind, review.problem_value(p).to_owned())).collect()
}

fn problem(row: u32, kind: ProblemKind, value: &str) -> (u32, ProblemKind, String) {
    (row, kind, value.into())
}

// Headers.

#[test]
fn the_seeds_filled_in_example() {
    let review = review(&file(&[
        "acct_123abc,Connected Account A,John,Doe,email-a@email.com,✔",
        "acct_456def,Connected Account B,,,email-b@email.com,✗",
    ]));
    assert_eq!(review.summary(), Summary { rows: 2, new_emails: 1, replaced: 1, unchanged: 0, errors: 0, ignored: 0 });
    assert_eq!(
        changes(&review),
        vec![
            change(2, "acct_123abc", None, "email-a@email.com"),
            change(3, "acct_456def", Some("old-b@example.com"), "email-b@email.com"),
        ]
    );
    assert!(review.is_clean());
}

#[test]
fn a_misspelled_email_header_is_named_with_the_expected_spelling() {
    let text =
        file(&["acct_123abc,A,,,a@example.com,✔"]).replace("Email Address (please add or replace)", "Email Adress");
    assert_eq!(
        refusal(text.as_bytes()),
        FileProblem::Headers {
            problems: vec![HeaderProblem::Misspelled {
                expected: Column::Email,
                found: "Email Adress".into(),
                column: 5
            }]
        }
    );
    assert!(refusal(text.as_bytes()).english().contains("spell it \"Email Address (please add or replace)\""));
}

#[test]
fn a_missing_or_misspelled_account_id_header() {
    let text = file(&["acct_123abc,A,,,a@example.com,✔"]).replace("Account ID", "Account Id");
    assert_eq!(
        refusal(text.as_bytes()),
        FileProblem::Headers {
            problems: vec![HeaderProblem::Misspelled {
                expected: Column::AccountId,
                found: "Account Id".into(),
                column: 1
            }]
        }
    );
    let text = "Business Name,Email Address (please add or replace)\nA,a@example.com\n";
    assert_eq!(
        refusal(text.as_bytes()),
        FileProblem::Headers { problems: vec![HeaderProblem::Missing { expected: Column::AccountId }] }
    );
}

#[test]
fn both_required_headers_missing_and_a_duplicate() {
    assert_eq!(
        refusal(b"Name,Phone\nx,y\n"),
        FileProblem::Headers {
            problems: vec![
                HeaderProblem::Missing { expected: Column::AccountId },
                HeaderProblem::Missing { expected: Column::Email },
            ]
        }
    );
    assert_eq!(
        refusal(b"Account ID,Account ID,Email Address (please add or replace)\nacct_123abc,acct_123abc,\n"),
        FileProblem::Headers {
            problems: vec![HeaderProblem::Duplicate { expected: Column::AccountId, columns: vec![1, 2] }]
        }
    );
}

#[test]
fn only_the_two_columns_matter_in_any_order() {
    let text = "Notes,Email Address (please add or replace),Account ID\nhello,a@example.com,acct_123abc\n";
    assert_eq!(changes(&review(text)), vec![change(2, "acct_123abc", None, "a@example.com")]);
}

// Quoting, line ends, encoding.

#[test]
fn quoted_fields_with_commas_line_breaks_and_doubled_quotes() {
    let review = review(&file(&[
        "acct_123abc,\"Acme, Inc.\",\"John\r\nJr.\",\"Doe \"\"JD\"\"\",\"a@example.com\",✔",
        "acct_456def,\"Two\nlines\nhere\",,,b@example.com,✗",
        "acct_789ghi,\"\"\"Quoted\"\"\",,,\"c@example.com\",✗",
    ]));
    assert!(review.is_clean(), "{:?}", problems(&review));
    assert_eq!(
        changes(&review),
        vec![
            change(2, "acct_123abc", None, "a@example.com"),
            change(3, "acct_456def", Some("old-b@example.com"), "b@example.com"),
            change(4, "acct_789ghi", Some("Jane@Example.com"), "c@example.com"),
        ]
    );
}

#[test]
fn an_unquoted_comma_is_a_field_count_problem() {
    let review = review(&file(&["acct_123abc,Acme, Inc.,John,Doe,a@example.com,✔"]));
    assert_eq!(problems(&review), vec![problem(2, ProblemKind::FieldCount { expected: 6, found: 7 }, "")]);
    assert_eq!(review.summary().errors, 1);
    assert!(review.changes().is_empty());
}

#[test]
fn crlf_lf_and_cr_line_ends_mixed() {
    let rows =
        ["acct_123abc,A,,,a@example.com,✔", "acct_456def,B,,,b@example.com,✗", "acct_789ghi,C,,,c@example.com,✗"];
    let lf = file(&rows);
    let crlf = lf.replace('\n', "\r\n");
    let mixed = format!("{}\r\n{}\n{}\r{}\r\n", template_header(), rows[0], rows[1], rows[2]);
    let expected = changes(&review(&lf));
    assert_eq!(expected.len(), 3);
    assert_eq!(changes(&review(&crlf)), expected);
    assert_eq!(changes(&review(&mixed)), expected);
}

#[test]
fn a_byte_order_mark_is_skipped() {
    let text = format!("\u{feff}{}", file(&["acct_123abc,A,,,a@example.com,✔"]));
    assert_eq!(changes(&review(&text)), vec![change(2, "acct_123abc", None, "a@example.com")]);
}

#[test]
fn invalid_utf8_refuses_the_file_naming_the_line() {
    let mut bytes = file(&["acct_123abc,A,,,a@example.com,✔", "acct_456def,Caf"]).into_bytes();
    bytes.pop();
    bytes.extend_from_slice(b"\xE9,,,b@example.com,\xE2\x9C\x97\n");
    let bad = bytes.iter().position(|&b| b == 0xE9).unwrap() as u64;
    assert_eq!(refusal(&bytes), FileProblem::NotUtf8 { line: 3, byte: bad });
    assert_eq!(refusal(b"PK\x03\x04\x14\x00\x06\x00"), FileProblem::Workbook);
    assert_eq!(refusal(b"\xFF\xFEA\x00c\x00"), FileProblem::Utf16);
}

#[test]
fn trailing_empty_lines_are_no_rows() {
    for tail in ["", "\n", "\r\n", "\n\n\n", "\r\n\r\n"] {
        let text = format!("{}\nacct_123abc,A,,,a@example.com,✔{tail}", template_header());
        let review = review(&text);
        assert_eq!(review.summary().rows, 1, "{tail:?}");
        assert!(review.is_clean());
    }
}

#[test]
fn an_empty_file_a_header_alone_and_an_unclosed_quote() {
    assert_eq!(refusal(b""), FileProblem::Empty);
    assert_eq!(refusal(b"\xEF\xBB\xBF"), FileProblem::Empty);
    assert_eq!(refusal(b"\n\r\n\n"), FileProblem::Empty);
    assert_eq!(refusal(file(&[]).as_bytes()), FileProblem::NoRows);
    assert_eq!(refusal(file(&["", ""]).as_bytes()), FileProblem::NoRows);
    let text = file(&["acct_123abc,A,,,a@example.com,✔", "acct_456def,\"Open,,,b@example.com,✗", "acct_789ghi,C,,,,✗"]);
    assert_eq!(refusal(text.as_bytes()), FileProblem::UnclosedQuote { row: 3 });
    let text = format!("\"{}\n", template_header());
    assert_eq!(refusal(text.as_bytes()), FileProblem::UnclosedQuote { row: 1 });
}

#[test]
fn semicolon_separated_files_from_excel() {
    let text = file(&["acct_123abc;Acme, Inc.;John;Doe;a@example.com;✔"]).replacen(',', ";", 5);
    assert_eq!(changes(&review(&text)), vec![change(2, "acct_123abc", None, "a@example.com")]);
}

// Rows.

#[test]
fn an_empty_email_is_no_change() {
    let review = review(&file(&["acct_123abc,A,John,Doe,,✔", "acct_456def,B,,,   ,✗"]));
    assert_eq!(review.summary(), Summary { rows: 2, unchanged: 2, ..Summary::default() });
    assert!(review.changes().is_empty());
}

#[test]
fn the_email_an_account_has_already_is_unchanged() {
    // The domain is case-insensitive; the local part is not.
    let review = review(&file(&["acct_456def,B,,,old-b@EXAMPLE.com,✗", "acct_789ghi,C,,,jane@example.com,✗"]));
    assert_eq!(review.summary().unchanged, 1);
    assert_eq!(changes(&review), vec![change(3, "acct_789ghi", Some("Jane@Example.com"), "jane@example.com")]);
}

#[test]
fn every_later_row_of_an_account_is_a_duplicate() {
    let review = review(&file(&[
        "acct_123abc,A,,,first@example.com,✔",
        "acct_456def,B,,,b@example.com,✗",
        "acct_123abc,A,,,second@example.com,✔",
        "acct_123abc,A,,,,✔",
    ]));
    let duplicate = ProblemKind::AccountDuplicate { first_row: 2 };
    assert_eq!(problems(&review), vec![problem(4, duplicate, "acct_123abc"), problem(5, duplicate, "acct_123abc")]);
    assert_eq!(changes(&review)[0], change(2, "acct_123abc", None, "first@example.com"));
    assert_eq!(review.summary(), Summary { rows: 4, new_emails: 1, replaced: 1, errors: 2, ..Summary::default() });
}

#[test]
fn unknown_malformed_and_missing_account_ids() {
    let review = review(&file(&[
        "acct_000000,X,,,x@example.com,✔",
        "acct-123abc,X,,,x@example.com,✔",
        "cus_123abc,X,,,,✔",
        ",X,,,x@example.com,✔",
        ",Only a name,,,,",
        ",,,,,",
        " acct_123abc ,A,,, a@example.com ,✔",
    ]));
    assert_eq!(
        problems(&review),
        vec![
            problem(2, ProblemKind::AccountUnknown, "acct_000000"),
            problem(3, ProblemKind::AccountIdMalformed, "acct-123abc"),
            problem(4, ProblemKind::AccountIdMalformed, "cus_123abc"),
            problem(5, ProblemKind::AccountIdMissing, ""),
        ]
    );
    // Rows without an ID or an email are a spreadsheet's empty rows; values are trimmed.
    assert_eq!(review.summary(), Summary { rows: 7, new_emails: 1, errors: 4, ignored: 2, ..Summary::default() });
    assert_eq!(changes(&review), vec![change(8, "acct_123abc", None, "a@example.com")]);
}

#[test]
fn bad_emails_are_named_good_ones_pass() {
    let good = ["jane+stripe@example.com", "a.b-c_d@mail.eu.example.co.uk", "x@xn--bcher-kva.de"];
    let bad = [
        ("jane.example.com", EmailFault::MissingAt),
        ("jane@@example.com", EmailFault::ExtraAt),
        ("jane@localhost", EmailFault::Domain),
        ("jane doe@example.com", EmailFault::Whitespace),
        ("jäne@example.com", EmailFault::NotAscii),
        ("jane..doe@example.com", EmailFault::LocalPart),
    ];
    for email in good {
        let review = review(&file(&[&format!("acct_123abc,A,,,{email},✔")]));
        assert_eq!(changes(&review), vec![change(2, "acct_123abc", None, email)], "{email}");
    }
    for (email, fault) in bad {
        let review = review(&file(&[&format!("acct_123abc,A,,,\"{email}\",✔")]));
        assert_eq!(problems(&review), vec![problem(2, ProblemKind::EmailInvalid { fault }, email)], "{email}");
        assert!(review.changes().is_empty());
    }
}

#[test]
fn a_row_can_have_two_problems_and_counts_once() {
    let review = review(&file(&["acct_nope,A,,,not-an-email,✔"]));
    assert_eq!(
        problems(&review),
        vec![
            problem(2, ProblemKind::AccountUnknown, "acct_nope"),
            problem(2, ProblemKind::EmailInvalid { fault: EmailFault::MissingAt }, "not-an-email"),
        ]
    );
    assert_eq!(review.summary().errors, 1);
}

#[test]
fn rows_are_numbered_as_a_spreadsheet_numbers_them() {
    // Row 3 holds a quoted line break (still one row); a blank line is row 4.
    let text = file(&["acct_123abc,A,,,,✔", "acct_456def,\"B\nB\",,,,✗", "", "acct_nope,C,,,,✗"]);
    assert_eq!(problems(&review(&text)), vec![problem(5, ProblemKind::AccountUnknown, "acct_nope")]);
}

#[test]
fn long_values_are_kept_shortened() {
    let id = format!("acct_{}é", "x".repeat(300));
    let review = review(&file(&[&format!("{id},A,,,,✔")]));
    let value = review.problem_value(&review.problems()[0]);
    assert_eq!(value.len(), 256);
    assert!(id.starts_with(value));
}

// Progress.

#[test]
fn progress_every_n_rows_and_at_the_end() {
    let rows: Vec<String> = (0..25_000).map(|i| format!("acct_{i},,,,,")).collect();
    let text = file(&rows.iter().map(String::as_str).collect::<Vec<_>>());
    let mut seen = Vec::new();
    validate(text.as_bytes(), &known(), |p| seen.push(p)).unwrap();
    let total = text.len() as u64;
    assert_eq!(seen.iter().map(|p| p.rows).collect::<Vec<_>>(), vec![10_000, 20_000, 25_000]);
    assert!(seen.windows(2).all(|w| w[0].bytes < w[1].bytes));
    assert_eq!(seen[2], Progress { rows: 25_000, bytes: total, total_bytes: total });
    assert_eq!(PROGRESS_EVERY_ROWS, 10_000);
    assert_eq!(MAX_ROWS, 500_000);
}

// What crosses to the page, and the problems file.

#[test]
fn json_for_the_page() {
    let review = review(&file(&["acct_456def,B,,,b@example.com,✗", "acct_nope,C,,,,✗"]));
    assert_eq!(
        serde_json::to_value(review.summary()).unwrap(),
        serde_json::json!({"rows": 2, "newEmails": 0, "replaced": 1, "unchanged": 0, "errors": 1, "ignored": 0})
    );
    assert_eq!(
        serde_json::to_value(review.change_views(&known(), 0..100)).unwrap(),
        serde_json::json!([{"row": 2, "accountId": "acct_456def", "oldEmail": "old-b@example.com",
                            "newEmail": "b@example.com"}])
    );
    let views = review.problem_views(0..100);
    assert_eq!(
        serde_json::to_value(&views).unwrap(),
        serde_json::json!([{"row": 3, "column": "accountId", "problem": "account_unknown", "value": "acct_nope"}])
    );
    let back: Vec<ProblemView> = serde_json::from_value(serde_json::to_value(&views).unwrap()).unwrap();
    assert_eq!(back, views);
    let back: Vec<ChangeView> =
        serde_json::from_value(serde_json::to_value(review.change_views(&known(), 0..1)).unwrap()).unwrap();
    assert_eq!(back, review.change_views(&known(), 0..1));
    let accounts = known();
    let update = review.updates(&accounts).next().unwrap();
    assert_eq!(serde_json::to_string(&update).unwrap(), r#"{"accountId":"acct_456def","email":"b@example.com"}"#);
    // Pages past the end (or reversed, as a page might ask) are empty, not a panic.
    let (start, end) = (5, 3);
    assert!(review.change_views(&known(), start..end).is_empty());
    assert!(review.problem_views(7..100).is_empty());
}

#[test]
fn the_problems_csv_reads_back_through_the_parser() {
    let review = review(&file(&[
        "acct_nope,A,,,,✔",
        "acct_123abc,A,,,\"=cmd|' /C calc'!A0\",✔",
        "acct_456def,Acme, Inc.,,,b@example.com,✗",
        "\"acct,\"\"x\"\"\",A,,,,✔",
        "acct_123abc,A,,,,✔",
    ]));
    let csv = problems_csv(&review);
    assert!(csv.starts_with(b"\xEF\xBB\xBF"));
    let mut reader = csv::ReaderBuilder::new().has_headers(true).from_reader(&csv[3..]);
    assert_eq!(reader.headers().unwrap().iter().collect::<Vec<_>>().join(","), PROBLEMS_HEADER);
    let read: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(read.len(), review.problems().len());
    assert_eq!(read.len(), 5);
    for (record, problem) in read.iter().zip(review.problems()) {
        let value = review.problem_value(problem);
        let shown = if value.starts_with('=') { format!("'{value}") } else { value.to_owned() };
        assert_eq!(record[0].parse::<u32>().unwrap(), problem.row);
        assert_eq!(&record[1], problem.kind.column().map_or("", |c| c.header()));
        assert_eq!(&record[2], problem.kind.code());
        assert_eq!(record[3], shown);
        assert_eq!(record[4], problem.kind.english());
    }
    assert_eq!(&read[1][3], "'=cmd|' /C calc'!A0");
    assert_eq!(&read[3][3], "acct,\"x\"");
}
