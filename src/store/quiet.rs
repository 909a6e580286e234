//! sled panics on some damaged files instead of returning an error. Opening
//! it runs under `catch_unwind`, and the panic message it prints would land
//! on the user's screen. Silencing it is done for the opening thread only:
//! swapping the process-wide hook would also silence (and skip the terminal
//! restore of) a real panic on another thread at the same moment.

use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

thread_local! {
    static QUIET: Cell<bool> = const { Cell::new(false) };
}

/// Runs `work`, returning its panic as an `Err` without printing it.
pub fn catch_silently<T>(work: impl FnOnce() -> T) -> std::thread::Result<T> {
    static FIRST: Once = Once::new();
    FIRST.call_once(wrap_panic_hook);
    QUIET.with(|quiet| quiet.set(true));
    let result = panic::catch_unwind(AssertUnwindSafe(work));
    QUIET.with(|quiet| quiet.set(false));
    result
}

/// Wraps the hook now in place so that it stays silent on a thread inside
/// [`catch_silently`]. Whoever installs a hook of their own after a store was
/// opened (the board does, to restore the terminal) calls this again.
pub fn wrap_panic_hook() {
    let previous = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        if !QUIET.with(Cell::get) {
            previous(info);
        }
    }));
}
