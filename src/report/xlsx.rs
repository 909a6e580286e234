//! The report's annexes as a workbook, one sheet each.

use super::{ReportError, ReportInput};

pub fn workbook(_input: &ReportInput<'_>) -> Result<Vec<u8>, ReportError> {
    Err(ReportError("not yet".into()))
}
