//! The two bottom lines: where the store is, the period of today, the plan's
//! figures and the last save (or the message of the last action); then the
//! keys that matter on this screen, from the key table.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::Context;
use crate::domain::text::{sanitize_line, truncate_width};
use crate::i18n;
use crate::keymap;
use crate::keymap::Action;

pub fn draw_status(frame: &mut Frame, area: Rect, ctx: &Context) {
    let (ui, lang, theme) = (ctx.ui, ctx.ui.lang, &ctx.theme);
    let width = usize::from(area.width);
    if let Some(flash) = &ui.flash {
        let style = if flash.is_error() {
            theme.error()
        } else {
            theme.ok()
        };
        let text = truncate_width(&sanitize_line(&flash.text), width).into_owned();
        return frame.render_widget(Paragraph::new(Line::styled(text, style)), area);
    }
    let summary = &ui.summary;
    let (of_all, of_dated) = summary.overdue_shares();
    let overdue_style = if summary.open_overdue > 0 {
        theme.overdue()
    } else {
        theme.label()
    };
    // Shown left to right in this order; when the line is too narrow the
    // least important go first (the store path, then the counts).
    let mut segments: Vec<(u8, Span)> = vec![
        (
            2,
            Span::raw(i18n::task_count(summary.total, summary.done(), lang)),
        ),
        (
            0,
            Span::styled(
                i18n::overdue_status(summary.open_overdue, of_all, of_dated, lang),
                overdue_style,
            ),
        ),
    ];
    if ctx.app.is_read_only() {
        segments.insert(
            0,
            (0, Span::styled(i18n::read_only_badge(lang), theme.chip())),
        );
    }
    if let Some(saved) = ui.last_saved {
        let time = saved.format("%H:%M:%S").to_string();
        segments.push((1, Span::styled(i18n::saved_at(&time, lang), theme.ok())));
    }
    segments.push((
        3,
        Span::styled(
            sanitize_line(&ctx.app.store_location()).into_owned(),
            theme.label(),
        ),
    ));
    // Short of room, the overdue figures take their short form first.
    let long = i18n::overdue_status(summary.open_overdue, of_all, of_dated, lang);
    if line_width(&segments) > width
        && let Some((_, overdue)) = segments.iter_mut().find(|(_, s)| s.content == long)
    {
        overdue.content =
            i18n::overdue_status_short(summary.open_overdue, of_all, of_dated, lang).into();
    }
    while segments.len() > 1 && line_width(&segments) > width {
        let least = segments
            .iter()
            .enumerate()
            .max_by_key(|(_, (rank, _))| *rank)
            .map(|(i, _)| i);
        if let Some(i) = least {
            segments.remove(i);
        }
    }
    let mut spans = Vec::new();
    for (i, (_, span)) in segments.into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::raw(" · "));
        }
        spans.push(span);
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn line_width(segments: &[(u8, Span)]) -> usize {
    let text: usize = segments.iter().map(|(_, s)| s.width()).sum();
    text + 3 * segments.len().saturating_sub(1)
}

pub fn draw_hints(frame: &mut Frame, area: Rect, ctx: &Context) {
    let (lang, theme) = (ctx.ui.lang, &ctx.theme);
    let mut hints: Vec<(String, &str, bool)> = Vec::new();
    // A read-only screen does not offer what it would refuse.
    let offered = keymap::hints(ctx.ui.mode())
        .into_iter()
        .filter(|b| !(ctx.app.is_read_only() && b.action.edits()));
    for binding in offered {
        let key = binding.keys[0].label();
        let label = i18n::hint_label(binding.action, lang);
        let essential = matches!(
            binding.action,
            Action::Quit | Action::ShowHelp | Action::Back | Action::Cancel
        );
        // Neighbours with the same words share one hint: "↑/↓ di chuyển".
        match hints.last_mut() {
            Some(last) if last.1 == label => last.0 = format!("{}/{key}", last.0),
            _ => hints.push((key, label, essential)),
        }
    }
    let width =
        |(key, label, _): &(String, &str, bool)| key.chars().count() + label.chars().count() + 3;
    // Quit, help and back always show; the others as far as they fit.
    let mut room =
        usize::from(area.width).saturating_sub(hints.iter().filter(|h| h.2).map(width).sum());
    let mut spans = Vec::new();
    for hint in &hints {
        if !hint.2 {
            if width(hint) > room {
                continue;
            }
            room -= width(hint);
        }
        spans.push(Span::styled(format!(" {}", hint.0), theme.key()));
        spans.push(Span::raw(format!(" {} ", hint.1)));
    }
    // On the board, the symbols' meanings follow where the line has room,
    // so the first screen explains them (help lists them all).
    if ctx.ui.mode() == keymap::Mode::Board {
        let legend = i18n::symbol_legend_line(lang);
        if legend.chars().count() + 3 <= room {
            spans.push(Span::styled(format!(" · {legend}"), theme.label()));
        }
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
