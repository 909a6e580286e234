#!/usr/bin/env python3
"""How long the board takes to answer a key, as a person at the terminal
sees it: `cchc` runs in pseudo-terminals of 120x40, and each time runs from
writing the key to the last byte of the frame that answers it (the frame is
over when the screen writes nothing more for QUIET seconds).

    python3 scripts/key-latency.py target/release/cchc DATA_DIR TASK_ID [runs]

Measures, `runs` times each (medians printed):
  search-first   the first letter typed after `/`, on a board just opened
                 (`/` and the letter sent as soon as the first frame is
                 drawn, and again a second later, at a person's pace)
  search-none    a further letter that leaves nothing matching
  search-all     a letter every task's id holds ("g" on generated stores)
  saved          `+` on TASK_ID until its row says "đã lưu"
  pushed         `cchc set TASK_ID --progress N` from another terminal,
                 until each of 5 open boards has redrawn, from the moment
                 the command starts (its own run, a few ms, included)
Needs only Python 3. The boards share one owner process, started by the
first of them, as in the office.
"""
import fcntl
import os
import pty
import select
import statistics
import struct
import subprocess
import sys
import termios
import time

QUIET = 0.15
FIRST_FRAME_MARKER = "thoát".encode()


class Screen:
    def __init__(self, binary, data_dir, env):
        self.fd, child_end = pty.openpty()
        fcntl.ioctl(child_end, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        self.pid = os.fork()
        if self.pid == 0:
            os.setsid()
            fcntl.ioctl(child_end, termios.TIOCSCTTY, 0)
            for target in (0, 1, 2):
                os.dup2(child_end, target)
            os.environ.update(env)
            os.execv(binary, [binary, "--data-dir", data_dir])
        os.close(child_end)
        self.wait_for(FIRST_FRAME_MARKER, 60)
        self.drain()

    def wait_for(self, marker, timeout):
        seen = b""
        deadline = time.monotonic() + timeout
        while marker not in seen:
            left = deadline - time.monotonic()
            ready, _, _ = select.select([self.fd], [], [], max(left, 0))
            if not ready:
                raise SystemExit(f"{marker!r} not on screen within {timeout} s")
            seen += os.read(self.fd, 1 << 20)
        return seen

    def drain(self, first_within=QUIET):
        """Reads until the screen is quiet; returns when the last byte came.
        The first byte may take `first_within` seconds."""
        ready, _, _ = select.select([self.fd], [], [], first_within)
        if not ready:
            return None
        os.read(self.fd, 1 << 20)
        last = time.monotonic()
        while True:
            ready, _, _ = select.select([self.fd], [], [], QUIET)
            if not ready:
                return last
            if os.read(self.fd, 1 << 20):
                last = time.monotonic()

    def key(self, keys):
        """Writes `keys`; milliseconds until the last byte of the answer."""
        start = time.monotonic()
        os.write(self.fd, keys)
        last = self.drain(first_within=10)
        if last is None:
            raise SystemExit(f"no answer to {keys!r}")
        return (last - start) * 1000

    def close(self):
        os.write(self.fd, b"\x1b")
        time.sleep(0.05)
        os.write(self.fd, b"q")
        try:
            while os.read(self.fd, 1 << 20):
                pass
        except OSError:
            pass
        os.waitpid(self.pid, 0)


def drain_all(screens):
    """Reads every screen until all have written and are quiet; when each
    last wrote."""
    last = {s.fd: None for s in screens}
    while True:
        waiting = any(t is None for t in last.values())
        ready, _, _ = select.select(list(last), [], [], 10 if waiting else QUIET)
        if not ready:
            return [last[s.fd] for s in screens]
        for fd in ready:
            if os.read(fd, 1 << 20):
                last[fd] = time.monotonic()


def median(name, times, aim):
    shown = ", ".join(f"{t:.1f}" for t in times)
    print(f"{name:13} median {statistics.median(times):6.1f} ms (aim {aim} ms)  [{shown}]")


def main():
    binary, data_dir, task = sys.argv[1], sys.argv[2], sys.argv[3]
    runs = int(sys.argv[4]) if len(sys.argv) > 4 else 5
    env = dict(CCHC_TODAY="2028-01-15", TERM="xterm-256color", LANG="C.UTF-8")
    first, paced, none, every, saved, pushed = [], [], [], [], [], []
    for pause, times in [(0, first), (1, paced)]:
        for _ in range(runs):
            screen = Screen(binary, data_dir, env)
            time.sleep(pause)
            screen.key(b"/")
            times.append(screen.key(b"q"))
            none.append(screen.key(b"z"))
            screen.key(b"\x7f")
            screen.key(b"\x7f")
            every.append(screen.key(b"g"))
            screen.key(b"\x1b")
            screen.close()
    others = [Screen(binary, data_dir, env) for _ in range(5)]
    board = others[0]
    os.write(board.fd, b"/" + task.encode() + b"\r")
    board.drain()
    for _ in range(runs):
        saved.append(board.key(b"+"))
        board.key(b"-")
    for run in range(runs):
        progress = str(10 + run)
        start = time.monotonic()
        subprocess.run(
            [binary, "--data-dir", data_dir, "set", task, "--progress", progress],
            env={**os.environ, **env},
            check=True,
            capture_output=True,
        )
        for last in drain_all(others):
            if last is None:
                raise SystemExit("a board did not redraw")
            pushed.append((last - start) * 1000)
    for screen in others:
        screen.close()
    median("search-first", first, 10)
    median("  after 1 s", paced, 10)
    median("search-none", none, 10)
    median("search-all", every, 10)
    median("saved", saved, 20)
    median("pushed", pushed, 50)


if __name__ == "__main__":
    main()
