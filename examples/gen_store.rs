//! Writes a synthetic cchc store for benchmarks (see BENCHMARKS.md):
//!
//! ```sh
//! cargo run --release --example gen_store -- --tasks 10000 --dir /tmp/cchc-10k \
//!     [--today 2028-01-15] [--taskwarrior-json /tmp/tw.json]
//! ```
//!
//! N one-off tasks cloned from the bundled plan, dues spread from 624 days
//! before `--today` (default 2028-01-15) to 1081 days after it, 30% of them
//! with a state (done, in progress, paused) and its history. With
//! `--taskwarrior-json` the same tasks are also written for `task import`.
//! Prints `key=value` lines (tasks, overdue, edit_id, edit_uuid) for scripts.

#[path = "../benches/support/generate.rs"]
mod generate;

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;

struct Args {
    tasks: usize,
    dir: PathBuf,
    today: NaiveDate,
    taskwarrior_json: Option<PathBuf>,
}

const USAGE: &str =
    "usage: gen_store --tasks N --dir DIR [--today YYYY-MM-DD] [--taskwarrior-json FILE]";

fn parse_args() -> Result<Args, String> {
    let mut tasks = None;
    let mut dir = None;
    let mut today = generate::bench_today();
    let mut taskwarrior_json = None;
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or(format!("{flag} needs a value"));
        match flag.as_str() {
            "--tasks" => {
                let v = value()?;
                tasks = Some(
                    v.parse()
                        .map_err(|_| format!("--tasks {v}: not a number"))?,
                );
            }
            "--dir" => dir = Some(PathBuf::from(value()?)),
            "--today" => {
                let v = value()?;
                today = NaiveDate::parse_from_str(&v, "%Y-%m-%d")
                    .map_err(|_| format!("--today {v}: not YYYY-MM-DD"))?;
            }
            "--taskwarrior-json" => taskwarrior_json = Some(PathBuf::from(value()?)),
            "-h" | "--help" => return Err(String::new()),
            other => return Err(format!("unknown argument {other}")),
        }
    }
    Ok(Args {
        tasks: tasks.ok_or("--tasks is required")?,
        dir: dir.ok_or("--dir is required")?,
        today,
        taskwarrior_json,
    })
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(args) => args,
        Err(message) => {
            if !message.is_empty() {
                eprintln!("gen_store: {message}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let generated = generate::generate(args.tasks, args.today);
    if let Err(e) = generate::write_store(&args.dir, &generated) {
        eprintln!("gen_store: {}: {e}", args.dir.display());
        return ExitCode::from(3);
    }
    if let Some(path) = &args.taskwarrior_json
        && let Err(e) = std::fs::write(path, generate::taskwarrior_json(&generated))
    {
        eprintln!("gen_store: {}: {e}", path.display());
        return ExitCode::from(3);
    }
    let edit_index = generate::index_of(&generated, &generated.edit_id).unwrap_or(0);
    println!("tasks={}", args.tasks);
    println!("states={}", generated.dump.tasks.len());
    println!("history={}", generated.dump.history.len());
    println!("today={}", generated.today);
    println!("overdue={}", generated.overdue);
    println!("edit_id={}", generated.edit_id);
    println!("edit_uuid={}", generate::task_uuid(edit_index));
    ExitCode::SUCCESS
}
