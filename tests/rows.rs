//! What a screen shows is what its user is on: every row of the board names
//! its task, whatever hides the row it usually sits under (an earlier
//! occurrence shown alone carries its task's title beside its period), and
//! help starts with the keys of the screen it is opened on.

mod support;

use cchc::app::board::Grouping;
use cchc::config::ThemeName;

use support::{NARROW, render, screen_lines, seeded_app};

#[test]
fn an_earlier_occurrence_shown_alone_names_its_task() {
    let app = seeded_app();
    for (grouping, overdue_only) in [(Grouping::Area, true), (Grouping::Status, false)] {
        let mut ui = support::new_ui(&app, NARROW.0, NARROW.1);
        ui.grouping = grouping;
        ui.filter.overdue = overdue_only;
        cchc::screen::update::refresh(&app, &mut ui);
        let screen = screen_lines(&render(&app, &ui, NARROW.0, NARROW.1, ThemeName::Dark));
        let earlier: Vec<&String> = screen
            .iter()
            .filter(|l| l.contains(" 0.17 ") && l.contains("quý II/2026"))
            .collect();
        assert!(!earlier.is_empty(), "{}", screen.join("\n"));
        for line in earlier {
            assert!(
                line.contains("quý II/2026 · Báo cáo"),
                "{grouping:?}: {line}\n{}",
                screen.join("\n")
            );
        }
    }
}

/// `?` shows first the keys of the screen it is pressed on: in meeting
/// mode, the meeting's, not the board's editing keys.
#[test]
fn help_starts_with_the_keys_of_the_screen_it_is_opened_on() {
    use cchc::keymap::{Action, Mode};
    use cchc::screen::help::HelpLine;

    let mut app = seeded_app();
    for (start, mode) in [(None, Mode::Board), (Some(Action::Present), Mode::Meeting)] {
        let mut ui = support::new_ui(&app, 120, 35);
        let actions: Vec<Action> = start.into_iter().chain([Action::ShowHelp]).collect();
        support::press(&mut app, &mut ui, &actions);
        let first = ui.help.lines.iter().find_map(|l| match l {
            HelpLine::Heading(h) => Some(h.clone()),
            _ => None,
        });
        let title = cchc::i18n::mode_title(mode, ui.lang).to_string();
        assert_eq!(first, Some(title), "{mode:?}");
    }
}
