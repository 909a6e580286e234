//! The top line: the plan, the grouping, and the filters and search in force as chips.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::Context;
use crate::domain::text::sanitize_line;
use crate::i18n;

pub fn draw(frame: &mut Frame, area: Rect, ctx: &Context) {
    let (ui, lang, theme) = (ctx.ui, ctx.ui.lang, &ctx.theme);
    let mut spans = vec![Span::styled(
        format!(" {} ", i18n::app_title(lang)),
        theme.title(),
    )];
    if !ctx.app.is_connected() {
        spans.push(Span::styled(
            format!(" {} ", i18n::disconnected_badge(lang)),
            theme.error(),
        ));
    }
    spans.push(Span::raw(format!(
        " {} ",
        i18n::grouping_label(ui.grouping, lang)
    )));
    let mut chips = Vec::new();
    if let Some(area) = ui.filter.area {
        chips.push(i18n::chip_area(area, lang));
    }
    if let Some(unit) = &ui.filter.unit {
        chips.push(unit.clone());
    }
    if let Some(status) = ui.filter.status {
        chips.push(i18n::status_label(status, lang).to_string());
    }
    if ui.filter.overdue {
        chips.push(i18n::chip_overdue(lang).to_string());
    }
    if let Some(name) = &ui.filter.assignee {
        chips.push(sanitize_line(name).into_owned());
    }
    if let Some(search) = &ui.search {
        chips.push(i18n::chip_search(&sanitize_line(&search.query), lang));
    }
    for chip in chips {
        spans.push(Span::raw(" "));
        spans.push(Span::styled(format!(" {chip} "), theme.chip()));
    }
    if !ui.filter.is_empty() {
        spans.push(Span::raw(format!("  {}", i18n::clear_filters_hint(lang))));
    }
    // The period of today, right-aligned, when the chips leave room for it.
    let today = ctx.app.clock().today;
    let period = ctx.app.period();
    let due = period.report_due(ctx.app.period_rules());
    let days_left = (due - today).num_days();
    let used: usize = spans.iter().map(Span::width).sum();
    let fits = |text: &String| used + text.chars().count() + 1 < usize::from(area.width);
    let closed = ctx.app.closing(period).is_some();
    let long = match closed {
        true => i18n::period_closed_status(period, lang),
        false => i18n::period_status_long(period, due, days_left, lang),
    };
    let text = if fits(&long) || closed {
        long
    } else {
        i18n::period_status(period, due, days_left, lang)
    };
    let width = text.chars().count() + 1;
    if fits(&text) {
        spans.push(Span::raw(
            " ".repeat(usize::from(area.width) - used - width),
        ));
        spans.push(Span::styled(text, theme.label()));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
