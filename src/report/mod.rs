//! The period report as files an office opens: a Word document laid out as
//! Nghị định 30/2020/NĐ-CP asks, a workbook and CSV files of its annexes, and
//! Markdown for a quick look. Each writer only renders an
//! [`app::report::PeriodReport`](crate::app::report::PeriodReport) in the
//! words of [`i18n`](crate::i18n); none computes a figure of its own.

mod background;
mod csv;
mod destination;
mod docx;
pub mod files;
mod in_order;
mod markdown;
mod tables;
mod xlsx;

use std::io::Write;
use std::path::PathBuf;

use chrono::NaiveDate;

pub use destination::Destination;
use destination::Guarded;

use crate::app::report::PeriodReport;
use crate::domain::period::Period;
use crate::domain::report_text::ReportTexts;
use crate::i18n::Lang;

/// What a writer renders.
#[derive(Debug, Clone, Copy)]
pub struct ReportInput<'a> {
    pub report: &'a PeriodReport,
    /// The office's own texts of parts III–V; a missing one leaves a marked
    /// place in the report.
    pub texts: &'a ReportTexts,
    pub lang: Lang,
    /// The day on the place-and-date line.
    pub signed_on: NaiveDate,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Docx,
    Xlsx,
    Csv,
    Markdown,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Docx => "docx",
            Format::Xlsx => "xlsx",
            Format::Csv => "csv",
            Format::Markdown => "md",
        }
    }
}

#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct ReportError(pub String);

/// One file of a report: the name it adds to the report's own (empty, or
/// "-phu-luc-I" for a CSV annex) and what it holds.
pub struct ReportFile<'a> {
    pub suffix: String,
    pub body: Body<'a>,
}

/// What a report's file holds: its bytes, or a document written straight
/// into the file. A large plan's Word document and workbook run to hundreds
/// of megabytes, which are not built whole in memory first.
pub enum Body<'a> {
    Bytes(Vec<u8>),
    Docx(ReportInput<'a>),
    Xlsx(ReportInput<'a>),
}

impl Body<'_> {
    /// Writes it to `out`, which is left where it ends.
    pub fn write_to(self, out: &mut dyn Destination) -> Result<(), ReportError> {
        let mut guarded = Guarded::new(out);
        let written = match self {
            Body::Bytes(bytes) => guarded
                .write_all(&bytes)
                .map_err(|e| ReportError(e.to_string())),
            Body::Docx(input) => docx::write(&input, &mut guarded),
            Body::Xlsx(input) => xlsx::write(&input, &mut guarded),
        };
        // The writer's own error names the file; a failure it let pass is
        // still one.
        match (written, guarded.failure()) {
            (Err(e), _) => Err(e),
            (Ok(()), Some(e)) => Err(ReportError(e.to_string())),
            (Ok(()), None) => Ok(()),
        }
    }
}

impl ReportFile<'_> {
    /// Its bytes, made in memory.
    pub fn into_bytes(self) -> Result<Vec<u8>, ReportError> {
        if let Body::Bytes(bytes) = self.body {
            return Ok(bytes);
        }
        let mut out = std::io::Cursor::new(Vec::new());
        self.body.write_to(&mut out)?;
        Ok(out.into_inner())
    }
}

/// How a CSV annex separates its fields: `,`, or `;` for a spreadsheet set
/// to Vietnamese, whose decimal mark is the comma.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Separator {
    Comma,
    Semicolon,
}

/// Why a report was not written.
#[derive(Debug, thiserror::Error)]
pub enum Failure {
    #[error(transparent)]
    App(#[from] crate::app::AppError),
    #[error(transparent)]
    Render(#[from] ReportError),
    #[error(transparent)]
    Write(#[from] files::WriteError),
}

/// Renders the selected period's report in `format` and writes its files to
/// `target` (see [`files::write_all`]); the paths written.
pub fn write(
    app: &crate::app::App,
    format: Format,
    separator: Separator,
    signed_on: NaiveDate,
    target: &std::path::Path,
    overwrite: bool,
    lang: Lang,
) -> Result<Vec<PathBuf>, Failure> {
    let report = app.period_report()?;
    let texts = app.report_texts(app.period());
    let input = ReportInput {
        report: &report,
        texts: &texts,
        lang,
        signed_on,
    };
    let rendered = render(&input, format, separator)?;
    Ok(files::write_all(target, rendered, overwrite)?)
}

/// The report's file in the current folder, named for its period:
/// `bao-cao-cchc-quy-I-2027.docx`.
pub fn default_file_name(period: Period, format: Format) -> PathBuf {
    PathBuf::from(format!(
        "{}.{}",
        crate::i18n::report_file_stem(period),
        format.extension()
    ))
}

/// The files of the report in `format`; a Word document or a workbook is
/// written when its file is.
pub fn render<'a>(
    input: &ReportInput<'a>,
    format: Format,
    separator: Separator,
) -> Result<Vec<ReportFile<'a>>, ReportError> {
    let whole = |body| {
        vec![ReportFile {
            suffix: String::new(),
            body,
        }]
    };
    Ok(match format {
        Format::Docx => whole(Body::Docx(*input)),
        Format::Xlsx => whole(Body::Xlsx(*input)),
        Format::Markdown => whole(Body::Bytes(markdown::document(input).into_bytes())),
        Format::Csv => csv::annexes(input, separator)?,
    })
}
