//! Shared harness for the tests that run the real `cchc` binary on a store
//! of their own: the command with the test environment pinned, and its
//! output as text.
//!
//! Included with `mod process;`; not every file uses every helper.
#![allow(dead_code)]

pub mod owner;

use std::path::Path;
use std::process::{Command, Stdio};

/// "Today" for every test run of the binary.
pub const TODAY: &str = "2026-11-26";

#[derive(Debug)]
pub struct Output {
    pub code: Option<i32>,
    pub out: String,
    pub err: String,
}

/// The binary for a one-shot subcommand on the store in `data`, with the
/// config folder `config`, the pinned today, Vietnamese, and no SSH session.
pub fn command(data: &Path, config: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_cchc"));
    command
        .env("CCHC_DATA", data)
        .env("CCHC_TODAY", TODAY)
        .env("CCHC_CONFIG_DIR", config)
        .env_remove("CCHC_LANG")
        .env_remove("SSH_CONNECTION")
        .stdin(Stdio::null());
    command
}

/// Runs `command` to completion.
pub fn output(command: &mut Command) -> Output {
    let output = command.output().expect("run cchc");
    Output {
        code: output.status.code(),
        out: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        err: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}
