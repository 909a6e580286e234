//! The versioned envelope around every stored record: two bytes of schema
//! version, then bincode. Reading dispatches on the version, so a record written
//! by an older build is migrated instead of failing.

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::SCHEMA_VERSION;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CodecError {
    #[error("record too short")]
    Truncated,
    #[error("record written by schema {0}, newer than this build")]
    Newer(u16),
    #[error("record cannot be decoded: {0}")]
    Invalid(String),
}

/// Bounds what a damaged length prefix can make the decoder allocate (a
/// claimed 1 TiB string would otherwise abort the process).
const DECODE_LIMIT: usize = 256 << 20;

fn config() -> bincode::config::Configuration<
    bincode::config::LittleEndian,
    bincode::config::Varint,
    bincode::config::Limit<DECODE_LIMIT>,
> {
    bincode::config::standard().with_limit::<DECODE_LIMIT>()
}

pub fn encode<T: Serialize>(value: &T) -> Result<Vec<u8>, CodecError> {
    let mut bytes = SCHEMA_VERSION.to_le_bytes().to_vec();
    bincode::serde::encode_into_std_write(value, &mut bytes, config())
        .map_err(|e| CodecError::Invalid(e.to_string()))?;
    Ok(bytes)
}

pub fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, CodecError> {
    let (version, body) = bytes
        .split_first_chunk::<2>()
        .ok_or(CodecError::Truncated)?;
    match u16::from_le_bytes(*version) {
        1 => decode_body(body),
        newer if newer > SCHEMA_VERSION => Err(CodecError::Newer(newer)),
        other => Err(CodecError::Invalid(format!("unknown schema {other}"))),
    }
}

fn decode_body<T: DeserializeOwned>(body: &[u8]) -> Result<T, CodecError> {
    let (value, read) = bincode::serde::decode_from_slice(body, config())
        .map_err(|e| CodecError::Invalid(e.to_string()))?;
    if read != body.len() {
        return Err(CodecError::Invalid("trailing bytes".into()));
    }
    Ok(value)
}
