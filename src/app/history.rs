//! The history as the application reads it: whole, once, and kept in step
//! with what this process writes.

use super::link::Link;
use super::{App, AppError, HistoryFilter};
use crate::domain::{HistoryEntry, Subject, TaskKey};

impl App {
    pub fn history(&self, filter: &HistoryFilter) -> Result<Vec<HistoryEntry>, AppError> {
        let all = self.load_history()?;
        Ok(all.iter().filter(|e| filter.matches(e)).cloned().collect())
    }

    /// The whole history, read from the store the first time it is needed.
    pub fn load_history(&self) -> Result<&[HistoryEntry], AppError> {
        if let Some(history) = self.history.get() {
            return Ok(history);
        }
        let read = self.link.history_since(0)?;
        Ok(self.history.get_or_init(|| read))
    }

    /// `work`, and the whole history as [`App::load_history`] gives it,
    /// read meanwhile on another core: from the store when this process
    /// opened it, or over a second connection to its owner.
    pub fn beside_history<R>(
        &self,
        work: impl FnOnce() -> R,
    ) -> Result<(R, &[HistoryEntry]), AppError> {
        if self.history.get().is_some() {
            return Ok((work(), self.load_history()?));
        }
        let (done, read) = match &self.link {
            Link::Direct(store) => std::thread::scope(|scope| {
                let reading = scope.spawn(|| store.history_since(0));
                let done = work();
                let read = reading
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                (done, read.map_err(AppError::from))
            }),
            Link::Shared(owner) => {
                let coming = owner.history_in_background();
                let done = work();
                // Read on this connection when the other one did not.
                let read = coming
                    .and_then(|coming| coming.recv().ok())
                    .and_then(Result::ok)
                    .map_or_else(|| owner.history_since(0), Ok);
                (done, read)
            }
        };
        let read = read?;
        Ok((done, self.history.get_or_init(|| read)))
    }

    /// Keeps the loaded history in step with what was just written.
    pub(super) fn remember(&mut self, written: &[HistoryEntry]) {
        if let Some(history) = self.history.get_mut() {
            // An owner can push a commit this process already read.
            let last = history.last().map_or(0, |e| e.seq);
            history.extend(written.iter().filter(|e| e.seq > last).cloned());
        }
    }

    /// The history of one occurrence (and of its task's lead), newest first.
    /// Empty until [`App::load_history`] has run (the TUI loads it at start).
    pub fn task_history(&self, key: &TaskKey) -> impl Iterator<Item = &HistoryEntry> {
        let history = self.history.get().map_or(&[][..], Vec::as_slice);
        history.iter().rev().filter(move |e| match &e.subject {
            Subject::Task(k) => {
                k == key || (k.task == key.task && e.field == crate::domain::Field::Lead)
            }
            _ => false,
        })
    }
}
