//! The upload's records, read by the `csv` crate (RFC 4180: quoted fields with commas, line
//! breaks and doubled quotes; CRLF, LF or CR line ends, mixed; blank lines skipped) into one
//! reused `ByteRecord`, so that no field costs an allocation. Shared by the validator and the
//! splitter so that both count rows the same way.
//!
//! What `csv` does not say, this module works out from the bytes around each record: where the
//! record really starts (csv's position is where the previous read stopped, before the rest of a
//! CRLF and any blank lines), its spreadsheet row number, and whether a quote was left open.

use csv::ByteRecord;

use crate::encoding::saturate;

/// A lending iterator over the records of CSV text (after any byte order mark).
pub(crate) struct Records<'a> {
    text: &'a [u8],
    reader: csv::Reader<&'a [u8]>,
    /// The record last read.
    pub(crate) record: ByteRecord,
    /// Its row as a spreadsheet numbers it: the header's row is 1 (after any blank lines above
    /// it), a blank line is a row, and a quoted line break does not start one.
    pub(crate) row: u32,
    /// Where it starts in the text.
    pub(crate) start: usize,
    records: u32,
}

impl<'a> Records<'a> {
    pub(crate) fn new(text: &'a [u8]) -> Self {
        let reader = csv::ReaderBuilder::new()
            .has_headers(false)
            // Rows with more or fewer fields than the header are the validator's to report.
            .flexible(true)
            .delimiter(delimiter(text))
            // csv copies the text through this buffer: large for large files, small for small ones.
            .buffer_capacity(text.len().clamp(1 << 10, 1 << 16))
            .from_reader(text);
        Self { text, reader, record: ByteRecord::new(), row: 0, start: 0, records: 0 }
    }

    /// Reads the next record; `false` at the end.
    pub(crate) fn advance(&mut self) -> bool {
        // Reading from memory has no I/O errors, and flexible(true) turns off the only other.
        let more = self.reader.read_byte_record(&mut self.record).expect("reading CSV from memory cannot fail");
        if !more {
            return false;
        }
        let text = self.text;
        let stopped = self.record.position().map_or(0, |p| p.byte() as usize);
        self.start = stopped + text[stopped..].iter().take_while(|&&b| is_line_end(b)).count();
        // A record never starts or ends with a line-end byte (csv skips blank lines, and a
        // quoted field ends with its quote), so the run around `stopped` is exactly the previous
        // record's line end and the blank lines after it.
        let previous_end = stopped - text[..stopped].iter().rev().take_while(|&&b| is_line_end(b)).count();
        let breaks = saturate(line_breaks(&text[previous_end..self.start]));
        self.row = if self.records == 0 { 1u32.saturating_add(breaks) } else { self.row.saturating_add(breaks) };
        self.records = self.records.saturating_add(1);
        true
    }

    /// Where the reader stands: just past the record last read (or inside its line end).
    pub(crate) fn end(&self) -> usize {
        self.reader.position().byte() as usize
    }

    /// Whether the record last read is the last one and ends inside an open quote (csv then
    /// reads the rest of the file as its last field, silently).
    pub(crate) fn last_is_unclosed(&self) -> bool {
        self.end() >= self.text.len() && ends_inside_quotes(&self.text[self.start..], delimiter(self.text))
    }
}

fn is_line_end(b: u8) -> bool {
    b == b'\r' || b == b'\n'
}

/// Line breaks in a run of CR and LF bytes: CRLF, CR and LF each count once.
fn line_breaks(run: &[u8]) -> usize {
    run.iter().enumerate().filter(|&(i, &b)| b == b'\n' || run.get(i + 1) != Some(&b'\n')).count()
}

/// Excel writes semicolons where the decimal separator is a comma (German Excel's "CSV"): a
/// header line with semicolons and no comma is read with semicolons.
fn delimiter(text: &[u8]) -> u8 {
    let first_line = text.split(|&b| is_line_end(b)).next().unwrap_or_default();
    if !first_line.contains(&b',') && first_line.contains(&b';') { b';' } else { b',' }
}

/// Runs csv's quoting rules (RFC 4180 with csv's leniency: a quote inside an unquoted field is
/// a character, text after a closing quote is kept) over one record to its end.
fn ends_inside_quotes(record: &[u8], delimiter: u8) -> bool {
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        FieldStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
    }
    let mut state = State::FieldStart;
    for &b in record {
        state = match (state, b) {
            (State::FieldStart, b'"') => State::Quoted,
            (State::Quoted, b'"') => State::QuoteInQuoted,
            (State::Quoted, _) => State::Quoted,
            (State::QuoteInQuoted, b'"') => State::Quoted,
            (_, b) if b == delimiter || is_line_end(b) => State::FieldStart,
            _ => State::Unquoted,
        };
    }
    state == State::Quoted
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (row, start, fields) of every record.
    fn read(text: &str) -> Vec<(u32, usize, Vec<String>)> {
        let mut records = Records::new(text.as_bytes());
        let mut out = Vec::new();
        while records.advance() {
            let fields = records.record.iter().map(|f| String::from_utf8(f.to_vec()).unwrap()).collect();
            out.push((records.row, records.start, fields));
        }
        out
    }

    fn v(fields: &[&str]) -> Vec<String> {
        fields.iter().map(|f| f.to_string()).collect()
    }

    #[test]
    fn quoted_fields_hold_commas_line_breaks_and_doubled_quotes() {
        let text = "a,b\n\"x, y\",\"two\r\nlines\"\n\"say \"\"hi\"\"\",\"\"\n";
        assert_eq!(
            read(text),
            vec![(1, 0, v(&["a", "b"])), (2, 4, v(&["x, y", "two\r\nlines"])), (3, 24, v(&["say \"hi\"", ""])),]
        );
    }

    #[test]
    fn rows_count_blank_lines_with_any_line_end() {
        let text = "\r\nh\r\na\r\n\r\n\nb\rc\n\n";
        let rows: Vec<(u32, usize)> = read(text).into_iter().map(|(row, start, _)| (row, start)).collect();
        assert_eq!(rows, vec![(2, 2), (3, 5), (6, 11), (7, 13)]);
        assert_eq!(&text[11..12], "b");
    }

    #[test]
    fn a_trailing_line_end_or_none_makes_no_row() {
        assert_eq!(read("h\na\n").len(), 2);
        assert_eq!(read("h\na").len(), 2);
        assert_eq!(read("h\r\na\r\n\r\n").len(), 2);
    }

    #[test]
    fn semicolons_when_the_header_has_no_comma() {
        assert_eq!(read("a;b\n1;2\n")[1].2, v(&["1", "2"]));
        assert_eq!(read("a,b;c\n1;2\n")[1].2, v(&["1;2"]));
    }

    #[test]
    fn finds_a_quote_left_open_to_the_end() {
        assert!(ends_inside_quotes(b"acct_1,\"Acme\n", b','));
        assert!(ends_inside_quotes(b"\"a\"\"", b','));
        assert!(!ends_inside_quotes(b"acct_1,\"Acme\"\n", b','));
        assert!(!ends_inside_quotes(b"acct_1,5\" screen,x", b','));
        assert!(!ends_inside_quotes(b"\"a\"\"b\",c", b','));
        assert!(!ends_inside_quotes(b"\"a\"b\"", b','));

        let mut records = Records::new(b"h,i\n1,\"open\n2,x\n");
        assert!(records.advance());
        assert!(!records.last_is_unclosed());
        assert!(records.advance());
        assert!(records.last_is_unclosed());
        assert!(!records.advance());
    }
}
