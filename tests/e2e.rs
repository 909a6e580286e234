//! End-to-end tests of the full-screen board: the real `cchc` binary in a
//! pseudo-terminal, its output fed into a `vt100` screen, keys typed as a
//! terminal would send them. Every test has its own store and config folder,
//! "today" pinned, and waits for text on screen, never for a fixed time.

mod process;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};
use process::{Output, TODAY};
use serde_json::Value;
use tempfile::TempDir;

/// How long anything on screen may take to appear (generous for loaded CI).
const TIMEOUT: Duration = Duration::from_secs(15);
const POLL: Duration = Duration::from_millis(20);

const UP: &str = "\x1b[A";
const DOWN: &str = "\x1b[B";
const ENTER: &str = "\r";
const ESC: &str = "\x1b";
const CTRL_S: &str = "\x13";

/// The title-bar text of the default grouping: the board is drawn.
const BOARD_TITLE: &str = "Nhóm: lĩnh vực";
/// Part of the status line's task count ("N nhiệm vụ, M xong").
const STATUS_COUNT: &str = " xong";

/// A store and a config folder that outlive one session of the TUI.
struct Store {
    data: TempDir,
    config: TempDir,
}

impl Store {
    fn new() -> Store {
        let config = tempfile::tempdir().expect("temporary config folder");
        // The owner a screen starts stops soon after the test is done with it.
        std::fs::write(
            config.path().join("config.toml"),
            "[share]\nidle_seconds = 2\n",
        )
        .expect("write config.toml");
        Store {
            data: tempfile::tempdir().expect("temporary data folder"),
            config,
        }
    }

    fn data(&self) -> &Path {
        self.data.path()
    }

    /// The binary for a one-shot subcommand on this store.
    fn command(&self) -> Command {
        process::command(self.data(), self.config.path())
    }

    /// Runs a subcommand to completion.
    fn run(&self, args: &[&str]) -> Output {
        process::output(self.command().args(args))
    }

    /// Runs a subcommand that must succeed and print JSON.
    fn json(&self, args: &[&str]) -> Value {
        let output = self.run(args);
        assert_eq!(output.code, Some(0), "cchc {args:?} failed: {output:#?}");
        serde_json::from_str(&output.out)
            .unwrap_or_else(|e| panic!("cchc {args:?} did not print JSON ({e}): {output:#?}"))
    }

    fn backups(&self) -> Vec<PathBuf> {
        match std::fs::read_dir(self.data().join("backups")) {
            Ok(entries) => entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "json"))
                .collect(),
            Err(_) => Vec::new(),
        }
    }
}

/// What the reader thread keeps up to date.
struct Shared {
    parser: vt100::Parser,
    /// Bytes read from the terminal so far.
    total: usize,
    /// When the last bytes arrived.
    last_read: Instant,
    /// The terminal reported end of file or an error (the child is gone).
    closed: bool,
    /// Asks the reader thread to stop (and close its copy of the master).
    stop: bool,
}

/// One running `cchc` board in a pseudo-terminal.
struct Tui {
    shared: Arc<Mutex<Shared>>,
    writer: Option<Box<dyn Write + Send>>,
    master: Option<Box<dyn MasterPty + Send>>,
    child: Box<dyn Child + Send + Sync>,
    _reader: JoinHandle<()>,
    exited: Option<ExitStatus>,
}

impl Tui {
    /// Opens the board on `store` in a terminal of `cols`×`rows`.
    fn open(store: &Store, cols: u16, rows: u16) -> Tui {
        Tui::open_with(store, cols, rows, &[])
    }

    /// Opens the board with extra environment variables.
    fn open_with(store: &Store, cols: u16, rows: u16, env: &[(&str, &str)]) -> Tui {
        Tui::spawn(store, cols, rows, &[], env)
    }

    /// Runs `cchc` with `args` (e.g. `triage`) in a terminal of `cols`×`rows`.
    fn open_args(store: &Store, cols: u16, rows: u16, args: &[&str]) -> Tui {
        Tui::spawn(store, cols, rows, args, &[])
    }

    /// Starts `cchc ARGS` in a pseudo-terminal, with extra environment variables.
    fn spawn(store: &Store, cols: u16, rows: u16, args: &[&str], env: &[(&str, &str)]) -> Tui {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pseudo-terminal");
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_cchc"));
        command.args(args);
        command.env("CCHC_DATA", store.data());
        command.env("CCHC_TODAY", TODAY);
        command.env("CCHC_CONFIG_DIR", store.config.path());
        command.env("TERM", "xterm-256color");
        // A UTF-8 terminal, whatever the machine running the tests says.
        command.env("LANG", "C.UTF-8");
        command.env_remove("LC_ALL");
        command.env_remove("LC_CTYPE");
        command.env_remove("CCHC_ASCII");
        command.env_remove("CCHC_LANG");
        command.env_remove("SSH_CONNECTION");
        command.env_remove("NO_COLOR");
        command.env_remove("CCHC_TEST_PANIC");
        for (name, value) in env {
            command.env(name, value);
        }
        command.cwd(store.data());
        let child = pair.slave.spawn_command(command).expect("spawn cchc");
        // Only the child holds the terminal's slave side from now on, so
        // the reader sees end of file when it exits.
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("terminal reader");
        let writer = pair.master.take_writer().expect("terminal writer");
        let shared = Arc::new(Mutex::new(Shared {
            parser: vt100::Parser::new(
                rows.try_into().expect("rows > 0"),
                cols.try_into().expect("cols > 0"),
                0,
            ),
            total: 0,
            last_read: Instant::now(),
            closed: false,
            stop: false,
        }));
        let feed = Arc::clone(&shared);
        let reader = std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            loop {
                let n = reader.read(&mut buf).unwrap_or(0);
                let mut shared = feed.lock().unwrap();
                if n > 0 {
                    shared.parser.process(&buf[..n]);
                    shared.total += n;
                    shared.last_read = Instant::now();
                }
                if n == 0 || shared.stop {
                    shared.closed = true;
                    return;
                }
            }
        });
        Tui {
            shared,
            writer: Some(writer),
            master: Some(pair.master),
            child,
            _reader: reader,
            exited: None,
        }
    }

    /// Types `keys` as a terminal sends them.
    fn send(&mut self, keys: &str) {
        let writer = self.writer.as_mut().expect("the terminal is open");
        writer
            .write_all(keys.as_bytes())
            .expect("write to terminal");
        writer.flush().expect("flush terminal");
    }

    fn screen(&self) -> String {
        self.shared.lock().unwrap().parser.screen().contents()
    }

    fn total_bytes(&self) -> usize {
        self.shared.lock().unwrap().total
    }

    /// Waits until `done` holds for the screen; panics with the screen when
    /// it does not within `timeout`.
    fn wait_until(&mut self, what: &str, timeout: Duration, done: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if done(&screen) {
                return screen;
            }
            if start.elapsed() > timeout {
                let status = match self.child.try_wait() {
                    Ok(Some(status)) => format!("exited: {status:?}"),
                    Ok(None) => "still running".to_string(),
                    Err(e) => format!("unknown: {e}"),
                };
                panic!(
                    "timed out after {timeout:?} waiting for {what} (cchc {status}); screen:\n{}\n{}",
                    "-".repeat(40),
                    screen
                );
            }
            std::thread::sleep(POLL);
        }
    }

    /// Waits until the screen holds `text`.
    fn wait_for(&mut self, text: &str) -> String {
        self.wait_until(&format!("{text:?}"), TIMEOUT, |s| s.contains(text))
    }

    /// Waits until `text` has left the screen.
    fn wait_gone(&mut self, text: &str) -> String {
        self.wait_until(&format!("{text:?} to go"), TIMEOUT, |s| !s.contains(text))
    }

    /// Waits for the board with its status line.
    fn wait_for_board(&mut self) -> String {
        self.wait_until("the board and status line", TIMEOUT, |s| {
            s.contains(BOARD_TITLE) && s.contains(STATUS_COUNT)
        })
    }

    /// Sends a lone Esc, then waits for the screen to change, so the next key
    /// cannot be read together with it as an escape sequence.
    fn send_esc(&mut self) -> String {
        let before = self.screen();
        self.send(ESC);
        self.wait_until("the screen to change after Esc", TIMEOUT, |s| s != before)
    }

    /// Waits until bytes stop arriving for `quiet` (after at least `after`
    /// bytes in total have been read); returns the total read.
    fn wait_quiet(&mut self, after: usize, quiet: Duration) -> usize {
        let start = Instant::now();
        loop {
            {
                let shared = self.shared.lock().unwrap();
                if shared.total > after && shared.last_read.elapsed() >= quiet {
                    return shared.total;
                }
            }
            if start.elapsed() > TIMEOUT {
                panic!(
                    "the terminal did not settle (read {} bytes, waiting for more than {after}); screen:\n{}",
                    self.total_bytes(),
                    self.screen()
                );
            }
            std::thread::sleep(POLL);
        }
    }

    /// Polls for the child's exit for up to `timeout`.
    fn wait_exit(&mut self, timeout: Duration) -> Option<ExitStatus> {
        if let Some(status) = &self.exited {
            return Some(status.clone());
        }
        let start = Instant::now();
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                self.exited = Some(status.clone());
                return Some(status);
            }
            if start.elapsed() > timeout {
                return None;
            }
            std::thread::sleep(POLL);
        }
    }

    /// Waits for the child to end on its own; kills it and panics otherwise.
    fn expect_exit(&mut self) -> ExitStatus {
        match self.wait_exit(TIMEOUT) {
            Some(status) => status,
            None => {
                let screen = self.screen();
                let _ = self.child.kill();
                let _ = self.wait_exit(TIMEOUT);
                panic!("cchc did not exit within {TIMEOUT:?}; screen:\n{screen}");
            }
        }
    }

    /// Presses q on the board and expects a successful exit.
    fn quit(&mut self) {
        self.send("q");
        let status = self.expect_exit();
        assert!(
            status.success(),
            "cchc exited with {status:?}; screen:\n{}",
            self.screen()
        );
    }

    fn pid(&self) -> u32 {
        self.child.process_id().expect("the child has a process id")
    }

    /// Waits until the reader has seen the end of the terminal's output.
    fn wait_closed(&mut self) {
        let start = Instant::now();
        while !self.shared.lock().unwrap().closed {
            assert!(start.elapsed() < TIMEOUT, "the terminal never closed");
            std::thread::sleep(POLL);
        }
    }

    /// Closes every handle we hold on the terminal's master side, as when
    /// the SSH link drops: the child is left with a hung-up terminal.
    fn hang_up(&mut self) {
        // The reader thread holds its own copy of the master; make it let go
        // after the next output, and cause some output.
        self.shared.lock().unwrap().stop = true;
        self.send("j");
        self.wait_closed();
        // Dropping the writer types "\n" and Ctrl+D: unbound on the board.
        drop(self.writer.take());
        drop(self.master.take());
    }

    /// Resizes the terminal and the emulated screen together.
    fn resize(&mut self, cols: u16, rows: u16) {
        self.shared.lock().unwrap().parser.set_size(
            rows.try_into().expect("rows > 0"),
            cols.try_into().expect("cols > 0"),
        );
        self.master
            .as_ref()
            .expect("the terminal is open")
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize the terminal");
    }
}

impl Drop for Tui {
    /// Never leaves a process behind, even when a test fails half-way.
    fn drop(&mut self) {
        if self.wait_exit(Duration::ZERO).is_none() {
            let _ = self.child.kill();
            let _ = self.wait_exit(Duration::from_secs(5));
        }
    }
}

/// The "M xong" figure of the status line ("N nhiệm vụ, M xong · …").
fn done_count(screen: &str) -> Option<usize> {
    let line = screen.lines().find(|l| l.contains(" nhiệm vụ, "))?;
    let (_, rest) = line.split_once(" nhiệm vụ, ")?;
    let (done, _) = rest.split_once(STATUS_COUNT)?;
    done.parse().ok()
}

/// The board row of task `id` ("○ 1.a.2 …"), if it is on screen.
fn row<'a>(screen: &'a str, id: &str) -> Option<&'a str> {
    let needle = format!(" {id} ");
    screen.lines().find(|line| {
        line.char_indices()
            .nth(1)
            .is_some_and(|(i, _)| line[i..].starts_with(&needle))
    })
}

/// The notes of `show --format json`, oldest first.
fn notes(show: &Value) -> Vec<String> {
    show["notes"]
        .as_array()
        .expect("notes is an array")
        .iter()
        .map(|n| n["text"].as_str().expect("note text").to_string())
        .collect()
}

fn log_entries(log: &Value) -> &Vec<Value> {
    log.as_array().expect("the log is an array")
}

impl Tui {
    /// Searches for `query` (which must select task `id`) and confirms the
    /// search: the selection is then on `id`, the board in search mode.
    fn select(&mut self, query: &str, id: &str) {
        self.send("/");
        self.wait_for("Tìm: ");
        self.send(query);
        self.wait_until(
            &format!("row {id} after searching {query:?}"),
            TIMEOUT,
            |s| row(s, id).is_some() && s.contains(&format!("Tìm: {query}")),
        );
        self.send(ENTER);
        // The search box on the status line closes; the search-mode hints show.
        self.wait_until("the search to be confirmed", TIMEOUT, |s| {
            !s.contains("Tìm: ") && s.contains("kết quả sau")
        });
    }

    /// Opens the status picker on `id`, moves with `arrows` from the current
    /// status and confirms with Enter; done asks the day the work was done,
    /// and Enter takes today, filled in.
    fn pick_status(&mut self, id: &str, arrows: &[&str]) {
        self.send("s");
        self.wait_for(&format!("Trạng thái {id}"));
        for arrow in arrows {
            self.send(arrow);
        }
        self.send(ENTER);
        let picker = format!("Trạng thái {id}");
        let screen = self.wait_until(&format!("the picker on {id} to close"), TIMEOUT, |s| {
            !s.contains(&picker)
        });
        if screen.contains(&format!("Ngày hoàn thành {id}")) {
            assert!(screen.contains("26/11/2026"), "today filled in:\n{screen}");
            self.send(ENTER);
        }
        self.wait_until(&format!("the status of {id} to be saved"), TIMEOUT, |s| {
            !s.contains(&format!("Trạng thái {id}")) && s.contains("đã lưu ")
        });
    }
}

/// The whole journey of a commune clerk: find a task without typing accents,
/// mark it done, write a note with diacritics, leave; the command line then
/// sees exactly what was typed.
#[test]
fn clerk_marks_a_task_done_and_notes_it() {
    const NOTE: &str = "Đã rà soát 12 văn bản, còn 3 văn bản chờ ý kiến Sở Tư pháp";
    let store = Store::new();
    let mut tui = Tui::open(&store, 80, 24);
    let first = tui.wait_for_board();
    assert_eq!(done_count(&first), Some(0), "a fresh store:\n{first}");
    assert!(
        row(&first, "1.a.1").is_none(),
        "1.a.1 is below the first page"
    );

    tui.send("/");
    tui.wait_for("Tìm: ");
    tui.send("ra soat van ban");
    tui.wait_until("1.a.1 found", TIMEOUT, |s| row(s, "1.a.1").is_some());
    tui.send(ENTER);
    tui.wait_until("the search to be confirmed", TIMEOUT, |s| {
        !s.contains("Tìm: ") && s.contains("tìm: ra soat van ban")
    });

    // "chưa bắt đầu" → "đang thực hiện" → "hoàn thành".
    tui.pick_status("1.a.1", &[DOWN, DOWN]);
    let screen = tui.wait_until("1.a.1 shown done", TIMEOUT, |s| {
        // 1.a.1 has no deadline in the plan: done, with no "on time" to say.
        row(s, "1.a.1").is_some_and(|r| r.starts_with('√') && r.contains("đã hoàn thành"))
    });
    // A standing duty done is still a standing duty: never counted "xong".
    assert_eq!(done_count(&screen), Some(0), "{screen}");

    tui.send(ENTER);
    tui.wait_for("Chi tiết");
    tui.send("n");
    tui.wait_for("Ghi chú cho 1.a.1");
    tui.send(NOTE);
    tui.wait_for(NOTE); // typed into the editor
    tui.send(CTRL_S);
    let screen = tui.wait_until("the note saved into the detail pane", TIMEOUT, |s| {
        !s.contains("Ghi chú cho 1.a.1") && s.contains(NOTE)
    });
    assert!(screen.contains("Chi tiết"), "{screen}");

    // Detail → board (search still on) → search dropped.
    tui.send_esc();
    tui.wait_until("the board in search mode", TIMEOUT, |s| {
        !s.contains("Chi tiết") && s.contains("tìm: ra soat van ban")
    });
    tui.send_esc();
    tui.wait_gone("tìm: ra soat van ban");
    tui.quit();

    let show = store.json(&["show", "1.a.1", "--format", "json"]);
    assert_eq!(show["status"], "done", "{show:#}");
    assert_eq!(show["progress"], 100, "{show:#}");
    assert_eq!(show["completed_on"], "2026-11-26", "{show:#}");
    let notes = notes(&show);
    assert_eq!(notes, vec![NOTE.to_string()], "{show:#}");
    assert!(unicode_normalization::is_nfc(&notes[0]));

    let log = store.json(&["log", "1.a.1", "--format", "json"]);
    let fields: Vec<&str> = log_entries(&log)
        .iter()
        .map(|e| e["field"].as_str().unwrap_or_default())
        .collect();
    assert!(fields.contains(&"status"), "{fields:?}");
    assert!(fields.contains(&"note"), "{fields:?}");
    let note_entry = log_entries(&log)
        .iter()
        .find(|e| e["field"] == "note")
        .unwrap();
    assert_eq!(note_entry["new"]["text"], NOTE, "{note_entry:#}");
}

/// A board at 80×24 with the note editor open on task `id`.
fn note_editor_on(store: &Store, id: &str) -> Tui {
    let mut tui = Tui::open(store, 80, 24);
    tui.wait_for_board();
    tui.select(id, id);
    // Off the search results, where `n` is the next result.
    tui.send_esc();
    tui.wait_gone(&format!("tìm: {id}"));
    tui.send("n");
    tui.wait_for(&format!("Ghi chú cho {id}"));
    tui
}

/// A note typed key by key (no bracketed paste), with an empty line between
/// paragraphs and lines that begin with board keys: Enter only starts new
/// lines, the whole note is stored on Ctrl+S, and nothing reached the board.
#[test]
fn a_typed_note_with_empty_lines_and_board_keys_is_stored_whole() {
    const LINES: [&str; 6] = [
        "Kết quả quý I:",
        "",
        "- rà soát 12 văn bản",
        "+ t q s n u",
        "  tiếp tục…",
        "",
    ];
    let store = Store::new();
    let mut tui = note_editor_on(&store, "0.8");
    for line in LINES {
        tui.send(line);
        tui.send(ENTER);
    }
    tui.wait_for("tiếp tục…");
    tui.send(CTRL_S);
    tui.wait_gone("Ghi chú cho 0.8");
    tui.quit();
    let show = store.json(&["show", "0.8", "--format", "json"]);
    let expected = LINES[..5].join("\n");
    assert_eq!(notes(&show), vec![expected], "{show:#}");
    let log = store.json(&["log", "--format", "json"]);
    let fields: Vec<&str> = log_entries(&log)
        .iter()
        .map(|e| e["field"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(fields, vec!["note"], "nothing but the note was changed");
}

/// Esc over a typed note asks first; a second Esc throws it away.
#[test]
fn esc_asks_before_a_typed_note_is_thrown_away() {
    let store = Store::new();
    let mut tui = note_editor_on(&store, "0.8");
    tui.send("nháp");
    tui.wait_for("nháp");
    tui.send_esc();
    tui.wait_for("Bỏ ghi chú đang gõ?");
    tui.send("!");
    tui.wait_for("nháp!");
    tui.send_esc();
    tui.wait_for("Bỏ ghi chú đang gõ?");
    tui.send_esc();
    tui.wait_gone("Ghi chú cho 0.8");
    tui.quit();
    let show = store.json(&["show", "0.8", "--format", "json"]);
    assert!(notes(&show).is_empty(), "{show:#}");
}

/// Text pasted into the search bar (bracketed paste) searches as typed text
/// does; pasted on the board it changes nothing and says where it would go.
#[test]
fn pasting_into_search_searches_and_on_the_board_changes_nothing() {
    let store = Store::new();
    let mut tui = Tui::open(&store, 80, 24);
    tui.wait_for_board();
    assert!(
        row(&tui.screen(), "0.30").is_none(),
        "0.30 is below the first page"
    );
    tui.send("\x1b[200~- 0.8 t q\x1b[201~");
    tui.wait_for("Dán chữ vào ô");
    tui.send("/");
    tui.wait_for("Tìm: ");
    tui.send("\x1b[200~0.30\x1b[201~");
    tui.wait_until("0.30 found by the pasted search", TIMEOUT, |s| {
        row(s, "0.30").is_some() && s.contains("Tìm: 0.30")
    });
    tui.send_esc();
    tui.quit();
    let log = store.json(&["log", "--format", "json"]);
    assert!(log_entries(&log).is_empty(), "{log:#}");
}

/// The screen opens on the plan's compact index: the rows of the first
/// frame have their titles, and a search typed at once finds words that are
/// only in a full title, read after that frame.
#[test]
fn the_first_frame_has_its_titles_and_a_search_reads_the_full_ones() {
    let store = Store::new();
    let mut tui = Tui::open(&store, 160, 45);
    let first = tui.wait_for_board();
    assert!(
        first.contains("Tăng cường năng lực các đơn vị chủ trì CCHC"),
        "the first row's short title:\n{first}"
    );
    // In 6.7's full title only ("…nguồn nhân lực chất lượng cao…").
    tui.select("nguon nhan luc chat luong cao", "6.7");
    tui.quit();
}

/// The detail pane scrolls no further than its last line, and ↑ after ↓
/// held down moves it at once.
#[test]
fn the_detail_pane_stops_at_its_end_and_comes_back_at_once() {
    let store = Store::new();
    let long: Vec<String> = (1..=30).map(|i| format!("dòng {i}")).collect();
    let written = store.run(&["set", "0.8", "--note", &long.join("\n")]);
    assert_eq!(written.code, Some(0), "{written:#?}");
    let mut tui = Tui::open(&store, 80, 24);
    tui.wait_for_board();
    tui.select("0.8", "0.8");
    tui.send(ENTER);
    tui.wait_for("dòng 1");
    for _ in 0..120 {
        tui.send(DOWN);
    }
    // The pane's last row, above the status line and the key hints.
    let bottom = |s: &str| s.lines().rev().nth(2).unwrap_or_default().to_string();
    tui.wait_until("the end of the note's history line", TIMEOUT, |s| {
        bottom(s).contains("dòng 26 dòng 27 dòng 28 dòng 29 dòng 30")
    });
    tui.send(UP);
    tui.wait_until("one row back from the end", TIMEOUT, |s| {
        bottom(s).contains("dòng 16 dòng 17")
    });
    tui.quit();
}

/// `p` shows the current progress selected: typing replaces it.
#[test]
fn typing_over_a_shown_value_replaces_it() {
    let store = Store::new();
    let mut tui = Tui::open(&store, 80, 24);
    tui.wait_for_board();
    tui.select("0.8", "0.8");
    tui.send("p");
    tui.wait_for("Tiến độ");
    tui.send("60");
    tui.send(ENTER);
    tui.wait_until("0.8 at 60%", TIMEOUT, |s| {
        row(s, "0.8").is_some_and(|r| r.ends_with("60%"))
    });
    tui.send("p");
    tui.wait_for("Tiến độ");
    tui.send("75");
    tui.send(ENTER);
    tui.wait_until("0.8 at 75%", TIMEOUT, |s| {
        row(s, "0.8").is_some_and(|r| r.ends_with("75%"))
    });
    tui.quit();
    let show = store.json(&["show", "0.8", "--format", "json"]);
    assert_eq!(show["progress"], 75, "{show:#}");
}

/// `a` adds a task to the group under the cursor: the form comes up with
/// the group's area and lead, Enter saves, and the new task is selected on
/// the board; the command line then shows it.
#[test]
fn a_adds_a_task_and_the_board_shows_it() {
    const TITLE: &str = "Kế hoạch CCHC năm 2027";
    let store = Store::new();
    let mut tui = Tui::open(&store, 80, 24);
    tui.wait_for_board();
    tui.select("0.8", "0.8");
    tui.send_esc();
    tui.wait_gone("tìm: 0.8");
    tui.send("a");
    tui.wait_for("Thêm nhiệm vụ bổ sung");
    tui.send(TITLE);
    tui.wait_for(TITLE);
    tui.send(ENTER);
    let screen = tui.wait_until("BS-1 on the board", TIMEOUT, |s| {
        !s.contains("Thêm nhiệm vụ bổ sung") && row(s, "BS-1").is_some_and(|r| r.contains(TITLE))
    });
    assert!(screen.contains("Đã thêm nhiệm vụ BS-1"), "{screen}");
    tui.quit();

    let show = store.json(&["show", "BS-1", "--format", "json"]);
    assert_eq!(show["title"], TITLE, "{show:#}");
}

/// `u` takes back the last edit of the session and says so; the history keeps
/// both the edit and its undoing.
#[test]
fn undo_reverts_the_last_edit() {
    let store = Store::new();
    let mut tui = Tui::open(&store, 80, 24);
    tui.wait_for_board();
    tui.select("1.a.2", "1.a.2");
    tui.send("+");
    tui.wait_until("1.a.2 at 10%", TIMEOUT, |s| {
        row(s, "1.a.2").is_some_and(|r| r.ends_with(" 10%"))
    });
    tui.send("+");
    tui.wait_until("1.a.2 at 20%", TIMEOUT, |s| {
        row(s, "1.a.2").is_some_and(|r| r.ends_with(" 20%"))
    });
    tui.send("u");
    tui.wait_until("the undo told and 1.a.2 back at 10%", TIMEOUT, |s| {
        s.contains("Đã hoàn tác") && row(s, "1.a.2").is_some_and(|r| r.ends_with(" 10%"))
    });
    tui.quit();

    let show = store.json(&["show", "1.a.2", "--format", "json"]);
    assert_eq!(show["progress"], 10, "{show:#}");
    assert_eq!(show["status"], "in_progress", "{show:#}");
    let log = store.json(&["log", "1.a.2", "--format", "json"]);
    let last = log_entries(&log).last().expect("history of 1.a.2");
    let reason = last["reason"].as_str().unwrap_or_default();
    assert!(reason.contains("hoàn tác"), "{last:#}");
    assert_eq!(last["field"], "progress", "{last:#}");
    assert_eq!(last["new"]["progress"], 10, "{last:#}");
}

/// A terminal or input method that sends decomposed Vietnamese (base letter,
/// then combining marks): the note is stored, and shown, in NFC.
#[test]
fn decomposed_input_is_stored_composed() {
    use unicode_normalization::UnicodeNormalization;
    const NOTE: &str = "Ghi chú: người dân góp ý thủ tục đất đai";
    let typed: String = NOTE.nfd().collect();
    assert_ne!(typed, NOTE, "the typed text really is decomposed");
    assert!(typed.contains("u\u{301}"));

    let store = Store::new();
    let mut tui = Tui::open(&store, 80, 24);
    tui.wait_for_board();
    tui.select("1.a.2", "1.a.2");
    // In search mode `n` is "next match"; from the detail pane it adds a note.
    tui.send(ENTER);
    tui.wait_for("Chi tiết");
    tui.send("n");
    tui.wait_for("Ghi chú cho 1.a.2");
    tui.send(&typed);
    tui.wait_for("đất đai"); // "đ" has no decomposition: the tail is typed
    tui.send(CTRL_S);
    tui.wait_until("the note saved", TIMEOUT, |s| {
        !s.contains("Ghi chú cho 1.a.2") && s.contains("đã lưu ")
    });
    // The detail pane shows it composed (vt100 keeps combining marks in the
    // cell of their base letter, so NFD on the wire would read back as NFD).
    tui.wait_for(NOTE);
    tui.quit();

    let show = store.json(&["show", "1.a.2", "--format", "json"]);
    assert_eq!(notes(&show), vec![NOTE.to_string()], "{show:#}");
}

/// Growing, shrinking below the minimum and back: the layout follows, the
/// process survives.
#[test]
fn resizing_follows_the_terminal() {
    let store = Store::new();
    let mut tui = Tui::open(&store, 80, 24);
    let narrow = tui.wait_for_board();
    assert!(!narrow.contains("Chi tiết"), "no detail pane at 80 columns");

    tui.resize(160, 45);
    tui.wait_until("the detail pane beside the board", TIMEOUT, |s| {
        s.lines()
            .any(|l| l.contains("Mã") && l.contains("Nhiệm vụ") && l.contains("Chi tiết"))
    });

    tui.resize(50, 10);
    tui.wait_for("Cửa sổ quá nhỏ");

    tui.resize(80, 24);
    let screen = tui.wait_until("the board at 80×24 again", TIMEOUT, |s| {
        s.contains(BOARD_TITLE) && s.contains(STATUS_COUNT) && !s.contains("quá nhỏ")
    });
    assert!(!screen.contains("Chi tiết"), "{screen}");
    assert!(
        tui.wait_exit(Duration::ZERO).is_none(),
        "cchc ended while resized"
    );
    tui.quit();
}

/// crossterm installs its SIGWINCH handler only on the first `event::poll`;
/// a resize right after the first frame must still reach the layout (the
/// detail pane appears beside the board), not be lost until the next key.
#[test]
fn a_resize_right_after_start_is_not_lost() {
    let store = Store::new();
    let mut tui = Tui::open(&store, 80, 24);
    tui.wait_for_board();
    tui.resize(160, 45);
    tui.wait_until("the detail pane beside the board", TIMEOUT, |s| {
        s.lines()
            .any(|l| l.contains("Mã") && l.contains("Nhiệm vụ") && l.contains("Chi tiết"))
    });
    tui.quit();
}

/// What was changed in one session is on the board of the next.
#[test]
fn edits_survive_a_restart() {
    let store = Store::new();
    let mut tui = Tui::open(&store, 80, 24);
    assert_eq!(done_count(&tui.wait_for_board()), Some(0));
    tui.select("1.a.2", "1.a.2");
    tui.pick_status("1.a.2", &[DOWN, DOWN, UP]); // đang thực hiện
    tui.select("1.a.1", "1.a.1");
    tui.pick_status("1.a.1", &[DOWN, DOWN]); // hoàn thành
    tui.quit();
    drop(tui);

    let mut tui = Tui::open(&store, 80, 24);
    let screen = tui.wait_for_board();
    // 1.a.1 is a standing duty: done, it is still not counted "xong".
    assert_eq!(done_count(&screen), Some(0), "{screen}");
    tui.select("1.a.2", "1.a.2");
    tui.wait_until("1.a.2 in progress and 1.a.1 done", TIMEOUT, |s| {
        // The plan gives 1.a.2 no deadline: in progress, it has none to be in.
        row(s, "1.a.2").is_some_and(|r| r.starts_with('∞') && r.contains("không thời hạn"))
            && row(s, "1.a.1").is_some_and(|r| r.starts_with('√') && r.contains("đã hoàn thành"))
    });
    tui.quit();
}

/// While the board is open, another `cchc` reads and edits the same store
/// through its owner, and the board shows the edit without a key pressed.
#[test]
fn a_command_line_edit_shows_on_the_open_board() {
    let store = Store::new();
    let mut tui = Tui::open(&store, 100, 30);
    tui.wait_for_board();
    tui.wait_until("0.3 not done yet", TIMEOUT, |s| {
        row(s, "0.3").is_some_and(|r| !r.starts_with('√'))
    });
    let list = store.run(&["list"]);
    assert_eq!(list.code, Some(0), "{list:#?}");
    // The clerk's command comes over SSH: the owner records the account
    // from the socket and the address from that process's session.
    let set = store
        .command()
        .args(["set", "0.3", "--status", "done"])
        .env("SSH_CONNECTION", "10.0.0.5 50022 10.0.0.1 22")
        .output()
        .expect("run cchc set");
    assert!(set.status.success(), "{set:#?}");
    assert!(set.stderr.is_empty(), "{set:#?}");
    tui.wait_until("0.3 done on the board", TIMEOUT, |s| {
        row(s, "0.3").is_some_and(|r| r.starts_with('√'))
    });
    let log = store.json(&["log", "0.3", "--format", "json"]);
    let who = format!("{}@10.0.0.5", whoami::username().expect("the OS user"));
    assert!(
        log.as_array()
            .is_some_and(|entries| !entries.is_empty() && entries.iter().all(|e| e["who"] == who)),
        "{log:#}"
    );
    tui.quit();
}

/// Two terminals on one store: one projects `cchc present`, the other runs
/// `cchc set`; the projected overview shows the task done without a key
/// pressed on it.
#[test]
fn meeting_mode_updates_live_when_another_terminal_edits() {
    let store = Store::new();
    let mut present = Tui::open_args(&store, 100, 30, &["present"]);
    present.wait_until("the overview slide", TIMEOUT, |s| {
        s.contains("Tổng quan") && s.contains("Cộng")
    });
    // The grid's total line: "Cộng", all, done on time, done late, ...
    let done_on_time = |s: &str, count: &str| {
        s.lines().any(|l| {
            let cells: Vec<&str> = l.split_whitespace().collect();
            cells.first() == Some(&"Cộng") && cells.get(2) == Some(&count)
        })
    };
    assert!(
        done_on_time(&present.screen(), "0"),
        "nothing is done on a fresh store:\n{}",
        present.screen()
    );
    let mut clerk = Tui::open_args(&store, 80, 24, &["set", "0.3", "--status", "done"]);
    let status = clerk.expect_exit();
    assert!(status.success(), "cchc set: {status:?}\n{}", clerk.screen());
    present.wait_until("the done task on the projected overview", TIMEOUT, |s| {
        done_on_time(s, "1")
    });
    present.send("q");
    present.expect_exit();
}

/// The owner process dies (kill -9) under an open board: the board connects
/// to a new owner by itself, says so, and edits go on being saved.
#[test]
fn a_board_survives_its_owner_being_killed() {
    let store = Store::new();
    let mut tui = Tui::open(&store, 100, 30);
    tui.wait_for_board();
    let first = owner_pid(&store).expect("an owner runs for the open board");
    let killed = Command::new("kill")
        .args(["-9", &first.to_string()])
        .status()
        .expect("run kill");
    assert!(killed.success());
    tui.wait_for("đã kết nối lại");
    let second = owner_pid(&store).expect("a new owner runs");
    assert_ne!(first, second, "the owner was replaced");
    // An edit from the board is saved through the new owner.
    tui.wait_until("0.3 on screen", TIMEOUT, |s| row(s, "0.3").is_some());
    tui.select("0.3", "0.3");
    tui.pick_status("0.3", &[DOWN, DOWN]);
    let shown = store.json(&["show", "0.3", "--format", "json"]);
    assert_eq!(shown["status"], "done", "{shown:#}");
    tui.quit();
}

/// The owner is stopped (SIGSTOP) under an open board: a key that needs it
/// is answered within seconds with the loss of the owner, not a frozen
/// screen, and `q` quits at once.
#[test]
fn a_stopped_owner_never_freezes_the_board() {
    let store = Store::new();
    let mut tui = Tui::open(&store, 100, 30);
    tui.wait_for_board();
    let owner = owner_pid(&store).expect("an owner runs for the open board");
    let signal = |name: &str| {
        let sent = Command::new("kill")
            .args([name, &owner.to_string()])
            .status()
            .expect("run kill");
        assert!(sent.success());
    };
    tui.select("0.3", "0.3");
    signal("-STOP");
    tui.send("+");
    tui.wait_for("Mất kết nối");
    tui.send("q");
    let ended = tui.wait_exit(TIMEOUT);
    signal("-CONT");
    assert!(ended.is_some(), "q did not quit with the owner stopped");
}

/// A terminal whose locale is not UTF-8 (LANG=C over an old SSH client)
/// gets the screen in ASCII, letters without accents, and is told why and
/// how to set UTF-8.
#[test]
fn a_terminal_that_is_not_utf8_gets_a_readable_ascii_screen() {
    let store = Store::new();
    let mut tui = Tui::open_with(&store, 100, 30, &[("LANG", "C")]);
    let screen = tui.wait_for("khong dung UTF-8");
    assert!(screen.contains("Nhom: linh vuc"), "{screen}");
    assert!(screen.is_ascii(), "not ASCII:\n{screen}");
    tui.quit();
}

/// Closing the window that started the owner cuts nobody off: the owner runs
/// on, and the other window goes on saving through it.
#[test]
fn closing_the_first_window_leaves_the_others_working() {
    let store = Store::new();
    let mut first = Tui::open(&store, 80, 24);
    first.wait_for_board();
    let owner = owner_pid(&store).expect("the first window started an owner");
    let mut second = Tui::open(&store, 100, 30);
    second.wait_for_board();
    first.hang_up();
    first
        .wait_exit(TIMEOUT)
        .expect("the first window ends when its terminal closes");
    second.wait_until("0.3 on screen", TIMEOUT, |s| row(s, "0.3").is_some());
    second.select("0.3", "0.3");
    second.pick_status("0.3", &[DOWN, DOWN]);
    assert_eq!(owner_pid(&store), Some(owner), "the same owner serves on");
    let shown = store.json(&["show", "0.3", "--format", "json"]);
    assert_eq!(shown["status"], "done", "{shown:#}");
    second.quit();
}

/// A damaged store: the owner a screen starts cannot open it, and the screen
/// says why in the store's own words (once "Lỗi", not twice), exiting 3.
#[test]
fn a_damaged_store_is_explained_by_the_screen_that_could_not_open_it() {
    let store = Store::new();
    assert_eq!(store.run(&["list"]).code, Some(0), "create the store");
    let sled = store.data().join("sled");
    for (name, len) in [("db", 4096), ("conf", 512)] {
        let garbage: Vec<u8> = (0..len as u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
            .collect();
        std::fs::write(sled.join(name), garbage).expect("damage the store");
    }
    let mut tui = Tui::open(&store, 100, 30);
    let status = tui.expect_exit();
    assert_eq!(status.exit_code(), 3, "{status:?}");
    // The exit can be seen before the last bytes it wrote are read.
    let screen = tui.wait_until("the damage explained", TIMEOUT, |s| s.contains("bị hỏng"));
    assert_eq!(screen.matches("Lỗi").count(), 1, "{screen}");
}

/// The pid `cchc status` reports for the store's owner, if one runs.
fn owner_pid(store: &Store) -> Option<u32> {
    let status = store.run(&["status"]);
    assert_eq!(status.code, Some(0), "{status:#?}");
    assert!(status.err.is_empty(), "{status:#?}");
    let line = status.out.lines().next()?;
    let after = line.split("pid ").nth(1)?;
    after.split_whitespace().next()?.parse().ok()
}

/// Waits for the owner a screen started to stop (it does once idle) and
/// write its backup.
fn wait_for_backup(store: &Store, before: &[PathBuf]) -> Vec<PathBuf> {
    let start = Instant::now();
    loop {
        let after = store.backups();
        if after.len() > before.len() || start.elapsed() > TIMEOUT {
            return after;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// SIGTERM (a shutdown, `kill`): the board leaves as if the user had quit:
/// terminal restored; its owner, left without clients, writes a backup and
/// stops.
#[test]
fn sigterm_ends_the_board_cleanly() {
    let store = Store::new();
    let mut tui = Tui::open(&store, 80, 24);
    tui.wait_for_board();
    let before = store.backups();
    let killed = Command::new("kill")
        .arg(tui.pid().to_string())
        .status()
        .expect("run kill");
    assert!(killed.success());
    let status = tui.expect_exit();
    assert!(status.success(), "exit after SIGTERM: {status:?}");
    tui.wait_closed();
    assert!(
        !tui.shared
            .lock()
            .unwrap()
            .parser
            .screen()
            .alternate_screen(),
        "the alternate screen was left on"
    );
    let after = wait_for_backup(&store, &before);
    assert!(
        after.len() > before.len(),
        "no new backup: before {before:?}, after {after:?}"
    );
    let newest = after.iter().max().unwrap();
    let dump: Value =
        serde_json::from_str(&std::fs::read_to_string(newest).unwrap()).expect("backup is JSON");
    assert!(dump.is_object(), "{newest:?}");
    let list = store.run(&["list"]);
    assert_eq!(list.code, Some(0), "the lock was not released: {list:#?}");
}

/// The terminal goes away (a dropped SSH link, a closed window): the board
/// notices the hang-up and ends by itself instead of spinning.
#[test]
fn closing_the_terminal_ends_the_board() {
    let store = Store::new();
    let mut tui = Tui::open(&store, 80, 24);
    tui.wait_for_board();
    tui.hang_up();
    let start = Instant::now();
    let status = tui.wait_exit(Duration::from_secs(10));
    let took = start.elapsed();
    assert!(
        status.is_some(),
        "cchc still running 10 s after its terminal closed"
    );
    println!("cchc ended {took:?} after its terminal closed ({status:?})");
    assert!(took < Duration::from_secs(5), "took {took:?}");
    let list = store.run(&["list"]);
    assert_eq!(list.code, Some(0), "the lock was not released: {list:#?}");
}

/// After a hang-up, restoring the dead terminal fails and ratatui reports it
/// on stderr, the dead terminal itself; that used to panic inside the panic
/// hook and abort before the backup. The board must exit 0 with a backup.
#[test]
fn closing_the_terminal_leaves_cleanly() {
    let store = Store::new();
    let mut tui = Tui::open(&store, 80, 24);
    tui.wait_for_board();
    let before = store.backups();
    tui.hang_up();
    let status = tui.wait_exit(Duration::from_secs(10));
    let status = status.expect("cchc still running 10 s after its terminal closed");
    let after = wait_for_backup(&store, &before);
    let crash_reports: Vec<_> = std::fs::read_dir(store.data())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with("crash-"))
        .map(|e| e.path())
        .collect();
    assert!(
        status.success() && after.len() > before.len(),
        "exit after a hang-up: {status:?}; backups before {before:?}, after {after:?}; \
         crash reports {crash_reports:?}"
    );
}

/// `w` writes the period's report into the current folder and says where;
/// pressed again (on the board or in meeting mode) it never overwrites.
#[test]
fn w_writes_the_period_report_and_says_where() {
    let store = Store::new();
    let mut tui = Tui::open(&store, 120, 40);
    tui.wait_for_board();
    tui.send("w");
    tui.wait_for("bao-cao-cchc-nam-2026.docx");
    let first = store.data().join("bao-cao-cchc-nam-2026.docx");
    let bytes = std::fs::read(&first).expect("the report is written where the screen says");
    assert!(bytes.starts_with(b"PK"), "a Word document is a zip");
    tui.send("m");
    tui.wait_for("Tổng quan");
    tui.send("w");
    tui.wait_for("bao-cao-cchc-nam-2026 (2).docx");
    assert_eq!(
        std::fs::read(&first).unwrap(),
        bytes,
        "the first file is kept"
    );
    assert!(store.data().join("bao-cao-cchc-nam-2026 (2).docx").exists());
}

/// The bytes the app writes for one ↓ on a fresh store at `cols`×`rows`,
/// and those of its first full frame.
fn bytes_for_one_down(cols: u16, rows: u16) -> (usize, usize) {
    // No bytes for this long: the frame is complete.
    const QUIET: Duration = Duration::from_millis(300);
    let store = Store::new();
    let mut tui = Tui::open(&store, cols, rows);
    tui.wait_for_board();
    let first_frame = tui.wait_quiet(0, QUIET);
    tui.send(DOWN);
    let after = tui.wait_quiet(first_frame, QUIET);
    tui.quit();
    (after - first_frame, first_frame)
}

/// How much one ↓ costs on the wire (a slow SSH link pays for every byte);
/// the figures go to BENCHMARKS.md.
#[test]
fn bytes_written_for_one_down_key() {
    let (wide, wide_frame) = bytes_for_one_down(120, 40);
    println!("120×40: first frame {wide_frame} bytes, one ↓ {wide} bytes");
    let (narrow, narrow_frame) = bytes_for_one_down(80, 24);
    println!("80×24: first frame {narrow_frame} bytes, one ↓ {narrow} bytes");
    // Only what changed is sent, never the whole screen again.
    assert!(wide * 2 < wide_frame, "{wide} bytes for ↓ at 120×40");
    assert!(narrow * 4 < narrow_frame, "{narrow} bytes for ↓ at 80×24");
    assert!(narrow < 1024, "{narrow} bytes for ↓ at 80×24");
    assert!(wide < 1024, "{wide} bytes for ↓ at 120×40");
    // With the detail pane beside the board (from 140 columns) ↓ also
    // rewrites the pane with the next task's text; measured, not bounded.
    let (side, side_frame) = bytes_for_one_down(160, 45);
    println!("160×45: first frame {side_frame} bytes, one ↓ {side} bytes");
    assert!(side * 2 < side_frame, "{side} bytes for ↓ at 160×45");
}

/// A panic (forced in debug builds by `CCHC_TEST_PANIC` when help opens)
/// leaves the alternate screen, says where the crash report is, writes the
/// report into the data folder, and loses no edit saved before it.
#[test]
fn a_panic_restores_the_terminal_and_writes_a_crash_report() {
    let store = Store::new();
    let mut tui = Tui::open_with(&store, 80, 24, &[("CCHC_TEST_PANIC", "1")]);
    tui.wait_for_board();
    tui.send("j");
    tui.send("+");
    tui.wait_for("đã lưu");
    tui.send("?");
    let screen = tui.wait_for("Báo cáo lỗi");
    let status = tui.expect_exit();
    assert!(!status.success(), "a panic must not exit 0: {status:?}");
    assert!(
        !tui.shared
            .lock()
            .unwrap()
            .parser
            .screen()
            .alternate_screen(),
        "the alternate screen was left on:\n{screen}"
    );
    let reports: Vec<_> = std::fs::read_dir(store.data())
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("crash-"))
        })
        .collect();
    assert_eq!(reports.len(), 1, "{reports:?}");
    let report = std::fs::read_to_string(&reports[0]).unwrap();
    assert!(report.contains("CCHC_TEST_PANIC"), "{report}");
    let log = store.json(&["log", "--format", "json"]);
    assert!(
        !log.as_array().unwrap().is_empty(),
        "the edit before the panic was lost"
    );
}

/// Moves two single tasks' deadlines into the past of `TODAY` (26/11/2026):
/// 0.8 overdue by 56 days, 3.d by 25, besides the quarterly reports of
/// 0.17 and 0.36 that a fresh store already has overdue.
fn make_overdue(store: &Store) {
    for (id, due) in [("0.8", "01/10/2026"), ("3.d", "01/11/2026")] {
        let set = store.run(&["set", id, "--due", due, "--reason", "Chờ ý kiến"]);
        assert_eq!(set.code, Some(0), "cchc set {id} --due {due}: {set:#?}");
    }
}

/// Triage's counter "n/m" at the right end of its header line.
fn triage_counter(screen: &str) -> Option<(usize, usize)> {
    let line = screen.lines().find(|l| l.contains("Rà soát nhanh — kỳ"))?;
    let (n, m) = line.split_whitespace().last()?.split_once('/')?;
    Some((n.parse().ok()?, m.parse().ok()?))
}

/// The id on triage's item line ("! 0.17@2026-Q2 · Báo cáo định kỳ …").
fn triage_item(screen: &str) -> Option<String> {
    screen.lines().find_map(|line| {
        let words: Vec<&str> = line.split_whitespace().collect();
        words
            .windows(2)
            .find(|w| w[1] == "·" && w[0].starts_with(|c: char| c.is_ascii_digit()))
            .map(|w| w[0].to_string())
    })
}

/// The line of `id` in triage's summary ("  0.8          xong          Cơ chế…").
fn summary_line<'a>(screen: &'a str, id: &str) -> Option<&'a str> {
    screen
        .lines()
        .find(|l| l.split_whitespace().next() == Some(id))
}

/// The board with its column header, no triage summary over it.
fn shows_board_table(screen: &str) -> bool {
    !screen.contains("Tổng kết rà soát")
        && !screen.contains("Rà soát nhanh")
        && screen
            .lines()
            .any(|l| l.contains("Mã") && l.contains("Nhiệm vụ"))
}

impl Tui {
    /// Waits for triage to show item `n` of its queue (from 1), no dialog
    /// over it, and returns the item's id and screen.
    fn wait_for_item(&mut self, n: usize) -> (String, String) {
        let screen = self.wait_until(&format!("triage item {n}"), TIMEOUT, |s| {
            triage_counter(s).is_some_and(|(at, _)| at == n)
                && triage_item(s).is_some()
                && !s.contains("Hạn mới")
        });
        (triage_item(&screen).expect("an item id"), screen)
    }

    /// Leaves triage's summary with Esc and waits for the board.
    ///
    /// Enter is not used although the summary says "Enter hoặc Esc để về bảng
    /// nhiệm vụ": Enter is not bound in `Mode::Triage` (src/keymap.rs), so it
    /// never reaches the `Action::Confirm` arm of `triage` in
    /// src/app/update.rs and the summary stays (a bug, reported).
    fn leave_summary(&mut self) -> String {
        self.send_esc();
        self.wait_until(
            "the board after the triage summary",
            TIMEOUT,
            shows_board_table,
        )
    }
}

/// Triage with one key per decision: done (on an earlier day, typed over
/// today), extended with a reason typed in Vietnamese, skipped. The summary
/// lists the three; the history holds the two edits, the day and the reason
/// exactly as typed, and nothing for the skipped item.
#[test]
fn triage_decides_three_items_and_the_log_shows_them() {
    const REASON: &str = "Chờ ý kiến của Sở Nội vụ";
    let store = Store::new();
    make_overdue(&store);
    let before = log_entries(&store.json(&["log", "--format", "json"])).len();
    let mut tui = Tui::open(&store, 80, 24);
    tui.wait_for_board();
    tui.send("t");
    tui.wait_for("Rà soát nhanh");
    let (done, screen) = tui.wait_for_item(1);
    let (_, queued) = triage_counter(&screen).unwrap();
    assert!(queued >= 4, "a queue of {queued}:\n{screen}");
    // Overdue work comes first.
    assert!(screen.contains("! quá hạn"), "{screen}");

    tui.send("x");
    let dialog = tui.wait_for(&format!("Ngày hoàn thành {done}"));
    assert!(dialog.contains("26/11/2026"), "today filled in:\n{dialog}");
    tui.send("20/11/2026");
    tui.wait_for("20/11/2026");
    tui.send(ENTER);
    let (extended, _) = tui.wait_for_item(2);
    tui.send("e");
    let dialog = tui.wait_for("Hạn mới");
    assert!(dialog.contains(&format!("Gia hạn {extended}")), "{dialog}");
    assert!(dialog.contains("Lý do gia hạn"), "{dialog}");
    tui.send("31/03/2027");
    tui.wait_for("31/03/2027");
    tui.send(ENTER); // to the reason
    tui.send(REASON);
    tui.wait_for(REASON);
    tui.send(ENTER); // saves
    let (skipped, _) = tui.wait_for_item(3);
    tui.send(" ");
    tui.wait_until("item 4 or the summary", TIMEOUT, |s| {
        triage_counter(s).is_some_and(|(at, _)| at == 4) || s.contains("Tổng kết rà soát")
    });
    tui.send("q");
    let summary = tui.wait_for("Tổng kết rà soát");
    assert!(
        summary.contains(&format!("Tổng kết rà soát: đã xử lý 3/{queued} việc")),
        "{summary}"
    );
    let decided = |id: &str| {
        let line = summary_line(&summary, id)
            .unwrap_or_else(|| panic!("{id} not in the summary:\n{summary}"));
        line.split_whitespace()
            .skip(1)
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert!(decided(&done).starts_with("xong "), "{summary}");
    assert!(
        decided(&extended).starts_with("gia hạn đến 31/03/2027 "),
        "{summary}"
    );
    assert!(decided(&skipped).starts_with("bỏ qua "), "{summary}");
    tui.leave_summary();
    tui.quit();

    let done_log = store.json(&["log", &done, "--format", "json"]);
    assert!(
        log_entries(&done_log)
            .iter()
            .any(|e| e["field"] == "status" && e["new"]["status"] == "done"),
        "{done_log:#}"
    );
    assert!(
        log_entries(&done_log)
            .iter()
            .any(|e| e["field"] == "completed_on" && e["new"]["date"] == "2026-11-20"),
        "{done_log:#}"
    );
    let extended_log = store.json(&["log", &extended, "--format", "json"]);
    // The last deadline change: the store's set-up moved some deadlines too.
    let due = log_entries(&extended_log)
        .iter()
        .rfind(|e| e["field"] == "due")
        .unwrap_or_else(|| panic!("no due entry for {extended}: {extended_log:#}"));
    assert_eq!(due["new"]["date"], "2027-03-31", "{due:#}");
    let reason = due["reason"].as_str().expect("the reason is kept");
    assert_eq!(reason, REASON, "{due:#}");
    assert!(unicode_normalization::is_nfc(reason));
    // Entries written during triage (the store's set-up wrote `before`).
    let new = |log: &Value| {
        log_entries(log)
            .iter()
            .filter(|e| e["seq"].as_u64().is_some_and(|seq| seq > before as u64))
            .count()
    };
    let skipped_log = store.json(&["log", &skipped, "--format", "json"]);
    assert_eq!(new(&skipped_log), 0, "{skipped_log:#}");
    // Nothing but the two decisions was written.
    let all = store.json(&["log", "--format", "json"]);
    assert_eq!(new(&all), new(&done_log) + new(&extended_log), "{all:#}");
}

/// `cchc triage` opens straight on the queue; leaving it lands on the board.
#[test]
fn cchc_triage_opens_on_the_queue() {
    let store = Store::new();
    let mut tui = Tui::open_args(&store, 80, 24, &["triage"]);
    tui.wait_for("Rà soát nhanh");
    tui.wait_for_item(1);
    tui.send("q");
    let summary = tui.wait_for("Tổng kết rà soát");
    assert!(
        summary.contains("Tổng kết rà soát: đã xử lý 0/"),
        "{summary}"
    );
    tui.leave_summary();
    tui.quit();
}

/// `[` and `]` step through the review periods; the title bar follows.
#[test]
fn periods_move_with_brackets() {
    let store = Store::new();
    let mut tui = Tui::open(&store, 80, 24);
    tui.wait_for_board();
    let title = |s: &str| s.lines().next().unwrap_or_default().to_string();
    tui.wait_until("the year in the title bar", TIMEOUT, |s| {
        title(s).contains("Kỳ Năm 2026")
    });
    tui.send("[");
    tui.wait_until("Quý III/2026 in the title bar", TIMEOUT, |s| {
        title(s).contains("Kỳ Quý III/2026")
    });
    tui.send("]");
    tui.send("]");
    let screen = tui.wait_until("Quý I/2027 in the title bar", TIMEOUT, |s| {
        title(s).contains("Kỳ Quý I/2027")
    });
    assert!(screen.contains(BOARD_TITLE), "{screen}");
    tui.quit();
}

/// From 120 columns the board says in words why a task needs attention.
#[test]
fn the_wide_board_has_a_reason_column() {
    let store = Store::new();
    make_overdue(&store);
    let mut tui = Tui::open(&store, 120, 30);
    let screen = tui.wait_until("the board with 0.8 on it", TIMEOUT, |s| {
        s.contains(BOARD_TITLE) && s.contains(STATUS_COUNT) && row(s, "0.8").is_some()
    });
    let header = screen
        .lines()
        .find(|l| l.contains("Mã") && l.contains("Nhiệm vụ"))
        .unwrap_or_else(|| panic!("no column header:\n{screen}"));
    let (at, _) = header
        .match_indices("Cần lưu ý")
        .next()
        .unwrap_or_else(|| panic!("no reason column:\n{screen}"));
    let column = header[..at].chars().count();
    assert!(column > 60, "the reason column is on the right:\n{screen}");
    let overdue = row(&screen, "0.8").unwrap();
    let reason: String = overdue.chars().skip(column).collect();
    assert!(
        reason.contains("quá hạn 56 ngày"),
        "{reason:?} in\n{screen}"
    );
    tui.quit();
}

// ------------------------------------------------------------ meeting mode

const RIGHT: &str = "\x1b[C";
/// The title of meeting mode's first slide.
const OVERVIEW_TITLE: &str = "Tổng quan";

/// Meeting mode's slide counter "n/N", in its footer before the key hints.
fn slide_counter(screen: &str) -> Option<(usize, usize)> {
    let line = screen.lines().rev().find(|l| l.contains("→ sau"))?;
    let (before, _) = line.split_once("→ sau")?;
    let (n, m) = before.split_whitespace().last()?.split_once('/')?;
    Some((n.parse().ok()?, m.parse().ok()?))
}

impl Tui {
    /// Waits until nothing has been written for `quiet` since `sent` (a key
    /// just sent): the key is handled and its frame, if any, drawn. A key
    /// that changes nothing writes nothing, so this cannot wait for bytes.
    fn wait_settled(&mut self, sent: Instant, quiet: Duration) {
        let start = Instant::now();
        loop {
            let last = self.shared.lock().unwrap().last_read.max(sent);
            if last.elapsed() >= quiet {
                return;
            }
            if start.elapsed() > TIMEOUT {
                panic!("the terminal did not settle; screen:\n{}", self.screen());
            }
            std::thread::sleep(POLL);
        }
    }

    /// Sends `key` and waits for the screen to settle.
    fn press_and_settle(&mut self, key: &str) {
        let sent = Instant::now();
        self.send(key);
        self.wait_settled(sent, Duration::from_millis(120));
    }
}

/// `cchc present` on a store with edits: → pages through every slide to the
/// last, every other key is pressed, q leaves with 0, and the store (export
/// and history) is byte for byte what it was.
#[test]
fn present_pages_through_every_slide_and_changes_nothing() {
    let store = Store::new();
    for args in [
        &[
            "meeting",
            "new",
            "--date",
            "10/11/2026",
            "--title",
            "Giao ban tháng 11",
        ][..],
        &["set", "1.a.2", "--status", "done"],
        &[
            "set",
            "3.d",
            "--due",
            "31/03/2028",
            "--reason",
            "Chờ ý kiến của Sở Nội vụ",
        ],
        &["target", "set", "T03", "60", "--date", "25/11/2026"],
    ] {
        let run = store.run(args);
        assert_eq!(run.code, Some(0), "cchc {args:?}: {run:#?}");
    }
    let export = store.run(&["export"]);
    assert_eq!(export.code, Some(0), "{export:#?}");
    let log = store.json(&["log", "--format", "json"]);
    let backups = store.backups();

    let mut tui = Tui::open_args(&store, 120, 35, &["present"]);
    let first = tui.wait_until("the overview and its counter", TIMEOUT, |s| {
        s.contains(OVERVIEW_TITLE) && slide_counter(s).is_some_and(|(n, _)| n == 1)
    });
    assert!(first.contains("CHỈ XEM"), "{first}");
    let (_, count) = slide_counter(&first).unwrap();
    assert!(count > 10, "a deck of {count} slides:\n{first}");
    let mut changes_seen = false;
    for n in 2..=count {
        tui.send(RIGHT);
        let screen = tui.wait_until(&format!("slide {n}/{count}"), TIMEOUT, |s| {
            slide_counter(s) == Some((n, count))
        });
        if screen.contains("Thay đổi từ cuộc họp trước (10/11/2026)") {
            changes_seen = true;
            assert!(screen.contains("1.a.2"), "{screen}");
            assert!(
                screen.contains("3.d gia hạn 31/12/2027 → 31/03/2028")
                    && screen.contains("Chờ ý kiến của Sở Nội vụ"),
                "{screen}"
            );
            assert!(screen.contains("T03 có số liệu 60"), "{screen}");
        }
    }
    assert!(changes_seen, "no slide of changes since 10/11/2026");
    // At the last slide → stays there.
    tui.press_and_settle(RIGHT);
    assert_eq!(slide_counter(&tui.screen()), Some((count, count)));

    let keys = ('a'..='z')
        .chain('A'..='Z')
        .chain('0'..='9')
        .chain(".,;:/-+!?[]".chars())
        .filter(|c| *c != 'q');
    for key in keys {
        tui.press_and_settle(&key.to_string());
        assert!(
            tui.wait_exit(Duration::ZERO).is_none(),
            "cchc ended on {key:?}:\n{}",
            tui.screen()
        );
    }
    tui.quit();

    let again = store.run(&["export"]);
    assert_eq!(again.code, Some(0), "{again:#?}");
    assert!(again.out == export.out, "the export changed");
    assert_eq!(store.json(&["log", "--format", "json"]), log);
    assert_eq!(store.backups(), backups, "read-only: no backup written");
}

/// The clerk enters a target's result on the targets view at 80×24: `e`
/// opens the form, a value out of range is refused in the form, the right
/// one is saved with today's date and its source, and the row shows it at
/// once; the command line sees the same.
#[test]
fn a_target_result_entered_on_the_targets_view() {
    let store = Store::new();
    let mut tui = Tui::open(&store, 80, 24);
    tui.wait_for_board();
    tui.send("c");
    tui.wait_for("Kết quả gần nhất");
    // T05, the fifth target.
    tui.send("jjjj");
    tui.wait_until("T05 below the list", TIMEOUT, |s| s.contains("T05 · I.2"));
    tui.send("e");
    tui.wait_for("Nhập kết quả chỉ tiêu T05");
    tui.send("120");
    tui.send(ENTER);
    tui.send(ENTER);
    tui.send(ENTER);
    tui.wait_for("“120” không hợp lệ");
    // The refused value is typed over.
    tui.send(UP);
    tui.send(UP);
    for _ in 0..3 {
        tui.send("\x7f");
    }
    tui.send("91,5");
    tui.send(ENTER);
    tui.send(ENTER);
    tui.send("Báo cáo 12/BC-UBND");
    tui.send(ENTER);
    let screen = tui.wait_for("Đã lưu kết quả chỉ tiêu T05: 91,5% ngày 26/11/2026.");
    assert!(
        !screen.contains("Nhập kết quả chỉ tiêu"),
        "closed:\n{screen}"
    );
    tui.wait_until("the new result on T05's row", TIMEOUT, |s| {
        s.lines()
            .any(|l| l.starts_with("T05 ") && l.contains("91,5% 26/11/2026"))
            && s.contains("Nguồn số liệu ngày 26/11/2026: Báo cáo 12/BC-UBND")
    });
    tui.quit();
    let targets = store.json(&["targets", "--format", "json"]);
    let t05 = targets
        .as_array()
        .and_then(|all| all.iter().find(|t| t["id"] == "T05"))
        .expect("T05 listed");
    assert_eq!(
        (&t05["latest"], &t05["latest_on"]),
        (&Value::from(91.5), &Value::from("2026-11-26"))
    );
    let log = store.json(&["log", "T05", "--format", "json"]);
    assert_eq!(
        log_entries(&log).len(),
        1,
        "the refused value wrote nothing: {log:#}"
    );
    assert_eq!(log[0]["reason"], "Báo cáo 12/BC-UBND", "{log:#}");
}

/// `cchc --read-only` on a shared screen: the status line says so, an edit
/// key says why nothing happens and opens nothing, and nothing is written.
#[test]
fn read_only_board_refuses_edits() {
    let store = Store::new();
    let log = store.json(&["log", "--format", "json"]);
    let mut tui = Tui::open_args(&store, 80, 24, &["--read-only"]);
    let board = tui.wait_for_board();
    let status = board
        .lines()
        .find(|l| l.contains(" nhiệm vụ, "))
        .unwrap_or_else(|| panic!("no status line:\n{board}"));
    assert!(status.contains("CHỈ XEM"), "{board}");
    tui.select("1.a.2", "1.a.2");
    tui.send("s");
    let screen = tui.wait_for("chỉ xem");
    assert!(
        !screen.contains("Trạng thái 1.a.2"),
        "a picker opened:\n{screen}"
    );
    tui.press_and_settle("+");
    let screen = tui.wait_for("chỉ xem");
    assert!(
        row(&screen, "1.a.2").is_some_and(|r| r.ends_with(" 0%")),
        "{screen}"
    );
    // In search mode `n` is "next match"; from the detail pane it adds a note.
    tui.send(ENTER);
    tui.wait_for("Chi tiết");
    tui.press_and_settle("n");
    let screen = tui.wait_for("chỉ xem");
    assert!(!screen.contains("Ghi chú cho 1.a.2"), "{screen}");
    tui.send_esc();
    tui.wait_gone("Chi tiết");
    tui.quit();
    assert_eq!(store.json(&["log", "--format", "json"]), log);
}
