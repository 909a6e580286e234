//! A period is a record: a scripted year and a half of work on a small plan,
//! each edit entered on its own day, and the grid of six periods worked out
//! by hand (the working is beside each period) checked on every surface: the
//! figures, the board, `cchc list`, the risks, the report and its annexes.
//!
//! The plan and its script are in `support/year.rs`.

mod support;

use std::collections::{BTreeSet, HashSet};

use cchc::app::board::Grouping;
use cchc::app::{App, StatusGrid, TaskFilter};
use cchc::domain::period::Period;
use cchc::domain::risk::TaskReason;
use cchc::domain::{DeadlineClass, Note, Occurrence, TaskKey};

use support::date;
use support::year::{key, markdown, quarter, scripted_year, single, year};

/// A period's grid as worked out by hand: total, on time, late, open in
/// time, overdue, no deadline; and its rows.
struct Expected {
    period: &'static str,
    columns: [usize; 6],
    rows: Vec<(TaskKey, DeadlineClass)>,
}

fn expected() -> Vec<Expected> {
    use DeadlineClass::*;
    vec![
        // H1/2026, as of 14/06/2026: Q@2026-Q2 done on 10/06, within the
        // window (from 15/12/2025): on time. E, A, B, C, D not due yet.
        Expected {
            period: "2026-H1",
            columns: [10, 1, 0, 8, 0, 1],
            rows: vec![
                (quarter(2026, 2), DoneOnTime),
                (year(2026), NotStarted),
                (single("A"), NotStarted),
                (single("E"), NotStarted),
                (key("S", Occurrence::Year(2026)), Ongoing),
            ],
        },
        // Q3/2026, as of 14/09/2026: E done on 10/09 (entered 05/10, it
        // counts by its day); A at 50% on 12/09; Q@2026-Q2 was done before
        // the window (15/06): an earlier period's. N not added yet.
        Expected {
            period: "2026-Q3",
            columns: [10, 1, 0, 8, 0, 1],
            rows: vec![
                (single("E"), DoneOnTime),
                (single("A"), InProgress),
                (quarter(2026, 3), NotStarted),
            ],
        },
        // Năm 2026, as of 14/12/2026: Q@2026-Q2 on time and Q@2026-Q3 late
        // (done 25/10, due 20/09) stay rows; Y@2026 done on 18/12 is after
        // the cut-off: open then, in time; B overdue 14 days (done in 2027);
        // C and D as they stood (moved, cancelled later); N added later.
        Expected {
            period: "2026",
            columns: [12, 3, 1, 6, 1, 1],
            rows: vec![
                (quarter(2026, 2), DoneOnTime),
                (quarter(2026, 3), DoneLate),
                (quarter(2026, 4), NotStarted),
                (year(2026), NotStarted),
                (single("A"), DoneOnTime),
                (single("B"), Overdue(14)),
                (single("C"), NotStarted),
                (single("D"), NotStarted),
                (single("E"), DoneOnTime),
            ],
        },
        // Q1/2027, as of 14/03/2027 (window from 15/12/2026): Y@2026 done on
        // 18/12 on time, B caught up late; Q@2026-Q4 still open, overdue 84
        // days; C moved on 10/03 to 30/04: in time, still a row; D cancelled
        // on 01/02: left out; N added 16/12, overdue 14 days; A, E and the
        // earlier quarters belong to earlier periods.
        Expected {
            period: "2027-Q1",
            columns: [10, 1, 1, 5, 2, 1],
            rows: vec![
                (quarter(2027, 1), NotStarted),
                (quarter(2026, 4), Overdue(84)),
                (year(2027), NotStarted),
                (year(2026), DoneOnTime),
                (single("B"), DoneLate),
                (single("C"), NotStarted),
                (single("N"), Overdue(14)),
                (single("P.1"), NotStarted),
            ],
        },
        // H1/2027, as of 14/06/2027: Q@2026-Q4 caught up late on 02/04;
        // Q@2027-Q1 overdue 86 days; C overdue 45 days from its moved
        // deadline; P.1 done on time.
        Expected {
            period: "2027-H1",
            columns: [11, 2, 2, 3, 3, 1],
            rows: vec![
                (quarter(2027, 2), NotStarted),
                (quarter(2026, 4), DoneLate),
                (quarter(2027, 1), Overdue(86)),
                (year(2026), DoneOnTime),
                (single("B"), DoneLate),
                (single("C"), Overdue(45)),
                (single("N"), Overdue(106)),
                (single("P.1"), DoneOnTime),
            ],
        },
        // Q3/2027, as of 14/09/2027 (window from 15/06/2027): only what is
        // still open: two quarters overdue, C and N overdue.
        Expected {
            period: "2027-Q3",
            columns: [8, 0, 0, 3, 4, 1],
            rows: vec![
                (quarter(2027, 3), NotStarted),
                (quarter(2027, 1), Overdue(178)),
                (quarter(2027, 2), Overdue(86)),
                (single("C"), Overdue(137)),
                (single("N"), Overdue(198)),
                (single("P.2"), NotStarted),
            ],
        },
    ]
}

fn columns(grid: &StatusGrid) -> [usize; 6] {
    grid.columns()
}

/// The period's rows on the board (parents aside), with their classes.
fn board_rows(app: &App) -> Vec<(TaskKey, DeadlineClass)> {
    app.board(Grouping::Area, &TaskFilter::default(), &HashSet::new())
        .rows
        .iter()
        .filter_map(|r| r.task())
        .filter(|t| t.counted)
        .map(|t| (t.key.clone(), t.class))
        .collect()
}

fn check_period(app: &mut App, case: &Expected) {
    let period = Period::parse(case.period).expect("a period");
    app.set_period(period);
    let name = case.period;
    let figures = app.period_figures();
    assert_eq!(columns(&figures.all), case.columns, "{name}: the grid");
    let [total, on_time, late, in_time, overdue, undated] = case.columns;
    assert_eq!(
        total,
        on_time + late + in_time + overdue + undated,
        "{name}"
    );

    // The board: its status line's grid and every row named by hand.
    let board = app.board(Grouping::Unit, &TaskFilter::default(), &HashSet::new());
    assert_eq!(board.summary, figures.all, "{name}: the board");
    let rows = board_rows(app);
    assert_eq!(
        rows.len(),
        total + figures.all.cancelled,
        "{name}: {rows:?}"
    );
    for expected in &case.rows {
        assert!(rows.contains(expected), "{name}: {expected:?} in {rows:?}");
    }

    // `cchc list` and "Chỉ quá hạn", the risks.
    let listed: BTreeSet<TaskKey> = app
        .list(&TaskFilter::default())
        .into_iter()
        .map(|v| v.key)
        .collect();
    let on_board: BTreeSet<TaskKey> = app
        .board(Grouping::Area, &TaskFilter::default(), &HashSet::new())
        .rows
        .iter()
        .filter_map(|r| r.task())
        .map(|t| t.key.clone())
        .collect();
    assert_eq!(listed, on_board, "{name}: list");
    let overdue_listed: BTreeSet<TaskKey> = app
        .list(&TaskFilter {
            overdue: true,
            ..TaskFilter::default()
        })
        .into_iter()
        .map(|v| v.key)
        .collect();
    let overdue_keys: BTreeSet<TaskKey> = figures.overdue.iter().cloned().collect();
    assert_eq!(overdue_listed, overdue_keys, "{name}: list --overdue");
    assert_eq!(overdue_keys.len(), overdue, "{name}");
    let flagged: BTreeSet<TaskKey> = app
        .task_risks()
        .into_iter()
        .filter(|f| {
            f.reasons
                .iter()
                .any(|r| matches!(r, TaskReason::Overdue { .. }))
        })
        .map(|f| f.key)
        .collect();
    assert_eq!(flagged, overdue_keys, "{name}: risks");

    // The report: the same grid (Phụ lục I), and Phụ lục II lists every row
    // counted but the cancelled ones.
    let report = app.period_report().expect("the report");
    assert_eq!(report.figures.all, figures.all, "{name}: Phụ lục I");
    let annexed: Vec<(TaskKey, DeadlineClass)> = report
        .tasks
        .iter()
        .map(|t| (t.key.clone(), t.class))
        .collect();
    assert_eq!(annexed.len(), total, "{name}: Phụ lục II");
    for expected in &case.rows {
        assert!(annexed.contains(expected), "{name}: {expected:?} annexed");
    }
    // As printed: Phụ lục I's total row, and Phụ lục II a row per duty.
    let text = markdown(app, &report, date(2027, 10, 1));
    let cells: Vec<String> = case.columns.iter().map(usize::to_string).collect();
    let total_row = format!("| Cộng | {} |", cells.join(" | "));
    assert!(text.contains(&total_row), "{name}: {total_row}\n{text}");
    for (key, _) in &case.rows {
        assert!(
            text.contains(&format!("| {key} |")),
            "{name}: {key} printed"
        );
    }

    // The meeting's overview slide.
    let mut ui = support::new_ui(app, 120, 35);
    support::press(app, &mut ui, &[cchc::keymap::Action::Present]);
    assert_eq!(ui.review.figures, figures, "{name}: the slides");
}

#[test]
fn six_periods_worked_out_by_hand_on_every_surface() {
    let mut app = scripted_year(date(2027, 10, 1));
    for case in expected() {
        check_period(&mut app, &case);
    }
}

#[test]
fn a_period_gives_the_same_figures_when_printed_again() {
    // The year's report printed on 18/12/2026, after Y@2026 was done, and
    // again on 16/03/2027, after B was caught up, C moved and D cancelled.
    let mut first = scripted_year(date(2026, 12, 18));
    let mut later = scripted_year(date(2027, 3, 16));
    let year = Period::parse("2026").expect("a period");
    first.set_period(year);
    later.set_period(year);
    let (a, b) = (
        first.period_report().expect("a report"),
        later.period_report().expect("a report"),
    );
    assert_eq!(a.figures.all, b.figures.all);
    assert_eq!(columns(&a.figures.all), [12, 3, 1, 6, 1, 1]);
    let keys = |r: &cchc::app::report::PeriodReport| -> Vec<(TaskKey, DeadlineClass)> {
        r.tasks.iter().map(|t| (t.key.clone(), t.class)).collect()
    };
    assert_eq!(keys(&a), keys(&b));
}

#[test]
fn the_report_says_what_the_hand_worked_figures_say() {
    let mut app = scripted_year(date(2027, 3, 16));
    app.set_period(Period::parse("2027-Q1").expect("a period"));
    let report = app.period_report().expect("the report");
    // S had a note on 05/01/2027, inside the window.
    assert_eq!(
        (report.standing.duties, report.standing.with_results),
        (1, 1)
    );
    // Since 15/04/2026, as of 14/03/2027: Q@2026-Q2, Q3 and Q4, Y@2026, A,
    // B, E and N fell due or were done; all but Q@2026-Q4 and N were done.
    assert_eq!(
        (report.since_start.done, report.since_start.of),
        (6, 8),
        "lũy kế"
    );
    let moved: Vec<&TaskKey> = report
        .areas
        .iter()
        .flat_map(|a| a.moved.iter().map(|m| &m.key))
        .collect();
    assert_eq!(moved, [&single("C")], "section d");
    let c = report
        .tasks
        .iter()
        .find(|t| t.key == single("C"))
        .expect("C, moved, stays a row");
    assert_eq!(
        (c.due, c.moved_from),
        (Some(date(2027, 4, 30)), Some(date(2026, 12, 31)))
    );
    // Part IV: open work due by 20/06/2027, the overdue first.
    let next: Vec<TaskKey> = report.next.iter().map(|t| t.key.clone()).collect();
    assert_eq!(
        next[..2],
        [quarter(2026, 4), single("N")],
        "overdue first: {next:?}"
    );
    assert!(next.contains(&single("C")) && next.contains(&quarter(2027, 2)));

    let text = markdown(&app, &report, date(2027, 3, 16));
    for said in [
        "Số liệu tính đến ngày 14/03/2027: tổng số 10 nhiệm vụ, gồm 9 nhiệm vụ có thời hạn \
         và 1 nhiệm vụ thực hiện thường xuyên",
        "đã hoàn thành 2 (22,2%), trong đó đúng hạn 1, quá hạn 1",
        "Thực hiện thường xuyên: 1 nhiệm vụ, trong đó 1 có kết quả trong kỳ",
        "Lũy kế từ 15/04/2026: đã hoàn thành 6/8 nhiệm vụ",
        "đã điều chỉnh hạn, hạn ban đầu 31/12/2026",
    ] {
        assert!(text.contains(said), "the report says {said:?}:\n{text}");
    }
}

/// Notes entered after the cut-off are not in the closed period's record.
#[test]
fn a_note_entered_after_the_cutoff_is_not_in_the_period() {
    let mut app = scripted_year(date(2027, 3, 16));
    app.set_period(Period::parse("2026").expect("a period"));
    let s = app
        .view(&key("S", Occurrence::Year(2026)))
        .expect("S in 2026");
    assert!(s.state.notes.is_empty());
    app.set_period(Period::parse("2027-Q1").expect("a period"));
    let s = app
        .view(&key("S", Occurrence::Year(2027)))
        .expect("S in 2027");
    let notes: Vec<&Note> = s.state.notes.iter().collect();
    assert_eq!(notes.len(), 1);
}
