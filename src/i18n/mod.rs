//! Every user-facing word, Vietnamese first and English on request. Code names
//! are English; what a person reads comes from here and nowhere else. Split
//! by who reads it: errors (everyone), the command line, the screen, the
//! period review; the plan's own terms (statuses, fields) are shared. Reading
//! what people type is not here but in `domain::input`.

mod command_line;
mod errors;
mod lang;
mod report;
mod review;
mod screen;
mod statuses;

pub use command_line::*;
pub use errors::*;
pub use lang::Lang;
pub use report::*;
pub use review::*;
pub use screen::*;
pub use statuses::*;

use crate::app::AppError;
use crate::domain::catalog::CatalogError;
use crate::domain::date::format_date;
use crate::domain::error::TextField;
use crate::domain::text::sanitize_line;
use crate::domain::{Cadence, DeadlineClass, Field, InputError, MatchedField, Status, Value};
use crate::store::StoreError;
