//! The one key table. Dispatch, the help screen and the status-bar hints all
//! read it, so help can never drift from the keys. No function keys and no Alt
//! combinations: everything works from PuTTY at 80×24.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

mod action;

pub use action::Action;

/// Where the keyboard is: decides which rows of the table apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    Board,
    /// The board while a search is highlighted.
    SearchResults,
    Detail,
    Targets,
    Risks,
    Triage,
    Meeting,
    Help,
    Picker,
    Input,
    Editor,
}

impl Mode {
    /// Keys not bound in this mode fall back to the parent's.
    fn parent(self) -> Option<Mode> {
        match self {
            Mode::SearchResults | Mode::Detail => Some(Mode::Board),
            _ => None,
        }
    }

    /// Modes where unbound printable keys are typed text.
    pub fn takes_text(self) -> bool {
        matches!(self, Mode::Input | Mode::Editor)
    }

    pub const ALL: [Mode; 11] = [
        Mode::Board,
        Mode::SearchResults,
        Mode::Detail,
        Mode::Targets,
        Mode::Risks,
        Mode::Triage,
        Mode::Meeting,
        Mode::Help,
        Mode::Picker,
        Mode::Input,
        Mode::Editor,
    ];
}

/// A key as the table writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    Char(char),
    Ctrl(char),
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    Delete,
}

impl Key {
    /// The key of a terminal event; Shift is part of the character already.
    pub fn from_event(event: &KeyEvent) -> Option<Key> {
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        let key = match event.code {
            KeyCode::Char(c) if ctrl => Key::Ctrl(c.to_ascii_lowercase()),
            KeyCode::Char(c) => Key::Char(c),
            KeyCode::Up => Key::Up,
            KeyCode::Down => Key::Down,
            KeyCode::Left => Key::Left,
            KeyCode::Right => Key::Right,
            KeyCode::PageUp => Key::PageUp,
            KeyCode::PageDown => Key::PageDown,
            KeyCode::Home => Key::Home,
            KeyCode::End => Key::End,
            KeyCode::Enter => Key::Enter,
            KeyCode::Esc => Key::Esc,
            KeyCode::Tab => Key::Tab,
            KeyCode::BackTab => Key::BackTab,
            KeyCode::Backspace => Key::Backspace,
            KeyCode::Delete => Key::Delete,
            _ => return None,
        };
        Some(key)
    }

    /// How help and hints write the key.
    pub fn label(self) -> String {
        match self {
            Key::Char(' ') => "Space".into(),
            Key::Char(c) => c.to_string(),
            Key::Ctrl(c) => format!("Ctrl+{}", c.to_ascii_uppercase()),
            Key::Up => "↑".into(),
            Key::Down => "↓".into(),
            Key::Left => "←".into(),
            Key::Right => "→".into(),
            Key::PageUp => "PgUp".into(),
            Key::PageDown => "PgDn".into(),
            Key::Home => "Home".into(),
            Key::End => "End".into(),
            Key::Enter => "Enter".into(),
            Key::Esc => "Esc".into(),
            Key::Tab => "Tab".into(),
            Key::BackTab => "Shift+Tab".into(),
            Key::Backspace => "Backspace".into(),
            Key::Delete => "Del".into(),
        }
    }
}

/// One row of the table: in `mode`, any of `keys` does `action`. `hint` puts
/// it in the status bar.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub mode: Mode,
    pub keys: &'static [Key],
    pub action: Action,
    pub hint: bool,
}

const fn bind(mode: Mode, keys: &'static [Key], action: Action, hint: bool) -> Binding {
    Binding {
        mode,
        keys,
        action,
        hint,
    }
}

use Action as A;
use Key as K;
use Mode as M;

pub const BINDINGS: &[Binding] = &[
    // Board
    bind(M::Board, &[K::Up, K::Char('k')], A::Up, false),
    bind(M::Board, &[K::Down, K::Char('j')], A::Down, false),
    bind(M::Board, &[K::PageUp], A::PageUp, false),
    bind(M::Board, &[K::PageDown], A::PageDown, false),
    bind(M::Board, &[K::Char('g'), K::Home], A::Top, false),
    bind(M::Board, &[K::Char('G'), K::End], A::Bottom, false),
    bind(M::Board, &[K::Left, K::Char('h')], A::Collapse, false),
    bind(M::Board, &[K::Right, K::Char('l')], A::Expand, false),
    bind(M::Board, &[K::Enter], A::Open, true),
    bind(M::Board, &[K::Tab], A::SwitchPane, false),
    bind(M::Board, &[K::Char('/')], A::StartSearch, true),
    bind(M::Board, &[K::Char('f')], A::OpenFilter, true),
    bind(M::Board, &[K::Char('x')], A::ClearFilters, false),
    bind(M::Board, &[K::Char('o')], A::CycleGrouping, true),
    bind(M::Board, &[K::Char('c')], A::ShowTargets, false),
    bind(M::Board, &[K::Char('r')], A::ShowRisks, false),
    bind(M::Board, &[K::Char('t')], A::StartTriage, true),
    bind(M::Board, &[K::Char('m')], A::Present, false),
    bind(M::Board, &[K::Char('w')], A::WriteReport, false),
    bind(M::Board, &[K::Char('[')], A::PreviousPeriod, false),
    bind(M::Board, &[K::Char(']')], A::NextPeriod, false),
    bind(M::Board, &[K::Char('s')], A::PickStatus, true),
    bind(
        M::Board,
        &[K::Char('+'), K::Char('=')],
        A::ProgressUp,
        false,
    ),
    bind(M::Board, &[K::Char('-')], A::ProgressDown, false),
    bind(M::Board, &[K::Char('p')], A::TypeProgress, false),
    bind(M::Board, &[K::Char('d')], A::TypeDue, false),
    bind(M::Board, &[K::Char('n')], A::AddNote, true),
    bind(M::Board, &[K::Char('v')], A::AddEvidence, false),
    bind(M::Board, &[K::Char('u')], A::Undo, false),
    bind(M::Board, &[K::Char('a')], A::AddTask, false),
    bind(M::Board, &[K::Char('e')], A::EditTask, false),
    bind(M::Board, &[K::Char('b')], A::SetAssignee, false),
    bind(M::Board, &[K::Char('?')], A::ShowHelp, true),
    bind(M::Board, &[K::Char('q'), K::Ctrl('c')], A::Quit, true),
    // Search results: n/N walk the matches, Esc drops the search.
    bind(M::SearchResults, &[K::Char('n')], A::NextMatch, true),
    bind(M::SearchResults, &[K::Char('N')], A::PreviousMatch, true),
    bind(M::SearchResults, &[K::Esc], A::Back, true),
    // Detail
    bind(M::Detail, &[K::Up, K::Char('k')], A::ScrollUp, false),
    bind(M::Detail, &[K::Down, K::Char('j')], A::ScrollDown, false),
    bind(M::Detail, &[K::Esc, K::Enter], A::Back, true),
    bind(M::Detail, &[K::Char('x')], A::Withdraw, false),
    // Targets
    bind(M::Targets, &[K::Up, K::Char('k')], A::Up, false),
    bind(M::Targets, &[K::Down, K::Char('j')], A::Down, false),
    bind(M::Targets, &[K::Char('e')], A::EnterResult, true),
    bind(M::Targets, &[K::Esc, K::Char('c')], A::Back, true),
    bind(M::Targets, &[K::Char('[')], A::PreviousPeriod, false),
    bind(M::Targets, &[K::Char(']')], A::NextPeriod, false),
    bind(M::Targets, &[K::Char('?')], A::ShowHelp, true),
    bind(M::Targets, &[K::Char('q'), K::Ctrl('c')], A::Quit, true),
    // Risks of the period
    bind(M::Risks, &[K::Up, K::Char('k')], A::Up, false),
    bind(M::Risks, &[K::Down, K::Char('j')], A::Down, false),
    bind(M::Risks, &[K::PageUp], A::PageUp, false),
    bind(M::Risks, &[K::PageDown], A::PageDown, false),
    bind(M::Risks, &[K::Char('o')], A::CycleGrouping, true),
    bind(M::Risks, &[K::Char('t')], A::StartTriage, true),
    bind(M::Risks, &[K::Char('[')], A::PreviousPeriod, false),
    bind(M::Risks, &[K::Char(']')], A::NextPeriod, false),
    bind(M::Risks, &[K::Esc, K::Char('r')], A::Back, true),
    bind(M::Risks, &[K::Char('?')], A::ShowHelp, true),
    bind(M::Risks, &[K::Char('q'), K::Ctrl('c')], A::Quit, true),
    // Triage: one key per decision, the queue moves on by itself
    bind(M::Triage, &[K::Char('x')], A::MarkDone, true),
    bind(M::Triage, &[K::Char('e')], A::Extend, true),
    bind(M::Triage, &[K::Char('p')], A::TypeProgress, true),
    bind(M::Triage, &[K::Char('n')], A::AddNote, true),
    bind(M::Triage, &[K::Char('!')], A::ToggleAgenda, true),
    bind(M::Triage, &[K::Char(' ')], A::Skip, true),
    bind(M::Triage, &[K::Char('b')], A::GoBack, true),
    bind(M::Triage, &[K::Char('q'), K::Esc], A::EndTriage, true),
    bind(M::Triage, &[K::Enter], A::Confirm, false),
    bind(M::Triage, &[K::Char('?')], A::ShowHelp, false),
    bind(M::Triage, &[K::Ctrl('c')], A::Quit, false),
    // Meeting mode: nothing here changes the store but closing the period,
    // which asks first.
    bind(
        M::Meeting,
        &[K::Right, K::PageDown, K::Char(' '), K::Char('l')],
        A::NextSlide,
        true,
    ),
    bind(
        M::Meeting,
        &[K::Left, K::PageUp, K::Char('h')],
        A::PreviousSlide,
        true,
    ),
    bind(M::Meeting, &[K::Char('1')], A::GoToSlide(1), false),
    bind(M::Meeting, &[K::Char('2')], A::GoToSlide(2), false),
    bind(M::Meeting, &[K::Char('3')], A::GoToSlide(3), false),
    bind(M::Meeting, &[K::Char('4')], A::GoToSlide(4), false),
    bind(M::Meeting, &[K::Char('5')], A::GoToSlide(5), false),
    bind(M::Meeting, &[K::Char('6')], A::GoToSlide(6), false),
    bind(M::Meeting, &[K::Char('7')], A::GoToSlide(7), false),
    bind(M::Meeting, &[K::Char('8')], A::GoToSlide(8), false),
    bind(M::Meeting, &[K::Char('9')], A::GoToSlide(9), false),
    bind(M::Meeting, &[K::Char('o')], A::FirstSlide, true),
    bind(M::Meeting, &[K::Char('b')], A::Blank, true),
    bind(M::Meeting, &[K::Char('[')], A::PreviousPeriod, false),
    bind(M::Meeting, &[K::Char(']')], A::NextPeriod, false),
    bind(M::Meeting, &[K::Char('z')], A::Larger, true),
    bind(M::Meeting, &[K::Char('r')], A::Reload, false),
    bind(M::Meeting, &[K::Char('w')], A::WriteReport, false),
    bind(M::Meeting, &[K::Char('C')], A::ClosePeriod, false),
    bind(M::Meeting, &[K::Char('?')], A::ShowHelp, true),
    bind(M::Meeting, &[K::Char('q'), K::Esc], A::Back, true),
    bind(M::Meeting, &[K::Ctrl('c')], A::Quit, false),
    // Help
    bind(M::Help, &[K::Up, K::Char('k')], A::ScrollUp, false),
    bind(M::Help, &[K::Down, K::Char('j')], A::ScrollDown, false),
    bind(M::Help, &[K::PageUp], A::PageUp, false),
    bind(M::Help, &[K::PageDown, K::Char(' ')], A::PageDown, false),
    bind(M::Help, &[K::Esc, K::Char('?')], A::Back, true),
    bind(M::Help, &[K::Char('q'), K::Ctrl('c')], A::Quit, true),
    // Pickers (status, filter)
    bind(M::Picker, &[K::Up, K::Char('k')], A::Up, true),
    bind(M::Picker, &[K::Down, K::Char('j')], A::Down, true),
    bind(M::Picker, &[K::Left, K::Char('h')], A::CursorLeft, false),
    bind(M::Picker, &[K::Right, K::Char('l')], A::CursorRight, false),
    bind(M::Picker, &[K::Enter], A::Confirm, true),
    bind(M::Picker, &[K::Esc], A::Cancel, true),
    bind(M::Picker, &[K::Ctrl('c')], A::Quit, false),
    // One-line text boxes and forms
    bind(M::Input, &[K::Enter], A::Confirm, true),
    bind(M::Input, &[K::Esc], A::Cancel, true),
    bind(M::Input, &[K::Tab, K::Down], A::NextField, false),
    bind(M::Input, &[K::BackTab, K::Up], A::PreviousField, false),
    bind(M::Input, &[K::Left], A::CursorLeft, false),
    bind(M::Input, &[K::Right], A::CursorRight, false),
    bind(M::Input, &[K::Home, K::Ctrl('a')], A::CursorHome, false),
    bind(M::Input, &[K::End, K::Ctrl('e')], A::CursorEnd, false),
    bind(M::Input, &[K::Backspace], A::DeleteBack, false),
    bind(M::Input, &[K::Delete], A::DeleteForward, false),
    bind(M::Input, &[K::Ctrl('c')], A::Quit, false),
    // The note editor
    bind(M::Editor, &[K::Ctrl('s')], A::Save, true),
    bind(M::Editor, &[K::Enter], A::Confirm, false),
    bind(M::Editor, &[K::Esc], A::Cancel, true),
    bind(M::Editor, &[K::Up], A::Up, false),
    bind(M::Editor, &[K::Down], A::Down, false),
    bind(M::Editor, &[K::Left], A::CursorLeft, false),
    bind(M::Editor, &[K::Right], A::CursorRight, false),
    bind(M::Editor, &[K::Home, K::Ctrl('a')], A::CursorHome, false),
    bind(M::Editor, &[K::End, K::Ctrl('e')], A::CursorEnd, false),
    bind(M::Editor, &[K::Backspace], A::DeleteBack, false),
    bind(M::Editor, &[K::Delete], A::DeleteForward, false),
    // Ctrl+C does not quit from under a typed note: it asks, as Esc does.
    bind(M::Editor, &[K::Ctrl('c')], A::Cancel, false),
];

/// The action of `key` in `mode`: its own row first, then its parent's; in
/// text modes an unbound printable character is typed.
pub fn action_for(mode: Mode, key: Key) -> Option<Action> {
    let mut current = Some(mode);
    while let Some(m) = current {
        if let Some(b) = BINDINGS
            .iter()
            .find(|b| b.mode == m && b.keys.contains(&key))
        {
            return Some(b.action);
        }
        current = m.parent();
    }
    match key {
        Key::Char(c) if mode.takes_text() && !c.is_control() => Some(Action::Insert(c)),
        _ => None,
    }
}

/// The rows of one mode, in table order.
pub fn bindings(mode: Mode) -> impl Iterator<Item = &'static Binding> {
    BINDINGS.iter().filter(move |b| b.mode == mode)
}

/// The status-bar hints of a mode, its own first, then its parent's.
pub fn hints(mode: Mode) -> Vec<&'static Binding> {
    let mut hints: Vec<&Binding> = bindings(mode).filter(|b| b.hint).collect();
    if let Some(parent) = mode.parent() {
        let own: Vec<Key> = bindings(mode)
            .flat_map(|b| b.keys.iter().copied())
            .collect();
        hints
            .extend(bindings(parent).filter(|b| b.hint && !b.keys.iter().any(|k| own.contains(k))));
    }
    hints
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn no_key_is_bound_twice_in_a_mode() {
        for mode in Mode::ALL {
            let mut seen = HashSet::new();
            for b in bindings(mode) {
                for key in b.keys {
                    assert!(seen.insert(*key), "{key:?} bound twice in {mode:?}");
                }
            }
        }
    }

    #[test]
    fn no_function_keys_or_alt_needed() {
        for b in BINDINGS {
            for key in b.keys {
                assert!(!key.label().starts_with('F') || key.label().len() == 1);
                assert!(!key.label().contains("Alt"));
            }
        }
    }

    #[test]
    fn search_results_inherit_the_board() {
        assert_eq!(
            action_for(Mode::SearchResults, Key::Char('n')),
            Some(Action::NextMatch)
        );
        assert_eq!(
            action_for(Mode::Board, Key::Char('n')),
            Some(Action::AddNote)
        );
        assert_eq!(
            action_for(Mode::SearchResults, Key::Char('s')),
            Some(Action::PickStatus)
        );
        assert_eq!(
            action_for(Mode::Editor, Key::Char('s')),
            Some(Action::Insert('s'))
        );
        assert_eq!(action_for(Mode::Board, Key::Char('Z')), None);
    }
}
