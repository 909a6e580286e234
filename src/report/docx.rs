//! The report as a Word document (WordprocessingML).

use super::{ReportError, ReportInput};

pub fn document(_input: &ReportInput<'_>) -> Result<Vec<u8>, ReportError> {
    Err(ReportError("not yet".into()))
}
