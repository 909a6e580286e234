//! The report's annexes as CSV files, one each, in UTF-8 with a byte-order
//! mark so that Excel shows Vietnamese. With `;` between fields (Excel set to
//! Vietnamese) numbers take the decimal comma; with `,`, the point.

use super::tables::{self, Table};
use super::{Body, ReportError, ReportFile, ReportInput, Separator};
use crate::i18n::{self, Lang};

const BOM: &[u8] = "\u{feff}".as_bytes();

pub fn annexes(
    input: &ReportInput<'_>,
    separator: Separator,
) -> Result<Vec<ReportFile<'static>>, ReportError> {
    [
        ("I", tables::grid(input)),
        ("II", tables::tasks(input)),
        ("III", tables::targets(input)),
    ]
    .into_iter()
    .map(|(number, table)| {
        Ok(ReportFile {
            suffix: i18n::annex_file_suffix(number),
            body: Body::Bytes(annex(&table, separator)?),
        })
    })
    .collect()
}

fn annex(table: &Table, separator: Separator) -> Result<Vec<u8>, ReportError> {
    let (delimiter, numbers) = match separator {
        Separator::Comma => (b',', Lang::En),
        Separator::Semicolon => (b';', Lang::Vi),
    };
    let failed = |e: csv::Error| ReportError(e.to_string());
    let mut writer = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .from_writer(BOM.to_vec());
    writer.write_record(&table.header).map_err(failed)?;
    for row in &table.rows {
        writer
            .write_record(row.texts(table.header.len(), numbers))
            .map_err(failed)?;
    }
    writer
        .into_inner()
        .map_err(|e| ReportError(e.error().to_string()))
}
