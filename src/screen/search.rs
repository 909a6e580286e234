//! The board's search (`/`): the words typed, folded once, and the few
//! occurrences found in their notes or evidence rather than their titles,
//! found again when the store changes. The rows' titles are searched as the
//! selection moves (`update::find_match`).

use crate::app::App;
use crate::domain::text::{FoldedQuery, fold};
use crate::screen::state::{Search, Ui};

/// The search for `text`; `None` when it has no words.
pub fn search_for(app: &App, text: &str) -> Option<Search> {
    let folded = fold(text);
    if folded.is_empty() {
        return None;
    }
    Some(Search {
        query: text.to_string(),
        beyond_titles: app.matches_beyond_titles(&FoldedQuery::new(&folded)),
        folded,
        revision: app.revision(),
    })
}

/// Finds the notes and evidence again after the store changed (a note just
/// written may hold the words).
pub fn prepare(app: &App, ui: &mut Ui) {
    let Some(search) = ui.search.as_mut() else {
        return;
    };
    if search.revision != app.revision() {
        search.beyond_titles = app.matches_beyond_titles(&FoldedQuery::new(&search.folded));
        search.revision = app.revision();
    }
}
