//! Several `cchc` processes on one store through its owner process: many
//! clients editing at once, the owner killed mid-burst, a stale socket,
//! hostile and silent connections, the socket's permissions, the owner
//! stopping when idle, `cchc status`, and the message framing under fuzzing.
//!
//! Every test has its own store and config folder (`[share] idle_seconds = 2`,
//! so owners stop soon after the test), starts owners through a small wrapper
//! script that pins the test environment (the test process's own environment
//! is left alone), waits for conditions with generous timeouts rather than for
//! a fixed time (save where it must show that something does *not* happen
//! for a while), and kills any owner still running when it ends.

mod process;

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use cchc::app::{AppError, Operation, Owner, ShareError};
use cchc::domain::{Edit, Field, HistoryEntry, Occurrence, Status, Subject, TaskKey, Value};
use cchc::share::Client;
use cchc::share::protocol::{REQUEST_LIMIT, Reply, Request};
use cchc::store::wire::{self, FrameError, PROTOCOL_VERSION};
use cchc::store::{Dump, backup};
use process::owner::*;
use proptest::prelude::*;
use serde_json::Value as Json;

/// The note texts of a history (`cchc log --format json`) entry on `key`.
fn json_note<'a>(entry: &'a Json, key: &TaskKey) -> Option<&'a str> {
    let subject = &entry["subject"]["task"];
    let occurrence = serde_json::to_value(key.occurrence).expect("an occurrence as JSON");
    (entry["field"] == "note" && subject["task"] == key.task && subject["occurrence"] == occurrence)
        .then(|| entry["new"]["text"].as_str().expect("a note's text"))
}

fn history_note(entry: &HistoryEntry) -> Option<&str> {
    match (&entry.subject, entry.field, &entry.new) {
        (Subject::Task(_), Field::Note, Value::Text(text)) => Some(text),
        _ => None,
    }
}

/// Sequence numbers 1..=N, each once.
fn assert_contiguous(seqs: &[u64]) {
    let mut sorted = seqs.to_vec();
    sorted.sort_unstable();
    let expected: Vec<u64> = (1..=seqs.len() as u64).collect();
    assert!(
        sorted == expected,
        "the history is not numbered 1..={} without gaps or repeats: {:?}",
        seqs.len(),
        sorted
            .windows(2)
            .filter(|w| w[1] != w[0] + 1)
            .collect::<Vec<_>>()
    );
}

const CLIENTS: usize = 20;
const EDITS: usize = 100;

/// Twenty processes' worth of clients, each writing a hundred notes on a task
/// of its own, all at once: every edit is in the history, numbered without
/// gaps, in each client's order, by the OS user, and the stored notes are the
/// client's, in its order.
#[test]
fn twenty_clients_making_a_hundred_edits_each_lose_none() {
    let store = Store::new();
    let keys = store.task_keys(CLIENTS);
    // Keeps the owner from stopping before the clients come; it reads none of
    // the changes pushed to it, so the owner may drop it on the way.
    let (owner, keeper) = store.spawn_owner("keeper");
    thread::scope(|scope| {
        for (c, key) in keys.iter().enumerate() {
            let store = &store;
            scope.spawn(move || {
                // Half the clients go through the application and claim to be
                // someone else; the owner must not believe them.
                if c % 2 == 0 {
                    let mut app = store.app(&format!("app{c}"), &format!("impostor{c}"));
                    for i in 0..EDITS {
                        app.edit_task(key, &[Edit::Note(format!("c{c} e{i}"))], None)
                            .unwrap_or_else(|e| panic!("client {c} edit {i}: {e}"));
                    }
                } else {
                    let client = store.connect(&format!("raw{c}"));
                    for i in 0..EDITS {
                        client
                            .perform(&note(&format!("c{c} e{i}"), key))
                            .unwrap_or_else(|e| panic!("client {c} edit {i}: {e}"));
                    }
                }
            });
        }
    });

    assert_eq!(
        store.owner_pid(),
        owner,
        "one owner served the whole burst; its log:\n{}",
        store.serve_log()
    );
    let log = store.log();
    assert_eq!(log.len(), CLIENTS * EDITS, "every edit is in the history");
    let seqs: Vec<u64> = log
        .iter()
        .map(|e| e["seq"].as_u64().expect("a seq"))
        .collect();
    assert_contiguous(&seqs);
    let user = os_user();
    let mut by_seq = log.clone();
    by_seq.sort_by_key(|e| e["seq"].as_u64());
    for entry in &by_seq {
        assert_eq!(entry["who"], user.as_str(), "{entry:#}");
    }
    let dump = store.export();
    let stored: BTreeMap<&TaskKey, Vec<&str>> = dump
        .tasks
        .iter()
        .map(|(key, state)| (key, state.notes.iter().map(|n| n.text.as_str()).collect()))
        .collect();
    for (c, key) in keys.iter().enumerate() {
        let expected: Vec<String> = (0..EDITS).map(|i| format!("c{c} e{i}")).collect();
        let in_history: Vec<&str> = by_seq.iter().filter_map(|e| json_note(e, key)).collect();
        assert_eq!(in_history, expected, "client {c}'s edits, in the history");
        assert_eq!(
            stored.get(key).cloned().unwrap_or_default(),
            expected,
            "client {c}'s notes as stored on {key}"
        );
        assert!(
            dump.tasks
                .iter()
                .filter(|(k, _)| k == key)
                .flat_map(|(_, s)| &s.notes)
                .all(|n| n.who == user),
            "notes on {key} are by {user}"
        );
    }
    drop(keeper);
}

const BURST_CLIENTS: usize = 4;
const BURST_EDITS: usize = 200;

/// What became of one client's edits.
#[derive(Debug, Default)]
struct Outcomes {
    /// The owner said it was written.
    acked: Vec<usize>,
    /// The store shows it was not written.
    not_saved: Vec<usize>,
    /// Not known.
    unconfirmed: Vec<usize>,
}

/// kill -9 of the owner while four clients edit as fast as they can: each
/// client reconnects to a new owner by itself and goes on; every edit a
/// client was told was saved is in the history (once), none it was told was
/// not saved is, and the history stays numbered without gaps.
#[test]
fn killing_the_owner_mid_burst_loses_no_acknowledged_edit() {
    let store = Store::new();
    let keys = store.task_keys(BURST_CLIENTS);
    let (first, keeper) = store.spawn_owner("keeper");
    let done = AtomicUsize::new(0);
    let (results, killed_at, second) = thread::scope(|scope| {
        let threads: Vec<_> = keys
            .iter()
            .enumerate()
            .map(|(c, key)| {
                let (store, done) = (&store, &done);
                scope.spawn(move || {
                    let client = store.connect(&format!("burst{c}"));
                    let mut outcomes = Outcomes::default();
                    for i in 0..BURST_EDITS {
                        match client.perform(&note(&format!("k{c} e{i}"), key)) {
                            Ok(_) => outcomes.acked.push(i),
                            Err(AppError::Share(ShareError::NotSaved)) => {
                                outcomes.not_saved.push(i);
                            }
                            Err(AppError::Share(ShareError::Unconfirmed)) => {
                                outcomes.unconfirmed.push(i);
                            }
                            Err(e) => panic!("client {c} edit {i}: {e:?}"),
                        }
                        done.fetch_add(1, Ordering::SeqCst);
                    }
                    (client, outcomes)
                })
            })
            .collect();
        let quarter = BURST_CLIENTS * BURST_EDITS / 4;
        wait_until("a quarter of the burst", || {
            (done.load(Ordering::SeqCst) >= quarter).then_some(())
        });
        store.kill_spawned(first);
        drop(keeper);
        let killed_at = done.load(Ordering::SeqCst);
        let results: Vec<(Client, Outcomes)> = threads
            .into_iter()
            .map(|t| t.join().expect("a client thread"))
            .collect();
        // Asked while the clients are still connected, so the new owner runs.
        let second = store.owner_pid();
        (results, killed_at, second)
    });
    assert!(
        killed_at < BURST_CLIENTS * BURST_EDITS,
        "the owner was killed mid-burst"
    );
    assert_ne!(second, first, "a new owner took over");

    let history = results[0]
        .0
        .history_since(0)
        .expect("the history, from the new owner");
    let seqs: Vec<u64> = history.iter().map(|e| e.seq).collect();
    assert_contiguous(&seqs);
    let user = os_user();
    assert!(
        history.iter().all(|e| e.who == user),
        "every entry by {user}"
    );
    let snapshot = results[0].0.load().expect("the store, from the new owner");
    let mut notes_written: BTreeSet<&str> = BTreeSet::new();
    for entry in &history {
        let text = history_note(entry).expect("only notes were written");
        assert!(notes_written.insert(text), "{text:?} written twice");
    }
    for (c, ((_, outcomes), key)) in results.iter().zip(&keys).enumerate() {
        let text = |i: &usize| format!("k{c} e{i}");
        let failed = outcomes.not_saved.len() + outcomes.unconfirmed.len();
        assert!(
            failed <= 1,
            "client {c} lost more than the edit in flight: {outcomes:?}"
        );
        assert_eq!(
            outcomes.acked.last(),
            Some(&(BURST_EDITS - 1)),
            "client {c} recovered: {outcomes:?}"
        );
        for i in &outcomes.acked {
            assert!(
                notes_written.contains(text(i).as_str()),
                "client {c}'s acknowledged edit {i} is missing from the history"
            );
        }
        for i in &outcomes.not_saved {
            assert!(
                !notes_written.contains(text(i).as_str()),
                "client {c}'s edit {i} was reported not saved, yet it is in the history"
            );
        }
        // The client's edits are in the order it made them, and the stored
        // notes are exactly the ones in the history.
        let in_history: Vec<&str> = history
            .iter()
            .filter(|e| e.subject == Subject::Task(key.clone()))
            .filter_map(history_note)
            .collect();
        let numbers: Vec<usize> = in_history
            .iter()
            .map(|t| t.rsplit('e').next().unwrap().parse().unwrap())
            .collect();
        assert!(
            numbers.windows(2).all(|w| w[0] < w[1]),
            "client {c}'s edits out of order: {numbers:?}"
        );
        let stored: Vec<&str> = snapshot.tasks[key]
            .notes
            .iter()
            .map(|n| n.text.as_str())
            .collect();
        assert_eq!(stored, in_history, "the notes stored on {key}");
    }
    println!(
        "killed after {killed_at} edits; not saved {:?}, unconfirmed {:?}",
        results
            .iter()
            .map(|(_, o)| o.not_saved.len())
            .collect::<Vec<_>>(),
        results
            .iter()
            .map(|(_, o)| o.unconfirmed.len())
            .collect::<Vec<_>>()
    );
}

/// A socket file left behind (a crash, a power cut) answers nobody: a
/// command opens the store past it, and a screen starts an owner that
/// replaces it.
#[test]
fn a_stale_socket_does_not_block_the_next_start() {
    let store = Store::new();
    store.ok(&["list"]);
    let socket = store.socket();
    drop(UnixListener::bind(&socket).expect("bind a socket to leave behind"));
    assert!(socket.exists(), "the stale socket file stays");
    // A process another test forks at this moment can hold the listener
    // until it execs (the descriptor is close-on-exec): wait for that.
    wait_until("nobody to answer on the stale socket", || {
        UnixStream::connect(&socket).is_err().then_some(())
    });
    // A one-shot command does not wait on it.
    store.ok(&["set", "0.3", "--progress", "10"]);
    assert!(store.owner().is_none(), "a command starts no owner");
    // A screen's start: a client starts an owner, which takes the socket over.
    let mut app = store.app("tui", "someone");
    let key = app.resolve("0.3").expect("task 0.3");
    assert_eq!(app.view(&key).expect("0.3").state.progress, 10);
    app.edit_task(&key, &[Edit::Progress(40)], None)
        .expect("an edit through the new owner");
    let pid = store.owner_pid();
    let status = store.ok(&["status"]);
    assert!(status.contains(&format!("pid {pid}")), "{status}");
    let shown = store.json(&["show", "0.3", "--format", "json"]);
    assert_eq!(shown["progress"], 40, "{shown:#}");
    drop(app);
}

/// Something a bad client sends, and what the owner may answer before it
/// closes the connection.
struct Bad {
    what: &'static str,
    bytes: Vec<u8>,
    /// Closes its side once sent.
    hang_up: bool,
    answer: fn(&[Reply]) -> bool,
}

/// What a client that said hello and then something unreadable gets: the
/// welcome, then an error saying why it is dropped.
fn after_hello(replies: &[Reply]) -> bool {
    matches!(replies, [Reply::Welcome { .. }, Reply::Error(_)])
}

/// Garbage, oversized and cut-short messages, a message in another protocol
/// version, garbage after a proper hello, and clients that connect and say
/// nothing (or start a message and stall): each is dropped, with an error
/// when it said something, and the owner goes on serving everyone else.
#[test]
fn malformed_and_silent_clients_cost_the_owner_nothing() {
    let store = Store::new();
    // The honest client, there first: it also keeps the owner from stopping
    // while nobody else has said hello.
    let (owner, honest) = store.spawn_owner("honest");
    let socket = store.socket();
    let connect = || UnixStream::connect(&socket).expect("connect to the owner");

    // Left hanging while the rest goes on.
    let opened = Instant::now();
    let mut silent = connect();
    let mut stalled = connect();
    stalled
        .write_all(&frame(1000, PROTOCOL_VERSION, b"0123456789"))
        .expect("start a message");

    let error = |r: &[Reply]| matches!(r, [Reply::Error(_)]);
    let cases = [
        Bad {
            what: "text garbage",
            bytes: b"GET / HTTP/1.1\r\nHost: cchc\r\n\r\n".to_vec(),
            hang_up: false,
            answer: error,
        },
        Bad {
            what: "binary garbage",
            bytes: vec![8, 0, 0, 0, 0xde, 0xad, 0xbe, 0xef, 1, 2, 3, 4],
            hang_up: false,
            answer: error,
        },
        Bad {
            what: "a length over the limit",
            bytes: vec![0xff, 0xff, 0xff, 0xff, 1, 0],
            hang_up: false,
            answer: error,
        },
        Bad {
            what: "a hello claiming a megabyte",
            bytes: frame(1 << 20, PROTOCOL_VERSION, b"0123456789"),
            hang_up: false,
            answer: error,
        },
        Bad {
            what: "a frame cut short",
            bytes: frame(100, PROTOCOL_VERSION, &[0; 8]),
            hang_up: true,
            answer: <[Reply]>::is_empty,
        },
        Bad {
            what: "protocol version 999",
            bytes: frame(20, 999, b"not for this owner"),
            hang_up: false,
            answer: error,
        },
        Bad {
            what: "an empty frame",
            bytes: vec![0, 0, 0, 0],
            hang_up: false,
            answer: |r| matches!(r, [] | [Reply::Error(_)]),
        },
        Bad {
            what: "a hello, then garbage",
            bytes: [hello_frame("evil"), frame(3, 7, b"x")].concat(),
            hang_up: false,
            answer: after_hello,
        },
        Bad {
            what: "a hello, then a request that cannot be decoded",
            bytes: [hello_frame("evil"), frame(4, PROTOCOL_VERSION, &[200, 1])].concat(),
            hang_up: false,
            answer: after_hello,
        },
    ];
    for case in cases {
        let mut stream = connect();
        stream.write_all(&case.bytes).expect("send");
        if case.hang_up {
            stream.shutdown(std::net::Shutdown::Write).expect("hang up");
        }
        let got = replies(&read_until_closed(&mut stream, TIMEOUT));
        assert!(
            (case.answer)(&got),
            "{}: the owner answered {got:?}",
            case.what
        );
    }

    // Meanwhile the honest client is served as ever.
    let key = parse_key("0.3@2026");
    honest
        .perform(&note("still served", &key))
        .expect("an edit next to the bad clients");

    for (what, stream) in [("silent", &mut silent), ("stalled", &mut stalled)] {
        let got = read_until_closed(stream, Duration::from_secs(15));
        assert!(got.is_empty(), "{what}: {got:?}");
        let took = opened.elapsed();
        assert!(
            took >= Duration::from_secs(4),
            "the {what} client was dropped before its time to say hello ({took:?})"
        );
    }
    let status = store.ok(&["status"]);
    assert!(status.contains(&format!("pid {owner}")), "{status}");
    // The owner hears of a `cchc status` gone a moment after it has gone.
    let owner_now = wait_until("only the honest client to be left", || {
        store
            .owner()
            .filter(|s| s.clients.len() == 1 && s.clients[0].what == "honest")
    });
    assert_eq!(owner_now.pid, owner, "the same owner serves");
    assert!(
        store.spawned_exit(owner).is_none(),
        "the owner still runs; its log:\n{}",
        store.serve_log()
    );
    honest
        .perform(&note("served after it all", &key))
        .expect("an edit after the bad clients");
    let log = store.log();
    assert_eq!(log.len(), 2, "{log:#?}");
}

/// The socket is the user's alone, and so is the data folder; with
/// `group_access` the office group may use both.
#[test]
fn the_socket_is_private_and_group_access_opens_it() {
    let mode = |p: &Path| {
        std::fs::metadata(p)
            .unwrap_or_else(|e| panic!("{}: {e}", p.display()))
            .permissions()
            .mode()
            & 0o777
    };
    let group = format!("{CONFIG}group_access = true\n");
    for (config, before, folder, socket) in [
        (CONFIG, 0o755, 0o700, 0o600),
        (group.as_str(), 0o700, 0o770, 0o660),
    ] {
        let store = Store::with_config(config);
        std::fs::set_permissions(store.dir(), std::fs::Permissions::from_mode(before))
            .expect("set the folder's mode");
        let client = store.connect("modes");
        assert_eq!(mode(&store.socket()), socket, "the socket, with {config:?}");
        assert_eq!(
            mode(store.dir()),
            folder,
            "the data folder, with {config:?}"
        );
        client
            .perform(&note("modes", &parse_key("0.3@2026")))
            .expect("an edit");
        drop(client);
    }
}

/// An owner with a client stays however long the client is quiet; once the
/// last client has gone it stops after the idle time, removing its socket
/// and leaving a backup.
#[test]
fn the_owner_stops_when_idle() {
    let store = Store::new();
    let (owner, client) = store.spawn_owner("idle");
    assert!(backup::list(store.dir()).is_empty(), "no backup yet");
    client
        .perform(&note("before the owner stops", &parse_key("0.3@2026")))
        .expect("an edit");
    // A quiet client keeps the owner: longer than the idle time, on purpose.
    thread::sleep(Duration::from_secs(3));
    assert!(
        store.spawned_exit(owner).is_none(),
        "the owner stopped under a connected client"
    );
    drop(client);
    let left = Instant::now();
    let exit = wait_until("the owner to stop", || store.spawned_exit(owner));
    let took = left.elapsed();
    assert!(exit.success(), "{exit:?}; its log:\n{}", store.serve_log());
    assert!(
        took >= Duration::from_millis(1500),
        "the owner stopped {took:?} after its last client left, before its idle time"
    );
    assert!(
        took <= Duration::from_secs(12),
        "the owner took {took:?} to stop"
    );
    assert!(!store.socket().exists(), "the socket is removed");
    let backups = backup::list(store.dir());
    assert_eq!(backups.len(), 1, "{backups:?}");
    let text = std::fs::read_to_string(&backups[0]).expect("read the backup");
    let dump: Dump = serde_json::from_str(&text).expect("the backup is a dump");
    assert!(
        dump.history
            .iter()
            .any(|e| history_note(e) == Some("before the owner stops")),
        "the backup holds the edit"
    );
    assert!(store.owner().is_none(), "no owner answers");
}

/// `cchc status` names the owner and lists who is connected, with what each
/// said it is, made harmless.
#[test]
fn status_shows_owner_uptime_and_clients() {
    let store = Store::new();
    let none = store.ok(&["status", "--lang", "en"]);
    assert!(none.contains("No owner process"), "{none}");
    let tui = store.connect("tui-test");
    let sly = store.connect("\x1b[2Jsly\u{7}");
    let owner = store.owner_pid();
    let me = std::process::id();

    // Each `cchc status` is a client too, which the owner drops a moment
    // after it has gone: asked again until only the two are left.
    let status = |args: &[&str], connected: &str| {
        wait_until(&format!("{connected:?} in cchc {args:?}"), || {
            Some(store.ok(args)).filter(|out| out.contains(connected))
        })
    };
    let vi = status(&["status"], "Đang kết nối: 2\n");
    assert!(vi.contains(&format!("Tiến trình chủ: pid {owner}")), "{vi}");
    let en = status(&["status", "--lang", "en"], "Connected: 2\n");
    let lines: Vec<&str> = en.lines().collect();
    assert!(
        lines[0].starts_with(&format!("Owner process: pid {owner} ({})", os_user())),
        "{en}"
    );
    assert!(lines[0].contains("running since"), "{en}");
    assert!(lines[0].ends_with("(0 h 0 min)"), "uptime: {en}");
    let tui_line = lines
        .iter()
        .find(|l| l.contains("tui-test"))
        .unwrap_or_else(|| panic!("the tui-test client is listed: {en}"));
    assert!(tui_line.contains(&format!("pid {me}")), "{tui_line}");
    assert!(tui_line.contains(&os_user()), "{tui_line}");
    assert!(tui_line.contains("since "), "{tui_line}");
    assert!(en.contains("sly"), "{en}");
    assert!(
        !en.contains('\x1b') && !en.contains('\u{7}'),
        "control characters reach the terminal: {en:?}"
    );
    drop((tui, sly));
}

/// Hellos of fourteen bytes whose text says it is nearly a gigabyte long,
/// sent at once: each is refused, and the owner sets no such memory aside
/// (the limit on a request is 64 MiB, and these are far shorter).
#[test]
fn a_tiny_message_claiming_a_huge_text_costs_the_owner_no_memory() {
    let store = Store::new();
    let (owner, keeper) = store.spawn_owner("keeper");
    let before = high_water(owner);
    let mut body = vec![0, 5, 252];
    body.extend_from_slice(&0x3F00_0000u32.to_le_bytes());
    body.extend_from_slice(b"abc");
    let message = frame(body.len() as u32 + 2, PROTOCOL_VERSION, &body);
    let streams: Vec<UnixStream> = (0..8)
        .map(|_| {
            let mut stream = UnixStream::connect(store.socket()).expect("connect");
            stream.write_all(&message).expect("send");
            stream
        })
        .collect();
    for mut stream in streams {
        let got = replies(&read_until_closed(&mut stream, TIMEOUT));
        assert!(
            matches!(got[..], [Reply::Error(_)]),
            "{got:?}; the owner: {:?}, its log:\n{}",
            store.spawned_exit(owner),
            store.serve_log()
        );
    }
    let grew = high_water(owner).saturating_sub(before);
    assert!(
        grew < 64 << 20,
        "the owner's memory grew by {} MiB for 8 messages of {} bytes",
        grew >> 20,
        message.len()
    );
    drop(keeper);
}

// ------------------------------------------------------------ the framing

fn sample_requests() -> Vec<Request> {
    let key = parse_key("0.3@2026");
    vec![
        Request::Hello {
            client: u64::MAX,
            what: "tui".into(),
            name: Some("Nguyễn Thị Lan".into()),
        },
        Request::Load,
        Request::History { after: 42 },
        Request::Perform {
            request: 7,
            op: Operation::EditTask {
                key: key.clone(),
                edits: vec![
                    Edit::Note("Họp góp ý ngày 20/11, thống nhất lộ trình.".into()),
                    Edit::Progress(50),
                ],
                reason: Some("vì sao".into()),
                seen: None,
            },
        },
        Request::Perform {
            request: 8,
            op: Operation::SetAgenda { key, on: true },
        },
        Request::WasWritten {
            client: 3,
            request: 9,
        },
        Request::Status,
        Request::LoadIndex,
        Request::Texts {
            ids: Some(vec!["0.1".into(), "1.a.1".into()]),
        },
        Request::Texts { ids: None },
    ]
}

fn request() -> impl Strategy<Value = Request> {
    prop_oneof![
        (any::<u64>(), ".{0,40}").prop_map(|(client, what)| Request::Hello {
            client,
            what,
            name: None
        }),
        Just(Request::Load),
        Just(Request::LoadIndex),
        proptest::collection::vec(".{0,12}", 0..4)
            .prop_map(|ids| Request::Texts { ids: Some(ids) }),
        Just(Request::Status),
        any::<u64>().prop_map(|after| Request::History { after }),
        (any::<u64>(), any::<u64>())
            .prop_map(|(client, request)| Request::WasWritten { client, request }),
        (any::<u64>(), ".{0,200}", 0u8..=100).prop_map(|(request, text, progress)| {
            Request::Perform {
                request,
                op: Operation::EditTask {
                    key: parse_key("1.a.1@2026"),
                    edits: vec![Edit::Note(text), Edit::Progress(progress)],
                    reason: None,
                    seen: None,
                },
            }
        }),
    ]
}

/// Whatever a decoder accepted, encoded again, reads back the same.
fn assert_consistent(decoded: &Request) {
    let again = wire::encode(decoded).expect("encode what was decoded");
    let back: Request = wire::read(&mut &again[..], REQUEST_LIMIT).expect("read it back");
    assert_eq!(&back, decoded);
}

#[test]
fn requests_survive_the_wire() {
    let samples = sample_requests();
    let mut stream = Vec::new();
    for request in &samples {
        let frame = wire::encode(request).expect("encode");
        let length = u32::from_le_bytes(frame[..4].try_into().unwrap()) as usize;
        assert_eq!(length, frame.len() - 4, "the length counts the rest");
        assert_eq!(frame[4..6], PROTOCOL_VERSION.to_le_bytes(), "the version");
        let read: Request = wire::read(&mut &frame[..], REQUEST_LIMIT).expect("read");
        assert_eq!(&read, request);
        let decoded: Request = wire::decode(&frame[4..]).expect("decode");
        assert_eq!(&decoded, request);
        // Every cut of the frame is refused.
        for cut in 0..frame.len() {
            match wire::read::<Request>(&mut &frame[..cut], REQUEST_LIMIT) {
                Err(FrameError::Closed) => assert_eq!(cut, 0),
                Err(FrameError::Truncated) => assert!(cut > 0),
                other => panic!("{request:?} cut at {cut}: {other:?}"),
            }
        }
        stream.extend_from_slice(&frame);
    }
    // One after the other on one stream, then the end of it.
    let mut reader = &stream[..];
    for request in &samples {
        let read: Request = wire::read(&mut reader, REQUEST_LIMIT).expect("read in turn");
        assert_eq!(&read, request);
    }
    assert!(matches!(
        wire::read::<Request>(&mut reader, REQUEST_LIMIT),
        Err(FrameError::Closed)
    ));
    // A length over the limit is refused before anything else is read.
    let frame = wire::encode(&samples[0]).unwrap();
    assert!(matches!(
        wire::read::<Request>(&mut &frame[..], frame.len() - 5),
        Err(FrameError::TooLarge(..))
    ));
}

/// How many frames the mutation fuzz below tries: a few thousand in every
/// test run, 100,000 or more with `scripts/fuzz-protocol.sh`.
fn fuzz_cases() -> u32 {
    std::env::var("CCHC_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(2_000)
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: fuzz_cases(),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// Valid requests with bytes flipped, inserted or cut anywhere, framed
    /// or not: the reader refuses or decodes, never panics, and what it
    /// decodes survives the wire again.
    #[test]
    fn mutated_frames_never_crash_the_reader(
        request in request(),
        flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..8),
        insert in proptest::option::of((any::<prop::sample::Index>(), proptest::collection::vec(any::<u8>(), 1..16))),
        cut in proptest::option::of(any::<prop::sample::Index>()),
    ) {
        let mut bytes = wire::encode(&request).expect("encode");
        for (at, byte) in flips {
            let i = at.index(bytes.len());
            bytes[i] ^= byte;
        }
        if let Some((at, extra)) = insert {
            let i = at.index(bytes.len());
            bytes.splice(i..i, extra);
        }
        if let Some(at) = cut {
            bytes.truncate(at.index(bytes.len() + 1));
        }
        let mut reader = &bytes[..];
        while let Ok(request) = wire::read::<Request>(&mut reader, REQUEST_LIMIT) {
            assert_consistent(&request);
        }
    }
}

/// Found by the property below: a frame claiming fewer bytes than follow
/// it, whose bytes are a whole request (`WasWritten { 0, 0 }`), is that
/// request, and the bytes after it are left for the next frame.
#[test]
fn a_frame_shorter_than_what_follows_is_read_alone() {
    let bytes = frame(5, PROTOCOL_VERSION, &[5, 0, 0, 0]);
    let mut reader = &bytes[..];
    let request = wire::read::<Request>(&mut reader, REQUEST_LIMIT).expect("a whole request");
    assert!(
        matches!(
            request,
            Request::WasWritten {
                client: 0,
                request: 0
            }
        ),
        "{request:?}"
    );
    assert_eq!(reader, [0]);
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 1000,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn random_bytes_never_crash_the_decoder(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        if let Ok(request) = wire::read::<Request>(&mut &bytes[..], REQUEST_LIMIT) {
            assert_consistent(&request);
        }
        if let Ok(request) = wire::decode::<Request>(&bytes) {
            assert_consistent(&request);
        }
    }

    #[test]
    fn random_bodies_in_a_proper_frame_never_crash_the_decoder(
        body in proptest::collection::vec(any::<u8>(), 0..300),
        claimed in proptest::option::of(0u32..400),
    ) {
        let length = claimed.unwrap_or(body.len() as u32 + 2);
        let bytes = frame(length, PROTOCOL_VERSION, &body);
        let mut reader = &bytes[..];
        match wire::read::<Request>(&mut reader, REQUEST_LIMIT) {
            Ok(request) => {
                // A frame shorter than the bytes after it, holding a whole
                // request, is read alone: never a byte past it.
                prop_assert!(length as usize <= body.len() + 2, "read past the bytes");
                prop_assert_eq!(
                    bytes.len() - reader.len(),
                    4 + length as usize,
                    "read more or less than the frame"
                );
                assert_consistent(&request);
            }
            Err(FrameError::Truncated) => {
                prop_assert!(length < 2 || length as usize > body.len() + 2);
            }
            Err(FrameError::Invalid(_)) => {}
            Err(e) => prop_assert!(false, "unexpected {e:?}"),
        }
    }

    #[test]
    fn any_request_round_trips(request in request()) {
        let frame = wire::encode(&request).expect("encode");
        let read: Request = wire::read(&mut &frame[..], REQUEST_LIMIT).expect("read");
        prop_assert_eq!(read, request);
    }

    #[test]
    fn damaged_requests_are_refused(
        request in request(),
        extra in proptest::collection::vec(any::<u8>(), 1..20),
        version in any::<u16>(),
        cut in any::<prop::sample::Index>(),
    ) {
        let frame = wire::encode(&request).expect("encode");
        // Trailing bytes inside the frame.
        let body = [&frame[6..], &extra[..]].concat();
        let longer = self::frame(body.len() as u32 + 2, PROTOCOL_VERSION, &body);
        prop_assert!(matches!(
            wire::read::<Request>(&mut &longer[..], REQUEST_LIMIT),
            Err(FrameError::Invalid(_))
        ));
        // Another protocol version.
        if version != PROTOCOL_VERSION {
            let other = self::frame(frame.len() as u32 - 4, version, &frame[6..]);
            prop_assert!(matches!(
                wire::read::<Request>(&mut &other[..], REQUEST_LIMIT),
                Err(FrameError::Version(v)) if v == version
            ));
        }
        // The body cut short, with the length saying so.
        let cut = cut.index(frame.len() - 6);
        let short = self::frame(cut as u32 + 2, PROTOCOL_VERSION, &frame[6..6 + cut]);
        prop_assert!(matches!(
            wire::read::<Request>(&mut &short[..], REQUEST_LIMIT),
            Err(FrameError::Invalid(_))
        ));
    }
}

// ------------------------------------------------- concurrent edits keep everyone's work

fn progress_of(store: &Store, key: &TaskKey) -> u8 {
    store
        .export()
        .tasks
        .iter()
        .find(|(k, _)| k == key)
        .map_or(0, |(_, state)| state.progress)
}

/// Three screens on one task at 0%, each pressing `+` twice at the same
/// moment: the owner adds every step to what it holds, so all six count.
#[test]
fn three_screens_pressing_plus_twice_at_once_lose_no_step() {
    let store = Store::new();
    let key = parse_key("1.a.1");
    let (_owner, keeper) = store.spawn_owner("keeper");
    let start = std::sync::Barrier::new(3);
    thread::scope(|scope| {
        for i in 0..3 {
            let (store, key, start) = (&store, &key, &start);
            scope.spawn(move || {
                let mut app = store.app(&format!("board{i}"), "clerk");
                start.wait();
                for _ in 0..2 {
                    app.edit_task(key, &[Edit::ProgressStep(10)], None)
                        .expect("a step is never refused");
                }
            });
        }
    });
    assert_eq!(progress_of(&store, &key), 60);
    drop(keeper);
}

/// The owner keeps the snapshot it last sent for the next screen that
/// opens; one opening after an edit still finds the edit in it.
#[test]
fn a_screen_opening_after_an_edit_finds_it() {
    let store = Store::new();
    let key = parse_key("1.a.1");
    let (_owner, keeper) = store.spawn_owner("keeper");
    let mut first = store.app("first", "clerk");
    let second = store.app("second", "clerk");
    first
        .edit_task(&key, &[Edit::ProgressStep(10)], None)
        .expect("saved");
    let third = store.app("third", "clerk");
    let progress = |app: &cchc::app::App| app.view(&key).expect("in the plan").state.progress;
    assert_eq!(progress(&second), 0, "opened before the edit");
    assert_eq!(progress(&third), 10, "opened after the edit");
    drop(keeper);
}

/// A screen opens on the plan's compact index: the texts it shows are read
/// at once, every other one on another connection before it handles a key,
/// and an edit pushed meanwhile is kept. Afterwards it holds what a whole
/// load holds.
#[test]
fn a_screen_opens_on_the_index_and_reads_the_texts_after() {
    let store = Store::new();
    let key = parse_key("1.a.1");
    let (_owner, keeper) = store.spawn_owner("keeper");
    let mut whole = store.app("whole", "clerk");
    let clock = cchc::app::Clock::from_env().expect("a clock");
    let mut screen =
        cchc::app::App::open_shared_index(Box::new(store.connect("tui")), clock, "clerk".into())
            .expect("open on the index");
    assert!(!screen.holds_texts());
    let title =
        |app: &cchc::app::App, id: &str| app.plan().task(id).expect("in the plan").title.clone();
    assert_eq!(title(&screen, "1.a.1"), "");
    assert_eq!(
        screen.view(&key).expect("a row").due,
        whole.view(&key).expect("a row").due
    );

    screen.read_texts(["1.a.1"]).expect("read one");
    assert_eq!(title(&screen, "1.a.1"), title(&whole, "1.a.1"));
    assert_eq!(title(&screen, "1.a.2"), "", "only what was asked");
    assert!(
        screen.period_report().is_err(),
        "no report while titles are missing"
    );

    screen.read_texts_in_background();
    whole
        .edit_task(&key, &[Edit::ProgressStep(10)], None)
        .expect("saved");
    assert!(screen.take_texts(true).expect("every text"));
    assert!(screen.holds_texts());
    assert!(screen.period_report().is_ok());
    assert_eq!(
        screen.plan().stored_catalog(),
        whole.plan().stored_catalog()
    );
    wait_until("the edit pushed to the screen", || {
        screen.sync().expect("sync");
        (screen.view(&key).expect("a row").state.progress == 10).then_some(())
    });
    drop(keeper);
}

/// A clerk's undo after a colleague's newer edit of the same field is
/// refused, naming who changed it; the colleague's value stays.
#[test]
fn an_undo_never_overwrites_a_colleagues_newer_edit() {
    let store = Store::new();
    let key = parse_key("1.a.1");
    let mut board = store.app("board", "clerk");
    board
        .edit_task(&key, &[Edit::Progress(30)], None)
        .expect("30%");
    let mine = board
        .edit_task(&key, &[Edit::Progress(40)], None)
        .expect("40%");
    let mut other = store.app("other", "colleague");
    other
        .edit_task(&key, &[Edit::Progress(70)], None)
        .expect("70%");
    let refused = board.revert(&key, &mine, "hoàn tác");
    match refused {
        Err(AppError::Input(cchc::domain::InputError::Conflict { who, .. })) => {
            assert_eq!(who, os_user(), "names the account that changed it")
        }
        other => panic!("the undo must be refused as overtaken: {other:?}"),
    }
    assert_eq!(progress_of(&store, &key), 70);
}

/// An edit made against a value someone has changed since is refused, not
/// written over the newer value; once the screen has the new value it goes.
#[test]
fn an_edit_against_a_value_changed_since_is_refused() {
    let store = Store::new();
    let key = parse_key("1.a.1");
    let (_owner, keeper) = store.spawn_owner("keeper");
    let raw = store.connect("raw");
    let stale = cchc::app::operation::Seen {
        status: cchc::domain::Status::NotStarted,
        progress: 0,
        due: None,
        lead: "VP".into(),
        completed_on: None,
    };
    raw.perform(&Operation::EditTask {
        key: key.clone(),
        edits: vec![Edit::Progress(70)],
        reason: None,
        seen: None,
    })
    .expect("70%");
    let refused = raw.perform(&Operation::EditTask {
        key: key.clone(),
        edits: vec![Edit::Progress(50)],
        reason: None,
        seen: Some(stale),
    });
    assert!(
        matches!(
            refused,
            Err(AppError::Input(cchc::domain::InputError::Conflict { .. }))
        ),
        "{refused:?}"
    );
    assert_eq!(progress_of(&store, &key), 70);
    drop(keeper);
}

// ------------------------------------------- the owner checks what it is asked to write

/// Over the socket a client asks for what the command line refuses: raw
/// escapes, a 3 MB note, a date in year 262000, progress 255, a lead that is
/// not a unit, an occurrence the plan does not have, work done tomorrow or
/// before the plan or not done at all, an undo of another task's change.
/// Each is refused with the command line's error, and nothing is written.
#[test]
fn the_owner_refuses_what_the_command_line_refuses() {
    let store = Store::new();
    let key = parse_key("1.a.1");
    let (_owner, raw) = store.spawn_owner("raw");
    let other_entry = raw
        .perform(&note("ghi chú của việc khác", &parse_key("1.a.2")))
        .expect("a note on another task")
        .commit
        .history[0]
        .seq;
    let before = store.export();
    let edit = |edits: Vec<Edit>| Operation::EditTask {
        key: key.clone(),
        edits,
        reason: None,
        seen: None,
    };
    let far = chrono::NaiveDate::from_ymd_opt(262000, 1, 1).expect("a far date");
    let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).expect("a real date");
    let hostile = [
        edit(vec![Edit::Note("đỏ \u{1b}[31m".into())]),
        edit(vec![Edit::Note("x".repeat(3 << 20))]),
        edit(vec![Edit::Due(far)]),
        edit(vec![Edit::Progress(255)]),
        edit(vec![Edit::Lead("KHÔNG-CÓ".into())]),
        // Done tomorrow, before the plan, or on work that is not done.
        edit(vec![
            Edit::Status(Status::Done),
            Edit::DoneOn(day(2026, 11, 27)),
        ]),
        edit(vec![
            Edit::Status(Status::Done),
            Edit::DoneOn(day(2026, 4, 14)),
        ]),
        edit(vec![Edit::DoneOn(day(2026, 10, 1))]),
        Operation::EditTask {
            key: TaskKey {
                task: "0.3".into(),
                occurrence: Occurrence::Year(99999),
            },
            edits: vec![Edit::Progress(10)],
            reason: None,
            seen: None,
        },
        Operation::Revert {
            key: key.clone(),
            seqs: vec![other_entry],
            reason: "giả mạo".into(),
        },
        Operation::Revert {
            key: key.clone(),
            seqs: vec![u64::MAX],
            reason: "giả mạo".into(),
        },
    ];
    for op in hostile {
        let refused = raw.perform(&op);
        assert!(
            matches!(refused, Err(AppError::Input(_))),
            "refused as bad input: {refused:?}"
        );
    }
    assert_eq!(store.export(), before, "nothing was written");
}

/// `cchc set` through a running owner sends the task as typed: the owner
/// resolves the id and the unit as the command line would, refuses what it
/// would refuse with the same words and exit code, and `--read-only` writes
/// nothing.
#[test]
fn set_through_an_owner_is_resolved_and_checked_by_the_owner() {
    let store = Store::new();
    let (owner, keeper) = store.spawn_owner("keeper");
    let saved = store.ok(&["set", "0.3", "--lead", "vhxh", "--progress", "30"]);
    assert!(saved.contains("0.3@2026"), "names the occurrence: {saved}");
    let unknown = store.run(&["set", "9.z", "--progress", "30"]);
    assert_eq!(unknown.code, Some(2), "{unknown:#?}");
    assert!(unknown.err.contains("Không có nhiệm vụ"), "{unknown:#?}");
    let unit = store.run(&["set", "0.3", "--lead", "KHÔNG-CÓ"]);
    assert_eq!(unit.code, Some(2), "{unit:#?}");
    assert!(unit.err.contains("Không có đơn vị"), "{unit:#?}");
    let read_only = store.run(&["--read-only", "set", "0.3", "--progress", "90"]);
    assert_ne!(read_only.code, Some(0), "{read_only:#?}");
    let log = store.log();
    assert_eq!(
        log.len(),
        2,
        "progress and status of the one saved edit: {log:#?}"
    );
    assert_eq!(store.owner_pid(), owner, "all through the one owner");
    drop(keeper);
}

/// A command that only reads is run by a running owner on what it holds, and
/// prints exactly what the same
/// command prints on the store opened directly, in either language, with the
/// client's "today"; an error comes back with its words and exit code.
#[test]
fn reads_through_an_owner_print_what_a_direct_read_prints() {
    let store = Store::new();
    store.ok(&["set", "0.3", "--progress", "30", "--note", "đã họp"]);
    let reads: [&[&str]; 6] = [
        &["list", "--overdue"],
        &["show", "0.3"],
        &["log", "--format", "json"],
        &["--lang", "en", "risks"],
        &["targets"],
        &["meeting", "list"],
    ];
    let direct: Vec<String> = reads.iter().map(|args| store.ok(args)).collect();
    let (_owner, keeper) = store.spawn_owner("keeper");
    for (args, expected) in reads.iter().zip(&direct) {
        assert_eq!(&store.ok(args), expected, "cchc {args:?} through the owner");
    }
    let unknown = store.run(&["show", "9.z"]);
    assert_eq!(unknown.code, Some(2), "{unknown:#?}");
    assert!(unknown.err.contains("Không có nhiệm vụ"), "{unknown:#?}");
    let later = process::output(store.command().env("CCHC_TODAY", "2028-01-15").args([
        "list",
        "--overdue",
        "--format",
        "tsv",
    ]));
    assert_eq!(later.code, Some(0));
    assert!(
        later.out.lines().count() > direct[0].lines().count(),
        "the client's today, not the owner's, decides what is overdue"
    );
    drop(keeper);
}

/// A command the owner does not answer itself reads the whole plan through
/// it: a report written while a screen is open once had every task's title
/// empty, the screen's compact index having no texts.
#[test]
fn commands_run_beside_an_owner_see_the_whole_plan() {
    let store = Store::new();
    store.ok(&["set", "0.3", "--progress", "30", "--note", "đã họp"]);
    // Part II's moved deadlines come from the history, read through the
    // owner on a connection of its own.
    store.ok(&[
        "set",
        "0.3",
        "--due",
        "30/12/2026",
        "--reason",
        "chờ kinh phí",
    ]);
    let report = |name: &str| {
        let path = store.dir().join(name);
        let path_text = path.to_string_lossy().into_owned();
        store.ok(&[
            "report", "--period", "2026", "--format", "md", "--out", &path_text,
        ]);
        std::fs::read_to_string(&path).unwrap()
    };
    let direct = report("direct.md");
    let export = store.ok(&["export"]);
    let (_owner, keeper) = store.spawn_owner("keeper");
    assert_eq!(report("shared.md"), direct, "the report through the owner");
    assert_eq!(
        store.ok(&["export"]),
        export,
        "the export through the owner"
    );
    assert!(direct.contains("Xây dựng kế hoạch triển khai"), "{direct}");
    assert!(direct.contains("lý do: chờ kinh phí"), "{direct}");
    drop(keeper);
}

/// A client asking the owner to run something that is not a read, or sending
/// garbage, is refused with a reason, and the owner serves on: it never
/// writes, prints help or exits on a client's arguments.
#[test]
fn the_owner_runs_only_reads_for_a_client() {
    let store = Store::new();
    let (owner, raw) = store.spawn_owner("raw");
    let before = store.export();
    let asked = |args: &[&str]| {
        serde_json::json!({
            "args": args,
            "english": false,
            "now": "2026-11-26T09:00:00+07:00",
            "today": "2026-11-26",
            "periods": {},
            "risks": {},
        })
        .to_string()
        .into_bytes()
    };
    for payload in [
        asked(&["cchc", "set", "0.3", "--progress", "90"]),
        asked(&["cchc", "import", "/etc/passwd"]),
        asked(&["cchc", "--help"]),
        asked(&["cchc", "serve"]),
        b"not json".to_vec(),
    ] {
        let answer = raw.read(payload).expect("an answer");
        assert!(answer.error.is_some(), "refused: {answer:?}");
        assert!(answer.out.is_empty(), "{answer:?}");
    }
    let listed = raw
        .read(asked(&["cchc", "list", "--format", "tsv"]))
        .expect("an answer");
    assert_eq!(listed.error, None);
    assert!(listed.out.contains("0.3@2026"));
    assert_eq!(store.export(), before, "nothing was written");
    assert_eq!(store.owner_pid(), owner, "the same owner serves on");
}
