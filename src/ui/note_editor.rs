//! The note editor: several lines with a cursor; Enter starts a new line,
//! Ctrl+S saves, Esc asks before throwing typed text away.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::dialogs::place_cursor;
use super::{Context, centered, selected_key_text};
use crate::i18n;
use crate::screen::state::NoteEditor;

pub fn draw(frame: &mut Frame, area: Rect, ctx: &Context, note: &NoteEditor) {
    let lang = ctx.ui.lang;
    let key = selected_key_text(ctx);
    let height = (area.height * 2 / 3).max(8);
    let popup = centered(area, 76, height);
    let block = ratatui::widgets::Block::bordered()
        .border_style(ctx.theme.title())
        .title(format!(" {} {key} ", i18n::note_title(lang)))
        .style(ctx.theme.base());
    let inner = block.inner(popup);
    frame.render_widget(ratatui::widgets::Clear, popup);
    frame.render_widget(block, popup);
    let text_rows = usize::from(inner.height.saturating_sub(2));
    let first = (note.area.row + 1).saturating_sub(text_rows);
    let mut lines: Vec<Line> = note
        .area
        .lines
        .iter()
        .skip(first)
        .take(text_rows)
        .map(|l| Line::raw(l.text.clone()))
        .collect();
    while lines.len() < text_rows {
        lines.push(Line::raw(""));
    }
    lines.push(Line::raw(""));
    lines.push(match &note.error {
        Some(error) => Line::styled(error.clone(), ctx.theme.error()),
        None => Line::styled(i18n::note_help(lang), ctx.theme.label()),
    });
    frame.render_widget(Paragraph::new(lines), inner);
    if let Some(line) = note.area.lines.get(note.area.row) {
        place_cursor(frame, inner, (note.area.row - first) as u16, line);
    }
}
