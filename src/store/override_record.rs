//! A task's overrides as stored. Schema 5 added the officer in charge; an
//! override written by an earlier schema is read with none.

use serde::Deserialize;

use super::codec::{self, CodecError};
use crate::domain::TaskOverride;

/// The first schema whose overrides have this shape.
pub const FIRST_SCHEMA: u16 = 5;

pub fn decode(bytes: &[u8]) -> Result<TaskOverride, CodecError> {
    if codec::version(bytes)? >= FIRST_SCHEMA {
        codec::decode_since(bytes, FIRST_SCHEMA)
    } else {
        codec::decode::<TaskOverrideV4>(bytes).map(|old| TaskOverride {
            lead: old.lead,
            assignee: None,
        })
    }
}

#[derive(Deserialize)]
struct TaskOverrideV4 {
    lead: Option<String>,
}
