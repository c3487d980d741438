//! Writing CSV fields (RFC 4180) for the files this crate hands to operators: the template and
//! the problems list. Hand-written rather than `csv::Writer` because rows are written one at a
//! time into the server's response stream, and the rule is four characters long.

use std::io::{self, Write};

/// Excel opens a CSV without a byte order mark in the machine's legacy code page, which turns
/// ✔ into "âœ”"; with it, Excel reads UTF-8. Our own reader skips it.
pub const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// RFC 4180's line end, which Excel writes too.
pub(crate) const CRLF: &[u8] = b"\r\n";

/// Writes `value` as one field: quoted, with quotes doubled, when it holds a comma, a quote or
/// a line break.
pub(crate) fn write_field(out: &mut impl Write, value: &str) -> io::Result<()> {
    if value.bytes().any(|b| matches!(b, b',' | b'"' | b'\r' | b'\n')) {
        out.write_all(b"\"")?;
        for (i, part) in value.split('"').enumerate() {
            if i > 0 {
                out.write_all(b"\"\"")?;
            }
            out.write_all(part.as_bytes())?;
        }
        out.write_all(b"\"")
    } else {
        out.write_all(value.as_bytes())
    }
}

/// Writes text that someone else chose (a connected account's business name, a value the
/// operator pasted) so that a spreadsheet shows it rather than running it: a leading `=`, `+`,
/// `-`, `@`, tab or carriage return makes Excel read a formula (CSV injection, OWASP), so such a
/// value gets a leading `'`, which spreadsheets display as text. Only columns the upload ignores,
/// or that are not read back, are written this way.
pub(crate) fn write_text_field(out: &mut impl Write, value: &str) -> io::Result<()> {
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        let mut guarded = String::with_capacity(value.len() + 1);
        guarded.push('\'');
        guarded.push_str(value);
        write_field(out, &guarded)
    } else {
        write_field(out, value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(value: &str) -> String {
        let mut out = Vec::new();
        write_field(&mut out, value).unwrap();
        String::from_utf8(out).unwrap()
    }

    fn text(value: &str) -> String {
        let mut out = Vec::new();
        write_text_field(&mut out, value).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn quotes_only_what_needs_quoting() {
        assert_eq!(field("Connected Account A"), "Connected Account A");
        assert_eq!(field(""), "");
        assert_eq!(field("Acme, Inc."), "\"Acme, Inc.\"");
        assert_eq!(field("The \"Best\" Shop"), "\"The \"\"Best\"\" Shop\"");
        assert_eq!(field("two\r\nlines"), "\"two\r\nlines\"");
        assert_eq!(field("\""), "\"\"\"\"");
    }

    #[test]
    fn formulas_are_written_as_text() {
        assert_eq!(text("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"");
        assert_eq!(text("+49 30 1234"), "'+49 30 1234");
        assert_eq!(text("@home"), "'@home");
        assert_eq!(text("-"), "'-");
        assert_eq!(text("Café Müller"), "Café Müller");
    }
}
