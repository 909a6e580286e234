//! Reaching the store's owner: connecting and saying hello within the
//! time an owner may stay silent, starting one in the background when none
//! answers, and what a failed start left in its log.

use std::io::{BufReader, Read, Write};
use std::os::unix::net::UnixStream;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use super::client::{Connect, OWNER_SILENT};
use super::protocol::{REPLY_LIMIT, Reply, Request};
use super::{OWNER_LOG, socket_path};
use crate::app::ShareError;
use crate::i18n::{self, Lang};
use crate::store::wire::{self, FrameError, PROTOCOL_VERSION};

/// Connects to the owner, starting one when none answers, and says hello.
pub(super) fn open(
    dir: &Path,
    connect: &Connect,
    id: u64,
) -> Result<BufReader<UnixStream>, ShareError> {
    let deadline = Instant::now() + connect.wait;
    let mut started: Option<Child> = None;
    loop {
        if let Ok(stream) = UnixStream::connect(socket_path(dir)) {
            match hello(stream, id, &connect.what, deadline) {
                Ok(stream) => {
                    reap(started);
                    return Ok(stream);
                }
                Err(e @ (ShareError::Version { .. } | ShareError::NotResponding)) => return Err(e),
                // An owner on its way out: a new one will answer.
                Err(_) => {}
            }
        }
        started = match started {
            Some(mut child) => match child.try_wait() {
                Ok(Some(status)) if !status.success() => {
                    let said = owner_log(dir);
                    let why = if said.is_empty() {
                        status.to_string()
                    } else {
                        said
                    };
                    return Err(ShareError::OwnerFailed(why));
                }
                // It found another owner answering; that one will do.
                Ok(Some(_)) => None,
                _ => Some(child),
            },
            None => match &connect.program {
                Some(program) => Some(start_owner(program, dir)?),
                None => None,
            },
        };
        if Instant::now() >= deadline {
            reap(started);
            return Err(ShareError::NoOwner {
                waited_secs: connect.wait.as_secs(),
                started: connect.program.is_some(),
            });
        }
        thread::sleep(Duration::from_millis(20));
    }
}

/// Says hello and waits for the welcome until `deadline`, but never longer
/// than an owner may stay silent: an owner that accepts the connection and
/// then says nothing is stopped or hung, and waiting longer will not help.
fn hello(
    stream: UnixStream,
    id: u64,
    what: &str,
    deadline: Instant,
) -> Result<BufReader<UnixStream>, ShareError> {
    let io = |e: std::io::Error| ShareError::Protocol(e.to_string());
    let wait = deadline
        .saturating_duration_since(Instant::now())
        .clamp(Duration::from_millis(200), OWNER_SILENT);
    stream.set_read_timeout(Some(wait)).map_err(io)?;
    let frame = wire::encode(&Request::Hello {
        client: id,
        what: what.to_string(),
        name: crate::app::actor::person_name(),
    })
    .map_err(|e| ShareError::Protocol(e.to_string()))?;
    (&stream).write_all(&frame).map_err(io)?;
    let mut reader = BufReader::new(stream);
    let welcome = loop {
        match wire::read::<Reply>(&mut reader, REPLY_LIMIT) {
            Ok(Reply::Alive) => {}
            other => break other,
        }
    };
    match welcome {
        Ok(Reply::Welcome { .. }) => {
            reader
                .get_ref()
                .set_read_timeout(Some(OWNER_SILENT))
                .map_err(io)?;
            Ok(reader)
        }
        Err(FrameError::Io(e)) if is_timeout(&e) => Err(ShareError::NotResponding),
        Ok(Reply::Error(detail)) => Err(ShareError::Protocol(detail)),
        Ok(_) => Err(ShareError::Protocol("no welcome".into())),
        Err(FrameError::Version(v)) => Err(ShareError::Version {
            owner: v,
            ours: PROTOCOL_VERSION,
        }),
        Err(e) => Err(ShareError::Protocol(e.to_string())),
    }
}

/// Starts `program serve` in the background, in its own process group so
/// that closing this terminal does not stop it; what it says on failure goes
/// to the owner log in the data folder.
fn start_owner(program: &Path, dir: &Path) -> Result<Child, ShareError> {
    let failed = |e: std::io::Error| ShareError::Unreachable(e.to_string());
    crate::store::create_private_dir(dir).map_err(|e| ShareError::Unreachable(e.to_string()))?;
    let log = crate::store::folder::open_to_write(dir, &dir.join(OWNER_LOG))
        .and_then(|log| log.set_len(0).map(|()| log))
        .map_err(failed)?;
    let mut command = Command::new(program);
    // What it may have to say goes back to this process's user: in their
    // language, also when it was asked for with `--lang`.
    let args: Vec<String> = std::env::args_os()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    if let Some(lang) = Lang::from_args_and_env(&args) {
        command.arg("--lang").arg(lang.pick("vi", "en"));
    }
    command
        .arg("--data-dir")
        .arg(dir)
        .arg("serve")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(log)
        .process_group(0)
        .spawn()
        .map_err(failed)
}

fn is_timeout(e: &std::io::Error) -> bool {
    matches!(
        e.kind(),
        std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
    )
}

/// Waits for a started owner in the background, so it leaves no zombie.
fn reap(child: Option<Child>) {
    if let Some(mut child) = child {
        thread::spawn(move || child.wait());
    }
}

/// The last thing a failed owner said.
fn owner_log(dir: &Path) -> String {
    let mut text = String::new();
    let _ = std::fs::File::open(dir.join(OWNER_LOG)).and_then(|mut f| f.read_to_string(&mut text));
    let last = text
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("");
    // It printed its error as any cchc does; the caller says "error" itself.
    let message = [Lang::Vi, Lang::En]
        .iter()
        .find_map(|&lang| last.strip_prefix(&format!("{}: ", i18n::error_prefix(lang))))
        .unwrap_or(last);
    crate::domain::text::sanitize_line(message).into_owned()
}
