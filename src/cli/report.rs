//! `cchc report`: the period's report as office files, and `cchc period
//! note`: what only the office can write in it.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::CliError;
use super::args::{CsvSeparator, PeriodCommand, ReportArgs, ReportFormat};
use super::typed::select_period;
use super::writes::AskedWrite;
use crate::app::{App, Operation};
use crate::domain::InputError;
use crate::domain::input;
use crate::domain::period::{Period, PeriodRules};
use crate::domain::report_text::{ReportSection, text_key};
use crate::i18n::{self, Lang};
use crate::report::files::WriteError;
use crate::report::{Failure, Format, Separator};

/// Writes the report `args` asks for and says where.
pub fn write_report(
    app: &mut App,
    args: &ReportArgs,
    lang: Lang,
    out: &mut impl Write,
) -> Result<(), CliError> {
    select_period(app, args.period.as_deref())?;
    let signed_on = match &args.date {
        Some(typed) => input::date(typed)?,
        None => app.clock().today,
    };
    let format = format_of(args.format);
    let target = args
        .out
        .clone()
        .unwrap_or_else(|| crate::report::default_file_name(app.period(), format));
    let written = render_and_write(
        app,
        format,
        separator_of(args.separator),
        signed_on,
        &target,
        args.force,
        lang,
    )?;
    for path in written {
        let _ = writeln!(
            out,
            "{}",
            i18n::report_written(&path.display().to_string(), lang)
        );
    }
    Ok(())
}

/// Renders the selected period's report and writes its files to `target`.
fn render_and_write(
    app: &App,
    format: Format,
    separator: Separator,
    signed_on: chrono::NaiveDate,
    target: &Path,
    overwrite: bool,
    lang: Lang,
) -> Result<Vec<PathBuf>, CliError> {
    let written = crate::report::write(app, format, separator, signed_on, target, overwrite, lang);
    written.map_err(|e| match e {
        Failure::App(e) => e.into(),
        Failure::Render(e) => CliError::WriteFile {
            path: target.display().to_string(),
            detail: e.to_string(),
        },
        Failure::Write(WriteError::Exists(path)) => {
            CliError::ReportExists(path.display().to_string())
        }
        Failure::Write(WriteError::Io { path, detail }) => CliError::WriteFile {
            path: path.display().to_string(),
            detail,
        },
    })
}

fn format_of(format: ReportFormat) -> Format {
    match format {
        ReportFormat::Docx => Format::Docx,
        ReportFormat::Xlsx => Format::Xlsx,
        ReportFormat::Csv => Format::Csv,
        ReportFormat::Md => Format::Markdown,
    }
}

fn separator_of(separator: CsvSeparator) -> Separator {
    match separator {
        CsvSeparator::Comma => Separator::Comma,
        CsvSeparator::Semicolon => Separator::Semicolon,
    }
}

/// The write a `cchc period` command asks for; `None` for `period list`.
pub fn period_write(
    command: &PeriodCommand,
    rules: &PeriodRules,
    today: chrono::NaiveDate,
) -> Result<Option<AskedWrite>, CliError> {
    let typed_period =
        |typed: &str| Period::parse(typed).ok_or_else(|| InputError::BadPeriod(typed.to_string()));
    let write = match command {
        PeriodCommand::Note {
            period,
            section,
            text,
            file,
        } => note_write(
            period.as_deref(),
            section,
            text.as_deref(),
            file.as_deref(),
            rules,
            today,
        )?,
        PeriodCommand::Close { period } => {
            let period = typed_period(period)?;
            AskedWrite {
                subject: period.code(),
                op: Operation::ClosePeriod { period },
            }
        }
        PeriodCommand::Reopen { period, reason } => {
            let period = typed_period(period)?;
            AskedWrite {
                subject: period.code(),
                op: Operation::ReopenPeriod {
                    period,
                    reason: reason.clone(),
                },
            }
        }
        PeriodCommand::List => return Ok(None),
    };
    Ok(Some(write))
}

/// The write `cchc period note` asks for: the period as typed, or the one
/// today falls in under `rules`; the text as typed or read from a file.
fn note_write(
    period: Option<&str>,
    section: &str,
    text: Option<&str>,
    file: Option<&Path>,
    rules: &PeriodRules,
    today: chrono::NaiveDate,
) -> Result<AskedWrite, CliError> {
    let period = match period {
        Some(typed) => {
            Period::parse(typed).ok_or_else(|| InputError::BadPeriod(typed.to_string()))?
        }
        None => Period::containing(today, rules),
    };
    let section =
        ReportSection::parse(section).ok_or_else(|| InputError::BadSection(section.to_string()))?;
    let text = match (text, file) {
        (Some(text), _) => text.to_string(),
        (None, Some(path)) => read_text(path)?,
        (None, None) => String::new(),
    };
    Ok(AskedWrite {
        subject: text_key(&period.code(), section),
        op: Operation::SetReportText {
            period,
            section,
            text,
        },
    })
}

/// A text file's contents, refused unless it is UTF-8 text of a sane size.
fn read_text(path: &Path) -> Result<String, CliError> {
    let failed = |detail: String| CliError::TextFile {
        path: path.display().to_string(),
        detail,
    };
    let bytes = std::fs::read(path).map_err(|e| failed(e.to_string()))?;
    // A report's part is a few pages; a file far larger is not one.
    if bytes.len() > 1 << 20 {
        return Err(failed(format!("{} bytes", bytes.len())));
    }
    let text = String::from_utf8(bytes).map_err(|e| failed(e.to_string()))?;
    Ok(text.trim_start_matches('\u{feff}').to_string())
}
