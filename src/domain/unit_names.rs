//! A unit of the plan as people write it in a spreadsheet or a document:
//! its code ("VHXH", "vh-xh"), its full name, the name without "Phòng", and
//! the spellings offices use ("Văn phòng HĐND - UBND", "UBMTTQ", "Trung tâm
//! PVHCC"). Vague phrases ("các đơn vị liên quan") are told apart from
//! names that match no unit.

use super::catalog::Unit;
use super::text::fold;

/// Spellings seen in commune plans, beyond each unit's code and full name.
/// They are compared the way [`key`] compares, so case, accents, hyphens and
/// "và" between words do not matter.
const KNOWN_SPELLINGS: &[(&str, &[&str])] = &[
    ("VHXH", &["Văn hóa Xã hội", "Phòng Văn hóa và Xã hội"]),
    (
        "VP",
        &[
            "Văn phòng",
            "Văn phòng HĐND UBND",
            "VP HĐND UBND",
            "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân",
            "Văn phòng HĐND",
            "Văn phòng UBND",
            "VP UBND",
        ],
    ),
    ("KT", &["Kinh tế"]),
    (
        "TTPVHCC",
        &[
            "Trung tâm PVHCC",
            "TT PVHCC",
            "Trung tâm hành chính công",
            "Trung tâm phục vụ HCC",
            // The commune's one-stop desk became this centre in 2025; many
            // still call it by its old name.
            "Bộ phận một cửa",
            "Bộ phận tiếp nhận và trả kết quả",
        ],
    ),
    (
        "TTDVSNC",
        &["Trung tâm DVSNC", "TT DVSNC", "Trung tâm dịch vụ sự nghiệp"],
    ),
    (
        "MTTQ",
        &[
            "UBMTTQ",
            "Ủy ban MTTQ",
            "Mặt trận Tổ quốc",
            "Ủy ban Mặt trận Tổ quốc",
            "Ủy ban Mặt trận Tổ quốc Việt Nam",
            "Mặt trận Tổ quốc Việt Nam",
            "UBMTTQ và các đoàn thể",
            "MTTQ và các đoàn thể",
            "Mặt trận Tổ quốc và các đoàn thể",
            "Các đoàn thể",
            "Các tổ chức chính trị - xã hội",
        ],
    ),
];

/// Words that, alone or together, name no one in particular: "các đơn vị
/// liên quan", "các cơ quan, đơn vị", "các phòng, ban", "UBND xã".
const VAGUE_WORDS: &[&str] = &[
    "cac", "co", "quan", "don", "vi", "lien", "phong", "ban", "nganh", "chuyen", "mon", "thuoc",
    "ubnd", "xa", "to", "chuc", "ca", "nhan", "khac", "tren", "dia", "va", "tham", "muu",
];

/// What a written name turned out to be.
#[derive(Debug, Clone, PartialEq)]
pub enum Written<'a> {
    Unit(&'a Unit),
    /// A phrase like "các đơn vị liên quan": no unit, and no mistake either.
    Vague,
    Unknown,
}

/// The unit `written` names, if any.
pub fn find_unit<'a>(units: &'a [Unit], written: &str) -> Option<&'a Unit> {
    let words = words(written);
    if words.is_empty() {
        return None;
    }
    unit_of_words(units, &words).or_else(|| {
        // "Phòng Kinh tế xã Hà Đông": the commune's name after "xã".
        let at = words.iter().rposition(|w| w == "xa").filter(|&at| at > 0)?;
        unit_of_words(units, &words[..at])
    })
}

/// What `written` is: a unit, a vague phrase, or a name of no unit.
pub fn classify<'a>(units: &'a [Unit], written: &str) -> Written<'a> {
    if let Some(unit) = find_unit(units, written) {
        return Written::Unit(unit);
    }
    let words = words(written);
    if !words.is_empty() && words.iter().all(|w| VAGUE_WORDS.contains(&w.as_str())) {
        Written::Vague
    } else {
        Written::Unknown
    }
}

fn unit_of_words<'a>(units: &'a [Unit], words: &[String]) -> Option<&'a Unit> {
    let wanted = key_of_words(words);
    units
        .iter()
        .find(|unit| spellings(unit).any(|s| key(s) == wanted))
}

/// Every way of writing `unit` this module knows.
fn spellings(unit: &Unit) -> impl Iterator<Item = &str> {
    let known = KNOWN_SPELLINGS
        .iter()
        .filter(|(code, _)| *code == unit.code)
        .flat_map(|(_, spellings)| spellings.iter().copied());
    [unit.code.as_str(), unit.name.as_str()]
        .into_iter()
        .chain(known)
}

/// Folded words: letters and digits only, every other character a break.
fn words(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// What two spellings of one name share: the folded words without "và" and
/// without a leading "Phòng" (or "P."), run together, so that "VH-XH" and
/// "vhxh", "TT PVHCC" and "TTPVHCC" compare equal.
fn key(text: &str) -> String {
    key_of_words(&words(text))
}

fn key_of_words(words: &[String]) -> String {
    let start = usize::from(
        matches!(words.first().map(String::as_str), Some("phong" | "p")) && words.len() > 1,
    );
    words[start..]
        .iter()
        .filter(|w| *w != "va")
        .map(String::as_str)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Catalog;

    fn units() -> Vec<Unit> {
        Catalog::bundled().expect("bundled catalog").units
    }

    fn code(written: &str) -> Option<String> {
        find_unit(&units(), written).map(|u| u.code.clone())
    }

    #[test]
    fn codes_match_in_any_case_and_with_hyphens() {
        assert_eq!(code("VHXH").as_deref(), Some("VHXH"));
        assert_eq!(code("vhxh").as_deref(), Some("VHXH"));
        assert_eq!(code("VH-XH").as_deref(), Some("VHXH"));
        assert_eq!(code(" Phòng VH-XH ").as_deref(), Some("VHXH"));
        assert_eq!(code("TT PVHCC").as_deref(), Some("TTPVHCC"));
        assert_eq!(code("vp").as_deref(), Some("VP"));
    }

    #[test]
    fn full_names_match_with_or_without_phong() {
        assert_eq!(code("Phòng Văn hóa - Xã hội").as_deref(), Some("VHXH"));
        assert_eq!(code("PHÒNG VĂN HÓA – XÃ HỘI").as_deref(), Some("VHXH"));
        assert_eq!(code("Văn hóa - Xã hội").as_deref(), Some("VHXH"));
        assert_eq!(code("Phòng Kinh tế").as_deref(), Some("KT"));
        assert_eq!(code("P. Kinh tế").as_deref(), Some("KT"));
        assert_eq!(code("Kinh tế").as_deref(), Some("KT"));
    }

    #[test]
    fn the_offices_own_spellings_match() {
        for written in [
            "Văn phòng HĐND và UBND",
            "Văn phòng HĐND - UBND",
            "VP HĐND và UBND",
            "VP HĐND-UBND",
            "Văn phòng HĐND, UBND",
        ] {
            assert_eq!(code(written).as_deref(), Some("VP"), "{written}");
        }
        for written in ["UBMTTQ", "Mặt trận Tổ quốc", "Ủy ban MTTQ và các đoàn thể"]
        {
            assert_eq!(code(written).as_deref(), Some("MTTQ"), "{written}");
        }
        assert_eq!(code("Trung tâm PVHCC").as_deref(), Some("TTPVHCC"));
        assert_eq!(
            code("Trung tâm Phục vụ hành chính công").as_deref(),
            Some("TTPVHCC")
        );
        assert_eq!(code("Trung tâm DVSNC").as_deref(), Some("TTDVSNC"));
    }

    #[test]
    fn the_communes_name_after_xa_is_ignored() {
        assert_eq!(code("Phòng Kinh tế xã Hà Đông").as_deref(), Some("KT"));
        assert_eq!(code("UBMTTQ xã").as_deref(), Some("MTTQ"));
        assert_eq!(code("Xã hội"), None);
    }

    #[test]
    fn other_offices_are_no_unit() {
        let units = units();
        assert_eq!(classify(&units, "Phòng Tư pháp"), Written::Unknown);
        assert_eq!(classify(&units, "Công an xã"), Written::Unknown);
        assert_eq!(classify(&units, "VHXHH"), Written::Unknown);
    }

    #[test]
    fn vague_phrases_are_told_apart() {
        let units = units();
        for written in [
            "Các đơn vị liên quan",
            "các cơ quan, đơn vị",
            "Các phòng, ban",
            "ban",
            "UBND xã",
            "Các đơn vị có liên quan",
        ] {
            assert_eq!(classify(&units, written), Written::Vague, "{written}");
        }
        assert!(matches!(classify(&units, "Văn phòng"), Written::Unit(_)));
    }
}
