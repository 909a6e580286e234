//! The TUI's state: what is on screen, what is selected, which dialog is open.
//! Views borrow it to draw; only `update` changes it.

use std::collections::{BTreeMap, HashSet};

use chrono::{DateTime, FixedOffset};

use super::detail::Detail;
use super::help::HelpText;
use super::review::ReviewShown;
use super::task_form::{TaskForm, WithdrawForm};
use super::text_input::{LineEdit, TextArea};
use crate::app::StatusGrid;
use crate::app::TaskFilter;
use crate::app::board::{Fold, Grouping, Row};
use crate::domain::{HistoryEntry, MatchedField, TaskKey};
use crate::i18n::Lang;
use crate::keymap::Mode;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Screen {
    #[default]
    Board,
    Targets,
    Risks,
    Triage,
    Meeting,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    #[default]
    List,
    Detail,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputKind {
    Search,
    Progress,
    /// The day the work was done, asked when it is marked done.
    DoneOn,
    /// The officer in charge of the task; empty clears it.
    Assignee,
    /// The period to close, filled in: Enter closes it.
    ClosePeriod,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextInput {
    pub kind: InputKind,
    pub line: LineEdit,
    /// Why the last attempt was refused, shown under the field.
    pub error: Option<String>,
}

/// The three fields of an evidence document.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EvidenceForm {
    pub number: LineEdit,
    pub date: LineEdit,
    pub summary: LineEdit,
    pub focus: usize,
    pub error: Option<String>,
}

impl EvidenceForm {
    pub const FIELDS: usize = 3;

    pub fn field(&mut self) -> &mut LineEdit {
        match self.focus {
            0 => &mut self.number,
            1 => &mut self.date,
            _ => &mut self.summary,
        }
    }
}

#[derive(Default, Debug, Clone, PartialEq, Eq)]
pub struct NoteEditor {
    pub area: TextArea,
    pub error: Option<String>,
    /// Esc was pressed once over typed text: a second Esc throws it away,
    /// any other key goes on editing.
    pub discard_asked: bool,
}

/// Where help is drawn: the width of its text, and the rows it shows over
/// the board and over the meeting screen (which has no bars).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct HelpBox {
    pub width: u16,
    pub rows: u16,
    pub rows_in_meeting: u16,
}

/// The inside of the detail pane, beside the board or in its place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DetailBox {
    pub width: u16,
    pub rows: u16,
}

impl HelpBox {
    pub fn rows_on(&self, screen: Screen) -> usize {
        usize::from(if screen == Screen::Meeting {
            self.rows_in_meeting
        } else {
            self.rows
        })
    }
}

/// Lines of the filter dialog.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterLine {
    Area,
    Unit,
    Status,
    Overdue,
    Officer,
}

impl FilterLine {
    pub const ALL: [FilterLine; 5] = [
        FilterLine::Area,
        FilterLine::Unit,
        FilterLine::Status,
        FilterLine::Overdue,
        FilterLine::Officer,
    ];
}

/// What triage decided for one item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    Done,
    Extended(chrono::NaiveDate),
    Progress,
    Note,
    Agenda(bool),
    Skipped,
}

/// A triage session: the period's flagged occurrences, most severe first.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Triage {
    pub queue: Vec<TaskKey>,
    pub position: usize,
    pub decisions: Vec<(TaskKey, Decision)>,
    /// The decision a dialog is open for, recorded once it is saved.
    pub pending: Option<Decision>,
    /// The queue is through (or ended): the summary shows.
    pub finished: bool,
}

impl Triage {
    /// How many items of the queue have a decision (an item decided on
    /// twice counts once).
    pub fn items_decided(&self) -> usize {
        let keys: HashSet<&TaskKey> = self.decisions.iter().map(|(key, _)| key).collect();
        keys.len()
    }

    pub fn current(&self) -> Option<&TaskKey> {
        if self.finished {
            None
        } else {
            self.queue.get(self.position)
        }
    }
}

/// Meeting mode: which slide, and how it is shown.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Presentation {
    pub slide: usize,
    /// The screen is blanked (b), for a pause in the meeting.
    pub blank: bool,
    /// Fewer rows to a slide, bigger figures (z).
    pub large: bool,
    /// Rows a slide holds at this screen size, kept by the runtime.
    pub capacity: usize,
    /// Opened with `cchc present`: leaving ends the program.
    pub standalone: bool,
    /// The screen's height, kept by the runtime.
    pub height: u16,
}

impl Presentation {
    /// Rows of a slide's list on a screen `height` rows high: the title (two
    /// lines), the column headers and the footer take four; the larger layout
    /// spaces rows.
    pub fn capacity_for(height: u16, large: bool) -> usize {
        let rows = usize::from(height.saturating_sub(4)).max(1);
        if large { (rows / 2).max(1) } else { rows }
    }
}

/// A new deadline and the reason for it (required).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ExtendForm {
    pub date: LineEdit,
    pub reason: LineEdit,
    pub focus: usize,
    pub error: Option<String>,
}

impl ExtendForm {
    pub fn field(&mut self) -> &mut LineEdit {
        if self.focus == 0 {
            &mut self.date
        } else {
            &mut self.reason
        }
    }
}

/// A target's new result: the value, the day it was measured and the
/// document or report it comes from (kept as the measurement's note).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ResultForm {
    /// The target's id: the form stays on it whatever the selection does.
    pub target: String,
    pub value: LineEdit,
    pub date: LineEdit,
    pub source: LineEdit,
    pub focus: usize,
    pub error: Option<String>,
}

impl ResultForm {
    pub const FIELDS: usize = 3;

    pub fn field(&mut self) -> &mut LineEdit {
        match self.focus {
            0 => &mut self.value,
            1 => &mut self.date,
            _ => &mut self.source,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    Help,
    StatusPicker { selected: usize },
    Filter { line: usize },
    Input(TextInput),
    Note(NoteEditor),
    Evidence(EvidenceForm),
    Extend(ExtendForm),
    Result(ResultForm),
    Task(TaskForm),
    Withdraw(WithdrawForm),
}

/// A search: its words as typed and folded, and the occurrences found in
/// their notes or evidence rather than their titles (few), with where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Search {
    pub query: String,
    pub folded: String,
    pub beyond_titles: BTreeMap<TaskKey, MatchedField>,
    /// The application's revision `beyond_titles` was found at.
    pub revision: u64,
}

impl Search {
    /// Where the search found the task of `row` beyond its title, if it did.
    pub fn beyond_title(&self, row: &TaskKey) -> Option<MatchedField> {
        self.beyond_titles.get(row).copied()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flash {
    pub text: String,
    pub kind: FlashKind,
}

/// What a message on the status line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FlashKind {
    /// Routine news (saved, reconnected): not projected in a meeting.
    News,
    /// The answer to what the person just asked for (where a report went):
    /// shown even on a projected screen.
    Answer,
    /// Something went wrong: shown everywhere, in the error colour.
    Problem,
}

impl Flash {
    pub fn is_error(&self) -> bool {
        self.kind == FlashKind::Problem
    }
}

/// One edit of this session, for `u`.
#[derive(Debug, Clone, PartialEq)]
pub struct UndoRecord {
    pub key: TaskKey,
    pub entries: Vec<HistoryEntry>,
}

#[derive(Debug, Clone)]
pub struct Ui {
    pub lang: Lang,
    pub screen: Screen,
    pub focus: Focus,
    pub overlay: Option<Overlay>,
    pub grouping: Grouping,
    pub filter: TaskFilter,
    pub folded: HashSet<Fold>,
    pub rows: Vec<Row>,
    pub summary: StatusGrid,
    pub selected: usize,
    pub offset: usize,
    /// Board rows that fit on screen, kept by the runtime from the layout.
    pub page: usize,
    /// Whether the screen is wide enough for the detail pane beside the board.
    pub wide: bool,
    pub search: Option<Search>,
    /// The selection before a search started, restored when it is cancelled.
    pub search_origin: usize,
    pub detail_scroll: u16,
    pub help_scroll: u16,
    /// The help box at this screen size, kept by the runtime from the layout.
    pub help_box: HelpBox,
    pub detail_box: DetailBox,
    /// Help as laid out for its box, prepared by `screen::help`.
    pub help: HelpText,
    /// What the detail pane shows, prepared by `screen::detail`.
    pub detail: Detail,
    /// What the risks view and meeting mode show, prepared by `screen::review`.
    pub review: ReviewShown,
    /// The application's revision the board was last brought up to.
    pub board_revision: u64,
    pub target_selected: usize,
    pub flash: Option<Flash>,
    pub last_saved: Option<DateTime<FixedOffset>>,
    pub undo: Vec<UndoRecord>,
    pub triage: Triage,
    pub risk_selected: usize,
    pub presentation: Presentation,
    /// The period's report is asked for: the runtime writes it, and tells
    /// `update` how that went.
    pub report_asked: bool,
    pub quit: bool,
}

impl Ui {
    /// Takes in a new screen size: the board's page, the detail pane beside
    /// it or not, the help box and the meeting's slides follow it.
    pub fn fit(&mut self, fit: super::message::Fit) {
        self.page = fit.page;
        self.wide = fit.wide;
        self.help_box = fit.help_box;
        self.detail_box = fit.detail_box;
        let show = &mut self.presentation;
        show.height = fit.height;
        show.capacity = Presentation::capacity_for(fit.height, show.large);
    }

    pub fn new(lang: Lang) -> Ui {
        Ui {
            lang,
            screen: Screen::Board,
            focus: Focus::List,
            overlay: None,
            grouping: Grouping::Area,
            filter: TaskFilter::default(),
            folded: HashSet::new(),
            rows: Vec::new(),
            summary: StatusGrid::default(),
            selected: 0,
            offset: 0,
            page: 10,
            wide: false,
            search: None,
            search_origin: 0,
            detail_scroll: 0,
            help_scroll: 0,
            help_box: HelpBox::default(),
            detail_box: DetailBox::default(),
            help: HelpText::default(),
            detail: Detail::default(),
            review: ReviewShown::default(),
            board_revision: 0,
            target_selected: 0,
            flash: None,
            last_saved: None,
            undo: Vec::new(),
            triage: Triage::default(),
            risk_selected: 0,
            presentation: Presentation::default(),
            report_asked: false,
            quit: false,
        }
    }

    /// Which rows of the key table apply now.
    pub fn mode(&self) -> Mode {
        match &self.overlay {
            Some(Overlay::Help) => Mode::Help,
            Some(Overlay::StatusPicker { .. } | Overlay::Filter { .. }) => Mode::Picker,
            Some(
                Overlay::Input(_)
                | Overlay::Evidence(_)
                | Overlay::Extend(_)
                | Overlay::Result(_)
                | Overlay::Task(_)
                | Overlay::Withdraw(_),
            ) => Mode::Input,
            Some(Overlay::Note(_)) => Mode::Editor,
            None => self.screen_mode(),
        }
    }

    /// The mode of the screen beneath any dialog: the one help starts with.
    pub fn screen_mode(&self) -> Mode {
        match self.screen {
            Screen::Targets => Mode::Targets,
            Screen::Risks => Mode::Risks,
            Screen::Triage => Mode::Triage,
            Screen::Meeting => Mode::Meeting,
            Screen::Board if self.focus == Focus::Detail => Mode::Detail,
            Screen::Board if self.search.is_some() => Mode::SearchResults,
            Screen::Board => Mode::Board,
        }
    }

    pub fn selected_row(&self) -> Option<&Row> {
        self.rows.get(self.selected)
    }

    /// The occurrence edits apply to: triage's current item, or the task
    /// under the board's selection.
    pub fn selected_key(&self) -> Option<&TaskKey> {
        if self.screen == Screen::Triage {
            return self.triage.current();
        }
        self.selected_row().and_then(Row::task).map(|t| &t.key)
    }

    /// Flagged tasks and targets, which the risk selection moves over.
    pub fn risk_count(&self) -> usize {
        self.review.task_risks.len() + self.review.target_risks.len()
    }

    /// The meeting's slide on screen.
    pub fn current_slide(&self) -> Option<&crate::app::meeting::Slide> {
        self.review.slides.get(self.presentation.slide)
    }

    /// Whether the detail pane is on screen.
    pub fn shows_detail(&self) -> bool {
        self.screen == Screen::Board && (self.wide || self.focus == Focus::Detail)
    }
}
