//! An owner process on a store of the test's own: the store and config
//! folders, a wrapper that runs `cchc` with the test's environment, the
//! owners a test spawns (killed when it ends), and raw frames for tests that
//! talk to the socket themselves.

use std::io::{ErrorKind, Read};
use std::os::unix::fs::PermissionsExt;
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Mutex;
use std::thread;
use std::time::{Duration, Instant};

use cchc::app::{App, Clock, Operation};
use cchc::domain::{Edit, Occurrence, TaskKey};
use cchc::share::protocol::{OwnerStatus, REPLY_LIMIT, Reply, Request};
use cchc::share::{Client, Connect, owner_status, socket_path};
use cchc::store::Dump;
use cchc::store::wire::{self, FrameError};
use serde_json::Value as Json;
use tempfile::TempDir;

use super::{Output, TODAY};

pub const CONFIG: &str = "[share]\nidle_seconds = 2\n";
/// How long anything may take (generous for a loaded 2-core machine).
pub const TIMEOUT: Duration = Duration::from_secs(30);
pub const POLL: Duration = Duration::from_millis(25);

/// A store, a config folder, and the owners started on it.
pub struct Store {
    pub data: TempDir,
    pub config: TempDir,
    /// Runs `cchc` with this test's environment: what clients start owners with.
    pub program: PathBuf,
    /// Owners this test spawned itself.
    pub children: Mutex<Vec<Child>>,
}

impl Store {
    pub fn new() -> Store {
        Store::with_config(CONFIG)
    }

    pub fn with_config(config_toml: &str) -> Store {
        let data = tempfile::tempdir().expect("temporary data folder");
        let config = tempfile::tempdir().expect("temporary config folder");
        std::fs::write(config.path().join("config.toml"), config_toml).expect("write config.toml");
        let program = config.path().join("cchc-test.sh");
        let script = format!(
            "#!/bin/sh\nunset CCHC_LANG SSH_CONNECTION\nCCHC_CONFIG_DIR='{}' CCHC_TODAY={TODAY} exec '{}' \"$@\"\n",
            config.path().display(),
            env!("CARGO_BIN_EXE_cchc"),
        );
        std::fs::write(&program, script).expect("write the wrapper script");
        std::fs::set_permissions(&program, std::fs::Permissions::from_mode(0o755))
            .expect("make the wrapper executable");
        let store = Store {
            data,
            config,
            program,
            children: Mutex::new(Vec::new()),
        };
        store.check_program();
        store
    }

    /// Runs the wrapper once: it works, and no other thread's fork still
    /// holds the file open for writing (which would make a later exec fail
    /// with "text file busy").
    pub fn check_program(&self) {
        let start = Instant::now();
        loop {
            match Command::new(&self.program)
                .arg("--version")
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
            {
                Ok(status) => {
                    assert!(status.success(), "the wrapper script fails: {status:?}");
                    return;
                }
                Err(e)
                    if e.kind() == ErrorKind::ExecutableFileBusy && start.elapsed() < TIMEOUT =>
                {
                    thread::sleep(POLL);
                }
                Err(e) => panic!("cannot run the wrapper script: {e}"),
            }
        }
    }

    pub fn dir(&self) -> &Path {
        self.data.path()
    }

    pub fn socket(&self) -> PathBuf {
        socket_path(self.dir())
    }

    /// The binary for a one-shot subcommand on this store.
    pub fn command(&self) -> Command {
        super::command(self.dir(), self.config.path())
    }

    /// Runs a subcommand to completion.
    pub fn run(&self, args: &[&str]) -> Output {
        super::output(self.command().args(args))
    }

    /// Runs a subcommand that must succeed.
    pub fn ok(&self, args: &[&str]) -> String {
        let output = self.run(args);
        assert_eq!(output.code, Some(0), "cchc {args:?} failed: {output:#?}");
        output.out
    }

    pub fn json(&self, args: &[&str]) -> Json {
        let out = self.ok(args);
        serde_json::from_str(&out)
            .unwrap_or_else(|e| panic!("cchc {args:?} did not print JSON ({e}): {out}"))
    }

    /// How a client of this test reaches the owner, starting one (through the
    /// wrapper) when none answers.
    pub fn connect_options(&self, what: &str) -> Connect {
        Connect {
            what: what.into(),
            program: Some(self.program.clone()),
            wait: TIMEOUT,
        }
    }

    pub fn connect(&self, what: &str) -> Client {
        Client::connect(self.dir(), self.connect_options(what))
            .unwrap_or_else(|e| panic!("client {what} cannot connect: {e}"))
    }

    /// An application on the store, through its owner, that says it is
    /// `who` (the owner takes no notice).
    pub fn app(&self, what: &str, who: &str) -> App {
        let clock = Clock::from_env().expect("a clock");
        App::open_shared(Box::new(self.connect(what)), clock, who.into())
            .unwrap_or_else(|e| panic!("cannot open the shared store: {e}"))
    }

    /// Starts `cchc serve` as a child of the test and connects to it as
    /// `what`: an owner with no client stops once idle, and connections that
    /// never say hello do not count. Returns the owner's pid and the client,
    /// which never starts an owner itself.
    pub fn spawn_owner(&self, what: &str) -> (u32, Client) {
        let log = std::fs::File::create(self.config.path().join("serve.log")).expect("a log");
        let child = self
            .command()
            .arg("--data-dir")
            .arg(self.dir())
            .arg("serve")
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .expect("spawn cchc serve");
        let pid = child.id();
        self.children.lock().unwrap().push(child);
        let connect = Connect {
            what: what.into(),
            program: None,
            wait: TIMEOUT,
        };
        let client = Client::connect(self.dir(), connect).unwrap_or_else(|e| {
            panic!(
                "the spawned owner does not answer: {e}; its log:\n{}",
                self.serve_log()
            )
        });
        let status = client.status().expect("the owner's status");
        assert_eq!(status.pid, pid, "the spawned owner answers");
        (pid, client)
    }

    /// Whether an owner this test spawned has exited, and how.
    pub fn spawned_exit(&self, pid: u32) -> Option<std::process::ExitStatus> {
        let mut children = self.children.lock().unwrap();
        let child = children
            .iter_mut()
            .find(|c| c.id() == pid)
            .expect("an owner this test spawned");
        child.try_wait().expect("look at the owner")
    }

    pub fn kill_spawned(&self, pid: u32) {
        let mut children = self.children.lock().unwrap();
        let child = children
            .iter_mut()
            .find(|c| c.id() == pid)
            .expect("an owner this test spawned");
        child.kill().expect("kill -9 the owner");
        child.wait().expect("reap the owner");
    }

    /// What the owner says of itself, if one answers.
    pub fn owner(&self) -> Option<OwnerStatus> {
        owner_status(self.dir()).ok().flatten()
    }

    pub fn owner_pid(&self) -> u32 {
        wait_until("an owner to answer", || self.owner()).pid
    }

    pub fn serve_log(&self) -> String {
        std::fs::read_to_string(self.config.path().join("serve.log")).unwrap_or_default()
    }

    /// The keys of the first `n` tasks of `cchc list`.
    pub fn task_keys(&self, n: usize) -> Vec<TaskKey> {
        let list = self.ok(&["list", "--format", "tsv"]);
        let keys: Vec<TaskKey> = list
            .lines()
            .skip(1)
            .take(n)
            .map(|line| parse_key(line.split('\t').next().expect("an id column")))
            .collect();
        assert_eq!(keys.len(), n, "not enough tasks in:\n{list}");
        keys
    }

    /// The whole history, as `cchc log --format json` prints it.
    pub fn log(&self) -> Vec<Json> {
        match self.json(&["log", "--format", "json"]) {
            Json::Array(entries) => entries,
            other => panic!("the log is not an array: {other:#}"),
        }
    }

    pub fn export(&self) -> Dump {
        let out = self.ok(&["export"]);
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("cchc export is not a dump: {e}"))
    }
}

impl Drop for Store {
    /// Leaves no owner behind, even when a test fails half-way.
    fn drop(&mut self) {
        for child in self.children.get_mut().unwrap().iter_mut() {
            let _ = child.kill();
            let _ = child.wait();
        }
        if let Some(status) = self.owner() {
            kill(status.pid);
        }
    }
}

/// `0.3@2026` as `cchc list` prints it.
pub fn parse_key(id: &str) -> TaskKey {
    let (task, occurrence) = TaskKey::parse(id).unwrap_or_else(|| panic!("a task key: {id}"));
    TaskKey {
        task,
        occurrence: occurrence.unwrap_or(Occurrence::Single),
    }
}

pub fn note(text: &str, key: &TaskKey) -> Operation {
    Operation::EditTask {
        key: key.clone(),
        edits: vec![Edit::Note(text.into())],
        reason: None,
        seen: None,
    }
}

/// Polls `check` until it gives something, failing after [`TIMEOUT`].
pub fn wait_until<T>(what: &str, mut check: impl FnMut() -> Option<T>) -> T {
    let start = Instant::now();
    loop {
        if let Some(found) = check() {
            return found;
        }
        assert!(start.elapsed() < TIMEOUT, "timed out waiting for {what}");
        thread::sleep(POLL);
    }
}

pub fn kill(pid: u32) {
    let pid = rustix::process::Pid::from_raw(pid as i32).expect("a pid");
    let _ = rustix::process::kill_process(pid, rustix::process::Signal::KILL);
}

/// The author the owner must record for this test's clients: the OS account
/// the tests run as, never what a client says of itself.
pub fn os_user() -> String {
    // The account from the socket's peer credentials, with the SSH client's
    // address when this test runs in an SSH session, as cchc records it.
    cchc::app::actor::current_actor()
}

/// Reads what the owner sends on `stream` until it closes the connection;
/// fails when it does not within `limit`.
pub fn read_until_closed(stream: &mut UnixStream, limit: Duration) -> Vec<u8> {
    stream
        .set_read_timeout(Some(limit))
        .expect("a read timeout");
    let mut got = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        match stream.read(&mut buf) {
            Ok(0) => return got,
            Ok(n) => got.extend_from_slice(&buf[..n]),
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            // The owner closed with our bytes unread.
            Err(e) if e.kind() == ErrorKind::ConnectionReset => return got,
            Err(e) => panic!("the owner did not close the connection within {limit:?}: {e}"),
        }
    }
}

/// The replies in what the owner sent.
pub fn replies(bytes: &[u8]) -> Vec<Reply> {
    let mut reader = bytes;
    let mut replies = Vec::new();
    loop {
        match wire::read::<Reply>(&mut reader, REPLY_LIMIT) {
            Ok(reply) => replies.push(reply),
            Err(FrameError::Closed) => return replies,
            Err(e) => panic!("the owner sent something unreadable ({e}): {bytes:?}"),
        }
    }
}

pub fn frame(length: u32, version: u16, body: &[u8]) -> Vec<u8> {
    let mut bytes = length.to_le_bytes().to_vec();
    bytes.extend_from_slice(&version.to_le_bytes());
    bytes.extend_from_slice(body);
    bytes
}

pub fn hello_frame(what: &str) -> Vec<u8> {
    wire::encode(&Request::Hello {
        client: 99,
        what: what.into(),
        name: None,
    })
    .expect("encode a hello")
}

/// The most memory the process `pid` has held at once, in bytes.
pub fn high_water(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("/proc status");
    let line = status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .expect("a VmHWM line");
    let kb: u64 = line
        .split_whitespace()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .expect("a size in kB");
    kb * 1024
}
