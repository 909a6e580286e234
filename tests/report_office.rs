//! The period report as the office files it: the Word document laid out as
//! Nghị định 30/2020/NĐ-CP asks, and the workbook of its annexes, checked in
//! their XML and, where LibreOffice is installed, as the PDF it prints.

mod support;

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use chrono::{DateTime, NaiveDate};

use cchc::app::App;
use cchc::app::report::PeriodReport;
use cchc::domain::report_text::{ReportSection, ReportText, ReportTexts};
use cchc::i18n::{self, Lang};
use cchc::report::{Format, ReportInput, Separator, render};

use support::{date, seeded_app};

/// The day on the place-and-date line: day and month below 10.
fn signed_on() -> NaiveDate {
    date(2027, 3, 5)
}

fn strengths() -> ReportTexts {
    let mut texts = ReportTexts::new();
    texts.insert(
        ReportSection::Strengths,
        ReportText {
            text: "Lãnh đạo UBND xã quan tâm chỉ đạo sát sao.\nCác đơn vị phối hợp chặt chẽ."
                .into(),
            at: DateTime::parse_from_rfc3339("2026-11-26T09:00:00+07:00").expect("an instant"),
            who: "vanphong".into(),
        },
    );
    texts
}

fn file(report: &PeriodReport, texts: &ReportTexts, format: Format) -> Vec<u8> {
    let input = ReportInput {
        report,
        texts,
        lang: Lang::Vi,
        signed_on: signed_on(),
    };
    let mut files = render(&input, format, Separator::Comma).expect("the report renders");
    assert_eq!(files.len(), 1, "one file");
    files.remove(0).into_bytes().expect("the file's bytes")
}

fn part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip file");
    let mut part = zip
        .by_name(name)
        .unwrap_or_else(|_| panic!("{name} in the file"));
    let mut text = String::new();
    part.read_to_string(&mut text).expect("UTF-8 XML");
    text
}

/// The texts of the `<w:t>` elements from `from` on, in order.
fn texts_after(xml: &str, from: usize) -> Vec<&str> {
    xml[from..]
        .split("<w:t")
        .skip(1)
        .filter(|t| t.starts_with('>') || t.starts_with(' '))
        .filter_map(|t| {
            let body = t.split_once('>')?.1;
            Some(body.split_once("</w:t>")?.0)
        })
        .collect()
}

/// Text as the document's XML writes it.
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The generated store of `support`, read on 10/03/2027.
fn generated_app() -> App {
    let mut app = support::generated_app();
    app.set_clock(support::clock_on(date(2027, 3, 10)));
    app
}

#[test]
fn the_document_is_laid_out_as_the_decree_asks() {
    let app = seeded_app();
    let report = app.period_report().expect("the report");
    let texts = strengths();
    let xml = part(&file(&report, &texts, Format::Docx), "word/document.xml");

    // A4 portrait for the report, margins 20/20/30/15 mm.
    assert!(xml.contains(r#"<w:pgSz w:w="11906" w:h="16838""#), "A4");
    for margin in [
        r#"w:top="1134""#,
        r#"w:bottom="1134""#,
        r#"w:left="1701""#,
        r#"w:right="850""#,
    ] {
        assert!(xml.contains(margin), "margin {margin}");
    }
    // Times New Roman 13 pt is the document's default, which no run
    // overrides with another font; the report's paragraphs and the tables'
    // cells name their styles: justified with a 1 cm first line, and 11 pt.
    let styles = part(&file(&report, &texts, Format::Docx), "word/styles.xml");
    let (defaults, styles) = styles.split_once("</w:docDefaults>").expect("defaults");
    assert!(
        defaults.contains(r#"w:ascii="Times New Roman""#),
        "the font"
    );
    assert!(defaults.contains(r#"<w:sz w:val="26" />"#), "13 pt");
    assert!(!xml.contains("<w:rFonts"), "no other font");
    let style = |id: &str| {
        let at = styles
            .find(&format!(r#"w:styleId="{id}""#))
            .unwrap_or_else(|| panic!("style {id}"));
        styles[at..].split("</w:style>").next().unwrap_or_default()
    };
    let body = style("BaoCao");
    assert!(body.contains(r#"<w:jc w:val="both" />"#) && body.contains(r#"w:firstLine="567""#));
    for cell in ["OBang", "OBangGiua"] {
        assert!(
            style(cell).contains(r#"<w:sz w:val="22" />"#),
            "{cell} in 11 pt"
        );
        assert!(
            xml.contains(&format!(r#"<w:pStyle w:val="{cell}" />"#)),
            "{cell} used"
        );
    }
    assert!(xml.contains(r#"<w:pStyle w:val="BaoCao" />"#));
    // Page numbers from page 2: the first page has a header of its own.
    assert!(
        xml.contains("<w:titlePg />"),
        "a first page without a number"
    );

    let words = i18n::report_words(Lang::Vi);
    for heading in [
        "ỦY BAN NHÂN DÂN",
        "XÃ HÀ ĐÔNG",
        "Số:       /BC-UBND",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "BÁO CÁO",
        words.part_direction,
        words.part_results,
        words.part_assessment,
        words.part_next,
        words.part_proposals,
        "Nơi nhận:",
        "TM. ỦY BAN NHÂN DÂN",
        "Phụ lục I",
        "Phụ lục II",
        "Phụ lục III",
    ] {
        assert!(xml.contains(&format!(">{heading}<")), "{heading}");
    }
    // The date line in italics, day and month with their leading zero.
    let date_line = "Hà Đông, ngày 05 tháng 03 năm 2027";
    let at = xml.find(date_line).expect("the place-and-date line");
    let run_start = xml[..at].rfind("<w:r>").expect("its run");
    assert!(xml[run_start..at].contains("<w:i />"), "in italics");

    // The office's text where written, a marked place where not.
    assert!(xml.contains("Lãnh đạo UBND xã quan tâm chỉ đạo sát sao."));
    let missing = escaped(&i18n::text_to_write(ReportSection::Weaknesses, Lang::Vi));
    let at = xml.find(&missing).expect("the place left to write");
    let run_start = xml[..at].rfind("<w:r>").expect("its run");
    assert!(xml[run_start..at].contains(r#"<w:highlight w:val="yellow" />"#));
    assert!(!xml.contains(&escaped(&i18n::text_to_write(
        ReportSection::Strengths,
        Lang::Vi
    ))));

    // Annex headers repeat on each page.
    assert!(xml.contains("<w:tblHeader />"), "header rows repeat");
    // Every task of the period in annex II.
    for task in &report.tasks {
        let key = task.key.to_string();
        assert!(xml.contains(&format!(">{key}<")), "{key}");
    }
}

/// The office's own text is never taken for one of the places the long
/// lists are put in once the document is built: a report text holding what
/// such a place was marked with stays as written, and Annex II's rows stay
/// in Annex II.
#[test]
fn office_text_cannot_move_the_lists_of_the_document() {
    let app = seeded_app();
    let report = app.period_report().expect("the report");
    let forged: Vec<String> = ["annex-tasks", "plain-0", "plain-3", "plain-7"]
        .iter()
        .map(|name| format!("\u{E000}\u{E000}{name}\u{E000}\u{E000}"))
        .collect();
    let mut texts = ReportTexts::new();
    texts.insert(
        ReportSection::Strengths,
        ReportText {
            text: forged.join("\n"),
            at: DateTime::parse_from_rfc3339("2026-11-26T09:00:00+07:00").expect("an instant"),
            who: "vanphong".into(),
        },
    );
    let xml = part(&file(&report, &texts, Format::Docx), "word/document.xml");
    for line in &forged {
        assert!(
            xml.contains(&format!(">{line}<")),
            "kept as written: {line:?}"
        );
    }
    let annex = xml.find(">Phụ lục II<").expect("Annex II");
    let first = report.tasks.first().expect("a task").key.to_string();
    let row = xml.find(&format!(">{first}<")).expect("its row");
    assert!(row > annex, "Annex II's rows are in Annex II");
}

#[test]
fn the_grid_total_is_the_period_figures_total() {
    let app = generated_app();
    let report = app.period_report().expect("the report");
    assert!(report.figures.all.total > 0);
    let xml = part(
        &file(&report, &ReportTexts::new(), Format::Docx),
        "word/document.xml",
    );
    let total = xml.find(">Cộng<").expect("the total row");
    let row = xml[..total].rfind("<w:tr>").expect("its row");
    let cells = texts_after(&xml, row);
    assert_eq!(cells.first(), Some(&"Cộng"));
    assert_eq!(
        cells.get(1),
        Some(&report.figures.all.total.to_string().as_str())
    );
    assert_eq!(
        cells.get(5),
        Some(&report.figures.all.open_overdue.to_string().as_str())
    );
    // No office text yet: each of the four sections is marked.
    for section in ReportSection::ALL {
        let marked = escaped(&i18n::text_to_write(section, Lang::Vi));
        assert_eq!(
            xml.contains(&marked),
            section != ReportSection::Direction || report.next.is_empty(),
            "{section:?}"
        );
    }
}

#[test]
fn the_workbook_types_its_cells() {
    let app = generated_app();
    let report = app.period_report().expect("the report");
    let bytes = file(&report, &ReportTexts::new(), Format::Xlsx);
    let workbook = part(&bytes, "xl/workbook.xml");
    for name in ["Phụ lục I", "Phụ lục II", "Phụ lục III"] {
        assert!(workbook.contains(&format!(r#"name="{name}""#)), "{name}");
    }

    let grid = part(&bytes, "xl/worksheets/sheet1.xml");
    // The total in the total row's second column: a number, not a string.
    let total = report.figures.all.total;
    let last_row = 3 + 2 + report.figures.by_area.len() + report.figures.by_unit.len() + 1;
    let cell = format!(r#"<c r="B{last_row}""#);
    let at = grid.find(&cell).expect("the total's cell");
    let element = &grid[at..at + grid[at..].find("</c>").expect("its end")];
    assert!(!element.contains(r#"t="s""#) && !element.contains(r#"t="str""#));
    assert!(element.contains(&format!("<v>{total}</v>")), "{element}");

    let tasks = part(&bytes, "xl/worksheets/sheet2.xml");
    for sheet in [&grid, &tasks] {
        assert!(sheet.contains(r#"state="frozen""#), "the header frozen");
        assert!(sheet.contains(r#"orientation="landscape""#));
        assert!(sheet.contains(r#"paperSize="9""#), "A4");
    }
    // Due dates are dates: a number whose style formats it dd/mm/yyyy.
    let styles = part(&bytes, "xl/styles.xml");
    let date_format = styles
        .split("<numFmt ")
        .find(|f| f.contains(r#"formatCode="dd/mm/yyyy""#))
        .and_then(|f| f.split('"').nth(1))
        .expect("a date format")
        .to_string();
    let dated = report
        .tasks
        .iter()
        .position(|t| t.due.is_some())
        .expect("a dated task");
    let cell = format!(r#"<c r="E{}""#, 4 + dated);
    let at = tasks.find(&cell).expect("the due date's cell");
    let element = &tasks[at..at + tasks[at..].find("</c>").expect("its end")];
    assert!(!element.contains(" t="), "a number: {element}");
    let style: usize = element
        .split(r#"s=""#)
        .nth(1)
        .and_then(|s| s.split('"').next())
        .and_then(|s| s.parse().ok())
        .expect("a style");
    let xfs = styles.split("<cellXfs").nth(1).expect("cell formats");
    let xf = xfs.split("<xf ").nth(style + 1).expect("the cell's format");
    assert!(xf.contains(&format!(r#"numFmtId="{date_format}""#)), "{xf}");
}

/// `soffice` converts the file to PDF in `dir`; its text, or `None` when
/// LibreOffice is not installed.
fn pdf_text(bytes: &[u8], name: &str, dir: &Path) -> Option<String> {
    let source = dir.join(name);
    std::fs::write(&source, bytes).expect("write the file");
    let mut child = match Command::new("soffice")
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir)
        .arg(&source)
        .env("HOME", dir)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
    {
        Ok(child) => child,
        Err(_) => return None,
    };
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("soffice runs") {
            assert!(status.success(), "soffice converted {name}");
            break;
        }
        if started.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            panic!("soffice took over 120 s on {name}");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let pdf = source.with_extension("pdf");
    let out = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn libreoffice_prints_both_files() {
    let app = seeded_app();
    let report = app.period_report().expect("the report");
    let texts = strengths();
    let dir = tempfile::tempdir().expect("a temporary folder");
    let docx = file(&report, &texts, Format::Docx);
    let Some(text) = pdf_text(&docx, "bao-cao.docx", dir.path()) else {
        eprintln!("soffice is not installed: the PDF check was skipped");
        return;
    };
    let task = report.tasks.first().expect("a task of the period");
    let first_words: String = task
        .title
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ");
    for words in ["BÁO CÁO", "Phụ lục I", "Phụ lục III", first_words.as_str()] {
        assert!(text.contains(words), "the PDF says {words}");
    }
    let xlsx = file(&report, &texts, Format::Xlsx);
    let text = pdf_text(&xlsx, "phu-luc.xlsx", dir.path()).expect("soffice, found before");
    for words in ["Phụ lục I", "Phụ lục III", first_words.as_str()] {
        assert!(text.contains(words), "the workbook's PDF says {words}");
    }
}

/// Writes the report's files for a person to look at, where
/// `CCHC_REPORT_OUT` names a folder.
#[test]
fn write_for_a_look() {
    let Some(dir) = std::env::var_os("CCHC_REPORT_OUT") else {
        return;
    };
    let app = seeded_app();
    let report = app.period_report().expect("the report");
    let texts = strengths();
    let dir = Path::new(&dir);
    std::fs::write(
        dir.join("bao-cao.docx"),
        file(&report, &texts, Format::Docx),
    )
    .expect("write");
    std::fs::write(
        dir.join("phu-luc.xlsx"),
        file(&report, &texts, Format::Xlsx),
    )
    .expect("write");
}
