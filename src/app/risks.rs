//! The period's flags: every task occurrence and target at risk, with its
//! reasons, most severe first. The rules themselves are in `domain::risk`.

use super::App;
use crate::domain::risk::{
    Review, Severity, TargetReason, TaskFacts, TaskReason, assess_target, assess_task,
};
use crate::domain::target::{Verdict, verdict};
use crate::domain::{TargetDef, TaskDef, TaskKey};

#[derive(Debug, Clone, PartialEq)]
pub struct FlaggedTask {
    pub key: TaskKey,
    pub area: u8,
    pub lead: String,
    /// Most severe first.
    pub reasons: Vec<TaskReason>,
}

impl FlaggedTask {
    pub fn severity(&self) -> Severity {
        self.reasons
            .first()
            .map_or(Severity::Low, TaskReason::severity)
    }

    fn overdue_days(&self) -> i64 {
        self.reasons
            .iter()
            .find_map(|r| match r {
                TaskReason::Overdue { days } => Some(*days),
                _ => None,
            })
            .unwrap_or(0)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct FlaggedTarget {
    pub def: TargetDef,
    pub reasons: Vec<TargetReason>,
}

impl FlaggedTarget {
    pub fn severity(&self) -> Severity {
        self.reasons
            .iter()
            .map(TargetReason::severity)
            .max()
            .unwrap_or(Severity::Low)
    }
}

impl App {
    /// Where a target stands in the selected period: the one verdict every
    /// screen, command and report shows.
    pub fn target_verdict(&self, def: &TargetDef) -> Verdict {
        verdict(
            def,
            &self.recorded_target(&def.id),
            self.plan().info().start,
            self.review().as_of,
        )
    }

    /// The reasons one occurrence is at risk in the selected period: its own
    /// (an earlier occurrence still overdue is a row of its own, with its own
    /// reasons).
    pub fn task_reasons(&self, key: &TaskKey) -> Vec<TaskReason> {
        match self.plan().task(&key.task) {
            Some(def) => self.reasons_of(def, self.figures(def, key), &self.review()),
            None => Vec::new(),
        }
    }

    /// The reasons of an occurrence of `def` whose `figures` the caller
    /// already has.
    pub(super) fn reasons_of(
        &self,
        def: &TaskDef,
        figures: super::Figures<'_>,
        review: &Review,
    ) -> Vec<TaskReason> {
        let facts = TaskFacts {
            state: figures.state,
            window: figures.window,
            due: figures.due,
            class: figures.class,
        };
        let mut reasons = assess_task(facts, review, self.risk_rules());
        if !figures.class.is_done() {
            for child in self.plan().children(&def.id) {
                let child_key = self.current_key(child);
                if self.figures(child, &child_key).class.is_overdue() {
                    reasons.push(TaskReason::ChildOverdue {
                        child: child.id.clone(),
                    });
                }
            }
        }
        reasons.sort_by_key(|r| std::cmp::Reverse(r.severity()));
        reasons
    }

    /// Every flagged row of the period: the period's own occurrence of each
    /// duty, and any earlier occurrence still overdue (a parent is flagged
    /// through its sub-items). Most severe first, then the longest overdue,
    /// then plan order.
    pub fn task_risks(&self) -> Vec<FlaggedTask> {
        let review = self.review();
        let as_of = review.as_of;
        let mut flagged = Vec::new();
        for def in self
            .plan()
            .tasks()
            .iter()
            .filter(|def| self.is_counted(def))
        {
            let current = self.current_key(def);
            for key in self.reviewed_keys(def) {
                let earlier = key.occurrence != current.occurrence;
                let reasons = if earlier {
                    let figures = self.figures(def, &key);
                    match figures.class {
                        crate::domain::DeadlineClass::Overdue(days)
                            if figures.due.is_some_and(|d| d < as_of) =>
                        {
                            vec![TaskReason::Overdue { days }]
                        }
                        _ => Vec::new(),
                    }
                } else {
                    self.reasons_of(def, self.figures(def, &key), &review)
                };
                if !reasons.is_empty() {
                    let lead = self.figures(def, &key).lead.to_string();
                    flagged.push(FlaggedTask {
                        key,
                        area: def.area,
                        lead,
                        reasons,
                    });
                }
            }
        }
        flagged.sort_by_key(|f| {
            (
                std::cmp::Reverse(f.severity()),
                std::cmp::Reverse(f.overdue_days()),
            )
        });
        flagged
    }

    /// Every flagged target of the period, most severe first.
    pub fn target_risks(&self) -> Vec<FlaggedTarget> {
        let review = self.review();
        let start = self.plan().info().start;
        let mut flagged: Vec<FlaggedTarget> = self
            .plan()
            .targets()
            .iter()
            .map(|def| FlaggedTarget {
                def: def.clone(),
                reasons: assess_target(def, &self.recorded_target(&def.id), start, &review),
            })
            .filter(|f| !f.reasons.is_empty())
            .collect();
        flagged.sort_by_key(|f| std::cmp::Reverse(f.severity()));
        flagged
    }
}
