//! Sharing benchmarks (see BENCHMARKS.md): one edit through the store's owner
//! process, the same edit made directly on the store (the durable write alone),
//! the time for a change to reach 10 connected clients, and the owner's memory
//! with 10 clients that have loaded the snapshot.
//!
//! Run on two stores: the bundled plan (88 tasks) and a generated store of
//! 100,000 tasks (`benches/support/generate.rs`; 1,000 under `cargo test
//! --benches`). The owner is the real `cchc` binary (`cchc --data-dir DIR
//! serve`, as cargo builds it for this bench: the release profile under
//! `cargo bench`), started with a config whose `[share] idle_seconds = 2` and
//! killed when its store is done. The memory figures are read from the
//! owner's `/proc/PID/status` and printed to stderr, not timed.
//!
//! `cargo bench --bench share` (about a minute on 2 cores, once built).

#[path = "support/generate.rs"]
mod generate;

use std::hint::black_box;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use cchc::app::{App, Clock, Operation, Owner, Update};
use cchc::domain::{Catalog, Edit, TaskKey};
use cchc::share::{Client, Connect};
use cchc::store::SledStore;
use criterion::{BenchmarkGroup, Criterion, SamplingMode, measurement::WallTime};
use rustix::event::{PollFd, PollFlags, poll};

/// As in the `cchc` binary, so the in-process figures are the program's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The `cchc` binary cargo built for this bench.
const PROGRAM: &str = env!("CARGO_BIN_EXE_cchc");
const LARGE: usize = 100_000;
const SMOKE_LARGE: usize = 1_000;
/// Clients that receive every change.
const CLIENTS: usize = 10;
const TODAY: &str = "2028-01-15";

fn clock() -> Clock {
    let today = generate::bench_today();
    Clock {
        now: generate::at_noon(today),
        today,
    }
}

fn configure(group: &mut BenchmarkGroup<'_, WallTime>) {
    group
        .sampling_mode(SamplingMode::Flat)
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
}

/// Progress 10, 20, 10, …: every edit changes the task, so every edit is written.
struct Toggle(u8);

impl Toggle {
    fn next(&mut self) -> Vec<Edit> {
        self.0 = if self.0 == 10 { 20 } else { 10 };
        vec![Edit::Progress(self.0)]
    }
}

/// An owner process started by this bench, killed when dropped.
struct OwnerProcess {
    child: Child,
}

impl OwnerProcess {
    fn start(dir: &Path, config_dir: &Path) -> OwnerProcess {
        let child = Command::new(PROGRAM)
            .arg("--data-dir")
            .arg(dir)
            .arg("serve")
            .env("CCHC_CONFIG_DIR", config_dir)
            .env("CCHC_TODAY", TODAY)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .spawn()
            .expect("start the owner");
        OwnerProcess { child }
    }

    fn pid(&self) -> u32 {
        self.child.id()
    }
}

impl Drop for OwnerProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Connects to the owner already started (none is started from here).
fn connect(dir: &Path) -> Client {
    Client::connect(
        dir,
        Connect {
            what: "bench".into(),
            program: None,
            wait: Duration::from_secs(30),
        },
    )
    .expect("connect to the owner")
}

/// VmRSS and VmHWM of process `pid`, in kB.
fn memory(pid: u32) -> (u64, u64) {
    let status =
        std::fs::read_to_string(format!("/proc/{pid}/status")).expect("the owner's status");
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .unwrap_or(0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

/// Starts a new peak: VmHWM becomes the current RSS.
fn reset_peak(pid: u32) {
    let _ = std::fs::write(format!("/proc/{pid}/clear_refs"), "5");
}

fn report_memory(label: &str, what: &str, pid: u32) {
    let (rss, hwm) = memory(pid);
    eprintln!(
        "owner memory [{label}] {what}: VmRSS {:.1} MB, VmHWM {:.1} MB",
        rss as f64 / 1024.0,
        hwm as f64 / 1024.0
    );
}

/// Waits until every client has received a pushed commit: waits on all their
/// sockets at once, then reads what arrived on the readable ones.
fn wait_for_push(clients: &[Client]) {
    let mut waiting: Vec<&Client> = clients.iter().collect();
    while !waiting.is_empty() {
        let ready: Vec<bool> = {
            let fds: Vec<_> = waiting
                .iter()
                .map(|c| c.wake_fd().expect("connected to the owner"))
                .collect();
            let mut polled: Vec<PollFd<'_>> = fds
                .iter()
                .map(|fd| PollFd::from_borrowed_fd(fd.as_fd(), PollFlags::IN))
                .collect();
            poll(&mut polled, None).expect("poll");
            polled.iter().map(|p| !p.revents().is_empty()).collect()
        };
        let mut still = Vec::with_capacity(waiting.len());
        for (client, ready) in waiting.into_iter().zip(ready) {
            let got = ready
                && client
                    .updates()
                    .iter()
                    .any(|u| matches!(u, Update::Committed(_)));
            if !got {
                still.push(client);
            }
        }
        waiting = still;
    }
}

/// A store to bench on: its folder, a label and the task the edits change.
struct Subject {
    label: String,
    dir: tempfile::TempDir,
    key: TaskKey,
}

/// The store every `cchc` starts with: the bundled plan, seeded on first open.
fn plan_store(seed: &Catalog) -> Subject {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let store = SledStore::open(dir.path(), seed, "bench").expect("seed the plan's store");
    let mut app = App::open(Box::new(store), clock(), "bench".into()).expect("load");
    // The first task of the plan whose occurrence of the period takes a progress.
    let key = app
        .plan()
        .tasks()
        .iter()
        .map(|def| app.current_key(def))
        .collect::<Vec<_>>()
        .into_iter()
        .find(|key| app.edit_task(key, &[Edit::Progress(30)], None).is_ok())
        .expect("a task of the plan takes a progress");
    let tasks = app.plan().tasks().len();
    Subject {
        label: format!("plan_{tasks}"),
        dir,
        key,
    }
}

fn generated_store(n: usize) -> Subject {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let generated = generate::generate(n, generate::bench_today());
    generate::write_store(dir.path(), &generated).expect("write the generated store");
    Subject {
        label: n.to_string(),
        dir,
        key: TaskKey::single(&generated.edit_id),
    }
}

fn bench_store(c: &mut Criterion, subject: &Subject, config_dir: &Path, seed: &Catalog) {
    let Subject { label, dir, key } = subject;
    let dir = dir.path();
    let mut toggle = Toggle(10);

    // The durable write alone: the same edit on the store opened here
    // (prepare, sled transaction, flush, fsync of every store file).
    {
        let store = SledStore::open(dir, seed, "bench").expect("open the store");
        let mut app = App::open(Box::new(store), clock(), "bench".into()).expect("load");
        app.edit_task(key, &[Edit::Progress(30)], None)
            .expect("edit directly");
        let mut group = c.benchmark_group("share_direct_edit");
        configure(&mut group);
        group.bench_function(label.as_str(), |b| {
            b.iter(|| {
                let written = app
                    .edit_task(key, &toggle.next(), None)
                    .expect("durable edit");
                assert!(!written.is_empty(), "each iteration must write");
                black_box(written)
            })
        });
        group.finish();
        app.close();
    }

    let owner = OwnerProcess::start(dir, config_dir);
    let editor = connect(dir);
    report_memory(label, "started, one client, nothing loaded", owner.pid());

    // The owner writes the day's backup right after answering the first edit
    // of the day, and answers nothing else meanwhile: two untimed edits take
    // that out of the timed ones (and show what it costs the next request).
    let mut untimed = |what: &str| {
        let op = Operation::EditTask {
            key: key.clone(),
            edits: toggle.next(),
            reason: None,
            seen: None,
        };
        let start = Instant::now();
        editor.perform(&op).expect("edit through the owner");
        eprintln!(
            "[{label}] {what}: {:.1} ms",
            start.elapsed().as_secs_f64() * 1000.0
        );
    };
    untimed("first edit of the day (answered before the backup)");
    untimed("the next edit (waits for the day's backup)");

    // One edit through the owner: request over the socket, prepare, durable
    // write, answer; no other client connected.
    let mut group = c.benchmark_group("share_round_trip");
    configure(&mut group);
    group.bench_function(label.as_str(), |b| {
        b.iter(|| {
            let op = Operation::EditTask {
                key: key.clone(),
                edits: toggle.next(),
                reason: None,
                seen: None,
            };
            let performed = editor.perform(&op).expect("edit through the owner");
            assert!(
                !performed.commit.history.is_empty(),
                "each iteration must write"
            );
            black_box(performed)
        })
    });
    group.finish();

    // Ten clients that have each loaded the snapshot, one after another …
    let (rss, _) = memory(owner.pid());
    reset_peak(owner.pid());
    let clients: Vec<Client> = (0..CLIENTS)
        .map(|_| {
            let client = connect(dir);
            drop(client.load().expect("load the snapshot"));
            client
        })
        .collect();
    eprintln!(
        "owner memory [{label}] before the loads: VmRSS {:.1} MB",
        rss as f64 / 1024.0
    );
    report_memory(
        label,
        &format!("{CLIENTS} clients connected, loaded one after another"),
        owner.pid(),
    );
    // … then all at once, as ten screens opened together would.
    reset_peak(owner.pid());
    let started = Instant::now();
    let clients: Vec<Client> = std::thread::scope(|s| {
        let loading: Vec<_> = clients
            .into_iter()
            .map(|client| {
                s.spawn(move || {
                    drop(client.load().expect("load the snapshot"));
                    client
                })
            })
            .collect();
        loading
            .into_iter()
            .map(|h| h.join().expect("a loading thread"))
            .collect()
    });
    eprintln!(
        "{CLIENTS} simultaneous loads [{label}]: {:.0} ms",
        started.elapsed().as_secs_f64() * 1000.0
    );
    report_memory(
        label,
        &format!("{CLIENTS} clients loaded all at once"),
        owner.pid(),
    );

    // From sending an edit until all ten others have received it.
    let mut answered = Duration::ZERO;
    let mut fanned_out = Duration::ZERO;
    let mut edits = 0u32;
    let mut group = c.benchmark_group("share_push");
    configure(&mut group);
    group.bench_function(format!("reach_{CLIENTS}_clients/{label}"), |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let op = Operation::EditTask {
                    key: key.clone(),
                    edits: toggle.next(),
                    reason: None,
                    seen: None,
                };
                let start = Instant::now();
                let performed = editor.perform(&op).expect("edit through the owner");
                let done = start.elapsed();
                wait_for_push(&clients);
                let all = start.elapsed();
                assert!(!performed.commit.history.is_empty());
                total += all;
                answered += done;
                fanned_out += all - done;
                edits += 1;
            }
            total
        })
    });
    group.finish();
    if edits > 0 {
        eprintln!(
            "reach_{CLIENTS}_clients [{label}]: {edits} edits, mean {:.3} ms until the editor's answer, then {:.3} ms until all {CLIENTS} had the push",
            answered.as_secs_f64() * 1000.0 / f64::from(edits),
            fanned_out.as_secs_f64() * 1000.0 / f64::from(edits),
        );
    }
    report_memory(label, "after the benches", owner.pid());
    drop(clients);
    drop(editor);
    drop(owner);
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    // `cargo bench` passes `--bench`; under `cargo test --benches` criterion
    // runs each routine once, and a small generated store is enough.
    let benching = std::env::args().any(|a| a == "--bench");
    let large = if benching { LARGE } else { SMOKE_LARGE };
    eprintln!("owner program: {PROGRAM}");
    let config_dir = tempfile::tempdir().expect("a temporary folder");
    std::fs::write(
        config_dir.path().join("config.toml"),
        "[share]\nidle_seconds = 2\n",
    )
    .expect("write the owner's config");
    let seed = Catalog::bundled().expect("the bundled catalog");
    let plan = plan_store(&seed);
    bench_store(&mut c, &plan, config_dir.path(), &seed);
    drop(plan);
    let generated = generated_store(large);
    bench_store(&mut c, &generated, config_dir.path(), &seed);
    c.final_summary();
}
