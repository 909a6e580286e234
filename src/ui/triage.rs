//! Triage: one flagged occurrence at a time, with its reasons and the one-key
//! decisions; then a summary of what was decided.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::Context;
use super::risks::severity_style;
use crate::domain::date::format_date;
use crate::domain::text::{sanitize_block, sanitize_line};
use crate::i18n::severity_symbol;
use crate::i18n::{self, Lang};
use crate::screen::state::Decision;

pub fn draw(frame: &mut Frame, area: Rect, ctx: &Context) {
    let triage = &ctx.ui.triage;
    match triage.current() {
        Some(key) if !triage.finished => item(frame, area, ctx, key),
        _ => summary(frame, area, ctx),
    }
}

fn item(frame: &mut Frame, area: Rect, ctx: &Context, key: &crate::domain::TaskKey) {
    let (lang, app, triage) = (ctx.ui.lang, ctx.app, &ctx.ui.triage);
    let [head, body] = Layout::vertical([Constraint::Length(2), Constraint::Min(1)]).areas(area);
    let counter = format!("{}/{}", triage.position + 1, triage.queue.len());
    let title = i18n::triage_title(app.period(), lang);
    let pad =
        usize::from(area.width).saturating_sub(title.chars().count() + counter.chars().count() + 1);
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(format!(" {title}"), ctx.theme.title()),
            Span::raw(" ".repeat(pad)),
            Span::styled(counter, ctx.theme.key()),
        ]))
        .block(
            Block::new()
                .borders(Borders::BOTTOM)
                .border_style(ctx.theme.border()),
        ),
        head,
    );
    let Some(view) = app.view(key) else { return };
    let reasons = app.task_reasons(key);
    let severity = reasons.first().map(|r| r.severity());
    let l = i18n::show_labels(lang);
    let mut lines = vec![
        Line::from(vec![
            Span::styled(
                format!("{} ", severity.map_or(" ", severity_symbol)),
                severity.map_or(ctx.theme.label(), |s| severity_style(ctx, s)),
            ),
            Span::styled(
                format!("{} · {}", key, sanitize_line(&view.def.short)),
                ctx.theme.title(),
            ),
        ]),
        Line::raw(sanitize_line(&view.def.title).into_owned()),
        Line::raw(""),
        Line::raw(format!(
            "{}: {}   {}: {}   {}: {}%   {}: {}",
            l.lead,
            view.lead,
            l.due,
            i18n::task_due(&view, lang),
            l.progress,
            view.state.progress,
            l.class,
            i18n::class_label(view.class, lang)
        )),
        Line::raw(""),
        Line::styled(i18n::reasons_title(lang).to_string(), ctx.theme.label()),
    ];
    for reason in &reasons {
        lines.push(Line::styled(
            format!(
                "  {} {} ({})",
                severity_symbol(reason.severity()),
                i18n::task_reason(reason, lang),
                i18n::severity_label(reason.severity(), lang)
            ),
            severity_style(ctx, reason.severity()),
        ));
    }
    if app.is_on_agenda(key) {
        lines.push(Line::styled(
            format!("  ► {}", i18n::on_agenda(lang)),
            ctx.theme.key(),
        ));
    }
    if let Some((_, note)) = view.state.live_notes().next_back() {
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            format!(
                "{} ({} · {})",
                l.notes,
                note.at.format("%d/%m/%Y"),
                i18n::author(&note.who, lang)
            ),
            ctx.theme.label(),
        ));
        for text in sanitize_block(&note.text).lines() {
            lines.push(Line::raw(format!("  {text}")));
        }
    }
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((ctx.ui.detail_scroll, 0)),
        body,
    );
}

fn summary(frame: &mut Frame, area: Rect, ctx: &Context) {
    let (lang, triage) = (ctx.ui.lang, &ctx.ui.triage);
    let mut lines = vec![
        Line::styled(
            i18n::triage_summary_title(triage.items_decided(), triage.queue.len(), lang),
            ctx.theme.title(),
        ),
        Line::raw(""),
    ];
    if triage.queue.is_empty() {
        lines.push(Line::raw(i18n::no_risks(lang)));
    }
    for (key, decision) in &triage.decisions {
        let title = ctx
            .app
            .plan()
            .task(&key.task)
            .map(|t| sanitize_line(&t.short).into_owned())
            .unwrap_or_default();
        let text = decision_text(decision, lang);
        lines.push(Line::raw(format!("  {key:<13} {text:<22} {title}")));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        i18n::triage_summary_help(lang),
        ctx.theme.label(),
    ));
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), area);
}

fn decision_text(decision: &Decision, lang: Lang) -> String {
    let words = i18n::decision_words(lang);
    match decision {
        Decision::Done => words.done.to_string(),
        Decision::Extended(date) => format!("{} {}", words.extended_to, format_date(*date)),
        Decision::Progress => words.progress.to_string(),
        Decision::Note => words.note.to_string(),
        Decision::Agenda(true) => words.on_agenda.to_string(),
        Decision::Agenda(false) => words.off_agenda.to_string(),
        Decision::Skipped => words.skipped.to_string(),
    }
}
