//! Work on the parts of a large report made on every core, handed on in
//! order: Annex II of a plan of 100,000 tasks is 200 MB of XML.

use std::sync::mpsc::{Receiver, sync_channel};

/// How many parts each thread may have made ahead of the one handed on.
const AHEAD: usize = 2;

/// `make` of each of `parts` on as many threads as there are cores (at
/// most four), each result given to `take` in the order of `parts`. The
/// first error of `take` stops the making and is returned.
pub fn make_in_order<P: Sync, R: Send, E>(
    parts: &[P],
    make: impl Fn(&P) -> R + Sync,
    mut take: impl FnMut(R) -> Result<(), E>,
) -> Result<(), E> {
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .clamp(1, 4)
        .min(parts.len().max(1));
    std::thread::scope(|scope| {
        let made: Vec<Receiver<R>> = (0..threads)
            .map(|first| {
                let (send, made) = sync_channel(AHEAD);
                let make = &make;
                scope.spawn(move || {
                    for part in parts.iter().skip(first).step_by(threads) {
                        // The taker stopped: nothing more is wanted.
                        if send.send(make(part)).is_err() {
                            return;
                        }
                    }
                });
                made
            })
            .collect();
        for index in 0..parts.len() {
            match made[index % threads].recv() {
                Ok(result) => take(result)?,
                // A thread that panicked: its panic is raised when the
                // scope ends.
                Err(_) => break,
            }
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_the_order_of_the_parts() {
        let parts: Vec<usize> = (0..1000).collect();
        let mut seen = Vec::new();
        make_in_order(
            &parts,
            |n| n * 2,
            |r| {
                seen.push(r);
                Ok::<(), ()>(())
            },
        )
        .unwrap();
        assert_eq!(seen, parts.iter().map(|n| n * 2).collect::<Vec<_>>());
    }

    #[test]
    fn an_error_of_the_taker_stops_the_work_and_is_returned() {
        let parts: Vec<usize> = (0..10_000).collect();
        let mut taken = 0;
        let result = make_in_order(
            &parts,
            |n| *n,
            |n| {
                taken += 1;
                if n == 5 { Err("full") } else { Ok(()) }
            },
        );
        assert_eq!(result, Err("full"));
        assert_eq!(taken, 6);
    }

    #[test]
    fn no_parts_is_no_work() {
        let parts: Vec<usize> = Vec::new();
        make_in_order(&parts, |n| *n, |_| Err("called")).unwrap();
    }
}
