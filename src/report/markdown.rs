//! The report as Markdown, for a quick look in a terminal or a mail: the
//! same parts and annexes as the Word document, as headings, lists and
//! tables.

use std::fmt::Write;

use super::ReportInput;
use super::tables::{self, Table};
use crate::app::report::{AreaPart, ReportTask};
use crate::domain::date::format_date;
use crate::domain::report_text::ReportSection;
use crate::domain::text::sanitize_line;
use crate::i18n::{self, Lang, ReportWords};

pub fn document(input: &ReportInput<'_>) -> String {
    let (report, lang) = (input.report, input.lang);
    let w = i18n::report_words(lang);
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", w.title);
    let _ = writeln!(out, "## {}\n", i18n::report_subtitle(report.period, lang));
    let _ = writeln!(
        out,
        "{} · {} · *{}*\n",
        report.commune,
        w.number.trim(),
        i18n::place_and_date(i18n::place_of(&report.commune), input.signed_on, lang)
    );
    let _ = writeln!(
        out,
        "{} {}. {}\n",
        w.figures_as_of,
        format_date(report.as_of),
        report.plan_title
    );
    for part in &report.areas {
        if part.area == 0 {
            let _ = writeln!(out, "### {}\n", w.part_direction);
            area_part(&mut out, input, &w, part);
        }
    }
    let _ = writeln!(out, "### {}\n", w.part_results);
    for part in report.areas.iter().filter(|p| p.area != 0) {
        let _ = writeln!(out, "#### {}. {}\n", part.area, part.name);
        area_part(&mut out, input, &w, part);
    }
    let _ = writeln!(out, "### {}\n", w.part_assessment);
    let _ = writeln!(out, "**{}**\n", w.strengths);
    office_text(&mut out, input, ReportSection::Strengths);
    let _ = writeln!(out, "**{}**\n", w.weaknesses);
    office_text(&mut out, input, ReportSection::Weaknesses);
    let _ = writeln!(out, "### {}\n", w.part_next);
    let _ = writeln!(out, "{}\n", w.next_due);
    task_list(&mut out, input, &w, &report.next, |_| None);
    if input.texts.contains_key(&ReportSection::Direction) || report.next.is_empty() {
        office_text(&mut out, input, ReportSection::Direction);
    }
    let _ = writeln!(out, "### {}\n", w.part_proposals);
    office_text(&mut out, input, ReportSection::Proposals);
    annexes(&mut out, input, &w);
    out
}

fn area_part(out: &mut String, input: &ReportInput<'_>, w: &ReportWords, part: &AreaPart) {
    let lang = input.lang;
    let _ = writeln!(out, "**{}**\n", w.done);
    task_list(out, input, w, &part.done, |t| {
        let docs: Vec<String> = t
            .evidence
            .iter()
            .map(|d| sanitize_line(&i18n::evidence_text(d, lang)).into_owned())
            .collect();
        let done_on = t
            .completed_on
            .map(|d| format!("{} {}", w.done_on, format_date(d)))
            .unwrap_or_default();
        Some(if docs.is_empty() {
            done_on
        } else {
            format!("{done_on}; {}", docs.join("; "))
        })
    });
    let _ = writeln!(out, "**{}**\n", w.in_progress);
    task_list(out, input, w, &part.in_progress, |t| {
        Some(i18n::report_state(t, lang))
    });
    let _ = writeln!(out, "**{}**\n", w.overdue);
    task_list(out, input, w, &part.overdue, |t| {
        let why = t
            .latest_note
            .as_deref()
            .map(|n| sanitize_line(n).into_owned())
            .unwrap_or_else(|| w.why_unknown.to_string());
        Some(format!(
            "{}. {}: {why}",
            i18n::class_label(t.class, lang),
            w.why
        ))
    });
    let _ = writeln!(out, "**{}**\n", w.moved);
    if part.moved.is_empty() {
        let _ = writeln!(out, "{}\n", w.nothing);
    } else {
        for moved in &part.moved {
            let _ = writeln!(
                out,
                "- {} {}: {}",
                moved.key,
                sanitize_line(&moved.title),
                sanitize_line(&i18n::moved_text(moved, lang))
            );
        }
        out.push('\n');
    }
    let targets: Vec<_> = input
        .report
        .targets
        .iter()
        .filter(|t| t.area == part.area)
        .collect();
    if !targets.is_empty() {
        let _ = writeln!(out, "**{}**\n", w.targets);
        for target in targets {
            let latest = target.latest.map_or_else(
                || i18n::target_labels(lang).unmeasured.to_string(),
                |(on, value)| {
                    format!(
                        "{} ({})",
                        i18n::measured(value, &target.unit, lang),
                        format_date(on)
                    )
                },
            );
            let _ = writeln!(
                out,
                "- {} {}: {}; {} — {}",
                target.id,
                sanitize_line(&target.title),
                i18n::target_goal(target, lang),
                latest,
                i18n::verdict_label(target.verdict, lang)
            );
        }
        out.push('\n');
    }
}

/// Each task on its line, with what `detail` adds; "Không có." for none.
fn task_list(
    out: &mut String,
    input: &ReportInput<'_>,
    w: &ReportWords,
    tasks: &[ReportTask],
    detail: impl Fn(&ReportTask) -> Option<String>,
) {
    if tasks.is_empty() {
        let _ = writeln!(out, "{}\n", w.nothing);
        return;
    }
    for task in tasks {
        let detail = detail(task).map(|d| format!(" — {d}")).unwrap_or_default();
        let _ = writeln!(
            out,
            "- {} {} {}{detail}",
            task.key,
            sanitize_line(&task.title),
            i18n::lead_and_due(&task.lead, task.due, input.lang)
        );
    }
    out.push('\n');
}

fn office_text(out: &mut String, input: &ReportInput<'_>, section: ReportSection) {
    match input.texts.get(&section) {
        Some(text) => {
            let _ = writeln!(out, "{}\n", text.text.trim());
        }
        None => {
            let _ = writeln!(out, "*{}*\n", i18n::text_to_write(section, input.lang));
        }
    }
}

fn annexes(out: &mut String, input: &ReportInput<'_>, w: &ReportWords) {
    let attached = i18n::annex_attached(&input.report.commune, input.signed_on, input.lang);
    for (number, title, table) in [
        ("I", w.annex_grid, tables::grid(input)),
        ("II", w.annex_tasks, tables::tasks(input)),
        ("III", w.annex_targets, tables::targets(input)),
    ] {
        let _ = writeln!(out, "---\n\n### {} {number}. {title}\n", w.annex);
        let _ = writeln!(out, "{attached}\n");
        markdown_table(out, &table, input.lang);
    }
}

fn markdown_table(out: &mut String, table: &Table, lang: Lang) {
    let row = |cells: Vec<String>| {
        let cells: Vec<String> = cells.into_iter().map(|c| c.replace('|', "\\|")).collect();
        format!("| {} |", cells.join(" | "))
    };
    let _ = writeln!(out, "{}", row(table.header.clone()));
    let _ = writeln!(
        out,
        "|{}",
        table.header.iter().map(|_| " --- |").collect::<String>()
    );
    for cells in &table.rows {
        let _ = writeln!(
            out,
            "{}",
            row(cells.iter().map(|c| c.text_in(lang)).collect())
        );
    }
    out.push('\n');
}
