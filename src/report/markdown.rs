//! The report as Markdown, for a quick look in a terminal or a mail.

use super::ReportInput;

pub fn document(_input: &ReportInput<'_>) -> String {
    String::new()
}
