//! `cchc task import`: the commune's yearly plan from a workbook LibreOffice
//! saved (`scripts/make-yearly-plan-fixture.sh`) and from CSV files as
//! offices save them, through the real binary on a store of each test's own.

mod process;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use process::owner::Store;

/// Row 7 names "Phòng Tư pháp", no unit of the commune.
const BAD: &str = "ke-hoach-cchc-2027.xlsx";
/// The same plan with row 7 corrected.
const GOOD: &str = "ke-hoach-cchc-2027-sua.xlsx";

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
        .display()
        .to_string()
}

/// Everything `cchc list` shows, to tell that nothing was written.
fn listing(store: &Store) -> String {
    store.ok(&["list", "--format", "tsv"])
}

/// The office's tasks on the board: their ids without the occurrence.
fn office_ids(store: &Store) -> BTreeSet<String> {
    listing(store)
        .lines()
        .filter_map(|line| line.split('\t').next())
        .filter(|id| id.starts_with("BS-"))
        .map(|id| id.split('@').next().unwrap_or(id).to_string())
        .collect()
}

fn file_in(store: &Store, name: &str, bytes: &[u8]) -> PathBuf {
    let path = store.config.path().join(name);
    std::fs::write(&path, bytes).expect("write the file to import");
    path
}

#[test]
fn a_bad_unit_in_row_7_is_reported_and_nothing_is_written() {
    let store = Store::new();
    let before = listing(&store);
    let bad = fixture(BAD);
    for extra in [&["--dry-run"][..], &[]] {
        let mut args = vec!["task", "import", bad.as_str()];
        args.extend_from_slice(extra);
        let refused = store.run(&args);
        assert_eq!(refused.code, Some(2), "{refused:#?}");
        assert!(refused.out.is_empty(), "{refused:#?}");
        assert!(
            refused.err.contains(
                "Dòng 7, cột C (Đơn vị chủ trì): “Phòng Tư pháp” không phải đơn vị của kế hoạch"
            ),
            "{refused:#?}"
        );
        assert!(refused.err.contains("có 1 chỗ chưa đúng"), "{refused:#?}");
        assert!(
            refused.err.contains("VP (Văn phòng HĐND và UBND)"),
            "{refused:#?}"
        );
        assert_eq!(listing(&store), before);
    }
}

#[test]
fn the_problem_is_said_in_english_on_request() {
    let store = Store::new();
    let refused = store.run(&["--lang", "en", "task", "import", &fixture(BAD)]);
    assert_eq!(refused.code, Some(2), "{refused:#?}");
    assert!(
        refused
            .err
            .contains("Row 7, column C (lead unit): “Phòng Tư pháp” is no unit of the plan"),
        "{refused:#?}"
    );
}

#[test]
fn a_dry_run_lists_the_twenty_tasks_and_writes_nothing() {
    let store = Store::new();
    let before = listing(&store);
    let shown = store.ok(&["task", "import", &fixture(GOOD), "--dry-run"]);
    assert!(shown.contains("có 20 nhiệm vụ. Chưa ghi gì."), "{shown}");
    assert!(
        shown.contains("Sẽ thêm 20 nhiệm vụ; 0 nhiệm vụ đã có"),
        "{shown}"
    );
    let row_7 = shown
        .lines()
        .find(|line| line.starts_with("7 "))
        .unwrap_or_else(|| panic!("row 7 in {shown}"));
    assert!(
        row_7.contains(" VP ") && row_7.contains("31/12/2027"),
        "{row_7}"
    );
    assert!(row_7.contains("Tự kiểm tra, rà soát văn bản"), "{row_7}");
    assert_eq!(listing(&store), before);
}

#[test]
fn the_plan_is_added_once_and_appears_on_the_board() {
    let store = Store::new();
    let added = store.ok(&["task", "import", &fixture(GOOD)]);
    assert_eq!(
        added.trim(),
        "Đã thêm 20 nhiệm vụ (BS-1 … BS-20); 0 nhiệm vụ đã có, bỏ qua."
    );
    let expected: BTreeSet<String> = (1..=20).map(|n| format!("BS-{n}")).collect();
    assert_eq!(office_ids(&store), expected);
    let task = store.json(&["show", "BS-2", "--format", "json"]);
    assert_eq!(task["lead"], "VP");
    assert_eq!(task["area"], 1);
    assert_eq!(task["due"], "2027-12-31");
    assert_eq!(task["coordinators"], serde_json::json!([]));
    let board = listing(&store);

    let again = store.ok(&["task", "import", &fixture(GOOD)]);
    assert_eq!(
        again.trim(),
        "Đã thêm 0 nhiệm vụ; 20 nhiệm vụ đã có, bỏ qua."
    );
    assert_eq!(listing(&store), board);
    let shown = store.ok(&["task", "import", &fixture(GOOD), "--dry-run"]);
    assert!(
        shown.contains("Sẽ thêm 0 nhiệm vụ; 20 nhiệm vụ đã có"),
        "{shown}"
    );
    assert!(shown.contains(" BS-20 "), "{shown}");
}

#[test]
fn a_sheet_is_chosen_by_its_name() {
    let store = Store::new();
    let refused = store.run(&["task", "import", &fixture(GOOD), "--sheet", "Năm 2027"]);
    assert_eq!(refused.code, Some(2), "{refused:#?}");
    assert!(
        refused
            .err
            .contains("không có trang “Năm 2027”. Các trang: ke-hoach-cchc-2027-sua."),
        "{refused:#?}"
    );
    let sheet = ["--sheet", "ke-hoach-cchc-2027-sua", "--dry-run"];
    let shown = store.ok(&[&["task", "import", &fixture(GOOD)][..], &sheet].concat());
    assert!(shown.contains("có 20 nhiệm vụ"), "{shown}");
}

/// A plan saved by Excel set to Vietnamese: a byte-order mark, semicolons,
/// a title line above the headings.
const SEMICOLON_CSV: &str = "\u{feff}KẾ HOẠCH CCHC NĂM 2027;;;;;\n\
    STT;Nội dung nhiệm vụ;Đơn vị chủ trì;Đơn vị phối hợp;Thời gian hoàn thành;Ghi chú\n\
    I;CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH;;;;\n\
    1;Ban hành Kế hoạch CCHC năm 2027;Phòng Văn hóa - Xã hội;VP, KT;31/01/2027;\n\
    2;\"Kiểm tra CCHC; báo cáo kết quả\";VH-XH;\"UBMTTQ; Các đơn vị liên quan\";Quý IV/2027;\n";

#[test]
fn a_csv_with_a_byte_order_mark_and_semicolons_is_read() {
    let store = Store::new();
    let path = file_in(&store, "ke-hoach.csv", SEMICOLON_CSV.as_bytes());
    let added = store.ok(&["task", "import", &path.display().to_string()]);
    assert_eq!(
        added.trim(),
        "Đã thêm 2 nhiệm vụ (BS-1 … BS-2); 0 nhiệm vụ đã có, bỏ qua."
    );
    let second = store.json(&["show", "BS-2", "--format", "json"]);
    assert_eq!(second["title"], "Kiểm tra CCHC; báo cáo kết quả");
    assert_eq!(second["area"], 0);
    assert_eq!(second["lead"], "VHXH");
    assert_eq!(second["coordinators"], serde_json::json!(["MTTQ"]));
    assert_eq!(second["due"], "2027-12-31");
}

#[test]
fn a_csv_in_another_encoding_is_refused_with_what_to_do() {
    let store = Store::new();
    let before = listing(&store);
    // Windows-1258: "Nội dung" is "N", "ô" (0xF4), a combining dot below (0xF2).
    let mut bytes = b"STT,N\xf4\xf2i dung,Ch\xfa tr\xec\n".to_vec();
    bytes.extend_from_slice(b"1,R\xe0 so\xe1t,VP\n");
    let path = file_in(&store, "ke-hoach-1258.csv", &bytes);
    let refused = store.run(&["task", "import", &path.display().to_string()]);
    assert_eq!(refused.code, Some(2), "{refused:#?}");
    assert!(
        refused.err.contains("không phải văn bản UTF-8 (từ dòng 1)"),
        "{refused:#?}"
    );
    assert!(
        refused.err.contains("lưu lại tệp dưới dạng CSV UTF-8"),
        "{refused:#?}"
    );
    assert_eq!(listing(&store), before);
}

#[test]
fn read_only_refuses_the_import_but_not_its_dry_run() {
    let store = Store::new();
    let refused = store.run(&["--read-only", "task", "import", &fixture(GOOD)]);
    assert_eq!(refused.code, Some(2), "{refused:#?}");
    assert!(office_ids(&store).is_empty());
    store.ok(&["--read-only", "task", "import", &fixture(GOOD), "--dry-run"]);
}

#[test]
fn with_an_owner_running_the_tasks_go_through_it() {
    let store = Store::new();
    let (_pid, client) = store.spawn_owner("test");
    let added = store.ok(&["task", "import", &fixture(GOOD)]);
    assert!(
        added.starts_with("Đã thêm 20 nhiệm vụ (BS-1 … BS-20)"),
        "{added}"
    );
    assert_eq!(office_ids(&store).len(), 20);
    let again = store.ok(&["task", "import", &fixture(GOOD)]);
    assert!(again.starts_with("Đã thêm 0 nhiệm vụ;"), "{again}");
    drop(client);
}
