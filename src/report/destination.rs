//! Where a document is written, and the guard that keeps a failed write
//! quiet: the zip writers under the Word and Excel writers, dropped after a
//! write failed (a full disk), try to end the archive again and print their
//! own complaint over the message the user is given.

use std::io::{self, Seek, SeekFrom, Write};

/// Where a document is written: a file, or memory.
pub trait Destination: Write + Seek + Send {}

impl<T: Write + Seek + Send> Destination for T {}

/// `out`, until a write or seek fails; from then on writes and seeks only
/// move a position of its own, as a file's would, and
/// [`Guarded::failure`] is the first error.
pub struct Guarded<'a> {
    out: &'a mut dyn Destination,
    failure: Option<io::Error>,
    position: u64,
    end: u64,
}

impl<'a> Guarded<'a> {
    pub fn new(out: &'a mut dyn Destination) -> Guarded<'a> {
        Guarded {
            out,
            failure: None,
            position: 0,
            end: 0,
        }
    }

    pub fn failure(self) -> Option<io::Error> {
        self.failure
    }

    /// `done`; an error is kept, and told to the caller in the same words.
    fn guard<T>(&mut self, done: io::Result<T>) -> io::Result<T> {
        done.map_err(|e| {
            let told = io::Error::new(e.kind(), e.to_string());
            self.failure = Some(e);
            told
        })
    }

    fn moved_to(&mut self, position: u64) -> u64 {
        self.position = position;
        self.end = self.end.max(position);
        position
    }
}

impl Write for Guarded<'_> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        let written = if self.failure.is_some() {
            bytes.len()
        } else {
            let done = self.out.write(bytes);
            self.guard(done)?
        };
        self.moved_to(self.position + written as u64);
        Ok(written)
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.failure.is_some() {
            return Ok(());
        }
        let done = self.out.flush();
        self.guard(done)
    }
}

impl Seek for Guarded<'_> {
    fn seek(&mut self, to: SeekFrom) -> io::Result<u64> {
        if self.failure.is_none() {
            let done = self.out.seek(to);
            let at = self.guard(done)?;
            return Ok(self.moved_to(at));
        }
        let at = match to {
            SeekFrom::Start(at) => Some(at),
            SeekFrom::Current(by) => self.position.checked_add_signed(by),
            SeekFrom::End(by) => self.end.checked_add_signed(by),
        };
        let at = at.ok_or_else(|| io::Error::from(io::ErrorKind::InvalidInput))?;
        Ok(self.moved_to(at))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Fails every write after its first `room` bytes.
    struct Small {
        room: usize,
        inner: io::Cursor<Vec<u8>>,
    }

    impl Write for Small {
        fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
            if self.inner.get_ref().len() + bytes.len() > self.room {
                return Err(io::Error::other("full"));
            }
            self.inner.write(bytes)
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    impl Seek for Small {
        fn seek(&mut self, to: SeekFrom) -> io::Result<u64> {
            self.inner.seek(to)
        }
    }

    #[test]
    fn the_first_error_is_kept_and_what_follows_is_quiet() {
        let mut small = Small {
            room: 4,
            inner: io::Cursor::new(Vec::new()),
        };
        let mut guarded = Guarded::new(&mut small);
        guarded.write_all(b"abc").unwrap();
        assert!(guarded.write_all(b"def").is_err());
        guarded.write_all(b"ghi").unwrap();
        assert_eq!(guarded.stream_position().unwrap(), 6, "as a file's would");
        assert_eq!(guarded.seek(SeekFrom::Start(1)).unwrap(), 1);
        assert_eq!(guarded.seek(SeekFrom::End(0)).unwrap(), 6);
        assert_eq!(guarded.failure().unwrap().to_string(), "full");
        assert_eq!(small.inner.get_ref(), b"abc");
    }
}
