//! What is at risk in the selected period: flagged tasks grouped by area or
//! lead unit, most severe first, each with its reasons; then flagged targets.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::Context;
use crate::app::board::Grouping;
use crate::app::risks::FlaggedTask;
use crate::domain::risk::Severity;
use crate::domain::text::{fit_width, sanitize_line};
use crate::i18n;

/// The style of a severity.
pub fn severity_style(ctx: &Context, severity: Severity) -> Style {
    match severity {
        Severity::High => ctx.theme.overdue(),
        Severity::Medium => ctx.theme.due_soon(),
        Severity::Low => ctx.theme.label(),
    }
}

pub fn draw(frame: &mut Frame, area: Rect, ctx: &Context) {
    let (lang, app) = (ctx.ui.lang, ctx.app);
    let width = usize::from(area.width);
    let tasks = &ctx.ui.review.task_risks;
    let by_unit = ctx.ui.grouping == Grouping::Unit;
    let targets = &ctx.ui.review.target_risks;
    let mut lines: Vec<Line> = vec![Line::styled(
        i18n::risks_title(app, tasks.len(), targets.len(), lang),
        ctx.theme.title(),
    )];
    // Each row, and the flagged item it shows (group headers show none):
    // the selection counts items, so headers never take it.
    let mut rows: Vec<(Line, Option<usize>)> = Vec::new();
    let mut group = None;
    for (item, task) in tasks.iter().enumerate() {
        let key = if by_unit {
            task.lead.clone()
        } else {
            task.area.to_string()
        };
        if group.as_ref() != Some(&key) {
            rows.push((
                Line::styled(group_title(ctx, task, by_unit), ctx.theme.group()),
                None,
            ));
            group = Some(key);
        }
        rows.push((task_line(ctx, task, width), Some(item)));
    }
    if !targets.is_empty() {
        rows.push((
            Line::styled(i18n::targets_group(lang).to_string(), ctx.theme.group()),
            None,
        ));
    }
    for (i, target) in targets.iter().enumerate() {
        let severity = target.severity();
        let reasons: Vec<String> = target
            .reasons
            .iter()
            .map(|r| i18n::target_reason(r, &target.def.unit, lang))
            .collect();
        let text = format!(
            "{} {} · {}",
            fit_width(&target.def.id, 13),
            sanitize_line(&target.def.short),
            reasons.join("; ")
        );
        let line = Line::from(vec![
            Span::styled(
                format!("{} ", i18n::severity_symbol(severity)),
                severity_style(ctx, severity),
            ),
            Span::raw(fit_width(&text, width.saturating_sub(2))),
        ]);
        rows.push((line, Some(tasks.len() + i)));
    }
    if rows.is_empty() {
        rows.push((Line::raw(i18n::no_risks(lang)), None));
    }
    let page = usize::from(area.height.saturating_sub(1));
    let items = tasks.len() + targets.len();
    let selected_item = ctx.ui.risk_selected.min(items.saturating_sub(1));
    let selected_row = rows
        .iter()
        .position(|(_, item)| *item == Some(selected_item))
        .unwrap_or(0);
    let offset = selected_row.saturating_sub(page.saturating_sub(1));
    for (i, (line, _)) in rows.into_iter().enumerate().skip(offset).take(page) {
        lines.push(if i == selected_row && items > 0 {
            line.patch_style(ctx.theme.selected())
        } else {
            line
        });
    }
    frame.render_widget(Paragraph::new(lines), area);
}

fn group_title(ctx: &Context, task: &FlaggedTask, by_unit: bool) -> String {
    let (lang, plan) = (ctx.ui.lang, ctx.app.plan());
    let name = if by_unit {
        plan.unit(&task.lead)
            .map(|u| format!("{} · {}", u.code, i18n::unit_name(u, lang)))
    } else {
        plan.area(task.area)
            .map(|a| format!("{} · {}", a.code, i18n::area_name(a, lang)))
    };
    sanitize_line(&name.unwrap_or_default()).into_owned()
}

fn task_line(ctx: &Context, task: &FlaggedTask, width: usize) -> Line<'static> {
    let lang = ctx.ui.lang;
    let severity = task.severity();
    let title = ctx
        .app
        .plan()
        .task(&task.key.task)
        .map(|t| sanitize_line(&t.short).into_owned())
        .unwrap_or_default();
    let reasons: Vec<String> = task
        .reasons
        .iter()
        .map(|r| i18n::task_reason(r, lang))
        .collect();
    let title_width = (width / 3).clamp(16, 44);
    let text = format!(
        "{} {} {} {}",
        fit_width(&task.key.to_string(), 13),
        fit_width(&title, title_width),
        fit_width(&task.lead, 7),
        reasons.join("; ")
    );
    Line::from(vec![
        Span::styled(
            format!("{} ", i18n::severity_symbol(severity)),
            severity_style(ctx, severity),
        ),
        Span::raw(fit_width(&text, width.saturating_sub(2))),
    ])
}
