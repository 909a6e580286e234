//! What the risks view and meeting mode show, prepared by the model: the
//! flagged tasks and targets, the slides, the overview's figures and the
//! items of the slide on screen. Computed again only when the store, the
//! period or the slide size changes (or, for a slide's items, the slide),
//! never while drawing.

use crate::app::board::Grouping;
use crate::app::meeting::{ChangeLine, Slide, SlideKind, SlideTask};
use crate::app::risks::{FlaggedTarget, FlaggedTask};
use crate::app::{App, PeriodFigures};
use crate::domain::period::Period;
use crate::screen::state::{Screen, Ui};

#[derive(Clone, Default, PartialEq)]
pub struct ReviewShown {
    /// Most severe first; in the risks view, grouped by area or lead unit
    /// as the view groups them, most severe first within each group.
    pub task_risks: Vec<FlaggedTask>,
    pub target_risks: Vec<FlaggedTarget>,
    pub slides: Vec<Slide>,
    /// The period's figures, for the meeting's overview.
    pub figures: PeriodFigures,
    /// The items of the slide on screen, before they are cut into pages.
    pub slide_items: SlideItems,
    made_for: Option<Source>,
    items_made_for: Option<(Source, SlideKind)>,
}

/// Shown by what it was made for: the lists follow from that.
impl std::fmt::Debug for ReviewShown {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ReviewShown")
            .field("made_for", &self.made_for)
            .field("items_made_for", &self.items_made_for)
            .finish_non_exhaustive()
    }
}

/// The rows of one kind of slide.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum SlideItems {
    #[default]
    None,
    Tasks(Vec<SlideTask>),
    Changes(Vec<ChangeLine>),
}

#[derive(Debug, Clone, PartialEq)]
struct Source {
    revision: u64,
    period: Period,
    screen: Screen,
    grouping: Grouping,
    capacity: usize,
}

/// Prepares what the risks view or meeting mode shows, when one of them is
/// on screen and what it depends on changed; keeps the risk selection and
/// the slide within what there is.
pub fn prepare(app: &App, ui: &mut Ui) {
    if !matches!(ui.screen, Screen::Risks | Screen::Meeting) {
        return;
    }
    let source = Source {
        revision: app.revision(),
        period: app.period(),
        screen: ui.screen,
        grouping: ui.grouping,
        capacity: ui.presentation.capacity,
    };
    if ui.review.made_for.as_ref() != Some(&source) {
        ui.review = made_for(app, &source);
    }
    let items = ui.risk_count();
    ui.risk_selected = ui.risk_selected.min(items.saturating_sub(1));
    if ui.screen == Screen::Meeting {
        let show = &mut ui.presentation;
        show.slide = show.slide.min(ui.review.slides.len().saturating_sub(1));
        prepare_slide_items(app, ui, source);
    }
}

fn made_for(app: &App, source: &Source) -> ReviewShown {
    // Meeting mode's figures hold the flagged tasks already: taken once.
    let figures = match source.screen {
        Screen::Meeting => app.period_figures(),
        _ => PeriodFigures::default(),
    };
    let task_risks = match source.screen {
        Screen::Meeting => figures.risks.clone(),
        _ => app.task_risks(),
    };
    let mut shown = ReviewShown {
        task_risks,
        target_risks: app.target_risks(),
        figures,
        made_for: Some(source.clone()),
        ..ReviewShown::default()
    };
    if source.screen == Screen::Risks {
        let by_unit = source.grouping == Grouping::Unit;
        // Stable: severity order is kept within each group.
        shown.task_risks.sort_by_key(|f| {
            if by_unit {
                (0, f.lead.clone())
            } else {
                (f.area, String::new())
            }
        });
    }
    if source.screen == Screen::Meeting {
        shown.slides = app.slides(source.capacity);
    }
    shown
}

fn prepare_slide_items(app: &App, ui: &mut Ui, source: Source) {
    let Some(kind) = ui.current_slide().map(|s| s.kind.clone()) else {
        return;
    };
    let wanted = (source, kind);
    if ui.review.items_made_for.as_ref() == Some(&wanted) {
        return;
    }
    ui.review.slide_items = slide_items(app, &ui.review, &wanted.1);
    ui.review.items_made_for = Some(wanted);
}

fn slide_items(app: &App, shown: &ReviewShown, kind: &SlideKind) -> SlideItems {
    match kind {
        SlideKind::Overview | SlideKind::Targets => SlideItems::None,
        SlideKind::Area(_) | SlideKind::Unit(_) => SlideItems::Tasks(app.slide_tasks(kind)),
        SlideKind::Risks => SlideItems::Tasks(
            shown
                .task_risks
                .iter()
                .map(|f| SlideTask {
                    key: f.key.clone(),
                    reasons: f.reasons.clone(),
                })
                .collect(),
        ),
        SlideKind::Changes => SlideItems::Changes(app.changes_since_last_meeting()),
        SlideKind::Agenda => SlideItems::Tasks(
            app.agenda()
                .map(|key| SlideTask {
                    key: key.clone(),
                    reasons: app.task_reasons(key),
                })
                .collect(),
        ),
    }
}
