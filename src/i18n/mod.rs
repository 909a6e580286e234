//! Every user-facing word, Vietnamese first and English on request. Code names
//! are English; what a person reads comes from here and nowhere else. One
//! file per part of the program the words belong to.

mod cli;
mod dialogs;
mod errors;
mod help;
mod meeting;
mod owner;
mod risks;
mod statuses;
mod tui;

pub use cli::*;
pub use dialogs::*;
pub use errors::*;
pub use help::*;
pub use meeting::*;
pub use owner::*;
pub use risks::*;
pub use statuses::*;
pub use tui::*;

use crate::app::AppError;
use crate::domain::catalog::CatalogError;
use crate::domain::date::format_date;
use crate::domain::error::TextField;
use crate::domain::text::sanitize_line;
use crate::domain::{Cadence, DeadlineClass, Field, InputError, Status, Value};
use crate::store::StoreError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    /// `vi`/`en` (any case); `None` for anything else.
    pub fn parse(text: &str) -> Option<Lang> {
        match text.trim().to_ascii_lowercase().as_str() {
            "vi" | "vn" | "vie" => Some(Lang::Vi),
            "en" | "eng" => Some(Lang::En),
            _ => None,
        }
    }

    /// `--lang X` / `--lang=X` among the arguments, else `CCHC_LANG`; `None`
    /// when neither says (the config file, then Vietnamese, decide), or
    /// when what they say is not a language (see [`Lang::unknown_asked`]).
    pub fn from_args_and_env(args: &[String]) -> Option<Lang> {
        Lang::asked(args).and_then(|(_, value)| Lang::parse(&value))
    }

    /// Where a language was asked for and the value, when it is not one
    /// cchc speaks: `("--lang", "fr")`, `("CCHC_LANG", "fr")`.
    pub fn unknown_asked(args: &[String]) -> Option<(&'static str, String)> {
        Lang::asked(args).filter(|(_, value)| Lang::parse(value).is_none())
    }

    fn asked(args: &[String]) -> Option<(&'static str, String)> {
        let from_args = args.iter().enumerate().find_map(|(i, a)| {
            a.strip_prefix("--lang=")
                .or_else(|| {
                    (a == "--lang")
                        .then(|| args.get(i + 1).map(String::as_str))
                        .flatten()
                })
                .map(|value| ("--lang", value.to_string()))
        });
        from_args.or_else(|| {
            std::env::var("CCHC_LANG")
                .ok()
                .filter(|v| !v.trim().is_empty())
                .map(|value| ("CCHC_LANG", value))
        })
    }

    pub fn pick(self, vi: &'static str, en: &'static str) -> &'static str {
        match self {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }
}
