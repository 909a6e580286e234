//! The command line's help in the user's language: the help texts of
//! `i18n::cli_help`, and the frame clap would otherwise print in English
//! around them (the usage and section headings, `--help`, `--version`, the
//! `help` subcommand, an argument's default and possible values).

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, ArgMatches, Command};

use crate::i18n::{self, HelpFrame, Lang, UsageProblem};

/// The `-h, --help` argument, and the `help` subcommand.
const HELP: &str = "help";
/// The `-V, --version` argument.
const VERSION: &str = "version";
/// The `help` subcommand's argument: the subcommands whose help is asked.
const HELP_NAMES: &str = "subcommand";
/// Where `--help` and `--version` are listed: last, after every global
/// option, as clap lists its own.
const LAST: usize = usize::MAX;

/// The program's command with every word of its help in `lang`.
pub(super) fn localized(command: Command, lang: Lang) -> Command {
    localize(command, "", &i18n::help_frame(lang), lang)
}

/// What `cchc [subcommand…] help [name…]` asks for, as the arguments that
/// show it: `[subcommand…, name…, "--help"]`; `None` for any other command.
pub(super) fn help_asked(matches: &ArgMatches) -> Option<Vec<String>> {
    let mut shown = Vec::new();
    let mut at = matches;
    while let Some((name, sub)) = at.subcommand() {
        if name == HELP {
            let names = sub.get_many::<String>(HELP_NAMES).into_iter().flatten();
            shown.extend(names.cloned());
            shown.push("--help".to_string());
            return Some(shown);
        }
        shown.push(name.to_string());
        at = sub;
    }
    None
}

/// `command`, found at `path` ("" for the program, "meeting.new"), and its
/// subcommands, with their help texts and clap's frame in `lang`.
fn localize(mut command: Command, path: &str, frame: &HelpFrame, lang: Lang) -> Command {
    if let Some(about) = i18n::cli_help(path, lang) {
        command = command.about(about);
    }
    let arg_ids: Vec<String> = command
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in arg_ids {
        let key_id = id.replace('_', "-");
        let key = if path.is_empty() {
            key_id.clone()
        } else {
            format!("{path}.{key_id}")
        };
        let help = i18n::cli_help(&key, lang).or_else(|| i18n::cli_help(&key_id, lang));
        command = command.mut_arg(id.as_str(), |a| framed_arg(a, help, frame, lang));
    }
    command = command.disable_help_flag(true).arg(
        Arg::new(HELP)
            .short('h')
            .long("help")
            .action(ArgAction::Help)
            .display_order(LAST)
            .help(frame.help)
            .help_heading(frame.options),
    );
    if command.get_version().is_some() {
        command = command.disable_version_flag(true).arg(
            Arg::new(VERSION)
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .display_order(LAST)
                .help(frame.version)
                .help_heading(frame.options),
        );
    }
    if command.has_subcommands() {
        command = command
            .disable_help_subcommand(true)
            .subcommand_help_heading(frame.commands)
            .subcommand(help_command(frame));
    }
    let usage = command.get_styles().get_usage();
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{usage}{}{usage:#} {{usage}}\n\n{{all-args}}{{after-help}}",
        frame.usage
    );
    command.help_template(template).mut_subcommands(|sub| {
        let sub_path = if path.is_empty() {
            sub.get_name().to_string()
        } else {
            format!("{path}.{}", sub.get_name())
        };
        localize(sub, &sub_path, frame, lang)
    })
}

/// An argument with its help text (`help`, else its own), the notes clap
/// would add in English written in the user's language instead, and its
/// section: arguments for a positional one, options for the others.
fn framed_arg(mut arg: Arg, help: Option<&str>, frame: &HelpFrame, lang: Lang) -> Arg {
    let names: Option<Vec<&'static str>> = arg
        .get_value_names()
        .map(|names| {
            names
                .iter()
                .map(|name| i18n::placeholder(name.as_str(), lang))
                .collect()
        })
        .and_then(|names: Vec<Option<&'static str>>| names.into_iter().collect());
    if let Some(names) = names {
        arg = arg.value_names(names);
    }
    let mut text = help
        .map(str::to_string)
        .or_else(|| arg.get_help().map(ToString::to_string))
        .unwrap_or_default();
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if arg.get_action().takes_values() && !arg.is_hide_default_value_set() && !defaults.is_empty() {
        text = noted(text, frame.default, &defaults.join(" "));
        arg = arg.hide_default_value(true);
    }
    let values: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_string())
        .collect();
    if arg.get_action().takes_values() && !arg.is_hide_possible_values_set() && !values.is_empty() {
        text = noted(text, frame.possible_values, &values.join(", "));
        arg = arg.hide_possible_values(true);
    }
    let heading = if arg.is_positional() {
        frame.arguments
    } else {
        frame.options
    };
    let arg = arg.help_heading(heading);
    if text.is_empty() { arg } else { arg.help(text) }
}

/// A usage mistake as the user reads it: in Vietnamese, what was wrong, the
/// usage line and where to read more; clap's own words in English, and for
/// anything this does not know how to say.
pub(super) fn error_text(error: &clap::Error, lang: Lang) -> String {
    let problem = match lang {
        Lang::Vi if error.use_stderr() => usage_problem(error),
        _ => None,
    };
    let Some(problem) = problem else {
        return in_usage_words(error.render().to_string(), lang);
    };
    let mut text = format!(
        "{}: {}",
        i18n::error_prefix(lang),
        i18n::usage_problem(&problem)
    );
    if let Some(usage) = error.get(ContextKind::Usage) {
        let usage = usage.to_string();
        let usage = usage.trim().strip_prefix("Usage:").unwrap_or(usage.trim());
        text.push_str(&format!(
            "\n\n{} {}",
            i18n::help_frame(lang).usage,
            usage.trim()
        ));
    }
    text.push_str("\n\n");
    text.push_str(i18n::usage_more(lang));
    in_usage_words(text, lang)
}

/// `text` with the words clap puts in usage lines ("[OPTIONS]") in `lang`.
fn in_usage_words(mut text: String, lang: Lang) -> String {
    for (english, own) in i18n::usage_words(lang) {
        text = text.replace(english, own);
    }
    text
}

fn usage_problem(error: &clap::Error) -> Option<UsageProblem> {
    let text = |kind| match error.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(list)) => list.first().cloned(),
        _ => None,
    };
    let list = |kind| match error.get(kind) {
        Some(ContextValue::Strings(list)) => list.clone(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    };
    Some(match error.kind() {
        ErrorKind::MissingRequiredArgument => {
            UsageProblem::MissingArguments(list(ContextKind::InvalidArg))
        }
        ErrorKind::UnknownArgument => UsageProblem::UnknownArgument {
            typed: text(ContextKind::InvalidArg)?,
            suggested: text(ContextKind::SuggestedArg),
        },
        ErrorKind::InvalidSubcommand => UsageProblem::UnknownCommand {
            typed: text(ContextKind::InvalidSubcommand)?,
            suggested: text(ContextKind::SuggestedSubcommand),
        },
        ErrorKind::InvalidValue => UsageProblem::InvalidValue {
            typed: text(ContextKind::InvalidValue)?,
            arg: text(ContextKind::InvalidArg)?,
            accepted: list(ContextKind::ValidValue),
        },
        ErrorKind::ArgumentConflict => UsageProblem::Conflict {
            arg: text(ContextKind::InvalidArg)?,
            with: text(ContextKind::PriorArg)?,
        },
        ErrorKind::TooManyValues => UsageProblem::TooMany(text(ContextKind::InvalidValue)?),
        ErrorKind::MissingSubcommand => UsageProblem::MissingCommand,
        _ => return None,
    })
}

/// `text [label: value]`.
fn noted(text: String, label: &str, value: &str) -> String {
    let note = format!("[{label}: {value}]");
    if text.is_empty() {
        note
    } else {
        format!("{text} {note}")
    }
}

/// The `help` subcommand clap would add, in the user's language; what it
/// asks for is shown by [`help_asked`].
fn help_command(frame: &HelpFrame) -> Command {
    Command::new(HELP).about(frame.help_command).arg(
        Arg::new(HELP_NAMES)
            .action(ArgAction::Append)
            .num_args(..)
            .value_name("COMMAND")
            .help(frame.help_command_names),
    )
}
