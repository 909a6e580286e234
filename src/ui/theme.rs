//! Styles by meaning. Only the 16 named colours, so any terminal (PuTTY,
//! Windows Terminal, a projector's laptop) shows them; `Mono` uses none, and
//! every state also has a symbol or a word, so nothing depends on colour.

use ratatui::style::{Color, Modifier, Style};

use crate::config::ThemeName;
use crate::domain::DeadlineClass;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub name: ThemeName,
}

impl Theme {
    pub fn new(name: ThemeName) -> Theme {
        Theme { name }
    }

    fn color(&self, dark: Color, light: Color, contrast: Color) -> Style {
        match self.name {
            ThemeName::Dark => Style::new().fg(dark),
            ThemeName::Light => Style::new().fg(light),
            ThemeName::HighContrast | ThemeName::Projector => {
                Style::new().fg(contrast).add_modifier(Modifier::BOLD)
            }
            ThemeName::Mono => Style::new(),
        }
    }

    pub fn base(&self) -> Style {
        match self.name {
            ThemeName::HighContrast => Style::new().fg(Color::White).bg(Color::Black),
            ThemeName::Projector => Style::new()
                .fg(Color::White)
                .bg(Color::Black)
                .add_modifier(Modifier::BOLD),
            _ => Style::new(),
        }
    }

    pub fn title(&self) -> Style {
        self.color(Color::Cyan, Color::Blue, Color::Yellow)
            .add_modifier(Modifier::BOLD)
    }

    pub fn header(&self) -> Style {
        self.color(Color::Gray, Color::DarkGray, Color::White)
            .add_modifier(Modifier::UNDERLINED)
    }

    pub fn group(&self) -> Style {
        self.color(Color::Yellow, Color::Magenta, Color::Yellow)
            .add_modifier(Modifier::BOLD)
    }

    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    pub fn search_match(&self) -> Style {
        self.color(Color::LightMagenta, Color::Magenta, Color::LightMagenta)
            .add_modifier(Modifier::UNDERLINED)
    }

    pub fn overdue(&self) -> Style {
        self.color(Color::LightRed, Color::Red, Color::LightRed)
            .add_modifier(Modifier::BOLD)
    }

    /// Open work due within the warning window.
    pub fn due_soon(&self) -> Style {
        self.color(Color::Yellow, Color::Magenta, Color::Yellow)
            .add_modifier(Modifier::BOLD)
    }

    pub fn done(&self) -> Style {
        self.color(Color::LightGreen, Color::Green, Color::LightGreen)
    }

    pub fn done_late(&self) -> Style {
        self.color(Color::Yellow, Color::Magenta, Color::Yellow)
    }

    pub fn in_progress(&self) -> Style {
        self.color(Color::LightBlue, Color::Blue, Color::LightCyan)
    }

    pub fn not_started(&self) -> Style {
        self.color(Color::Gray, Color::DarkGray, Color::White)
    }

    /// The style of a deadline class.
    pub fn class(&self, class: DeadlineClass) -> Style {
        match class {
            DeadlineClass::Overdue(_) => self.overdue(),
            DeadlineClass::DoneLate => self.done_late(),
            DeadlineClass::DoneOnTime | DeadlineClass::DoneNoDeadline => self.done(),
            DeadlineClass::InProgress | DeadlineClass::Ongoing => self.in_progress(),
            DeadlineClass::NotStarted | DeadlineClass::Paused | DeadlineClass::Cancelled => {
                self.not_started()
            }
        }
    }

    pub fn label(&self) -> Style {
        self.color(Color::Gray, Color::DarkGray, Color::White)
            .add_modifier(Modifier::BOLD)
    }

    pub fn key(&self) -> Style {
        self.color(Color::Cyan, Color::Blue, Color::Yellow)
            .add_modifier(Modifier::BOLD)
    }

    pub fn chip(&self) -> Style {
        match self.name {
            ThemeName::Mono => Style::new().add_modifier(Modifier::REVERSED),
            ThemeName::Light => Style::new().fg(Color::White).bg(Color::Blue),
            _ => Style::new().fg(Color::Black).bg(Color::Cyan),
        }
    }

    pub fn error(&self) -> Style {
        self.overdue()
    }

    pub fn ok(&self) -> Style {
        self.done().add_modifier(Modifier::BOLD)
    }

    pub fn border(&self) -> Style {
        self.color(Color::Gray, Color::DarkGray, Color::White)
    }

    pub fn bar_filled(&self) -> Style {
        self.done()
    }

    pub fn bar_empty(&self) -> Style {
        self.color(Color::DarkGray, Color::Gray, Color::Gray)
    }
}

/// The symbol of open work due soon.
pub const DUE_SOON_SYMBOL: &str = "~";
