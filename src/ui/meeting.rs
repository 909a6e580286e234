//! Meeting mode: the review of a period as slides, made to be read from the
//! back of a room. Each slide has a title, its rows (continued on the next
//! slide when they do not fit, never cut), and a footer with where we are.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::Context;
use super::risks::severity_style;
use crate::app::meeting::{ChangeLine, Slide, SlideKind, SlideTask};
use crate::app::risks::FlaggedTarget;
use crate::domain::TaskKey;
use crate::domain::date::format_date;
use crate::domain::text::{fit_width, sanitize_line, truncate_width};
use crate::i18n;
use crate::i18n::{class_symbol, severity_symbol};
use crate::screen::review::SlideItems;
use crate::screen::state::FlashKind;

pub fn draw(frame: &mut Frame, area: Rect, ctx: &Context) {
    let show = &ctx.ui.presentation;
    if show.blank {
        return;
    }
    let slides = &ctx.ui.review.slides;
    let Some(slide) = slides.get(show.slide.min(slides.len().saturating_sub(1))) else {
        return;
    };
    let [title, body, footer] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(area);
    draw_title(frame, title, ctx, slide);
    match &slide.kind {
        SlideKind::Overview => super::overview::overview(frame, body, ctx),
        kind => {
            let [header, body] =
                Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(body);
            let columns = column_headers(ctx, kind, usize::from(header.width));
            frame.render_widget(Paragraph::new(columns), header);
            let rows = slide_rows(ctx, kind, usize::from(body.width));
            let start = slide.page * show.capacity;
            let visible = rows.into_iter().skip(start).take(show.capacity);
            let mut lines = Vec::new();
            for row in visible {
                lines.push(row);
                if show.large {
                    lines.push(Line::raw(""));
                }
            }
            if lines.is_empty() {
                lines.push(Line::styled(
                    i18n::slide_empty(kind_is_agenda(kind), ctx.ui.lang),
                    ctx.theme.label(),
                ));
            }
            frame.render_widget(Paragraph::new(lines), body);
        }
    }
    draw_footer(frame, footer, ctx, show.slide, slides.len());
}

fn kind_is_agenda(kind: &SlideKind) -> bool {
    *kind == SlideKind::Agenda
}

fn draw_title(frame: &mut Frame, area: Rect, ctx: &Context, slide: &Slide) {
    let (app, lang) = (ctx.app, ctx.ui.lang);
    let name = match &slide.kind {
        SlideKind::Overview => i18n::slide_overview(lang).to_string(),
        SlideKind::Area(code) => {
            let name = app
                .plan()
                .area(*code)
                .map(|a| i18n::area_name(a, lang))
                .unwrap_or_default();
            i18n::slide_area(*code, &sanitize_line(&name), lang)
        }
        SlideKind::Unit(code) => {
            let name = app
                .plan()
                .unit(code)
                .map(|u| i18n::unit_name(u, lang))
                .unwrap_or_default();
            format!("{code} · {}", sanitize_line(&name))
        }
        SlideKind::Risks => i18n::slide_risks(lang).to_string(),
        SlideKind::Targets => i18n::slide_targets(lang).to_string(),
        SlideKind::Changes => {
            let (since, meeting) = app.changes_baseline();
            i18n::slide_changes(since, meeting.is_some(), lang)
        }
        SlideKind::Agenda => i18n::slide_agenda(lang).to_string(),
    };
    let page = if slide.pages > 1 {
        format!(" — {}/{}", slide.page + 1, slide.pages)
    } else {
        String::new()
    };
    let heading = i18n::review_heading(app, lang);
    let title = format!(" {name}{page}");
    // The period heading goes only where it fits whole; the title is cut with
    // "…" only on a screen too narrow for it alone.
    let room = usize::from(area.width);
    let mut spans = vec![Span::styled(
        crate::domain::text::truncate_width(&title, room).into_owned(),
        ctx.theme.title(),
    )];
    if title.chars().count() + 3 + heading.chars().count() <= room {
        spans.push(Span::styled(format!("   {heading}"), ctx.theme.label()));
    }
    let block = Block::new()
        .borders(Borders::BOTTOM)
        .border_style(ctx.theme.border());
    let line = Line::from(spans);
    frame.render_widget(Paragraph::new(line).block(block), area);
}

fn draw_footer(frame: &mut Frame, area: Rect, ctx: &Context, index: usize, count: usize) {
    let lang = ctx.ui.lang;
    // What the operator asked for (where the report went) or a problem (a
    // lost store, which means what the room sees may be out of date) takes
    // the footer until the next key; routine news is not projected.
    if let Some(flash) = ctx.ui.flash.as_ref().filter(|f| f.kind != FlashKind::News) {
        let width = usize::from(area.width);
        let text = truncate_width(&sanitize_line(&flash.text), width).into_owned();
        let style = if flash.is_error() {
            ctx.theme.error()
        } else {
            ctx.theme.label()
        };
        return frame.render_widget(Paragraph::new(Line::styled(text, style)), area);
    }
    if !ctx.app.is_connected() {
        let text = format!(" {}", i18n::disconnected_badge(lang));
        let line = Line::styled(text, ctx.theme.error());
        return frame.render_widget(Paragraph::new(line), area);
    }
    let left = format!(
        " {} · {}",
        i18n::app_title(lang),
        i18n::read_only_badge(lang)
    );
    let right = format!("{}/{}  {} ", index + 1, count, i18n::meeting_keys(lang));
    let pad = usize::from(area.width).saturating_sub(left.chars().count() + right.chars().count());
    let line = Line::from(vec![
        Span::styled(left, ctx.theme.label()),
        Span::raw(" ".repeat(pad)),
        Span::styled(right, ctx.theme.key()),
    ]);
    frame.render_widget(Paragraph::new(line), area);
}

const KEY_WIDTH: usize = 12;
const WHO_WIDTH: usize = 8;

/// Mark, id, figures, gauge, sparkline and date each have their space.
fn target_title_width(width: usize) -> usize {
    width
        .saturating_sub(2 + 5 + 1 + 17 + TARGET_GAUGE + 1 + 8 + 1 + 10)
        .clamp(10, 48)
}

const TARGET_GAUGE: usize = 10;

/// From 120 columns a projected slide shows every short title of the plan
/// whole (the longest has 48 characters), leaving the state its words.
fn task_title_width(width: usize) -> usize {
    const WIDE: usize = 120;
    // Mark, key, lead, progress and the state's shortest words.
    const BESIDE: usize = 2 + KEY_WIDTH + 1 + 1 + WHO_WIDTH + 1 + 4 + 2 + 24;
    if width >= WIDE {
        width.saturating_sub(BESIDE).clamp(48, 64)
    } else {
        (width / 3).clamp(16, 46)
    }
}

/// The names of a slide's columns, above its rows, in the rows' widths.
fn column_headers(ctx: &Context, kind: &SlideKind, width: usize) -> Line<'static> {
    let h = i18n::slide_columns(ctx.ui.lang);
    let text = match kind {
        SlideKind::Overview | SlideKind::Changes => String::new(),
        SlideKind::Targets => format!(
            "  {} {} {}",
            fit_width(h.id, 4),
            fit_width(h.target, target_title_width(width)),
            h.target_figures
        ),
        SlideKind::Unit(_) | SlideKind::Area(_) | SlideKind::Agenda | SlideKind::Risks => {
            let who = if matches!(kind, SlideKind::Unit(_)) {
                h.area
            } else {
                h.lead
            };
            format!(
                "  {} {} {} {:>4}  {}",
                fit_width(h.id, KEY_WIDTH),
                fit_width(h.task, task_title_width(width)),
                fit_width(who, WHO_WIDTH),
                h.progress,
                h.state
            )
        }
    };
    Line::styled(fit_width(&text, width), ctx.theme.label())
}

/// Every row a slide kind has, before it is cut into pages.
fn slide_rows(ctx: &Context, kind: &SlideKind, width: usize) -> Vec<Line<'static>> {
    let shown = &ctx.ui.review;
    let tasks = |show_lead: bool| match &shown.slide_items {
        SlideItems::Tasks(tasks) => tasks
            .iter()
            .map(|t| task_row(ctx, t, show_lead, width))
            .collect(),
        _ => Vec::new(),
    };
    match kind {
        SlideKind::Overview => Vec::new(),
        // A unit's slide needs no lead column: it is the slide's unit.
        SlideKind::Unit(_) => tasks(false),
        SlideKind::Area(_) | SlideKind::Agenda => tasks(true),
        SlideKind::Risks => {
            let mut rows = tasks(true);
            rows.extend(
                shown
                    .target_risks
                    .iter()
                    .map(|t| flagged_target_row(ctx, t, width)),
            );
            rows
        }
        SlideKind::Targets => ctx
            .app
            .plan()
            .targets()
            .iter()
            .map(|def| target_row(ctx, def, width))
            .collect(),
        SlideKind::Changes => match &shown.slide_items {
            SlideItems::Changes(changes) => {
                changes.iter().map(|c| change_row(ctx, c, width)).collect()
            }
            _ => Vec::new(),
        },
    }
}

fn flagged_target_row(ctx: &Context, target: &FlaggedTarget, width: usize) -> Line<'static> {
    let reasons: Vec<String> = target
        .reasons
        .iter()
        .map(|r| i18n::target_reason(r, &target.def.unit, ctx.ui.lang))
        .collect();
    let severity = target.severity();
    let text = format!(
        "{} {} — {}",
        fit_width(&target.def.id, 8),
        sanitize_line(&target.def.short),
        reasons.join("; ")
    );
    Line::from(vec![
        Span::styled(
            format!("{} ", severity_symbol(severity)),
            severity_style(ctx, severity),
        ),
        Span::raw(fit_width(&text, width.saturating_sub(2))),
    ])
}

fn task_row(ctx: &Context, task: &SlideTask, show_lead: bool, width: usize) -> Line<'static> {
    let (app, lang) = (ctx.app, ctx.ui.lang);
    let Some(view) = app.view(&task.key) else {
        return Line::raw(task.key.to_string());
    };
    let (symbol, style) = match task.reasons.first() {
        Some(reason) => (
            severity_symbol(reason.severity()),
            severity_style(ctx, reason.severity()),
        ),
        None => (class_symbol(view.class), ctx.theme.class(view.class)),
    };
    let words = match task.reasons.first() {
        Some(reason) => i18n::task_reason(reason, lang),
        None => i18n::class_label(view.class, lang),
    };
    // A unit's slide names each task's area instead of its lead, under the
    // header "Lĩnh vực".
    let who = if show_lead {
        view.lead.to_string()
    } else {
        format!("{} {}", i18n::area_short(lang), view.def.area)
    };
    let text = format!(
        "{} {} {} {:>3}%  ",
        fit_width(&task.key.to_string(), KEY_WIDTH),
        fit_width(&sanitize_line(&view.def.short), task_title_width(width)),
        fit_width(&who, WHO_WIDTH),
        view.state.progress
    );
    let rest = width.saturating_sub(2 + text.chars().count());
    Line::from(vec![
        Span::styled(format!("{symbol} "), style),
        Span::raw(text),
        Span::styled(fit_width(&words, rest), style),
    ])
}

/// Latest → goal, a gauge, the results as a sparkline, and the mark of the
/// target's one verdict.
fn target_row(ctx: &Context, def: &crate::domain::TargetDef, width: usize) -> Line<'static> {
    let (app, lang) = (ctx.app, ctx.ui.lang);
    let state = app.target_state(&def.id);
    let latest = state.latest();
    let unit = if def.unit.starts_with('%') {
        "%"
    } else {
        def.unit.as_str()
    };
    let figures = format!(
        "{}→{}{unit}",
        latest.map_or("—".to_string(), |m| i18n::decimal(m.value, lang)),
        i18n::decimal(def.value, lang)
    );
    let verdict = app.target_verdict(def);
    let (mark, style) = (
        i18n::verdict_symbol(verdict),
        super::targets::verdict_style(ctx, verdict),
    );
    let share = latest.map_or(0.0, |m| {
        (m.value / def.value.max(f64::MIN_POSITIVE)).clamp(0.0, 1.0)
    });
    let gauge = TARGET_GAUGE;
    let spark = sparkline(
        &state
            .measurements
            .iter()
            .map(|m| m.value)
            .collect::<Vec<_>>(),
        def.value,
    );
    let title_width = target_title_width(width);
    let mut spans = vec![
        Span::styled(format!("{mark} "), style),
        Span::raw(format!(
            "{} {} {} ",
            fit_width(&def.id, 4),
            fit_width(&sanitize_line(&def.short), title_width),
            fit_width(&figures, 16)
        )),
    ];
    spans.extend(super::bar(&ctx.theme, share, gauge));
    spans.push(Span::raw(format!(" {} ", fit_width(&spark, 8))));
    spans.push(Span::raw(def.due.map(format_date).unwrap_or_default()));
    Line::from(spans)
}

/// The values as block heights relative to the goal: "▂▄▆█".
fn sparkline(values: &[f64], goal: f64) -> String {
    const BLOCKS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    values
        .iter()
        .rev()
        .take(8)
        .rev()
        .map(|v| BLOCKS[((v / goal.max(f64::MIN_POSITIVE)).clamp(0.0, 1.0) * 7.0).round() as usize])
        .collect()
}

fn change_row(ctx: &Context, change: &ChangeLine, width: usize) -> Line<'static> {
    let (app, lang) = (ctx.app, ctx.ui.lang);
    let title = |key: &TaskKey| {
        app.plan()
            .task(&key.task)
            .map(|t| sanitize_line(&t.short).into_owned())
            .unwrap_or_default()
    };
    let (symbol, style, text) = match change {
        ChangeLine::Done { key, who } => (
            "√",
            ctx.theme.done(),
            i18n::change_done(&key.to_string(), &title(key), who, lang),
        ),
        ChangeLine::NewlyOverdue { key, due } => (
            "!",
            ctx.theme.overdue(),
            i18n::change_overdue(&key.to_string(), &title(key), *due, lang),
        ),
        ChangeLine::Moved {
            key,
            from,
            to,
            who,
            reason,
        } => (
            "»",
            ctx.theme.due_soon(),
            i18n::change_moved(&key.to_string(), *from, *to, who, reason.as_deref(), lang),
        ),
        ChangeLine::Measured {
            target,
            value,
            on,
            who,
        } => (
            "#",
            ctx.theme.title(),
            i18n::change_measured(target, *value, *on, who, lang),
        ),
        ChangeLine::Adjusted(adjustment) => (
            "≠",
            ctx.theme.due_soon(),
            i18n::adjustment_item(&title(&adjustment.key), adjustment, lang),
        ),
    };
    Line::from(vec![
        Span::styled(format!("{symbol} "), style),
        Span::raw(fit_width(&sanitize_line(&text), width.saturating_sub(2))),
    ])
}
