//! Help, generated from the key table: every mode, every key, what it does.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::{Context, centered};
use crate::i18n;
use crate::screen::help::{HELP_WIDTH, HelpLine};
use crate::screen::shown::max_scroll;

pub fn draw(frame: &mut Frame, area: Rect, ctx: &Context) {
    let lang = ctx.ui.lang;
    let popup = centered(area, HELP_WIDTH, area.height);
    let heading = ctx.theme.group().add_modifier(Modifier::UNDERLINED);
    let lines: Vec<Line> = ctx
        .ui
        .help
        .lines
        .iter()
        .map(|line| match line {
            HelpLine::Heading(text) => Line::styled(text.as_str(), heading),
            HelpLine::Binding { keys, label } => Line::from(vec![
                Span::styled(format!("  {keys:<16}"), ctx.theme.key()),
                Span::raw(*label),
            ]),
            HelpLine::Text(text) => Line::raw(text.as_str()),
            HelpLine::Blank => Line::raw(""),
        })
        .collect();
    // The model keeps the scroll within bounds; this holds it there too
    // for a frame drawn at a size the model has not seen yet.
    let visible = usize::from(popup.height.saturating_sub(2));
    let scroll = ctx.ui.help_scroll.min(max_scroll(lines.len(), visible));
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(ctx.theme.title())
        .title(Span::styled(
            format!(" {} ", i18n::help_title(lang)),
            ctx.theme.title(),
        ));
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .style(ctx.theme.base())
            .scroll((scroll, 0)),
        popup,
    );
}
