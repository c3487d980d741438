//! Is the upload UTF-8 text? Checked once over the whole file before parsing, so that a bad
//! byte refuses the file instead of surfacing as a garbled value in some row. `str::from_utf8`
//! reads ASCII a machine word at a time: some 10 ms for 40 MB, next to the parse itself.

use crate::csv_write::UTF8_BOM;
use crate::file_problem::FileProblem;

/// Where the CSV text starts in `bytes` (after a UTF-8 byte order mark, if any), or why the
/// file is not UTF-8 text.
pub(crate) fn text_start(bytes: &[u8]) -> Result<usize, FileProblem> {
    // Zip (.xlsx) and OLE compound files (.xls) announce themselves.
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        return Err(FileProblem::Workbook);
    }
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(FileProblem::Utf16);
    }
    if let Err(err) = std::str::from_utf8(bytes) {
        let at = err.valid_up_to();
        let line = 1 + bytes[..at].iter().filter(|&&b| b == b'\n').count();
        return Err(FileProblem::NotUtf8 { line: saturate(line), byte: at as u64 });
    }
    Ok(if bytes.starts_with(UTF8_BOM) { UTF8_BOM.len() } else { 0 })
}

pub(crate) fn saturate(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skips_a_byte_order_mark() {
        assert_eq!(text_start(b"\xEF\xBB\xBFAccount ID"), Ok(3));
        assert_eq!(text_start(b"Account ID"), Ok(0));
        assert_eq!(text_start(b""), Ok(0));
    }

    #[test]
    fn names_the_line_of_the_first_bad_byte() {
        assert_eq!(text_start(b"a\nb\r\nc\xE9d\n"), Err(FileProblem::NotUtf8 { line: 3, byte: 6 }));
        // A character cut short at the end.
        assert_eq!(text_start(b"ok\xE2\x9C"), Err(FileProblem::NotUtf8 { line: 1, byte: 2 }));
    }

    #[test]
    fn recognises_workbooks_and_utf16() {
        assert_eq!(text_start(b"PK\x03\x04\x14\x00"), Err(FileProblem::Workbook));
        assert_eq!(text_start(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00"), Err(FileProblem::Workbook));
        assert_eq!(text_start(b"\xFF\xFEA\x00"), Err(FileProblem::Utf16));
    }
}
