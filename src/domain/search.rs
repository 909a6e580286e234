//! What a search looks in beyond a task's titles: the notes and the evidence
//! of each occurrence, and which of them held the words. A new field to
//! search (the officer in charge, say) is one more variant and one more line
//! in [`folded_fields`].

use serde::{Deserialize, Serialize};

use super::task::TaskState;
use super::text::fold;

/// Where a search's words were found in a task.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchedField {
    /// The id, short title or full title (the plan's own words).
    Title,
    /// The text of one of its notes.
    Note,
    /// The number or summary of one of its evidence documents.
    Evidence,
    /// The name of its officer in charge.
    Officer,
}

/// The texts of one occurrence a search looks in beyond the titles, each
/// folded and with its field, in the order they are looked at.
pub fn folded_fields(state: &TaskState) -> Vec<(MatchedField, String)> {
    let notes = state
        .live_notes()
        .map(|(_, note)| (MatchedField::Note, fold(&note.text)));
    let evidence = state.live_evidence().map(|(_, doc)| {
        let text = format!("{} {}", doc.number, doc.summary);
        (MatchedField::Evidence, fold(&text))
    });
    notes.chain(evidence).collect()
}

/// Whether an occurrence has anything [`folded_fields`] would look in.
pub fn has_fields(state: &TaskState) -> bool {
    !state.notes.is_empty() || !state.evidence.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::text::FoldedQuery;
    use crate::domain::{Evidence, Note};
    use chrono::{DateTime, NaiveDate};

    fn state() -> TaskState {
        let at = DateTime::parse_from_rfc3339("2026-11-26T09:00:00+07:00").expect("instant");
        TaskState {
            notes: vec![Note {
                at,
                who: "tester".into(),
                text: "Đã trình Kế hoạch số 12\ncho Chủ tịch UBND xã".into(),
            }],
            evidence: vec![Evidence {
                number: "45/QĐ-UBND".into(),
                issued_on: NaiveDate::from_ymd_opt(2026, 11, 15).expect("date"),
                summary: "Ban hành bộ tiêu chí KPI".into(),
                link: None,
            }],
            ..TaskState::default()
        }
    }

    fn first_match(query: &str) -> Option<MatchedField> {
        let query = FoldedQuery::new(&fold(query));
        folded_fields(&state())
            .into_iter()
            .find(|(_, text)| query.matches(text))
            .map(|(field, _)| field)
    }

    #[test]
    fn notes_and_evidence_are_found_without_accents() {
        assert_eq!(first_match("ke hoach"), Some(MatchedField::Note));
        assert_eq!(first_match("CHU TICH ubnd"), Some(MatchedField::Note));
        assert_eq!(first_match("45/qd"), Some(MatchedField::Evidence));
        assert_eq!(first_match("tieu chi kpi"), Some(MatchedField::Evidence));
    }

    #[test]
    fn every_word_must_be_in_one_text() {
        // "kế hoạch" is in the note, "KPI" in the document: no one text has both.
        assert_eq!(first_match("ke hoach kpi"), None);
        assert_eq!(first_match("zzz"), None);
    }

    #[test]
    fn an_untouched_occurrence_has_nothing_to_look_in() {
        assert!(!has_fields(&TaskState::default()));
        assert!(has_fields(&state()));
    }
}
