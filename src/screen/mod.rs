//! The screen's model: what the full-screen interface shows and how it
//! changes. One key table ([`crate::keymap`]) maps keys to actions;
//! [`update::update`] is the one place the screen's state ([`state::Ui`])
//! changes, working through the application ([`crate::app::App`]); the
//! views in [`crate::ui`] only draw from it. No terminal I/O here: the
//! runtime ([`crate::tui`]) reads the terminal and calls `update`.

pub mod detail;
pub mod help;
pub mod message;
pub mod review;
pub mod search;
pub mod shown;
pub mod state;
pub mod task_form;
pub mod text_input;
pub mod update;
