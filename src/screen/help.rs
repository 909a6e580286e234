//! The help screen's lines, made from the key table and laid out for the
//! width of its box here, so that the screen's model knows how far help can
//! scroll and the view only draws what it is given.

use unicode_width::UnicodeWidthStr;

use crate::app::App;
use crate::domain::risk::RiskRules;
use crate::i18n::{self, Lang};
use crate::keymap::{self, Mode};
use crate::screen::state::{Overlay, Ui};

/// The widest the help box gets.
pub const HELP_WIDTH: u16 = 72;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpLine {
    Heading(String),
    Binding { keys: String, label: &'static str },
    Text(String),
    Blank,
}

/// Help as prepared for the box it is shown in.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct HelpText {
    pub lines: Vec<HelpLine>,
    width: u16,
    /// The mode it was opened from, whose keys come first.
    from: Option<Mode>,
}

/// Shown by its size: its lines follow from the key table and the width.
impl std::fmt::Debug for HelpText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HelpText")
            .field("lines", &self.lines.len())
            .field("width", &self.width)
            .finish()
    }
}

/// Lays help out when it is open and its box has a new width; keeps its
/// scroll where its last line shows at most.
pub fn prepare(app: &App, ui: &mut Ui) {
    if ui.overlay != Some(Overlay::Help) {
        return;
    }
    let width = ui.help_box.width;
    let from = ui.screen_mode();
    if ui.help.lines.is_empty() || ui.help.width != width || ui.help.from != Some(from) {
        ui.help = HelpText {
            lines: help_lines(app.risk_rules(), ui.lang, usize::from(width), from),
            width,
            from: Some(from),
        };
    }
    ui.help_scroll = ui.help_scroll.min(last_scroll(ui));
}

/// The furthest help scrolls in its box.
pub fn last_scroll(ui: &Ui) -> u16 {
    super::shown::max_scroll(ui.help.lines.len(), ui.help_box.rows_on(ui.screen))
}

/// Every mode's keys, those of the mode help was opened from (`first`)
/// first, then the risk rules, fitted to `width` columns: long texts are
/// wrapped at spaces, so each line is one row on screen.
pub fn help_lines(rules: &RiskRules, lang: Lang, width: usize, first: Mode) -> Vec<HelpLine> {
    let mut lines = Vec::new();
    let others = Mode::ALL.into_iter().filter(|mode| *mode != first);
    for mode in std::iter::once(first).chain(others) {
        lines.push(HelpLine::Heading(i18n::mode_title(mode, lang).to_string()));
        for binding in keymap::bindings(mode) {
            let keys: Vec<String> = binding.keys.iter().map(|k| k.label()).collect();
            lines.push(HelpLine::Binding {
                keys: keys.join(" "),
                label: i18n::action_label(binding.action, lang),
            });
        }
        lines.push(HelpLine::Blank);
    }
    lines.push(HelpLine::Heading(
        i18n::symbol_legend_title(lang).to_string(),
    ));
    for (symbol, meaning) in i18n::symbol_legend(lang) {
        lines.push(HelpLine::Binding {
            keys: symbol.to_string(),
            label: meaning,
        });
    }
    lines.push(HelpLine::Blank);
    lines.push(HelpLine::Heading(i18n::risk_rules_title(lang).to_string()));
    for rule in i18n::risk_rules_explained(rules, lang) {
        let wrapped = wrap(&rule, width.saturating_sub(2).max(10));
        lines.extend(
            wrapped
                .into_iter()
                .map(|l| HelpLine::Text(format!("  {l}"))),
        );
    }
    lines
}

/// `text` in lines of at most `width` columns, broken at spaces (a word
/// longer than a line gets a line of its own).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.width() + 1 + word.width() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_rules_are_wrapped_to_the_box() {
        let lines = help_lines(&RiskRules::default(), Lang::Vi, 40, Mode::Board);
        for line in &lines {
            if let HelpLine::Text(text) = line {
                assert!(text.width() <= 40, "{text:?}");
            }
        }
        assert!(lines.iter().any(|l| matches!(l, HelpLine::Binding { .. })));
    }
}
