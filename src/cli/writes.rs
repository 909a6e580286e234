//! The one-shot writes (`set`, `evidence add`, `target set`, `meeting new`):
//! each command is one operation with the task, target and units as typed,
//! resolved and checked by whoever holds the store. When an owner serves it,
//! the operation goes there and the command reads nothing else (at 100,000
//! tasks the store is tens of MB); otherwise it is carried out on the store
//! opened here, by the same code.

use std::path::Path;

use super::CliError;
use super::args::{self, Command};
use crate::app::{App, AppError, Operation, Owner, Update};
use crate::domain::input;
use crate::domain::period::PeriodRules;
use crate::domain::validate;
use crate::domain::{Edit, Evidence, HistoryEntry, InputError, Subject};
use crate::i18n::{self, Lang};
use crate::share::{self, Client, Connect};

/// A write a command asks for, and what to call it when it changes nothing.
pub struct AskedWrite {
    pub op: Operation,
    pub subject: String,
}

/// The write `command` asks for, checked as far as it can be without the
/// plan; `None` for a command that reads, or writes more than one operation.
pub fn operation(
    command: &Command,
    lang: Lang,
    rules: &PeriodRules,
) -> Result<Option<AskedWrite>, CliError> {
    let write = match command {
        Command::Set(set) => AskedWrite {
            op: Operation::EditTyped {
                typed: set.id.clone(),
                edits: typed_edits(set)?,
                reason: set.reason.clone(),
            },
            subject: set.id.trim().to_string(),
        },
        Command::Evidence {
            command:
                args::EvidenceCommand::Add {
                    id,
                    doc,
                    date,
                    title,
                    link,
                },
        } => AskedWrite {
            op: Operation::EditTyped {
                typed: id.clone(),
                edits: vec![Edit::Evidence(typed_evidence(
                    doc,
                    date,
                    title,
                    link.as_deref(),
                )?)],
                reason: None,
            },
            subject: id.trim().to_string(),
        },
        Command::Target {
            command:
                args::TargetCommand::Set {
                    id,
                    value,
                    date,
                    note,
                },
        } => AskedWrite {
            op: Operation::Measure {
                target: id.clone(),
                value: input::number(value)?,
                on: date.as_deref().map(input::date).transpose()?,
                note: note.clone(),
            },
            subject: id.trim().to_string(),
        },
        Command::Target {
            command: args::TargetCommand::Baseline { id, value, source },
        } => AskedWrite {
            op: Operation::SetBaseline {
                target: id.clone(),
                value: input::number(value)?,
                source: source.clone(),
            },
            subject: id.trim().to_string(),
        },
        Command::Meeting {
            command: args::MeetingCommand::New { date, title },
        } => {
            let title = meeting_title(title.as_deref(), lang)?;
            let date = match date {
                Some(typed) => input::date(typed)?,
                None => {
                    crate::app::Clock::from_env()
                        .map_err(|e| CliError::BadToday(e.0))?
                        .today
                }
            };
            AskedWrite {
                op: Operation::RecordMeeting {
                    date,
                    title: title.clone(),
                },
                subject: title,
            }
        }
        Command::Task { command } => return super::office::task_write(command),
        Command::Note { command } => super::office::note_write(command, lang)?,
        Command::Evidence {
            command: args::EvidenceCommand::Withdraw { id, number, reason },
        } => super::office::evidence_withdraw(id, number, reason)?,
        Command::Period { command } => {
            let today = crate::app::Clock::from_env()
                .map_err(|e| CliError::BadToday(e.0))?
                .today;
            match super::report::period_write(command, rules, today)? {
                Some(write) => write,
                None => return Ok(None),
            }
        }
        _ => return Ok(None),
    };
    Ok(Some(write))
}

/// Carries out `write` through the owner; `None` when no owner answers (the
/// caller then opens the store itself).
pub fn perform(
    dir: &Path,
    write: &AskedWrite,
    lang: Lang,
    out: &mut impl std::io::Write,
) -> Result<Option<()>, CliError> {
    if !share::owner_answers(dir) {
        return Ok(None);
    }
    let client = Client::connect(dir, Connect::starting_owner("set")).map_err(AppError::from)?;
    let performed = client.perform(&write.op)?;
    if performed.before.contains(&Update::Reconnected) {
        let _ = writeln!(out, "{}", i18n::saved_after_reconnect(lang));
    }
    tell_written(&performed.commit.history, &write.subject, lang, out);
    Ok(Some(()))
}

/// Carries out the write `command` asks for on the store this process holds;
/// true when something was written.
pub fn perform_here(
    app: &mut App,
    command: &Command,
    lang: Lang,
    out: &mut impl std::io::Write,
) -> Result<bool, CliError> {
    let Some(write) = operation(command, lang, app.period_rules())? else {
        return Ok(false);
    };
    let written = app.perform(write.op)?;
    tell_written(&written, &write.subject, lang, out);
    Ok(!written.is_empty())
}

/// "Saved N changes to 0.3@2026 at 10:48:22", with the history's own time.
fn tell_written(
    history: &[HistoryEntry],
    subject: &str,
    lang: Lang,
    out: &mut impl std::io::Write,
) {
    let Some(first) = history.first() else {
        let _ = writeln!(out, "{}", i18n::nothing_changed(subject, lang));
        return;
    };
    let subject = match &first.subject {
        Subject::Task(key) => key.to_string(),
        Subject::Target(id) | Subject::Report(id) => id.clone(),
        Subject::Catalog | Subject::Meeting(_) => subject.to_string(),
    };
    let time = first.at.format("%H:%M:%S").to_string();
    let _ = writeln!(out, "{}", i18n::saved(history.len(), &subject, &time, lang));
}

/// The edits `cchc set` asks for, as typed (units are resolved by the plan).
pub fn typed_edits(set: &args::SetArgs) -> Result<Vec<Edit>, CliError> {
    let mut edits = Vec::new();
    if let Some(p) = &set.progress {
        edits.push(Edit::Progress(input::progress(p)?));
    }
    if let Some(s) = &set.status {
        edits.push(Edit::Status(input::status(s)?));
    }
    if let Some(d) = &set.done_on {
        edits.push(Edit::DoneOn(input::date(d)?));
    }
    if let Some(d) = &set.due {
        edits.push(Edit::Due(input::date(d)?));
    }
    if let Some(code) = &set.lead {
        edits.push(Edit::Lead(code.clone()));
    }
    if let Some(n) = &set.note {
        edits.push(Edit::Note(validate::note_text(n)?));
    }
    if let Some(name) = &set.assignee {
        edits.push(Edit::Assignee(validate::assignee_name(name)?));
    }
    if edits.is_empty() {
        return Err(InputError::NothingToChange.into());
    }
    Ok(edits)
}

/// A document as `cchc evidence add` takes it.
pub fn typed_evidence(
    doc: &str,
    date: &str,
    title: &str,
    link: Option<&str>,
) -> Result<Evidence, CliError> {
    Ok(input::evidence(doc, date, title, link)?)
}

/// A meeting's title as typed, or the default one.
pub fn meeting_title(typed: Option<&str>, lang: Lang) -> Result<String, CliError> {
    match typed {
        Some(title) => Ok(validate::meeting_title(title)?),
        None => Ok(i18n::default_meeting_title(lang).to_string()),
    }
}
