//! Everything that changes the screen, as one type: an action from a key,
//! text pasted at once, a new screen size, a change pushed by the store's
//! owner. The runtime turns each terminal or owner event into one of these
//! and hands it to [`super::update::update`], the only place they are
//! applied.

use super::state::{DetailBox, HelpBox};
use crate::app::Notice;
use crate::keymap::Action;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    /// What a key asks for, through the key table.
    Action(Action),
    /// Text pasted at once (bracketed paste).
    Paste(String),
    /// The terminal is now this size, laid out as [`Fit`] says.
    Resized(Fit),
    /// Another process changed the store (pushed by its owner), with what the
    /// user should be told about the connection, if anything.
    StoreChanged(Option<Notice>),
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
