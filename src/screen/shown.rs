//! Text the model prepares for a view: lines of pieces, each with a tone the
//! view turns into a style. The model also measures how many rows they take
//! when wrapped, so it can stop a scroll where the text ends.

use ratatui::text::{Line, Text};
use ratatui::widgets::{Paragraph, Wrap};

use crate::domain::DeadlineClass;
use crate::domain::risk::Severity;

/// What a piece of text is, for the view to style it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Tone {
    Plain,
    Title,
    Label,
    /// A section's heading.
    Heading,
    Class(DeadlineClass),
    Severity(Severity),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Piece {
    Text(Tone, String),
    /// A progress bar `width` cells wide, `share` of it filled.
    Bar {
        share: f64,
        width: usize,
    },
}

/// One line as prepared: its pieces in order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ShownLine(pub Vec<Piece>);

impl ShownLine {
    pub fn blank() -> ShownLine {
        ShownLine::default()
    }

    pub fn plain(text: impl Into<String>) -> ShownLine {
        ShownLine::toned(Tone::Plain, text)
    }

    pub fn toned(tone: Tone, text: impl Into<String>) -> ShownLine {
        ShownLine(vec![Piece::Text(tone, text.into())])
    }

    /// `label: value`, the label in its own tone.
    pub fn field(label: &str, tone: Tone, value: impl Into<String>) -> ShownLine {
        ShownLine(vec![
            Piece::Text(Tone::Label, format!("{label}: ")),
            Piece::Text(tone, value.into()),
        ])
    }

    /// The characters the line is drawn with (a bar as its full width of
    /// cells), which decide where it wraps.
    fn cells(&self) -> String {
        self.0
            .iter()
            .map(|piece| match piece {
                Piece::Text(_, text) => text.clone(),
                Piece::Bar { width, .. } => "█".repeat(*width),
            })
            .collect()
    }
}

/// How many rows `lines` take in a box `width` cells wide, wrapped at words
/// as the views wrap them.
pub fn rows(lines: &[ShownLine], width: u16) -> usize {
    let text: Text = lines.iter().map(|l| Line::raw(l.cells())).collect();
    Paragraph::new(text)
        .wrap(Wrap { trim: false })
        .line_count(width)
}

/// The furthest a box of `visible` rows can scroll over `total` rows: the
/// last row shows at the bottom, never blank space below it.
pub fn max_scroll(total: usize, visible: usize) -> u16 {
    u16::try_from(total.saturating_sub(visible)).unwrap_or(u16::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_line_takes_the_rows_it_wraps_to() {
        let line = ShownLine::plain("một hai ba bốn năm sáu bảy tám chín mười");
        assert_eq!(rows(std::slice::from_ref(&line), 80), 1);
        assert!(rows(&[line], 10) >= 4);
    }

    #[test]
    fn a_bar_counts_its_full_width() {
        let line = ShownLine(vec![Piece::Bar {
            share: 0.0,
            width: 20,
        }]);
        assert_eq!(rows(&[line], 10), 2);
    }

    #[test]
    fn scrolling_stops_where_the_last_row_shows() {
        assert_eq!(max_scroll(100, 20), 80);
        assert_eq!(max_scroll(10, 20), 0);
    }
}
