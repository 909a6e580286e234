//! Everything that changes the screen, as one type: the start, an action
//! from a key, text pasted at once, a new screen size, a change pushed by
//! the store's owner (or the failure to read it), a new day. The runtime
//! turns each terminal, owner or clock event into one of these and hands it
//! to [`super::update::update`], the only place they are applied; it only
//! reads the model and draws.

use std::sync::Arc;

use super::state::{DetailBox, HelpBox};
use crate::app::{AppError, Clock, Notice};
use crate::keymap::Action;

#[derive(Debug, Clone)]
pub enum Message {
    /// The screen opens: the board is built and what opens with it shown.
    Started(Start),
    /// What a key asks for, through the key table.
    Action(Action),
    /// Text pasted at once (bracketed paste).
    Paste(String),
    /// The terminal is now this size, laid out as [`Fit`] says.
    Resized(Fit),
    /// Another process changed the store (pushed by its owner), with what the
    /// user should be told about the connection, if anything.
    StoreChanged(Option<Notice>),
    /// What the owner pushed could not be taken in.
    SyncFailed(Arc<AppError>),
    /// Midnight passed (or the clock was set): classes change with the day.
    NewDay(Clock),
    /// The report asked for was written (where) or not (why, in words).
    ReportWritten(Result<String, String>),
    /// Full titles left out at opening came in: what shows them is prepared
    /// again.
    TextsRead,
}

/// How the screen opens.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Start {
    /// The terminal takes no UTF-8: say so, as the screen is drawn in ASCII.
    pub ascii: bool,
    /// Open on triage (`cchc triage`).
    pub triage: bool,
    /// Open on meeting mode alone (`cchc present`).
    pub present: bool,
}

impl From<Action> for Message {
    fn from(action: Action) -> Self {
        Message::Action(action)
    }
}

/// What the layout makes of a screen size, measured by the views
/// (`crate::ui::fit`) and taken in by the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fit {
    pub width: u16,
    pub height: u16,
    /// Board rows that fit.
    pub page: usize,
    /// Whether the detail pane stands beside the board.
    pub wide: bool,
    pub help_box: HelpBox,
    pub detail_box: DetailBox,
}
