//! Splitting a file of more than 500,000 rows into files Comms Center takes: each part starts
//! with the original's header (and byte order mark, if any), and its rows are the original's
//! bytes, unchanged. Parts are slices of the input, not copies, until asked for
//! ([`Part::to_vec`]); the worker can make a download of the two slices without one.

use crate::records::Records;

/// One part of a split file: the header, then a run of the original's rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Part<'a> {
    /// The byte order mark (if any), header row and line end, as in the original.
    pub header: &'a [u8],
    /// The rows, with their line ends (and any blank lines between them), as in the original.
    pub rows: &'a [u8],
    /// How many data rows `rows` holds.
    pub row_count: u32,
}

impl Part<'_> {
    /// The part as one file.
    pub fn to_vec(&self) -> Vec<u8> {
        [self.header, self.rows].concat()
    }

    /// Its size in bytes.
    pub fn len(&self) -> usize {
        self.header.len() + self.rows.len()
    }

    /// A header without rows.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

/// Splits `bytes` into parts of at most `max_rows` data rows (at least 1) each, counting rows as
/// [`validate`](crate::validate) does (a quoted line break does not end a row). Any bytes may be
/// given: the splitter only looks for where rows end. A file without data rows is one part, the
/// header alone; a file without a header row is none.
///
/// ```
/// use account_emails::split;
/// let file = b"Account ID,Email Address (please add or replace)\r\nacct_1,a@x.com\r\nacct_2,\"b@x.com\"\r\nacct_3,\r\n";
/// let parts: Vec<Vec<u8>> = split(file, 2).map(|p| p.to_vec()).collect();
/// assert_eq!(parts[0], b"Account ID,Email Address (please add or replace)\r\nacct_1,a@x.com\r\nacct_2,\"b@x.com\"\r\n");
/// assert_eq!(parts[1], b"Account ID,Email Address (please add or replace)\r\nacct_3,\r\n");
/// ```
pub fn split(bytes: &[u8], max_rows: u32) -> Parts<'_> {
    // Only a byte order mark is skipped here; the encoding is the validator's business.
    let bom = if bytes.starts_with(crate::csv_write::UTF8_BOM) { 3 } else { 0 };
    let mut records = Records::new(&bytes[bom..]);
    let has_header = records.advance();
    // The header runs to the first data row's start, taking its line end (and any blank lines
    // after it) along: so the header and every part's rows, concatenated, are the original.
    let next_start = if records.advance() { Some(bom + records.start) } else { None };
    let header_end = next_start.unwrap_or(bytes.len());
    Parts {
        bytes,
        bom,
        records,
        header: &bytes[..header_end],
        next_start: if has_header { next_start.or(Some(header_end)) } else { None },
        max_rows: max_rows.max(1),
        pending_row: next_start.is_some(),
    }
}

/// The parts of a split file, in order.
pub struct Parts<'a> {
    bytes: &'a [u8],
    bom: usize,
    records: Records<'a>,
    header: &'a [u8],
    /// Where the next part's rows start; `None` when all parts are out.
    next_start: Option<usize>,
    max_rows: u32,
    /// The reader holds a row not yet given to a part.
    pending_row: bool,
}

impl<'a> Iterator for Parts<'a> {
    type Item = Part<'a>;

    fn next(&mut self) -> Option<Part<'a>> {
        let start = self.next_start.take()?;
        let mut row_count: u32 = 0;
        while self.pending_row && row_count < self.max_rows {
            row_count += 1;
            self.pending_row = self.records.advance();
        }
        let end = if self.pending_row { self.bom + self.records.start } else { self.bytes.len() };
        if self.pending_row {
            self.next_start = Some(end);
        }
        Some(Part { header: self.header, rows: &self.bytes[start..end], row_count })
    }
}
