//! Who is at the other end of a socket, from the kernel's peer credentials:
//! the identity the history records, which a client cannot choose.

use std::os::unix::net::UnixStream;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Peer {
    pub pid: u32,
    pub uid: u32,
    /// The account name, or `uid 1234` when the account has no name.
    pub user: String,
    /// The peer session's `SSH_CONNECTION`, when it runs in one.
    pub ssh_client: Option<String>,
}

impl Peer {
    /// Who the history records: the account, with the address the peer's
    /// SSH session reports, as a process opening the store itself records it.
    pub fn actor(&self) -> String {
        crate::domain::Author::record(&self.user, self.ssh_client.as_deref())
    }
}

pub fn peer(stream: &UnixStream) -> std::io::Result<Peer> {
    let cred = rustix::net::sockopt::socket_peercred(stream)?;
    let uid = cred.uid.as_raw();
    let pid = cred.pid.as_raw_nonzero().get() as u32;
    Ok(Peer {
        pid,
        uid,
        user: user_name(uid),
        ssh_client: ssh_client(pid),
    })
}

/// `SSH_CONNECTION` in the environment of process `pid`, if it can be read
/// (a process of the same account). The account always comes from the
/// kernel; [`crate::domain::Author::record`] takes from this only the
/// address it connected from, as it does for this process's own session.
fn ssh_client(pid: u32) -> Option<String> {
    let environ = std::fs::read(format!("/proc/{pid}/environ")).ok()?;
    let value = environ
        .split(|&b| b == 0)
        .find_map(|entry| entry.strip_prefix(b"SSH_CONNECTION="))?;
    std::str::from_utf8(value).ok().map(str::to_string)
}

pub fn user_name(uid: u32) -> String {
    match nix::unistd::User::from_uid(nix::unistd::Uid::from_raw(uid)) {
        Ok(Some(user)) => user.name,
        _ => format!("uid {uid}"),
    }
}
