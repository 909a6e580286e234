//! The screen below the minimum size: what size is needed, nothing else.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Paragraph, Wrap};

use super::{Context, MIN_HEIGHT, MIN_WIDTH};
use crate::i18n;

pub fn draw(frame: &mut Frame, area: Rect, ctx: &Context) {
    let text = i18n::too_small(area.width, area.height, MIN_WIDTH, MIN_HEIGHT, ctx.ui.lang);
    let paragraph = Paragraph::new(text)
        .style(ctx.theme.error())
        .wrap(Wrap { trim: true });
    frame.render_widget(paragraph, area);
}
