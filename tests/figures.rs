//! One computation of a period's figures: on dates around the period
//! boundaries, every surface (the board's status line and "Chỉ quá hạn", the
//! list `cchc list --overdue` prints, the risks `cchc risks` and triage read,
//! the meeting overview, the targets) gives the numbers `period_figures` gives.

mod support;

use std::collections::{BTreeSet, HashSet};

use cchc::app::TaskFilter;
use cchc::app::board::Grouping;
use cchc::config::ThemeName;
use cchc::domain::TaskKey;
use cchc::domain::period::PeriodRules;
use cchc::domain::risk::{RiskRules, TaskReason};
use cchc::i18n::{self, Lang};
use cchc::keymap::Action;

use support::{WIDE, clock_on, date, generated_app};

/// Around the Ministry's cut-offs (14th) and report days (20th), a year's
/// end, and the plan's phase end.
const DAYS: [(i32, u32, u32); 7] = [
    (2026, 12, 14),
    (2026, 12, 15),
    (2027, 3, 14),
    (2027, 6, 20),
    (2027, 9, 15),
    (2028, 1, 2),
    (2028, 1, 15),
];

#[test]
fn every_surface_gives_the_period_figures() {
    let mut app = generated_app();
    for (y, m, d) in DAYS {
        let day = date(y, m, d);
        app.set_clock(clock_on(day));
        app.set_rules(PeriodRules::default(), RiskRules::default());
        let figures = app.period_figures();
        let overdue: BTreeSet<TaskKey> = figures.overdue.iter().cloned().collect();
        assert_eq!(
            figures.all.total,
            figures.all.done_on_time
                + figures.all.done_late
                + figures.all.open_in_time
                + figures.all.open_overdue
                + figures.all.no_deadline,
            "{day}: the grid adds up"
        );
        assert_eq!(figures.all.open_overdue, overdue.len(), "{day}");
        assert!(
            !overdue.is_empty() || day < date(2027, 1, 1),
            "{day}: some work is overdue"
        );

        // The board's status line.
        let mut ui = support::new_ui(&app, WIDE.0, WIDE.1);
        assert_eq!(ui.summary, figures.all, "{day}: the board's grid");
        let (of_all, of_dated) = figures.all.overdue_shares();
        let status = i18n::overdue_status(figures.all.open_overdue, of_all, of_dated, Lang::Vi);
        let screen =
            support::screen_lines(&support::render(&app, &ui, WIDE.0, WIDE.1, ThemeName::Dark));
        assert!(
            screen.iter().any(|l| l.contains(&status)),
            "{day}: the status line says {status:?}\n{}",
            screen.join("\n")
        );

        // "Chỉ quá hạn" on the board.
        ui.filter.overdue = true;
        cchc::screen::update::refresh(&app, &mut ui);
        let shown: BTreeSet<TaskKey> = ui
            .rows
            .iter()
            .filter_map(|r| r.task())
            .map(|t| t.key.clone())
            .collect();
        assert_eq!(shown, overdue, "{day}: Chỉ quá hạn");

        // `cchc list --overdue`.
        let filter = TaskFilter {
            overdue: true,
            ..TaskFilter::default()
        };
        let listed: BTreeSet<TaskKey> = app.list(&filter).into_iter().map(|v| v.key).collect();
        assert_eq!(listed, overdue, "{day}: list --overdue");

        // `cchc risks`, the risks view and triage: every overdue occurrence
        // is flagged as overdue, and nothing else is.
        let flagged: BTreeSet<TaskKey> = figures
            .risks
            .iter()
            .filter(|f| {
                f.reasons
                    .iter()
                    .any(|r| matches!(r, TaskReason::Overdue { .. }))
            })
            .map(|f| f.key.clone())
            .collect();
        assert_eq!(flagged, overdue, "{day}: risks");
        assert_eq!(app.task_risks(), figures.risks, "{day}");

        // The meeting overview.
        let mut meeting = support::new_ui(&app, WIDE.0, WIDE.1);
        support::press(&mut app, &mut meeting, &[Action::Present]);
        assert_eq!(meeting.review.figures, figures, "{day}: the overview");

        // The board by any grouping.
        let whole = TaskFilter::default();
        for grouping in [Grouping::Status, Grouping::Area, Grouping::Unit] {
            let board = app.board(grouping, &whole, &HashSet::new());
            assert_eq!(board.summary, figures.all, "{day}: {grouping:?}");
        }

        // Targets: one verdict.
        for (id, verdict) in &figures.targets {
            let def = app.plan().target(id).expect("a target of the plan");
            assert_eq!(app.target_verdict(def), *verdict, "{day}: {id}");
        }
    }
}

/// The grid by area and by unit adds up to the whole.
#[test]
fn the_grid_by_area_and_by_unit_adds_up() {
    let mut app = generated_app();
    for (y, m, d) in DAYS {
        app.set_clock(clock_on(date(y, m, d)));
        app.set_rules(PeriodRules::default(), RiskRules::default());
        let figures = app.period_figures();
        let by_area: usize = figures.by_area.values().map(|g| g.total).sum();
        let by_unit: usize = figures.by_unit.iter().map(|(_, g)| g.total).sum();
        assert_eq!(by_area, figures.all.total);
        assert_eq!(by_unit, figures.all.total);
        let overdue: usize = figures.by_area.values().map(|g| g.open_overdue).sum();
        assert_eq!(overdue, figures.all.open_overdue);
        // Every unit of the catalog has its row, MTTQ with no lead included.
        let units: Vec<&str> = figures.by_unit.iter().map(|(u, _)| u.as_str()).collect();
        let catalog: Vec<&str> = app
            .plan()
            .catalog()
            .units
            .iter()
            .map(|u| u.code.as_str())
            .collect();
        assert_eq!(units, catalog);
    }
}

/// Every row of an area's or a unit's slide is one occurrence with its own
/// reasons: its overdue rows are the overdue cells of the grid beside it,
/// and no row carries the urgency of another occurrence.
#[test]
fn the_slides_overdue_rows_add_up_to_the_grid() {
    use cchc::app::meeting::SlideKind;
    let mut app = generated_app();
    for (y, m, d) in DAYS {
        let day = date(y, m, d);
        app.set_clock(clock_on(day));
        app.set_rules(PeriodRules::default(), RiskRules::default());
        let figures = app.period_figures();
        let overdue_rows = |kind: &SlideKind| {
            app.slide_tasks(kind)
                .into_iter()
                .filter(|t| {
                    let overdue = app.view(&t.key).expect("a row").class.is_overdue();
                    let flagged = t
                        .reasons
                        .iter()
                        .any(|r| matches!(r, TaskReason::Overdue { .. }));
                    assert_eq!(overdue, flagged, "{day}: {} its own reasons", t.key);
                    overdue
                })
                .count()
        };
        for (code, grid) in &figures.by_area {
            let rows = overdue_rows(&SlideKind::Area(*code));
            assert_eq!(rows, grid.open_overdue, "{day}: area {code}");
        }
        for (unit, grid) in &figures.by_unit {
            let rows = overdue_rows(&SlideKind::Unit(unit.clone()));
            assert_eq!(rows, grid.open_overdue, "{day}: unit {unit}");
        }
    }
}
