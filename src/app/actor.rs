//! Who is editing and what time it is: the only place the application reads the
//! environment for identity and the clock.

use chrono::{DateTime, FixedOffset, Local, NaiveDate};

use crate::domain::Author;
use crate::domain::date::parse_date;

/// The OS user running this process.
pub fn os_user() -> String {
    whoami::username().unwrap_or_else(|_| "unknown".to_string())
}

/// The OS user, with the address this SSH session reports and the person's
/// name, as the history records it (see [`Author`]).
pub fn current_actor() -> String {
    let ssh = std::env::var("SSH_CONNECTION").ok();
    Author::with_name(
        Author::record(&os_user(), ssh.as_deref()),
        person_name().as_deref(),
    )
}

static PERSON_NAME: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();

/// Sets the person's name (`name = "…"` in the config file), once, before
/// anything is written; a name that is not plain text is not recorded.
pub fn set_person_name(name: Option<&str>) {
    let checked = name.and_then(|n| crate::domain::validate::assignee_name(n).ok());
    let _ = PERSON_NAME.set(checked.filter(|n| !n.is_empty()));
}

/// The person's name, if they set one.
pub fn person_name() -> Option<String> {
    PERSON_NAME.get().cloned().flatten()
}

/// "Now" and "today". `today` can be pinned with `CCHC_TODAY=YYYY-MM-DD` for
/// demonstrations, rehearsals and tests; edits are then stamped on that day.
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
        match std::env::var("CCHC_TODAY") {
            Ok(text) if !text.trim().is_empty() => {
                let today = parse_date(&text).map_err(|_| BadToday(text.clone()))?;
                Ok(Clock::rehearsing(today, now))
            }
            _ => Ok(Clock {
                now,
                today: now.date_naive(),
            }),
        }
    }

    /// A rehearsal of `today`: edits are stamped on that day, at the time of
    /// day it is now, so a whole period ("since the last meeting" included)
    /// can be played through before it comes.
    pub fn rehearsing(today: NaiveDate, now: DateTime<FixedOffset>) -> Clock {
        let at = today
            .and_time(now.time())
            .and_local_timezone(*now.offset())
            .single()
            .unwrap_or(now);
        Clock { now: at, today }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rehearsal_stamps_edits_on_its_day_at_the_time_it_is() {
        let now = DateTime::parse_from_rfc3339("2026-12-01T17:45:10+07:00").expect("an instant");
        let day = NaiveDate::from_ymd_opt(2027, 3, 10).expect("a day");
        let clock = Clock::rehearsing(day, now);
        assert_eq!(clock.today, day);
        assert_eq!(clock.now.to_rfc3339(), "2027-03-10T17:45:10+07:00");
    }
}
