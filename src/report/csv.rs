//! The report's annexes as CSV files, one each.

use super::{ReportError, ReportFile, ReportInput, Separator};

pub fn annexes(
    _input: &ReportInput<'_>,
    _separator: Separator,
) -> Result<Vec<ReportFile>, ReportError> {
    Err(ReportError("not yet".into()))
}
