//! The append-only history: who changed what, when, from what to what, and why.

use std::net::IpAddr;

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use super::edit::{Change, Field, Subject, Value};

/// Who made a change: the account, which the kernel vouches for, and the
/// address an SSH session reported, which the session itself sets (its
/// `SSH_CONNECTION`) and anyone can fake. Recorded together as
/// `account@address`, shown apart so nobody takes the address for proof.
/// The person's name, where they set one in their config file, follows in
/// brackets: `account@address (Nguyễn Thị Lan)`; an account has no spaces,
/// so the first " (" is where the name starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Author<'a> {
    pub account: &'a str,
    pub reported_from: Option<&'a str>,
    pub name: Option<&'a str>,
}

impl<'a> Author<'a> {
    /// Reads what [`Author::record`] wrote; a name with no address after
    /// its last `@` is all account.
    pub fn of(who: &'a str) -> Author<'a> {
        let (who, name) = match who.split_once(" (") {
            Some((who, rest)) => (who, rest.strip_suffix(')')),
            None => (who, None),
        };
        match who.rsplit_once('@') {
            Some((account, address)) if address.parse::<IpAddr>().is_ok() => Author {
                account,
                reported_from: Some(address),
                name,
            },
            _ => Author {
                account: who,
                reported_from: None,
                name,
            },
        }
    }

    /// What the history records for `account` with the person's `name`.
    pub fn with_name(recorded: String, name: Option<&str>) -> String {
        match name.map(str::trim).filter(|n| !n.is_empty()) {
            Some(name) => format!("{recorded} ({name})"),
            None => recorded,
        }
    }

    /// What the history records for `account`, with the first field of the
    /// session's `SSH_CONNECTION` when it is an IP address (anything else is
    /// left out, so a session cannot write text of its choosing here).
    pub fn record(account: &str, ssh_connection: Option<&str>) -> String {
        let address = ssh_connection
            .and_then(|c| c.split_whitespace().next())
            .filter(|a| a.parse::<IpAddr>().is_ok());
        match address {
            Some(address) => format!("{account}@{address}"),
            None => account.to_string(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HistoryEntry {
    /// Position in the history, from 1, without gaps.
    pub seq: u64,
    pub at: DateTime<FixedOffset>,
    /// Who made it, as [`Author::record`] writes it.
    pub who: String,
    pub subject: Subject,
    pub field: Field,
    pub old: Value,
    pub new: Value,
    /// Why, when the person said (an extension's reason, an undo).
    pub reason: Option<String>,
}

impl HistoryEntry {
    /// An entry for `change`, numbered later by the store.
    pub fn new(
        change: Change,
        at: DateTime<FixedOffset>,
        who: &str,
        reason: Option<&str>,
    ) -> HistoryEntry {
        HistoryEntry {
            seq: 0,
            at,
            who: who.to_string(),
            subject: change.subject,
            field: change.field,
            old: change.old,
            new: change.new,
            reason: reason.map(str::to_string),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_an_ip_address_is_recorded_beside_the_account_and_read_back_apart() {
        let who = Author::record("thuy", Some("10.0.0.5 51234 10.0.0.1 22"));
        assert_eq!(who, "thuy@10.0.0.5");
        let author = Author::of(&who);
        assert_eq!(
            (author.account, author.reported_from),
            ("thuy", Some("10.0.0.5"))
        );
        assert_eq!(Author::record("thuy", Some("\x1b]0;x 1 2 3")), "thuy");
        assert_eq!(Author::record("thuy", None), "thuy");
        assert_eq!(Author::of("a@b@c").account, "a@b@c");
        assert_eq!(Author::of("an@fe80::1").reported_from, Some("fe80::1"));
        let named = Author::with_name(who, Some("Nguyễn Thị Lan (VP)"));
        let author = Author::of(&named);
        assert_eq!(
            (author.account, author.reported_from, author.name),
            ("thuy", Some("10.0.0.5"), Some("Nguyễn Thị Lan (VP)"))
        );
        assert_eq!(Author::with_name("thuy".into(), Some("  ")), "thuy");
    }
}
