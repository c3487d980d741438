//! The "Download template" file, Emails.csv: one row per connected account, written row by row
//! so that the server can stream Stripe's accounts list (10,000+ accounts) into the response
//! without holding it.

use std::io::{self, Write};

use crate::csv_write::{CRLF, UTF8_BOM, write_field, write_text_field};

/// The name the download is offered under.
pub const TEMPLATE_FILE_NAME: &str = "Emails.csv";

/// Its MIME type (RFC 7111), with the charset Excel needs to hear about.
pub const TEMPLATE_CONTENT_TYPE: &str = "text/csv; charset=utf-8";

/// What the template says of one connected account. The email column stays empty, as in
/// Stripe's template: the operator fills in only the emails to add or replace.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct AccountRow<'a> {
    /// `acct_...`.
    pub id: &'a str,
    /// The account's business name, if it has one.
    pub business_name: &'a str,
    /// The account representative's first name, if known.
    pub first_name: &'a str,
    /// The account representative's last name, if known.
    pub last_name: &'a str,
    /// Whether the account's user has claimed the primary user email address (✔ / ✗).
    pub claimed: bool,
}

/// The template's header line, exactly as the seed spells it (no line end, no BOM).
///
/// ```
/// assert_eq!(
///     account_emails::template_header(),
///     "Account ID,Business Name,First Name,Last Name,Email Address (please add or replace),\
///      User has claimed primary user email address"
/// );
/// ```
pub fn template_header() -> &'static str {
    const HEADER: &str = "Account ID,Business Name,First Name,Last Name,Email Address (please add or replace),\
                          User has claimed primary user email address";
    HEADER
}

/// Starts the file: a UTF-8 byte order mark (so that Excel shows ✔ and ✗) and the header line.
pub fn write_template_header(out: &mut impl Write) -> io::Result<()> {
    out.write_all(UTF8_BOM)?;
    out.write_all(template_header().as_bytes())?;
    out.write_all(CRLF)
}

/// Writes one account's row, CRLF-terminated. The names come from connected accounts, so they
/// are written as text a spreadsheet will not run (see the crate's CSV-injection note).
pub fn write_template_row(out: &mut impl Write, row: &AccountRow<'_>) -> io::Result<()> {
    write_field(out, row.id)?;
    for name in [row.business_name, row.first_name, row.last_name] {
        out.write_all(b",")?;
        write_text_field(out, name)?;
    }
    // The email column: empty.
    out.write_all(b",,")?;
    out.write_all(if row.claimed { "✔".as_bytes() } else { "✗".as_bytes() })?;
    out.write_all(CRLF)
}

/// The whole template in memory, for small platforms and tests; the server streams instead.
pub fn template_csv<'a>(rows: impl IntoIterator<Item = AccountRow<'a>>) -> Vec<u8> {
    let mut out = Vec::new();
    // Writing into a Vec cannot fail.
    let _ = write_template_header(&mut out);
    for row in rows {
        let _ = write_template_row(&mut out, &row);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::columns::TEMPLATE_COLUMNS;

    #[test]
    fn the_header_is_the_columns_joined() {
        assert_eq!(template_header(), TEMPLATE_COLUMNS.join(","));
    }

    #[test]
    fn writes_the_seeds_example() {
        let csv = template_csv([
            AccountRow {
                id: "acct_123abc",
                business_name: "Connected Account A",
                first_name: "John",
                last_name: "Doe",
                claimed: true,
            },
            AccountRow { id: "acct_456def", business_name: "Connected Account B", ..AccountRow::default() },
        ]);
        let text = String::from_utf8(csv).unwrap();
        assert_eq!(
            text,
            format!(
                "\u{feff}{}\r\nacct_123abc,Connected Account A,John,Doe,,✔\r\nacct_456def,Connected Account B,,,,✗\r\n",
                template_header()
            )
        );
    }

    #[test]
    fn quotes_names_with_commas_and_defuses_formulas() {
        let mut out = Vec::new();
        let row = AccountRow { id: "acct_1", business_name: "Acme, \"Inc\"", first_name: "=cmd", ..Default::default() };
        write_template_row(&mut out, &row).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "acct_1,\"Acme, \"\"Inc\"\"\",'=cmd,,,✗\r\n");
    }
}
