//! The report as a Word document (WordprocessingML), laid out as Nghị định
//! 30/2020/NĐ-CP asks of an administrative document: A4, margins 20 mm top
//! and bottom, 30 mm left, 15 mm right; Times New Roman 13 pt; the
//! two-column heading, parts I–V and the signature block ([`body`]) on
//! portrait pages; the annexes, each from a new page, on landscape ones
//! ([`annex`]); page numbers centred at the
//! top from page 2. Uses `docx-rs`; what the crate cannot say (a table's
//! header row repeated on each page) is added to its XML here, and the
//! package is written straight to its file ([`package`]).

mod annex;
mod body;
mod package;
mod spliced;

use spliced::{ElementTemplate, Splice, cell_mark, stand_in_mark};

use docx_rs::{
    AlignmentType, BorderType, DocumentChild, Docx, Header, LineSpacing, PageMargin, PageNum,
    PageOrientationType, PageSize, Paragraph, ParagraphBorder, ParagraphBorderPosition,
    ParagraphBorders, Run, RunFonts, SectionProperty, SpecialIndentType, Style, StyleType, Table,
    TableCell, TableLayoutType, TableRow, WidthType, XMLDocx,
};

use super::{Destination, ReportError, ReportInput};
use crate::domain::text::sanitize_line;
use crate::i18n;

const FONT: &str = "Times New Roman";
/// A4 in twentieths of a point.
const PAGE: (u32, u32) = (11906, 16838);
/// 20 mm, 30 mm, 15 mm, and the header's 10 mm from the edge.
const MARGIN_TOP_BOTTOM: i32 = 1134;
const MARGIN_LEFT: i32 = 1701;
const MARGIN_RIGHT: i32 = 850;
const HEADER_FROM_EDGE: i32 = 567;
/// The width between the margins, what a table may take, on the report's
/// portrait pages and on the annexes' landscape ones.
const TEXT_WIDTH: usize = PAGE.0 as usize - MARGIN_LEFT as usize - MARGIN_RIGHT as usize;
const ANNEX_WIDTH: usize = PAGE.1 as usize - MARGIN_LEFT as usize - MARGIN_RIGHT as usize;
/// A body paragraph's first line: 1 cm.
const FIRST_LINE: i32 = 567;

/// Font sizes in half-points.
const BODY: usize = 26;
const TITLE: usize = 28;
const SMALL: usize = 24;
const RECIPIENTS: usize = 22;
const TABLE_TEXT: usize = 22;

/// Writes the Word document to `out`.
pub fn write(input: &ReportInput<'_>, out: &mut dyn Destination) -> Result<(), ReportError> {
    let (xml, splices) = build(input);
    let document = repeat_header_rows(&xml.document);
    package::write(&xml, |out| spliced::write(&document, splices, out), out)
        .map_err(|e| ReportError(i18n::office_file_failed("docx", &e.to_string(), input.lang)))
}

/// The document's parts, the body holding stand-ins for what the splices
/// write.
fn build<'a>(input: &ReportInput<'a>) -> (XMLDocx, Vec<Splice<'a>>) {
    // The document's own section is its last: the annexes, on landscape
    // pages, every one numbered.
    let mut docx = Docx::new()
        .page_size(PAGE.1, PAGE.0)
        .page_orient(PageOrientationType::Landscape)
        .page_margin(margins())
        .default_fonts(fonts())
        .default_size(BODY)
        .header(Header::new().add_paragraph(page_number()))
        .first_header(Header::new());
    for style in styles() {
        docx = docx.add_style(style);
    }
    docx.document.section_property.title_pg = false;
    let report_section = report_section(&docx.document.section_property);
    // Children go straight into the document: `Docx::add_paragraph` moves
    // the whole document at each call, which tells at 100,000 tasks.
    let body = body::blocks(input);
    let (annexes, mut splices) = annex::blocks(input);
    let children = &mut docx.document.children;
    children.reserve(body.len() + annexes.len() + 1);
    children.extend(with_plain_spliced(body, &mut splices));
    children.push(DocumentChild::Paragraph(Box::new(
        Paragraph::new().section_property(report_section),
    )));
    children.extend(with_plain_spliced(annexes, &mut splices));
    (docx.build(), splices)
}

fn margins() -> PageMargin {
    PageMargin::new()
        .top(MARGIN_TOP_BOTTOM)
        .bottom(MARGIN_TOP_BOTTOM)
        .left(MARGIN_LEFT)
        .right(MARGIN_RIGHT)
        .header(HEADER_FROM_EDGE)
        .footer(HEADER_FROM_EDGE)
}

/// The report's own section, portrait, ended by the paragraph that holds
/// it: the same headers as the annexes' (the numbered one, and the empty
/// one of the first page, `titlePg`), named by the ids `docx-rs` gave them.
fn report_section(annexes: &SectionProperty) -> SectionProperty {
    let mut section = SectionProperty::new()
        .page_size(PageSize::new().size(PAGE.0, PAGE.1))
        .page_margin(margins());
    if let Some((id, _)) = &annexes.header {
        section = section.header(Header::new(), id);
    }
    if let Some((id, _)) = &annexes.first_header {
        section = section.first_header(Header::new(), id);
    }
    section
}

/// What the body is made of, in order.
enum Block {
    Paragraph(Box<Paragraph>),
    Table(Box<Table>),
    /// A paragraph of the report's text in one plain run: part II has one
    /// per task, tens of thousands for a large plan, written from one
    /// template paragraph rather than built each through docx-rs.
    Plain(String),
}

/// The document's children from `blocks`: each stretch of plain
/// paragraphs becomes a stand-in paragraph, and its XML a splice that
/// replaces it once the document is built.
fn with_plain_spliced(blocks: Vec<Block>, splices: &mut Vec<Splice<'_>>) -> Vec<DocumentChild> {
    let template = ElementTemplate::new(&text(&cell_mark(0), Look::BODY), 1);
    let mut children = Vec::with_capacity(blocks.len());
    let mut stretch: Option<String> = None;
    let mut close = |stretch: &mut Option<String>, children: &mut Vec<DocumentChild>| {
        if let Some(xml) = stretch.take() {
            let mark = stand_in_mark(&format!("plain-{}", splices.len()));
            children.push(paragraph_child(text(&mark, Look::BODY)));
            splices.push(Splice::paragraph(mark, xml));
        }
    };
    for block in blocks {
        match (block, &template) {
            (Block::Plain(words), Some(template)) => {
                template.render(&[words], stretch.get_or_insert_with(String::new));
            }
            (Block::Plain(words), None) => children.push(paragraph_child(text(&words, Look::BODY))),
            (Block::Paragraph(p), _) => {
                close(&mut stretch, &mut children);
                children.push(DocumentChild::Paragraph(p));
            }
            (Block::Table(t), _) => {
                close(&mut stretch, &mut children);
                children.push(DocumentChild::Table(t));
            }
        }
    }
    close(&mut stretch, &mut children);
    children
}

fn paragraph_child(paragraph: Paragraph) -> DocumentChild {
    DocumentChild::Paragraph(Box::new(paragraph))
}

impl From<Paragraph> for Block {
    fn from(paragraph: Paragraph) -> Block {
        Block::Paragraph(Box::new(paragraph))
    }
}

impl From<Table> for Block {
    fn from(table: Table) -> Block {
        Block::Table(Box::new(table))
    }
}

/// How a run of text looks.
#[derive(Clone, Copy)]
struct Look {
    size: usize,
    bold: bool,
    italic: bool,
    /// A place the office has still to write: italic on yellow.
    to_write: bool,
}

impl Look {
    const BODY: Look = Look {
        size: BODY,
        bold: false,
        italic: false,
        to_write: false,
    };

    fn sized(size: usize) -> Look {
        Look { size, ..Look::BODY }
    }

    fn bold(self) -> Look {
        Look { bold: true, ..self }
    }

    fn italic(self) -> Look {
        Look {
            italic: true,
            ..self
        }
    }

    fn to_write(self) -> Look {
        Look {
            to_write: true,
            ..self
        }
    }
}

fn fonts() -> RunFonts {
    RunFonts::new()
        .ascii(FONT)
        .hi_ansi(FONT)
        .east_asia(FONT)
        .cs(FONT)
}

/// Text as a run: stored text may hold line breaks or control characters,
/// which a line of a document has no use for. The font, and the body's
/// size, are the document's defaults, or its paragraph style's size: not
/// repeated on each of a large report's hundreds of thousands of runs.
fn run(text: &str, look: Look) -> Run {
    run_in_style(text, look, BODY)
}

/// A run in a paragraph whose style sets the size `style_size`.
fn run_in_style(text: &str, look: Look, style_size: usize) -> Run {
    let mut run = Run::new().add_text(sanitize_line(text));
    if look.size != style_size {
        run = run.size(look.size);
    }
    if look.bold {
        run = run.bold();
    }
    if look.italic || look.to_write {
        run = run.italic();
    }
    if look.to_write {
        run = run.highlight("yellow");
    }
    run
}

/// A line of the heading, the title or a table: no indent, no spacing.
fn line(text: &str, look: Look, align: AlignmentType) -> Paragraph {
    Paragraph::new()
        .add_run(run(text, look))
        .align(align)
        .line_spacing(LineSpacing::new().before(0).after(0).line(240))
}

/// A line of a table cell, in the cell styles.
fn cell_line(text: &str, look: Look, align: AlignmentType) -> Paragraph {
    let style = match align {
        AlignmentType::Center => CENTRED_CELL_STYLE,
        _ => CELL_STYLE,
    };
    Paragraph::new()
        .style(style)
        .add_run(run_in_style(text, look, TABLE_TEXT))
}

fn centred(text: &str, look: Look) -> Paragraph {
    line(text, look, AlignmentType::Center)
}

/// A paragraph of the report's text, in its style ([`styles`]).
fn paragraph(runs: Vec<Run>) -> Paragraph {
    runs.into_iter()
        .fold(Paragraph::new().style(BODY_STYLE), Paragraph::add_run)
}

fn text(text: &str, look: Look) -> Paragraph {
    paragraph(vec![run(text, look)])
}

/// A short rule under a centred line, `width` twips wide in a column of
/// `column` twips.
fn rule(width: usize, column: usize) -> Paragraph {
    let side = i32::try_from(column.saturating_sub(width) / 2).unwrap_or(0);
    // An empty paragraph is as tall as its mark: a 2 pt one, 3 pt below
    // the line above, clear of its descenders.
    let mut p = Paragraph::new()
        .size(4)
        .indent(Some(side), None, Some(side), None)
        .line_spacing(LineSpacing::new().before(60).after(0));
    p.property = p.property.set_borders(
        ParagraphBorders::with_empty().set(
            ParagraphBorder::new(ParagraphBorderPosition::Top)
                .val(BorderType::Single)
                .size(6),
        ),
    );
    p
}

/// A cell of a fixed width holding these paragraphs, at its top (Word's
/// default, not written).
fn cell(paragraphs: Vec<Paragraph>, width: usize) -> TableCell {
    paragraphs
        .into_iter()
        .fold(TableCell::new(), TableCell::add_paragraph)
        .width(width, WidthType::Dxa)
}

/// The paragraph styles every paragraph of the body and every table cell
/// names, instead of repeating their layout: a report of a large plan has
/// hundreds of thousands of them.
const BODY_STYLE: &str = "BaoCao";
const CELL_STYLE: &str = "OBang";
const CENTRED_CELL_STYLE: &str = "OBangGiua";

/// The report's text: justified, its first line indented 1 cm, 6 pt
/// before it; a table's cells: 11 pt, no spacing, left or centred.
fn styles() -> [Style; 3] {
    let cell = |id: &str, name: &str, align: AlignmentType| {
        Style::new(id, StyleType::Paragraph)
            .name(name)
            .size(TABLE_TEXT)
            .align(align)
            .line_spacing(LineSpacing::new().before(0).after(0).line(240))
    };
    [
        Style::new(BODY_STYLE, StyleType::Paragraph)
            .name("Báo cáo")
            .align(AlignmentType::Both)
            .indent(
                None,
                Some(SpecialIndentType::FirstLine(FIRST_LINE)),
                None,
                None,
            )
            .line_spacing(LineSpacing::new().before(120).after(0).line(276)),
        cell(CELL_STYLE, "Ô bảng", AlignmentType::Left),
        cell(CENTRED_CELL_STYLE, "Ô bảng giữa", AlignmentType::Center),
    ]
}

/// A table of fixed column widths, so every reader lays it out alike.
fn fixed(table: Table, widths: &[usize]) -> Table {
    table
        .set_grid(widths.to_vec())
        .width(widths.iter().sum(), WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
}

/// A header row: repeated at the top of each page the table runs onto.
/// `docx-rs` cannot say so; it marks the row as not split across pages,
/// and [`repeat_header_rows`] adds the repeat to exactly those rows.
fn header_row(cells: Vec<TableCell>) -> TableRow {
    TableRow::new(cells).cant_split()
}

const HEADER_MARK: &[u8] = b"<w:cantSplit />";
const HEADER_REPEAT: &[u8] = b"<w:cantSplit /><w:tblHeader />";

/// The document's XML with each header row marked to repeat. Text never
/// holds the mark: `<` in text is written `&lt;`.
fn repeat_header_rows(xml: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(xml.len() + 1024);
    let mut from = 0;
    for at in memchr::memmem::find_iter(xml, HEADER_MARK) {
        out.extend_from_slice(&xml[from..at]);
        out.extend_from_slice(HEADER_REPEAT);
        from = at + HEADER_MARK.len();
    }
    out.extend_from_slice(&xml[from..]);
    out
}

/// The page number, centred at the top.
fn page_number() -> Paragraph {
    Paragraph::new()
        .add_page_num(PageNum::new())
        .align(AlignmentType::Center)
        .size(BODY)
        .fonts(fonts())
}
