//! The bundled plan catalog (`data/catalog.toml`): that it parses, that every
//! reference in it resolves, that the text taken from the plan's PDF is
//! clean (no line breaks, doubled spaces or stray spaces left from the PDF,
//! NFC everywhere, short labels that fit a list column), and that it is
//! faithful to the plan (`data/plan.md`): every date quotes the plan's words
//! it comes from, and every task's title is the plan's own words.

use std::collections::{BTreeSet, HashMap, HashSet};

use cchc::domain::catalog::{BUNDLED_TOML, Source};
use cchc::domain::{Cadence, Catalog, Direction};
use chrono::{Datelike, NaiveDate};
use unicode_normalization::{UnicodeNormalization, is_nfc};
use unicode_width::UnicodeWidthStr;

/// The plan, the catalog's source of truth, as the repository carries it.
const PLAN_MD: &str = include_str!("../data/plan.md");

/// The widest a short label may be, in terminal columns.
const MAX_SHORT_COLUMNS: usize = 48;

fn bundled() -> Catalog {
    Catalog::bundled().expect("the bundled catalog parses and checks")
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Every string anywhere in the catalog, with a path saying where it is.
fn all_strings(catalog: &Catalog) -> Vec<(String, String)> {
    fn walk(value: &serde_json::Value, path: String, out: &mut Vec<(String, String)>) {
        match value {
            serde_json::Value::String(s) => out.push((path, s.clone())),
            serde_json::Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    walk(item, format!("{path}[{i}]"), out);
                }
            }
            serde_json::Value::Object(map) => {
                for (key, item) in map {
                    walk(item, format!("{path}.{key}"), out);
                }
            }
            _ => {}
        }
    }
    let value = serde_json::to_value(catalog).unwrap();
    let mut out = Vec::new();
    walk(&value, "catalog".into(), &mut out);
    out
}

/// Each title and short label with a name for messages.
fn labelled_texts(catalog: &Catalog) -> Vec<(String, &str)> {
    let mut texts = Vec::new();
    for task in &catalog.tasks {
        texts.push((format!("task {} title", task.id), task.title.as_str()));
        texts.push((format!("task {} short", task.id), task.short.as_str()));
    }
    for target in &catalog.targets {
        texts.push((format!("target {} title", target.id), target.title.as_str()));
        texts.push((format!("target {} short", target.id), target.short.as_str()));
    }
    for area in &catalog.areas {
        texts.push((format!("area {} name", area.code), area.name.as_str()));
    }
    for unit in &catalog.units {
        texts.push((format!("unit {} name", unit.code), unit.name.as_str()));
    }
    texts.push(("plan title".into(), catalog.plan.title.as_str()));
    texts
}

#[test]
fn bundled_catalog_parses_without_problems() {
    let catalog = bundled();
    assert_eq!(catalog.problems(), Vec::<String>::new());
    assert!(!catalog.tasks.is_empty());
    assert!(!catalog.targets.is_empty());
    assert!(!catalog.units.is_empty());
    // The text form and the checked form agree.
    assert_eq!(Catalog::from_toml(BUNDLED_TOML).unwrap(), catalog);
}

#[test]
fn every_area_has_tasks() {
    let catalog = bundled();
    let codes: BTreeSet<u8> = catalog.areas.iter().map(|a| a.code).collect();
    assert_eq!(codes, (0..=6).collect::<BTreeSet<u8>>());
    for area in 0..=6u8 {
        let count = catalog.tasks.iter().filter(|t| t.area == area).count();
        assert!(count > 0, "area {area} has no task");
    }
}

#[test]
fn every_unit_reference_resolves() {
    let catalog = bundled();
    let units: HashSet<&str> = catalog.units.iter().map(|u| u.code.as_str()).collect();
    let mut unknown = Vec::new();
    for task in &catalog.tasks {
        for unit in std::iter::once(&task.lead).chain(&task.coordinators) {
            if !units.contains(unit.as_str()) {
                unknown.push(format!("task {}: {unit}", task.id));
            }
        }
        assert!(
            !task.coordinators.contains(&task.lead),
            "task {} coordinates with its own lead",
            task.id
        );
    }
    for area in &catalog.areas {
        for unit in std::iter::once(&area.lead).chain(&area.coordinators) {
            if !units.contains(unit.as_str()) {
                unknown.push(format!("area {}: {unit}", area.code));
            }
        }
    }
    for target in &catalog.targets {
        if !units.contains(target.lead.as_str()) {
            unknown.push(format!("target {}: {}", target.id, target.lead));
        }
    }
    assert_eq!(unknown, Vec::<String>::new(), "unknown units");
    let unit_codes: Vec<&str> = catalog.units.iter().map(|u| u.code.as_str()).collect();
    let distinct: HashSet<&str> = unit_codes.iter().copied().collect();
    assert_eq!(distinct.len(), unit_codes.len(), "unit codes are unique");
}

#[test]
fn ids_are_unique() {
    let catalog = bundled();
    let mut seen = HashSet::new();
    for task in &catalog.tasks {
        assert!(seen.insert(&task.id), "task id {} repeated", task.id);
    }
    let mut seen = HashSet::new();
    for target in &catalog.targets {
        assert!(seen.insert(&target.id), "target id {} repeated", target.id);
    }
}

#[test]
fn every_parent_exists_in_the_same_area() {
    let catalog = bundled();
    let by_id: HashMap<&str, u8> = catalog
        .tasks
        .iter()
        .map(|t| (t.id.as_str(), t.area))
        .collect();
    let mut with_parent = 0;
    for task in &catalog.tasks {
        let Some(parent) = &task.parent else { continue };
        with_parent += 1;
        assert_ne!(parent, &task.id, "task {} is its own parent", task.id);
        let parent_area = by_id
            .get(parent.as_str())
            .unwrap_or_else(|| panic!("task {}: parent {parent} does not exist", task.id));
        assert_eq!(
            *parent_area, task.area,
            "task {} (area {}) has parent {parent} in area {parent_area}",
            task.id, task.area
        );
    }
    assert!(with_parent > 0, "the plan's sub-items have parents");
}

#[test]
fn titles_and_labels_have_no_pdf_break_artifacts() {
    let catalog = bundled();
    let mut bad = Vec::new();
    for (what, text) in labelled_texts(&catalog) {
        let artifacts = [
            ("a line break", text.contains(['\n', '\r'])),
            ("a tab", text.contains('\t')),
            ("a double space", text.contains("  ")),
            ("a space before a comma", text.contains(" ,")),
            ("a space before a full stop", text.contains(" .")),
            ("a space before a semicolon", text.contains(" ;")),
            ("a soft hyphen", text.contains('\u{AD}')),
            ("a non-breaking space", text.contains('\u{A0}')),
            ("a replacement character", text.contains('\u{FFFD}')),
            ("leading or trailing space", text.trim() != text),
            ("a trailing ':' or ';'", text.ends_with([':', ';'])),
            ("nothing", text.is_empty()),
        ];
        for (artifact, found) in artifacts {
            if found {
                bad.push(format!("{what} has {artifact}: {text:?}"));
            }
        }
    }
    assert_eq!(bad, Vec::<String>::new());
}

#[test]
fn every_string_is_nfc() {
    let catalog = bundled();
    let strings = all_strings(&catalog);
    assert!(strings.len() > 100);
    let not_nfc: Vec<String> = strings
        .iter()
        .filter(|(_, s)| !is_nfc(s))
        .map(|(path, s)| format!("{path}: {s:?}"))
        .collect();
    assert_eq!(not_nfc, Vec::<String>::new());
    // The raw file as well, comments included.
    assert!(is_nfc(BUNDLED_TOML), "data/catalog.toml is not NFC");
}

#[test]
fn short_labels_fit_the_list_column() {
    let catalog = bundled();
    let shorts = catalog
        .tasks
        .iter()
        .map(|t| (format!("task {}", t.id), t.short.as_str()))
        .chain(
            catalog
                .targets
                .iter()
                .map(|t| (format!("target {}", t.id), t.short.as_str())),
        );
    let mut too_wide = Vec::new();
    for (what, short) in shorts {
        let width = UnicodeWidthStr::width(short);
        if width > MAX_SHORT_COLUMNS {
            too_wide.push(format!("{what}: {width} columns: {short}"));
        }
    }
    assert_eq!(too_wide, Vec::<String>::new());
}

/// A due date belongs to one-off work; one-off work the plan gives no date
/// has none ("không có thời hạn"), and a date the plan gives is a phase end.
#[test]
fn due_goes_with_one_off_work_only() {
    let catalog = bundled();
    let phase_ends: HashSet<NaiveDate> = catalog.phases.iter().map(|p| p.due).collect();
    for task in &catalog.tasks {
        if let Some(due) = task.due {
            assert_eq!(
                task.cadence,
                Cadence::Once,
                "task {} is {:?} but due {due}",
                task.id,
                task.cadence
            );
            assert!(
                phase_ends.contains(&due),
                "task {} is due {due}, not at a phase end",
                task.id
            );
        }
        if task.due_day.is_some() {
            assert_eq!(task.cadence, Cadence::Yearly, "task {}", task.id);
        }
    }
}

#[test]
fn targets_fall_due_at_both_phase_ends() {
    let catalog = bundled();
    let dues: BTreeSet<NaiveDate> = catalog.targets.iter().filter_map(|t| t.due).collect();
    assert!(dues.contains(&date(2027, 12, 31)), "{dues:?}");
    assert!(dues.contains(&date(2030, 12, 31)), "{dues:?}");
}

/// "Mức độ hài lòng trong tiếp nhận, giải quyết thủ tục hành chính ... đạt tối
/// thiểu 95%, trong đó, mức độ hài lòng về giải quyết các thủ tục hành chính
/// lĩnh vực đất đai, xây dựng, đầu tư đạt tối thiểu 90%" is two targets.
#[test]
fn the_95_of_which_90_sentence_is_two_targets() {
    let catalog = bundled();
    let overall = catalog
        .targets
        .iter()
        .find(|t| t.title.contains("tiếp nhận, giải quyết thủ tục hành chính"))
        .expect("the overall satisfaction target");
    let land = catalog
        .targets
        .iter()
        .find(|t| t.title.contains("đất đai, xây dựng, đầu tư"))
        .expect("the land, construction and investment target");
    assert_ne!(overall.id, land.id);
    assert_eq!(overall.value, 95.0);
    assert_eq!(land.value, 90.0);
    assert_eq!(overall.plan_ref, land.plan_ref);
    assert_eq!(overall.due, land.due);
    assert_eq!(overall.unit, land.unit);
    assert_eq!(overall.direction, land.direction);
    // Neither carries the other's half of the sentence.
    for target in &catalog.targets {
        assert!(
            !target.title.contains("trong đó"),
            "target {} was not split: {}",
            target.id,
            target.title
        );
    }
}

/// The bundled text with the first `from` after `anchor` replaced by `to`.
fn edit_after(anchor: &str, from: &str, to: &str) -> String {
    let start = BUNDLED_TOML
        .find(anchor)
        .unwrap_or_else(|| panic!("{anchor} not in the catalog"));
    let offset = BUNDLED_TOML[start..]
        .find(from)
        .unwrap_or_else(|| panic!("{from} not after {anchor}"));
    let at = start + offset;
    format!(
        "{}{to}{}",
        &BUNDLED_TOML[..at],
        &BUNDLED_TOML[at + from.len()..]
    )
}

fn problems_of(text: &str) -> Vec<String> {
    match Catalog::from_toml(text) {
        Ok(_) => panic!("the catalog was accepted"),
        Err(e) => e.0,
    }
}

#[test]
fn an_unknown_lead_unit_is_a_problem() {
    let task_lead = edit_after("id = \"1.a.1\"", "lead = \"VP\"", "lead = \"XYZ\"");
    assert_eq!(
        problems_of(&task_lead),
        vec!["task 1.a.1: unknown unit XYZ".to_string()]
    );

    let coordinator = edit_after("id = \"1.a.1\"", "\"MTTQ\"]", "\"MTTQ\", \"QQ\"]");
    assert_eq!(
        problems_of(&coordinator),
        vec!["task 1.a.1: unknown unit QQ".to_string()]
    );

    let target_lead = edit_after("id = \"T05\"", "lead = \"TTPVHCC\"", "lead = \"NOPE\"");
    assert_eq!(
        problems_of(&target_lead),
        vec!["target T05: unknown unit NOPE".to_string()]
    );

    let area_lead = edit_after("code = 5\n", "lead = \"KT\"", "lead = \"KTX\"");
    assert_eq!(
        problems_of(&area_lead),
        vec!["area 5: unknown unit KTX".to_string()]
    );
}

#[test]
fn a_duplicate_id_is_a_problem() {
    let duplicate_task = format!(
        "{BUNDLED_TOML}\n[[tasks]]\nid = \"0.1\"\narea = 0\nplan_ref = \"III.1\"\n\
         title = \"Một nhiệm vụ trùng mã\"\nshort = \"Trùng mã\"\nlead = \"VHXH\"\n\
         cadence = \"continuous\"\n"
    );
    let problems = problems_of(&duplicate_task);
    assert!(
        problems.contains(&"task id 0.1 is not unique".to_string()),
        "{problems:?}"
    );

    let duplicate_target = edit_after("id = \"T06\"", "id = \"T06\"", "id = \"T05\"");
    let problems = problems_of(&duplicate_target);
    assert!(
        problems.contains(&"target id T05 is not unique".to_string()),
        "{problems:?}"
    );
}

#[test]
fn a_minimal_catalog_is_checked_too() {
    let minimal = |lead: &str, second_id: &str| {
        format!(
            r#"
version = 1
phases = []
targets = []

[plan]
title = "Kế hoạch"
issuer = "UBND xã"
start = "2026-04-15"
end = "2030-12-31"

[[units]]
code = "VP"
name = "Văn phòng"
name_en = "Office"

[[areas]]
code = 0
name = "Chỉ đạo"
name_en = "Direction"
plan_ref = "III"
lead = "VP"

[[tasks]]
id = "0.1"
area = 0
plan_ref = "III.1"
title = "Một"
short = "Một"
lead = "{lead}"
cadence = "once"
due = "2027-12-31"
due_source = {{ office = "Kế hoạch CCHC năm 2027 của xã" }}

[[tasks]]
id = "{second_id}"
area = 0
plan_ref = "III.1"
title = "Hai"
short = "Hai"
lead = "VP"
cadence = "yearly"
"#
        )
    };
    let sound = Catalog::from_toml(&minimal("VP", "0.2")).expect("a sound minimal catalog");
    assert_eq!(sound.tasks.len(), 2);
    assert_eq!(
        problems_of(&minimal("ZZ", "0.2")),
        vec!["task 0.1: unknown unit ZZ".to_string()]
    );
    assert_eq!(
        problems_of(&minimal("VP", "0.1")),
        vec!["task id 0.1 is not unique".to_string()]
    );
    assert!(sound.tasks[0].due_source.as_ref().unwrap().is_assumption());
}

/// Every date and every baseline says where it comes from: the plan's words
/// or the office's reason. One-off work may have no date at all.
#[test]
fn dates_and_baselines_need_their_source() {
    let report = "due_source = { plan = \"Tham mưu Ủy ban nhân dân xã tổng kết việc thực hiện Kế hoạch vào năm 2030\" }\n";
    let unsourced_task = edit_after("id = \"0.27\"", report, "");
    assert_eq!(
        problems_of(&unsourced_task),
        vec!["task 0.27: a date without its due_source".to_string()]
    );

    let phase = "due_source = { plan = \"Giai đoạn 2026 - 2027\" }\n";
    let unsourced_target = edit_after("id = \"T05\"", phase, "");
    assert_eq!(
        problems_of(&unsourced_target),
        vec!["target T05: a date without its due_source".to_string()]
    );

    let assumed = edit_after(
        "id = \"0.27\"",
        report,
        "due_source = { office = \"Họp tổng kết cuối năm 2030\" }\n",
    );
    let catalog = Catalog::from_toml(&assumed).expect("the office's own date is allowed");
    let task = catalog.tasks.iter().find(|t| t.id == "0.27").unwrap();
    assert!(task.due_source.as_ref().unwrap().is_assumption());

    let empty = edit_after("id = \"0.27\"", report, "due_source = { plan = \" \" }\n");
    assert_eq!(
        problems_of(&empty),
        vec!["task 0.27: an empty due_source".to_string()]
    );

    // A source left behind by a date taken out.
    let stray = edit_after(
        "id = \"0.16\"",
        "cadence = \"once\"\n",
        "cadence = \"once\"\ndue_source = { plan = \"giai đoạn 2026 - 2030\" }\n",
    );
    assert_eq!(
        problems_of(&stray),
        vec!["task 0.16: a due_source with nothing to source".to_string()]
    );

    // A due on recurring work is refused, sourced or not.
    let recurring_due = edit_after(
        "id = \"0.3\"",
        "cadence = \"yearly\"\n",
        "cadence = \"yearly\"\ndue = \"2027-12-31\"\ndue_source = { plan = \"Giai đoạn 2026 - 2027\" }\n",
    );
    assert_eq!(
        problems_of(&recurring_due),
        vec!["task 0.3: a due date is for one-off work".to_string()]
    );

    // A yearly day needs its source too.
    let yearly_day = |source: &str| {
        edit_after(
            "id = \"0.3\"",
            "cadence = \"yearly\"\n",
            &format!("cadence = \"yearly\"\ndue_day = \"12-15\"\n{source}"),
        )
    };
    assert_eq!(
        problems_of(&yearly_day("")),
        vec!["task 0.3: a date without its due_source".to_string()]
    );
    Catalog::from_toml(&yearly_day(
        "due_source = { office = \"Báo cáo năm chốt số liệu ngày 14/12\" }\n",
    ))
    .expect("a sourced yearly day");

    // A baseline needs its source; with one it is accepted.
    let with_baseline = |source: &str| {
        edit_after(
            "id = \"T05\"",
            phase,
            &format!("{phase}baseline = 80.0\n{source}"),
        )
    };
    assert_eq!(
        problems_of(&with_baseline("")),
        vec!["target T05: a baseline without its baseline_source".to_string()]
    );
    let catalog = Catalog::from_toml(&with_baseline(
        "baseline_source = { office = \"Khảo sát năm 2025 của xã\" }\n",
    ))
    .expect("a sourced baseline");
    let target = catalog.targets.iter().find(|t| t.id == "T05").unwrap();
    assert_eq!(target.baseline, Some(80.0));

    // A qualitative aim is met or not: value 1, no unit.
    let percent_aim = edit_after("id = \"T01\"", "unit = \"\"", "unit = \"%\"");
    assert_eq!(
        problems_of(&percent_aim),
        vec!["target T01: a qualitative aim has value 1 and no unit".to_string()]
    );

    // One-off work without a date is sound: the plan sets few.
    let catalog = bundled();
    assert!(
        catalog
            .tasks
            .iter()
            .any(|t| t.cadence == Cadence::Once && t.due.is_none()),
        "one-off work without a date"
    );
}

// ------------------------------------------------- faithful to the plan

/// NFC, with every run of white space (line breaks included) read as one
/// space: the plan is a PDF turned into markdown, so a sentence may be broken
/// across lines, or by a blank line, anywhere.
fn squeeze(text: &str) -> String {
    let nfc: String = text.nfc().collect();
    nfc.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn plan_text() -> String {
    squeeze(PLAN_MD)
}

/// Whether `words` name this day of this month, as a Vietnamese document
/// writes it: "15/12", "05/01", "ngày 5 tháng 1", "ngày 05 tháng 01".
fn names_day(words: &str, month: u32, day: u32) -> bool {
    let forms = [
        format!("{day}/{month}"),
        format!("{day:02}/{month:02}"),
        format!("{day}/{month:02}"),
        format!("{day:02}/{month}"),
        format!("ngày {day} tháng {month}"),
        format!("ngày {day:02} tháng {month:02}"),
    ];
    forms.iter().any(|form| {
        words.match_indices(form.as_str()).any(|(at, _)| {
            let before = words[..at].chars().next_back();
            let after = words[at + form.len()..].chars().next();
            !before.is_some_and(|c| c.is_ascii_digit())
                && !after.is_some_and(|c| c.is_ascii_digit())
        })
    })
}

/// The plan's period, as its text writes it ("giai đoạn 2026 - 2030").
const PLAN_PERIOD: [&str; 2] = ["2026 - 2030", "2026 – 2030"];

/// What is wrong with the source of one dated item: it must be the plan's
/// words, found in the plan, and they must show the date — its year for a
/// deadline (and its day unless the year's last), its day for a yearly day.
fn date_source_problem(
    what: &str,
    due: Option<NaiveDate>,
    due_day: Option<&str>,
    source: Option<&Source>,
    plan: &str,
) -> Option<String> {
    let words = match source {
        Some(Source::Plan(words)) => squeeze(words),
        Some(Source::Office(reason)) => {
            return Some(format!(
                "{what}: the office's date ({reason}), not the plan's"
            ));
        }
        None => return Some(format!("{what}: a date without its source")),
    };
    if !plan.contains(&words) {
        return Some(format!("{what}: {words:?} is not in the plan"));
    }
    if let Some(due) = due {
        // The plan's whole period bounds the plan; it is no item's deadline.
        let dated = PLAN_PERIOD
            .iter()
            .fold(words.clone(), |w, period| w.replace(period, ""));
        if !dated.contains(&due.year().to_string()) {
            return Some(format!("{what}: {words:?} does not give the year of {due}"));
        }
        let year_end = (due.month(), due.day()) == (12, 31);
        if !year_end && !names_day(&words, due.month(), due.day()) {
            return Some(format!("{what}: {words:?} does not give the day of {due}"));
        }
    }
    if let Some(day) = due_day {
        let fits = day
            .split_once('-')
            .and_then(|(m, d)| Some((m.parse().ok()?, d.parse().ok()?)))
            .is_some_and(|(m, d)| names_day(&words, m, d));
        if !fits {
            return Some(format!("{what}: {words:?} does not give the day {day}"));
        }
    }
    None
}

/// Every date of the catalog is the plan's: its source quotes the plan's
/// words exactly (line breaks aside), and those words hold the date's year.
#[test]
fn every_date_quotes_the_plans_words() {
    let catalog = bundled();
    let plan = plan_text();
    // The comparison reads across the PDF's line breaks.
    assert!(plan.contains("Văn phòng HĐND&UBND, Trung tâm Phục vụ hành chính công xã"));
    assert!(plan.contains("gửi Phòng Kinh tế trình Sở Tài chính"));

    let mut dated = 0;
    let mut problems = Vec::new();
    for task in &catalog.tasks {
        if task.due.is_none() && task.due_day.is_none() {
            continue;
        }
        dated += 1;
        problems.extend(date_source_problem(
            &format!("task {}", task.id),
            task.due,
            task.due_day.as_deref(),
            task.due_source.as_ref(),
            &plan,
        ));
    }
    for target in &catalog.targets {
        if target.due.is_none() {
            continue;
        }
        dated += 1;
        problems.extend(date_source_problem(
            &format!("target {}", target.id),
            target.due,
            None,
            target.due_source.as_ref(),
            &plan,
        ));
    }
    assert_eq!(problems, Vec::<String>::new());
    assert!(dated > 10, "only {dated} dated items");
}

/// The check above refuses what it should: words not in the plan, words
/// without the year, the office's assumption, a day the words do not give.
#[test]
fn a_date_the_plans_words_do_not_give_is_caught() {
    let plan = plan_text();
    let end_2027 = Some(date(2027, 12, 31));
    let plan_words = |w: &str| Source::Plan(w.into());
    let problem =
        |due, due_day, source: &Source| date_source_problem("x", due, due_day, Some(source), &plan);
    assert_eq!(
        problem(end_2027, None, &plan_words("Giai đoạn 2026 - 2027")),
        None
    );
    // Across a blank line of the PDF, and with a line break in the quote.
    assert_eq!(
        problem(
            end_2027,
            None,
            &plan_words("Giai đoạn 2026 - 2027:\n+ Hoàn thành việc sắp xếp")
        ),
        None
    );
    assert!(problem(end_2027, None, &plan_words("Giai đoạn 2026 - 2030")).is_some());
    // The plan's whole period is in the plan, but is no deadline.
    let end_2030 = Some(date(2030, 12, 31));
    let period =
        plan_words("Kế hoạch cải cách hành chính nhà nước trọng tâm giai đoạn 2026 - 2030");
    assert!(problem(end_2030, None, &period).is_some());
    assert_eq!(
        problem(end_2030, None, &plan_words("Giai đoạn 2028 - 2030")),
        None
    );
    assert_eq!(
        problem(
            end_2030,
            None,
            &plan_words("tổng kết việc thực hiện Kế hoạch vào năm 2030")
        ),
        None
    );
    assert!(problem(end_2027, None, &plan_words("đến năm 2027")).is_some());
    assert!(problem(end_2027, None, &plan_words("Giai đoạn 2028 - 2030")).is_some());
    assert!(
        problem(
            end_2027,
            None,
            &Source::Office("Giai đoạn 2026 - 2027".into())
        )
        .is_some()
    );
    assert!(date_source_problem("x", end_2027, None, None, &plan).is_some());
    // A day other than the year's last must be in the words.
    let mid_2027 = Some(date(2027, 6, 30));
    assert!(problem(mid_2027, None, &plan_words("Giai đoạn 2026 - 2027")).is_some());
    // A yearly day must be named: the plan names 14/4 (of 2026) once.
    assert_eq!(
        problem(
            None,
            Some("04-14"),
            &plan_words("Quyết định số 1478/QĐ-UBND ngày 14/4/2026")
        ),
        None
    );
    assert!(problem(None, Some("12-14"), &plan_words("ngày 14/4/2026")).is_some());
    assert!(names_day("ngày 05 tháng 01 năm 2027", 1, 5));
    assert!(!names_day("ngày 15/12", 1, 5));
    assert!(!names_day("11/12", 1, 12));
}

/// Each I.2 target falls due at the end of the phase it is listed under.
#[test]
fn each_phase_target_sits_under_the_phase_it_quotes() {
    let catalog = bundled();
    let plan = plan_text().to_lowercase();
    let mut checked = 0;
    for target in catalog.targets.iter().filter(|t| t.plan_ref == "I.2") {
        let Some(Source::Plan(words)) = &target.due_source else {
            panic!("target {} of I.2 has no phase", target.id);
        };
        let heading = squeeze(words).to_lowercase();
        assert!(
            heading.starts_with("giai đoạn "),
            "target {}: {words}",
            target.id
        );
        let start = plan
            .find(&heading)
            .expect("the phase heading is in the plan");
        let after = start + heading.len();
        let end = ["giai đoạn 20", "yêu cầu:"]
            .iter()
            .filter_map(|next| plan[after..].find(next).map(|at| after + at))
            .min()
            .expect("the phase ends");
        let title = squeeze(&target.title).to_lowercase();
        assert!(
            plan[after..end].contains(&title),
            "target {} is not listed under {words:?}",
            target.id
        );
        let phase_end = heading.rsplit(' ').next().unwrap();
        assert_eq!(
            target.due.map(|d| d.year().to_string()),
            Some(phase_end.to_string()),
            "target {}",
            target.id
        );
        checked += 1;
    }
    assert_eq!(checked, 13, "I.2 lists 13 targets");
}

/// A task's title is the plan's own words (markdown emphasis, PDF line
/// breaks, a capital and a final full stop aside), never a paraphrase.
#[test]
fn every_task_title_is_the_plans_words() {
    let catalog = bundled();
    let plan = squeeze(&PLAN_MD.replace("**", "")).to_lowercase();
    let not_found: Vec<String> = catalog
        .tasks
        .iter()
        .filter(|t| {
            let title = squeeze(&t.title).to_lowercase();
            !plan.contains(title.trim_end_matches('.'))
        })
        .map(|t| format!("{}: {}", t.id, t.title))
        .collect();
    assert_eq!(not_found, Vec::<String>::new());
}

fn task<'a>(catalog: &'a Catalog, id: &str) -> &'a cchc::domain::catalog::TaskDef {
    catalog
        .tasks
        .iter()
        .find(|t| t.id == id)
        .unwrap_or_else(|| panic!("task {id}"))
}

fn target<'a>(catalog: &'a Catalog, id: &str) -> &'a cchc::domain::catalog::TargetDef {
    catalog
        .targets
        .iter()
        .find(|t| t.id == id)
        .unwrap_or_else(|| panic!("target {id}"))
}

/// VI.2.3: Phòng Kinh tế "Phối hợp với Phòng Văn hóa - Xã hội ... lập dự toán
/// kinh phí thực hiện Kế hoạch này và thẩm định kinh phí cải cách hành chính
/// hàng năm": the estimate is VHXH's with KT, the appraisal KT's own.
#[test]
fn the_budget_estimate_and_its_appraisal_are_two_tasks() {
    let catalog = bundled();
    let estimate = task(&catalog, "0.18");
    assert!(
        estimate.title.starts_with("Lập dự toán kinh phí"),
        "{}",
        estimate.title
    );
    assert_eq!(estimate.lead, "VHXH");
    assert!(estimate.coordinators.contains(&"KT".to_string()));
    assert!(
        !estimate.short.to_lowercase().contains("thẩm định"),
        "{}",
        estimate.short
    );

    let appraisals: Vec<_> = catalog
        .tasks
        .iter()
        .filter(|t| t.title.to_lowercase().contains("thẩm định kinh phí"))
        .collect();
    assert_eq!(appraisals.len(), 1, "one appraisal task");
    let appraisal = appraisals[0];
    assert_eq!(appraisal.id, "0.40");
    assert_eq!(appraisal.area, 0);
    assert_eq!(appraisal.lead, "KT");
    assert!(appraisal.plan_ref.contains("VI.2.3"));
    assert_eq!(appraisal.cadence, Cadence::Yearly, "'hàng năm'");
    // The next free number of area 0.
    let highest_before = catalog
        .tasks
        .iter()
        .filter(|t| t.area == 0 && t.id != appraisal.id)
        .filter_map(|t| t.id.strip_prefix("0.")?.parse::<u32>().ok())
        .max();
    assert_eq!(highest_before, Some(39));
}

/// Section VI.2 gives the leads: the UBND can only ask the Front ("Đề nghị
/// Mặt trận Tổ quốc"), and the Office of the Council "Phối hợp với Phòng Văn
/// hoá - Xã hội" in directing the reform.
#[test]
fn leads_follow_section_vi_2() {
    let catalog = bundled();
    for (id, lead, coordinator) in [
        ("0.5", "VHXH", "MTTQ"),
        ("0.39", "VHXH", "MTTQ"),
        ("0.30", "VHXH", "VP"),
    ] {
        let task = task(&catalog, id);
        assert_eq!(task.lead, lead, "task {id}");
        assert!(
            task.coordinators.iter().any(|c| c == coordinator),
            "task {id}"
        );
    }
    let led_by_the_front: Vec<&str> = catalog
        .tasks
        .iter()
        .filter(|t| t.lead == "MTTQ")
        .map(|t| t.id.as_str())
        .collect();
    assert_eq!(
        led_by_the_front,
        Vec::<&str>::new(),
        "the UBND cannot assign the Front"
    );
}

/// II.1.a's "xây dựng, kiểm tra, rà soát, hệ thống hóa văn bản" is the work on
/// legal documents, not the construction sector; every unit takes part.
#[test]
fn the_legal_documents_items_are_not_about_construction() {
    let catalog = bundled();
    let units: BTreeSet<&str> = catalog.units.iter().map(|u| u.code.as_str()).collect();
    for id in ["1.a", "1.a.1", "1.a.2"] {
        let task = task(&catalog, id);
        for text in [&task.title, &task.short] {
            assert!(!text.contains("lĩnh vực xây dựng"), "task {id}: {text}");
        }
        let mut involved: BTreeSet<&str> = task.coordinators.iter().map(String::as_str).collect();
        assert!(involved.insert(task.lead.as_str()), "task {id}");
        assert_eq!(involved, units, "task {id}: every unit coordinates");
    }
}

/// The dates the plan does not set are gone, none put back under another
/// name: the tasks the catalog had due 31/12/2027 and the II.2 targets it had
/// due 31/12/2030.
#[test]
fn no_deadline_the_plan_does_not_set() {
    let catalog = bundled();
    for id in ["0.16", "2.a.2", "2.b.4", "2.b.5", "5.d", "6.4", "6.5"] {
        let task = task(&catalog, id);
        assert_eq!((task.due, &task.due_day), (None, &None), "task {id}");
        assert_eq!(task.due_source, None, "task {id}");
    }
    for id in ["T14", "T15", "T16", "T17", "T18", "T19", "T21"] {
        let target = target(&catalog, id);
        assert_eq!(target.due, None, "target {id}");
        assert_eq!(target.due_source, None, "target {id}");
    }
    // Those the plan does set stay: its first phase and "vào năm 2030".
    for (id, due) in [
        ("3.d", date(2027, 12, 31)),
        ("2.a.1.3", date(2027, 12, 31)),
        ("0.27", date(2030, 12, 31)),
    ] {
        assert_eq!(task(&catalog, id).due, Some(due), "task {id}");
    }
    // A task restating an I.2 target falls due with it.
    for (task_id, target_id) in [("3.d", "T01"), ("2.a.1.3", "T03"), ("2.a.1.3", "T20")] {
        let (task, target) = (task(&catalog, task_id), target(&catalog, target_id));
        assert_eq!(task.due, target.due, "{task_id} and {target_id}");
        assert_eq!(
            task.due_source, target.due_source,
            "{task_id} and {target_id}"
        );
        assert!(task.plan_ref.contains("I.2"), "task {task_id}");
    }
    // Every I.2 target keeps its phase; the plan gives no baseline.
    for target in &catalog.targets {
        if target.plan_ref == "I.2" {
            assert!(target.due.is_some(), "target {}", target.id);
        }
        assert_eq!(target.baseline, None, "target {}", target.id);
    }
}

/// Work the plan words as ongoing ("Tiếp tục", "Thường xuyên", "quản lý, vận
/// hành", implementing standing rules) is continuous, with no date.
#[test]
fn ongoing_duties_are_continuous() {
    let catalog = bundled();
    for task in &catalog.tasks {
        let title = task.title.to_lowercase();
        if title.contains("tiếp tục") || title.starts_with("thường xuyên") {
            assert_ne!(
                task.cadence,
                Cadence::Once,
                "task {}: {}",
                task.id,
                task.title
            );
        }
    }
    for id in [
        "0.8", "2.b", "2.b.4", "2.b.5", "4.d", "5.c", "5.d", "6.1", "6.2", "6.3", "6.4",
    ] {
        let task = task(&catalog, id);
        assert_eq!(task.cadence, Cadence::Continuous, "task {id}");
        assert_eq!(task.due, None, "task {id}");
    }
}

/// "Hoàn thành việc sắp xếp ..." and "Xây dựng được đội ngũ ..." give no
/// figure: they are met or not. Every other target states its own figure.
#[test]
fn qualitative_aims_are_not_percentages() {
    let catalog = bundled();
    for id in ["T01", "T06"] {
        let target = target(&catalog, id);
        assert!(target.qualitative, "target {id}");
        assert_eq!(target.value, 1.0, "target {id}");
        assert_eq!(target.unit, "", "target {id}");
        assert_eq!(target.direction, Direction::AtLeast, "target {id}");
    }
    for target in catalog.targets.iter().filter(|t| !t.qualitative) {
        let figure = format!("{}%", target.value);
        assert!(
            target.title.contains(&figure),
            "target {}: {figure} is not in {}",
            target.id,
            target.title
        );
        assert!(target.unit.starts_with('%'), "target {}", target.id);
    }
}
