//! The board: a header line, then groups with their counts and completion bar,
//! and task rows with a state symbol, id, title, lead, deadline, state and progress.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::Context;
use super::theme::DUE_SOON_SYMBOL;
use crate::app::board::{Counts, GroupKey, Row, TaskRow};
use crate::domain::date::format_date;
use crate::domain::risk::TaskReason;
use crate::domain::text::{fit_width, matches_folded, sanitize_line};
use crate::i18n;
use crate::i18n::class_symbol;

/// Column widths that do not depend on the screen.
struct Columns {
    /// The reason column, on a board at least 120 columns wide.
    reason: usize,
    id: usize,
    lead: usize,
    /// The officer in charge, on a board at least 120 columns wide.
    officer: usize,
    due: usize,
    state: usize,
    progress: usize,
}

impl Columns {
    fn for_width(width: usize) -> Columns {
        Columns {
            reason: if width >= 120 { 30 } else { 0 },
            id: 8,
            lead: 7,
            officer: if width >= 120 { 16 } else { 0 },
            due: 10,
            state: if width >= 100 { 19 } else { 14 },
            progress: 4,
        }
    }

    /// What is left for the title after the fixed columns, the symbol and gaps.
    fn title(&self, width: usize) -> usize {
        let optional = |w: usize| if w > 0 { w + 1 } else { 0 };
        width.saturating_sub(
            2 + self.id
                + self.lead
                + self.due
                + self.state
                + self.progress
                + 5
                + optional(self.reason)
                + optional(self.officer),
        )
    }
}

pub fn draw(frame: &mut Frame, area: Rect, ctx: &Context) {
    let width = usize::from(area.width);
    let columns = Columns::for_width(width);
    let mut lines = vec![header(ctx, &columns, width)];
    let ui = ctx.ui;
    if ui.rows.is_empty() {
        lines.push(Line::styled(i18n::board_empty(ui.lang), ctx.theme.label()));
    }
    let visible = ui
        .rows
        .iter()
        .enumerate()
        .skip(ui.offset)
        .take(usize::from(area.height.saturating_sub(1)));
    for (i, row) in visible {
        let line = match row {
            Row::Group {
                key,
                counts,
                folded,
            } => group_line(ctx, key, counts, *folded, width),
            Row::Task(task) => task_line(ctx, task, &columns, width),
        };
        lines.push(if i == ui.selected {
            line.patch_style(ctx.theme.selected())
        } else {
            line
        });
    }
    frame.render_widget(Paragraph::new(lines), area);
}

fn header(ctx: &Context, c: &Columns, width: usize) -> Line<'static> {
    let l = i18n::columns(ctx.ui.lang);
    let text = format!(
        "  {} {} {} {}{} {} {}",
        fit_width(l.id, c.id),
        fit_width(l.title, c.title(width)),
        fit_width(l.lead, c.lead),
        officer_cell(i18n::officer_column(ctx.ui.lang), c),
        fit_width(l.due, c.due),
        fit_width(l.class, c.state),
        fit_width("%", c.progress),
    );
    let reason = if c.reason > 0 {
        format!(" {}", fit_width(i18n::reason_column(ctx.ui.lang), c.reason))
    } else {
        String::new()
    };
    Line::styled(text + &reason, ctx.theme.header())
}

fn group_line(
    ctx: &Context,
    key: &GroupKey,
    counts: &Counts,
    folded: bool,
    width: usize,
) -> Line<'static> {
    let lang = ctx.ui.lang;
    let marker = if folded { "► " } else { "▼ " };
    let name = match key {
        GroupKey::Area(code) => {
            let name = ctx
                .app
                .plan()
                .area(*code)
                .map(|a| i18n::area_name(a, lang))
                .unwrap_or_default();
            format!("{code} · {}", sanitize_line(&name))
        }
        GroupKey::Unit(_, code) => {
            let name = ctx
                .app
                .plan()
                .unit(code)
                .map(|u| i18n::unit_name(u, lang))
                .unwrap_or_default();
            format!("{code} · {}", sanitize_line(&name))
        }
        GroupKey::State(bucket) => i18n::bucket_label(*bucket, lang).to_string(),
        GroupKey::Month(Some((y, m))) => i18n::month_label(*y, *m, lang),
        GroupKey::Month(None) => i18n::show_labels(lang).no_deadline.to_string(),
        GroupKey::Officer(false, name) => sanitize_line(name).into_owned(),
        GroupKey::Officer(true, _) => i18n::not_assigned(lang).to_string(),
    };
    let figures = format!(
        " √{} ►{} !{} ",
        counts.done, counts.in_progress, counts.overdue
    );
    let bar_width = if width >= 100 { 12 } else { 6 };
    let percent = format!(" {:>3}%", (counts.completion() * 100.0).round() as u32);
    let name_width = width.saturating_sub(2 + figures.chars().count() + bar_width + percent.len());
    let figures_style = if counts.overdue > 0 {
        ctx.theme.overdue()
    } else {
        ctx.theme.label()
    };
    let mut spans = vec![
        Span::styled(
            format!("{marker}{}", fit_width(&name, name_width)),
            ctx.theme.group(),
        ),
        Span::styled(figures, figures_style),
    ];
    spans.extend(super::bar(&ctx.theme, counts.completion(), bar_width));
    spans.push(Span::styled(percent, ctx.theme.group()));
    Line::from(spans)
}

/// How a row shows its state: symbol, words and their styles.
struct Mark {
    symbol: &'static str,
    symbol_style: Style,
    text: String,
    style: Style,
}

/// Overdue work says so; open work due within the warning window says how
/// many days are left; a parent with an overdue sub-task carries its "!".
fn mark(ctx: &Context, task: &TaskRow, c: &Columns) -> Mark {
    let (lang, theme) = (ctx.ui.lang, &ctx.theme);
    let style = theme.class(task.class);
    let mut mark = Mark {
        symbol: class_symbol(task.class),
        symbol_style: style,
        text: state_label(task.class, c, lang),
        style,
    };
    // Medium flags stand out on the board; low ones are in the reason column,
    // the detail pane and the risks view (else every untouched row would be).
    match &task.reason {
        Some(TaskReason::DueSoon { days_left }) => {
            mark = Mark {
                symbol: DUE_SOON_SYMBOL,
                symbol_style: theme.due_soon(),
                text: i18n::due_soon_label(*days_left, lang),
                style: theme.due_soon(),
            };
        }
        Some(TaskReason::Behind { progress, expected }) => {
            mark.symbol = DUE_SOON_SYMBOL;
            mark.symbol_style = theme.due_soon();
            mark.text = i18n::behind_label(*progress, *expected, lang);
            mark.style = theme.due_soon();
        }
        _ => {}
    }
    if task.rollup.is_some_and(|r| r.overdue > 0) && !task.class.is_overdue() {
        mark.symbol = "!";
        mark.symbol_style = theme.overdue();
    }
    mark
}

/// The full words when the column allows, the short form on narrow screens.
fn state_label(class: crate::domain::DeadlineClass, c: &Columns, lang: i18n::Lang) -> String {
    if c.state >= 19 {
        i18n::class_label(class, lang)
    } else {
        i18n::class_label_short(class, lang)
    }
}

fn task_line(ctx: &Context, task: &TaskRow, c: &Columns, width: usize) -> Line<'static> {
    let Some(def) = ctx.app.plan().task(&task.key.task) else {
        return Line::raw(task.key.to_string());
    };
    let indent = "  ".repeat(usize::from(task.depth));
    let fold = match (&task.rollup, task.folded) {
        (Some(_), true) => "► ",
        (Some(_), false) => "▼ ",
        (None, _) => "",
    };
    let occurrence = || i18n::earlier_occurrence(task.key.occurrence, ctx.ui.lang);
    let name = match (task.earlier, task.under_task) {
        (true, true) => format!("↳ {}", occurrence()),
        (true, false) => format!("{} · {}", occurrence(), sanitize_line(&def.short)),
        (false, _) => sanitize_line(&def.short).into_owned(),
    };
    let [title, marker] = title_spans(ctx, task, format!("{indent}{fold}{name}"), c.title(width));
    let due = task.due.map(format_date).unwrap_or_else(|| "—".into());
    let progress = task.rollup.map_or(task.progress, |r| r.progress);
    let mark = mark(ctx, task, c);
    let (symbol, symbol_style, state_text, state_style) =
        (mark.symbol, mark.symbol_style, mark.text, mark.style);
    Line::from(vec![
        Span::styled(format!("{symbol} "), symbol_style),
        Span::raw(format!("{} ", fit_width(&task.key.task, c.id))),
        title,
        marker,
        Span::raw(format!("{} ", fit_width(&task.lead, c.lead))),
        Span::raw(officer_cell(task.assignee.as_deref().unwrap_or(""), c)),
        Span::styled(format!("{} ", fit_width(&due, c.due)), state_style),
        Span::styled(format!("{} ", fit_width(&state_text, c.state)), state_style),
        Span::raw(format!("{:>3}%", progress)),
        reason_cell(ctx, task, c),
    ])
}

/// The title column: in the search's colour when the search found the task;
/// when it found it in a note or a document, which of them, after the title.
fn title_spans(ctx: &Context, task: &TaskRow, text: String, width: usize) -> [Span<'static>; 2] {
    let search = ctx.ui.search.as_ref();
    let beyond = search.and_then(|s| s.beyond_title(&task.key));
    let is_match = beyond.is_some()
        || search.is_some_and(|s| {
            ctx.app
                .plan()
                .folded_text(&task.key.task)
                .is_some_and(|t| matches_folded(t, &s.folded))
        });
    let style = if is_match {
        ctx.theme.search_match()
    } else {
        Style::new()
    };
    let marker = beyond
        .map(|field| format!(" [{}]", i18n::matched_marker(field, ctx.ui.lang)))
        .filter(|m| m.width() + 8 <= width)
        .unwrap_or_default();
    let title = fit_width(&text, width - marker.width());
    // The space after the column goes with the last of the two.
    if marker.is_empty() {
        [Span::styled(format!("{title} "), style), Span::raw("")]
    } else {
        [
            Span::styled(title, style),
            Span::styled(format!("{marker} "), ctx.theme.label()),
        ]
    }
}

/// The officer's column and the gap after it, when the board has the room.
fn officer_cell(text: &str, c: &Columns) -> String {
    if c.officer == 0 {
        return String::new();
    }
    format!("{} ", fit_width(&sanitize_line(text), c.officer))
}

/// The most severe reason in words, when the board has the room.
fn reason_cell(ctx: &Context, task: &TaskRow, c: &Columns) -> Span<'static> {
    let Some(reason) = task.reason.as_ref().filter(|_| c.reason > 0) else {
        return Span::raw("");
    };
    let text = format!(
        " {}",
        fit_width(&i18n::task_reason(reason, ctx.ui.lang), c.reason)
    );
    Span::styled(text, super::risks::severity_style(ctx, reason.severity()))
}
