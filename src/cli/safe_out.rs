//! Everything a command prints passes here on its way to the terminal: any
//! character that could move the cursor, retitle the window or reorder text
//! (escapes, other controls, bidi overrides) becomes `�`, whatever field or
//! message it came from. Line breaks and tabs (the TSV separator) stay.

use std::io::{self, Write};

use crate::domain::text::sanitize_output;

/// A writer that passes on only text that is safe for a terminal.
pub struct TerminalSafe<W: Write>(pub W);

impl<W: Write> Write for TerminalSafe<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        // Formatted output arrives in whole `str` pieces; anything else is
        // shown with its bad bytes replaced rather than passed through.
        let text = String::from_utf8_lossy(buf);
        self.0.write_all(sanitize_output(&text).as_bytes())?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}

/// The standard output, buffered (a listing of thousands of lines is one
/// write) and made safe.
pub fn stdout() -> TerminalSafe<io::BufWriter<io::StdoutLock<'static>>> {
    TerminalSafe(io::BufWriter::new(io::stdout().lock()))
}

/// Prints one message to the standard error, made safe.
pub fn print_error(message: &str) {
    let mut err = TerminalSafe(io::stderr().lock());
    let _ = writeln!(err, "{message}");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_bidi_never_pass_but_lines_and_tabs_do() {
        let mut out = TerminalSafe(Vec::new());
        write!(out, "a\x1b]0;pwned\x07\tb\u{202E}c\n\u{9b}2J").unwrap();
        let shown = String::from_utf8(out.0).unwrap();
        assert_eq!(shown, "a\u{FFFD}]0;pwned\u{FFFD}\tb\u{FFFD}c\n\u{FFFD}2J");
    }

    #[test]
    fn bytes_that_are_not_text_are_replaced() {
        let mut out = TerminalSafe(Vec::new());
        out.write_all(b"ok\xff\xfe").unwrap();
        assert_eq!(String::from_utf8(out.0).unwrap(), "ok\u{FFFD}\u{FFFD}");
    }
}
