//! The key table against everything that reads it: no key means two things in
//! one mode, every row has words in both languages, the help screen lists
//! exactly the table, and every action the board reacts to has a key. Then a
//! property test: random key presses and resizes never panic, in `update` or
//! in drawing, and never leave the selection off the screen.

mod support;

use std::collections::HashSet;

use proptest::prelude::*;
use proptest::test_runner::Config as ProptestConfig;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use cchc::app::App;
use cchc::config::ThemeName;
use cchc::i18n::{self, Lang};
use cchc::keymap::Action;
use cchc::keymap::{self, BINDINGS, Key, Mode};
use cchc::screen::message::Message;
use cchc::screen::state::{Screen, Ui};
use cchc::screen::update::update;
use support::{
    NARROW, OVERDUE_TASK, draw, new_ui, press, render, screen_lines, seeded_app, select_task,
    type_text,
};

/// Every key the table mentions, in table order, once.
fn all_keys() -> Vec<Key> {
    let mut seen = HashSet::new();
    BINDINGS
        .iter()
        .flat_map(|b| b.keys.iter().copied())
        .filter(|k| seen.insert(*k))
        .collect()
}

// ------------------------------------------------------------ the table

#[test]
fn no_key_is_bound_twice_in_one_mode() {
    for mode in Mode::ALL {
        let mut seen = HashSet::new();
        for binding in keymap::bindings(mode) {
            assert!(!binding.keys.is_empty(), "{binding:?} has no key");
            for key in binding.keys {
                assert!(
                    seen.insert(*key),
                    "{} is bound twice in {mode:?}",
                    key.label()
                );
            }
        }
    }
}

/// A mode may give its parent's keys another meaning (n in search results);
/// every other key of the parent still works there.
#[test]
fn modes_inherit_their_parents_keys_unless_they_rebind_them() {
    let parents = [
        (Mode::SearchResults, Mode::Board),
        (Mode::Detail, Mode::Board),
    ];
    for (mode, parent) in parents {
        let own: HashSet<Key> = keymap::bindings(mode)
            .flat_map(|b| b.keys.iter().copied())
            .collect();
        for binding in keymap::bindings(parent) {
            for key in binding.keys {
                let expected = keymap::bindings(mode)
                    .find(|b| b.keys.contains(key))
                    .map_or(binding.action, |b| b.action);
                assert_eq!(
                    keymap::action_for(mode, *key),
                    Some(expected),
                    "{} in {mode:?}",
                    key.label()
                );
                if !own.contains(key) {
                    assert_eq!(expected, binding.action);
                }
            }
        }
    }
}

#[test]
fn every_binding_has_words_in_both_languages() {
    for binding in BINDINGS {
        for lang in [Lang::Vi, Lang::En] {
            let label = i18n::action_label(binding.action, lang);
            assert!(!label.trim().is_empty(), "{:?} in {lang:?}", binding.action);
            if binding.hint {
                let hint = i18n::hint_label(binding.action, lang);
                assert!(!hint.trim().is_empty(), "hint {:?}", binding.action);
            }
        }
    }
    for mode in Mode::ALL {
        for lang in [Lang::Vi, Lang::En] {
            assert!(!i18n::mode_title(mode, lang).trim().is_empty());
        }
    }
}

#[test]
fn key_labels_are_distinct() {
    let keys = all_keys();
    let labels: HashSet<String> = keys.iter().map(|k| k.label()).collect();
    assert_eq!(labels.len(), keys.len(), "two keys share a label");
}

// ------------------------------------------------------------ help

/// The rows inside the help box, right-trimmed, from a screen tall enough to
/// hold all of it.
fn help_lines(lang: Lang) -> Vec<String> {
    let (width, height) = (100, 200);
    let mut app = seeded_app();
    let mut ui = new_ui(&app, width, height);
    ui.lang = lang;
    press(&mut app, &mut ui, &[Action::ShowHelp]);
    let terminal = render(&app, &ui, width, height, ThemeName::Dark);
    let lines = screen_lines(&terminal);
    let title = i18n::help_title(lang);
    let top = lines
        .iter()
        .position(|l| l.contains(title))
        .unwrap_or_else(|| panic!("no help box:\n{}", terminal.backend()));
    let left = lines[top].chars().position(|c| c == '┌').unwrap();
    let right = lines[top].chars().position(|c| c == '┐').unwrap();
    let mut inside = Vec::new();
    for line in &lines[top + 1..] {
        let chars: Vec<char> = line.chars().collect();
        if chars[left] == '└' {
            return inside;
        }
        assert_eq!((chars[left], chars[right]), ('│', '│'), "{line:?}");
        let text: String = chars[left + 1..right].iter().collect();
        inside.push(text.trim_end().to_string());
    }
    panic!("the help box has no bottom:\n{}", terminal.backend());
}

/// Help says what every symbol of the board and the slides means.
#[test]
fn help_explains_every_symbol() {
    for lang in [Lang::Vi, Lang::En] {
        let lines = help_lines(lang);
        let from = lines
            .iter()
            .position(|l| l == i18n::symbol_legend_title(lang))
            .expect("a section of symbols");
        for (symbol, meaning) in i18n::symbol_legend(lang) {
            assert!(
                lines[from..]
                    .iter()
                    .any(|l| l.trim_start().starts_with(symbol) && l.ends_with(meaning)),
                "{symbol} {meaning}"
            );
        }
    }
}

/// Help lists every mode's rows of the key table, in order, each with all
/// its keys and its whole description, and nothing else.
#[test]
fn help_lists_exactly_the_key_table() {
    for lang in [Lang::Vi, Lang::En] {
        let lines = help_lines(lang);
        let titles: Vec<&str> = Mode::ALL
            .iter()
            .map(|m| i18n::mode_title(*m, lang))
            .collect();
        let mut sections: Vec<(String, Vec<String>)> = Vec::new();
        for line in lines {
            // The symbols, then the rules of the risk flags, follow the keys.
            if line == i18n::symbol_legend_title(lang) || line == i18n::risk_rules_title(lang) {
                break;
            }
            if titles.contains(&line.as_str()) {
                sections.push((line, Vec::new()));
            } else if !line.trim().is_empty() {
                let (title, rows) = sections.last_mut().expect("a row before any title");
                assert!(line.starts_with("  "), "{title}: {line:?}");
                rows.push(line);
            }
        }
        assert_eq!(sections.len(), Mode::ALL.len(), "one section per mode");
        for (mode, (title, rows)) in Mode::ALL.iter().zip(&sections) {
            assert_eq!(title, i18n::mode_title(*mode, lang));
            let bindings: Vec<_> = keymap::bindings(*mode).collect();
            assert_eq!(rows.len(), bindings.len(), "{title}: {rows:#?}");
            for (row, binding) in rows.iter().zip(bindings) {
                let keys: Vec<String> = binding.keys.iter().map(|k| k.label()).collect();
                let keys = keys.join(" ");
                let label = i18n::action_label(binding.action, lang);
                assert!(
                    row.trim_start().starts_with(&keys),
                    "{title}: {row:?} should start with {keys:?}"
                );
                assert!(
                    row.ends_with(label),
                    "{title}: {row:?} should end with {label:?}"
                );
            }
        }
        let listed: usize = sections.iter().map(|(_, rows)| rows.len()).sum();
        assert_eq!(listed, BINDINGS.len());
    }
}

// ------------------------------------------------------------ reachability

use Action as A;

/// What a person could notice of the state (the folded set in a stable order).
fn fingerprint(ui: &Ui) -> String {
    let mut folded: Vec<String> = ui.folded.iter().map(|f| format!("{f:?}")).collect();
    folded.sort();
    format!(
        "{:?} {:?} {:?} {:?} {:?} {folded:?} {} {} {:?} {} {} {} {:?} {:?} {} {} {} {:?} {:?} {:?}",
        ui.screen,
        ui.focus,
        ui.overlay,
        ui.grouping,
        ui.filter,
        ui.selected,
        ui.offset,
        ui.search,
        ui.detail_scroll,
        ui.help_scroll,
        ui.target_selected,
        ui.flash,
        ui.last_saved,
        ui.undo.len(),
        ui.quit,
        ui.report_asked,
        ui.summary,
        ui.triage,
        ui.rows
            .iter()
            .filter_map(|r| r.task())
            .map(|t| &t.key)
            .collect::<Vec<_>>(),
    )
}

/// A named way to get from a fresh board to some starting point.
type Setup = (&'static str, fn(&mut App, &mut Ui));

/// Starting points on the board where each action has something to act on.
fn board_setups() -> Vec<Setup> {
    vec![
        ("a group row", |_, _| {}),
        ("a task row", |app, ui| select_task(app, ui, OVERDUE_TASK)),
        ("a folded group", |app, ui| {
            press(app, ui, &[Action::Top, Action::Collapse])
        }),
        ("after an edit, with a filter", |app, ui| {
            select_task(app, ui, OVERDUE_TASK);
            press(
                app,
                ui,
                &[
                    Action::ProgressUp,
                    Action::OpenFilter,
                    Action::CursorRight,
                    Action::Confirm,
                ],
            );
        }),
        ("search results", |app, ui| {
            press(app, ui, &[Action::StartSearch]);
            type_text(app, ui, "cai cach");
            press(app, ui, &[Action::Confirm]);
        }),
    ]
}

/// An action the board reacts to but no key sends could never be used.
#[test]
fn every_action_the_board_reacts_to_has_a_key() {
    let not_from_keys = |a: Action| matches!(a, A::Insert(_));
    for (name, setup) in board_setups() {
        for action in support::every_action()
            .into_iter()
            .filter(|a| !not_from_keys(*a))
        {
            let mut app = seeded_app();
            let mut ui = new_ui(&app, NARROW.0, NARROW.1);
            setup(&mut app, &mut ui);
            let mode = ui.mode();
            assert!(
                matches!(mode, Mode::Board | Mode::SearchResults),
                "{name}: {mode:?}"
            );
            let before = fingerprint(&ui);
            update(&mut app, &mut ui, action);
            if fingerprint(&ui) == before {
                continue;
            }
            // While search results are highlighted `n` walks the matches, so
            // adding a note needs Esc first (reported as a gap, not fixed).
            if mode == Mode::SearchResults && action == A::AddNote {
                continue;
            }
            let reachable = all_keys()
                .into_iter()
                .any(|k| keymap::action_for(mode, k) == Some(action));
            assert!(
                reachable,
                "{name} ({mode:?}): {action:?} changes the screen but no key sends it"
            );
        }
    }
}

/// The other way round: every action in the board's rows does something
/// from at least one starting point (no dead keys).
#[test]
fn every_board_key_does_something() {
    for mode in [Mode::Board, Mode::SearchResults] {
        for binding in keymap::bindings(mode) {
            let reacts = board_setups().into_iter().any(|(_, setup)| {
                let mut app = seeded_app();
                let mut ui = new_ui(&app, NARROW.0, NARROW.1);
                setup(&mut app, &mut ui);
                if ui.mode() != mode {
                    return false;
                }
                let before = fingerprint(&ui);
                update(&mut app, &mut ui, binding.action);
                fingerprint(&ui) != before
            });
            assert!(reacts, "{mode:?}: {:?} does nothing", binding.action);
        }
    }
}

// ------------------------------------------------------------ random presses

/// Actions the property test draws from: everything a person can do on the
/// board and in its dialogs, except quitting.
const SIMPLE: [Action; 28] = [
    A::Up,
    A::Down,
    A::PageUp,
    A::PageDown,
    A::Top,
    A::Bottom,
    A::Collapse,
    A::Expand,
    A::Open,
    A::Back,
    A::SwitchPane,
    A::CycleGrouping,
    A::ShowTargets,
    A::ShowHelp,
    A::StartSearch,
    A::NextMatch,
    A::PreviousMatch,
    A::OpenFilter,
    A::ClearFilters,
    A::CursorLeft,
    A::CursorRight,
    A::Confirm,
    A::Cancel,
    A::DeleteBack,
    A::PickStatus,
    A::ProgressUp,
    A::ProgressDown,
    A::Undo,
];

/// Any message the screen gets: mostly keys, sometimes a paste (text with
/// line breaks and board keys in it) or a new size.
fn any_message() -> impl Strategy<Value = Message> {
    prop_oneof![
        24 => proptest::sample::select(SIMPLE.to_vec()).prop_map(Message::from),
        // Back again: only it leaves help, which would otherwise soak up runs.
        2 => Just(Message::from(A::Back)),
        6 => proptest::sample::select(vec!['a', 'c', 'd', 'h', 'n', 's', 't', ' ', '1', '/'])
            .prop_map(|c| Message::from(Action::Insert(c))),
        1 => proptest::sample::select(vec!["- rà soát\n\nq t", "văn bản", "+\r\n-", ""])
            .prop_map(|t| Message::Paste(t.to_string())),
        1 => (1u16..250, 1u16..80).prop_map(|(w, h)| Message::Resized(cchc::ui::fit(w, h, true))),
    ]
}

/// On the board with no dialog open, the selection is a real row and on the
/// screen.
fn check_selection(ui: &Ui) -> Result<(), TestCaseError> {
    if ui.overlay.is_some() || ui.screen != Screen::Board || ui.rows.is_empty() {
        return Ok(());
    }
    let page = ui.page.max(1);
    prop_assert!(
        ui.selected < ui.rows.len(),
        "selected {} of {} rows",
        ui.selected,
        ui.rows.len()
    );
    prop_assert!(
        ui.offset <= ui.selected && ui.selected < ui.offset + page,
        "selected {} off the page {}..{}",
        ui.selected,
        ui.offset,
        ui.offset + page
    );
    Ok(())
}

/// The board as kept up to date in place is the board built afresh.
fn check_board(app: &App, ui: &Ui) -> Result<(), TestCaseError> {
    let built = app.board(ui.grouping, &ui.filter, &ui.folded);
    prop_assert_eq!(&ui.summary, &built.summary);
    prop_assert!(
        ui.rows == built.rows,
        "the rows kept differ from those built"
    );
    Ok(())
}

/// Applies `actions` from a screen of `size`, drawing after each one, and
/// checks the selection and the board after each one.
///
/// Drawing in a debug build costs milliseconds, so a draw is skipped when
/// nothing the views read has changed since the last one at this size
/// (drawing is a pure function of the app, the `Ui` and the size; every edit
/// of the app also changes the `Ui`'s undo stack).
fn press_randomly(size: (u16, u16), messages: Vec<Message>) -> Result<(), TestCaseError> {
    let (width, height) = size;
    let mut app = seeded_app();
    let mut ui = new_ui(&app, width, height);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    draw(&mut terminal, &app, &ui, ThemeName::Dark);
    let mut drawn = format!("{ui:?}");
    let mut revision = app.revision();
    check_selection(&ui)?;
    for message in messages {
        let resized = match &message {
            Message::Resized(fit) => {
                terminal.backend_mut().resize(fit.width, fit.height);
                true
            }
            _ => false,
        };
        update(&mut app, &mut ui, message);
        let state = format!("{ui:?}");
        if resized || state != drawn {
            draw(&mut terminal, &app, &ui, ThemeName::Dark);
            drawn = state;
        }
        check_selection(&ui)?;
        // Built afresh only when a change was taken in, which is what
        // could have left the board kept in place wrong.
        if app.revision() != revision {
            revision = app.revision();
            check_board(&app, &ui)?;
        }
    }
    Ok(())
}

// Two halves of 32 cases each, so the test harness runs them side by side.
proptest! {
    #![proptest_config(ProptestConfig {
        cases: 32,
        // Failures are shrunk and printed; no regression files are written.
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn random_presses_never_panic_or_lose_the_selection(
        size in (1u16..250, 1u16..80),
        actions in proptest::collection::vec(any_message(), 300),
    ) {
        press_randomly(size, actions)?;
    }

    #[test]
    fn random_presses_never_panic_or_lose_the_selection_too(
        size in (1u16..250, 1u16..80),
        actions in proptest::collection::vec(any_message(), 300),
    ) {
        press_randomly(size, actions)?;
    }
}

/// Help ends with one line per risk rule, with the thresholds in force.
#[test]
fn help_explains_every_risk_rule() {
    for lang in [Lang::Vi, Lang::En] {
        let lines = help_lines(lang).join("\n");
        assert!(lines.contains(i18n::risk_rules_title(lang)), "{lines}");
        let rules = i18n::risk_rules_explained(&cchc::domain::risk::RiskRules::default(), lang);
        for rule in rules {
            let start: String = rule.chars().take(30).collect();
            assert!(lines.contains(&start), "{start:?} not in help:\n{lines}");
        }
    }
}

/// A paste goes through the same update as keys: into the search bar it
/// searches; with no box open it changes nothing and says where to paste.
#[test]
fn a_paste_searches_in_the_search_bar_and_is_refused_on_the_board() {
    let mut app = support::seeded_app();
    let mut ui = support::new_ui(&app, 80, 24);
    let before = ui.selected;
    update(&mut app, &mut ui, Message::Paste("- rà soát t q".into()));
    assert_eq!(ui.selected, before, "the board took no key from the paste");
    assert!(ui.flash.is_some(), "a hint says where pasting works");
    update(&mut app, &mut ui, Action::StartSearch);
    update(&mut app, &mut ui, Message::Paste("văn bản\n".into()));
    let search = ui.search.as_ref().expect("the paste searched");
    assert_eq!(search.query, "văn bản ");
}

/// Help scrolls no further than where its last line shows, so ↑ after ↓
/// held down moves at once.
#[test]
fn help_stops_scrolling_at_its_end_and_comes_back_at_once() {
    let mut app = support::seeded_app();
    let mut ui = support::new_ui(&app, 80, 24);
    update(&mut app, &mut ui, Action::ShowHelp);
    for _ in 0..2_000 {
        update(&mut app, &mut ui, Action::ScrollDown);
    }
    let end = ui.help_scroll;
    assert!(end > 0 && end < 1_000, "{end}");
    update(&mut app, &mut ui, Action::ScrollDown);
    assert_eq!(ui.help_scroll, end, "no further than the end");
    update(&mut app, &mut ui, Action::ScrollUp);
    assert_eq!(ui.help_scroll, end - 1, "back at once");
}

/// The detail pane scrolls no further than its last line, at either size,
/// and that last line (the oldest history entry) is on screen there.
#[test]
fn the_detail_pane_stops_scrolling_at_its_end_and_comes_back_at_once() {
    for (width, height) in [NARROW, support::WIDE] {
        let mut app = support::seeded_app();
        let mut ui = support::new_ui(&app, width, height);
        select_task(&mut app, &mut ui, support::NOTED_TASK);
        update(&mut app, &mut ui, Action::SwitchPane);
        for _ in 0..500 {
            update(&mut app, &mut ui, Action::ScrollDown);
        }
        update(&mut app, &mut ui, Action::PageDown);
        let end = ui.detail_scroll;
        assert!(end < 200, "{width}×{height}: {end}");
        if (width, height) == NARROW {
            assert!(end > 0, "the task's detail is longer than 24 rows");
        }
        let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
        draw(&mut terminal, &app, &ui, ThemeName::Dark);
        let shown = screen_lines(&terminal).join("\n");
        let last = ui.detail.lines.last().expect("the pane has lines");
        let last_text: String = last
            .0
            .iter()
            .filter_map(|p| match p {
                cchc::screen::shown::Piece::Text(_, t) => Some(t.trim()),
                _ => None,
            })
            .collect();
        let start: String = last_text.chars().take(20).collect();
        assert!(shown.contains(&start), "{start:?} not on\n{shown}");
        update(&mut app, &mut ui, Action::ScrollUp);
        assert_eq!(ui.detail_scroll, end.saturating_sub(1), "back at once");
    }
}

/// Marking work done by keys, each looked up in the key table as the
/// runtime does: `s`, ↓ to "hoàn thành", Enter; the day asked, today filled
/// in, is typed over with an earlier one; Enter saves it. Work finished on
/// 30/09 before its deadline of 01/10 counts as done on time.
#[test]
fn marking_done_on_an_earlier_day_by_keys() {
    let mut app = seeded_app();
    let mut ui = new_ui(&app, NARROW.0, NARROW.1);
    select_task(&mut app, &mut ui, OVERDUE_TASK);
    let task = app.resolve(OVERDUE_TASK).expect("the overdue task");
    let mut keys = vec![Key::Char('s'), Key::Down, Key::Down, Key::Enter];
    keys.extend("30/09/2026".chars().map(Key::Char));
    keys.push(Key::Enter);
    for key in keys {
        let action = keymap::action_for(ui.mode(), key)
            .unwrap_or_else(|| panic!("{} is bound in {:?}", key.label(), ui.mode()));
        update(&mut app, &mut ui, action);
    }
    assert!(ui.overlay.is_none(), "saved and closed: {:?}", ui.overlay);
    let view = app.view(&task).expect("the task");
    assert_eq!(view.state.status, cchc::domain::Status::Done);
    assert_eq!(view.state.completed_on, Some(support::date(2026, 9, 30)));
    assert_eq!(view.class, cchc::domain::DeadlineClass::DoneOnTime);
}

/// An earlier occurrence still overdue is a row of its own under its task
/// (0.17's report of quý II/2026); marking it done by keys changes that
/// occurrence, not the one the period reviews; its row stays, done late.
#[test]
fn an_earlier_occurrence_is_edited_on_its_own_row() {
    let mut app = seeded_app();
    let mut ui = new_ui(&app, NARROW.0, NARROW.1);
    let earlier = cchc::domain::TaskKey {
        task: "0.17".into(),
        occurrence: cchc::domain::Occurrence::Quarter(2026, 2),
    };
    let current = app.resolve("0.17").expect("0.17");
    update(&mut app, &mut ui, Action::Top);
    for _ in 0..ui.rows.len() {
        if ui.selected_key() == Some(&earlier) {
            break;
        }
        update(&mut app, &mut ui, Action::Down);
    }
    assert_eq!(ui.selected_key(), Some(&earlier), "reached by moving down");
    for key in [Key::Char('s'), Key::Down, Key::Down, Key::Enter, Key::Enter] {
        let action = keymap::action_for(ui.mode(), key)
            .unwrap_or_else(|| panic!("{} is bound in {:?}", key.label(), ui.mode()));
        update(&mut app, &mut ui, action);
    }
    let done = app.view(&earlier).expect("the earlier occurrence");
    assert_eq!(done.state.status, cchc::domain::Status::Done);
    let untouched = app.view(&current).expect("the current occurrence");
    assert_eq!(untouched.state.status, cchc::domain::Status::NotStarted);
    let row = ui
        .rows
        .iter()
        .filter_map(|r| r.task())
        .find(|t| t.key == earlier)
        .expect("caught up in the period, it stays a row");
    assert_eq!(row.class, cchc::domain::DeadlineClass::DoneLate);
}
