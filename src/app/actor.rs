//! Who is editing and what time it is: the only place the application reads the
//! environment for identity and the clock.

use chrono::{DateTime, FixedOffset, Local, NaiveDate};

use crate::domain::Author;
use crate::domain::date::parse_date;

/// The OS user running this process.
pub fn os_user() -> String {
    whoami::username().unwrap_or_else(|_| "unknown".to_string())
}

/// The OS user, with the address this SSH session reports, as the history
/// records it (see [`Author`]).
pub fn current_actor() -> String {
    let ssh = std::env::var("SSH_CONNECTION").ok();
    Author::record(&os_user(), ssh.as_deref())
}

/// "Now" and "today". `today` can be pinned with `CCHC_TODAY=YYYY-MM-DD` for
/// demonstrations and tests; history timestamps always use the real clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clock {
    pub now: DateTime<FixedOffset>,
    pub today: NaiveDate,
}

/// Why `CCHC_TODAY` was not accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadToday(pub String);

impl Clock {
    pub fn from_env() -> Result<Clock, BadToday> {
        let now = Local::now().fixed_offset();
        let today = match std::env::var("CCHC_TODAY") {
            Ok(text) if !text.trim().is_empty() => {
                parse_date(&text).map_err(|_| BadToday(text.clone()))?
            }
            _ => now.date_naive(),
        };
        Ok(Clock { now, today })
    }
}
