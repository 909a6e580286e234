//! The languages cchc speaks, and which one a person asked for.

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
