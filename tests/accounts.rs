//! Two accounts on one machine: a private store another account cannot
//! read, and a group store shared across owner restarts where a colleague
//! cannot make cchc write through a link. The second account and the group
//! are created by the test, which needs root; run as anyone else, each test
//! says it was skipped.

mod process;

use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Command, Stdio};

use process::{Output, command, output};

const GROUP: &str = "cchc-test-office";
const OTHER: &str = "cchc-test-colleague";

/// The colleague's uid and the office group's gid, made if missing; `None`
/// (with a message) when the test does not run as root.
fn colleague() -> Option<(u32, u32)> {
    if !rustix::process::geteuid().is_root() {
        eprintln!("skipped: a second account can only be made by root");
        return None;
    }
    let run = |program: &str, args: &[&str]| {
        Command::new(program)
            .args(args)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    };
    run("groupadd", &["-f", GROUP]);
    if nix::unistd::User::from_name(OTHER).ok().flatten().is_none() {
        run(
            "useradd",
            &["-M", "-N", "-g", GROUP, "-s", "/usr/sbin/nologin", OTHER],
        );
    }
    let user = nix::unistd::User::from_name(OTHER).ok().flatten()?;
    let group = nix::unistd::Group::from_name(GROUP).ok().flatten()?;
    Some((user.uid.as_raw(), group.gid.as_raw()))
}

/// A folder both accounts can pass through, with a config folder per account.
fn shared_place(config: &str) -> tempfile::TempDir {
    let place = tempfile::tempdir().expect("a temporary folder");
    fs::set_permissions(place.path(), fs::Permissions::from_mode(0o755)).expect("chmod");
    for who in ["me", "colleague"] {
        let dir = place.path().join(who);
        fs::create_dir(&dir).expect("a config folder");
        fs::write(dir.join("config.toml"), config).expect("config.toml");
        fs::set_permissions(&dir, fs::Permissions::from_mode(0o755)).expect("chmod");
    }
    place
}

fn as_me(place: &Path, data: &Path, args: &[&str]) -> Output {
    output(
        command(data, &place.join("me"))
            .args(args)
            .current_dir(place),
    )
}

fn as_colleague(place: &Path, data: &Path, (uid, gid): (u32, u32), args: &[&str]) -> Output {
    let mut command = command(data, &place.join("colleague"));
    command.args(args).current_dir(place).uid(uid).gid(gid);
    output(&mut command)
}

/// The data folder of a group store in `place`: the office group's, 2770.
fn group_folder(place: &Path, (_, gid): (u32, u32)) -> std::path::PathBuf {
    let data = place.join("data");
    fs::create_dir(&data).expect("the data folder");
    std::os::unix::fs::chown(&data, None, Some(gid)).expect("chgrp");
    fs::set_permissions(&data, fs::Permissions::from_mode(0o2770)).expect("chmod");
    data
}

/// Starts an owner as `account` (or as me), has a client of the same
/// account greet it so it stops once idle, and waits until it has.
fn serve_once(place: &Path, data: &Path, account: Option<(u32, u32)>) {
    let config = place.join(if account.is_some() { "colleague" } else { "me" });
    let with_account = |command: &mut Command| {
        if let Some((uid, gid)) = account {
            command.uid(uid).gid(gid);
        }
    };
    let mut serve = command(data, &config);
    serve
        .arg("serve")
        .current_dir(place)
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    with_account(&mut serve);
    let mut owner = serve.spawn().expect("start an owner");
    let mut status = command(data, &config);
    status.arg("status").current_dir(place);
    with_account(&mut status);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while !output(&mut status).out.contains(&owner.id().to_string()) {
        assert!(
            std::time::Instant::now() < deadline,
            "the owner never answered"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let stopped = owner.wait().expect("the owner stops when idle");
    assert!(stopped.success(), "the owner failed: {stopped:?}");
}

#[test]
fn a_private_store_is_unreadable_by_another_account() {
    let Some(other) = colleague() else { return };
    let place = shared_place("");
    let data = place.path().join("data");
    let set = as_me(
        place.path(),
        &data,
        &["set", "1.a.1", "--note", "chỉ tôi được đọc"],
    );
    assert_eq!(set.code, Some(0), "{set:#?}");
    let read = as_colleague(place.path(), &data, other, &["list"]);
    assert_ne!(read.code, Some(0), "{read:#?}");
    assert!(!read.out.contains("1.a.1"), "{read:#?}");
    let backup = fs::read_dir(data.join("backups"))
        .expect("backups")
        .next()
        .expect("a backup")
        .expect("an entry")
        .path();
    let cat = Command::new("cat")
        .arg(&backup)
        .uid(other.0)
        .gid(other.1)
        .output()
        .expect("run cat");
    assert!(!cat.status.success(), "another account read the backup");
}

#[test]
fn a_group_store_is_shared_across_owner_restarts_and_links_are_refused() {
    let Some(other) = colleague() else { return };
    let place = shared_place("[share]\ngroup_access = true\nidle_seconds = 1\n");
    let data = group_folder(place.path(), other);
    let mode = || fs::metadata(&data).expect("the folder").mode() & 0o7777;

    // The owner is started by one account, then the other, then the first
    // again; each stops once idle, and the folder keeps its mode.
    let accounts = [None, Some(other), None];
    for (round, account) in accounts.into_iter().enumerate() {
        serve_once(place.path(), &data, account);
        assert_eq!(mode(), 0o2770, "round {round}");
        let progress = (10 * (round + 1)).to_string();
        let set = as_colleague(
            place.path(),
            &data,
            other,
            &["set", "1.a.1", "--progress", &progress],
        );
        assert_eq!(set.code, Some(0), "round {round}: {set:#?}");
        let set = as_me(
            place.path(),
            &data,
            &["set", "1.a.2", "--progress", &progress],
        );
        assert_eq!(set.code, Some(0), "round {round}: {set:#?}");
    }

    // The colleague points the lock file at a file of mine.
    let victim = place.path().join("me").join("config.toml");
    let before = fs::read_to_string(&victim).expect("my file");
    let plant = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "rm -f cchc.lock && ln -s '{}' cchc.lock",
            victim.display()
        ))
        .current_dir(&data)
        .uid(other.0)
        .gid(other.1)
        .status()
        .expect("plant a link");
    assert!(plant.success());
    let refused = as_me(place.path(), &data, &["list"]);
    assert_eq!(refused.code, Some(3), "{refused:#?}");
    assert_eq!(fs::read_to_string(&victim).expect("my file"), before);
}

/// A colleague's processes connect, greet and hang up in a loop, as fast as
/// they can, on a shared store: my edits through the owner are served
/// meanwhile, as are my reads.
#[test]
fn a_colleagues_reconnect_flood_does_not_starve_my_edits() {
    let Some(other) = colleague() else { return };
    let place = shared_place("[share]\ngroup_access = true\nidle_seconds = 5\n");
    let data = group_folder(place.path(), other);
    let mut serve = command(&data, &place.path().join("me"));
    serve
        .arg("serve")
        .current_dir(place.path())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    let mut owner = serve.spawn().expect("start an owner");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    let pid = owner.id().to_string();
    while !as_me(place.path(), &data, &["status"]).out.contains(&pid) {
        assert!(
            std::time::Instant::now() < deadline,
            "the owner never answered"
        );
    }
    // The colleague reaches the owner: the flood below is real.
    let seen = as_colleague(place.path(), &data, other, &["status"]);
    assert!(seen.out.contains(&pid), "{seen:#?}");
    let program = env!("CARGO_BIN_EXE_cchc");
    let flooders: Vec<_> = (0..6)
        .map(|_| {
            let mut shell = Command::new("sh");
            shell
                .arg("-c")
                .arg(format!("while :; do '{program}' status; done"))
                .env("CCHC_DATA", &data)
                .env("CCHC_CONFIG_DIR", place.path().join("colleague"))
                .current_dir(place.path())
                .uid(other.0)
                .gid(other.1)
                .stdout(Stdio::null())
                .stderr(Stdio::null());
            shell.spawn().expect("start a flooder")
        })
        .collect();
    std::thread::sleep(std::time::Duration::from_secs(1));
    for progress in ["60", "70", "80"] {
        let set = as_me(
            place.path(),
            &data,
            &["set", "1.a.1", "--progress", progress],
        );
        assert_eq!(set.code, Some(0), "{set:#?}");
    }
    for mut flooder in flooders {
        let _ = flooder.kill();
        let _ = flooder.wait();
    }
    let _ = owner.kill();
    let _ = owner.wait();
}
