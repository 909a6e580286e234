//! Words of the period review: risk flags, the review itself and meeting
//! mode's slides.

mod meeting;
mod risks;

pub use meeting::*;
pub use risks::*;
