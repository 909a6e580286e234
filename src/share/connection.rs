//! The owner's connections: accepting them within limits per account,
//! reading each client's hello and requests with bounds on time, size and
//! turns, and writing to each client from its own thread, with a heartbeat
//! while it waits for an answer.

use std::collections::HashMap;
use std::io::{BufReader, Read, Write};
use std::os::unix::net::{UnixListener, UnixStream};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, SyncSender};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread;
use std::time::{Duration, Instant};

use chrono::Local;

use super::owner::{Client, Job};
use super::peer::{self, Peer};
use super::protocol::{REQUEST_LIMIT, Reply, Request, WHAT_LIMIT};
use crate::domain::text::{sanitize_line, truncate_width};
use crate::store::wire::{self, FrameError};

/// How long a new connection may take to say who it is.
const HELLO_TIMEOUT: Duration = Duration::from_secs(5);
/// The largest hello: a client number and a short name.
const HELLO_LIMIT: usize = 4 << 10;
/// The largest request a connection may send without waiting its turn: an
/// edit, a note, a query. Larger ones (imports) are read one at a time
/// across all connections, so that many of them cannot fill the memory.
const SMALL_REQUEST: u64 = 256 << 10;
/// Requests one connection may have waiting for the owner; its next one is
/// read only when one of these is answered, so a client that floods the
/// owner waits for itself and everyone else keeps their turn.
const IN_FLIGHT: usize = 4;
/// Connections one account may hold open at once.
const PER_ACCOUNT: usize = 32;
/// New connections one account may open per second, on average.
const NEW_PER_SECOND: f64 = 200.0;
/// How often a client waiting for an answer hears that the owner is alive.
const HEARTBEAT: Duration = Duration::from_secs(1);
/// How long a write to one client may block before that client is dropped.
const WRITE_TIMEOUT: Duration = Duration::from_secs(10);
/// Messages queued for one client before it counts as stalled and is dropped.
const OUTBOX: usize = 1024;
/// Open connections beyond this, greeted or not, are closed at once.
const MAX_CONNECTIONS: usize = 256;

pub(super) fn accept(listener: UnixListener, jobs: SyncSender<Job>) {
    let open = Arc::new(Mutex::new(Connections::default()));
    let large = LargeRequests::default();
    let mut next_id = 0u64;
    for stream in listener.incoming() {
        let Ok(stream) = stream else {
            continue;
        };
        let Ok(peer) = peer::peer(&stream) else {
            continue;
        };
        next_id += 1;
        let id = next_id;
        let Some(slot) = Connections::admit(&open, &peer, id, &stream) else {
            // Over the limit: closed at once, before it costs a thread.
            continue;
        };
        let jobs = jobs.clone();
        let large = large.clone();
        thread::spawn(move || {
            connection(stream, peer, id, &slot.active, &jobs, &large);
            drop(slot);
        });
    }
}

/// Open connections, per account, each with when it last asked something.
struct Connections {
    started: Instant,
    per_account: HashMap<u32, Account>,
}

/// One account's connections, and how many new ones it may open now.
struct Account {
    open: Vec<OpenConnection>,
    allowance: f64,
    checked: Instant,
}

impl Account {
    /// Takes one new connection from the account's allowance, which grows by
    /// [`NEW_PER_SECOND`] up to two seconds' worth: connecting and hanging up
    /// in a loop costs the owner that much and no more.
    fn may_connect(&mut self) -> bool {
        let now = Instant::now();
        let earned = now.duration_since(self.checked).as_secs_f64() * NEW_PER_SECOND;
        self.allowance = (self.allowance + earned).min(NEW_PER_SECOND * 2.0);
        self.checked = now;
        if self.allowance < 1.0 {
            return false;
        }
        self.allowance -= 1.0;
        true
    }
}

struct OpenConnection {
    id: u64,
    stream: UnixStream,
    active: Arc<AtomicU64>,
}

impl Default for Connections {
    fn default() -> Self {
        Connections {
            started: Instant::now(),
            per_account: HashMap::new(),
        }
    }
}

impl Connections {
    /// A place for connection `id` of `peer`'s account. An account at its
    /// limit loses its connection idle the longest to the new one (its own
    /// flood of idle connections cannot lock its real work out, and it cannot
    /// take anyone else's place); `None` only when every place is taken.
    fn admit(
        open: &Arc<Mutex<Connections>>,
        peer: &Peer,
        id: u64,
        stream: &UnixStream,
    ) -> Option<ConnectionSlot> {
        let mut counts = open.lock().unwrap_or_else(PoisonError::into_inner);
        let started = counts.started;
        let mut total: usize = counts.per_account.values().map(|a| a.open.len()).sum();
        let account = counts
            .per_account
            .entry(peer.uid)
            .or_insert_with(|| Account {
                open: Vec::new(),
                allowance: NEW_PER_SECOND * 2.0,
                checked: Instant::now(),
            });
        if !account.may_connect() {
            return None;
        }
        let mine = &mut account.open;
        if mine.len() >= PER_ACCOUNT
            && let Some(idlest) =
                (0..mine.len()).min_by_key(|&i| mine[i].active.load(Ordering::Acquire))
        {
            let _ = mine
                .swap_remove(idlest)
                .stream
                .shutdown(std::net::Shutdown::Both);
            total -= 1;
        }
        if total >= MAX_CONNECTIONS {
            return None;
        }
        let now = started.elapsed().as_millis() as u64;
        let active = Arc::new(AtomicU64::new(now));
        mine.push(OpenConnection {
            id,
            stream: stream.try_clone().ok()?,
            active: Arc::clone(&active),
        });
        Some(ConnectionSlot {
            open: Arc::clone(open),
            uid: peer.uid,
            id,
            active: Activity {
                started,
                last: active,
            },
        })
    }
}

/// A connection's place, given back when its thread ends.
struct ConnectionSlot {
    open: Arc<Mutex<Connections>>,
    uid: u32,
    id: u64,
    active: Activity,
}

impl Drop for ConnectionSlot {
    fn drop(&mut self) {
        let mut counts = self.open.lock().unwrap_or_else(PoisonError::into_inner);
        // The account stays known, with its allowance, once it has none open.
        if let Some(account) = counts.per_account.get_mut(&self.uid) {
            account.open.retain(|c| c.id != self.id);
        }
    }
}

/// When a connection last sent a request.
struct Activity {
    started: Instant,
    last: Arc<AtomicU64>,
}

impl Activity {
    fn touch(&self) {
        let now = self.started.elapsed().as_millis() as u64;
        self.last.store(now, Ordering::Release);
    }
}

/// The one permit to read a request larger than [`SMALL_REQUEST`].
#[derive(Clone, Default)]
struct LargeRequests(Arc<AtomicBool>);

/// Held while a large request is read and until it is answered.
pub(super) struct LargePermit(Arc<AtomicBool>);

impl LargeRequests {
    /// Waits for the permit.
    fn acquire(&self) -> LargePermit {
        while self
            .0
            .compare_exchange(false, true, Ordering::AcqRel, Ordering::Acquire)
            .is_err()
        {
            thread::sleep(Duration::from_millis(10));
        }
        LargePermit(Arc::clone(&self.0))
    }
}

impl Drop for LargePermit {
    fn drop(&mut self) {
        self.0.store(false, Ordering::Release);
    }
}

/// One client, from its hello to its last message.
fn connection(
    stream: UnixStream,
    peer: Peer,
    id: u64,
    active: &Activity,
    jobs: &SyncSender<Job>,
    large: &LargeRequests,
) {
    let Some(client) = greet(&stream, peer) else {
        return;
    };
    let owed = Arc::clone(&client.owed);
    if jobs.send(Job::Joined { id, client }).is_err() {
        return;
    }
    let mut reader = BufReader::new(stream);
    loop {
        match next_request(&mut reader, &owed, large) {
            Ok((request, large)) => {
                active.touch();
                owed.fetch_add(1, Ordering::AcqRel);
                if jobs.send(Job::Request { id, request, large }).is_err() {
                    return;
                }
            }
            Err(FrameError::Closed | FrameError::Io(_)) => break,
            Err(e) => {
                let _ = jobs.send(Job::Malformed {
                    id,
                    detail: why_refused(&e),
                });
                return;
            }
        }
    }
    let _ = jobs.send(Job::Left { id });
}

/// Reads a connection's next request once it has fewer than [`IN_FLIGHT`]
/// waiting; a large one only under the large-request permit.
fn next_request(
    reader: &mut BufReader<UnixStream>,
    owed: &AtomicUsize,
    large: &LargeRequests,
) -> Result<(Request, Option<LargePermit>), FrameError> {
    while owed.load(Ordering::Acquire) >= IN_FLIGHT {
        thread::sleep(Duration::from_millis(1));
    }
    let length = wire::read_length(reader)?;
    if length > REQUEST_LIMIT as u64 {
        return Err(FrameError::TooLarge(length, REQUEST_LIMIT));
    }
    let permit = (length > SMALL_REQUEST).then(|| large.acquire());
    let request = wire::read_body(reader, length)?;
    Ok((request, permit))
}

/// Reads the hello within its time limit and starts the client's writer;
/// `None` drops the connection.
fn greet(stream: &UnixStream, peer: Peer) -> Option<Client> {
    let mut reader = Deadline {
        stream,
        until: Instant::now() + HELLO_TIMEOUT,
    };
    let hello = wire::read::<Request>(&mut reader, HELLO_LIMIT);
    let (client_id, what, name) = match hello {
        Ok(Request::Hello { client, what, name }) => (client, what, name),
        Ok(_) => return refuse(stream, "the first message must be a hello".into()),
        Err(e @ (FrameError::Version(_) | FrameError::Invalid(_) | FrameError::TooLarge(..))) => {
            return refuse(stream, why_refused(&e));
        }
        Err(_) => return None,
    };
    stream.set_read_timeout(None).ok()?;
    stream.set_write_timeout(Some(WRITE_TIMEOUT)).ok()?;
    let (outbox, queue) = mpsc::sync_channel(OUTBOX);
    // The welcome is owed from now on.
    let owed = Arc::new(AtomicUsize::new(1));
    let writer = stream.try_clone().ok()?;
    let writer_owed = Arc::clone(&owed);
    thread::spawn(move || write_to_client(writer, &queue, &writer_owed));
    Some(Client {
        peer,
        client_id,
        what: truncate_width(&sanitize_line(&what), WHAT_LIMIT).into_owned(),
        name: name.and_then(|n| crate::domain::validate::assignee_name(&n).ok()),
        since: Local::now().fixed_offset(),
        outbox,
        owed,
        stream: stream.try_clone().ok()?,
    })
}

/// Sends a client its messages, and says the owner is alive every
/// [`HEARTBEAT`] while the client waits for an answer, so that it can tell
/// an owner at work from one that is stopped.
fn write_to_client(mut writer: UnixStream, queue: &Receiver<Arc<Vec<u8>>>, owed: &AtomicUsize) {
    let Ok(alive) = wire::encode(&Reply::Alive) else {
        return;
    };
    loop {
        let written = match queue.recv_timeout(HEARTBEAT) {
            Ok(frame) => writer.write_all(&frame),
            Err(RecvTimeoutError::Timeout) if owed.load(Ordering::Acquire) > 0 => {
                writer.write_all(&alive)
            }
            Err(RecvTimeoutError::Timeout) => Ok(()),
            Err(RecvTimeoutError::Disconnected) => return,
        };
        if written.is_err() {
            let _ = writer.shutdown(std::net::Shutdown::Both);
            return;
        }
    }
}

/// Reads from a stream until a moment, however slowly the bytes trickle in.
struct Deadline<'a> {
    stream: &'a UnixStream,
    until: Instant,
}

impl Read for Deadline<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let left = self.until.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(std::io::ErrorKind::TimedOut.into());
        }
        self.stream.set_read_timeout(Some(left))?;
        (&mut &*self.stream).read(buf)
    }
}

/// Tells a client why it is dropped, in our protocol version (a client of
/// another version reads that version from the frame).
/// What a client is told of a message it sent that cannot be read: the kind
/// of fault, never the decoder's own account of it.
fn why_refused(error: &FrameError) -> String {
    match error {
        FrameError::Invalid(_) => "the message cannot be decoded".into(),
        other => other.to_string(),
    }
}

fn refuse(mut stream: &UnixStream, detail: String) -> Option<Client> {
    if let Ok(frame) = wire::encode(&Reply::Error(detail)) {
        let _ = stream.set_write_timeout(Some(WRITE_TIMEOUT));
        let _ = stream.write_all(&frame);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_account_may_open_two_seconds_worth_at_once_then_its_rate() {
        let mut account = Account {
            open: Vec::new(),
            allowance: NEW_PER_SECOND * 2.0,
            checked: Instant::now(),
        };
        let burst = (0..1000).take_while(|_| account.may_connect()).count();
        assert!((400..=401).contains(&burst), "{burst}");
        account.checked -= Duration::from_millis(100);
        let later = (0..1000).take_while(|_| account.may_connect()).count();
        assert!((19..=21).contains(&later), "{later}");
    }
}
