//! A screen opens on the plan's tasks as their compact index (id, area,
//! units, cadence, deadline; see [`TaskIndex`]), a small part of a large
//! plan: their texts (titles and the plan's words) are read for what the
//! first frame shows, and all the others on another thread, taken in before
//! the screen handles a key.
//!
//! [`TaskIndex`]: crate::domain::catalog::TaskIndex

use std::sync::mpsc::TryRecvError;

use super::changes::Touched;
use super::link::{Link, Owner, TextsComing};
use super::{App, AppError, Clock};
use crate::domain::catalog::TaskText;
use crate::store::Store;

/// Where the texts of the plan's tasks stand.
#[derive(Debug, Default)]
pub(super) enum Texts {
    /// Every task has its text.
    #[default]
    Held,
    /// Left out at opening; not asked for yet.
    Missing,
    /// Being read on another thread.
    Coming(TextsComing),
}

impl App {
    /// The application on a store this process opened, on the plan's
    /// compact index: for the owner of a store, which reads the texts when a
    /// request needs them, after answering the screens that open.
    pub fn open_index(store: Box<dyn Store>, clock: Clock, who: String) -> Result<App, AppError> {
        App::open_on_index(Link::Direct(store), clock, who)
    }

    /// The application on a store another process owns, on the plan's
    /// compact index: for a screen, which then reads the texts it shows with
    /// [`App::read_texts`] and the others with
    /// [`App::read_texts_in_background`].
    pub fn open_shared_index(
        owner: Box<dyn Owner>,
        clock: Clock,
        who: String,
    ) -> Result<App, AppError> {
        App::open_on_index(Link::Shared(owner), clock, who)
    }

    fn open_on_index(link: Link, clock: Clock, who: String) -> Result<App, AppError> {
        let snapshot = link.load_index()?;
        let mut app = App::open_on(link, snapshot, clock, who);
        if app.plan.tasks().iter().any(|t| t.lacks_text()) {
            app.texts = Texts::Missing;
        }
        Ok(app)
    }

    /// Reads now the texts of the tasks `ids` that are not here yet.
    pub fn read_texts<'a>(
        &mut self,
        ids: impl IntoIterator<Item = &'a str>,
    ) -> Result<(), AppError> {
        let missing = self.lacking(ids);
        if missing.is_empty() {
            return Ok(());
        }
        let texts = self.link.texts(Some(missing))?;
        self.fill_texts(texts);
        Ok(())
    }

    /// The texts of the tasks `ids`, each once, from here or, for those not
    /// here yet, from the store: what an owner answers a screen opening. (An
    /// id asked a million times is answered once.)
    pub fn texts_of(&self, ids: &[String]) -> Result<Vec<(String, TaskText)>, AppError> {
        let ids: Vec<String> = ids
            .iter()
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .cloned()
            .collect();
        let missing = self.lacking(ids.iter().map(String::as_str));
        let mut texts = self.plan.texts(Some(&ids));
        texts.retain(|(_, text)| !text.title.is_empty());
        if !missing.is_empty() {
            texts.extend(self.link.texts(Some(missing))?);
        }
        Ok(texts)
    }

    fn lacking<'a>(&self, ids: impl IntoIterator<Item = &'a str>) -> Vec<String> {
        ids.into_iter()
            .filter(|id| self.plan.lacks_text(id))
            .map(str::to_string)
            .collect()
    }

    /// Starts reading every text not here yet, on another thread.
    pub fn read_texts_in_background(&mut self) {
        if !matches!(self.texts, Texts::Missing) {
            return;
        }
        if let Link::Shared(owner) = &self.link
            && let Some(coming) = owner.texts_in_background()
        {
            self.texts = Texts::Coming(coming);
        }
    }

    /// True when every task's text is here.
    pub fn holds_texts(&self) -> bool {
        matches!(self.texts, Texts::Held)
    }

    /// Takes in the texts read on another thread: waits for them when
    /// `wait`, else only looks. Without a thread, or when it failed, they are
    /// read here and now. True when texts came in.
    pub fn take_texts(&mut self, wait: bool) -> Result<bool, AppError> {
        let read = match &self.texts {
            Texts::Held => return Ok(false),
            Texts::Missing if !wait => return Ok(false),
            Texts::Missing => self.read_all_texts(),
            Texts::Coming(coming) if wait => {
                coming.recv().unwrap_or_else(|_| self.read_all_texts())
            }
            Texts::Coming(coming) => match coming.try_recv() {
                Ok(read) => read,
                Err(TryRecvError::Empty) => return Ok(false),
                Err(TryRecvError::Disconnected) => self.read_all_texts(),
            },
        };
        // The other thread's connection failed: this one tries once.
        let texts = match read {
            Ok(texts) => texts,
            Err(_) => self.read_all_texts()?,
        };
        self.fill_texts(texts);
        self.texts = Texts::Held;
        self.fold_titles_in_background();
        Ok(true)
    }

    fn read_all_texts(&self) -> Result<Vec<(String, TaskText)>, AppError> {
        self.link.texts(None)
    }

    fn fill_texts(&mut self, texts: Vec<(String, TaskText)>) {
        self.plan.fill_texts(texts);
        // No row changes; what shows a text is prepared again.
        self.changes.record(Touched::Tasks(Default::default()));
    }

    /// Folds every title for search on another thread, so that a screen's
    /// first search keystroke finds them ready instead of folding them all.
    /// Before the texts are here, taking them in starts it.
    pub fn fold_titles_in_background(&self) {
        if !self.holds_texts() {
            return;
        }
        let folding = self.plan.title_folding();
        // Without a thread, the first search folds them itself.
        let _ = std::thread::Builder::new()
            .name("fold-titles".into())
            .spawn(folding);
    }
}

#[cfg(test)]
mod tests {
    use crate::app::{App, Clock};
    use crate::domain::Catalog;
    use crate::store::MemoryStore;

    #[test]
    fn texts_asked_many_times_are_answered_once_and_unknown_ids_not_at_all() {
        let store = MemoryStore::new(Catalog::bundled().expect("the bundled catalog"));
        let clock = Clock::from_env().expect("a clock");
        let app = App::open_index(Box::new(store), clock, "owner".into()).expect("open");
        let asked: Vec<String> = std::iter::repeat_n("1.a.1".to_string(), 10_000)
            .chain(["không có".to_string(), "0.1".to_string()])
            .collect();
        let texts = app.texts_of(&asked).expect("texts");
        let ids: Vec<&str> = texts.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(ids, ["0.1", "1.a.1"]);
        assert_eq!(texts[1].1, app.plan().task("1.a.1").expect("1.a.1").text());
    }
}
