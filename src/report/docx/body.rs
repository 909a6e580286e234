//! The Word document before its annexes: the two-column heading, the title,
//! the opening figures, parts I–V, and the recipients beside the signature.

use docx_rs::{Paragraph, Table, TableRow};

use super::{
    BODY, Block, Look, RECIPIENTS, SMALL, TEXT_WIDTH, TITLE, cell, centred, fixed, rule, text,
};
use crate::app::report::{AreaPart, ReportTask};
use crate::domain::report_text::ReportSection;
use crate::i18n::{self, Lang, ReportWords};

use super::super::ReportInput;

/// The heading's left column: the issuing body; the right one takes the rest.
const ISSUER_COLUMN: usize = 3600;
/// The closing's left column: the recipients.
const RECIPIENT_COLUMN: usize = 4200;

pub(super) fn blocks(input: &ReportInput<'_>) -> Vec<Block> {
    let (report, lang) = (input.report, input.lang);
    let words = i18n::report_words(lang);
    let mut out = vec![Block::from(heading(input, &words))];
    out.extend(title(input, &words).into_iter().map(Block::from));
    out.push(Block::from(text(
        &i18n::report_opening(report, lang),
        Look::BODY,
    )));
    if !report.adjustments.is_empty() {
        let heading = i18n::adjustments_heading(report.period.previous(), lang);
        out.push(part_heading(&heading));
        out.extend(report.adjustments.iter().map(|(adjustment, title)| {
            dash(&i18n::adjustment_item(
                &crate::domain::text::sanitize_line(title),
                adjustment,
                lang,
            ))
        }));
    }

    out.push(part_heading(words.part_direction));
    for area in report.areas.iter().filter(|a| a.area == 0) {
        out.extend(area_items(input, area, &words));
    }
    out.push(part_heading(words.part_results));
    for area in report.areas.iter().filter(|a| a.area != 0) {
        out.push(part_heading(&i18n::area_heading(
            usize::from(area.area),
            &area.name,
        )));
        out.extend(area_items(input, area, &words));
    }

    out.push(part_heading(words.part_assessment));
    out.push(part_heading(words.strengths));
    out.extend(office_text(input, ReportSection::Strengths, true));
    out.push(part_heading(words.weaknesses));
    out.extend(office_text(input, ReportSection::Weaknesses, true));

    out.push(part_heading(words.part_next));
    if !report.next.is_empty() {
        out.push(Block::from(text(words.next_due, Look::BODY)));
        out.extend(report.next.iter().map(|t| dash(&i18n::next_item(t, lang))));
    }
    out.extend(office_text(
        input,
        ReportSection::Direction,
        report.next.is_empty(),
    ));

    out.push(part_heading(words.part_proposals));
    out.extend(office_text(input, ReportSection::Proposals, true));
    out.push(Block::from(centred("", Look::BODY)));
    out.push(Block::from(closing(&words)));
    out
}

/// Issuing body left, the nation's name and the place and date right.
fn heading(input: &ReportInput<'_>, words: &ReportWords) -> Table {
    let report = input.report;
    let right = TEXT_WIDTH - ISSUER_COLUMN;
    let issuer = vec![
        centred(words.issuer_body, Look::BODY),
        centred(&i18n::issuer_name(&report.commune), Look::BODY.bold()),
        rule(1400, ISSUER_COLUMN),
        spaced(centred(words.number, Look::BODY)),
    ];
    let place = i18n::place_and_date(i18n::place_of(&report.commune), input.signed_on, input.lang);
    let nation = vec![
        centred(words.nation, Look::sized(SMALL).bold()),
        centred(words.motto, Look::BODY.bold()),
        rule(3300, right),
        spaced(centred(&place, Look::BODY.italic())),
    ];
    fixed(
        Table::without_borders(vec![TableRow::new(vec![
            cell(issuer, ISSUER_COLUMN),
            cell(nation, right),
        ])]),
        &[ISSUER_COLUMN, right],
    )
}

/// 6 pt above a line of the heading.
fn spaced(p: Paragraph) -> Paragraph {
    p.line_spacing(docx_rs::LineSpacing::new().before(120).after(0).line(240))
}

fn title(input: &ReportInput<'_>, words: &ReportWords) -> Vec<Paragraph> {
    vec![
        centred("", Look::BODY),
        spaced(centred(words.title, Look::sized(TITLE).bold())),
        centred(
            &i18n::report_subtitle(input.report.period, input.lang),
            Look::sized(TITLE).bold(),
        ),
        rule(1800, TEXT_WIDTH),
    ]
}

/// A part's or an item's heading, kept with what follows it.
fn part_heading(words: &str) -> Block {
    Block::from(text(words, Look::BODY.bold()).keep_next(true))
}

fn lettered(index: usize, words: &str, lang: Lang) -> Block {
    let heading = format!("{}) {words}", i18n::item_letter(index, lang));
    Block::from(text(&heading, Look::BODY.italic()).keep_next(true))
}

fn dash(words: &str) -> Block {
    Block::Plain(format!("- {words}"))
}

/// What one area did: done, under way, overdue and why, deadlines moved,
/// and its targets; an empty list says so.
fn area_items(input: &ReportInput<'_>, area: &AreaPart, words: &ReportWords) -> Vec<Block> {
    let lang = input.lang;
    let mut out = Vec::new();
    let mut list = |index: usize, heading: &str, items: Vec<Block>| {
        out.push(lettered(index, heading, lang));
        if items.is_empty() {
            out.push(Block::from(text(words.nothing, Look::BODY)));
        } else {
            out.extend(items);
        }
    };
    list(
        0,
        words.done,
        area.done.iter().flat_map(|t| done(t, lang)).collect(),
    );
    list(
        1,
        words.in_progress,
        area.in_progress
            .iter()
            .map(|t| dash(&i18n::progress_item(&t.title, t.progress, t.due, lang)))
            .collect(),
    );
    list(
        2,
        words.overdue,
        area.overdue.iter().map(|t| overdue(t, lang)).collect(),
    );
    list(
        3,
        words.moved,
        area.moved
            .iter()
            .map(|m| dash(&i18n::moved_item(m, lang)))
            .collect(),
    );
    list(
        4,
        words.targets,
        input
            .report
            .targets
            .iter()
            .filter(|t| t.area == area.area)
            .map(|t| dash(&i18n::target_item(t, lang)))
            .collect(),
    );
    out
}

/// A task done, then the documents that prove it.
fn done(task: &ReportTask, lang: Lang) -> Vec<Block> {
    vec![
        dash(&i18n::done_item(&task.title, task.completed_on, lang)),
        Block::Plain(i18n::evidence_line(&task.evidence, lang)),
    ]
}

/// An overdue task and why.
fn overdue(task: &ReportTask, lang: Lang) -> Block {
    dash(&i18n::overdue_line(task, lang))
}

/// The office's own text of a section, a paragraph per line; where it has
/// written none and `needed`, the marked place it has still to fill.
fn office_text(input: &ReportInput<'_>, section: ReportSection, needed: bool) -> Vec<Block> {
    match input.texts.get(&section) {
        Some(written) => written
            .text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(|l| Block::from(text(l, Look::BODY)))
            .collect(),
        None if needed => vec![Block::from(text(
            &i18n::text_to_write(section, input.lang),
            Look::BODY.to_write(),
        ))],
        None => Vec::new(),
    }
}

/// "Nơi nhận:" and its lines left; who signs right.
fn closing(words: &ReportWords) -> Table {
    let right = TEXT_WIDTH - RECIPIENT_COLUMN;
    let left_aligned =
        |words: &str, look: Look| super::line(words, look, docx_rs::AlignmentType::Left);
    let mut recipients = vec![left_aligned(
        words.recipients,
        Look::sized(SMALL).bold().italic(),
    )];
    recipients.extend(
        words
            .recipient_lines
            .iter()
            .map(|l| left_aligned(l, Look::sized(RECIPIENTS))),
    );
    let mut signature = vec![
        centred(words.signature_on_behalf, Look::sized(BODY).bold()),
        centred(words.signature_title, Look::sized(BODY).bold()),
    ];
    signature.extend((0..4).map(|_| centred("", Look::BODY)));
    signature.push(centred(words.signature_name, Look::BODY.bold()));
    fixed(
        Table::without_borders(vec![TableRow::new(vec![
            cell(recipients, RECIPIENT_COLUMN),
            cell(signature, right),
        ])]),
        &[RECIPIENT_COLUMN, right],
    )
}
