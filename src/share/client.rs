//! The client side: finds the store's owner (starting one in the background
//! when none answers), sends requests, collects what the owner pushes, and
//! after a lost connection reconnects by itself and finds out whether the
//! request in flight was written.

use std::cell::{Ref, RefCell};
use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::io::{BufReader, Write};
use std::os::fd::AsFd;
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::protocol::{OwnerStatus, REPLY_LIMIT, REQUEST_LIMIT, ReadAnswer, Reply, Request};
use super::reach::open;
use super::socket_path;
use crate::app::link::{Coming, Owner, Performed, TextsComing, Update};
use crate::app::{AppError, Operation, ShareError};
use crate::domain::HistoryEntry;
use crate::domain::catalog::TaskText;
use crate::store::wire::{self, FrameError, PROTOCOL_VERSION};
use crate::store::{Commit, Dump, Snapshot};

/// How long the owner may say nothing while it owes an answer. A working
/// owner says it is alive every second until it answers (an import of a
/// large plan takes longer than this); one that is stopped or hung says
/// nothing, and the client stops waiting.
pub(super) const OWNER_SILENT: Duration = Duration::from_secs(3);
/// How long a starting owner may take to answer (it may wait for the lock and
/// then load a large store).
const START_TIMEOUT: Duration = Duration::from_secs(30);
/// Between attempts to reach an owner after one was lost.
const RETRY_EVERY: Duration = Duration::from_secs(3);
/// How long a later attempt waits for an owner, so a screen stays responsive.
const RETRY_WAIT: Duration = Duration::from_millis(500);

/// How to reach the owner.
#[derive(Debug, Clone)]
pub struct Connect {
    /// What this process is, for `cchc status` ("tui", "present", "set").
    pub what: String,
    /// The `cchc` program to start an owner with when none answers; `None`
    /// only waits for one.
    pub program: Option<PathBuf>,
    /// How long to wait for an owner to answer.
    pub wait: Duration,
}

impl Connect {
    /// Starts an owner with this very program when none answers.
    pub fn starting_owner(what: &str) -> Connect {
        Connect {
            what: what.to_string(),
            program: std::env::current_exe().ok(),
            wait: START_TIMEOUT,
        }
    }
}

pub struct Client {
    dir: PathBuf,
    connect: Connect,
    /// This process, across reconnections.
    id: u64,
    link: RefCell<Connection>,
}

struct Connection {
    stream: Option<BufReader<UnixStream>>,
    /// What arrived while waiting for an answer, in order.
    pending: Vec<Update>,
    next_request: u64,
    /// When the connection is down: when to try again.
    retry_at: Instant,
    /// The application was told the owner is lost (and not yet that it is back).
    told_lost: bool,
}

/// Why one exchange with the owner failed.
enum Failure {
    /// There was no connection, or it broke before the whole request was
    /// written: the owner cannot have acted on it.
    NotSent,
    /// The connection broke after the request was sent: the owner may or
    /// may not have acted.
    Lost,
    Refused(AppError),
}

impl Client {
    /// `read` over a connection of its own, on another thread; `None` when
    /// that cannot be started.
    fn in_background<T: Send + 'static>(
        &self,
        name: &str,
        read: impl FnOnce(Client) -> Result<T, AppError> + Send + 'static,
    ) -> Option<Coming<T>> {
        let dir = self.dir.clone();
        // The owner has just answered: this connection never starts one and
        // waits little, so that the caller (a screen's keys, a report) is
        // not held up by it; the caller's own connection then reads what
        // this one could not, reconnecting as it always does.
        let connect = Connect {
            program: None,
            wait: RETRY_WAIT,
            ..self.connect.clone()
        };
        let (sender, coming) = std::sync::mpsc::sync_channel(1);
        let reading = move || {
            let read = Client::connect(&dir, connect)
                .map_err(AppError::from)
                .and_then(read);
            let _ = sender.send(read);
        };
        std::thread::Builder::new()
            .name(name.into())
            .spawn(reading)
            .ok()?;
        Some(coming)
    }

    /// Connects to the owner of the store in `dir`, starting one if needed.
    pub fn connect(dir: &Path, connect: Connect) -> Result<Client, ShareError> {
        let dir = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
        let id = process_id();
        let stream = open(&dir, &connect, id)?;
        Ok(Client {
            dir,
            connect,
            id,
            link: RefCell::new(Connection {
                stream: Some(stream),
                pending: Vec::new(),
                next_request: 0,
                retry_at: Instant::now(),
                told_lost: false,
            }),
        })
    }

    /// What the owner says of itself and its clients.
    pub fn status(&self) -> Result<OwnerStatus, AppError> {
        match self.exchange(&Request::Status, |r| matches!(r, Reply::Status(_))) {
            Ok(Reply::Status(status)) => Ok(*status),
            Ok(other) => Err(unexpected(&other)),
            Err(Failure::Refused(e)) => Err(e),
            Err(Failure::Lost | Failure::NotSent) => Err(lost().into()),
        }
    }

    /// Sends `request` and reads until the answer `is_answer` accepts,
    /// keeping pushed changes that arrive first.
    fn exchange(
        &self,
        request: &Request,
        is_answer: impl Fn(&Reply) -> bool,
    ) -> Result<Reply, Failure> {
        let mut link = self.link.borrow_mut();
        let link = &mut *link;
        let Some(stream) = link.stream.as_mut() else {
            return Err(Failure::NotSent);
        };
        let frame = wire::encode(request).map_err(|e| protocol(e.to_string()))?;
        if frame.len() > REQUEST_LIMIT {
            let too_large = ShareError::TooLarge {
                bytes: frame.len() as u64,
                limit: REQUEST_LIMIT as u64,
            };
            return Err(Failure::Refused(too_large.into()));
        }
        // A message cut short is never decoded, so a failed write sent nothing.
        if stream.get_mut().write_all(&frame).is_err() {
            link.stream = None;
            return Err(Failure::NotSent);
        }
        loop {
            match wire::read_trusted::<Reply>(stream, REPLY_LIMIT) {
                Ok(reply) if is_answer(&reply) => return Ok(reply),
                Ok(Reply::Alive) => {}
                Ok(Reply::Committed(commit)) => link.pending.push(Update::Committed(commit)),
                Ok(Reply::Reload) => link.pending.push(Update::Reload),
                Ok(Reply::Error(detail)) => return Err(protocol(detail)),
                Ok(other) => return Err(Failure::Refused(unexpected(&other))),
                Err(FrameError::Version(v)) => {
                    return Err(Failure::Refused(
                        ShareError::Version {
                            owner: v,
                            ours: PROTOCOL_VERSION,
                        }
                        .into(),
                    ));
                }
                Err(_) => {
                    link.stream = None;
                    return Err(Failure::Lost);
                }
            }
        }
    }

    /// Connects again after a lost connection, starting a new owner if none
    /// answers; queues the news for the application.
    fn reconnect(&self, wait: Duration) -> bool {
        let connect = Connect {
            wait,
            ..self.connect.clone()
        };
        let mut link = self.link.borrow_mut();
        match open(&self.dir, &connect, self.id) {
            Ok(stream) => {
                link.stream = Some(stream);
                link.pending.push(Update::Reconnected);
                link.told_lost = false;
                true
            }
            Err(_) => {
                link.retry_at = Instant::now() + RETRY_EVERY;
                false
            }
        }
    }

    /// Asks, after a lost connection, whether `request` was written; the
    /// answer of a new owner comes from the store itself.
    fn recover(&self, request: u64) -> Result<Performed, AppError> {
        if !self.reconnect(self.connect.wait) {
            self.tell_lost();
            return Err(ShareError::Unconfirmed.into());
        }
        let asked = Request::WasWritten {
            client: self.id,
            request,
        };
        match self.exchange(&asked, |r| matches!(r, Reply::Written(_))) {
            Ok(Reply::Written(Some(history))) => Ok(Performed {
                before: self.take_pending(),
                commit: Commit {
                    history,
                    ..Commit::default()
                },
            }),
            Ok(Reply::Written(None)) => Err(ShareError::NotSaved.into()),
            Ok(other) => Err(unexpected(&other)),
            Err(Failure::Refused(e)) => Err(e),
            Err(Failure::Lost | Failure::NotSent) => Err(ShareError::Unconfirmed.into()),
        }
    }

    /// A request that changes nothing: sent again once after a lost connection.
    /// Has the owner run a command that only reads; what it printed.
    pub fn read(&self, payload: Vec<u8>) -> Result<ReadAnswer, AppError> {
        let request = Request::Read { payload };
        match self.read_request(&request, |r| matches!(r, Reply::Read(_)))? {
            Reply::Read(answer) => Ok(answer),
            other => Err(unexpected(&other)),
        }
    }

    fn read_request(
        &self,
        request: &Request,
        is_answer: impl Fn(&Reply) -> bool + Copy,
    ) -> Result<Reply, AppError> {
        let mut reconnected = false;
        loop {
            return match self.exchange(request, is_answer) {
                Ok(reply) => Ok(reply),
                Err(Failure::Refused(e)) => Err(e),
                Err(Failure::Lost | Failure::NotSent) if !reconnected && self.reconnect_now() => {
                    reconnected = true;
                    continue;
                }
                Err(Failure::Lost | Failure::NotSent) => Err(lost().into()),
            };
        }
    }

    /// Reconnects after a loss: waiting for a new owner to start the first
    /// time, briefly once the user has been told the owner is lost.
    fn reconnect_now(&self) -> bool {
        let wait = if self.link.borrow().told_lost {
            RETRY_WAIT
        } else {
            self.connect.wait
        };
        let reconnected = self.reconnect(wait);
        if !reconnected {
            self.tell_lost();
        }
        reconnected
    }

    fn tell_lost(&self) {
        let mut link = self.link.borrow_mut();
        if !link.told_lost {
            link.told_lost = true;
            link.pending.push(Update::Lost);
        }
    }

    fn next_request(&self) -> u64 {
        let mut link = self.link.borrow_mut();
        link.next_request += 1;
        link.next_request
    }

    fn take_pending(&self) -> Vec<Update> {
        std::mem::take(&mut self.link.borrow_mut().pending)
    }

    /// Reads what the owner pushed without waiting; false when the
    /// connection is down.
    fn read_pushes(&self) -> bool {
        let mut link = self.link.borrow_mut();
        let link = &mut *link;
        let Some(stream) = link.stream.as_mut() else {
            return false;
        };
        while !stream.buffer().is_empty() || readable(stream.get_ref()) {
            match wire::read::<Reply>(stream, REPLY_LIMIT) {
                Ok(Reply::Committed(commit)) => link.pending.push(Update::Committed(commit)),
                Ok(Reply::Reload) => link.pending.push(Update::Reload),
                Ok(_) => {}
                Err(_) => {
                    link.stream = None;
                    return false;
                }
            }
        }
        true
    }
}

impl Client {
    fn load_by(&self, request: &Request) -> Result<Snapshot, AppError> {
        match self.read_request(request, |r| matches!(r, Reply::Snapshot(_)))? {
            Reply::Snapshot(snapshot) => {
                // Everything pushed before the snapshot is in it.
                self.link
                    .borrow_mut()
                    .pending
                    .retain(|u| !matches!(u, Update::Committed(_) | Update::Reload));
                Ok(*snapshot)
            }
            other => Err(unexpected(&other)),
        }
    }
}

impl Owner for Client {
    fn load(&self) -> Result<Snapshot, AppError> {
        self.load_by(&Request::Load)
    }

    fn load_index(&self) -> Result<Snapshot, AppError> {
        self.load_by(&Request::LoadIndex)
    }

    fn texts(&self, ids: Option<Vec<String>>) -> Result<Vec<(String, TaskText)>, AppError> {
        let request = Request::Texts { ids };
        match self.read_request(&request, |r| matches!(r, Reply::Texts(_)))? {
            Reply::Texts(texts) => Ok(texts),
            other => Err(unexpected(&other)),
        }
    }

    fn texts_in_background(&self) -> Option<TextsComing> {
        self.in_background("texts", |client| client.texts(None))
    }

    fn history_in_background(&self) -> Option<Coming<Vec<HistoryEntry>>> {
        self.in_background("history", |client| client.history_since(0))
    }

    fn history_since(&self, after_seq: u64) -> Result<Vec<HistoryEntry>, AppError> {
        let request = Request::History { after: after_seq };
        match self.read_request(&request, |r| matches!(r, Reply::History(_)))? {
            Reply::History(entries) => Ok(entries),
            other => Err(unexpected(&other)),
        }
    }

    fn perform(&self, op: &Operation) -> Result<Performed, AppError> {
        let request = self.next_request();
        let sent = Request::Perform {
            request,
            op: op.clone(),
        };
        let answer = |r: &Reply| matches!(r, Reply::Done { request: n, .. } | Reply::Refused { request: n, .. } if *n == request);
        let mut reconnected = false;
        loop {
            return match self.exchange(&sent, answer) {
                Ok(Reply::Done { commit, .. }) => Ok(Performed {
                    before: self.take_pending(),
                    commit: *commit,
                }),
                Ok(Reply::Refused { reason, .. }) => Err(reason.into()),
                Ok(other) => Err(unexpected(&other)),
                Err(Failure::Refused(e)) => Err(e),
                Err(Failure::Lost) => self.recover(request),
                // Nothing reached an owner: send it once one answers.
                Err(Failure::NotSent) if !reconnected && self.reconnect_now() => {
                    reconnected = true;
                    continue;
                }
                Err(Failure::NotSent) => Err(lost().into()),
            };
        }
    }

    fn import(&self, dump: Dump) -> Result<(), AppError> {
        let request = self.next_request();
        let sent = Request::Import {
            request,
            dump: Box::new(dump),
        };
        let answer = |r: &Reply| matches!(r, Reply::Imported { request: n } | Reply::Refused { request: n, .. } if *n == request);
        match self.exchange(&sent, answer) {
            Ok(Reply::Imported { .. }) => Ok(()),
            Ok(Reply::Refused { reason, .. }) => Err(reason.into()),
            Ok(other) => Err(unexpected(&other)),
            Err(Failure::Refused(e)) => Err(e),
            Err(Failure::NotSent) => Err(lost().into()),
            Err(Failure::Lost) => {
                self.reconnect(self.connect.wait);
                Err(ShareError::Unconfirmed.into())
            }
        }
    }

    fn updates(&self) -> Vec<Update> {
        let connected = self.read_pushes();
        if !connected && Instant::now() >= self.link.borrow().retry_at {
            self.reconnect_now();
        }
        self.take_pending()
    }

    fn wake_fd(&self) -> Option<Ref<'_, dyn AsFd>> {
        Ref::filter_map(self.link.borrow(), |link| {
            link.stream.as_ref().map(|s| s.get_ref() as &dyn AsFd)
        })
        .ok()
    }

    fn is_connected(&self) -> bool {
        self.link.borrow().stream.is_some()
    }

    fn location(&self) -> String {
        self.dir.display().to_string()
    }
}

/// `cchc status`: the owner's account of itself, or `None` when no owner
/// answers (nothing is started to ask).
pub fn owner_status(dir: &Path) -> Result<Option<OwnerStatus>, AppError> {
    match UnixStream::connect(socket_path(dir)) {
        Ok(_) => {}
        // An owner runs, but this account may not reach it.
        Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => {
            use std::os::unix::fs::MetadataExt;
            let account = std::fs::metadata(socket_path(dir))
                .map(|m| super::peer::user_name(m.uid()))
                .unwrap_or_default();
            return Err(ShareError::OtherAccount { account }.into());
        }
        Err(_) => return Ok(None),
    }
    let connect = Connect {
        what: "status".into(),
        program: None,
        wait: Duration::from_secs(5),
    };
    let client = Client::connect(dir, connect)?;
    client.status().map(Some)
}

fn readable(stream: &UnixStream) -> bool {
    use rustix::event::{PollFd, PollFlags, poll};
    let mut fds = [PollFd::new(stream, PollFlags::IN)];
    let zero = rustix::event::Timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    matches!(poll(&mut fds, Some(&zero)), Ok(n) if n > 0)
}

/// A number for this process, different from every other client's.
fn process_id() -> u64 {
    let mut hasher = RandomState::new().build_hasher();
    hasher.write_u32(std::process::id());
    hasher.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos()),
    );
    hasher.finish()
}

/// The connection is gone and no owner answers: nothing was written.
fn lost() -> ShareError {
    ShareError::Unreachable(String::new())
}

fn protocol(detail: String) -> Failure {
    Failure::Refused(ShareError::Protocol(detail).into())
}

fn unexpected(reply: &Reply) -> AppError {
    let name = format!("{reply:?}");
    let name = name.split(['(', ' ', '{']).next().unwrap_or("");
    ShareError::Protocol(format!("unexpected answer {name}")).into()
}
