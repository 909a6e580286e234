//! Why a command failed, in the user's words, and its exit code.

use std::process::ExitCode;

use super::{EXIT_INPUT, EXIT_STORE};
use crate::app::AppError;
use crate::domain::InputError;
use crate::domain::catalog::{Area, Unit};
use crate::domain::task_sheet::Refusal;
use crate::i18n::{self, Lang};
use crate::sheet::SheetError;

#[derive(Debug)]
pub enum CliError {
    App(AppError),
    BadToday(String),
    NoDataDir,
    NoTerminal,
    /// The file to import cannot be read or is not a dump.
    ImportFile {
        path: String,
        detail: String,
    },
    /// A file the command writes (an export, a backup, the owner's socket).
    WriteFile {
        path: String,
        detail: String,
    },
    /// A text file given to a command cannot be read as UTF-8 text.
    TextFile {
        path: String,
        detail: String,
    },
    /// A report's file is there and `--force` was not given.
    ReportExists(String),
    /// An option the command needs, not given.
    MissingOption(String),
    /// The terminal failed under the full-screen interface.
    Terminal(String),
    /// A spreadsheet of tasks that cannot be read.
    Sheet {
        path: String,
        error: SheetError,
    },
    /// A spreadsheet of tasks some of whose rows cannot be taken, with the
    /// plan's units and areas to name in the answer.
    SheetRefused {
        path: String,
        refusal: Refusal,
        units: Vec<Unit>,
        areas: Vec<Area>,
    },
    /// The error of a command the owner ran, in the words it chose.
    Relayed {
        message: String,
        code: u8,
    },
}

impl From<AppError> for CliError {
    fn from(e: AppError) -> Self {
        CliError::App(e)
    }
}

impl From<InputError> for CliError {
    fn from(e: InputError) -> Self {
        CliError::App(AppError::Input(e))
    }
}

impl CliError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            CliError::App(e) => i18n::app_error(e, lang),
            CliError::BadToday(v) => i18n::bad_today(v, lang),
            CliError::NoDataDir => i18n::no_data_dir(lang).to_string(),
            CliError::NoTerminal => i18n::needs_terminal(lang).to_string(),
            CliError::ImportFile { path, detail } => i18n::bad_import_file(path, detail, lang),
            CliError::WriteFile { path, detail } => i18n::cannot_write(path, detail, lang),
            CliError::TextFile { path, detail } => i18n::bad_text_file(path, detail, lang),
            CliError::ReportExists(path) => i18n::report_exists(path, lang),
            CliError::MissingOption(flag) => i18n::missing_option(flag, lang),
            CliError::Terminal(detail) => i18n::terminal_failed(detail, lang),
            CliError::Sheet { path, error } => i18n::sheet_error(error, path, lang),
            CliError::SheetRefused {
                path,
                refusal,
                units,
                areas,
            } => i18n::sheet_refused(refusal, path, i18n::PlanNames { units, areas }, lang),
            CliError::Relayed { message, .. } => message.clone(),
        }
    }

    pub fn exit_code(&self) -> ExitCode {
        ExitCode::from(self.exit_status())
    }

    pub fn exit_status(&self) -> u8 {
        match self {
            CliError::App(AppError::Store(_) | AppError::Share(_)) | CliError::NoDataDir => {
                EXIT_STORE
            }
            CliError::Relayed { code, .. } => *code,
            _ => EXIT_INPUT,
        }
    }
}
