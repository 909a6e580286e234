//! The Word package, a zip of XML parts, written straight to its
//! destination: the document part is streamed in as it is made, so a large
//! plan's hundreds of megabytes are never held whole. The parts are those
//! `docx-rs` builds, in the order it packs them; they are stored, not
//! compressed, which takes a tenth of the time deflating would.

use std::io::{self, Write};

use docx_rs::XMLDocx;
use zip::ZipWriter;
use zip::result::ZipResult;
use zip::write::SimpleFileOptions;

use super::super::Destination;

pub(super) fn write(
    xml: &XMLDocx,
    document: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    out: &mut dyn Destination,
) -> ZipResult<()> {
    let mut zip = ZipWriter::new(out);
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored)
        .unix_permissions(0o644);
    let part = |zip: &mut ZipWriter<_>, name: &str, bytes: &[u8]| -> ZipResult<()> {
        zip.start_file(name, options)?;
        Ok(zip.write_all(bytes)?)
    };
    part(&mut zip, "[Content_Types].xml", &xml.content_type)?;
    part(&mut zip, "_rels/.rels", &xml.rels)?;
    part(&mut zip, "docProps/app.xml", &xml.doc_props.app)?;
    part(&mut zip, "docProps/core.xml", &xml.doc_props.core)?;
    part(&mut zip, "docProps/custom.xml", &xml.doc_props.custom)?;
    part(&mut zip, "word/_rels/document.xml.rels", &xml.document_rels)?;
    zip.start_file("word/document.xml", options)?;
    document(&mut zip)?;
    part(&mut zip, "word/styles.xml", &xml.styles)?;
    part(&mut zip, "word/settings.xml", &xml.settings)?;
    part(&mut zip, "word/fontTable.xml", &xml.font_table)?;
    part(&mut zip, "word/comments.xml", &xml.comments)?;
    part(&mut zip, "word/numbering.xml", &xml.numberings)?;
    part(
        &mut zip,
        "word/commentsExtended.xml",
        &xml.comments_extended,
    )?;
    part(&mut zip, "word/footnotes.xml", &xml.footnotes)?;
    let page_parts = [
        ("header", &xml.headers, &xml.header_rels),
        ("footer", &xml.footers, &xml.footer_rels),
    ];
    for (kind, parts, all_rels) in page_parts {
        for (i, bytes) in parts.iter().enumerate() {
            part(&mut zip, &format!("word/{kind}{}.xml", i + 1), bytes)?;
            if let Some(rels) = all_rels.get(i) {
                part(
                    &mut zip,
                    &format!("word/_rels/{kind}{}.xml.rels", i + 1),
                    rels,
                )?;
            }
        }
    }
    zip.finish()?;
    Ok(())
}
