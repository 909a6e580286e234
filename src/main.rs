//! `cchc`: arguments and language, then a subcommand (the TUI comes with no subcommand).

use std::process::ExitCode;

use cchc::cli;
use cchc::i18n::{self, Lang};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let lang = Lang::from_args_and_env(&args);
    let parsed = cli::parse(&args, lang);
    let lang = parsed.lang.as_deref().and_then(Lang::parse).unwrap_or(lang);
    let Some(dir) = cli::data_dir(&parsed) else {
        eprintln!("{}: {}", i18n::error_prefix(lang), i18n::no_data_dir(lang));
        return ExitCode::from(cli::EXIT_STORE);
    };
    let Some(command) = parsed.command else {
        println!("{}\n", i18n::tui_not_ready(lang));
        let _ = cli::help(lang);
        return ExitCode::SUCCESS;
    };
    match cli::run(command, &dir, lang) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{}: {}", i18n::error_prefix(lang), e.message(lang));
            e.exit_code()
        }
    }
}
