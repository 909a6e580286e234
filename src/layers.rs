//! The shape of the source, checked: each top-level module imports only the
//! layers below it (ARCHITECTURE.md), and no source file outgrows 600 lines.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Each top-level module and what it may name with `crate::`.
const ALLOWED: &[(&str, &[&str])] = &[
    ("domain", &[]),
    ("keymap", &[]),
    ("sheet", &["domain"]),
    ("store", &["domain"]),
    ("app", &["domain", "store"]),
    ("i18n", &["domain", "store", "app", "keymap", "sheet"]),
    ("share", &["domain", "store", "app", "i18n"]),
    ("config", &["domain", "i18n", "share"]),
    ("report", &["domain", "app", "i18n"]),
    ("screen", &["domain", "app", "i18n", "keymap"]),
    (
        "ui",
        &["domain", "app", "i18n", "keymap", "screen", "config"],
    ),
    (
        "tui",
        &[
            "domain", "store", "app", "i18n", "keymap", "screen", "ui", "report",
        ],
    ),
    (
        "cli",
        &[
            "domain", "store", "app", "i18n", "share", "config", "tui", "ui", "report", "sheet",
        ],
    ),
];

const MAX_LINES: usize = 600;

fn source_files(dir: &Path, found: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            source_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

/// The top-level modules a file names as `crate::module`, outside comments.
fn named_modules(text: &str) -> BTreeSet<String> {
    let mut named = BTreeSet::new();
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or_default();
        for (at, _) in code.match_indices("crate::") {
            let rest = &code[at + "crate::".len()..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                named.insert(name);
            }
        }
    }
    named
}

fn top_module(src: &Path, file: &Path) -> Option<String> {
    let first = file.strip_prefix(src).ok()?.components().next()?;
    let name = first.as_os_str().to_str()?;
    Some(name.trim_end_matches(".rs").to_string())
}

fn all_sources() -> (PathBuf, Vec<PathBuf>) {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    source_files(&src, &mut files);
    assert!(files.len() > 50, "the sources were not found");
    (src, files)
}

#[test]
fn every_module_imports_only_the_layers_below_it() {
    let (src, files) = all_sources();
    let mut wrong = Vec::new();
    for file in &files {
        let Some(module) = top_module(&src, file) else {
            continue;
        };
        let Some((_, allowed)) = ALLOWED.iter().find(|(name, _)| *name == module) else {
            continue;
        };
        let text = std::fs::read_to_string(file).unwrap_or_default();
        for named in named_modules(&text) {
            if named != module && !allowed.contains(&named.as_str()) {
                let shown = file.strip_prefix(&src).unwrap_or(file);
                wrong.push(format!("{} names crate::{named}", shown.display()));
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// `ALLOWED` lists each module after everything it may import, so the
/// imports it allows can never go round in a circle.
#[test]
fn the_allowed_imports_have_no_circle() {
    for (at, (module, allowed)) in ALLOWED.iter().enumerate() {
        for below in *allowed {
            let listed_before = ALLOWED[..at].iter().any(|(name, _)| name == below);
            assert!(
                listed_before,
                "{module} may import {below}, listed after it"
            );
        }
    }
}

#[test]
fn no_source_file_is_over_600_lines() {
    let (_, files) = all_sources();
    let long: Vec<String> = files
        .iter()
        .filter_map(|file| {
            let lines = std::fs::read_to_string(file).ok()?.lines().count();
            (lines > MAX_LINES).then(|| format!("{}: {lines}", file.display()))
        })
        .collect();
    assert!(long.is_empty(), "{long:#?}");
}
