//! A target's state as stored. Schema 4 added the baseline the office
//! enters; a state written by an earlier schema is read in its own shape,
//! with no baseline.

use serde::Deserialize;

use super::codec::{self, CodecError};
use crate::domain::{Measurement, TargetState};

/// The first schema whose target state has this shape.
pub const FIRST_SCHEMA: u16 = 4;

pub fn decode(bytes: &[u8]) -> Result<TargetState, CodecError> {
    if codec::version(bytes)? >= FIRST_SCHEMA {
        codec::decode_since(bytes, FIRST_SCHEMA)
    } else {
        codec::decode::<TargetStateV3>(bytes).map(|old| TargetState {
            measurements: old.measurements,
            baseline: None,
        })
    }
}

#[derive(Deserialize)]
struct TargetStateV3 {
    measurements: Vec<Measurement>,
}
