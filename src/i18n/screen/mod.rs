//! Words of the full-screen interface: the board, its hints and help, its
//! dialogs and triage.

mod board;
mod dialogs;

pub use board::*;
pub use dialogs::*;
