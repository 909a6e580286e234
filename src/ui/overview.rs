//! The meeting's first slide: four headline figures in large digits, then the
//! period's status grid (QĐ 42/2014) by area and, where the screen has the
//! room, by lead unit. Every figure is the application's `PeriodFigures`.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};
use tui_big_text::{BigText, PixelSize};

use super::Context;
use crate::app::StatusGrid;
use crate::domain::text::{fit_width, sanitize_line};
use crate::i18n;

/// The height of the headline's digits where the screen has room.
const LARGE_DIGITS: u16 = 8;

/// The width of each of the grid's six number columns.
const CELL: usize = 10;

pub(super) fn overview(frame: &mut Frame, area: Rect, ctx: &Context) {
    // Large digits wherever they fit across and leave room for the whole
    // grid below them, so a projector's screen (128×40) is filled.
    let whole_grid = grid_by_area_height(ctx) + grid_by_unit_height(ctx);
    let tall = usize::from(area.height) >= usize::from(LARGE_DIGITS) + 4 + whole_grid
        || ctx.ui.presentation.large;
    let boxes = headline_figures(ctx);
    let pixel = digit_size(&boxes, area.width / 4, tall);
    let digit_rows = if matches!(pixel, Some(PixelSize::Full | PixelSize::HalfWidth)) {
        LARGE_DIGITS
    } else {
        4
    };
    // Two lines for the caption, so a narrow screen wraps it, never cuts it.
    let box_height = digit_rows + 4;
    let [top, bottom] =
        Layout::vertical([Constraint::Length(box_height), Constraint::Min(1)]).areas(area);
    headline(frame, top, ctx, boxes, pixel, digit_rows);
    let lines = grid_table(ctx, usize::from(bottom.width), usize::from(bottom.height));
    frame.render_widget(Paragraph::new(lines), bottom);
}

/// One digit size for all four boxes, the largest the widest figure allows
/// in a box `box_width` wide; full height only where the screen is `tall`.
fn digit_size(boxes: &[Figure; 4], box_width: u16, tall: bool) -> Option<PixelSize> {
    let widest = boxes
        .iter()
        .map(|f| f.0.chars().count() as u16)
        .max()
        .unwrap_or(1);
    let room = box_width.saturating_sub(2);
    match (tall, widest * 8 <= room, widest * 4 <= room) {
        (true, true, _) => Some(PixelSize::Full),
        // Narrow but tall digits, where the full ones do not fit across.
        (true, false, true) => Some(PixelSize::HalfWidth),
        (false, true, _) => Some(PixelSize::HalfHeight),
        (_, _, true) => Some(PixelSize::Quadrant),
        _ => None,
    }
}

/// A headline figure: its value, its caption and its colour.
type Figure = (String, &'static str, Style);

/// Done of all, overdue, at risk, and targets on track.
fn headline_figures(ctx: &Context) -> [Figure; 4] {
    let lang = ctx.ui.lang;
    let figures = &ctx.ui.review.figures;
    let grid = &figures.all;
    // The tasks the risks view and its slides list: one count, one label.
    let at_risk = figures.risks.len();
    let on_track = figures
        .targets
        .iter()
        .filter(|(_, v)| v.is_on_track())
        .count();
    [
        (
            format!("{}/{}", grid.done(), grid.with_deadline()),
            i18n::figure_done(lang),
            ctx.theme.done(),
        ),
        (
            grid.open_overdue.to_string(),
            i18n::figure_overdue(lang),
            ctx.theme.overdue(),
        ),
        (
            at_risk.to_string(),
            i18n::figure_at_risk(lang),
            ctx.theme.due_soon(),
        ),
        (
            format!("{on_track}/{}", figures.targets.len()),
            i18n::figure_targets(lang),
            // Targets on their path are good news: the colour of done work,
            // not the yellow the at-risk figure already has.
            ctx.theme.done(),
        ),
    ]
}

/// The four figures in boxes, in digits of `pixel` size.
fn headline(
    frame: &mut Frame,
    area: Rect,
    ctx: &Context,
    boxes: [Figure; 4],
    pixel: Option<PixelSize>,
    digit_rows: u16,
) {
    let cells = Layout::horizontal([Constraint::Ratio(1, 4); 4]).split(area);
    for ((value, label, style), cell) in boxes.into_iter().zip(cells.iter()) {
        let block = Block::bordered().border_style(ctx.theme.border());
        let inner = block.inner(*cell);
        frame.render_widget(block, *cell);
        let [digits, caption] =
            Layout::vertical([Constraint::Length(digit_rows), Constraint::Length(2)]).areas(inner);
        match pixel {
            Some(pixel) => {
                let big = BigText::builder()
                    .pixel_size(pixel)
                    .style(style)
                    .centered()
                    .lines(vec![value.into()])
                    .build();
                frame.render_widget(big, digits);
            }
            None => frame.render_widget(
                Paragraph::new(Span::styled(value, style)).centered(),
                digits,
            ),
        }
        let caption_text = Paragraph::new(Span::styled(label.to_string(), ctx.theme.label()))
            .centered()
            .wrap(Wrap { trim: true });
        frame.render_widget(caption_text, caption);
    }
}

/// The lines of the grid by area: two header lines, its heading, an area a
/// line and the total.
fn grid_by_area_height(ctx: &Context) -> usize {
    2 + 1 + ctx.ui.review.figures.by_area.len() + 1
}

/// The lines of the grid by unit below it: a blank line, its heading, a
/// unit a line and the total.
fn grid_by_unit_height(ctx: &Context) -> usize {
    2 + ctx.ui.review.figures.by_unit.len() + 1
}

/// The grid by area with its total, then by unit when it fits below.
fn grid_table(ctx: &Context, width: usize, height: usize) -> Vec<Line<'static>> {
    let (app, lang) = (ctx.app, ctx.ui.lang);
    let figures = &ctx.ui.review.figures;
    let name_width = width.saturating_sub(6 * CELL + 1).max(8);
    let mut lines = header(ctx, name_width);
    lines.push(Line::styled(
        i18n::figure_by_area(lang).to_string(),
        ctx.theme.label(),
    ));
    for (code, grid) in &figures.by_area {
        let name = app
            .plan()
            .area(*code)
            .map(|a| i18n::area_name(a, lang))
            .unwrap_or_default();
        let name = format!("{code} {}", sanitize_line(&name));
        lines.push(grid_line(ctx, &name, grid, name_width, Style::new()));
    }
    let total = grid_line(
        ctx,
        i18n::grid_total(lang),
        &figures.all,
        name_width,
        ctx.theme.label(),
    );
    lines.push(total.clone());
    if lines.len() + grid_by_unit_height(ctx) <= height {
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            i18n::figure_by_unit(lang).to_string(),
            ctx.theme.label(),
        ));
        for (code, grid) in &figures.by_unit {
            let name = app
                .plan()
                .unit(code)
                .map(|u| format!("{code} · {}", i18n::unit_name(u, lang)))
                .unwrap_or_else(|| code.clone());
            lines.push(grid_line(
                ctx,
                &sanitize_line(&name),
                grid,
                name_width,
                Style::new(),
            ));
        }
        lines.push(total);
    }
    lines
}

/// Two header lines: "Đã hoàn thành" over its two columns and "Chưa hoàn
/// thành" over its two, then each column's name.
fn header(ctx: &Context, name_width: usize) -> Vec<Line<'static>> {
    let lang = ctx.ui.lang;
    let (done, open) = i18n::grid_groups(lang);
    let over = |text: &str| {
        format!(
            "{:^width$}",
            fit_width(text, 2 * CELL - 1),
            width = 2 * CELL
        )
    };
    let groups = format!(
        "{}{}{}{}",
        " ".repeat(name_width + CELL),
        over(done),
        over(open),
        " ".repeat(CELL)
    );
    let columns: String = i18n::grid_columns(lang)
        .iter()
        .map(|c| format!("{:>CELL$}", fit_width(c, CELL - 1)))
        .collect();
    vec![
        Line::styled(groups, ctx.theme.label()),
        Line::styled(
            format!("{}{columns}", " ".repeat(name_width)),
            ctx.theme.label(),
        ),
    ]
}

fn grid_line(
    ctx: &Context,
    name: &str,
    grid: &StatusGrid,
    name_width: usize,
    style: Style,
) -> Line<'static> {
    // The tones of `StatusGrid::columns`, in its order.
    let tones = [
        Style::new(),
        ctx.theme.done(),
        ctx.theme.done_late(),
        ctx.theme.in_progress(),
        ctx.theme.overdue(),
        Style::new(),
    ];
    let mut spans = vec![Span::styled(fit_width(name, name_width), style)];
    spans.extend(grid.columns().into_iter().zip(tones).map(|(count, tone)| {
        let tone = if count == 0 { Style::new() } else { tone };
        Span::styled(format!("{count:>CELL$}"), tone.patch(style))
    }));
    Line::from(spans)
}
