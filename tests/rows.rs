//! Every row of the board names its task, whatever hides the row it
//! usually sits under: an earlier occurrence shown alone ("Chỉ quá hạn",
//! grouping by state) carries its task's title beside its period.

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
