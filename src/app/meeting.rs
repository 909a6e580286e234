//! Meeting mode's content: the slides of a period's review, computed live from
//! the store, and the changes since the previous meeting. Never edits.

use chrono::NaiveDate;

use super::App;
use crate::domain::risk::TaskReason;
use crate::domain::{Author, Field, HistoryEntry, Meeting, Subject, TaskKey, Value};

/// What a slide shows. One slide per area and per unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SlideKind {
    Overview,
    Area(u8),
    Unit(String),
    Risks,
    Targets,
    Changes,
    Agenda,
}

/// One slide: a kind, and which page of its rows when they fill more than one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slide {
    pub kind: SlideKind,
    /// From 0.
    pub page: usize,
    pub pages: usize,
}

/// A task on an area's or a unit's slide, with its reasons (flagged first).
#[derive(Debug, Clone, PartialEq)]
pub struct SlideTask {
    pub key: TaskKey,
    pub reasons: Vec<TaskReason>,
}

/// One line of "since the last meeting".
#[derive(Debug, Clone, PartialEq)]
pub enum ChangeLine {
    Done {
        key: TaskKey,
        who: String,
    },
    NewlyOverdue {
        key: TaskKey,
        due: NaiveDate,
    },
    Moved {
        key: TaskKey,
        from: Option<NaiveDate>,
        to: NaiveDate,
        who: String,
        reason: Option<String>,
    },
    Measured {
        target: String,
        value: f64,
        on: NaiveDate,
        who: String,
    },
    /// A row of the previous period, closed, that a correction since would
    /// count otherwise ("Điều chỉnh số liệu kỳ trước").
    Adjusted(crate::domain::closing::Adjustment),
}

impl App {
    pub fn meetings(&self) -> impl Iterator<Item = (&u32, &Meeting)> {
        self.meetings.iter()
    }

    /// Records a review meeting; saved with its history entry like an edit.
    pub fn record_meeting(
        &mut self,
        date: NaiveDate,
        title: &str,
    ) -> Result<Vec<HistoryEntry>, super::AppError> {
        self.perform(super::operation::Operation::RecordMeeting {
            date,
            title: title.to_string(),
        })
    }

    /// The day "since the last meeting" counts from: the latest meeting held
    /// before today, else the start of the period's data.
    pub fn changes_baseline(&self) -> (NaiveDate, Option<&Meeting>) {
        let today = self.clock.today;
        let previous = self
            .meetings
            .values()
            .filter(|m| m.date < today)
            .max_by_key(|m| m.date);
        match previous {
            Some(meeting) => (meeting.date, Some(meeting)),
            None => (self.review().start, None),
        }
    }

    /// What changed since the baseline: newly done, newly overdue, deadlines
    /// moved (who and why), target measurements added, and corrections to
    /// the previous period, closed. Who is the account
    /// alone: a projected screen shows no addresses.
    pub fn changes_since_last_meeting(&self) -> Vec<ChangeLine> {
        let (since, _) = self.changes_baseline();
        let history = self.history.get().map_or(&[][..], Vec::as_slice);
        let mut lines = Vec::new();
        for entry in history.iter().filter(|e| e.at.date_naive() >= since) {
            match (&entry.subject, entry.field, &entry.new) {
                (Subject::Task(key), Field::Status, Value::Status(crate::domain::Status::Done)) => {
                    lines.push(ChangeLine::Done {
                        key: key.clone(),
                        who: Author::of(&entry.who).account.to_string(),
                    })
                }
                (Subject::Task(key), Field::Due, Value::Date(to)) => {
                    lines.push(ChangeLine::Moved {
                        key: key.clone(),
                        from: match entry.old {
                            Value::Date(d) => Some(d),
                            _ => None,
                        },
                        to: *to,
                        who: Author::of(&entry.who).account.to_string(),
                        reason: entry.reason.clone(),
                    })
                }
                (Subject::Target(id), Field::Measurement, Value::Measured { on, value }) => lines
                    .push(ChangeLine::Measured {
                        target: id.clone(),
                        value: *value,
                        on: *on,
                        who: Author::of(&entry.who).account.to_string(),
                    }),
                _ => {}
            }
        }
        lines.extend(
            self.adjustments(history)
                .into_iter()
                .map(ChangeLine::Adjusted),
        );
        let as_of = self.review().as_of;
        for flagged in self.task_risks() {
            for reason in &flagged.reasons {
                if let TaskReason::Overdue { days } = reason {
                    let due = as_of - chrono::Duration::days(*days);
                    if due >= since {
                        lines.push(ChangeLine::NewlyOverdue {
                            key: flagged.key.clone(),
                            due,
                        });
                    }
                }
            }
        }
        lines
    }

    /// The rows an area's or a unit's slide shows, each one occurrence of
    /// the period's record (an earlier one still live included): those due in
    /// or before the period, or flagged; flagged first, most severe first,
    /// then plan order. Parents are shown through their sub-items, and
    /// cancelled work is left out, as the grid leaves them out.
    pub fn slide_tasks(&self, kind: &SlideKind) -> Vec<SlideTask> {
        let cutoff = self.review().cutoff;
        let on_slide = |def: &&crate::domain::TaskDef| match kind {
            SlideKind::Area(code) => def.area == *code,
            SlideKind::Unit(_) => true,
            _ => false,
        };
        let mut tasks = Vec::new();
        for def in self.plan().tasks().iter().filter(on_slide) {
            if !self.is_counted(def) {
                continue;
            }
            for key in self.reviewed_keys(def) {
                let figures = self.figures(def, &key);
                let other_unit = matches!(kind, SlideKind::Unit(code) if figures.lead != code);
                if other_unit || figures.class == crate::domain::DeadlineClass::Cancelled {
                    continue;
                }
                let reasons = self.task_reasons(&key);
                let due_now = figures.due.is_some_and(|d| d <= cutoff);
                if due_now || !reasons.is_empty() {
                    tasks.push(SlideTask { key, reasons });
                }
            }
        }
        tasks.sort_by_key(|t| std::cmp::Reverse(t.reasons.first().map(TaskReason::severity)));
        tasks
    }

    /// How many rows a kind of slide has, before it is cut into pages.
    fn slide_rows(&self, kind: &SlideKind) -> usize {
        match kind {
            SlideKind::Overview => 1,
            SlideKind::Area(_) | SlideKind::Unit(_) => self.slide_tasks(kind).len(),
            SlideKind::Risks => self.task_risks().len() + self.target_risks().len(),
            SlideKind::Targets => self.plan().targets().len(),
            SlideKind::Changes => self.changes_since_last_meeting().len(),
            SlideKind::Agenda => self.agenda.len(),
        }
    }

    /// The deck for the selected period, `capacity` rows to a slide; a kind
    /// with more rows continues on the next slide ("Lĩnh vực 2 — 2/3").
    pub fn slides(&self, capacity: usize) -> Vec<Slide> {
        let capacity = capacity.max(1);
        let mut kinds = vec![SlideKind::Overview];
        kinds.extend(
            self.plan()
                .catalog()
                .areas
                .iter()
                .map(|a| SlideKind::Area(a.code)),
        );
        kinds.extend(
            self.plan()
                .catalog()
                .units
                .iter()
                .map(|u| SlideKind::Unit(u.code.clone())),
        );
        kinds.extend([
            SlideKind::Risks,
            SlideKind::Targets,
            SlideKind::Changes,
            SlideKind::Agenda,
        ]);
        let mut slides = Vec::new();
        for kind in kinds {
            let pages = self.slide_rows(&kind).div_ceil(capacity).max(1);
            slides.extend((0..pages).map(|page| Slide {
                kind: kind.clone(),
                page,
                pages,
            }));
        }
        slides
    }
}
