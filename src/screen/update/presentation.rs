//! Meeting mode: its slides and keys.

use super::*;

/// Opens meeting mode on its first slide; `standalone` when the program was
/// started for it (leaving it then ends the program).
pub fn start_presentation(app: &App, ui: &mut Ui, standalone: bool) {
    // "Since the last meeting" reads the history.
    if let Err(e) = app.load_history() {
        flash_error(ui, i18n::app_error(&e, ui.lang));
    }
    ui.presentation.slide = 0;
    ui.presentation.blank = false;
    ui.presentation.standalone = standalone;
    ui.overlay = None;
    ui.screen = Screen::Meeting;
    crate::screen::review::prepare(app, ui);
}

/// Meeting mode: moves between slides; nothing here edits but closing the
/// period, which a dialog asks to confirm.
pub(super) fn meeting(app: &mut App, ui: &mut Ui, action: Action) {
    // The slides as prepared; `screen::review` keeps the slide within them
    // when a new size or period changes how many there are.
    let count = ui.review.slides.len();
    let show = &mut ui.presentation;
    match action {
        Action::NextSlide => show.slide = (show.slide + 1).min(count.saturating_sub(1)),
        Action::PreviousSlide => show.slide = show.slide.saturating_sub(1),
        Action::GoToSlide(n) if usize::from(n) <= count => {
            show.slide = usize::from(n).saturating_sub(1)
        }
        Action::FirstSlide => show.slide = 0,
        Action::Blank => show.blank = !show.blank,
        Action::Larger => {
            show.large = !show.large;
            show.capacity = Presentation::capacity_for(show.height, show.large);
        }
        Action::PreviousPeriod | Action::NextPeriod => {
            change_period(app, ui, action == Action::NextPeriod);
        }
        Action::Reload => match app.reload() {
            Ok(()) => refresh(app, ui),
            Err(e) => flash_error(ui, i18n::app_error(&e, ui.lang)),
        },
        Action::ShowHelp => open_help(ui),
        Action::WriteReport => ui.report_asked = true,
        // A read-only deck (`cchc present`) never opens a dialog.
        Action::ClosePeriod if app.is_read_only() => {
            flash_error(ui, i18n::input_error(&InputError::ReadOnly, ui.lang))
        }
        Action::ClosePeriod => {
            ui.overlay = Some(Overlay::Input(TextInput {
                kind: InputKind::ClosePeriod,
                line: LineEdit::new(&app.period().code()),
                error: None,
            }))
        }
        Action::Back if show.standalone => ui.quit = true,
        Action::Back => ui.screen = Screen::Board,
        _ => {}
    }
}
