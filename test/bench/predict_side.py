#!/usr/bin/python3
"""Local-echo benchmark (issue 7): our client and stock mosh-client side by
side, the same server (ours) behind the same relay settings, the same
keystroke trace typed at human speed.  Each client runs in a pty; what it
shows is tracked with pyte (Debian's python3-pyte), so "shown" means "on
the screen", not "somewhere in the byte stream".

Per keystroke: the time until the screen shows the line as it should be
after that key (instant = within 5 ms), and whether the screen showed
anything that is not a state of the line the user typed (mispredicted).
Password keys count only for mispredictions (the correct display is
"nothing").  Nothing is asserted.

  predict_side.py [--quick]
"""
import os, pty, random, select, signal, statistics, struct, subprocess, sys
import tempfile, time, fcntl, termios
import pyte

TOP = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BIN = os.path.join(TOP, "mosh-static")
RELAY = os.path.join(TOP, "build", os.uname().machine, "tools", "relay")
SHELL = ["env", "PS1=$ ", "HISTFILE=/dev/null", "INPUTRC=/dev/null", "bash",
         "--norc", "--noprofile"]
CLIENTS = {"ours": [BIN, "client"], "stock": ["mosh-client"]}
COLS, ROWS = 80, 24
TMP = tempfile.mkdtemp(prefix="bench-predict.")

LINES = [
    "echo the quick brown fox jumps over the lazy dog\x7f\x7f\x7fcat",
    "printf '%s\\n' alpha beta gamma delta",
    "grep -c root /etc/passwd\x7f\x7f\x7f\x7f\x7f\x7fgroup",
    "ls /usr/share/doc | wc -l",
    "echo mobile shells survive roaming and sleep",
    "date +%Y-%m-%d\x7f\x7fH",
]
PASSWORD = "hunter2secret"


def now():
    return time.monotonic()


class Relay:
    def __init__(self, port, args):
        pf = os.path.join(TMP, "relay.%d" % random.randrange(1 << 30))
        self.p = subprocess.Popen([RELAY, "--server", "127.0.0.1:%d" % port,
                                   "--port-file", pf] + args,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        while not (os.path.exists(pf) and os.path.getsize(pf) > 0):
            time.sleep(0.02)
        self.port = int(open(pf).read().split()[0])


def start_server():
    r = subprocess.run([BIN, "server", "new", "-i", "127.0.0.1", "-p", "0", "--"] + SHELL,
                       capture_output=True, stdin=subprocess.DEVNULL, timeout=30,
                       env=dict(os.environ, LANG="C.UTF-8"))
    words = r.stdout.decode().split()
    i = words.index("CONNECT")
    pid = int(r.stderr.decode().rsplit("pid = ", 1)[1].split("]")[0])
    return int(words[i + 1]), words[i + 2], pid


class Term:
    """A client in a pty, and the screen it draws."""

    def __init__(self, cmd, port, key):
        pid, fd = pty.fork()
        if pid == 0:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
            env = dict(os.environ, MOSH_KEY=key, MOSH_PREDICTION_DISPLAY="adaptive",
                       TERM="xterm-256color", LANG="C.UTF-8")
            os.execvpe(cmd[0], cmd + ["127.0.0.1", str(port)], env)
        self.pid, self.fd = pid, fd
        self.screen = pyte.Screen(COLS, ROWS)
        self.stream = pyte.ByteStream(self.screen)
        self.hook = None
        self.stream_len = 0

    def pump(self, timeout):
        r, _, _ = select.select([self.fd], [], [], max(0.0, timeout))
        if not r:
            return
        try:
            data = os.read(self.fd, 65536)
        except OSError:
            data = b""
        if not data:
            raise RuntimeError("client exited")
        t = now()
        self.stream_len += len(data)
        self.stream.feed(data)
        if self.hook:
            self.hook(t, self.row(0))

    def row(self, r):
        return self.screen.display[r].rstrip()

    def settle(self, cond, timeout=15):
        t0 = now()
        while now() - t0 < timeout:
            if cond():
                return True
            self.pump(0.01)
        return False

    def quiet(self, secs, timeout=20):
        """Pumps until no output has come for secs."""
        t0 = last = now()
        while now() - t0 < timeout and now() - last < secs:
            before = self.stream_len
            self.pump(0.02)
            if self.stream_len != before:
                last = now()

    def type_setup(self, text):
        """Types a command that is not measured, and waits until the
        screen is a fresh prompt and has been still for a while (so the
        next keys start from a settled screen, as a person's would)."""
        os.write(self.fd, text.encode() + b"\r")
        time.sleep(0.3)
        os.write(self.fd, b"clear\r")
        ok = self.settle(lambda: self.row(0) == "$" and self.row(1) == "")
        self.quiet(0.8)
        return ok

    def close(self):
        try:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        except OSError:
            pass


def states(keys):
    """The line after each prefix of keys (backspace edits)."""
    line, out = "", [""]
    for k in keys:
        line = line[:-1] if k == "\x7f" else line + k
        out.append(line)
    return out


def run_line(term, keys, rng, rec):
    want = ["$ " + s if s else "$" for s in states(keys)]
    typed = [0]        # keys sent so far
    shown = {}         # key index -> time its state was first on screen
    sent = {}
    wrong = set()

    def hook(t, row):
        n = typed[0]
        ok = [j for j in range(n + 1) if want[j] == row]
        if not ok:
            if n > 0 and row.startswith("$"):
                wrong.add(n)
            return
        for j in range(1, max(ok) + 1):
            shown.setdefault(j, t)

    term.hook = hook
    for i, k in enumerate(keys):
        sent[i + 1] = now()
        typed[0] = i + 1
        os.write(term.fd, k.encode())
        end = now() + rng.uniform(0.12, 0.25)
        while now() < end:
            term.pump(end - now())
    term.settle(lambda: len(shown) == len(keys), timeout=5)
    term.hook = None
    for j in range(1, len(keys) + 1):
        t = shown.get(j)
        rec["lat"].append((t - sent[j]) * 1000 if t else None)
        rec["wrong"].append(j in wrong)
    os.write(term.fd, b"\x15")  # kill the line: commands are not run


def run_password(term, rng, rec):
    os.write(term.fd, b"read -s -p 'pw: ' x\r")
    if not term.settle(lambda: term.row(1).startswith("pw:") or term.row(0).startswith("pw:")):
        return
    prow = 1 if term.row(1).startswith("pw:") else 0
    leaked = []

    def hook(t, row0):
        if term.row(prow) != "pw:":
            leaked.append(1)

    term.hook = hook
    for k in PASSWORD:
        os.write(term.fd, k.encode())
        end = now() + rng.uniform(0.12, 0.25)
        while now() < end:
            term.pump(end - now())
        rec["pw"].append(bool(leaked))
        leaked.clear()
    term.hook = None
    os.write(term.fd, b"\r")
    term.type_setup("true")


def bench(kind, relay_args, rounds):
    port, key, spid = start_server()
    relay = Relay(port, relay_args)
    term = Term(CLIENTS[kind], relay.port, key)
    rec = {"lat": [], "wrong": [], "pw": []}
    rng = random.Random(42)
    try:
        if not term.settle(lambda: term.row(0).startswith("$") or term.row(1).startswith("$"), 20):
            raise RuntimeError("no prompt")
        term.type_setup("true")
        # Warm the RTT estimate up the way a person's first keys would.
        os.write(term.fd, b"echo warm\r")
        term.type_setup("true")
        for _ in range(rounds):
            for line in LINES:
                run_line(term, line, rng, rec)
                term.type_setup("true")
            run_password(term, rng, rec)
    finally:
        term.close()
        relay.p.kill()
        try:
            os.kill(spid, signal.SIGKILL)
        except OSError:
            pass
    return rec


def summary(rec):
    lat = [x for x in rec["lat"] if x is not None]
    n = len(rec["lat"])
    return {
        "keys": n,
        "instant_pct": 100.0 * sum(1 for x in lat if x <= 5) / n if n else 0,
        "mispredicted_pct": 100.0 * (sum(rec["wrong"]) + sum(rec["pw"])) /
        max(1, n + len(rec["pw"])),
        "password_leaks": sum(rec["pw"]),
        "mean_ms": statistics.mean(lat) if lat else float("nan"),
        "median_ms": statistics.median(lat) if lat else float("nan"),
        "never_shown": n - len(lat),
    }


def main():
    rounds = 1 if "--quick" in sys.argv else 3
    conds = [("250 ms RTT", ["--delay", "125"]),
             ("100 ms RTT, 29% loss", ["--seed", "5", "--delay", "50", "--loss", "0.29"])]
    print("%-22s %-6s %5s %9s %9s %6s %8s %8s %6s" % (
        "link", "client", "keys", "instant%", "mispred%", "pwleak", "mean_ms",
        "median", "never"))
    for name, args in conds:
        for kind in ("ours", "stock"):
            try:
                s = summary(bench(kind, args, rounds))
            except Exception as e:
                print("%-22s %-6s failed: %s" % (name, kind, e))
                continue
            print("%-22s %-6s %5d %9.1f %9.1f %6d %8.1f %8.1f %6d" % (
                name, kind, s["keys"], s["instant_pct"], s["mispredicted_pct"],
                s["password_leaks"], s["mean_ms"], s["median_ms"], s["never_shown"]),
                flush=True)


if __name__ == "__main__":
    try:
        main()
    finally:
        subprocess.run(["rm", "-rf", TMP])
