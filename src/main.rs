//! `cchc`: language, config and arguments, then the board (no subcommand) or
//! one subcommand.

use std::process::ExitCode;

use cchc::cli::{self, Command};
use cchc::config::Config;
use cchc::i18n::{self, Lang};

fn main() -> ExitCode {
    let (args, not_text) = text_args();
    let asked = Lang::from_args_and_env(&args);
    if let Some((source, value)) = Lang::unknown_asked(&args) {
        let lang = Lang::default();
        cli::print_error(&format!(
            "{}: {}",
            i18n::error_prefix(lang),
            i18n::unknown_lang(source, &value)
        ));
        return ExitCode::from(cli::EXIT_INPUT);
    }
    if let Some(position) = not_text {
        let lang = asked.unwrap_or_default();
        let message = i18n::argument_not_text(position, &args[position], lang);
        cli::print_error(&format!("{}: {message}", i18n::error_prefix(lang)));
        return ExitCode::from(cli::EXIT_INPUT);
    }
    let config_path = Config::path();
    let config = match Config::load(config_path.as_deref()) {
        Ok(config) => config,
        Err(e) => {
            let lang = asked.unwrap_or_default();
            let message = i18n::config_error(&e.path.display().to_string(), &e.detail, lang);
            cli::print_error(&format!("{}: {message}", i18n::error_prefix(lang)));
            return ExitCode::from(cli::EXIT_INPUT);
        }
    };
    let lang = asked
        .or_else(|| Lang::parse(&config.lang))
        .unwrap_or_default();
    cchc::app::actor::set_person_name(config.name.as_deref());
    if let Some(mask) = config.share.umask() {
        rustix::process::umask(rustix::fs::Mode::from_bits_truncate(mask));
    }
    let parsed = cli::parse(&args, lang);
    if let Some(Command::Config) = parsed.command {
        cli::print_config(config_path.as_deref(), &config, lang);
        return ExitCode::SUCCESS;
    }
    let Some(dir) = cli::data_dir(&parsed) else {
        cli::print_error(&format!(
            "{}: {}",
            i18n::error_prefix(lang),
            i18n::no_data_dir(lang)
        ));
        return ExitCode::from(cli::EXIT_STORE);
    };
    match cchc::store::folder::prepare(&dir, config.share.sharing()) {
        Ok(None) => {}
        Ok(Some(warning)) => cli::print_error(&i18n::folder_mode_warning(&warning, lang)),
        Err(e) => {
            let message = i18n::folder_unusable(&dir.display().to_string(), &e.to_string(), lang);
            cli::print_error(&format!("{}: {message}", i18n::error_prefix(lang)));
            return ExitCode::from(cli::EXIT_STORE);
        }
    }
    let result = match parsed.command {
        None => cli::run_tui(&dir, lang, &config, cli::Start::Board, parsed.read_only),
        Some(command) => cli::run(command, &args, &dir, lang, &config, parsed.read_only),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            cli::print_error(&format!(
                "{}: {}",
                i18n::error_prefix(lang),
                e.message(lang)
            ));
            e.exit_code()
        }
    }
}

/// The program's arguments as text, and the position of the first one that is
/// not UTF-8 (shown with its bad bytes replaced), which is refused: a path or a
/// note in another encoding would be stored or looked up wrongly.
fn text_args() -> (Vec<String>, Option<usize>) {
    let mut not_text = None;
    let args = std::env::args_os()
        .enumerate()
        .map(|(i, arg)| {
            arg.into_string().unwrap_or_else(|raw| {
                not_text.get_or_insert(i);
                raw.to_string_lossy().into_owned()
            })
        })
        .collect();
    (args, not_text)
}

/// Loading a large plan is mostly small allocations; mimalloc makes start-up
/// and every board rebuild markedly faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
