//! The command line: quick updates and listings over SSH, through the same
//! application layer as the TUI. The only layer that prints.

mod args;
mod error;
mod localize;
mod office;
mod remote;
mod render;
mod report;
mod safe_out;
mod task_import;
mod typed;
mod writes;

pub use safe_out::print_error;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

use clap::{CommandFactory, FromArgMatches};

use crate::app::actor::{self, Clock};
use crate::app::{App, AppError};
use crate::config::{Config, ThemeName};
use crate::domain::{Catalog, InputError};
use crate::i18n::{self, Lang};
use crate::share::owner::ServeError;
use crate::share::{self, Client, Connect};
use crate::store::{Dump, backup};

pub use args::{Cli, Command};
pub use error::CliError;
use typed::{history_filter, parse_area, parse_unit, select_period, task_filter};

/// Exit codes: 0 done, 2 refused input, 3 the store cannot be used.
pub const EXIT_INPUT: u8 = 2;
pub const EXIT_STORE: u8 = 3;

/// Parses the arguments with help texts in `lang`; clap prints and exits on
/// `--help`, `--version` and usage errors (exit code 2).
pub fn parse(args: &[String], lang: Lang) -> Cli {
    try_parse(args, lang).unwrap_or_else(|e| exit_with(&e, lang))
}

/// Prints a usage error, or the help asked for, as plain text made safe (it
/// echoes what was typed), and ends with clap's exit code: 2, or 0 for help.
fn exit_with(error: &clap::Error, lang: Lang) -> ! {
    let text = localize::error_text(error, lang);
    if error.use_stderr() {
        print_error(text.trim_end());
    } else {
        let mut out = safe_out::stdout();
        let _ = write!(out, "{text}");
        let _ = out.flush();
    }
    std::process::exit(error.exit_code())
}

/// Parses the arguments without printing or exiting.
fn try_parse(args: &[String], lang: Lang) -> Result<Cli, clap::Error> {
    let mut command = localize::localized(Cli::command(), lang);
    let matches = command.try_get_matches_from_mut(args)?;
    let Some(asked) = localize::help_asked(&matches) else {
        return Cli::from_arg_matches(&matches);
    };
    // `help [name…]` shows what `[name…] --help` shows, or its usage error.
    // (Were `--help` ever taken as a value, the parse would go through and
    // clap would refuse the `help` that `Cli` does not know.)
    let program = args.first().cloned().unwrap_or_default();
    match command.try_get_matches_from_mut(std::iter::once(program).chain(asked)) {
        Err(shown) => Err(shown),
        Ok(_) => Cli::from_arg_matches(&matches),
    }
}

/// Where the store lives: `--data-dir`, else `CCHC_DATA`, else the user's data
/// folder (`~/.local/share/cchc` on Linux).
pub fn data_dir(cli: &Cli) -> Option<PathBuf> {
    cli.data_dir
        .clone()
        .or_else(|| {
            std::env::var_os("CCHC_DATA")
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        })
        .or_else(|| {
            directories::ProjectDirs::from("", "", "cchc").map(|d| d.data_dir().to_path_buf())
        })
}

/// How long a command waits for the store while another process holds it
/// without serving it (another command finishing, an owner starting).
const STORE_WAIT: Duration = Duration::from_secs(10);

/// How a program reaches the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// A screen stays open: always through the store's owner, started in the
    /// background if none is running, so that others can join.
    Screen,
    /// A one-shot command: through the owner when one is running, else it
    /// opens the store itself for the moment it needs it.
    Command,
}

/// Opens the application for `what` ("tui", "set"…) on the store in `dir`,
/// with the period and risk settings of `config`.
pub fn open_app(dir: &Path, what: &str, config: &Config, access: Access) -> Result<App, CliError> {
    let clock = Clock::from_env().map_err(|e| CliError::BadToday(e.0))?;
    let mut app = match access {
        Access::Screen => shared_app(dir, what, clock)?,
        Access::Command => command_app(dir, what, clock)?,
    };
    app.set_rules(config.periods, config.risks);
    Ok(app)
}

/// A screen's application, opened on the plan's compact index (see
/// [`App::open_shared_index`]).
fn shared_app(dir: &Path, what: &str, clock: Clock) -> Result<App, CliError> {
    let owner = connect(dir, what)?;
    Ok(App::open_shared_index(owner, clock, actor::os_user())?)
}

/// The store's owner, started if none runs.
fn connect(dir: &Path, what: &str) -> Result<Box<Client>, CliError> {
    let client = Client::connect(dir, Connect::starting_owner(what)).map_err(AppError::from)?;
    Ok(Box::new(client))
}

fn command_app(dir: &Path, what: &str, clock: Clock) -> Result<App, CliError> {
    let bundled = Catalog::bundled().map_err(AppError::from)?;
    let holder = format!(
        "pid {}, {}, cchc {what}",
        std::process::id(),
        actor::os_user()
    );
    match share::open_unless_owned(dir, &bundled, &holder, STORE_WAIT).map_err(AppError::from)? {
        Some(store) => Ok(App::open(Box::new(store), clock, actor::current_actor())?),
        // A command the owner does not answer itself (a report, a catalog
        // sync…) reads the whole plan, its texts too: the compact index
        // is for a screen, which reads the texts before its first key.
        None => Ok(App::open_shared(
            connect(dir, what)?,
            clock,
            actor::os_user(),
        )?),
    }
}

/// `cchc serve`: becomes the store's owner until idle.
pub fn serve(dir: &Path, config: &Config) -> Result<(), CliError> {
    // The owner outlives the window that started it: a hang-up of that
    // terminal is noted and otherwise ignored (it stops when idle).
    let hung_up = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let _ = signal_hook::flag::register(signal_hook::consts::SIGHUP, hung_up);
    let bundled = Catalog::bundled().map_err(AppError::from)?;
    let owned = dir.to_path_buf();
    let reader =
        Box::new(move |app: &mut App, payload: &[u8]| remote::answer(app, payload, &owned));
    match share::serve(dir, &config.share, &bundled, reader) {
        Ok(_) => Ok(()),
        Err(ServeError::Store(e)) => Err(AppError::Store(e).into()),
        Err(ServeError::App(e)) => Err(e.into()),
        Err(ServeError::BadToday(v)) => Err(CliError::BadToday(v)),
        Err(ServeError::Socket { path, detail }) => Err(CliError::WriteFile {
            path: path.display().to_string(),
            detail,
        }),
    }
}

/// `cchc status`: the owner, its uptime and its clients.
pub fn status(dir: &Path, lang: Lang) -> Result<(), CliError> {
    let status = share::owner_status(dir)?;
    let mut out = safe_out::stdout();
    render::owner_status(dir, status.as_ref(), lang, &mut out);
    let _ = out.flush();
    Ok(())
}

/// Where the full-screen interface opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Start {
    Board,
    Triage {
        period: Option<String>,
    },
    /// Meeting mode, read-only, in the projector theme unless told otherwise.
    Present {
        period: Option<String>,
        theme: Option<args::PresentTheme>,
    },
}

/// Opens the board (or triage, or meeting mode) on the store in `dir`; a
/// backup is written on the way out.
pub fn run_tui(
    dir: &Path,
    lang: Lang,
    config: &Config,
    start: Start,
    read_only: bool,
) -> Result<(), CliError> {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return Err(CliError::NoTerminal);
    }
    let what = if matches!(start, Start::Present { .. }) {
        "present"
    } else {
        "tui"
    };
    let mut app = open_app(dir, what, config, Access::Screen)?;
    let (period, theme) = match &start {
        Start::Board => (None, config.theme),
        Start::Triage { period } => (period.as_deref(), config.theme),
        Start::Present { period, theme } => {
            let theme = match theme {
                Some(args::PresentTheme::Dark) => ThemeName::Dark,
                Some(args::PresentTheme::Light) => ThemeName::Light,
                Some(args::PresentTheme::Projector) | None => ThemeName::Projector,
            };
            (period.as_deref(), theme)
        }
    };
    select_period(&mut app, period)?;
    let present = matches!(start, Start::Present { .. });
    app.set_read_only(read_only || present);
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let theme = if no_color { ThemeName::Mono } else { theme };
    let options = crate::tui::Options {
        lang,
        theme: crate::ui::Theme::new(theme),
        key_hints: config.key_hints,
        crash_dir: dir.to_path_buf(),
        triage: matches!(start, Start::Triage { .. }),
        present,
        ascii: !crate::tui::locale_is_utf8(),
    };
    // Backups are the owner's job: it writes one a day, and when it stops.
    crate::tui::run(&mut app, &options).map_err(|e| CliError::Terminal(e.to_string()))
}

/// `cchc config`: where the file is and the settings in force.
pub fn print_config(path: Option<&Path>, config: &Config, lang: Lang) {
    let shown = path.map(|p| p.display().to_string()).unwrap_or_default();
    let exists = path.is_some_and(Path::exists);
    let mut out = safe_out::stdout();
    let _ = writeln!(out, "{}", i18n::config_location(&shown, exists, lang));
    let _ = write!(out, "{}", config.to_toml());
    let _ = out.flush();
}

/// Prints what the owner's run of a command printed, and ends as it ended.
fn relay(answer: crate::share::protocol::ReadAnswer) -> Result<(), CliError> {
    if let Some(warning) = answer.warning {
        print_error(&warning);
    }
    let mut out = safe_out::stdout();
    let _ = out.write_all(answer.out.as_bytes());
    let _ = out.flush();
    match answer.error {
        None => Ok(()),
        Some((message, code)) => Err(CliError::Relayed { message, code }),
    }
}

/// Runs one subcommand to completion; `args` are the program's own, which a
/// command that only reads sends to a running owner to run.
pub fn run(
    command: Command,
    args: &[String],
    dir: &Path,
    lang: Lang,
    config: &Config,
    read_only: bool,
) -> Result<(), CliError> {
    match command {
        Command::Triage { period } => {
            return run_tui(dir, lang, config, Start::Triage { period }, read_only);
        }
        Command::Present { period, theme } => {
            return run_tui(
                dir,
                lang,
                config,
                Start::Present { period, theme },
                read_only,
            );
        }
        Command::Status => return status(dir, lang),
        Command::Serve => return serve(dir, config),
        _ => {}
    }
    if read_only && changes_store(&command) {
        return Err(InputError::ReadOnly.into());
    }
    if let Some(write) = writes::operation(&command, lang, &config.periods)? {
        let mut out = safe_out::stdout();
        let performed = writes::perform(dir, &write, lang, &mut out);
        let _ = out.flush();
        if performed?.is_some() {
            return Ok(());
        }
    }
    if remote::reads_only(&command)
        && let Some(answer) = remote::run(dir, args, lang, config)?
    {
        return relay(answer);
    }
    let mut app = open_app(dir, command_name(&command), config, Access::Command)?;
    let mut out = safe_out::stdout();
    let executed = execute(&mut app, command, dir, lang, &mut out);
    let _ = out.flush();
    // After the command: a history it read may have had entries left out.
    let set_aside = app.set_aside();
    if !set_aside.is_empty() {
        print_error(&i18n::records_set_aside(&set_aside, lang));
    }
    let wrote = executed?;
    // An owner writes its own backups.
    if wrote && !app.is_shared() {
        backup_if_due(&app, dir);
    }
    app.close();
    Ok(())
}

/// Commands that change the store or write into its folder: what
/// `--read-only` refuses. Writing an export to a file the user names does not.
fn changes_store(command: &Command) -> bool {
    use args::{MeetingCommand, TargetCommand};
    if let Command::Task {
        command: args::TaskCommand::Import(import),
    } = command
    {
        return !import.dry_run;
    }
    matches!(
        command,
        Command::Set(_)
            | Command::Target {
                command: TargetCommand::Set { .. } | TargetCommand::Baseline { .. }
            }
            | Command::Evidence { .. }
            | Command::Task { .. }
            | Command::Note { .. }
            | Command::Meeting {
                command: MeetingCommand::New { .. }
            }
            | Command::Period {
                command: args::PeriodCommand::Note { .. }
                    | args::PeriodCommand::Close { .. }
                    | args::PeriodCommand::Reopen { .. }
            }
            | Command::Import { .. }
            | Command::Catalog { .. }
            | Command::Backup
    )
}

fn command_name(command: &Command) -> &'static str {
    match command {
        Command::List(_) => "list",
        Command::Show { .. } => "show",
        Command::Set(_) => "set",
        Command::Log { .. } => "log",
        Command::Targets { .. } => "targets",
        Command::Target { .. } => "target",
        Command::Evidence { .. } => "evidence",
        Command::Task { .. } => "task",
        Command::Note { .. } => "note",
        Command::Export { .. } => "export",
        Command::Import { .. } => "import",
        Command::Catalog { .. } => "catalog",
        Command::Backup => "backup",
        Command::Config => "config",
        Command::Risks(_) => "risks",
        Command::Present { .. } => "present",
        Command::Meeting { .. } => "meeting",
        Command::Report(_) => "report",
        Command::Period { .. } => "period",
        Command::Status => "status",
        Command::Serve => "serve",
        Command::Triage { .. } => "triage",
    }
}

/// A backup after a command that wrote, when the schedule the owner keeps
/// too says one is due; a failed backup never fails the edit, which is
/// already saved.
fn backup_if_due(app: &App, dir: &Path) {
    if backup::Schedule::default().edited(dir, app.clock().now) {
        let _ = write_backup(app, dir);
    }
}

pub fn write_backup(app: &App, dir: &Path) -> Result<PathBuf, CliError> {
    app.write_backup(dir)
        .map_err(|(path, detail)| CliError::WriteFile { path, detail })
}

/// Executes `command`; true when it wrote to the store.
fn execute(
    app: &mut App,
    command: Command,
    dir: &Path,
    lang: Lang,
    out: &mut impl Write,
) -> Result<bool, CliError> {
    match command {
        Command::List(list) => {
            select_period(app, list.period.as_deref())?;
            let filter = task_filter(app, &list)?;
            render::list(app, &app.list_found(&filter), list.format, lang, out);
            Ok(false)
        }
        Command::Show { id, format } => {
            let key = app.resolve(&id)?;
            render::show(app, &key, format, lang, out)?;
            Ok(false)
        }
        Command::Task {
            command: args::TaskCommand::Import(import),
        } => task_import::run(app, &import, lang, out),
        Command::Period {
            command: args::PeriodCommand::List,
        } => {
            render::periods(app, lang, out);
            Ok(false)
        }
        write @ (Command::Set(_)
        | Command::Evidence { .. }
        | Command::Task { .. }
        | Command::Note { .. }
        | Command::Target { .. }
        | Command::Period { .. }
        | Command::Meeting {
            command: args::MeetingCommand::New { .. },
        }) => writes::perform_here(app, &write, lang, out),
        Command::Report(args) => report::write_report(app, &args, lang, out).map(|()| false),
        Command::Log { id, since, format } => {
            let filter = history_filter(app, id, since)?;
            render::log(app, &app.history(&filter)?, format, lang, out);
            Ok(false)
        }
        Command::Targets { format } => {
            render::targets(app, format, lang, out);
            Ok(false)
        }
        Command::Export { output } => export(app, output.as_deref()).map(|_| false),
        Command::Import { file } => import(app, &file, lang, out).map(|_| true),
        Command::Catalog {
            command: args::CatalogCommand::Sync,
        } => {
            let bundled = Catalog::bundled().map_err(AppError::from)?;
            let written = app.sync_catalog(&bundled)?;
            let message = if written.is_empty() {
                i18n::catalog_current(lang).to_string()
            } else {
                i18n::catalog_synced(written.len(), lang)
            };
            let _ = writeln!(out, "{message}");
            Ok(!written.is_empty())
        }
        Command::Config
        | Command::Triage { .. }
        | Command::Present { .. }
        | Command::Status
        | Command::Serve => Ok(false),
        Command::Meeting {
            command: args::MeetingCommand::List,
        } => {
            render::meetings(app, lang, out);
            Ok(false)
        }
        Command::Risks(risks) => {
            select_period(app, risks.period.as_deref())?;
            let area = parse_area(app, risks.area.as_deref())?;
            let unit = parse_unit(app, risks.unit.as_deref())?;
            render::risks(app, area, unit.as_deref(), risks.format, lang, out);
            Ok(false)
        }
        Command::Backup => {
            let path = write_backup(app, dir)?;
            let _ = writeln!(
                out,
                "{}",
                i18n::backup_written(&path.display().to_string(), lang)
            );
            Ok(false)
        }
    }
}

fn export(app: &App, output: Option<&Path>) -> Result<(), CliError> {
    let dump = app.dump()?;
    let file_error = |path: &Path, e: &dyn std::fmt::Display| CliError::WriteFile {
        path: path.display().to_string(),
        detail: e.to_string(),
    };
    let json = serde_json::to_string_pretty(&dump).map_err(|e| file_error(Path::new("-"), &e))?;
    let json = crate::domain::text::escape_json_controls(json);
    match output {
        Some(path) => std::fs::write(path, json + "\n").map_err(|e| file_error(path, &e)),
        None => {
            let mut out = safe_out::stdout();
            writeln!(out, "{json}")
                .and_then(|()| out.flush())
                .map_err(|e| file_error(Path::new("-"), &e))
        }
    }
}

fn import(app: &mut App, file: &Path, lang: Lang, out: &mut impl Write) -> Result<(), CliError> {
    let file_error = |detail: String| CliError::ImportFile {
        path: file.display().to_string(),
        detail,
    };
    let text = std::fs::read_to_string(file).map_err(|e| file_error(e.to_string()))?;
    let dump: Dump = serde_json::from_str(&text).map_err(|e| file_error(e.to_string()))?;
    if dump.schema_version > crate::store::SCHEMA_VERSION {
        return Err(file_error(format!("schema {}", dump.schema_version)));
    }
    let (tasks, history) = (dump.tasks.len(), dump.history.len());
    app.import(dump)?;
    let _ = writeln!(out, "{}", i18n::imported(tasks, history, lang));
    Ok(())
}
