//! How a store grows with what is added: 1,000 edits of each kind on one task
//! (or target) of the bundled plan, the size of the store's files printed after
//! every 250, so that growth can be seen to be linear (see BENCHMARKS.md).
//!
//! `cargo bench --bench growth`

use std::path::Path;

use cchc::app::{App, Clock};
use cchc::domain::{Catalog, Edit, Evidence, TaskKey};
use cchc::store::SledStore;
use chrono::NaiveDate;

const EDITS: usize = 1_000;
const STEP: usize = 250;

fn clock() -> Clock {
    Clock::from_env().expect("a clock")
}

fn size_of(dir: &Path) -> u64 {
    fn walk(dir: &Path) -> u64 {
        std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| match e.file_type() {
                Ok(t) if t.is_dir() => walk(&e.path()),
                _ => e.metadata().map_or(0, |m| m.len()),
            })
            .sum()
    }
    walk(&dir.join("sled"))
}

fn grow(kind: &str, edit: impl Fn(&mut App, usize)) {
    let temp = tempfile::tempdir().expect("temporary folder");
    let seed = Catalog::bundled().expect("the bundled catalog");
    let store = SledStore::open(temp.path(), &seed, "bench").expect("open");
    let mut app = App::open(Box::new(store), clock(), "bench".into()).expect("load");
    let start = size_of(temp.path());
    let mut row = format!("{kind:<12} {:>8.1}", start as f64 / 1024.0);
    for i in 0..EDITS {
        edit(&mut app, i);
        if (i + 1) % STEP == 0 {
            let grown = size_of(temp.path()).saturating_sub(start);
            row.push_str(&format!(" {:>9.1}", grown as f64 / 1024.0));
        }
    }
    println!("{row}");
}

fn main() {
    let key = TaskKey::single("1.a.1");
    println!("KiB          at start   +250      +500      +750      +1000");
    grow("note", |app, i| {
        app.edit_task(
            &key,
            &[Edit::Note(format!("Ghi chú số {i}: đã rà soát văn bản."))],
            None,
        )
        .expect("a note");
    });
    grow("progress", |app, i| {
        let progress = u8::try_from(i % 100).unwrap_or(0);
        app.edit_task(&key, &[Edit::Progress(progress + 1)], None)
            .expect("a progress");
    });
    grow("evidence", |app, i| {
        let doc = Evidence {
            number: format!("{i}/QĐ-UBND"),
            issued_on: NaiveDate::from_ymd_opt(2026, 11, 1).expect("a date"),
            summary: "Quyết định ban hành kế hoạch".into(),
            link: None,
        };
        app.edit_task(&key, &[Edit::Evidence(doc)], None)
            .expect("a document");
    });
}
