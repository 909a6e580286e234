//! A year and a half of work scripted on a small plan, each edit entered
//! on its own day: what `tests/record.rs` and `tests/closing.rs` work out
//! by hand.
//!
//! The plan (data from 15/12 → 14/3, 15/3 → 14/6, 15/6 → 14/9, 15/9 → 14/12;
//! quarterly work due 20/3, 20/6, 20/9, 20/12; yearly work due 20/12):
//! - Q quarterly, Y yearly, S standing (no deadline);
//! - A due 31/10/2026, done 20/10/2026 (on time);
//! - B due 30/11/2026, done 10/01/2027 (late, caught up);
//! - C due 31/12/2026, moved on 10/03/2027 to 30/04/2027, never done;
//! - D due 30/06/2027, cancelled on 01/02/2027;
//! - E due 30/09/2026, entered done on 05/10/2026 as done on 10/09/2026;
//! - N due 28/02/2027, added on 16/12/2026, never done;
//! - P (due 31/12/2027) with its sub-items P.1 (due 31/03/2027, done
//!   20/03/2027) and P.2 (due 31/12/2027): P is counted through them.
//! - Q@2026-Q2 done 10/06/2026, Q@2026-Q3 done 25/10/2026 (late),
//!   Q@2026-Q4 done 02/04/2027 (late, caught up), later quarters never;
//!   Y@2026 done 18/12/2026, after the year's cut-off but on time.

use chrono::NaiveDate;

use cchc::app::App;
use cchc::app::report::PeriodReport;
use cchc::domain::{Cadence, Catalog, Edit, Occurrence, Source, Status, TaskDef, TaskKey};
use cchc::i18n::Lang;
use cchc::report::{Format, ReportInput, Separator};
use cchc::store::MemoryStore;

use super::{clock_on, date};

fn task(id: &str, area: u8, lead: &str, cadence: Cadence, due: Option<NaiveDate>) -> TaskDef {
    TaskDef {
        id: id.into(),
        area,
        parent: id.rsplit_once('.').map(|(parent, _)| parent.to_string()),
        plan_ref: "II".into(),
        title: format!("Nhiệm vụ {id}"),
        short: format!("Nhiệm vụ {id}"),
        lead: lead.into(),
        coordinators: vec![],
        cadence,
        due,
        due_day: None,
        due_source: due.map(|_| Source::Plan("Kế hoạch".into())),
        start: None,
    }
}

pub fn plan() -> Catalog {
    let mut catalog = Catalog::bundled().expect("the bundled catalog");
    let once = |id, area, lead, due| task(id, area, lead, Cadence::Once, Some(due));
    catalog.targets.clear();
    catalog.tasks = vec![
        task("Q", 0, "VHXH", Cadence::Quarterly, None),
        task("Y", 0, "VHXH", Cadence::Yearly, None),
        once("A", 1, "VP", date(2026, 10, 31)),
        once("B", 1, "VP", date(2026, 11, 30)),
        once("C", 2, "TTPVHCC", date(2026, 12, 31)),
        once("D", 2, "TTPVHCC", date(2027, 6, 30)),
        once("E", 1, "VP", date(2026, 9, 30)),
        TaskDef {
            start: Some(date(2026, 12, 16)),
            ..once("N", 5, "KT", date(2027, 2, 28))
        },
        task("S", 3, "VHXH", Cadence::Continuous, None),
        once("P", 6, "VHXH", date(2027, 12, 31)),
        once("P.1", 6, "VHXH", date(2027, 3, 31)),
        once("P.2", 6, "VHXH", date(2027, 12, 31)),
    ];
    catalog
}

pub fn key(id: &str, occurrence: Occurrence) -> TaskKey {
    TaskKey {
        task: id.into(),
        occurrence,
    }
}

pub fn single(id: &str) -> TaskKey {
    TaskKey::single(id)
}

pub fn quarter(y: i32, q: u8) -> TaskKey {
    key("Q", Occurrence::Quarter(y, q))
}

pub fn year(y: i32) -> TaskKey {
    key("Y", Occurrence::Year(y))
}

/// One day's edit of the script.
pub fn on(app: &mut App, day: NaiveDate, key: TaskKey, edits: &[Edit]) {
    app.set_clock(clock_on(day));
    let reason = edits
        .iter()
        .any(|e| matches!(e, Edit::Due(_)))
        .then_some("Chờ hướng dẫn của Sở Nội vụ");
    app.edit_task(&key, edits, reason)
        .unwrap_or_else(|e| panic!("{day}: {key}: {e}"));
}

pub fn done(on: NaiveDate) -> [Edit; 2] {
    [Edit::Status(Status::Done), Edit::DoneOn(on)]
}

/// The script, in the order it was lived; every edit is entered on its day.
pub fn scripted_year(until: NaiveDate) -> App {
    let store = MemoryStore::new(plan());
    let mut app = App::open(Box::new(store), clock_on(date(2026, 4, 15)), "thuy".into())
        .expect("open the memory store");
    let d = date;
    let script: Vec<(NaiveDate, TaskKey, Vec<Edit>)> = vec![
        (
            d(2026, 6, 10),
            quarter(2026, 2),
            done(d(2026, 6, 10)).into(),
        ),
        (d(2026, 9, 12), single("A"), vec![Edit::Progress(50)]),
        (d(2026, 10, 5), single("E"), done(d(2026, 9, 10)).into()),
        (d(2026, 10, 20), single("A"), done(d(2026, 10, 20)).into()),
        (
            d(2026, 10, 25),
            quarter(2026, 3),
            done(d(2026, 10, 25)).into(),
        ),
        (d(2026, 12, 18), year(2026), done(d(2026, 12, 18)).into()),
        (
            d(2027, 1, 5),
            key("S", Occurrence::Year(2027)),
            vec![Edit::Note("Đã tổ chức tuyên truyền tại 12 thôn.".into())],
        ),
        (d(2027, 1, 10), single("B"), done(d(2027, 1, 10)).into()),
        (
            d(2027, 2, 1),
            single("D"),
            vec![Edit::Status(Status::Cancelled)],
        ),
        (d(2027, 3, 10), single("C"), vec![Edit::Due(d(2027, 4, 30))]),
        (d(2027, 3, 20), single("P.1"), done(d(2027, 3, 20)).into()),
        (d(2027, 4, 2), quarter(2026, 4), done(d(2027, 4, 2)).into()),
    ];
    for (day, key, edits) in script.into_iter().filter(|(day, ..)| *day <= until) {
        on(&mut app, day, key, &edits);
    }
    app.set_clock(clock_on(until));
    app
}

/// The Markdown of `report`, signed on `signed_on`.
pub fn markdown(app: &App, report: &PeriodReport, signed_on: NaiveDate) -> String {
    let bytes = rendered(app, report, signed_on, Format::Markdown).remove(0);
    String::from_utf8(bytes).expect("UTF-8")
}

/// The files of `report` in `format`, signed on `signed_on`, as bytes.
pub fn rendered(
    app: &App,
    report: &PeriodReport,
    signed_on: NaiveDate,
    format: Format,
) -> Vec<Vec<u8>> {
    let texts = app.report_texts(report.period);
    let input = ReportInput {
        report,
        texts: &texts,
        lang: Lang::Vi,
        signed_on,
    };
    cchc::report::render(&input, format, Separator::Comma)
        .expect("the report")
        .into_iter()
        .map(|file| file.into_bytes().expect("bytes"))
        .collect()
}
