//! The help screen's lines, made from the key table and laid out for the
//! width of its box here, so that the screen's model knows how far help can
//! scroll and the view only draws what it is given.

use unicode_width::UnicodeWidthStr;

use crate::domain::risk::RiskRules;
use crate::i18n::{self, Lang};
use crate::keymap::{self, Mode};

/// The widest the help box gets.
pub const HELP_WIDTH: u16 = 72;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpLine {
    Heading(String),
    Binding { keys: String, label: &'static str },
    Text(String),
    Blank,
}

/// Every mode's keys, then the risk rules, fitted to `width` columns: long
/// texts are wrapped at spaces, so each line is one row on screen.
pub fn help_lines(rules: &RiskRules, lang: Lang, width: usize) -> Vec<HelpLine> {
    let mut lines = Vec::new();
    for mode in Mode::ALL {
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

/// How far help can scroll when `visible` of its `lines` fit.
pub fn max_scroll(lines: usize, visible: usize) -> u16 {
    u16::try_from(lines.saturating_sub(visible)).unwrap_or(u16::MAX)
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
        let lines = help_lines(&RiskRules::default(), Lang::Vi, 40);
        for line in &lines {
            if let HelpLine::Text(text) = line {
                assert!(text.width() <= 40, "{text:?}");
            }
        }
        assert!(lines.iter().any(|l| matches!(l, HelpLine::Binding { .. })));
    }

    #[test]
    fn scrolling_stops_where_the_last_line_shows() {
        assert_eq!(max_scroll(100, 20), 80);
        assert_eq!(max_scroll(10, 20), 0);
    }
}
