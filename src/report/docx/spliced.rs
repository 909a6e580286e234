//! Thousands of like table rows or paragraphs written without building
//! each one through docx-rs, which takes seconds and gigabytes for a large
//! plan: one is built with a mark in each text, and every other is its XML
//! with the texts put in. They take the place of a stand-in row or
//! paragraph once the document's XML is built.

use std::io::{self, Write};

use docx_rs::BuildXML;

use crate::domain::text::{any_byte, sanitize_line};

/// Marks text the store and the plan never hold (a private-use character).
const MARK: char = '\u{E000}';

/// The mark of cell `index` in a template row.
pub(super) fn cell_mark(index: usize) -> String {
    format!("{MARK}{index}{MARK}")
}

/// The text of the stand-in that a splice replaces. It holds a token of
/// this process's own: text from the store may hold the private-use mark
/// (an office's report text once moved Annex II into part III that way),
/// but never a token it has not seen.
pub(super) fn stand_in_mark(name: &str) -> String {
    format!("{MARK}{MARK}{name}.{}{MARK}{MARK}", token())
}

fn token() -> &'static str {
    static TOKEN: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    TOKEN.get_or_init(|| {
        use std::hash::{BuildHasher, Hasher};
        // Hashing nothing with randomly keyed SipHash: 64 random bits.
        let random = std::collections::hash_map::RandomState::new()
            .build_hasher()
            .finish();
        format!("{random:016x}")
    })
}

/// A row's or a paragraph's XML cut at each of its texts.
pub(super) struct ElementTemplate {
    pieces: Vec<String>,
}

impl ElementTemplate {
    /// `element` built with [`cell_mark`]`(0..texts)` as its texts.
    pub(super) fn new(element: &impl BuildXML, texts: usize) -> Option<ElementTemplate> {
        let xml = String::from_utf8(element.build()).ok()?;
        // Paragraph ids are optional and must not repeat: left out; so are
        // the empty run properties docx-rs writes, a fifth of a row's XML.
        let mut xml = strip_para_ids(&xml).replace(EMPTY_PROPERTIES, "");
        let mut pieces = Vec::with_capacity(texts + 1);
        for index in 0..texts {
            let (before, after) = xml.split_once(&cell_mark(index))?;
            pieces.push(before.to_string());
            xml = after.to_string();
        }
        pieces.push(xml);
        Some(ElementTemplate { pieces })
    }

    /// Adds the element with `texts` in it to `out`.
    pub(super) fn render(&self, texts: &[String], out: &mut String) {
        for (piece, text) in self.pieces.iter().zip(texts) {
            out.push_str(piece);
            escape_into(&sanitize_line(text), out);
        }
        if let Some(last) = self.pieces.last() {
            out.push_str(last);
        }
    }
}

const EMPTY_PROPERTIES: &str = "<w:rPr />";

fn strip_para_ids(xml: &str) -> String {
    const ATTRIBUTE: &str = " w14:paraId=\"";
    let mut out = String::with_capacity(xml.len());
    let mut rest = xml;
    while let Some(at) = rest.find(ATTRIBUTE) {
        out.push_str(&rest[..at]);
        let value = &rest[at + ATTRIBUTE.len()..];
        rest = value.find('"').map_or("", |end| &value[end + 1..]);
    }
    out.push_str(rest);
    out
}

/// `text` as XML character data. The four characters escaped are ASCII,
/// never part of another character's bytes: the text between them is
/// copied whole.
fn escape_into(text: &str, out: &mut String) {
    let escaped = |b: u8| (b == b'&') | (b == b'<') | (b == b'>') | (b == b'"');
    if !any_byte(text.as_bytes(), escaped) {
        out.push_str(text);
        return;
    }
    let mut rest = text;
    while let Some(at) = rest.bytes().position(escaped) {
        out.push_str(&rest[..at]);
        out.push_str(match rest.as_bytes()[at] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            _ => "&quot;",
        });
        rest = &rest[at + 1..];
    }
    out.push_str(rest);
}

/// What writes a splice's XML.
type WriteSplice<'a> = Box<dyn FnOnce(&mut dyn Write) -> io::Result<()> + 'a>;

/// Rows or paragraphs taking the place of the stand-in row or paragraph
/// that holds `mark`, written when the document is: Annex II of a large
/// plan runs to hundreds of megabytes, never held whole.
pub(super) struct Splice<'a> {
    mark: String,
    /// The stand-in's element: `w:tr` or `w:p`.
    element: &'static str,
    write: WriteSplice<'a>,
}

impl<'a> Splice<'a> {
    pub(super) fn row(
        mark: String,
        write: impl FnOnce(&mut dyn Write) -> io::Result<()> + 'a,
    ) -> Splice<'a> {
        Splice {
            mark,
            element: "w:tr",
            write: Box::new(write),
        }
    }

    pub(super) fn paragraph(mark: String, xml: String) -> Splice<'a> {
        Splice {
            mark,
            element: "w:p",
            write: Box::new(move |out| out.write_all(xml.as_bytes())),
        }
    }

    /// Where the stand-in starts and ends in `xml`.
    fn stand_in(&self, xml: &[u8]) -> Option<(usize, usize)> {
        let at = memchr::memmem::find(xml, self.mark.as_bytes())?;
        let (bare, with_attributes) =
            (format!("<{}>", self.element), format!("<{} ", self.element));
        let before = &xml[..at];
        let start = memchr::memmem::rfind(before, bare.as_bytes())
            .max(memchr::memmem::rfind(before, with_attributes.as_bytes()))?;
        let close = format!("</{}>", self.element);
        let end = memchr::memmem::find(&xml[at..], close.as_bytes())? + at + close.len();
        Some((start, end))
    }
}

/// Writes the document's XML to `out` with each splice's stand-in replaced
/// by what the splice writes; a stand-in that is not found leaves the XML
/// as it was.
pub(super) fn write(xml: &[u8], splices: Vec<Splice<'_>>, out: &mut dyn Write) -> io::Result<()> {
    let mut cuts: Vec<(usize, usize, Splice<'_>)> = splices
        .into_iter()
        .filter_map(|splice| {
            let (start, end) = splice.stand_in(xml)?;
            Some((start, end, splice))
        })
        .collect();
    cuts.sort_by_key(|cut| cut.0);
    let mut from = 0;
    for (start, end, splice) in cuts {
        // Stand-ins never overlap; were one found inside another, it is left.
        if start < from {
            continue;
        }
        out.write_all(&xml[from..start])?;
        (splice.write)(out)?;
        from = end;
    }
    out.write_all(&xml[from..])
}

#[cfg(test)]
mod tests {
    use super::*;
    use docx_rs::{Paragraph, Run, TableCell, TableRow};

    fn spliced(xml: &str, splices: Vec<Splice<'_>>) -> String {
        let mut out = Vec::new();
        write(xml.as_bytes(), splices, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    fn row_of(texts: &[String]) -> TableRow {
        TableRow::new(
            texts
                .iter()
                .map(|t| {
                    TableCell::new().add_paragraph(Paragraph::new().add_run(Run::new().add_text(t)))
                })
                .collect(),
        )
    }

    #[test]
    fn a_rendered_row_is_the_row_docx_rs_builds() {
        let marks: Vec<String> = (0..3).map(cell_mark).collect();
        let template = ElementTemplate::new(&row_of(&marks), 3).unwrap();
        let texts = [
            "1".to_string(),
            "a < b & c > d, Việt&Nam".into(),
            "Văn bản".into(),
        ];
        let mut ours = String::new();
        template.render(&texts, &mut ours);
        let built = strip_para_ids(&String::from_utf8(row_of(&texts).build()).unwrap())
            .replace(EMPTY_PROPERTIES, "");
        assert_eq!(ours, built);
    }

    #[test]
    fn the_stand_in_row_is_replaced_whole() {
        let mark = stand_in_mark("II");
        let xml = format!(
            "<w:tbl><w:tr><w:tc>head</w:tc></w:tr><w:tr><w:tc>{mark}</w:tc></w:tr></w:tbl>"
        );
        let splices = vec![Splice::row(mark, |out| {
            out.write_all(b"<w:tr>1</w:tr><w:tr>2</w:tr>")
        })];
        let out = spliced(&xml, splices);
        assert_eq!(
            out,
            "<w:tbl><w:tr><w:tc>head</w:tc></w:tr><w:tr>1</w:tr><w:tr>2</w:tr></w:tbl>"
        );
    }

    #[test]
    fn a_stand_in_paragraph_is_replaced_whole_and_its_properties_are_not_taken_for_it() {
        let mark = stand_in_mark("plain-0");
        let xml = format!(
            "<w:p><w:r><w:t>before</w:t></w:r></w:p><w:p w14:paraId=\"7\"><w:pPr><w:pStyle w:val=\"BaoCao\" /></w:pPr><w:r><w:t>{mark}</w:t></w:r></w:p><w:p>after</w:p>"
        );
        let splices = vec![Splice::paragraph(mark, "<w:p>1</w:p><w:p>2</w:p>".into())];
        let out = spliced(&xml, splices);
        assert_eq!(
            out,
            "<w:p><w:r><w:t>before</w:t></w:r></w:p><w:p>1</w:p><w:p>2</w:p><w:p>after</w:p>"
        );
    }

    #[test]
    fn stand_ins_found_in_one_element_replace_it_once_without_a_panic() {
        let (first, second) = (stand_in_mark("a"), stand_in_mark("b"));
        let xml = format!("<w:tr><w:tc>{first}</w:tc><w:tc>{second}</w:tc></w:tr>");
        let splices = vec![
            Splice::row(first, |out| out.write_all(b"<w:tr>A</w:tr>")),
            Splice::row(second, |out| out.write_all(b"<w:tr>B</w:tr>")),
        ];
        let out = spliced(&xml, splices);
        assert!(out == "<w:tr>A</w:tr>" || out == "<w:tr>B</w:tr>", "{out}");
    }
}
