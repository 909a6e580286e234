//! What changed in what the application holds, numbered: each change to it
//! (an edit here, a commit pushed by the owner, a reload, a new period)
//! takes the next revision and says which tasks it touched. A screen that
//! built its board at one revision asks which tasks changed since, and
//! updates only their rows.

use std::collections::{BTreeSet, VecDeque};

/// How many recent changes are remembered; a screen further behind than
/// this builds its board again.
const REMEMBERED: usize = 256;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Touched {
    /// These tasks' states or overrides (none: targets, the agenda or
    /// meetings only).
    Tasks(BTreeSet<String>),
    /// Anything may differ: the catalog, a reload, the period, the clock.
    Everything,
}

#[derive(Debug, Clone, Default)]
pub struct ChangeLog {
    revision: u64,
    recent: VecDeque<(u64, Touched)>,
}

impl ChangeLog {
    pub fn revision(&self) -> u64 {
        self.revision
    }

    pub fn record(&mut self, touched: Touched) {
        self.revision += 1;
        self.recent.push_back((self.revision, touched));
        if self.recent.len() > REMEMBERED {
            self.recent.pop_front();
        }
    }

    /// The tasks touched after `revision`; `None` when more than tasks may
    /// have changed, or when that revision is too old to tell.
    pub fn tasks_since(&self, revision: u64) -> Option<BTreeSet<String>> {
        if revision == self.revision {
            return Some(BTreeSet::new());
        }
        let oldest = self.recent.front().map_or(u64::MAX, |(r, _)| *r);
        if revision + 1 < oldest || revision > self.revision {
            return None;
        }
        let mut tasks = BTreeSet::new();
        for (_, touched) in self.recent.iter().filter(|(r, _)| *r > revision) {
            match touched {
                Touched::Tasks(ids) => tasks.extend(ids.iter().cloned()),
                Touched::Everything => return None,
            }
        }
        Some(tasks)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tasks(ids: &[&str]) -> Touched {
        Touched::Tasks(ids.iter().map(|s| s.to_string()).collect())
    }

    #[test]
    fn the_tasks_touched_since_a_revision_are_gathered() {
        let mut log = ChangeLog::default();
        log.record(tasks(&["0.1"]));
        let seen = log.revision();
        log.record(tasks(&["0.2"]));
        log.record(tasks(&["0.3", "0.2"]));
        let since = log.tasks_since(seen).expect("known");
        assert_eq!(since.into_iter().collect::<Vec<_>>(), ["0.2", "0.3"]);
        assert_eq!(log.tasks_since(log.revision()), Some(BTreeSet::new()));
    }

    #[test]
    fn anything_beyond_tasks_or_too_old_asks_for_a_rebuild() {
        let mut log = ChangeLog::default();
        log.record(tasks(&["0.1"]));
        let seen = log.revision();
        log.record(Touched::Everything);
        assert_eq!(log.tasks_since(seen), None);
        let seen = log.revision();
        for _ in 0..REMEMBERED + 1 {
            log.record(tasks(&["0.1"]));
        }
        assert_eq!(log.tasks_since(seen), None);
        assert_eq!(log.tasks_since(log.revision() + 1), None);
    }
}
