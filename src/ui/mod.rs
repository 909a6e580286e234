//! Views: each file draws one part of the screen from borrowed state and
//! changes nothing. `draw` lays the screen out and calls them.

pub mod ascii;
mod board;
mod detail;
mod dialogs;
mod help;
mod meeting;
mod note_editor;
mod overview;
pub(crate) mod risks;
mod status_bar;
mod targets;
pub mod theme;
mod title_bar;
mod too_small;
mod triage;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::Block;

use crate::app::App;
use crate::screen::state::{InputKind, Overlay, Screen, Ui};
pub use theme::Theme;

/// The smallest screen the board is drawn on; below it, "cửa sổ quá nhỏ".
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;
/// From this width the detail pane stands beside the board. Below it the board
/// has the whole width and a ↓ key redraws two rows, not a pane of text.
pub const WIDE_WIDTH: u16 = 140;

/// What every view may read.
pub struct Context<'a> {
    pub app: &'a App,
    pub ui: &'a Ui,
    pub theme: Theme,
    pub key_hints: bool,
}

/// The parts of the screen.
struct Areas {
    title: Rect,
    main: Rect,
    status: Rect,
    hints: Rect,
}

fn areas(area: Rect, key_hints: bool) -> Areas {
    let hints = u16::from(key_hints);
    let [title, main, status, hints] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(hints),
    ])
    .areas(area);
    Areas {
        title,
        main,
        status,
        hints,
    }
}

/// How many board rows fit on a screen of this size (the runtime keeps
/// `Ui::page` in step with it).
pub fn board_page(width: u16, height: u16, key_hints: bool) -> usize {
    let main = areas(Rect::new(0, 0, width, height), key_hints).main;
    usize::from(main.height.saturating_sub(1))
}

/// How the layout fits a screen of this size, for the model to take in.
pub fn fit(width: u16, height: u16, key_hints: bool) -> crate::screen::message::Fit {
    crate::screen::message::Fit {
        width,
        height,
        page: board_page(width, height, key_hints),
        wide: is_wide(width),
        help_box: help_box(width, height, key_hints),
        detail_box: detail_box(width, height, key_hints),
    }
}

/// The inside of the detail pane on a screen of this size: the right part
/// beside the board on a wide screen, else the whole main area.
pub fn detail_box(width: u16, height: u16, key_hints: bool) -> crate::screen::state::DetailBox {
    let main = areas(Rect::new(0, 0, width, height), key_hints).main;
    let pane = if is_wide(width) {
        let [_, side] = board_and_detail(main);
        side
    } else {
        main
    };
    crate::screen::state::DetailBox {
        width: pane.width.saturating_sub(1),
        rows: pane.height.saturating_sub(1),
    }
}

/// The board and the detail pane beside it, on a wide screen.
fn board_and_detail(main: Rect) -> [Rect; 2] {
    Layout::horizontal([Constraint::Percentage(58), Constraint::Percentage(42)]).areas(main)
}

/// The help box on a screen of this size (the runtime keeps `Ui::help_box`
/// in step with it): over the board's main area, or the whole meeting screen.
pub fn help_box(width: u16, height: u16, key_hints: bool) -> crate::screen::state::HelpBox {
    let main = areas(Rect::new(0, 0, width, height), key_hints).main;
    let inner = |rows: u16| rows.saturating_sub(2);
    crate::screen::state::HelpBox {
        width: width.min(crate::screen::help::HELP_WIDTH).saturating_sub(2),
        rows: inner(main.height),
        rows_in_meeting: inner(height),
    }
}

pub fn is_wide(width: u16) -> bool {
    width >= WIDE_WIDTH
}

pub fn draw(frame: &mut Frame, ctx: &Context) {
    let area = frame.area();
    frame.render_widget(Block::new().style(ctx.theme.base()), area);
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return too_small::draw(frame, area, ctx);
    }
    // Meeting mode uses the whole screen; help and the question before
    // closing the period can still open over it.
    if ctx.ui.screen == Screen::Meeting {
        meeting::draw(frame, area, ctx);
        match &ctx.ui.overlay {
            Some(Overlay::Help) => help::draw(frame, area, ctx),
            Some(Overlay::Input(field)) => dialogs::input(frame, area, ctx, field),
            _ => {}
        }
        return;
    }
    let parts = areas(area, ctx.key_hints);
    title_bar::draw(frame, parts.title, ctx);
    match ctx.ui.screen {
        Screen::Targets => targets::draw(frame, parts.main, ctx),
        Screen::Risks => risks::draw(frame, parts.main, ctx),
        Screen::Triage => triage::draw(frame, parts.main, ctx),
        Screen::Meeting => meeting::draw(frame, parts.main, ctx),
        Screen::Board => draw_board_screen(frame, parts.main, ctx),
    }
    status_bar::draw_status(frame, parts.status, ctx);
    if ctx.key_hints {
        status_bar::draw_hints(frame, parts.hints, ctx);
    }
    draw_overlay(frame, &parts, ctx);
}

fn draw_board_screen(frame: &mut Frame, area: Rect, ctx: &Context) {
    if ctx.ui.wide {
        let [list, side] = board_and_detail(area);
        board::draw(frame, list, ctx);
        detail::draw(frame, side, ctx);
    } else if ctx.ui.shows_detail() {
        detail::draw(frame, area, ctx);
    } else {
        board::draw(frame, area, ctx);
    }
}

fn draw_overlay(frame: &mut Frame, parts: &Areas, ctx: &Context) {
    let area = parts.main;
    match &ctx.ui.overlay {
        None => {}
        Some(Overlay::Help) => help::draw(frame, area, ctx),
        Some(Overlay::StatusPicker { selected }) => {
            dialogs::status_picker(frame, area, ctx, *selected)
        }
        Some(Overlay::Filter { line }) => dialogs::filter(frame, area, ctx, *line),
        // The search box sits on the status line, so the board stays in view.
        Some(Overlay::Input(field)) if field.kind == InputKind::Search => {
            dialogs::search_bar(frame, parts.status, ctx, field)
        }
        Some(Overlay::Input(field)) => dialogs::input(frame, area, ctx, field),
        Some(Overlay::Evidence(form)) => dialogs::evidence(frame, area, ctx, form),
        Some(Overlay::Extend(form)) => dialogs::extend(frame, area, ctx, form),
        Some(Overlay::Result(form)) => dialogs::result(frame, area, ctx, form),
        Some(Overlay::Task(form)) => dialogs::task(frame, area, ctx, form),
        Some(Overlay::Withdraw(form)) => dialogs::withdraw(frame, area, ctx, form),
        Some(Overlay::Note(note)) => note_editor::draw(frame, area, ctx, note),
    }
}

/// A bar of `width` cells, the `share` (0 to 1, clamped: a damaged or odd
/// figure never draws past its bar) filled.
pub fn bar<'a>(theme: &Theme, share: f64, width: usize) -> [ratatui::text::Span<'a>; 2] {
    let share = if share.is_finite() {
        share.clamp(0.0, 1.0)
    } else {
        0.0
    };
    let filled = ((share * width as f64).round() as usize).min(width);
    [
        ratatui::text::Span::styled("█".repeat(filled), theme.bar_filled()),
        ratatui::text::Span::styled("░".repeat(width - filled), theme.bar_empty()),
    ]
}

/// The occurrence edits apply to, as its dialogs name it ("1.a.1@2027"),
/// or nothing when none is selected.
fn selected_key_text(ctx: &Context) -> String {
    ctx.ui
        .selected_key()
        .map(ToString::to_string)
        .unwrap_or_default()
}

/// A box of `width`×`height` centred in `area`, never larger than it.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::ThemeName;

    #[test]
    fn a_bar_never_draws_past_its_width() {
        let theme = Theme::new(ThemeName::Dark);
        let cells = |share: f64| {
            let [filled, empty] = bar(&theme, share, 20);
            (
                filled.content.chars().count(),
                empty.content.chars().count(),
            )
        };
        assert_eq!(cells(0.5), (10, 10));
        assert_eq!(cells(2.55), (20, 0));
        assert_eq!(cells(-1.0), (0, 20));
        assert_eq!(cells(f64::NAN), (0, 20));
    }
}
