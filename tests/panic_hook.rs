//! A panic sled raises while the store opens is kept quiet on that thread
//! only: a real panic elsewhere at the same moment still reaches the hooks
//! that report it and restore the terminal.

use std::panic;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Barrier};
use std::thread;

use cchc::store::quiet::{catch_silently, wrap_panic_hook};

static REPORTED: AtomicUsize = AtomicUsize::new(0);

#[test]
fn a_quiet_open_does_not_silence_other_threads() {
    panic::set_hook(Box::new(|info| {
        if info.to_string().contains("cchc-test") {
            REPORTED.fetch_add(1, Ordering::SeqCst);
        }
    }));
    wrap_panic_hook();
    let inside = Arc::new(Barrier::new(2));
    let reported = Arc::new(Barrier::new(2));
    let opener = {
        let (inside, reported) = (Arc::clone(&inside), Arc::clone(&reported));
        thread::spawn(move || {
            catch_silently(|| {
                inside.wait();
                reported.wait();
                panic!("cchc-test: sled on damaged files");
            })
            .is_err()
        })
    };
    inside.wait();
    let other = thread::spawn(|| panic!("cchc-test: a real fault")).join();
    reported.wait();
    assert!(other.is_err());
    assert!(opener.join().expect("the opener catches its panic"));
    assert_eq!(
        REPORTED.load(Ordering::SeqCst),
        1,
        "only the real fault is reported"
    );
}
