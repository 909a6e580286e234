//! Who is at the other end of a socket, from the kernel's peer credentials:
//! the identity the history records, which a client cannot choose.

use std::os::unix::net::UnixStream;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Peer {
    pub pid: u32,
    pub uid: u32,
    /// The account name, or `uid 1234` when the account has no name.
    pub user: String,
}

pub fn peer(stream: &UnixStream) -> std::io::Result<Peer> {
    let cred = rustix::net::sockopt::socket_peercred(stream)?;
    let uid = cred.uid.as_raw();
    Ok(Peer {
        pid: cred.pid.as_raw_nonzero().get() as u32,
        uid,
        user: user_name(uid),
    })
}

pub fn user_name(uid: u32) -> String {
    match nix::unistd::User::from_uid(nix::unistd::Uid::from_raw(uid)) {
        Ok(Some(user)) => user.name,
        _ => format!("uid {uid}"),
    }
}
