//! Text boxes: a one-line field and the multi-line note editor. Text is kept in
//! NFC as it is typed, so Telex/VNI input that sends decomposed characters
//! behaves like composed input; the cursor counts characters.

use crate::domain::text::nfc;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineEdit {
    pub text: String,
    /// In characters from the start.
    pub cursor: usize,
    /// The whole text is selected: what is typed next replaces it, and a
    /// deletion clears it. A field that opens showing the current value is
    /// selected, so `p 6 0 Enter` sets 60% rather than appending to it.
    pub selected: bool,
}

impl LineEdit {
    pub fn new(text: &str) -> LineEdit {
        LineEdit {
            text: text.to_string(),
            cursor: text.chars().count(),
            selected: false,
        }
    }

    /// A field showing `text`, all of it selected.
    pub fn selected(text: &str) -> LineEdit {
        LineEdit {
            selected: !text.is_empty(),
            ..LineEdit::new(text)
        }
    }

    /// Drops the selected text, if any; true when there was some.
    fn take_selection(&mut self) -> bool {
        if !std::mem::take(&mut self.selected) {
            return false;
        }
        self.text.clear();
        self.cursor = 0;
        true
    }

    fn byte_at(&self, chars: usize) -> usize {
        self.text
            .char_indices()
            .nth(chars)
            .map_or(self.text.len(), |(i, _)| i)
    }

    pub fn insert(&mut self, text: &str) {
        self.take_selection();
        let at = self.byte_at(self.cursor);
        let before = nfc(&format!("{}{}", &self.text[..at], text));
        let after = &self.text[at..];
        self.cursor = before.chars().count();
        self.text = nfc(&format!("{before}{after}"));
    }

    pub fn delete_back(&mut self) {
        if self.take_selection() || self.cursor == 0 {
            return;
        }
        let start = self.byte_at(self.cursor - 1);
        let end = self.byte_at(self.cursor);
        self.text.replace_range(start..end, "");
        self.cursor -= 1;
    }

    pub fn delete_forward(&mut self) {
        if self.take_selection() {
            return;
        }
        let start = self.byte_at(self.cursor);
        let end = self.byte_at(self.cursor + 1);
        self.text.replace_range(start..end, "");
    }

    pub fn left(&mut self) {
        self.selected = false;
        self.cursor = self.cursor.saturating_sub(1);
    }

    pub fn right(&mut self) {
        self.selected = false;
        self.cursor = (self.cursor + 1).min(self.text.chars().count());
    }

    pub fn home(&mut self) {
        self.selected = false;
        self.cursor = 0;
    }

    pub fn end(&mut self) {
        self.selected = false;
        self.cursor = self.text.chars().count();
    }

    /// The text before the cursor, for placing the terminal cursor.
    pub fn before_cursor(&self) -> &str {
        &self.text[..self.byte_at(self.cursor)]
    }
}

/// The note editor: lines of text and a cursor line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextArea {
    pub lines: Vec<LineEdit>,
    pub row: usize,
}

impl Default for TextArea {
    fn default() -> Self {
        TextArea {
            lines: vec![LineEdit::default()],
            row: 0,
        }
    }
}

impl TextArea {
    pub fn current(&mut self) -> &mut LineEdit {
        if self.lines.is_empty() {
            self.lines.push(LineEdit::default());
        }
        self.row = self.row.min(self.lines.len() - 1);
        &mut self.lines[self.row]
    }

    /// Splits the current line at the cursor.
    pub fn newline(&mut self) {
        let line = self.current();
        let at = line.before_cursor().len();
        let rest = line.text.split_off(at);
        let row = self.row + 1;
        self.lines.insert(
            row,
            LineEdit {
                selected: false,
                text: rest,
                cursor: 0,
            },
        );
        self.row = row;
    }

    pub fn delete_back(&mut self) {
        if self.current().cursor > 0 {
            self.current().delete_back();
        } else if self.row > 0 {
            let line = self.lines.remove(self.row);
            self.row -= 1;
            let previous = self.current();
            let cursor = previous.text.chars().count();
            previous.text.push_str(&line.text);
            previous.cursor = cursor;
        }
    }

    pub fn up(&mut self) {
        if self.row > 0 {
            let cursor = self.current().cursor;
            self.row -= 1;
            let line = self.current();
            line.cursor = cursor.min(line.text.chars().count());
        }
    }

    pub fn down(&mut self) {
        if self.row + 1 < self.lines.len() {
            let cursor = self.current().cursor;
            self.row += 1;
            let line = self.current();
            line.cursor = cursor.min(line.text.chars().count());
        }
    }

    /// Inserts pasted or typed text, line breaks included.
    pub fn insert(&mut self, text: &str) {
        let normalized = text.replace("\r\n", "\n").replace('\r', "\n");
        for (i, part) in normalized.split('\n').enumerate() {
            if i > 0 {
                self.newline();
            }
            self.current().insert(part);
        }
    }

    /// The whole note, trailing empty lines dropped.
    pub fn text(&self) -> String {
        let lines: Vec<&str> = self.lines.iter().map(|l| l.text.as_str()).collect();
        lines.join("\n").trim_end().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decomposed_input_is_composed_as_typed() {
        let mut line = LineEdit::default();
        line.insert("ca");
        line.insert("\u{0309}");
        line.insert("i");
        assert_eq!(line.text, "cải");
        assert_eq!(line.cursor, 3);
        line.delete_back();
        assert_eq!(line.text, "cả");
    }

    #[test]
    fn a_selected_value_is_replaced_by_what_is_typed() {
        let mut line = LineEdit::selected("40");
        line.insert("6");
        line.insert("0");
        assert_eq!(line.text, "60");
        let mut line = LineEdit::selected("31/12/2026");
        line.delete_back();
        assert_eq!(line.text, "");
        let mut line = LineEdit::selected("40");
        line.left();
        line.insert("5");
        assert_eq!(line.text, "450", "a moved cursor keeps the text");
    }

    #[test]
    fn editing_in_the_middle() {
        let mut line = LineEdit::new("Hà Nội");
        line.home();
        line.right();
        line.right();
        line.insert(" Đông,");
        assert_eq!(line.text, "Hà Đông, Nội");
        line.end();
        line.delete_forward();
        assert_eq!(line.text, "Hà Đông, Nội");
    }

    #[test]
    fn the_editor_splits_and_joins_lines() {
        let mut area = TextArea::default();
        area.insert("dòng một\ndòng hai");
        assert_eq!(area.lines.len(), 2);
        area.current().home();
        area.delete_back();
        assert_eq!(area.text(), "dòng mộtdòng hai");
    }
}
