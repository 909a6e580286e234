//! Commands that only read, run by a running owner on what it holds: the
//! command line sends its own arguments with its clock, language and period
//! settings, the owner runs the very same command on its application and
//! returns what it printed. A command then reads nothing from the store
//! itself, and pays neither sled's start nor the decoding of the plan.

use std::path::Path;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use super::args::{self, Command};
use super::{CliError, execute, try_parse};
use crate::app::{App, AppError, Clock};
use crate::config::Config;
use crate::domain::period::PeriodRules;
use crate::domain::risk::RiskRules;
use crate::i18n::{self, Lang};
use crate::share::protocol::ReadAnswer;
use crate::share::{self, Client, Connect};

/// What a client asks the owner to run.
#[derive(Debug, Serialize, Deserialize)]
struct Asked {
    args: Vec<String>,
    english: bool,
    now: DateTime<FixedOffset>,
    today: NaiveDate,
    periods: PeriodRules,
    risks: RiskRules,
}

/// Whether `command` only reads (and prints only to standard output).
pub fn reads_only(command: &Command) -> bool {
    matches!(
        command,
        Command::List(_)
            | Command::Show { .. }
            | Command::Log { .. }
            | Command::Targets { .. }
            | Command::Risks(_)
            | Command::Meeting {
                command: args::MeetingCommand::List
            }
            | Command::Period {
                command: args::PeriodCommand::List
            }
    )
}

/// Runs the command of `args` through the owner of `dir`; `None` when no
/// owner answers (the caller then opens the store itself).
pub fn run(
    dir: &Path,
    args: &[String],
    lang: Lang,
    config: &Config,
) -> Result<Option<ReadAnswer>, CliError> {
    if !share::owner_answers(dir) {
        return Ok(None);
    }
    let clock = Clock::from_env().map_err(|e| CliError::BadToday(e.0))?;
    let asked = Asked {
        args: args.to_vec(),
        english: lang == Lang::En,
        now: clock.now,
        today: clock.today,
        periods: config.periods,
        risks: config.risks,
    };
    let payload = serde_json::to_vec(&asked)
        .map_err(|e| AppError::Share(crate::app::ShareError::Protocol(e.to_string())))?;
    let client = Client::connect(dir, Connect::starting_owner("read")).map_err(AppError::from)?;
    Ok(Some(client.read(payload)?))
}

/// The owner's side: runs what a client asked on `app`, as of the client's
/// clock and settings, and puts the application back as it was.
pub fn answer(app: &mut App, payload: &[u8], dir: &Path) -> ReadAnswer {
    let refused = |detail: String| ReadAnswer {
        error: Some((detail, super::EXIT_INPUT)),
        ..ReadAnswer::default()
    };
    let Ok(asked) = serde_json::from_slice::<Asked>(payload) else {
        return refused("malformed request".into());
    };
    let lang = if asked.english { Lang::En } else { Lang::Vi };
    let command = match try_parse(&asked.args, lang).map(|cli| cli.command) {
        Ok(Some(command)) if reads_only(&command) => command,
        _ => return refused(i18n::not_a_read_command(lang).to_string()),
    };
    let kept = (
        app.clock(),
        *app.period_rules(),
        *app.risk_rules(),
        app.period(),
    );
    app.set_clock(Clock {
        now: asked.now,
        today: asked.today,
    });
    app.set_rules(asked.periods, asked.risks);
    let mut out = Vec::new();
    let result = execute(app, command, dir, lang, &mut out);
    app.set_clock(kept.0);
    app.set_rules(kept.1, kept.2);
    app.set_period(kept.3);
    let set_aside = app.set_aside();
    ReadAnswer {
        out: String::from_utf8_lossy(&out).into_owned(),
        warning: (!set_aside.is_empty()).then(|| i18n::records_set_aside(&set_aside, lang)),
        error: result.err().map(|e| (e.message(lang), e.exit_status())),
    }
}
