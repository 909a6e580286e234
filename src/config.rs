//! The config file: TOML in the user's config folder (`~/.config/cchc/config.toml`
//! on Linux). Every setting has a default built in; a partial file overrides
//! only what it sets.

use std::ops::RangeInclusive;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::domain::period::PeriodRules;
use crate::domain::risk::RiskRules;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ThemeName {
    #[default]
    Dark,
    Light,
    HighContrast,
    /// No colour at all: symbols, words, bold and reverse video only.
    Mono,
    /// For a projector: high contrast, few colours, every text bold.
    Projector,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    pub theme: ThemeName,
    /// "vi" or "en".
    pub lang: String,
    /// Show the key hints line at the bottom of the screen.
    pub key_hints: bool,
    /// Review periods and their cut-offs.
    pub periods: PeriodRules,
    /// The at-risk thresholds.
    pub risks: RiskRules,
    /// Several `cchc` on one store: the owner's idle time, group access.
    pub share: crate::share::Settings,
    /// The person's full name, recorded in the history beside the account.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            theme: ThemeName::Dark,
            lang: "vi".into(),
            key_hints: true,
            periods: PeriodRules::default(),
            risks: RiskRules::default(),
            share: crate::share::Settings::default(),
            name: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub path: PathBuf,
    pub detail: String,
}

impl Config {
    /// Where the file is looked for.
    pub fn path() -> Option<PathBuf> {
        if let Some(dir) = std::env::var_os("CCHC_CONFIG_DIR").filter(|d| !d.is_empty()) {
            return Some(PathBuf::from(dir).join("config.toml"));
        }
        directories::ProjectDirs::from("", "", "cchc").map(|d| d.config_dir().join("config.toml"))
    }

    /// The defaults overridden by the file at `path`, if it exists.
    pub fn load(path: Option<&Path>) -> Result<Config, ConfigError> {
        let Some(path) = path else {
            return Ok(Config::default());
        };
        match std::fs::read_to_string(path) {
            Ok(text) => Config::parse(&text).map_err(|detail| ConfigError {
                path: path.to_path_buf(),
                detail,
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Config::default()),
            Err(e) => Err(ConfigError {
                path: path.to_path_buf(),
                detail: e.to_string(),
            }),
        }
    }

    pub fn parse(text: &str) -> Result<Config, String> {
        let config: Config = toml::from_str(text).map_err(|e| e.to_string())?;
        if crate::i18n::Lang::parse(&config.lang).is_none() {
            return Err(format!("lang = \"{}\" (vi, en)", config.lang));
        }
        match config.out_of_range().first() {
            None => Ok(config),
            Some((key, value, range)) => Err(format!(
                "{key} = {value} ({}–{})",
                range.start(),
                range.end()
            )),
        }
    }

    /// Settings outside what they can mean: a cut-off day every month has,
    /// days and points that are not absurd. Each with its accepted range.
    fn out_of_range(&self) -> Vec<(&'static str, i64, RangeInclusive<i64>)> {
        let checks = [
            ("cutoff_day", i64::from(self.periods.cutoff_day), 1..=28),
            ("report_day", i64::from(self.periods.report_day), 1..=28),
            ("due_soon_days", self.risks.due_soon_days, 0..=365),
            (
                "behind_tolerance",
                i64::from(self.risks.behind_tolerance),
                0..=100,
            ),
            ("idle_seconds", self.share.idle_seconds as i64, 0..=86_400),
        ];
        checks
            .into_iter()
            .filter(|(_, value, range)| !range.contains(value))
            .collect()
    }

    pub fn to_toml(&self) -> String {
        toml::to_string(self).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_out_of_their_range_are_refused_naming_the_range() {
        for (text, said) in [
            ("[periods]\ncutoff_day = 0\n", "cutoff_day = 0 (1–28)"),
            ("[periods]\ncutoff_day = 40\n", "cutoff_day = 40 (1–28)"),
            ("[periods]\ncutoff_day = 255\n", "cutoff_day = 255 (1–28)"),
            (
                "[risks]\nbehind_tolerance = 200\n",
                "behind_tolerance = 200 (0–100)",
            ),
            (
                "[share]\nidle_seconds = 99999999\n",
                "idle_seconds = 99999999 (0–86400)",
            ),
        ] {
            assert_eq!(Config::parse(text), Err(said.to_string()), "{text}");
        }
        assert!(Config::parse("[periods]\ncutoff_day = 28\n").is_ok());
        assert_eq!(
            Config::parse("lang = \"fr\"\n"),
            Err("lang = \"fr\" (vi, en)".to_string())
        );
    }

    #[test]
    fn a_partial_file_overrides_only_what_it_sets() {
        let config = Config::parse("theme = \"high-contrast\"\n").unwrap();
        assert_eq!(config.theme, ThemeName::HighContrast);
        assert_eq!(config.lang, "vi");
        assert!(config.key_hints);
    }

    #[test]
    fn period_and_risk_settings_are_partial_too() {
        let config =
            Config::parse("[periods]\nscheme = \"calendar\"\n[risks]\ndue_soon_days = 7\n")
                .unwrap();
        assert_eq!(
            config.periods.scheme,
            crate::domain::period::Scheme::Calendar
        );
        assert_eq!(config.periods.report_day, 20);
        assert_eq!(config.risks.due_soon_days, 7);
        assert_eq!(config.risks.behind_tolerance, 10);
    }

    #[test]
    fn unknown_settings_and_values_are_refused() {
        assert!(Config::parse("colour = \"red\"\n").is_err());
        assert!(Config::parse("theme = \"pink\"\n").is_err());
    }

    #[test]
    fn defaults_round_trip() {
        let text = Config::default().to_toml();
        assert_eq!(Config::parse(&text).unwrap(), Config::default());
    }
}
