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

/// Encodes with no limit: what we write is ours.
fn config() -> bincode::config::Configuration {
    bincode::config::standard()
}

/// Decodes bincode from `bytes`, never allocating much more than `bytes`
/// holds: a damaged or hostile length prefix inside (a claimed 1 GiB string
/// in a 16-byte record) is refused before anything is reserved for it.
/// bincode counts what it decodes at its in-memory size (a one-byte integer
/// counts as eight), so the bound is sixteen times the input, taken from the
/// next size class up since bincode's limit is a constant.
pub(super) fn decode_bounded<T: DeserializeOwned>(bytes: &[u8]) -> Result<(T, usize), String> {
    fn with<T: DeserializeOwned, const LIMIT: usize>(bytes: &[u8]) -> Result<(T, usize), String> {
        bincode::serde::decode_from_slice(bytes, config().with_limit::<LIMIT>())
            .map_err(|e| e.to_string())
    }
    const KIB: usize = 1 << 10;
    const MIB: usize = 1 << 20;
    match bytes.len() {
        n if n <= 4 * KIB => with::<T, { 64 * KIB }>(bytes),
        n if n <= 64 * KIB => with::<T, { MIB }>(bytes),
        n if n <= MIB => with::<T, { 16 * MIB }>(bytes),
        n if n <= 16 * MIB => with::<T, { 256 * MIB }>(bytes),
        n if n <= 64 * MIB => with::<T, { 1024 * MIB }>(bytes),
        _ => with::<T, { 4096 * MIB }>(bytes),
    }
}

pub fn encode<T: Serialize>(value: &T) -> Result<Vec<u8>, CodecError> {
    let mut bytes = SCHEMA_VERSION.to_le_bytes().to_vec();
    bincode::serde::encode_into_std_write(value, &mut bytes, config())
        .map_err(|e| CodecError::Invalid(e.to_string()))?;
    Ok(bytes)
}

/// Decodes a record of any schema whose shape this type kept (every record
/// but a task's, which schema 2 split: see `task_record`).
pub fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, CodecError> {
    decode_since(bytes, 1)
}

/// The schema a record was written by.
pub fn version(bytes: &[u8]) -> Result<u16, CodecError> {
    let (version, _) = bytes
        .split_first_chunk::<2>()
        .ok_or(CodecError::Truncated)?;
    Ok(u16::from_le_bytes(*version))
}

/// Decodes a record whose shape is the one of schema `first` and later.
pub fn decode_since<T: DeserializeOwned>(bytes: &[u8], first: u16) -> Result<T, CodecError> {
    let (version, body) = bytes
        .split_first_chunk::<2>()
        .ok_or(CodecError::Truncated)?;
    match u16::from_le_bytes(*version) {
        newer if newer > SCHEMA_VERSION => Err(CodecError::Newer(newer)),
        known if known >= first && known >= 1 => decode_body(body),
        other => Err(CodecError::Invalid(format!("unknown schema {other}"))),
    }
}

fn decode_body<T: DeserializeOwned>(body: &[u8]) -> Result<T, CodecError> {
    let (value, read) = decode_bounded(body).map_err(CodecError::Invalid)?;
    if read != body.len() {
        return Err(CodecError::Invalid("trailing bytes".into()));
    }
    Ok(value)
}
