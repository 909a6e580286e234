//! A screen on a shared store: the application layer over a scripted owner
//! (a second `App` on a memory store standing in for the owner process), so
//! that pushes, answers and lost connections arrive exactly when a test says.
//! The real owner and its socket are tested end to end in `share.rs` and
//! `e2e.rs`.

mod support;

use std::cell::{Ref, RefCell};
use std::collections::VecDeque;
use std::os::fd::AsFd;
use std::rc::Rc;

use cchc::app::{App, AppError, Notice, Operation, Owner, Performed, ShareError, Update};
use cchc::config::ThemeName;
use cchc::domain::{Catalog, Edit, HistoryEntry, Status, TaskKey};
use cchc::i18n::{self, Lang};
use cchc::keymap::Action;
use cchc::screen::message::{Message, Start};
use cchc::screen::state::{Flash, FlashKind, Screen, Ui};
use cchc::screen::update::update;
use cchc::store::{Commit, Dump, MemoryStore, Snapshot};
use support::{clock, new_ui, render, screen_lines, select_task};

/// The owner's side: its own application on a memory store, and what it
/// will say next.
struct Remote {
    app: App,
    pushed: VecDeque<Update>,
    /// The next operation fails as if the connection broke and the new owner
    /// did not find it written.
    lose_next: bool,
    /// The next operation is written, but the answer comes from a new owner
    /// after a reconnection.
    reconnect_next: bool,
    /// False: the owner is lost and no new one answers.
    connected: bool,
}

impl Remote {
    fn new() -> Rc<RefCell<Remote>> {
        let store = MemoryStore::new(Catalog::bundled().expect("the bundled catalog"));
        let app = App::open(Box::new(store), clock(), "owner".into()).expect("open the owner");
        app.load_history().expect("history");
        Rc::new(RefCell::new(Remote {
            app,
            pushed: VecDeque::new(),
            lose_next: false,
            reconnect_next: false,
            connected: true,
        }))
    }

    /// Another process's edit: written by the owner and pushed.
    fn edit_by_another(&mut self, id: &str, edits: &[Edit]) {
        let commit = self.apply(&edit_op(&self.app, id, edits), "clerk");
        self.pushed.push_back(Update::Committed(Box::new(commit)));
    }

    fn apply(&mut self, op: &Operation, who: &str) -> Commit {
        let commit = self.app.prepare(op, who).expect("a valid operation");
        self.app.write(commit).expect("written")
    }
}

/// The application's view of the owner: a handle on the shared [`Remote`].
struct Scripted(Rc<RefCell<Remote>>);

impl Owner for Scripted {
    fn load(&self) -> Result<Snapshot, AppError> {
        let mut remote = self.0.borrow_mut();
        remote.pushed.retain(|u| !matches!(u, Update::Committed(_)));
        Ok(remote.app.snapshot())
    }

    fn history_since(&self, after_seq: u64) -> Result<Vec<HistoryEntry>, AppError> {
        let remote = self.0.borrow();
        let history = remote.app.load_history()?;
        Ok(history
            .iter()
            .filter(|e| e.seq > after_seq)
            .cloned()
            .collect())
    }

    fn perform(&self, op: &Operation) -> Result<Performed, AppError> {
        let mut remote = self.0.borrow_mut();
        if std::mem::take(&mut remote.lose_next) {
            remote.pushed.push_back(Update::Reconnected);
            return Err(ShareError::NotSaved.into());
        }
        let commit = remote.apply(op, "thuy");
        let mut before: Vec<Update> = remote.pushed.drain(..).collect();
        if std::mem::take(&mut remote.reconnect_next) {
            before.push(Update::Reconnected);
        }
        Ok(Performed { before, commit })
    }

    fn import(&self, _dump: Dump) -> Result<(), AppError> {
        unreachable!("not used here")
    }

    fn updates(&self) -> Vec<Update> {
        self.0.borrow_mut().pushed.drain(..).collect()
    }

    fn wake_fd(&self) -> Option<Ref<'_, dyn AsFd>> {
        None
    }

    fn is_connected(&self) -> bool {
        self.0.borrow().connected
    }

    fn location(&self) -> String {
        "scripted owner".into()
    }
}

fn edit_op(app: &App, id: &str, edits: &[Edit]) -> Operation {
    Operation::EditTask {
        key: key(app, id),
        edits: edits.to_vec(),
        reason: support::reason_for(edits).map(str::to_string),
        seen: None,
    }
}

fn key(app: &App, id: &str) -> TaskKey {
    app.resolve(id).expect("a task of the bundled plan")
}

fn shared_app(remote: &Rc<RefCell<Remote>>) -> App {
    let app = App::open_shared(Box::new(Scripted(Rc::clone(remote))), clock(), "x".into())
        .expect("open over the scripted owner");
    app.load_history().expect("history");
    app
}

/// What the runtime does when the owner's socket is readable.
fn take_pushes(app: &mut App, ui: &mut Ui) {
    let synced = app.sync().expect("sync");
    assert!(synced.changed, "something was pushed");
    update(app, ui, Message::StoreChanged(synced.notice));
}

#[test]
fn a_pushed_edit_redraws_the_board_keeping_selection_and_scroll() {
    let remote = Remote::new();
    let mut app = shared_app(&remote);
    let mut ui = new_ui(&app, 80, 24);
    select_task(&mut app, &mut ui, "0.30");
    let (selected, offset) = (ui.selected, ui.offset);
    assert!(offset > 0, "the board scrolled to reach 0.30");
    let selected_key = ui.selected_key().cloned();

    remote
        .borrow_mut()
        .edit_by_another("0.3", &[Edit::Status(Status::Done)]);
    take_pushes(&mut app, &mut ui);

    assert_eq!((ui.selected, ui.offset), (selected, offset));
    assert_eq!(ui.selected_key().cloned(), selected_key);
    let view = app.view(&key(&app, "0.3")).expect("0.3");
    assert_eq!(view.state.status, Status::Done);
    assert!(ui.summary.done() >= 1, "the summary counts the pushed edit");
}

/// A change from another terminal updates the rows it touches in place (the
/// rows of a sub-task and of its parent, whose roll-up moves), and the board
/// kept is the board built afresh, counts and figures included.
#[test]
fn a_pushed_edit_updates_its_rows_as_a_rebuild_would() {
    let remote = Remote::new();
    let mut app = shared_app(&remote);
    let mut ui = new_ui(&app, 160, 45);
    let revision = app.revision();
    for edits in [
        vec![Edit::Progress(70)],
        vec![Edit::Status(Status::Done)],
        vec![Edit::Due(support::date(2026, 1, 5))],
    ] {
        remote.borrow_mut().edit_by_another("1.a.1", &edits);
        let before = app.revision();
        let mut kept = cchc::app::board::Board {
            rows: ui.rows.clone(),
            summary: ui.summary,
        };
        take_pushes(&mut app, &mut ui);
        let touched = app.tasks_changed_since(before).expect("only tasks changed");
        assert_eq!(touched.iter().collect::<Vec<_>>(), ["1.a.1"]);
        let in_place = app.update_board(&mut kept, ui.grouping, &ui.filter, &touched);
        assert!(in_place, "{edits:?} is taken in without a rebuild");
        let built = app.board(ui.grouping, &ui.filter, &ui.folded);
        assert_eq!(kept, built);
        assert_eq!(ui.summary, built.summary);
        assert!(ui.rows == built.rows, "after {edits:?}");
    }
    assert!(
        ui.board_revision > revision,
        "the board took the changes in"
    );
    let row = |id: &str| {
        ui.rows
            .iter()
            .filter_map(|r| r.task())
            .find(|t| t.key.task == id)
            .cloned()
            .expect("on the board")
    };
    assert!(row("1.a.1").class.is_done());
    assert!(row("1.a").rollup.is_some());
}

#[test]
fn edits_pushed_before_an_answer_are_taken_in_first_in_order() {
    let remote = Remote::new();
    let mut app = shared_app(&remote);
    remote
        .borrow_mut()
        .edit_by_another("0.3", &[Edit::Progress(30)]);
    let written = app
        .edit_task(&key(&app, "0.3"), &[Edit::Note("Đã họp".into())], None)
        .expect("saved");
    assert_eq!(written.len(), 1);
    assert_eq!(written[0].who, "thuy", "the owner says who wrote it");
    let view = app.view(&key(&app, "0.3")).expect("0.3");
    assert_eq!(view.state.progress, 30, "the other process's edit is kept");
    assert_eq!(view.state.notes.len(), 1);
    let seqs: Vec<u64> = app
        .load_history()
        .expect("history")
        .iter()
        .map(|e| e.seq)
        .collect();
    let expected: Vec<u64> = (1..=seqs.len() as u64).collect();
    assert_eq!(seqs, expected, "one history, in the owner's order");
}

#[test]
fn an_edit_written_before_the_owner_died_is_reported_saved() {
    let remote = Remote::new();
    let mut app = shared_app(&remote);
    remote.borrow_mut().reconnect_next = true;
    let written = app
        .edit_task(&key(&app, "0.3"), &[Edit::Progress(50)], None)
        .expect("saved");
    assert!(!written.is_empty());
    assert_eq!(app.take_notice(), Some(Notice::SavedAfterReconnect));
    let view = app.view(&key(&app, "0.3")).expect("0.3");
    assert_eq!(view.state.progress, 50, "read again from the new owner");
}

#[test]
fn an_edit_lost_with_the_owner_is_reported_not_saved() {
    let remote = Remote::new();
    let mut app = shared_app(&remote);
    remote.borrow_mut().lose_next = true;
    let error = app
        .edit_task(&key(&app, "0.3"), &[Edit::Progress(50)], None)
        .expect_err("not saved");
    assert!(matches!(error, AppError::Share(ShareError::NotSaved)));
    assert!(i18n::app_error(&error, Lang::Vi).contains("CHƯA LƯU"));
    assert!(i18n::app_error(&error, Lang::En).contains("NOT SAVED"));
    let view = app.view(&key(&app, "0.3")).expect("0.3");
    assert_eq!(view.state.progress, 0, "nothing pretends to be saved");
    assert_eq!(app.take_notice(), Some(Notice::Reconnected));
}

#[test]
fn the_projector_shows_a_lost_owner_but_not_routine_news() {
    let remote = Remote::new();
    let mut app = shared_app(&remote);
    let mut ui = new_ui(&app, 100, 30);
    cchc::screen::update::start_presentation(&app, &mut ui, true);
    update(&mut app, &mut ui, Message::StoreChanged(Some(Notice::Lost)));
    let lost = screen_lines(&render(&app, &ui, 100, 30, ThemeName::Projector));
    let footer = lost.last().expect("a footer");
    assert!(
        footer.contains(i18n::owner_lost(Lang::Vi).split(';').next().unwrap()),
        "{footer}"
    );
    update(
        &mut app,
        &mut ui,
        Message::StoreChanged(Some(Notice::Reconnected)),
    );
    assert!(matches!(
        ui.flash,
        Some(Flash {
            kind: FlashKind::News,
            ..
        })
    ));
    let back = screen_lines(&render(&app, &ui, 100, 30, ThemeName::Projector));
    let footer = back.last().expect("a footer");
    assert!(footer.contains("CHỈ XEM"), "{footer}");
}

#[test]
fn a_lost_owner_stays_on_screen_until_one_answers_again() {
    let remote = Remote::new();
    let mut app = shared_app(&remote);
    let mut ui = new_ui(&app, 80, 24);
    let badge = "MẤT KẾT NỐI KHO";
    let top =
        |app: &App, ui: &Ui| screen_lines(&render(app, ui, 80, 24, ThemeName::Dark))[0].clone();
    assert!(!top(&app, &ui).contains(badge));

    remote.borrow_mut().connected = false;
    update(&mut app, &mut ui, Message::StoreChanged(Some(Notice::Lost)));
    // A key clears the message on the status line; the badge stays.
    update(&mut app, &mut ui, Action::Down);
    assert!(top(&app, &ui).contains(badge), "{}", top(&app, &ui));
    cchc::screen::update::start_presentation(&app, &mut ui, false);
    let footer = screen_lines(&render(&app, &ui, 80, 24, ThemeName::Projector))
        .last()
        .cloned()
        .unwrap_or_default();
    assert!(footer.contains(badge), "{footer}");

    remote.borrow_mut().connected = true;
    update(
        &mut app,
        &mut ui,
        Message::StoreChanged(Some(Notice::Reconnected)),
    );
    update(&mut app, &mut ui, Action::Back);
    assert_eq!(ui.screen, cchc::screen::state::Screen::Board);
    assert!(!top(&app, &ui).contains(badge), "{}", top(&app, &ui));
}

/// The messages the runtime sends besides keys and pushes, each through
/// `update`: the start, a push that cannot be read, a new day.
#[test]
fn the_start_a_failed_push_and_a_new_day_go_through_update() {
    let remote = Remote::new();
    let mut app = shared_app(&remote);
    let mut ui = new_ui(&app, 80, 24);

    let present = Start {
        present: true,
        ..Start::default()
    };
    update(&mut app, &mut ui, Message::Started(present));
    assert_eq!(ui.screen, Screen::Meeting);
    assert!(ui.presentation.standalone && !ui.review.slides.is_empty());

    let mut ui = new_ui(&app, 80, 24);
    let ascii = Start {
        ascii: true,
        triage: true,
        ..Start::default()
    };
    update(&mut app, &mut ui, Message::Started(ascii));
    assert_eq!(ui.screen, Screen::Triage);
    let flash = ui.flash.clone().expect("a word on the terminal");
    assert!(
        flash.is_error() && flash.text.contains("UTF-8"),
        "{flash:?}"
    );

    let refused = AppError::Input(cchc::domain::InputError::ReadOnly);
    update(
        &mut app,
        &mut ui,
        Message::SyncFailed(std::sync::Arc::new(refused)),
    );
    assert!(ui.flash.as_ref().is_some_and(|f| f.is_error()));

    let mut ui = new_ui(&app, 80, 24);
    let revision = ui.board_revision;
    let mut later = clock();
    later.today = later.today.succ_opt().expect("a next day");
    update(&mut app, &mut ui, Message::NewDay(later));
    assert_eq!(app.clock().today, later.today);
    assert!(
        ui.board_revision > revision,
        "the board is built for the new day"
    );
    let built = app.board(ui.grouping, &ui.filter, &ui.folded);
    assert_eq!(ui.summary, built.summary);
}
