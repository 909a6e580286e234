//! The owner's socket under attack by a client of the same machine: idle
//! connections by the hundred, huge messages before and after the hello, a
//! flood of requests, and an owner that is stopped. During each, a real
//! `cchc set` is still served (or, with the owner stopped, told so within
//! seconds).

mod process;

use std::io::Write;
use std::os::unix::net::UnixStream;
use std::thread;
use std::time::{Duration, Instant};

use cchc::share::protocol::Request;
use cchc::store::wire::{self, PROTOCOL_VERSION};
use process::owner::*;

/// An edit as the clerk makes it, which must be saved.
fn real_edit(store: &Store, progress: u8) {
    let progress = progress.to_string();
    let set = store.run(&["set", "1.a.1", "--progress", &progress]);
    assert_eq!(set.code, Some(0), "the real edit failed: {set:#?}");
    let shown = store.json(&["show", "1.a.1", "--format", "json"]);
    assert_eq!(
        shown["progress"],
        serde_json::json!(progress.parse::<u8>().unwrap())
    );
}

fn hello(stream: &mut UnixStream, what: &str) {
    stream.write_all(&hello_frame(what)).expect("say hello");
}

/// 300 connections that say hello and then nothing: more than one account
/// may hold, so the ones idle the longest make way for the real edit.
#[test]
fn idle_connections_by_the_hundred_do_not_lock_out_a_real_edit() {
    let store = Store::new();
    let (_owner, _first) = store.spawn_owner("first");
    let idle: Vec<UnixStream> = (0..300)
        .filter_map(|_| {
            let mut stream = UnixStream::connect(store.socket()).ok()?;
            hello(&mut stream, "idle");
            Some(stream)
        })
        .collect();
    assert!(idle.len() >= 250, "the test could open its connections");
    real_edit(&store, 30);
    drop(idle);
}

/// Sixteen connections each start a 63 MiB message, before their hello or
/// after it: refused at its length before the hello, read one at a time
/// after it, so the owner's memory stays far below 16 × 63 MiB.
#[test]
fn huge_messages_before_and_after_the_hello_cost_the_owner_little_memory() {
    let store = Store::new();
    let (owner, _first) = store.spawn_owner("first");
    let before = high_water(owner);
    let huge = 63 << 20;
    let senders: Vec<_> = (0..16)
        .map(|i| {
            let socket = store.socket();
            thread::spawn(move || {
                let Ok(mut stream) = UnixStream::connect(socket) else {
                    return;
                };
                if i % 2 == 1 {
                    hello(&mut stream, "huge");
                }
                let mut message = frame(huge, PROTOCOL_VERSION, &[]);
                message.resize(huge as usize + 6, 0xAB);
                let _ = stream.write_all(&message);
            })
        })
        .collect();
    for sender in senders {
        sender.join().expect("a sender");
    }
    real_edit(&store, 40);
    let grown = high_water(owner).saturating_sub(before);
    assert!(grown < 300 << 20, "the owner grew by {} MiB", grown >> 20);
}

/// One connection pipelines thousands of requests without reading a reply:
/// it waits for its own answers, and the real edit is served meanwhile.
#[test]
fn a_flood_of_requests_from_one_client_does_not_starve_an_edit() {
    let store = Store::new();
    let (_owner, _first) = store.spawn_owner("first");
    let socket = store.socket();
    let flood = thread::spawn(move || {
        let Ok(mut stream) = UnixStream::connect(socket) else {
            return;
        };
        hello(&mut stream, "flood");
        let request = wire::encode(&Request::History { after: 0 }).expect("encode");
        for _ in 0..5_000 {
            if stream.write_all(&request).is_err() {
                return;
            }
        }
    });
    real_edit(&store, 50);
    flood.join().expect("the flood");
}

/// An owner stopped with SIGSTOP accepts connections (the kernel does) but
/// answers nothing. A one-shot command says so within seconds, with a
/// message saying what to do, and writes nothing.
#[test]
fn a_stopped_owner_is_reported_in_seconds() {
    let store = Store::new();
    let (owner, _first) = store.spawn_owner("first");
    let pid = rustix::process::Pid::from_raw(owner as i32).expect("a pid");
    rustix::process::kill_process(pid, rustix::process::Signal::STOP).expect("stop the owner");
    let started = Instant::now();
    let set = store.run(&["set", "1.a.1", "--progress", "60"]);
    let took = started.elapsed();
    rustix::process::kill_process(pid, rustix::process::Signal::CONT).expect("resume the owner");
    assert_eq!(set.code, Some(3), "{set:#?}");
    assert!(set.err.contains("không trả lời"), "{set:#?}");
    assert!(took < Duration::from_secs(20), "gave up after {took:?}");
    let shown = store.json(&["show", "1.a.1", "--format", "json"]);
    assert_eq!(shown["progress"], serde_json::json!(0));
}
