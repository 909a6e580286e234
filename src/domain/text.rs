//! Text as Vietnamese users type and read it: NFC normalisation, accent-insensitive
//! folding for search, validation of typed text, and sanitising stored text before
//! it reaches a terminal.

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use super::InputError;
use super::error::TextField;

/// Canonical composed form; every string is stored this way.
pub fn nfc(text: &str) -> String {
    text.nfc().collect()
}

/// Folds text for matching: no diacritics, `đ` as `d`, lower case, runs of
/// white space as one space. "Cải  CÁCH" and "cai cach" fold alike, whatever
/// normal form the input method sent.
pub fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    let mut last_was_space = true;
    let mut push = |c: char| {
        if c.is_whitespace() {
            if !last_was_space {
                folded.push(' ');
            }
            last_was_space = true;
        } else {
            last_was_space = false;
            if c.is_ascii() {
                folded.push(c.to_ascii_lowercase());
            } else {
                folded.extend(c.to_lowercase());
            }
        }
    };
    for c in text.chars() {
        match c {
            _ if c.is_ascii() => push(c),
            _ => match latin_letter_folded(c) {
                Some(plain) => push(plain),
                None => fold_char(c, &mut push),
            },
        }
    }
    if folded.ends_with(' ') {
        folded.pop();
    }
    folded
}

/// One character folded the long way: a precomposed letter decomposes to
/// its base letter; marks (also those an input method sent separately) are
/// dropped.
fn fold_char(c: char, push: &mut impl FnMut(char)) {
    match c {
        'đ' | 'Đ' => push('d'),
        _ => unicode_normalization::char::decompose_canonical(c, |part| {
            if !is_combining_mark(part) {
                push(part);
            }
        }),
    }
}

/// The Latin letters Vietnamese is written with (U+00C0–U+024F and
/// U+1E00–U+1EFF), each folded once to the one ASCII letter it becomes:
/// folding 100,000 titles for search then takes a table lookup a letter.
fn latin_letter_folded(c: char) -> Option<char> {
    use std::sync::LazyLock;
    const BLOCKS: [(u32, u32); 2] = [(0x00C0, 0x024F), (0x1E00, 0x1EFF)];
    static TABLE: LazyLock<Vec<Vec<Option<char>>>> = LazyLock::new(|| {
        BLOCKS
            .iter()
            .map(|&(first, last)| (first..=last).map(folds_to_one_ascii).collect())
            .collect()
    });
    let code = u32::from(c);
    BLOCKS
        .iter()
        .zip(TABLE.iter())
        .find(|((first, last), _)| (*first..=*last).contains(&code))
        .and_then(|((first, _), table)| table[(code - first) as usize])
}

/// What the long way folds `code` to, when that is one ASCII letter.
fn folds_to_one_ascii(code: u32) -> Option<char> {
    let c = char::from_u32(code)?;
    let mut parts = Vec::new();
    fold_char(c, &mut |part| parts.extend(part.to_lowercase()));
    match parts.as_slice() {
        [one] if one.is_ascii_alphabetic() => Some(*one),
        _ => None,
    }
}

/// A folded query, ready to be looked for in many folded texts: each of its
/// words is searched for with a SIMD substring search built once.
pub struct FoldedQuery {
    words: Vec<memchr::memmem::Finder<'static>>,
}

impl FoldedQuery {
    pub fn new(query_folded: &str) -> FoldedQuery {
        FoldedQuery {
            words: query_folded
                .split(' ')
                .filter(|w| !w.is_empty())
                .map(|w| memchr::memmem::Finder::new(w.as_bytes()).into_owned())
                .collect(),
        }
    }

    /// Where the first word next occurs in `text` from byte `from`; with no
    /// words, `from` itself while there is text left.
    pub fn first_word_from(&self, text: &str, from: usize) -> Option<usize> {
        let rest = text.as_bytes().get(from..).filter(|r| !r.is_empty())?;
        match self.words.first() {
            Some(word) => word.find(rest).map(|at| from + at),
            None => Some(from),
        }
    }

    /// A query of no words, which every text holds.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// True when every word occurs in `haystack_folded`.
    pub fn matches(&self, haystack_folded: &str) -> bool {
        self.words
            .iter()
            .all(|word| word.find(haystack_folded.as_bytes()).is_some())
    }
}

/// True when every word of `query` (folded) occurs in `haystack_folded`.
pub fn matches_folded(haystack_folded: &str, query_folded: &str) -> bool {
    FoldedQuery::new(query_folded).matches(haystack_folded)
}

/// Limits for typed text, in characters.
pub const MAX_NOTE_CHARS: usize = 4_000;
pub const MAX_SHORT_TEXT_CHARS: usize = 500;

/// Checks typed text and returns it trimmed and in NFC. Control and escape
/// characters are refused; `multiline` allows line breaks (and tabs).
pub fn validate_text(
    input: &str,
    field: TextField,
    max_chars: usize,
    multiline: bool,
) -> Result<String, InputError> {
    let text = nfc(input.trim()).replace("\r\n", "\n");
    if text.is_empty() {
        return Err(InputError::EmptyText(field));
    }
    let allowed = |c: char| multiline && (c == '\n' || c == '\t');
    if text.chars().any(|c| is_unsafe(c) && !allowed(c)) {
        return Err(InputError::ControlCharacters(field));
    }
    let chars = text.chars().count();
    if chars > max_chars {
        return Err(InputError::TextTooLong {
            field,
            chars,
            max: max_chars,
        });
    }
    Ok(text)
}

/// Characters that must never reach a terminal raw: C0 and C1 controls, DEL,
/// and the bidirectional overrides that can disguise text.
fn is_unsafe(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Whether `text` may hold an unsafe character, by its bytes alone: every
/// unsafe character is a byte below 0x20, DEL, or starts with 0xC2 (C1
/// controls) or 0xE2 (the overrides). Text without those bytes, most of it,
/// is passed on without decoding: a report copies hundreds of megabytes.
fn may_be_unsafe(text: &str) -> bool {
    let suspect = |b: u8| (b < 0x20) | (b == 0x7F) | (b == 0xC2) | (b == 0xE2);
    any_byte(text.as_bytes(), suspect)
}

/// Whether any of `bytes` is one `pick` picks: tested a block at a time
/// without stopping inside one, which the compiler turns into vector code.
pub fn any_byte(bytes: &[u8], pick: impl Fn(u8) -> bool) -> bool {
    let mut blocks = bytes.chunks_exact(32);
    let found = blocks
        .by_ref()
        .any(|block| block.iter().fold(false, |found, &b| found | pick(b)));
    found || blocks.remainder().iter().any(|&b| pick(b))
}

/// Stored text made safe for a terminal line: unsafe characters become `�`,
/// line breaks and tabs become spaces.
pub fn sanitize_line(text: &str) -> Cow<'_, str> {
    if !may_be_unsafe(text) || !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| match c {
                '\n' | '\t' | '\r' => ' ',
                c if is_unsafe(c) => '\u{FFFD}',
                c => c,
            })
            .collect(),
    )
}

/// Text on its way out of a command: like [`sanitize_line`], but line breaks
/// and tabs (what separates TSV columns) stay.
pub fn sanitize_output(text: &str) -> Cow<'_, str> {
    let kept = |c: char| matches!(c, '\n' | '\t');
    if !text.chars().any(|c| is_unsafe(c) && !kept(c)) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| {
                if is_unsafe(c) && !kept(c) {
                    '\u{FFFD}'
                } else {
                    c
                }
            })
            .collect(),
    )
}

/// Like [`sanitize_line`] but keeps line breaks, for multi-line notes.
pub fn sanitize_block(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| is_unsafe(c) && c != '\n') {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| match c {
                '\n' => '\n',
                '\t' => ' ',
                c if is_unsafe(c) => '\u{FFFD}',
                c => c,
            })
            .collect(),
    )
}

/// JSON text with every character that is unsafe for a terminal written as a
/// `\uXXXX` escape. serde_json escapes C0 controls but passes C1 controls (CSI
/// U+009B) and bidi overrides raw; escaped, the JSON still means the same.
pub fn escape_json_controls(json: String) -> String {
    if !json.chars().any(is_unsafe) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if is_unsafe(c) && c != '\n' {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// Cuts `text` to at most `width` display columns, ending with … when cut.
/// Vietnamese diacritics take no column; wide characters take two.
pub fn truncate_width(text: &str, width: usize) -> Cow<'_, str> {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    if text.width() <= width {
        return Cow::Borrowed(text);
    }
    if width == 0 {
        return Cow::Borrowed("");
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    Cow::Owned(out)
}

/// [`truncate_width`], then padded with spaces to exactly `width` columns.
pub fn fit_width(text: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthStr;
    let cut = truncate_width(text, width);
    let pad = width.saturating_sub(cut.width());
    let mut fitted = String::with_capacity(cut.len() + pad);
    fitted.push_str(&cut);
    fitted.extend(std::iter::repeat_n(' ', pad));
    fitted
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_unsafe_character_is_found_by_its_bytes() {
        let mut buffer = [0; 4];
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let alone = c.encode_utf8(&mut buffer);
            assert!(!is_unsafe(c) || may_be_unsafe(alone), "{:X}", c as u32);
            let long = format!(
                "{}{alone}{}",
                "Cải cách hành chính ".repeat(3),
                "ạ".repeat(20)
            );
            assert_eq!(may_be_unsafe(&long), may_be_unsafe(alone), "{:X}", c as u32);
        }
        assert!(!may_be_unsafe(
            "Kế hoạch cải cách hành chính năm 2026 - Ủy ban"
        ));
    }

    /// The table folds every letter of its blocks as the long way does.
    #[test]
    fn the_letter_table_folds_as_the_long_way() {
        for code in (0x00C0..=0x024F).chain(0x1E00..=0x1EFF) {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            let mut long = String::new();
            fold_char(c, &mut |part| long.extend(part.to_lowercase()));
            let long = long.trim().to_string();
            assert_eq!(fold(&c.to_string()), long, "U+{code:04X} {c}");
        }
        assert_eq!(fold("Cải  CÁCH Hành chính ĐÔ"), "cai cach hanh chinh do");
    }

    #[test]
    fn a_query_matches_when_every_word_occurs() {
        let query = FoldedQuery::new(&fold("hành  chính"));
        assert!(query.matches(&fold("Cải cách HÀNH CHÍNH")));
        assert!(!query.matches(&fold("Cải cách hành")));
        assert!(FoldedQuery::new("").matches("anything"));
    }

    #[test]
    fn folding_ignores_accents_case_and_normal_form() {
        assert_eq!(fold("Cải cách"), "cai cach");
        assert_eq!(fold("CẢI CÁCH"), "cai cach");
        assert_eq!(fold("Đất đai"), "dat dai");
        let decomposed = "Ca\u{0309}i ca\u{0301}ch";
        assert_eq!(fold(decomposed), "cai cach");
        assert_eq!(fold("  thủ   tục \n hành chính "), "thu tuc hanh chinh");
    }

    #[test]
    fn every_query_word_must_match() {
        let hay = fold("Rà soát văn bản quy phạm pháp luật");
        assert!(matches_folded(&hay, &fold("ra soat")));
        assert!(matches_folded(&hay, &fold("pháp rà")));
        assert!(!matches_folded(&hay, &fold("đất")));
    }

    #[test]
    fn validation_refuses_controls_and_oversize() {
        assert_eq!(
            validate_text("a\u{1b}[2J", TextField::Note, 10, true),
            Err(InputError::ControlCharacters(TextField::Note))
        );
        assert_eq!(
            validate_text("ab\ncd", TextField::DocumentNumber, 10, false),
            Err(InputError::ControlCharacters(TextField::DocumentNumber))
        );
        assert!(matches!(
            validate_text(&"x".repeat(11), TextField::Note, 10, true),
            Err(InputError::TextTooLong { chars: 11, .. })
        ));
        assert_eq!(
            validate_text("   ", TextField::Note, 10, true),
            Err(InputError::EmptyText(TextField::Note))
        );
        assert_eq!(
            validate_text(" a\r\nb ", TextField::Note, 10, true),
            Ok("a\nb".to_string())
        );
    }

    #[test]
    fn validation_stores_nfc() {
        let typed = validate_text("ca\u{0309}i", TextField::Note, 10, false).unwrap();
        assert_eq!(typed, "cải");
    }

    #[test]
    fn json_keeps_its_meaning_without_raw_controls() {
        let json = serde_json::to_string("a\u{9b}31mb\u{202E}").unwrap();
        let safe = escape_json_controls(json.clone());
        assert!(!safe.contains('\u{9b}') && !safe.contains('\u{202E}'));
        let back: String = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, "a\u{9b}31mb\u{202E}");
        let pretty = serde_json::to_string_pretty(&vec!["x"]).unwrap();
        assert_eq!(escape_json_controls(pretty.clone()), pretty);
    }

    #[test]
    fn cutting_by_display_width() {
        assert_eq!(truncate_width("Cải cách hành chính", 8), "Cải các…");
        assert_eq!(fit_width("Đất", 5), "Đất  ");
        assert_eq!(truncate_width("行政改革", 5), "行政…");
        assert_eq!(truncate_width("abc", 0), "");
        let decomposed = "Ca\u{0309}i";
        assert_eq!(fit_width(decomposed, 4), format!("{decomposed} "));
    }

    #[test]
    fn sanitizing_neutralises_escapes() {
        assert_eq!(sanitize_line("ok"), Cow::Borrowed("ok"));
        assert_eq!(sanitize_line("a\u{1b}[31mb\nc"), "a\u{FFFD}[31mb c");
        assert_eq!(sanitize_line("x\u{9b}y\u{202E}"), "x\u{FFFD}y\u{FFFD}");
        assert_eq!(sanitize_block("a\nb\u{7}"), "a\nb\u{FFFD}");
    }
}
