//! The targets (chỉ tiêu): goal, latest measurement and its date, a gauge of
//! the way to the goal, and the phase deadline; the selected one in full
//! below, with where its latest result comes from.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::Context;
use crate::domain::date::format_date;
use crate::domain::target::Verdict;
use crate::domain::text::{fit_width, sanitize_line};
use crate::domain::{Direction, TargetDef, TargetState};
use crate::i18n;

pub fn draw(frame: &mut Frame, area: Rect, ctx: &Context) {
    let [list, detail] = Layout::vertical([Constraint::Min(3), Constraint::Length(5)]).areas(area);
    let targets: Vec<(&TargetDef, TargetState)> = ctx.app.targets().collect();
    let width = usize::from(area.width);
    let l = i18n::target_labels(ctx.ui.lang);
    let gauge = if width >= 120 { 20 } else { 8 };
    // id, title, goal, latest, gauge with its mark, due: each with its space.
    let title_width = width.saturating_sub(5 + 1 + 9 + 17 + gauge + 7 + 10);
    let mut lines = vec![Line::styled(
        format!(
            "{} {} {} {} {} {}",
            fit_width(l.id, 4),
            fit_width(l.target, title_width),
            fit_width(l.goal_short, 8),
            fit_width(l.latest, 16),
            fit_width("", gauge + 6),
            l.due
        ),
        ctx.theme.header(),
    )];
    let page = usize::from(list.height.saturating_sub(1));
    let offset = ctx
        .ui
        .target_selected
        .saturating_sub(page.saturating_sub(1));
    for (i, (def, state)) in targets.iter().enumerate().skip(offset).take(page) {
        let line = target_line(ctx, def, state, title_width, gauge);
        lines.push(if i == ctx.ui.target_selected {
            line.patch_style(ctx.theme.selected())
        } else {
            line
        });
    }
    frame.render_widget(Paragraph::new(lines), list);
    if let Some((def, state)) = targets.get(ctx.ui.target_selected) {
        let text = vec![
            Line::raw(format!(
                "{} · {} · {}",
                def.id,
                def.plan_ref,
                sanitize_line(&def.title)
            )),
            Line::raw(i18n::latest_result_text(state.latest(), ctx.ui.lang)),
            Line::raw(i18n::baseline_text(def, state, ctx.ui.lang)),
        ];
        let block = Block::new()
            .borders(Borders::TOP)
            .border_style(ctx.theme.border());
        frame.render_widget(
            Paragraph::new(text).block(block).wrap(Wrap { trim: true }),
            detail,
        );
    }
}

fn target_line(
    ctx: &Context,
    def: &TargetDef,
    state: &TargetState,
    title_width: usize,
    gauge: usize,
) -> Line<'static> {
    let l = i18n::target_labels(ctx.ui.lang);
    let sign = match def.direction {
        Direction::AtLeast => "≥",
        Direction::AtMost => "≤",
    };
    let unit = if def.unit.starts_with('%') {
        "%"
    } else {
        def.unit.as_str()
    };
    let lang = ctx.ui.lang;
    // A qualitative aim's goal is "đạt", and its result "đạt" / "chưa đạt".
    let goal = if def.qualitative {
        i18n::result_value(def, def.value, lang)
    } else {
        format!("{sign}{}{unit}", i18n::decimal(def.value, lang))
    };
    let latest = state.latest();
    let latest_text = latest
        .map(|m| {
            let value = if def.qualitative {
                i18n::result_value(def, m.value, lang)
            } else {
                format!("{}{unit}", i18n::decimal(m.value, lang))
            };
            format!("{value} {}", format_date(m.on))
        })
        .unwrap_or_else(|| l.unmeasured.to_string());
    let share = latest.map_or(0.0, |m| {
        (m.value / def.value.max(f64::MIN_POSITIVE)).clamp(0.0, 1.0)
    });
    let verdict = ctx.app.target_verdict(def);
    let (mark, style) = (i18n::verdict_symbol(verdict), verdict_style(ctx, verdict));
    let mut spans = vec![
        Span::raw(format!("{} ", fit_width(&def.id, 4))),
        Span::raw(format!(
            "{} ",
            fit_width(&sanitize_line(&def.short), title_width)
        )),
        Span::raw(format!("{} ", fit_width(&goal, 8))),
        Span::styled(format!("{} ", fit_width(&latest_text, 16)), style),
    ];
    spans.extend(super::bar(&ctx.theme, share, gauge));
    spans.push(Span::styled(
        format!(" {mark}{:>3}% ", (share * 100.0).round() as u32),
        style,
    ));
    spans.push(Span::raw(def.due.map(format_date).unwrap_or_default()));
    Line::from(spans)
}

/// The verdict's colour, beside its mark.
pub(super) fn verdict_style(ctx: &Context, verdict: Verdict) -> Style {
    match verdict {
        Verdict::Met => ctx.theme.done(),
        Verdict::OnPath { .. } => ctx.theme.in_progress(),
        Verdict::BehindPath { .. } | Verdict::NotMet => ctx.theme.overdue(),
        Verdict::NoData => ctx.theme.not_started(),
    }
}
