//! Small dialogs over the board: the status picker, the filter, a one-line
//! field (search, progress, the day work was done), the evidence and
//! deadline forms, and a target's result.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::{Context, centered, selected_key_text};
use crate::domain::Status;
use crate::domain::text::{sanitize_line, truncate_width};
use crate::i18n::{self, Lang};
use crate::screen::state::{
    EvidenceForm, ExtendForm, FilterLine, InputKind, ResultForm, Screen, TextInput,
};
use crate::screen::task_form::{TaskForm, WithdrawForm};
use crate::screen::text_input::LineEdit;

fn dialog(
    frame: &mut Frame,
    area: Rect,
    ctx: &Context,
    title: &str,
    width: u16,
    height: u16,
) -> Rect {
    let popup = centered(area, width, height);
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(ctx.theme.title())
        .title(Span::styled(format!(" {title} "), ctx.theme.title()))
        .style(ctx.theme.base());
    let inner = block.inner(popup);
    frame.render_widget(Clear, popup);
    frame.render_widget(block, popup);
    inner
}

pub fn status_picker(frame: &mut Frame, area: Rect, ctx: &Context, selected: usize) {
    let lang = ctx.ui.lang;
    let current = ctx
        .ui
        .selected_key()
        .and_then(|k| ctx.app.view(k))
        .map(|v| v.state.status);
    let title = format!(
        "{} {}",
        i18n::status_picker_title(lang),
        selected_key_text(ctx)
    );
    let inner = dialog(frame, area, ctx, &title, 36, Status::ALL.len() as u16 + 2);
    let lines: Vec<Line> = Status::ALL
        .iter()
        .enumerate()
        .map(|(i, status)| {
            let mark = if Some(*status) == current { "●" } else { " " };
            let text = format!(" {mark} {} ", i18n::status_label(*status, lang));
            if i == selected {
                Line::styled(text, ctx.theme.selected())
            } else {
                Line::raw(text)
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

pub fn filter(frame: &mut Frame, area: Rect, ctx: &Context, line: usize) {
    let (lang, filter) = (ctx.ui.lang, &ctx.ui.filter);
    let inner = dialog(
        frame,
        area,
        ctx,
        i18n::filter_title(lang),
        66,
        FilterLine::ALL.len() as u16 + 4,
    );
    let all = i18n::filter_all(lang);
    let mut lines: Vec<Line> = FilterLine::ALL
        .iter()
        .enumerate()
        .map(|(i, which)| {
            let value = match which {
                FilterLine::Area => filter.area.map(|a| {
                    let name = ctx
                        .app
                        .plan()
                        .area(a)
                        .map(|x| i18n::area_name(x, lang))
                        .unwrap_or_default();
                    format!("{a} · {}", sanitize_line(&name))
                }),
                FilterLine::Unit => filter.unit.clone(),
                FilterLine::Status => filter
                    .status
                    .map(|s| i18n::status_label(s, lang).to_string()),
                FilterLine::Overdue => Some(i18n::yes_no(filter.overdue, lang).to_string()),
                FilterLine::Officer => filter
                    .assignee
                    .as_deref()
                    .map(|n| sanitize_line(n).into_owned()),
            };
            let value = value.unwrap_or(all.into());
            let room = usize::from(inner.width).saturating_sub(20);
            let text = format!(
                " {:<14} ◄ {} ►",
                filter_line_name(*which, lang),
                truncate_width(&value, room)
            );
            if i == line {
                Line::styled(text, ctx.theme.selected())
            } else {
                Line::raw(text)
            }
        })
        .collect();
    lines.push(Line::raw(""));
    lines.push(Line::styled(i18n::filter_help(lang), ctx.theme.label()));
    frame.render_widget(Paragraph::new(lines), inner);
}

pub fn input(frame: &mut Frame, area: Rect, ctx: &Context, field: &TextInput) {
    let lang = ctx.ui.lang;
    let key = ctx.ui.selected_key();
    let view = key.and_then(|k| ctx.app.view(k));
    let (title, prompt) = match field.kind {
        InputKind::Search => (
            i18n::search_title(lang).to_string(),
            i18n::search_prompt(lang).to_string(),
        ),
        InputKind::Progress => (
            i18n::progress_title(lang).to_string(),
            i18n::progress_prompt(view.map(|v| v.state.progress), lang),
        ),
        InputKind::DoneOn => (
            i18n::done_on_title(lang).to_string(),
            i18n::done_on_prompt(ctx.app.plan().info().start, lang),
        ),
        InputKind::Assignee => (
            i18n::assignee_title(lang).to_string(),
            i18n::assignee_prompt(lang).to_string(),
        ),
        InputKind::ClosePeriod => (
            i18n::close_period_title(lang).to_string(),
            i18n::close_period_prompt(ctx.app.period(), lang),
        ),
    };
    let title = match field.kind {
        InputKind::ClosePeriod => title,
        _ => format!("{title} {}", selected_key_text(ctx)),
    };
    let inner = dialog(frame, area, ctx, &title, 64, 7);
    let mut lines = vec![
        Line::styled(prompt, ctx.theme.label()),
        Line::from(field_text(ctx, &field.line)),
    ];
    if let Some(error) = &field.error {
        lines.push(Line::styled(error.clone(), ctx.theme.error()));
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
    place_cursor(frame, inner, 1, &field.line);
}

pub fn evidence(frame: &mut Frame, area: Rect, ctx: &Context, form: &EvidenceForm) {
    let lang = ctx.ui.lang;
    let inner = dialog(frame, area, ctx, i18n::evidence_title(lang), 70, 11);
    let fields = [&form.number, &form.date, &form.summary];
    let help = i18n::evidence_help(lang);
    form_fields(
        frame,
        inner,
        ctx,
        &i18n::evidence_labels(lang),
        &fields,
        form.focus,
        form.error.as_deref(),
        help,
    );
}

pub fn extend(frame: &mut Frame, area: Rect, ctx: &Context, form: &ExtendForm) {
    let lang = ctx.ui.lang;
    let key = selected_key_text(ctx);
    let (title, labels) = if ctx.ui.screen == Screen::Triage {
        (i18n::extend_title(lang), i18n::extend_labels(lang))
    } else {
        (i18n::change_due_title(lang), i18n::change_due_labels(lang))
    };
    let inner = dialog(frame, area, ctx, &format!("{title} {key}"), 70, 9);
    let fields = [&form.date, &form.reason];
    let help = i18n::extend_help(lang);
    form_fields(
        frame,
        inner,
        ctx,
        &labels,
        &fields,
        form.focus,
        form.error.as_deref(),
        help,
    );
}

/// A target's new result: value, day, source; the refusal, in full, below.
pub fn result(frame: &mut Frame, area: Rect, ctx: &Context, form: &ResultForm) {
    let lang = ctx.ui.lang;
    let def = ctx.app.plan().target(&form.target);
    let title = i18n::result_title(&form.target, lang);
    let inner = dialog(frame, area, ctx, &title, 72, 12);
    let labels = i18n::result_labels(def, lang);
    let labels: Vec<&str> = labels.iter().map(String::as_str).collect();
    let fields = [&form.value, &form.date, &form.source];
    form_fields(
        frame,
        inner,
        ctx,
        &labels,
        &fields,
        form.focus,
        form.error.as_deref(),
        i18n::result_help(lang),
    );
}

/// A task of the office's, added to the group or edited.
pub fn task(frame: &mut Frame, area: Rect, ctx: &Context, form: &TaskForm) {
    let lang = ctx.ui.lang;
    let title = match &form.editing {
        Some(id) => format!("{} {id}", i18n::edit_task_title(lang)),
        None => i18n::add_task_title(lang).to_string(),
    };
    let inner = dialog(frame, area, ctx, &title, 70, 16);
    form_fields(
        frame,
        inner,
        ctx,
        &i18n::task_form_labels(lang),
        &form.fields(),
        form.focus,
        form.error.as_deref(),
        i18n::task_form_help(lang),
    );
}

/// Which note or document of the selected task is taken back, and why.
pub fn withdraw(frame: &mut Frame, area: Rect, ctx: &Context, form: &WithdrawForm) {
    let lang = ctx.ui.lang;
    let key = selected_key_text(ctx);
    let title = format!("{} {key}", i18n::withdraw_title(lang));
    let inner = dialog(frame, area, ctx, &title, 70, 10);
    form_fields(
        frame,
        inner,
        ctx,
        &i18n::withdraw_labels(lang),
        &[&form.number, &form.reason],
        form.focus,
        form.error.as_deref(),
        i18n::withdraw_help(lang),
    );
}

/// Labelled one-line fields, the focused label highlighted, then the error or
/// the help, and the cursor in the focused field.
#[allow(clippy::too_many_arguments)]
fn form_fields(
    frame: &mut Frame,
    inner: Rect,
    ctx: &Context,
    labels: &[&str],
    fields: &[&LineEdit],
    focus: usize,
    error: Option<&str>,
    help: &str,
) {
    let focus = focus.min(fields.len().saturating_sub(1));
    let mut lines = Vec::new();
    for (i, (label, value)) in labels.iter().zip(fields).enumerate() {
        let style = if i == focus {
            ctx.theme.key()
        } else {
            ctx.theme.label()
        };
        lines.push(Line::styled(label.to_string(), style));
        lines.push(Line::raw(format!("  {}", value.text)));
    }
    lines.push(Line::raw(""));
    match error {
        Some(error) => lines.push(Line::styled(error.to_string(), ctx.theme.error())),
        None => lines.push(Line::styled(help.to_string(), ctx.theme.label())),
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
    let mut at = inner;
    at.x += 2;
    at.width = at.width.saturating_sub(2);
    if let Some(field) = fields.get(focus) {
        place_cursor(frame, at, focus as u16 * 2 + 1, field);
    }
}

/// The search field, one line at the bottom: "Tìm: cai cach█".
pub fn search_bar(frame: &mut Frame, area: Rect, ctx: &Context, field: &TextInput) {
    let label = format!("{}: ", i18n::search_title(ctx.ui.lang));
    let line = Line::from(vec![
        Span::styled(label.clone(), ctx.theme.key()),
        Span::raw(field.line.text.clone()),
    ]);
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(line), area);
    let mut at = area;
    at.x += label.width() as u16;
    at.width = at.width.saturating_sub(label.width() as u16);
    place_cursor(frame, at, 0, &field.line);
}

/// A field's text, shown selected (reversed) while typing would replace it.
fn field_text(ctx: &Context, line: &LineEdit) -> Span<'static> {
    if line.selected {
        Span::styled(line.text.clone(), ctx.theme.selected())
    } else {
        Span::raw(line.text.clone())
    }
}

/// Shows the terminal cursor after the text before the cursor, on `row` of `area`.
pub fn place_cursor(frame: &mut Frame, area: Rect, row: u16, line: &LineEdit) {
    let column = line.before_cursor().width() as u16;
    if row < area.height {
        let x = (area.x + column).min(area.right().saturating_sub(1));
        frame.set_cursor_position(Position::new(x, area.y + row));
    }
}

fn filter_line_name(line: FilterLine, lang: Lang) -> &'static str {
    let words = i18n::filter_words(lang);
    match line {
        FilterLine::Area => words.area,
        FilterLine::Unit => words.unit,
        FilterLine::Status => words.status,
        FilterLine::Overdue => words.overdue_only,
        FilterLine::Officer => i18n::officer_column(lang),
    }
}
