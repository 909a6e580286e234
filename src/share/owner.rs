//! The owner: the one process that holds a store open and serves every other
//! `cchc` on it over a Unix-domain socket in the data folder. One thread
//! applies requests in arrival order and alone touches the store; each
//! connection has a reader thread and a writer thread with a bounded outbox,
//! so a client that stalls, sends garbage or says nothing costs its own
//! threads and nothing else. It stops by itself once no client has been
//! connected for the idle time.

use std::collections::BTreeMap;
use std::os::unix::fs::PermissionsExt;
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, SyncSender, TrySendError};
use std::thread;
use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset, Local};

use super::connection::{self, LargePermit};
use super::peer::Peer;
use super::protocol::{
    ClientStatus, OwnerStatus, ReadAnswer, Refusal, Reply, Request, SnapshotReply,
};
use super::{Settings, socket_path};
use crate::app::{App, AppError, Clock, Operation};
use crate::domain::Catalog;
use crate::store::backup::Schedule;
use crate::store::wire;
use crate::store::{RequestMark, StoreError};

/// Requests waiting for the owner; beyond this, the connections sending more
/// wait (so a client that floods the owner fills no memory).
const JOB_QUEUE: usize = 4096;
/// Clients beyond this are refused.
const MAX_CLIENTS: usize = 128;
/// How long a starting owner waits for the store's lock (another `cchc`
/// command may hold it for a moment).
const LOCK_WAIT: Duration = Duration::from_secs(15);
/// How long a new owner waits for its first client, whatever the idle time.
const START_GRACE: Duration = Duration::from_secs(10);
/// Request records of clients silent for this long are forgotten at start.
const FORGET_REQUESTS_AFTER_DAYS: i64 = 30;

#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    App(#[from] AppError),
    #[error("CCHC_TODAY={0} is not a date")]
    BadToday(String),
    #[error("{path}: {detail}")]
    Socket { path: PathBuf, detail: String },
}

/// How `serve` ended.
#[derive(Debug, PartialEq, Eq)]
pub enum Served {
    /// Idle for the set time with no client: stopped.
    Idle,
    /// Another owner answers on the socket already.
    AlreadyRunning,
}

/// Runs a command that only reads on the owner's application, for a client:
/// given by the command line, which knows the commands.
pub type Reader = Box<dyn FnMut(&mut App, &[u8]) -> ReadAnswer>;

/// Becomes the owner of the store in `dir` and serves until idle.
pub fn serve(
    dir: &Path,
    settings: &Settings,
    seed: &Catalog,
    reader: Reader,
) -> Result<Served, ServeError> {
    let holder = format!(
        "pid {}, {}, cchc owner",
        std::process::id(),
        crate::app::actor::os_user()
    );
    let Some(store) = super::open_unless_owned(dir, seed, &holder, LOCK_WAIT)? else {
        return Ok(Served::AlreadyRunning);
    };
    let forget_before = Local::now().timestamp() - FORGET_REQUESTS_AFTER_DAYS * 86_400;
    store.forget_requests_before(forget_before)?;
    let clock = Clock::from_env().map_err(|e| ServeError::BadToday(e.0))?;
    // The history is read when first asked for, and the plan's texts when a
    // request needs them: a screen that started us opens on the index.
    let app = App::open_index(Box::new(store), clock, "owner".into())?;
    let listener = bind(dir, settings)?;
    let (jobs, inbox) = mpsc::sync_channel(JOB_QUEUE);
    let acceptor_jobs = jobs.clone();
    thread::spawn(move || connection::accept(listener, acceptor_jobs));
    let mut owner = Owner {
        app,
        reader,
        dir: dir.to_path_buf(),
        clients: BTreeMap::new(),
        started: Local::now().fixed_offset(),
        idle: settings.idle(),
        jobs,
        backups: Schedule::default(),
        writing_backup: None,
        snapshots: Snapshots::default(),
    };
    owner.run(&inbox);
    owner.stop();
    Ok(Served::Idle)
}

/// True for a request answered from every task's text, which the owner then
/// reads first: all but a screen opening (its index, the texts it shows) and
/// those that read no plan.
fn needs_texts(request: &Request) -> bool {
    !matches!(
        request,
        Request::Hello { .. }
            | Request::LoadIndex
            | Request::Texts { ids: Some(_) }
            | Request::Status
    )
}

/// Binds the socket; any file left at its path is stale, since the store's
/// lock is ours.
fn bind(dir: &Path, settings: &Settings) -> Result<UnixListener, ServeError> {
    let path = socket_path(dir);
    let fail = |e: std::io::Error| ServeError::Socket {
        path: path.clone(),
        detail: e.to_string(),
    };
    match std::fs::remove_file(&path) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(fail(e)),
    }
    let listener = UnixListener::bind(&path).map_err(fail)?;
    // The folder's own mode (and its setgid bit) was set when it was
    // prepared; only the socket's is set here.
    std::fs::set_permissions(
        &path,
        std::fs::Permissions::from_mode(settings.socket_mode()),
    )
    .map_err(fail)?;
    Ok(listener)
}

pub(super) enum Job {
    Joined {
        id: u64,
        client: Client,
    },
    Request {
        id: u64,
        request: Request,
        /// Read under the one permit for large requests, given back once
        /// this is answered.
        large: Option<LargePermit>,
    },
    /// A message that could not be read: the client gets an error and is dropped.
    Malformed {
        id: u64,
        detail: String,
    },
    Left {
        id: u64,
    },
}

pub(super) struct Client {
    pub(super) peer: Peer,
    pub(super) client_id: u64,
    pub(super) what: String,
    /// The name the person set in their config file, checked.
    pub(super) name: Option<String>,
    pub(super) since: DateTime<FixedOffset>,
    pub(super) outbox: SyncSender<Arc<Vec<u8>>>,
    /// Answers the client is waiting for (its hello's welcome included).
    pub(super) owed: Arc<AtomicUsize>,
    /// To cut the connection off from this side.
    pub(super) stream: UnixStream,
}

struct Owner {
    app: App,
    reader: Reader,
    dir: PathBuf,
    clients: BTreeMap<u64, Client>,
    started: DateTime<FixedOffset>,
    idle: Duration,
    /// Kept so the inbox never reports every sender gone.
    jobs: SyncSender<Job>,
    /// When to write a backup: the one schedule, shared with the commands.
    backups: Schedule,
    writing_backup: Option<thread::JoinHandle<bool>>,
    snapshots: Snapshots,
}

/// The last snapshots sent, encoded, each with the application's revision
/// it was encoded at.
#[derive(Default)]
struct Snapshots {
    whole: Option<(u64, Arc<Vec<u8>>)>,
    index: Option<(u64, Arc<Vec<u8>>)>,
}

impl Owner {
    fn run(&mut self, inbox: &Receiver<Job>) {
        let mut idle_since = Instant::now();
        // Until a first client has come, the one that started us is on its way.
        let mut idle_limit = self.idle.max(START_GRACE);
        loop {
            match inbox.recv_timeout(Duration::from_millis(250)) {
                Ok(job) => self.handle(job),
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => return,
            }
            if !self.clients.is_empty() {
                idle_since = Instant::now();
                idle_limit = self.idle;
            } else if idle_since.elapsed() >= idle_limit {
                return;
            }
        }
    }

    /// Stops serving: the socket goes first, so no client connects to an owner
    /// that is leaving; then the store is closed, releasing its lock.
    fn stop(mut self) {
        let _ = std::fs::remove_file(socket_path(&self.dir));
        self.finish_backup();
        let now = self.app.clock().now;
        if self.backups.stopping(&self.dir, now) {
            self.backup();
        }
        self.finish_backup();
        drop(self.jobs);
        drop(self.app);
    }

    fn handle(&mut self, job: Job) {
        match job {
            Job::Joined { id, client } => {
                let welcome = Reply::Welcome {
                    owner_pid: std::process::id(),
                };
                if self.clients.len() >= MAX_CLIENTS {
                    let _ = client.stream.shutdown(std::net::Shutdown::Both);
                    return;
                }
                self.clients.insert(id, client);
                self.send(id, &welcome);
                self.answered(id);
            }
            Job::Request { id, request, large } => {
                self.answer(id, request);
                self.answered(id);
                drop(large);
            }
            Job::Malformed { id, detail } => {
                self.send(id, &Reply::Error(detail));
                // Its writer sends what is queued, the error last, then ends.
                if let Some(client) = self.clients.remove(&id) {
                    let _ = client.stream.shutdown(std::net::Shutdown::Read);
                }
            }
            Job::Left { id } => self.drop_client(id),
        }
    }

    fn answered(&self, id: u64) {
        if let Some(client) = self.clients.get(&id) {
            client.owed.fetch_sub(1, Ordering::AcqRel);
        }
    }

    fn answer(&mut self, id: u64, request: Request) {
        if needs_texts(&request)
            && let Err(e) = self.app.take_texts(true)
        {
            return self.send(id, &Reply::Error(e.to_string()));
        }
        let reply = match request {
            Request::Hello { .. } => Reply::Error("hello sent twice".into()),
            Request::Load | Request::LoadIndex => {
                let index = matches!(request, Request::LoadIndex);
                return match self.snapshot_frame(index) {
                    Ok(frame) => self.deliver(id, frame),
                    Err(e) => self.send(id, &Reply::Error(e.to_string())),
                };
            }
            Request::Texts { ids: Some(ids) } => match self.app.texts_of(&ids) {
                Ok(texts) => Reply::Texts(texts),
                Err(e) => Reply::Error(e.to_string()),
            },
            Request::Texts { ids: None } => Reply::Texts(self.app.plan().texts(None)),
            Request::History { after } => match self.app.load_history() {
                Ok(history) => {
                    Reply::History(history.iter().filter(|e| e.seq > after).cloned().collect())
                }
                Err(e) => Reply::Error(e.to_string()),
            },
            Request::Perform { request, op } => return self.perform(id, request, op),
            Request::Import { request, dump } => return self.import(id, request, *dump),
            Request::WasWritten { client, request } => match self.app.written_by(client, request) {
                Ok(entries) => Reply::Written(entries),
                Err(e) => Reply::Error(e.to_string()),
            },
            Request::Status => Reply::Status(Box::new(self.status(id))),
            Request::Read { payload } => Reply::Read((self.reader)(&mut self.app, &payload)),
        };
        self.send(id, &reply);
    }

    /// Applies one client's operation as that client's user, writes it
    /// durably, answers the client, then pushes the change to everyone else.
    fn perform(&mut self, id: u64, request: u64, op: Operation) {
        let Some(client) = self.clients.get(&id) else {
            return;
        };
        let who = crate::domain::Author::with_name(client.peer.actor(), client.name.as_deref());
        let mark = RequestMark {
            client: client.client_id,
            request,
        };
        if let Ok(clock) = Clock::from_env() {
            self.app.set_clock(clock);
        }
        let written = self.app.prepare(&op, &who).and_then(|mut commit| {
            commit.request = Some(mark);
            self.app.write(commit)
        });
        match written {
            Ok(commit) => {
                let changed = !commit.is_empty();
                let push = changed.then(|| Reply::Committed(Box::new(commit.clone())));
                self.send(
                    id,
                    &Reply::Done {
                        request,
                        commit: Box::new(commit),
                    },
                );
                if let Some(push) = push {
                    self.broadcast(id, &push);
                    let now = self.app.clock().now;
                    if self.backups.edited(&self.dir, now) {
                        self.backup();
                    }
                }
            }
            Err(e) => self.send(
                id,
                &Reply::Refused {
                    request,
                    reason: Refusal::from(e),
                },
            ),
        }
    }

    /// Copies the state on this thread (a fraction of a second for the
    /// largest stores) and writes the JSON on another, so that clients are
    /// not kept waiting while a large store is written out.
    fn backup(&mut self) {
        self.finish_backup();
        if self.app.take_texts(true).is_err() {
            return;
        }
        let Ok(dump) = self.app.dump_held() else {
            return;
        };
        let (dir, now) = (self.dir.clone(), self.app.clock().now);
        self.backups.writing();
        self.writing_backup = Some(thread::spawn(move || {
            crate::app::write_backup(&dir, &dump, now).is_ok()
        }));
    }

    /// Waits for a backup being written; one that failed leaves the edits
    /// to be backed up on stopping.
    fn finish_backup(&mut self) {
        if let Some(writing) = self.writing_backup.take()
            && !writing.join().unwrap_or(false)
        {
            self.backups.failed();
        }
    }

    fn import(&mut self, id: u64, request: u64, dump: crate::store::Dump) {
        match self
            .app
            .import(dump)
            .and_then(|()| self.app.load_history().map(drop))
        {
            Ok(()) => {
                self.backups.changed();
                self.send(id, &Reply::Imported { request });
                self.broadcast(id, &Reply::Reload);
            }
            Err(e) => self.send(
                id,
                &Reply::Refused {
                    request,
                    reason: Refusal::from(e),
                },
            ),
        }
    }

    /// The owner and every client but the one asking.
    fn status(&self, asking: u64) -> OwnerStatus {
        OwnerStatus {
            pid: std::process::id(),
            user: crate::app::actor::os_user(),
            started: self.started,
            store: self.app.store_location(),
            last_seq: self.app.last_seq().unwrap_or(0),
            clients: self
                .clients
                .iter()
                .filter(|&(&id, _)| id != asking)
                .map(|(_, c)| ClientStatus {
                    pid: c.peer.pid,
                    user: c.peer.user.clone(),
                    what: c.what.clone(),
                    since: c.since,
                })
                .collect(),
        }
    }

    fn send(&mut self, id: u64, reply: &Reply) {
        match wire::encode(reply) {
            Ok(frame) => self.deliver(id, Arc::new(frame)),
            Err(e) => {
                let error = Reply::Error(e.to_string());
                if let Ok(frame) = wire::encode(&error) {
                    self.deliver(id, Arc::new(frame));
                }
            }
        }
    }

    /// Sends `reply` to every client but `except`, encoded once.
    fn broadcast(&mut self, except: u64, reply: &Reply) {
        let Ok(frame) = wire::encode(reply) else {
            return;
        };
        let frame = Arc::new(frame);
        let others: Vec<u64> = self
            .clients
            .keys()
            .copied()
            .filter(|&c| c != except)
            .collect();
        for id in others {
            self.deliver(id, Arc::clone(&frame));
        }
    }

    /// The snapshot as one message, whole or index, encoded once for
    /// every client that asks while nothing changes: several screens opening,
    /// or one opening again, do not each wait for the whole state to be
    /// encoded.
    fn snapshot_frame(&mut self, index: bool) -> Result<Arc<Vec<u8>>, wire::FrameError> {
        let revision = self.app.revision();
        let cached = if index {
            &mut self.snapshots.index
        } else {
            &mut self.snapshots.whole
        };
        if let Some((encoded_at, frame)) = cached.as_ref()
            && *encoded_at == revision
        {
            return Ok(Arc::clone(frame));
        }
        // The old one goes first: two copies of a large state are not held.
        *cached = None;
        let frame = Arc::new(if index {
            wire::encode_large(&SnapshotReply(self.app.index_snapshot_ref()))?
        } else {
            wire::encode_large(&SnapshotReply(self.app.snapshot_ref()))?
        });
        *cached = Some((revision, Arc::clone(&frame)));
        Ok(frame)
    }

    fn deliver(&mut self, id: u64, frame: Arc<Vec<u8>>) {
        let Some(client) = self.clients.get(&id) else {
            return;
        };
        match client.outbox.try_send(frame) {
            Ok(()) => {}
            // A client that does not read its messages is dropped; it will
            // reconnect and read everything again.
            Err(TrySendError::Full(_) | TrySendError::Disconnected(_)) => self.drop_client(id),
        }
    }

    fn drop_client(&mut self, id: u64) {
        if let Some(client) = self.clients.remove(&id) {
            let _ = client.stream.shutdown(std::net::Shutdown::Both);
        }
    }
}
