//! A file written on a thread of its own: a large report's document is made
//! on this thread (and its rows on others) while the bytes already made go
//! to the disk, made durable a part at a time instead of all at the end.

use std::fs::File;
use std::io::{self, Seek, SeekFrom, Write};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::thread::JoinHandle;

/// What is handed to the writing thread at once.
const CHUNK: usize = 1 << 20;
/// How many chunks may wait for the disk before the maker waits.
const WAITING: usize = 8;
/// How much is written between two syncs: the disk works while the rest of
/// the document is made, and the last sync has little left to do.
const SYNC_EVERY: u64 = 64 << 20;

enum Command {
    Write(Vec<u8>),
    Seek(SeekFrom, SyncSender<io::Result<u64>>),
}

/// Writes and seeks go to a thread that owns the file; an error there is
/// returned by the next seek, flush or [`BackgroundFile::finish`].
pub struct BackgroundFile {
    chunk: Vec<u8>,
    commands: Option<SyncSender<Command>>,
    thread: Option<JoinHandle<io::Result<File>>>,
}

impl BackgroundFile {
    pub fn new(file: File) -> BackgroundFile {
        let (commands, received) = sync_channel(WAITING);
        BackgroundFile {
            chunk: Vec::with_capacity(CHUNK),
            commands: Some(commands),
            thread: Some(std::thread::spawn(move || serve(file, received))),
        }
    }

    /// Waits for every byte to be written and made durable; the file.
    pub fn finish(mut self) -> io::Result<File> {
        self.hand_over()?;
        self.commands = None;
        let file = self.join()?;
        file.sync_all()?;
        Ok(file)
    }

    fn hand_over(&mut self) -> io::Result<()> {
        if self.chunk.is_empty() {
            return Ok(());
        }
        let chunk = std::mem::replace(&mut self.chunk, Vec::with_capacity(CHUNK));
        self.send(Command::Write(chunk))
    }

    fn send(&mut self, command: Command) -> io::Result<()> {
        let sent = self.commands.as_ref().map(|c| c.send(command));
        match sent {
            Some(Ok(())) => Ok(()),
            _ => {
                self.commands = None;
                Err(self.stopped())
            }
        }
    }

    /// Why the thread stopped: the error it stopped on.
    fn stopped(&mut self) -> io::Error {
        self.join()
            .err()
            .unwrap_or_else(|| io::Error::other("the writing thread stopped"))
    }

    fn join(&mut self) -> io::Result<File> {
        match self.thread.take().map(JoinHandle::join) {
            Some(Ok(result)) => result,
            Some(Err(_)) => Err(io::Error::other("the writing thread failed")),
            None => Err(io::Error::other("the file is closed")),
        }
    }
}

fn serve(mut file: File, commands: Receiver<Command>) -> io::Result<File> {
    let mut unsynced = 0;
    for command in commands {
        match command {
            Command::Write(bytes) => {
                file.write_all(&bytes)?;
                unsynced += bytes.len() as u64;
                if unsynced >= SYNC_EVERY {
                    file.sync_data()?;
                    unsynced = 0;
                }
            }
            Command::Seek(to, reply) => {
                let at = file.seek(to);
                let failed = at.is_err();
                let _ = reply.send(at);
                if failed {
                    break;
                }
            }
        }
    }
    Ok(file)
}

impl Write for BackgroundFile {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.chunk.extend_from_slice(bytes);
        if self.chunk.len() >= CHUNK {
            self.hand_over()?;
        }
        Ok(bytes.len())
    }

    /// Hands what is made to the thread; [`BackgroundFile::finish`] waits
    /// for it.
    fn flush(&mut self) -> io::Result<()> {
        self.hand_over()
    }
}

impl Seek for BackgroundFile {
    fn seek(&mut self, to: SeekFrom) -> io::Result<u64> {
        self.hand_over()?;
        let (reply, answer) = sync_channel(1);
        self.send(Command::Seek(to, reply))?;
        answer.recv().unwrap_or_else(|_| Err(self.stopped()))
    }
}

impl Drop for BackgroundFile {
    fn drop(&mut self) {
        self.commands = None;
        let _ = self.join();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn what_is_written_and_rewritten_after_a_seek_is_in_the_file() {
        let temp = tempfile::tempdir().unwrap();
        let path = temp.path().join("f");
        let mut out = BackgroundFile::new(File::create(&path).unwrap());
        let big = vec![b'x'; 3 * CHUNK + 5];
        out.write_all(b"head").unwrap();
        out.write_all(&big).unwrap();
        assert_eq!(out.stream_position().unwrap(), 4 + big.len() as u64);
        out.seek(SeekFrom::Start(1)).unwrap();
        out.write_all(b"EA").unwrap();
        out.seek(SeekFrom::End(0)).unwrap();
        out.write_all(b"tail").unwrap();
        out.finish().unwrap();
        let mut read = Vec::new();
        File::open(&path).unwrap().read_to_end(&mut read).unwrap();
        assert_eq!(&read[..4], b"hEAd");
        assert_eq!(read.len(), 8 + big.len());
        assert!(read.ends_with(b"xtail"));
    }

    #[test]
    fn an_error_of_the_disk_is_returned_not_lost() {
        let temp = tempfile::tempdir().unwrap();
        let path = temp.path().join("f");
        std::fs::write(&path, "").unwrap();
        // Opened for reading only: every write fails.
        let mut out = BackgroundFile::new(File::open(&path).unwrap());
        let big = vec![b'x'; 2 * CHUNK];
        let written = out.write_all(&big).and_then(|()| out.write_all(&big));
        let finished = out.finish();
        assert!(written.is_err() || finished.is_err());
    }
}
