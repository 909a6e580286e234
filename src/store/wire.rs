//! Messages on the owner's socket: a four-byte length, two bytes of protocol
//! version, then bincode. A reader checks the length against its limit before
//! reading the body, grows its buffer only as bytes arrive, checks the version
//! before decoding, and decodes within a bound set by the message's own size,
//! so a bad message costs a refusal, never a crash or a large allocation.

use std::io::{self, Read};

use serde::Serialize;
use serde::de::DeserializeOwned;

/// The protocol this build speaks. Changed whenever a message changes shape.
pub const PROTOCOL_VERSION: u16 = 9;

const LENGTH_BYTES: usize = 4;
const VERSION_BYTES: usize = 2;

#[derive(Debug, thiserror::Error)]
pub enum FrameError {
    /// The peer closed the connection between messages.
    #[error("connection closed")]
    Closed,
    #[error("message cut short")]
    Truncated,
    #[error("message of {0} bytes is over the limit of {1}")]
    TooLarge(u64, usize),
    #[error("message in protocol version {0}, expected {PROTOCOL_VERSION}")]
    Version(u16),
    #[error("message cannot be decoded: {0}")]
    Invalid(String),
    #[error(transparent)]
    Io(#[from] io::Error),
}

/// One whole message, ready to be written in a single call.
pub fn encode<T: Serialize>(value: &T) -> Result<Vec<u8>, FrameError> {
    encode_into(value, Vec::new())
}

/// [`encode`] for a large message (a snapshot of tens of megabytes): its
/// size is counted first, so that it is written into a buffer of that size
/// rather than one copied each time it doubles.
pub fn encode_large<T: Serialize>(value: &T) -> Result<Vec<u8>, FrameError> {
    let mut size = bincode::enc::write::SizeWriter::default();
    bincode::serde::encode_into_writer(value, &mut size, bincode::config::standard())
        .map_err(|e| FrameError::Invalid(e.to_string()))?;
    let frame = Vec::with_capacity(LENGTH_BYTES + VERSION_BYTES + size.bytes_written);
    encode_into(value, frame)
}

fn encode_into<T: Serialize>(value: &T, mut frame: Vec<u8>) -> Result<Vec<u8>, FrameError> {
    frame.extend_from_slice(&[0; LENGTH_BYTES]);
    frame.extend_from_slice(&PROTOCOL_VERSION.to_le_bytes());
    bincode::serde::encode_into_std_write(value, &mut frame, bincode::config::standard())
        .map_err(|e| FrameError::Invalid(e.to_string()))?;
    let length = u32::try_from(frame.len() - LENGTH_BYTES)
        .map_err(|_| FrameError::TooLarge(frame.len() as u64, u32::MAX as usize))?;
    frame[..LENGTH_BYTES].copy_from_slice(&length.to_le_bytes());
    Ok(frame)
}

/// Reads one message of at most `limit` bytes.
pub fn read<T: DeserializeOwned>(reader: &mut impl Read, limit: usize) -> Result<T, FrameError> {
    let length = read_length(reader)?;
    if length > limit as u64 {
        return Err(FrameError::TooLarge(length, limit));
    }
    read_body(reader, length)
}

/// Reads one message of at most `limit` bytes into a buffer of the length it
/// announces, reserved at once, for a reader that trusts its peer (a client
/// reading its owner's replies): a large message (a snapshot of tens of
/// megabytes) is then received without being copied each time its buffer
/// would have grown. The kernel gives the reservation memory only as bytes
/// arrive.
pub fn read_trusted<T: DeserializeOwned>(
    reader: &mut impl Read,
    limit: usize,
) -> Result<T, FrameError> {
    let length = read_length(reader)?;
    if length > limit as u64 {
        return Err(FrameError::TooLarge(length, limit));
    }
    // At most `limit`, an amount of memory.
    let mut body = Vec::with_capacity(length as usize);
    read_into(reader, length, &mut body)
}

/// Reads the length that starts a message, for a reader that decides how
/// much it will take before reading the rest with [`read_body`].
pub fn read_length(reader: &mut impl Read) -> Result<u64, FrameError> {
    let mut length = [0u8; LENGTH_BYTES];
    match read_full(reader, &mut length)? {
        0 => Err(FrameError::Closed),
        LENGTH_BYTES => Ok(u64::from(u32::from_le_bytes(length))),
        _ => Err(FrameError::Truncated),
    }
}

/// Reads and decodes the `length` bytes of a message after its length.
pub fn read_body<T: DeserializeOwned>(
    reader: &mut impl Read,
    length: u64,
) -> Result<T, FrameError> {
    read_into(reader, length, &mut Vec::new())
}

/// Reads the `length` bytes of a message's body into `body` and decodes them.
fn read_into<T: DeserializeOwned>(
    reader: &mut impl Read,
    length: u64,
    body: &mut Vec<u8>,
) -> Result<T, FrameError> {
    reader.take(length).read_to_end(body)?;
    if (body.len() as u64) < length {
        return Err(FrameError::Truncated);
    }
    decode(body)
}

/// Decodes the body of one message: its version, then the value.
pub fn decode<T: DeserializeOwned>(body: &[u8]) -> Result<T, FrameError> {
    let (version, rest) = body
        .split_first_chunk::<VERSION_BYTES>()
        .ok_or(FrameError::Truncated)?;
    let version = u16::from_le_bytes(*version);
    if version != PROTOCOL_VERSION {
        return Err(FrameError::Version(version));
    }
    let (value, read) = super::codec::decode_bounded(rest).map_err(FrameError::Invalid)?;
    if read != rest.len() {
        return Err(FrameError::Invalid("trailing bytes".into()));
    }
    Ok(value)
}

/// Fills `buf` unless the stream ends first; returns how much was read.
fn read_full(reader: &mut impl Read, buf: &mut [u8]) -> io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match reader.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
}
