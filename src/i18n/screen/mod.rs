//! Words of the full-screen interface: the board, its hints and help, its
//! dialogs and triage.

mod board;
mod dialogs;
mod keys;
mod office;
mod period;
mod targets;

pub use board::*;
pub use dialogs::*;
pub use keys::*;
pub use office::*;
pub use period::*;
pub use targets::*;
