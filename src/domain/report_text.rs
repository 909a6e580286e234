//! What only people can write in a period's report: the assessment (ưu
//! điểm; tồn tại, hạn chế và nguyên nhân), the direction for the next period
//! beyond the work the plan already sets, and the proposals. Kept per period.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportSection {
    /// III.1 Ưu điểm.
    Strengths,
    /// III.2 Tồn tại, hạn chế và nguyên nhân.
    Weaknesses,
    /// IV. Phương hướng, nhiệm vụ kỳ tới: what the office adds to the work due.
    Direction,
    /// V. Đề xuất, kiến nghị.
    Proposals,
}

impl ReportSection {
    pub const ALL: [ReportSection; 4] = [
        ReportSection::Strengths,
        ReportSection::Weaknesses,
        ReportSection::Direction,
        ReportSection::Proposals,
    ];

    /// How it is typed on the command line and named in the store.
    pub fn code(self) -> &'static str {
        match self {
            ReportSection::Strengths => "uu-diem",
            ReportSection::Weaknesses => "han-che",
            ReportSection::Direction => "phuong-huong",
            ReportSection::Proposals => "kien-nghi",
        }
    }

    pub fn parse(typed: &str) -> Option<ReportSection> {
        let typed = typed.trim().to_lowercase();
        ReportSection::ALL.into_iter().find(|s| s.code() == typed)
    }
}

/// One section's text as last written, by whom and when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportText {
    pub text: String,
    pub at: DateTime<FixedOffset>,
    pub who: String,
}

/// A period's texts by section.
pub type ReportTexts = BTreeMap<ReportSection, ReportText>;

/// The store's name of one section's text of one period: `2027-Q1/uu-diem`.
pub fn text_key(period_code: &str, section: ReportSection) -> String {
    format!("{period_code}/{}", section.code())
}

/// The period code and section of a stored text's name.
pub fn parse_text_key(key: &str) -> Option<(String, ReportSection)> {
    let (period, section) = key.split_once('/')?;
    Some((period.to_string(), ReportSection::parse(section)?))
}
