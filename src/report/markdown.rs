//! The report as Markdown, for a quick look in a terminal or a mail: the
//! same parts and annexes as the Word document, as headings, lists and
//! tables.

use std::fmt::Write;

use super::ReportInput;
use super::tables::{self, Table};
use crate::app::report::{AreaPart, ReportTarget};
use crate::domain::report_text::ReportSection;
use crate::domain::text::sanitize_line;

/// Text from the store made safe line by line, its later lines indented
/// under the item they continue.
fn sanitize_text(text: &str) -> String {
    text.lines()
        .map(|l| sanitize_line(l).into_owned())
        .collect::<Vec<_>>()
        .join("\n  ")
}
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
    let _ = writeln!(out, "{}\n", i18n::report_opening(report, lang));
    if !report.adjustments.is_empty() {
        let heading = i18n::adjustments_heading(report.period.previous(), lang);
        let _ = writeln!(out, "### {heading}\n");
        for (adjustment, title) in &report.adjustments {
            let item = i18n::adjustment_item(&sanitize_line(title), adjustment, lang);
            let _ = writeln!(out, "- {item}");
        }
        let _ = writeln!(out);
    }
    for part in &report.areas {
        if part.area == 0 {
            let _ = writeln!(out, "### {}\n", w.part_direction);
            area_part(&mut out, input, &w, part);
        }
    }
    let _ = writeln!(out, "### {}\n", w.part_results);
    for part in report.areas.iter().filter(|p| p.area != 0) {
        let _ = writeln!(
            out,
            "#### {}\n",
            i18n::area_heading(usize::from(part.area), &part.name)
        );
        area_part(&mut out, input, &w, part);
    }
    let _ = writeln!(out, "### {}\n", w.part_assessment);
    let _ = writeln!(out, "**{}**\n", w.strengths);
    office_text(&mut out, input, ReportSection::Strengths);
    let _ = writeln!(out, "**{}**\n", w.weaknesses);
    office_text(&mut out, input, ReportSection::Weaknesses);
    let _ = writeln!(out, "### {}\n", w.part_next);
    let _ = writeln!(out, "{}\n", w.next_due);
    let next: Vec<String> = report
        .next
        .iter()
        .map(|t| i18n::next_item(t, lang))
        .collect();
    bullets(&mut out, &w, &next);
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
    let targets: Vec<&ReportTarget> = input
        .report
        .targets
        .iter()
        .filter(|t| t.area == part.area)
        .collect();
    let lists: [(&str, Vec<String>); 5] = [
        (
            w.done,
            part.done
                .iter()
                .map(|t| {
                    format!(
                        "{}\n  {}",
                        i18n::done_item(&t.title, t.completed_on, lang),
                        i18n::evidence_line(&t.evidence, lang)
                    )
                })
                .collect(),
        ),
        (
            w.in_progress,
            part.in_progress
                .iter()
                .map(|t| i18n::progress_item(&t.title, t.progress, t.due, lang))
                .collect(),
        ),
        (
            w.overdue,
            part.overdue
                .iter()
                .map(|t| i18n::overdue_line(t, lang))
                .collect(),
        ),
        (
            w.moved,
            part.moved
                .iter()
                .map(|m| i18n::moved_item(m, lang))
                .collect(),
        ),
        (
            w.targets,
            targets.iter().map(|t| i18n::target_item(t, lang)).collect(),
        ),
    ];
    for (index, (heading, items)) in lists.into_iter().enumerate() {
        let _ = writeln!(out, "*{}) {heading}*\n", i18n::item_letter(index, lang));
        bullets(out, w, &items);
    }
}

/// Each item on its line ("- …"), or "Không có." for none.
fn bullets(out: &mut String, w: &ReportWords, items: &[String]) {
    if items.is_empty() {
        let _ = writeln!(out, "{}\n", w.nothing);
        return;
    }
    for item in items {
        let _ = writeln!(out, "- {}", sanitize_text(item));
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
        let _ = writeln!(out, "{}", row(cells.texts(table.header.len(), lang)));
    }
    out.push('\n');
}
