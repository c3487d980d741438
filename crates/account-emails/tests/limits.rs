//! The 500,000-row limit, and the splitter that gets a larger file under it.

use account_emails::{FileProblem, KnownAccounts, MAX_ROWS, Review, split, template_header, validate};

fn id(i: u32) -> String {
    format!("acct_{i:08}")
}

fn known(n: u32) -> KnownAccounts {
    let ids: Vec<String> = (0..n).map(id).collect();
    ids.iter().map(|id| (id.as_str(), None)).collect()
}

/// A template-shaped file of `n` rows, every one setting an email; CRLF line ends, a byte order
/// mark, and a few rows with quoted line breaks, so that the splitter must cut at rows, not lines.
fn file(n: u32) -> Vec<u8> {
    let mut out = format!("\u{feff}{}\r\n", template_header()).into_bytes();
    for i in 0..n {
        let name = if i % 1000 == 7 { format!("\"Shop\r\n{i}, Ltd\"") } else { format!("Shop {i}") };
        out.extend_from_slice(format!("{},{name},,,e{i}@example.com,✗\r\n", id(i)).as_bytes());
    }
    out
}

/// (account, new email) of every change.
fn updates(review: &Review, known: &KnownAccounts) -> Vec<(String, String)> {
    review.updates(known).map(|u| (u.account_id.into_owned(), u.email.into_owned())).collect()
}

#[test]
fn five_hundred_thousand_rows_are_taken_one_more_is_refused_and_split() {
    let known = known(MAX_ROWS + 1);

    let review = validate(&file(MAX_ROWS), &known, |_| {}).unwrap();
    assert_eq!(review.summary().rows, MAX_ROWS);
    assert_eq!(review.summary().new_emails, MAX_ROWS);
    assert!(review.is_clean());

    let too_many = file(MAX_ROWS + 1);
    let refusal = validate(&too_many, &known, |_| {}).unwrap_err();
    assert_eq!(refusal, FileProblem::TooManyRows { rows: MAX_ROWS + 1, max: MAX_ROWS });
    assert!(refusal.english().contains("500001 rows"));

    let parts: Vec<_> = split(&too_many, MAX_ROWS).collect();
    assert_eq!(parts.iter().map(|p| p.row_count).collect::<Vec<_>>(), vec![MAX_ROWS, 1]);
    let mut from_parts = Vec::new();
    for part in &parts {
        let review = validate(&part.to_vec(), &known, |_| {}).unwrap();
        assert!(review.is_clean());
        from_parts.extend(updates(&review, &known));
    }
    let expected: Vec<(String, String)> = (0..=MAX_ROWS).map(|i| (id(i), format!("e{i}@example.com"))).collect();
    assert_eq!(from_parts, expected);
}

#[test]
fn parts_have_the_header_and_the_original_rows_byte_for_byte() {
    let original = file(3_500);
    let parts: Vec<_> = split(&original, 1_000).collect();
    assert_eq!(parts.iter().map(|p| p.row_count).collect::<Vec<_>>(), vec![1_000, 1_000, 1_000, 500]);
    let header = format!("\u{feff}{}\r\n", template_header()).into_bytes();
    assert!(parts.iter().all(|p| p.header == header.as_slice()));
    // The header and the parts' rows, put back together, are the original.
    let mut joined = header.clone();
    for part in &parts {
        joined.extend_from_slice(part.rows);
    }
    assert_eq!(joined, original);
    // And every part validates to its share of the changes, in order.
    let known = known(3_500);
    let whole = updates(&validate(&file(3_500), &known, |_| {}).unwrap(), &known);
    let mut from_parts = Vec::new();
    for part in &parts {
        let bytes = part.to_vec();
        assert_eq!(bytes.len(), part.len());
        from_parts.extend(updates(&validate(&bytes, &known, |_| {}).unwrap(), &known));
    }
    assert_eq!(from_parts, whole);
}

#[test]
fn split_edge_cases() {
    // A file under the limit is one part, itself.
    let small = file(3);
    let parts: Vec<_> = split(&small, MAX_ROWS).collect();
    assert_eq!(parts.len(), 1);
    assert_eq!(parts[0].to_vec(), small);
    // A header alone is one part with no rows; nothing at all is no part.
    let header = format!("{}\n", template_header());
    let parts: Vec<_> = split(header.as_bytes(), 10).collect();
    assert_eq!((parts.len(), parts[0].row_count, parts[0].is_empty()), (1, 0, true));
    assert_eq!(split(b"", 10).count(), 0);
    // Blank lines and a missing final line end stay where they were; 0 is taken as 1.
    let text = "h\n\na\n\n\nb\nc";
    let parts: Vec<Vec<u8>> = split(text.as_bytes(), 0).map(|p| p.to_vec()).collect();
    assert_eq!(parts, vec![b"h\n\na\n\n\n".to_vec(), b"h\n\nb\n".to_vec(), b"h\n\nc".to_vec()]);
}
