//! Section rows: "I. CẢI CÁCH THỂ CHẾ", "B | Cải cách thủ tục hành chính".
//! Each names an area of the plan; the tasks below it belong to that area.

use crate::domain::catalog::Area;
use crate::domain::text::fold;

/// How many of an area's first words a section has to name: enough to tell
/// the plan's areas apart ("cải cách thủ tục", "công tác chỉ đạo") while
/// "Xây dựng, phát triển Chính phủ số" still names "Xây dựng và phát triển
/// Chính phủ điện tử, Chính phủ số".
const AREA_WORDS: usize = 4;

/// What a row says as a section, if it is one: the words after a section
/// number. `number` is the STT cell's text, `content` the content cell's.
pub fn label(number: &str, content: &str) -> Option<String> {
    let number = number.trim();
    if marker(number) {
        return Some(content.to_string());
    }
    if let Some(rest) = after_marker(number).filter(|_| content.trim().is_empty()) {
        return Some(rest.to_string());
    }
    if number.is_empty() {
        return after_marker(content).map(str::to_string);
    }
    None
}

/// Whether `text` alone is a section's number: a Roman numeral or a
/// capital letter, with or without "." or ")". Lower-case "a)" numbers a
/// task.
fn marker(text: &str) -> bool {
    let core = text.trim_end_matches(['.', ')', ':']).trim();
    let roman = !core.is_empty() && core.len() <= 5 && core.chars().all(|c| "IVX".contains(c));
    let letter = core.len() == 1 && core.chars().all(|c| c.is_ascii_uppercase());
    roman || letter
}

/// The text after a leading section number ("II. Cải cách…", "B - …").
fn after_marker(text: &str) -> Option<&str> {
    let text = text.trim();
    let end = text.find(['.', ')', ' ', '-', ':'])?;
    if !marker(&text[..end]) {
        return None;
    }
    let rest = text[end..].trim_start_matches(['.', ')', ' ', '-', ':', '–']);
    (!rest.is_empty()).then_some(rest)
}

/// The area a section's words name.
pub fn area_named<'a>(areas: &'a [Area], label: &str) -> Option<&'a Area> {
    let words = words(label);
    areas.iter().find(|area| {
        let name = words_of_area(area);
        contains(&words, &name[..name.len().min(AREA_WORDS)])
    })
}

/// The area named by the start of a row's content, for a section row that
/// has no number ("CẢI CÁCH THỂ CHẾ"). Only the start counts: a task's
/// title may mention an area ("Tuyên truyền về cải cách thủ tục…").
pub fn area_starting<'a>(areas: &'a [Area], content: &str) -> Option<&'a Area> {
    let words = words(content);
    areas.iter().find(|area| {
        let name = words_of_area(area);
        words.starts_with(&name[..name.len().min(AREA_WORDS)])
    })
}

fn words_of_area(area: &Area) -> Vec<String> {
    words(&area.name)
}

/// Folded words without "và", which people put in or leave out.
fn words(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && *w != "va")
        .map(str::to_string)
        .collect()
}

fn contains(words: &[String], part: &[String]) -> bool {
    !part.is_empty() && words.windows(part.len()).any(|w| w == part)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn areas() -> Vec<Area> {
        crate::domain::Catalog::bundled()
            .expect("bundled catalog")
            .areas
    }

    fn area(label: &str) -> Option<u8> {
        area_named(&areas(), label).map(|a| a.code)
    }

    #[test]
    fn section_numbers_are_roman_numerals_or_capitals() {
        assert_eq!(
            label("I", "CẢI CÁCH THỂ CHẾ").as_deref(),
            Some("CẢI CÁCH THỂ CHẾ")
        );
        assert_eq!(label("IV.", "x").as_deref(), Some("x"));
        assert_eq!(label("B", "x").as_deref(), Some("x"));
        assert_eq!(label("1", "Cải cách thể chế"), None);
        assert_eq!(label("a)", "Cải cách thể chế"), None);
        assert_eq!(label("", "Rà soát văn bản"), None);
    }

    #[test]
    fn the_number_may_share_a_cell_with_the_words() {
        assert_eq!(
            label("", "II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH").as_deref(),
            Some("CẢI CÁCH THỦ TỤC HÀNH CHÍNH")
        );
        assert_eq!(
            label("III - Cải cách tổ chức bộ máy", "").as_deref(),
            Some("Cải cách tổ chức bộ máy")
        );
        assert_eq!(label("", "Vận hành hệ thống"), None);
    }

    #[test]
    fn sections_name_the_plans_areas_folded() {
        assert_eq!(area("CẢI CÁCH THỂ CHẾ"), Some(1));
        assert_eq!(area("Cải cách thủ tục hành chính"), Some(2));
        assert_eq!(area("Cải cách tổ chức bộ máy hành chính nhà nước"), Some(3));
        assert_eq!(area("CẢI CÁCH CHẾ ĐỘ CÔNG VỤ"), Some(4));
        assert_eq!(area("Cải cách tài chính công"), Some(5));
        assert_eq!(
            area("XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH PHỦ ĐIỆN TỬ, CHÍNH PHỦ SỐ"),
            Some(6)
        );
        assert_eq!(area("Xây dựng, phát triển Chính phủ số"), Some(6));
        assert_eq!(area("Công tác chỉ đạo, điều hành"), Some(0));
        assert_eq!(area("CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC"), Some(0));
        assert_eq!(area("Lĩnh vực cải cách thể chế"), Some(1));
        assert_eq!(area("Nhiệm vụ khác"), None);
    }

    #[test]
    fn a_row_without_number_names_an_area_only_by_its_start() {
        let areas = areas();
        assert_eq!(
            area_starting(&areas, "CẢI CÁCH THỂ CHẾ").map(|a| a.code),
            Some(1)
        );
        assert_eq!(
            area_starting(&areas, "Tuyên truyền về cải cách thể chế"),
            None
        );
    }
}
