//! The command line's shape (clap). Values are taken as text and validated by
//! the application layer, so every refusal is explained in the user's language;
//! help texts are filled in from `i18n::cli_help`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(name = "cchc", version)]
pub struct Cli {
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    #[arg(long, global = true, value_name = "vi|en")]
    pub lang: Option<String>,
    #[arg(long, global = true)]
    pub read_only: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    List(ListArgs),
    Show {
        id: String,
        #[arg(long, value_enum, default_value_t = ShowFormat::Text)]
        format: ShowFormat,
    },
    Set(SetArgs),
    Log {
        id: Option<String>,
        #[arg(long, value_name = "DATE")]
        since: Option<String>,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    Targets {
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    Target {
        #[command(subcommand)]
        command: TargetCommand,
    },
    Evidence {
        #[command(subcommand)]
        command: EvidenceCommand,
    },
    /// Tasks the office adds beyond the plan.
    Task {
        #[command(subcommand)]
        command: TaskCommand,
    },
    /// Notes of a task: corrected or withdrawn.
    Note {
        #[command(subcommand)]
        command: NoteCommand,
    },
    Export {
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    Import {
        file: PathBuf,
    },
    Catalog {
        #[command(subcommand)]
        command: CatalogCommand,
    },
    Backup,
    Config,
    Risks(RisksArgs),
    Triage {
        #[arg(long)]
        period: Option<String>,
    },
    Present {
        #[arg(long)]
        period: Option<String>,
        #[arg(long, value_enum)]
        theme: Option<PresentTheme>,
    },
    Meeting {
        #[command(subcommand)]
        command: MeetingCommand,
    },
    Report(ReportArgs),
    Period {
        #[command(subcommand)]
        command: PeriodCommand,
    },
    /// The owner process and its clients.
    Status,
    /// Runs as the store's owner process (started in the background by the
    /// first `cchc` that needs one).
    #[command(hide = true)]
    Serve,
}

/// `task import`: a spreadsheet of tasks.
#[derive(Debug, Args)]
pub struct TaskImportArgs {
    pub file: PathBuf,
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    #[arg(long, value_name = "AREA")]
    pub area: Option<String>,
    #[arg(long, value_name = "TEXT")]
    pub source: Option<String>,
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    #[arg(long, value_name = "PERIOD")]
    pub period: Option<String>,
    #[arg(long, value_enum, default_value_t = ReportFormat::Docx)]
    pub format: ReportFormat,
    #[arg(long, short, value_name = "FILE")]
    pub out: Option<PathBuf>,
    #[arg(long)]
    pub force: bool,
    #[arg(long, value_enum, default_value_t = CsvSeparator::Comma)]
    pub separator: CsvSeparator,
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Docx,
    Xlsx,
    Csv,
    Md,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CsvSeparator {
    Comma,
    Semicolon,
}

#[derive(Debug, Subcommand)]
pub enum PeriodCommand {
    Note {
        #[arg(long, value_name = "PERIOD")]
        period: Option<String>,
        #[arg(long, value_name = "SECTION")]
        section: String,
        #[arg(conflicts_with = "file", required_unless_present = "file")]
        text: Option<String>,
        #[arg(long, value_name = "FILE")]
        file: Option<PathBuf>,
    },
    /// Closes a period's figures (chốt số liệu).
    Close {
        #[arg(value_name = "PERIOD")]
        period: String,
    },
    /// Opens a closed period again, saying why.
    Reopen {
        #[arg(value_name = "PERIOD")]
        period: String,
        #[arg(long, value_name = "TEXT")]
        reason: String,
    },
    /// Every period: open, or closed by whom and when.
    List,
}

#[derive(Debug, Subcommand)]
pub enum MeetingCommand {
    New {
        #[arg(long, value_name = "DATE")]
        date: Option<String>,
        #[arg(long, value_name = "TEXT")]
        title: Option<String>,
    },
    List,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PresentTheme {
    Projector,
    Dark,
    Light,
}

#[derive(Debug, Args)]
pub struct RisksArgs {
    #[arg(long)]
    pub period: Option<String>,
    #[arg(long)]
    pub area: Option<String>,
    #[arg(long)]
    pub unit: Option<String>,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    #[arg(long)]
    pub period: Option<String>,
    #[arg(long)]
    pub area: Option<String>,
    #[arg(long)]
    pub unit: Option<String>,
    #[arg(long)]
    pub status: Option<String>,
    #[arg(long)]
    pub overdue: bool,
    #[arg(long, value_name = "DATE")]
    pub due_before: Option<String>,
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,
    #[arg(long, value_name = "NAME")]
    pub assignee: Option<String>,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

#[derive(Debug, Args)]
#[command(allow_negative_numbers = true)]
pub struct SetArgs {
    pub id: String,
    #[arg(long)]
    pub status: Option<String>,
    #[arg(long)]
    pub progress: Option<String>,
    #[arg(long, value_name = "DATE")]
    pub done_on: Option<String>,
    #[arg(long, value_name = "DATE")]
    pub due: Option<String>,
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    #[arg(long, value_name = "CODE")]
    pub lead: Option<String>,
    #[arg(long, value_name = "NAME")]
    pub assignee: Option<String>,
    #[arg(long, value_name = "TEXT")]
    pub reason: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum TaskCommand {
    Add(TaskFields),
    Edit {
        id: String,
        #[command(flatten)]
        fields: TaskFields,
    },
    Retire {
        id: String,
        #[arg(long, value_name = "TEXT")]
        reason: String,
    },
    Import(TaskImportArgs),
}

/// A task as `task add` and `task edit` take it; `add` needs the title, the
/// area and the lead.
#[derive(Debug, Args)]
pub struct TaskFields {
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,
    #[arg(long, value_name = "AREA")]
    pub area: Option<String>,
    #[arg(long, value_name = "CODE")]
    pub lead: Option<String>,
    #[arg(long = "with", value_name = "CODE", value_delimiter = ',')]
    pub with: Option<Vec<String>>,
    #[arg(long, value_name = "DATE", conflicts_with = "cadence")]
    pub due: Option<String>,
    #[arg(long, value_enum)]
    pub cadence: Option<TaskCadence>,
    #[arg(long, value_name = "TEXT")]
    pub source: Option<String>,
    #[arg(long, value_name = "ID")]
    pub parent: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TaskCadence {
    Once,
    Yearly,
    Quarterly,
    Continuous,
}

#[derive(Debug, Subcommand)]
pub enum NoteCommand {
    /// A note typed wrongly, replaced by the right text.
    Correct {
        id: String,
        number: String,
        text: String,
        #[arg(long, value_name = "TEXT")]
        reason: Option<String>,
    },
    Withdraw {
        id: String,
        number: String,
        #[arg(long, value_name = "TEXT")]
        reason: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum TargetCommand {
    #[command(allow_negative_numbers = true)]
    Set {
        id: String,
        value: String,
        #[arg(long, value_name = "DATE")]
        date: Option<String>,
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
    },
    #[command(allow_negative_numbers = true)]
    Baseline {
        id: String,
        value: String,
        #[arg(long, value_name = "TEXT")]
        source: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum EvidenceCommand {
    Add {
        id: String,
        #[arg(long, value_name = "NUMBER")]
        doc: String,
        #[arg(long, value_name = "DATE")]
        date: String,
        #[arg(long, value_name = "TEXT")]
        title: String,
        #[arg(long, value_name = "PATH")]
        link: Option<String>,
    },
    Withdraw {
        id: String,
        number: String,
        #[arg(long, value_name = "TEXT")]
        reason: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum CatalogCommand {
    Sync,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Tsv,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShowFormat {
    Text,
    Json,
}
