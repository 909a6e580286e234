//! The detail pane: draws the lines the model prepared (`screen::detail`),
//! each piece in its tone's style, from the scroll the model keeps.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::Context;
use crate::i18n;
use crate::screen::shown::{Piece, ShownLine, Tone};
use crate::screen::state::Focus;

pub fn draw(frame: &mut Frame, area: Rect, ctx: &Context) {
    let focused = ctx.ui.focus == Focus::Detail;
    let border = if focused {
        ctx.theme.title()
    } else {
        ctx.theme.border()
    };
    let block = Block::new()
        .borders(Borders::LEFT | Borders::TOP)
        .border_style(border)
        .title(Span::styled(
            format!(" {} ", i18n::detail_title(ctx.ui.lang)),
            border,
        ));
    let lines: Vec<Line> = ctx.ui.detail.lines.iter().map(|l| line(ctx, l)).collect();
    let paragraph = Paragraph::new(lines)
        .block(block)
        .wrap(Wrap { trim: false })
        .scroll((ctx.ui.detail_scroll, 0));
    frame.render_widget(paragraph, area);
}

/// One prepared line in the theme's styles.
pub fn line<'a>(ctx: &Context, shown: &'a ShownLine) -> Line<'a> {
    let mut spans = Vec::new();
    for piece in &shown.0 {
        match piece {
            Piece::Text(tone, text) => spans.push(Span::styled(text.as_str(), style(ctx, *tone))),
            Piece::Bar { share, width } => spans.extend(super::bar(&ctx.theme, *share, *width)),
        }
    }
    // A line of one piece takes its style, as the pane always drew it.
    match shown.0.as_slice() {
        [Piece::Text(tone, _)] => Line::from(spans).style(style(ctx, *tone)),
        _ => Line::from(spans),
    }
}

fn style(ctx: &Context, tone: Tone) -> Style {
    match tone {
        Tone::Plain => Style::default(),
        Tone::Title => ctx.theme.title(),
        Tone::Label => ctx.theme.label(),
        Tone::Heading => ctx.theme.label().add_modifier(Modifier::UNDERLINED),
        Tone::Class(class) => ctx.theme.class(class),
        Tone::Severity(severity) => super::risks::severity_style(ctx, severity),
    }
}
