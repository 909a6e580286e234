//! cchc: the commune's public-administration reform plan (CCHC 2026–2030) in a terminal.
//!
//! The layers, and what each may depend on:
//! - [`domain`]: pure plan logic (catalog, tasks, targets, dates, status, text folding).
//!   No I/O, no terminal, no store, no clock: "today" is always a parameter.
//! - [`store`]: the only code that knows sled and bincode; versioned records, the
//!   append-only history, JSON backups, and an in-memory twin for tests.
//! - [`app`]: the application layer over a [`store::Store`] opened here or an
//!   [`app::Owner`] reached through [`share`]: queries, edits as operations,
//!   validation, the actor and clock. Never prints or draws.
//! - [`share`]: several processes on one store: the owner process that holds it
//!   and serves the others over a Unix socket, and the client the others use.
//!   Uses [`app`] and [`store`]; no terminal.
//! - [`screen`]: the full-screen interface's model: its state, the one
//!   `update` every key, paste and change goes through.
//! - [`keymap`]: the one key table: keys to actions in each mode, read by
//!   dispatch, help and hints. Below [`i18n`], which labels its actions.
//! - [`ui`]: the views; they only draw from [`screen`] and [`app`].
//! - [`cli`]: subcommands over [`app`]; the only place that prints.
//! - [`i18n`]: every user-facing string, Vietnamese first, English on request.
//! - [`report`]: the period report as office files (docx, xlsx, CSV,
//!   Markdown), rendered from [`app`]'s one computation of the period.
//! - [`sheet`]: spreadsheet files (xlsx, xls, ods, CSV) read into cells for
//!   [`domain`]'s reading of a task list; uses [`domain`] only.

pub mod app;
pub mod cli;
pub mod config;
pub mod domain;
pub mod i18n;
pub mod keymap;
pub mod report;
pub mod screen;
pub mod share;
pub mod sheet;
pub mod store;
pub mod tui;
pub mod ui;

#[cfg(test)]
mod layers;
