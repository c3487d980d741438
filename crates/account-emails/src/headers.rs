//! The header row: where the two columns the upload is read by are, or what is wrong with it.
//! "Check that your CSV file's headers match the expected headers" (seed): the required columns
//! are found by their exact names, in any order, among any others. When one is missing, the
//! header that looks most like it is named as a misspelling, with the expected spelling.

use serde::{Deserialize, Serialize};

use crate::columns::{BUSINESS_NAME, CLAIMED, Column, FIRST_NAME, LAST_NAME};
use crate::encoding::saturate;

/// What is wrong with one required column of the header row.
///
/// ```
/// use account_emails::{Column, HeaderProblem};
/// let problem = HeaderProblem::Misspelled { expected: Column::Email, found: "Email Adress".into(), column: 5 };
/// assert_eq!(
///     serde_json::to_value(&problem).unwrap(),
///     serde_json::json!({"problem": "misspelled", "expected": "email", "found": "Email Adress", "column": 5})
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "problem", rename_all = "snake_case", rename_all_fields = "camelCase")]
pub enum HeaderProblem {
    /// No header is, or resembles, this column's.
    Missing {
        /// The column.
        expected: Column,
    },
    /// The header in this column looks like a misspelling of the expected one.
    Misspelled {
        /// The column meant.
        expected: Column,
        /// The header as the file spells it.
        found: String,
        /// Its column number, 1 for the first.
        column: u32,
    },
    /// This column's header heads more than one column.
    Duplicate {
        /// The column.
        expected: Column,
        /// Their column numbers, 1 for the first.
        columns: Vec<u32>,
    },
}

impl HeaderProblem {
    /// This crate's own words for the problem.
    pub fn english(&self) -> String {
        match self {
            Self::Missing { expected } => format!("The \"{}\" column is missing.", expected.header()),
            Self::Misspelled { expected, found, column } => {
                format!("Column {column} is headed \"{found}\": spell it \"{}\".", expected.header())
            }
            Self::Duplicate { expected, columns } => {
                let numbers: Vec<String> = columns.iter().map(u32::to_string).collect();
                format!("\"{}\" heads columns {}: keep one.", expected.header(), numbers.join(", "))
            }
        }
    }
}

/// Where the upload's columns are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Layout {
    pub(crate) account_id: usize,
    pub(crate) email: usize,
    /// The header's number of fields, which every row must have.
    pub(crate) fields: usize,
}

/// A misspelling is looked for among this many headers at most: a first line of a million
/// commas is not a header worth comparing a million times.
const MAX_HEADERS_COMPARED: usize = 1000;
/// And compared on this many of its letters and digits.
const MAX_COMPARED_LEN: usize = 64;
/// The longest `found` reported.
const MAX_FOUND_CHARS: usize = 100;

/// Finds the required columns in the header fields (trimmed: a space no one can see in a
/// spreadsheet is no misspelling).
pub(crate) fn locate<'h>(
    headers: impl ExactSizeIterator<Item = &'h [u8]> + Clone,
) -> Result<Layout, Vec<HeaderProblem>> {
    let fields = headers.len();
    let names = headers.map(|h| std::str::from_utf8(h).unwrap_or("").trim());
    let account_id = find(names.clone(), Column::AccountId);
    let email = find(names, Column::Email);
    match (account_id, email) {
        (Ok(account_id), Ok(email)) => Ok(Layout { account_id, email, fields }),
        (account_id, email) => Err([account_id.err(), email.err()].into_iter().flatten().collect()),
    }
}

fn find<'h>(names: impl Iterator<Item = &'h str> + Clone, column: Column) -> Result<usize, HeaderProblem> {
    let exact: Vec<usize> = names.clone().enumerate().filter(|&(_, n)| n == column.header()).map(|(i, _)| i).collect();
    match exact.as_slice() {
        [one] => return Ok(*one),
        [] => {}
        many => {
            let columns = many.iter().map(|&i| saturate(i + 1)).collect();
            return Err(HeaderProblem::Duplicate { expected: column, columns });
        }
    }
    let best = names
        .enumerate()
        .take(MAX_HEADERS_COMPARED)
        .filter_map(|(i, name)| likeness(name, column).map(|score| (score, i, name)))
        .min_by_key(|&(score, i, _)| (score, i));
    Err(match best {
        Some((_, i, name)) => HeaderProblem::Misspelled {
            expected: column,
            found: name.chars().take(MAX_FOUND_CHARS).collect(),
            column: saturate(i + 1),
        },
        None => HeaderProblem::Missing { expected: column },
    })
}

/// The shapes a header meant as `column` takes, lowercased, letters and digits only (German
/// ones too: the seed is German, and a translated template is a likely upload).
fn spellings(column: Column) -> &'static [&'static str] {
    match column {
        Column::AccountId => &["accountid", "acctid", "kontoid"],
        Column::Email => &["emailaddresspleaseaddorreplace", "emailaddress", "email", "emailadresse"],
    }
}

/// The headers that are some other column's (the other required one's or an ignored one's):
/// never a misspelling. "(✔ / ✗)" after the claimed header still spells the claimed header.
fn others(column: Column) -> [&'static str; 5] {
    let other = match column {
        Column::AccountId => Column::Email,
        Column::Email => Column::AccountId,
    };
    [other.header(), BUSINESS_NAME, FIRST_NAME, LAST_NAME, CLAIMED]
}

/// How much `name` looks like a misspelling of `column`'s header: `None` when it does not, else
/// a score, lower being closer. It does when its letters and digits contain one of the column's
/// spellings, or are a few edits away from one (a quarter of its letters).
fn likeness(name: &str, column: Column) -> Option<usize> {
    let name = letters(name);
    if name.is_empty() || others(column).iter().any(|other| letters(other) == name) {
        return None;
    }
    spellings(column)
        .iter()
        .filter_map(|spelling| {
            if spelling.len() >= 5 && name.contains(spelling) {
                return Some(0);
            }
            let distance = edit_distance(name.as_bytes(), spelling.as_bytes());
            (distance <= (spelling.len() / 4).max(1)).then_some(distance)
        })
        .min()
}

fn letters(name: &str) -> String {
    name.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_lowercase()).take(MAX_COMPARED_LEN).collect()
}

/// Levenshtein distance (insertions, deletions, substitutions), one row at a time.
fn edit_distance(a: &[u8], b: &[u8]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, &x) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &y) in b.iter().enumerate() {
            let next = (diagonal + usize::from(x != y)).min(row[j] + 1).min(row[j + 1] + 1);
            diagonal = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::columns::{ACCOUNT_ID, EMAIL, TEMPLATE_COLUMNS};

    fn locate_names(names: &[&str]) -> Result<Layout, Vec<HeaderProblem>> {
        locate(names.iter().map(|n| n.as_bytes()))
    }

    fn misspelled(expected: Column, found: &str, column: u32) -> HeaderProblem {
        HeaderProblem::Misspelled { expected, found: found.into(), column }
    }

    #[test]
    fn the_templates_header() {
        assert_eq!(locate_names(&TEMPLATE_COLUMNS), Ok(Layout { account_id: 0, email: 4, fields: 6 }));
    }

    #[test]
    fn only_the_two_required_columns_matter_in_any_order() {
        assert_eq!(locate_names(&[EMAIL, "Notes", ACCOUNT_ID]), Ok(Layout { account_id: 2, email: 0, fields: 3 }));
        assert_eq!(locate_names(&[ACCOUNT_ID, EMAIL]), Ok(Layout { account_id: 0, email: 1, fields: 2 }));
        // Spaces around a header, and the claimed column as the issue spells it.
        let claimed = "User has claimed primary user email address (✔ / ✗)";
        assert_eq!(locate_names(&[" Account ID ", EMAIL, claimed]), Ok(Layout { account_id: 0, email: 1, fields: 3 }));
    }

    #[test]
    fn a_near_miss_is_a_misspelling_with_the_expected_spelling() {
        let mut names = TEMPLATE_COLUMNS;
        names[4] = "Email Adress";
        assert_eq!(locate_names(&names), Err(vec![misspelled(Column::Email, "Email Adress", 5)]));
        let problem = misspelled(Column::Email, "Email Adress", 5);
        assert_eq!(
            problem.english(),
            "Column 5 is headed \"Email Adress\": spell it \"Email Address (please add or replace)\"."
        );

        for (name, column) in [
            ("Email Address", Column::Email),
            ("email address (please add or replace)", Column::Email),
            ("E-Mail", Column::Email),
            ("E-Mail-Adresse", Column::Email),
            ("Email Address (please add)", Column::Email),
            ("Account Id", Column::AccountId),
            ("AccountID", Column::AccountId),
            ("Acount ID", Column::AccountId),
            ("account_id", Column::AccountId),
            ("Stripe Account ID", Column::AccountId),
            ("Konto-ID", Column::AccountId),
        ] {
            let names: Vec<&str> =
                TEMPLATE_COLUMNS.iter().map(|&h| if h == column.header() { name } else { h }).collect();
            let at = TEMPLATE_COLUMNS.iter().position(|&h| h == column.header()).unwrap() as u32 + 1;
            assert_eq!(locate_names(&names), Err(vec![misspelled(column, name, at)]), "{name}");
        }
    }

    #[test]
    fn a_missing_column_is_named() {
        let names = [ACCOUNT_ID, BUSINESS_NAME, FIRST_NAME, LAST_NAME, CLAIMED];
        assert_eq!(locate_names(&names), Err(vec![HeaderProblem::Missing { expected: Column::Email }]));
        assert_eq!(
            locate_names(&["Name", "Phone"]),
            Err(vec![
                HeaderProblem::Missing { expected: Column::AccountId },
                HeaderProblem::Missing { expected: Column::Email },
            ])
        );
        // A row of data where the header should be.
        assert_eq!(locate_names(&["acct_123abc", "Connected Account A", "John", "Doe", "", "✔"]).unwrap_err().len(), 2);
        assert_eq!(
            locate_names(&[]),
            Err(vec![
                HeaderProblem::Missing { expected: Column::AccountId },
                HeaderProblem::Missing { expected: Column::Email },
            ])
        );
    }

    #[test]
    fn a_column_twice_is_ambiguous() {
        assert_eq!(
            locate_names(&[ACCOUNT_ID, EMAIL, "Notes", EMAIL]),
            Err(vec![HeaderProblem::Duplicate { expected: Column::Email, columns: vec![2, 4] }])
        );
    }

    #[test]
    fn the_closest_near_miss_wins() {
        assert_eq!(
            locate_names(&[ACCOUNT_ID, "Email", "Email Adress"]),
            Err(vec![misspelled(Column::Email, "Email", 2)])
        );
        assert_eq!(
            locate_names(&[ACCOUNT_ID, "Mail", "Email Adress"]),
            Err(vec![misspelled(Column::Email, "Email Adress", 3)])
        );
    }

    #[test]
    fn edit_distances() {
        assert_eq!(edit_distance(b"emailadress", b"emailaddress"), 1);
        assert_eq!(edit_distance(b"", b"abc"), 3);
        assert_eq!(edit_distance(b"kitten", b"sitting"), 3);
    }
}
