//! Help, generated from the key table: every mode, every key, what it does.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::{Context, centered};
use crate::i18n;
use crate::keymap::{self, Mode};

pub fn draw(frame: &mut Frame, area: Rect, ctx: &Context) {
    let lang = ctx.ui.lang;
    let mut lines = Vec::new();
    for mode in Mode::ALL {
        lines.push(Line::styled(
            i18n::mode_title(mode, lang).to_string(),
            ctx.theme.group().add_modifier(Modifier::UNDERLINED),
        ));
        for binding in keymap::bindings(mode) {
            let keys: Vec<String> = binding.keys.iter().map(|k| k.label()).collect();
            lines.push(Line::from(vec![
                Span::styled(format!("  {:<16}", keys.join(" ")), ctx.theme.key()),
                Span::raw(i18n::action_label(binding.action, lang)),
            ]));
        }
        lines.push(Line::raw(""));
    }
    lines.push(Line::styled(
        i18n::risk_rules_title(lang).to_string(),
        ctx.theme.group().add_modifier(Modifier::UNDERLINED),
    ));
    for rule in i18n::risk_rules_explained(ctx.app.risk_rules(), lang) {
        lines.push(Line::raw(format!("  {rule}")));
    }
    let popup = centered(area, 72, area.height);
    // Never scroll past the last line into an empty box.
    let last = lines
        .len()
        .saturating_sub(usize::from(popup.height.saturating_sub(2)));
    let scroll = ctx
        .ui
        .help_scroll
        .min(u16::try_from(last).unwrap_or(u16::MAX));
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
            .wrap(Wrap { trim: false })
            .style(ctx.theme.base())
            .scroll((scroll, 0)),
        popup,
    );
}
