//! The full-screen runtime: terminal set-up and restore, the event loop, the
//! panic hook with its crash report, and clean exits on SIGTERM and SIGHUP (a
//! dropped SSH link). Draws only after input, a resize or a new day.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event, KeyEventKind};

use crate::app::App;
use crate::app::actor::Clock;
use crate::app::board::Row;
use crate::i18n::{self, Lang};
use crate::keymap::{self, Key};
use crate::screen::message::{Message, Start};
use crate::screen::state::Ui;
use crate::screen::update::update;
use crate::ui::{self, Context, Theme};

/// How often the loop wakes without input, to notice signals and a new day.
const TICK: Duration = Duration::from_millis(250);

pub struct Options {
    pub lang: Lang,
    pub theme: Theme,
    pub key_hints: bool,
    /// Where crash reports go (the data folder).
    pub crash_dir: PathBuf,
    /// Start in triage rather than on the board.
    pub triage: bool,
    /// Start in meeting mode (`cchc present`); leaving it ends the program.
    pub present: bool,
    /// The terminal does not take UTF-8: frames are drawn in ASCII.
    pub ascii: bool,
}

/// Whether the terminal's locale is UTF-8, from `LC_ALL`, `LC_CTYPE`, then
/// `LANG`, the first one set, as the C library decides. Unset everywhere
/// counts as UTF-8: most terminals are, and a missing `LANG` usually only
/// means the SSH server passed none on. `CCHC_ASCII=1` or `0` decides instead.
pub fn locale_is_utf8() -> bool {
    match std::env::var("CCHC_ASCII").ok().as_deref() {
        Some("1") => return false,
        Some("0") => return true,
        _ => {}
    }
    let set = ["LC_ALL", "LC_CTYPE", "LANG"]
        .into_iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|value| !value.is_empty());
    set.is_none_or(|value| {
        let value = value.to_ascii_lowercase();
        value.contains("utf-8") || value.contains("utf8")
    })
}

/// Runs the board until the user quits or a signal asks us to stop.
pub fn run(app: &mut App, options: &Options) -> std::io::Result<()> {
    install_crash_report(options.crash_dir.clone(), options.lang);
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }
    let mut terminal = ratatui::try_init()?;
    crate::store::quiet::wrap_panic_hook();
    let _ = crossterm::execute!(std::io::stdout(), EnableBracketedPaste);
    let result = event_loop(&mut terminal, app, options, &stop);
    if !matches!(result, Ok(Exit::Quit)) && terminal_gone() {
        // Restoring a terminal that is gone fails, and ratatui reports that
        // on stderr, which is the dead terminal: writing there panics, and a
        // panic in its panic hook aborts before our backup is written.
        silence_terminal_output();
    }
    let _ = crossterm::execute!(std::io::stdout(), DisableBracketedPaste);
    let _ = ratatui::try_restore();
    drop(terminal);
    result.map(drop)
}

/// Why the board ended.
enum Exit {
    /// The user quit.
    Quit,
    /// SIGTERM or SIGHUP, or the terminal went away.
    Stopped,
}

fn terminal_gone() -> bool {
    use rustix::event::{PollFd, PollFlags, Timespec, poll};
    let stdin = rustix::stdio::stdin();
    let mut fds = [PollFd::new(&stdin, PollFlags::IN)];
    let now = Timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    match poll(&mut fds, Some(&now)) {
        Ok(_) => fds[0]
            .revents()
            .intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL),
        Err(_) => true,
    }
}

fn silence_terminal_output() {
    if let Ok(null) = std::fs::OpenOptions::new().write(true).open("/dev/null") {
        let _ = rustix::stdio::dup2_stdout(&null);
        let _ = rustix::stdio::dup2_stderr(&null);
    }
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    options: &Options,
    stop: &AtomicBool,
) -> std::io::Result<Exit> {
    let mut ui = Ui::new(options.lang);
    let size = terminal.size()?;
    let fit = ui::fit(size.width, size.height, options.key_hints);
    ui.fit(fit);
    let start = Start {
        ascii: options.ascii,
        triage: options.triage,
        present: options.present,
    };
    update(app, &mut ui, Message::Started(start));
    read_shown_texts(app, &mut ui, start);
    let mut first_frame = true;
    // Polling starts crossterm's reader, and with it its resize handler, so a
    // resize before the first key is not lost; keys typed ahead are applied.
    while event::poll(Duration::ZERO)? {
        handle(app, &mut ui, options, event::read()?);
    }
    loop {
        terminal.draw(|frame| {
            let ctx = Context {
                app,
                ui: &ui,
                theme: options.theme,
                key_hints: options.key_hints,
            };
            ui::draw(frame, &ctx);
            if options.ascii {
                ui::ascii::to_ascii(frame.buffer_mut());
            }
        })?;
        // Once the first frame is up, other threads read the texts and fold
        // the titles for search: before it, they would take the core the
        // board needs.
        if std::mem::take(&mut first_frame) {
            app.read_texts_in_background();
            app.fold_titles_in_background();
        }
        panic_for_tests(&ui);
        if !wait_for_change(app, &mut ui, options, stop)? {
            return Ok(Exit::Stopped);
        }
        if ui.quit {
            return Ok(Exit::Quit);
        }
    }
}

/// Blocks until something should be redrawn; false when we must stop.
fn wait_for_change(
    app: &mut App,
    ui: &mut Ui,
    options: &Options,
    stop: &AtomicBool,
) -> std::io::Result<bool> {
    loop {
        if stop.load(Ordering::Relaxed) {
            return Ok(false);
        }
        match wait_for_input(TICK, app) {
            Input::HungUp => return Ok(false),
            Input::Owner if take_store_changes(app, ui) => return Ok(true),
            Input::Idle if new_day(app, ui) => return Ok(true),
            Input::Idle if take_texts(app, ui, false) => return Ok(true),
            // A lost owner is looked for again on the slow tick.
            Input::Idle if app.is_shared() && take_store_changes(app, ui) => return Ok(true),
            Input::Idle | Input::Ready | Input::Owner => {}
        }
        // Resizes are queued by crossterm's own signal handler, so drain even
        // when the keyboard was idle.
        let mut changed = false;
        while event::poll(Duration::ZERO)? {
            changed |= handle(app, ui, options, event::read()?);
        }
        // An edit's answer can arrive with a push behind it, already read
        // off the socket, so the socket will not wake us for it.
        if changed && app.is_shared() {
            take_store_changes(app, ui);
        }
        if changed {
            return Ok(true);
        }
    }
}

/// Takes in what the store's owner pushed; true when the screen must be
/// redrawn.
fn take_store_changes(app: &mut App, ui: &mut Ui) -> bool {
    match app.sync() {
        Ok(synced) if synced.changed || synced.notice.is_some() => {
            update(app, ui, Message::StoreChanged(synced.notice));
            true
        }
        Ok(_) => false,
        Err(e) => {
            update(app, ui, Message::SyncFailed(std::sync::Arc::new(e)));
            true
        }
    }
}

/// Writes the selected period's report as a Word file into the current
/// folder, under its period's name or the next free one (a screen cannot
/// ask about overwriting); where it went, or why not, in words.
fn write_report(app: &App, lang: Lang) -> Result<String, String> {
    use crate::report::{self, Failure, Format, Separator, files};
    let target = files::free_name(&report::default_file_name(app.period(), Format::Docx));
    let shown = std::path::absolute(&target).unwrap_or_else(|_| target.clone());
    let today = app.clock().today;
    match report::write(
        app,
        Format::Docx,
        Separator::Comma,
        today,
        &target,
        false,
        lang,
    ) {
        Ok(_) => Ok(shown.display().to_string()),
        Err(Failure::App(e)) => Err(i18n::app_error(&e, lang)),
        Err(e) => Err(i18n::cannot_write(
            &shown.display().to_string(),
            &e.to_string(),
            lang,
        )),
    }
}

/// The texts the first frame shows, read before it is drawn: on the board,
/// those of the rows on screen and of the selected task (its detail). Triage
/// and meeting mode open once every text is here.
fn read_shown_texts(app: &mut App, ui: &mut Ui, start: Start) {
    if start.triage || start.present {
        take_texts(app, ui, true);
        return;
    }
    let on_screen = ui.rows.iter().skip(ui.offset).take(ui.page);
    let ids = on_screen
        .filter_map(Row::task)
        .map(|row| &row.key)
        .chain(ui.selected_key())
        .map(|key| key.task.as_str());
    let read = app.read_texts(ids).map(|()| true);
    texts_taken(app, ui, read);
}

/// Takes in the texts read on another thread (waiting for them when
/// `wait`); true when the screen must be redrawn.
fn take_texts(app: &mut App, ui: &mut Ui, wait: bool) -> bool {
    let taken = app.take_texts(wait);
    texts_taken(app, ui, taken)
}

/// Tells the screen that texts came in, or that reading them failed; true
/// when it must be redrawn.
fn texts_taken(app: &mut App, ui: &mut Ui, taken: Result<bool, crate::app::AppError>) -> bool {
    match taken {
        Ok(false) => false,
        Ok(true) => {
            update(app, ui, Message::TextsRead);
            true
        }
        Err(e) => {
            update(app, ui, Message::SyncFailed(std::sync::Arc::new(e)));
            true
        }
    }
}

/// Applies one terminal event; true when the screen must be redrawn. Every
/// task's text is here before an event is handled: what it leads to (a
/// search, another task's detail, a report) may show any of them.
fn handle(app: &mut App, ui: &mut Ui, options: &Options, event: Event) -> bool {
    take_texts(app, ui, true);
    match event {
        Event::Key(key) if key.kind == KeyEventKind::Press => {
            match Key::from_event(&key).and_then(|k| keymap::action_for(ui.mode(), k)) {
                Some(action) => {
                    update(app, ui, action);
                    if std::mem::take(&mut ui.report_asked) {
                        let written = write_report(app, options.lang);
                        update(app, ui, Message::ReportWritten(written));
                    }
                    // An edit may have found the owner gone and reconnected.
                    if let Some(notice) = app.take_notice() {
                        update(app, ui, Message::StoreChanged(Some(notice)));
                    }
                    true
                }
                None => false,
            }
        }
        Event::Resize(width, height) => {
            let fit = ui::fit(width, height, options.key_hints);
            update(app, ui, Message::Resized(fit));
            true
        }
        Event::Paste(text) => {
            update(app, ui, Message::Paste(text));
            true
        }
        _ => false,
    }
}

enum Input {
    Ready,
    /// The store's owner pushed something.
    Owner,
    Idle,
    HungUp,
}

/// Waits up to `timeout` for keyboard input, or for the store's owner, on our
/// own poll, because crossterm's reads end-of-file in a busy loop once the
/// terminal is gone (a dropped SSH link, a closed window), and SIGHUP does
/// not always reach us.
fn wait_for_input(timeout: Duration, app: &App) -> Input {
    use rustix::event::{PollFd, PollFlags, Timespec, poll};
    let stdin = rustix::stdio::stdin();
    let owner = app.wake_fd();
    let mut fds = vec![PollFd::new(&stdin, PollFlags::IN)];
    if let Some(owner) = &owner {
        fds.push(PollFd::from_borrowed_fd(owner.as_fd(), PollFlags::IN));
    }
    let timeout = Timespec {
        tv_sec: 0,
        tv_nsec: timeout.as_nanos().min(999_999_999) as i64,
    };
    let hung_up = PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL;
    match poll(&mut fds, Some(&timeout)) {
        Ok(_) if fds[0].revents().intersects(hung_up) => Input::HungUp,
        Ok(0) => Input::Idle,
        Ok(_) if fds[0].revents().contains(PollFlags::IN) => Input::Ready,
        // Readable, closed or broken: `sync` finds out which.
        Ok(_) => Input::Owner,
        Err(rustix::io::Errno::INTR) => Input::Idle,
        Err(_) => Input::HungUp,
    }
}

/// Debug builds only: `CCHC_TEST_PANIC=1` panics when help is opened, so the
/// end-to-end tests can check that a panic restores the terminal and writes a
/// crash report. Release builds have no such switch.
fn panic_for_tests(ui: &Ui) {
    #[cfg(debug_assertions)]
    if ui.overlay == Some(crate::screen::state::Overlay::Help)
        && std::env::var_os("CCHC_TEST_PANIC").is_some()
    {
        panic!("panic requested by CCHC_TEST_PANIC");
    }
    #[cfg(not(debug_assertions))]
    let _ = ui;
}

/// "Today" moves during long meetings: at midnight classes change.
fn new_day(app: &mut App, ui: &mut Ui) -> bool {
    let Ok(clock) = Clock::from_env() else {
        return false;
    };
    if clock.today == app.clock().today {
        return false;
    }
    update(app, ui, Message::NewDay(clock));
    true
}

/// Before ratatui's own hook (which restores the terminal) runs ours: write a
/// crash report into the data folder and say where it is. Saved edits are
/// already on disk, so nothing is lost.
fn install_crash_report(dir: PathBuf, lang: Lang) {
    std::panic::set_hook(Box::new(move |info| {
        let report = format!(
            "cchc {}\n{}\n{info}\n\n{}\n",
            env!("CARGO_PKG_VERSION"),
            chrono::Local::now().to_rfc3339(),
            std::backtrace::Backtrace::force_capture()
        );
        let path = write_crash_report(&dir, &report);
        let shown = path
            .as_deref()
            .map(Path::display)
            .map(|p| p.to_string())
            .unwrap_or_default();
        let _ = writeln!(std::io::stderr(), "{info}\n{}", i18n::crashed(&shown, lang));
    }));
}

fn write_crash_report(dir: &Path, report: &str) -> Option<PathBuf> {
    let name = format!("crash-{}.txt", chrono::Local::now().format("%Y%m%d-%H%M%S"));
    let path = dir.join(name);
    let mut file = crate::store::folder::create_new(dir, &path).ok()?;
    file.write_all(report.as_bytes()).ok().map(|()| path)
}
