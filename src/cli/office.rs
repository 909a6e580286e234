//! The office's own tasks on the command line (`task add`, `task edit`,
//! `task retire`) and notes and documents taken back (`note correct`,
//! `note withdraw`, `evidence withdraw`): each is one operation, carried out
//! by whoever holds the store.

use super::CliError;
use super::args::{NoteCommand, TaskCadence, TaskCommand, TaskFields};
use super::writes::AskedWrite;
use crate::app::Operation;
use crate::domain::office::{DraftChanges, TaskDraft};
use crate::domain::{Cadence, Edit, InputError, Item, input};
use crate::i18n::{self, Lang};

pub fn task_write(command: &TaskCommand) -> Result<Option<AskedWrite>, CliError> {
    let write = match command {
        TaskCommand::Add(fields) => AskedWrite {
            op: Operation::AddTasks {
                drafts: vec![draft(fields)?],
            },
            subject: fields.title.clone().unwrap_or_default(),
        },
        TaskCommand::Edit { id, fields } => AskedWrite {
            op: Operation::EditOfficeTask {
                typed: id.clone(),
                changes: changes(fields)?,
            },
            subject: id.trim().to_string(),
        },
        TaskCommand::Retire { id, reason } => AskedWrite {
            op: Operation::RetireTask {
                typed: id.clone(),
                reason: reason.clone(),
            },
            subject: id.trim().to_string(),
        },
        // Reads a file and the plan first: `task_import` carries it out.
        TaskCommand::Import(_) => return Ok(None),
    };
    Ok(Some(write))
}

/// A new task: its title, area and lead are required.
fn draft(fields: &TaskFields) -> Result<TaskDraft, CliError> {
    let changes = changes(fields)?;
    let missing = |flag: &str| CliError::MissingOption(flag.to_string());
    Ok(TaskDraft {
        title: changes.title.ok_or_else(|| missing("--title"))?,
        area: changes.area.ok_or_else(|| missing("--area"))?,
        lead: changes.lead.ok_or_else(|| missing("--lead"))?,
        coordinators: changes.coordinators.unwrap_or_default(),
        cadence: changes.cadence.unwrap_or(Cadence::Once),
        due: changes.due,
        source: changes.source,
        parent: changes.parent,
    })
}

fn changes(fields: &TaskFields) -> Result<DraftChanges, CliError> {
    Ok(DraftChanges {
        title: fields.title.clone(),
        area: fields.area.as_deref().map(area).transpose()?,
        lead: fields.lead.clone(),
        coordinators: fields.with.as_ref().map(|units| {
            units
                .iter()
                .map(|u| u.trim().to_string())
                .filter(|u| !u.is_empty())
                .collect()
        }),
        cadence: fields.cadence.map(cadence),
        due: fields.due.as_deref().map(input::date).transpose()?,
        source: fields.source.clone(),
        parent: fields.parent.clone(),
    })
}

fn area(typed: &str) -> Result<u8, InputError> {
    typed
        .trim()
        .parse()
        .map_err(|_| InputError::UnknownArea(typed.to_string()))
}

fn cadence(typed: TaskCadence) -> Cadence {
    match typed {
        TaskCadence::Once => Cadence::Once,
        TaskCadence::Yearly => Cadence::Yearly,
        TaskCadence::Quarterly => Cadence::Quarterly,
        TaskCadence::Continuous => Cadence::Continuous,
    }
}

pub fn note_write(command: &NoteCommand, lang: Lang) -> Result<AskedWrite, CliError> {
    let (id, edits, reason) = match command {
        NoteCommand::Correct {
            id,
            number,
            text,
            reason,
        } => {
            let reason = reason
                .clone()
                .unwrap_or_else(|| i18n::correction_reason(lang).to_string());
            let edits = vec![
                Edit::Note(text.clone()),
                Edit::Withdraw {
                    item: Item::Note(position(number)?),
                    reason: reason.clone(),
                },
            ];
            (id, edits, reason)
        }
        NoteCommand::Withdraw { id, number, reason } => {
            let item = Item::Note(position(number)?);
            (id, withdrawn(item, reason), reason.clone())
        }
    };
    Ok(edit_write(id, edits, reason))
}

pub fn evidence_withdraw(id: &str, number: &str, reason: &str) -> Result<AskedWrite, CliError> {
    let item = Item::Evidence(position(number)?);
    Ok(edit_write(id, withdrawn(item, reason), reason.to_string()))
}

fn withdrawn(item: Item, reason: &str) -> Vec<Edit> {
    vec![Edit::Withdraw {
        item,
        reason: reason.to_string(),
    }]
}

fn edit_write(id: &str, edits: Vec<Edit>, reason: String) -> AskedWrite {
    AskedWrite {
        op: Operation::EditTyped {
            typed: id.to_string(),
            edits,
            reason: Some(reason),
        },
        subject: id.trim().to_string(),
    }
}

/// The position of a note or document from its number as `cchc show`
/// prints it, from 1.
fn position(typed: &str) -> Result<u32, InputError> {
    typed
        .trim()
        .parse::<u32>()
        .ok()
        .and_then(|n| n.checked_sub(1))
        .ok_or(InputError::NoSuchItem)
}
