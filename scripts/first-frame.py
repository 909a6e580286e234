#!/usr/bin/env python3
"""Time from starting `cchc` (the board) to its first complete frame, as a
person at the terminal sees it: the process runs in a pseudo-terminal of
120x40 and the clock stops when the key hints, the last line, are drawn.

    python3 scripts/first-frame.py target/release/cchc DATA_DIR [runs]

Prints each run and the median in milliseconds. Needs only Python 3.
"""
import fcntl
import os
import pty
import select
import signal
import statistics
import struct
import sys
import termios
import time

MARKER = "thoát".encode()  # the last word of the key hints, the last line drawn


def one_run(binary, data_dir):
    fd, child_end = pty.openpty()
    fcntl.ioctl(child_end, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    start = time.monotonic()
    pid = os.fork()
    if pid == 0:
        os.setsid()
        fcntl.ioctl(child_end, termios.TIOCSCTTY, 0)
        for target in (0, 1, 2):
            os.dup2(child_end, target)
        os.environ.update(CCHC_DATA=data_dir, CCHC_TODAY="2028-01-15", TERM="xterm-256color")
        os.execv(binary, [binary])
    os.close(child_end)
    seen = b""
    while MARKER not in seen:
        ready, _, _ = select.select([fd], [], [], 10)
        if not ready:
            raise SystemExit("no frame within 10 s")
        seen += os.read(fd, 65536)
    elapsed = (time.monotonic() - start) * 1000
    os.write(fd, b"q")
    try:
        while os.read(fd, 65536):
            pass
    except OSError:
        pass
    os.waitpid(pid, 0)
    return elapsed


def main():
    binary, data_dir = sys.argv[1], sys.argv[2]
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 10
    times = [one_run(binary, data_dir) for _ in range(runs)]
    for t in times:
        print(f"{t:.0f} ms")
    print(f"median {statistics.median(times):.0f} ms over {runs} runs")


if __name__ == "__main__":
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    main()
