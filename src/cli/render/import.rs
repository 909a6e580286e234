//! The dry run of `cchc task import`: each task the file holds, with the row
//! it comes from and the stored task it already is, if any.

use std::io::Write;

use serde::Serialize;

use super::printer::{self, Column, Frame, Record, Width};
use crate::domain::office::TaskDraft;
use crate::i18n::{self, Lang};

/// A task read from a row, checked as the store would take it.
#[derive(Debug, Serialize)]
pub struct DraftRow {
    pub row: u32,
    pub draft: TaskDraft,
    /// The stored task it is already, which an import skips.
    pub stored: Option<String>,
}

/// A [`DraftRow`] with its deadline in words, as the table shows it.
#[derive(Debug, Serialize)]
struct DraftRecord<'a> {
    #[serde(flatten)]
    row: &'a DraftRow,
    #[serde(skip)]
    deadline: String,
}

impl Record for DraftRecord<'_> {
    const TSV: &'static [&'static str] = &["row", "area", "lead", "due", "title", "stored"];

    fn columns(lang: Lang) -> Vec<Column> {
        let c = i18n::import_columns(lang);
        vec![
            Column::first(c.row, Width::Widest),
            Column::next(c.area, Width::Widest),
            Column::next(c.lead, Width::Widest),
            Column::next(c.due, Width::Widest),
            Column::next(c.existing, Width::Widest),
            Column::next(c.title, Width::Rest { min: 20 }),
        ]
    }

    fn cells(&self) -> Vec<String> {
        let draft = &self.row.draft;
        vec![
            self.row.row.to_string(),
            draft.area.to_string(),
            draft.lead.clone(),
            self.deadline.clone(),
            self.row.stored.clone().unwrap_or_default(),
            draft.title.clone(),
        ]
    }

    fn tsv(&self) -> Vec<String> {
        self.cells()
    }
}

/// The table of what an import of `path` would add.
pub fn import_preview(rows: &[DraftRow], path: &str, lang: Lang, out: &mut impl Write) {
    let records: Vec<DraftRecord> = rows
        .iter()
        .map(|row| DraftRecord {
            row,
            deadline: i18n::draft_deadline(row.draft.cadence, row.draft.due, lang),
        })
        .collect();
    let stored = rows.iter().filter(|r| r.stored.is_some()).count();
    let frame = Frame {
        empty: None,
        above: vec![i18n::import_preview_above(rows.len(), path, lang)],
        below: vec![i18n::import_preview_below(
            rows.len() - stored,
            stored,
            lang,
        )],
    };
    printer::table(out, &records, lang, &frame);
}
