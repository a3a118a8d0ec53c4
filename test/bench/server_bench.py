#!/usr/bin/env python3
"""Server benchmarks (issue 5), ours and stock mosh-server side by side.

Every run uses Debian's stock mosh-client as the client, in a pty driven
from here, through the lossy relay (test/tools/relay.c) so datagrams and
bytes can be counted.  Runs alternate ours/stock; figures are medians with
n.  Nothing is asserted: this prints figures.

  server_bench.py [--quick] [--only NAME,...]
"""
import os, pty, re, select, signal, statistics, struct, subprocess, sys
import tempfile, time, fcntl, termios, random

TOP = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
ARCH = os.uname().machine
BIN = os.path.join(TOP, "mosh-static")
RELAY = os.path.join(TOP, "build", os.environ.get("BUILD_ARCH", ARCH), "tools", "relay")
SERVERS = {"ours": [BIN, "server"], "stock": ["mosh-server"]}
SHELL = ["env", "PS1=$ ", "HISTFILE=/dev/null", "bash", "--norc", "--noprofile"]
ANSI = re.compile(rb"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07]*\x07|\x1b[()][0-9A-B]|\x1b[=>78]")
TMP = tempfile.mkdtemp(prefix="bench-server.")


def now():
    return time.monotonic()


class Relay:
    def __init__(self, port, *args):
        pf = os.path.join(TMP, "relay.%d" % random.randrange(1 << 30))
        self.p = subprocess.Popen([RELAY, "--server", "127.0.0.1:%d" % port,
                                   "--port-file", pf] + list(args),
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        t = now()
        while not (os.path.exists(pf) and os.path.getsize(pf) > 0):
            if now() - t > 5:
                raise RuntimeError("relay did not start")
            time.sleep(0.02)
        self.port, self.ctl = map(int, open(pf).read().split())

    def cmd(self, *words):
        return subprocess.run([RELAY, "ctl", str(self.ctl)] + list(words),
                              capture_output=True, text=True).stdout

    def stats(self):
        """(datagrams, bytes) per direction: {'up': (n, b), 'down': ...}"""
        out = {}
        for line in self.cmd("stats").splitlines():
            m = re.match(r"(up|down) in=(\d+) .* in_bytes=(\d+)", line)
            if m:
                out[m.group(1)] = (int(m.group(2)), int(m.group(3)))
        return out

    def close(self):
        self.p.terminate()
        self.p.wait()


def start_server(kind, cmd, env=None, prefix=()):
    args = list(prefix) + SERVERS[kind] + ["new", "-c", "256", "-i", "127.0.0.1",
                                           "-p", "0", "--"] + cmd
    e = dict(os.environ, LANG="C.UTF-8")
    if env:
        e.update(env)
    r = subprocess.run(args, capture_output=True, stdin=subprocess.DEVNULL, env=e, timeout=60)
    m = re.search(rb"MOSH CONNECT (\d+) (\S+)", r.stdout)
    pid = re.search(rb"detached, pid = (\d+)", r.stderr)
    if not m or not pid:
        raise RuntimeError("server did not start: %r %r" % (r.stdout, r.stderr))
    return int(m.group(1)), m.group(2).decode(), int(pid.group(1))


def cpu_seconds(pid):
    try:
        f = open("/proc/%d/stat" % pid).read().rsplit(")", 1)[1].split()
        return (int(f[11]) + int(f[12])) / os.sysconf("SC_CLK_TCK")
    except OSError:
        return float("nan")


def vm_hwm(pid):
    try:
        for line in open("/proc/%d/status" % pid):
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return -1


class Client:
    """Stock mosh-client in a pty; its output is kept with ANSI stripped."""

    def __init__(self, port, key, cols=80, rows=24):
        pid, fd = pty.fork()
        if pid == 0:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
            env = dict(os.environ, MOSH_KEY=key, MOSH_PREDICTION_DISPLAY="never",
                       TERM="xterm-256color", LANG="C.UTF-8")
            os.execvpe("mosh-client", ["mosh-client", "127.0.0.1", str(port)], env)
        self.pid, self.fd = pid, fd
        self.raw = b""

    def pump(self, timeout):
        r, _, _ = select.select([self.fd], [], [], max(0, timeout))
        if not r:
            return False
        try:
            data = os.read(self.fd, 65536)
        except OSError:
            data = b""
        if not data:
            raise RuntimeError("the client exited")
        self.raw += data
        return True

    def wait_for(self, needle, timeout, start=0, strip=False):
        """Seconds until needle appears in the output after offset start
        (with escape sequences stripped if strip: for short outputs)."""
        t0 = now()
        while now() - t0 < timeout:
            seen = self.raw[start:]
            if needle in (ANSI.sub(b"", seen) if strip else seen):
                return now() - t0
            if not strip:
                start = max(start, len(self.raw) - len(needle))
            self.pump(0.005)
        return None

    def send(self, b):
        os.write(self.fd, b)

    def close(self):
        try:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        except OSError:
            pass
        os.close(self.fd)


LIVE = []  # sessions to clean up if a benchmark fails half-way


class Session:
    def __init__(self, kind, relay_args=(), cols=80, rows=24, prefix=()):
        LIVE.append(self)
        self.kind = kind
        self.t0 = now()
        self.port, self.key, self.pid = start_server(kind, SHELL, prefix=prefix)
        self.relay = Relay(self.port, *relay_args)
        self.client = Client(self.relay.port, self.key, cols, rows)
        self.first_screen = self.client.wait_for(b"$", 20)
        if self.first_screen is not None:
            self.first_screen = now() - self.t0
        self.run("clear")

    def run(self, cmd, timeout=120):
        """Types cmd + a marker echo; returns seconds until the marker shows."""
        # Upper-case letters only: the benchmark outputs have none, so no
        # cell of the marker can be skipped as unchanged by a display diff.
        mark = bytes(random.choice(b"QZJVKWXY") for _ in range(12))
        start = len(self.client.raw)
        self.client.send(cmd.encode() + b"; echo " + mark[:1] + b"''" + mark[1:] + b"\r")
        return self.client.wait_for(mark, timeout, start)

    def close(self):
        try:
            self.client.send(b"exit\r")
            self.client.wait_for(b"mosh is exiting", 10)
        except (RuntimeError, OSError):
            pass
        self.client.close()
        self.relay.close()
        for _ in range(100):
            if not os.path.exists("/proc/%d" % self.pid):
                break
            time.sleep(0.05)
        try:
            os.kill(self.pid, signal.SIGKILL)
        except OSError:
            pass


def make_data():
    seq = os.path.join(TMP, "seq20")
    with open(seq, "wb") as f:
        f.write(b"".join(b"%d\n" % i for i in range(1, 2500000))[:20 << 20])
    col = os.path.join(TMP, "color20")
    r = random.Random(3)
    parts, n = [], 0
    while n < 1 << 20:
        s = b"\x1b[%d;%dm%s\x1b[38;5;%dm%s\x1b[0m " % (
            r.randrange(30, 38), r.randrange(40, 48), b"word" * r.randrange(1, 4),
            r.randrange(256), b"x" * r.randrange(1, 9))
        if r.random() < 0.1:
            s += b"\r\n"
        parts.append(s)
        n += len(s)
    chunk = b"".join(parts) + b"\x1b[0m\r\n"
    with open(col, "wb") as f:
        for _ in range(20):
            f.write(chunk)
    small = {}
    for name, src in (("seq", seq), ("color", col)):
        small[name] = os.path.join(TMP, name + "1")
        with open(src, "rb") as a, open(small[name], "wb") as b:
            b.write(a.read(1 << 20))
    return {"seq": seq, "color": col}, small


def med(xs):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else float("nan")


def p95(xs):
    xs = sorted(x for x in xs if x is not None)
    return xs[min(len(xs) - 1, int(0.95 * len(xs)))] if xs else float("nan")


def bench_bulk(kind, data):
    s = Session(kind)
    res = {"first_screen_ms": s.first_screen * 1000 if s.first_screen else None,
           "rss_idle_kb": vm_hwm(s.pid)}
    for name, path in data.items():
        st0, c0 = s.relay.stats(), cpu_seconds(s.pid)
        t = s.run("cat " + path, timeout=300)
        st1, c1 = s.relay.stats(), cpu_seconds(s.pid)
        res["bulk_%s_wall_s" % name] = t
        res["bulk_%s_cpu_s" % name] = c1 - c0
        res["bulk_%s_dgrams" % name] = (st1["down"][0] - st0["down"][0]) + (st1["up"][0] - st0["up"][0])
        res["bulk_%s_kbytes" % name] = ((st1["down"][1] - st0["down"][1]) + (st1["up"][1] - st0["up"][1])) / 1024
    res["rss_after_bulk_kb"] = vm_hwm(s.pid)
    s.close()
    s = Session(kind, cols=200, rows=60)
    s.run("seq 1 100")
    res["rss_200x60_kb"] = vm_hwm(s.pid)
    s.close()
    return res


def bench_wire(kind, quick):
    s = Session(kind)
    res = {}
    # Keystrokes: 40 letters typed 300 ms apart into the shell.
    time.sleep(1)
    st0 = s.relay.stats()
    n = 40
    for i in range(n):
        s.client.send(b"abcdefghijklmnopqrstuvwxyz"[i % 26:i % 26 + 1])
        time.sleep(0.3)
    time.sleep(2)
    st1 = s.relay.stats()
    d = sum(st1[k][0] - st0[k][0] for k in ("up", "down"))
    b = sum(st1[k][1] - st0[k][1] for k in ("up", "down"))
    res["dgrams_per_key"] = d / n
    res["bytes_per_key"] = b / n
    s.client.send(b"\x15")  # kill the typed line
    s.run("clear")
    # Idle.
    idle = 20 if quick else 60
    time.sleep(3)
    st0 = s.relay.stats()
    time.sleep(idle)
    st1 = s.relay.stats()
    res["idle_dgrams_per_min"] = sum(st1[k][0] - st0[k][0] for k in ("up", "down")) * 60 / idle
    res["idle_bytes_per_min"] = sum(st1[k][1] - st0[k][1] for k in ("up", "down")) * 60 / idle
    # A 10 s outage while the server has news: output that appears 2 s
    # into it must be retransmitted until it gets through.
    s.client.send(b"sleep 2; echo TI''CK\r")
    time.sleep(0.3)
    start = len(s.client.raw)
    st0 = s.relay.stats()
    s.relay.cmd("blackhole", "both", "on")
    time.sleep(10)
    st1 = s.relay.stats()
    s.relay.cmd("blackhole", "both", "off")
    t = s.client.wait_for(b"TICK", 20, start, strip=True)
    res["outage_dgrams_from_server"] = st1["down"][0] - st0["down"][0]
    res["outage_dgrams_from_client"] = st1["up"][0] - st0["up"][0]
    res["outage_recovery_ms"] = t * 1000 if t is not None else None
    s.client.send(b"\x15")
    s.close()
    return res


def bench_latency(kind, quick):
    s = Session(kind, relay_args=("--seed", "11", "--loss", "0.29", "--delay", "50"))
    r = random.Random(9)
    lat = []
    n = 30 if quick else 80
    s.run("cat > /dev/null")
    time.sleep(0.5)
    for i in range(n):
        ch = b"abcdefghijklmnopqrstuvwxyz"[i % 26:i % 26 + 1]
        start = len(s.client.raw)
        s.client.send(ch)
        t = s.client.wait_for(ch, 10, start, strip=True)
        lat.append(t * 1000 if t is not None else None)
        time.sleep(r.uniform(0.15, 0.35))
    s.client.send(b"\x04")
    s.close()
    good = [x for x in lat if x is not None]
    return {"lat_mean_ms": statistics.mean(good) if good else None,
            "lat_median_ms": med(good), "lat_p95_ms": p95(good),
            "lat_lost": len(lat) - len(good)}


def bench_callgrind(kind, small):
    """Instructions per MB of output: a session that cats 1 MB minus one
    that cats nothing, both under callgrind."""
    res = {}
    totals = {}
    for name, path in [("none", None)] + sorted(small.items()):
        d = tempfile.mkdtemp(dir=TMP)
        pre = ["valgrind", "--tool=callgrind", "--callgrind-out-file=" + d + "/cg.%p"]
        s = Session(kind, prefix=pre)
        if path:
            s.run("cat " + path, timeout=600)
        s.close()
        time.sleep(1)
        best = 0
        for f in os.listdir(d):
            for line in open(os.path.join(d, f), errors="replace"):
                if line.startswith(("summary:", "totals:")):
                    best = max(best, int(line.split()[1]))
        totals[name] = best
    for name in small:
        res["instr_per_mb_%s" % name] = totals[name] - totals["none"]
    return res


def main():
    quick = "--quick" in sys.argv
    only = None
    for a in sys.argv[1:]:
        if a.startswith("--only="):
            only = a[7:].split(",")
    reps = 1 if quick else 3
    data, small = make_data()
    results = {k: {} for k in SERVERS}
    plan = [("bulk", lambda k: bench_bulk(k, data)),
            ("wire", lambda k: bench_wire(k, quick)),
            ("latency", lambda k: bench_latency(k, quick)),
            ("callgrind", lambda k: bench_callgrind(k, small))]
    for name, fn in plan:
        if only and name not in only:
            continue
        n = 1 if name == "callgrind" else reps
        for _ in range(n):
            for kind in ("ours", "stock"):
                print("  running %s (%s)..." % (name, kind), file=sys.stderr, flush=True)
                try:
                    r = fn(kind)
                except Exception as e:  # a failed run is reported, not fatal
                    print("  %s %s failed: %s" % (name, kind, e), file=sys.stderr)
                    continue
                for k, v in r.items():
                    results[kind].setdefault(k, []).append(v)
    keys = sorted(set(results["ours"]) | set(results["stock"]))
    print("%-28s %14s %14s %8s   (medians, n per side)" % ("figure", "ours", "stock", "ratio"))
    for k in keys:
        a, b = results["ours"].get(k, []), results["stock"].get(k, [])
        ma, mb = med(a), med(b)
        ratio = ma / mb if mb and mb == mb and ma == ma else float("nan")
        print("%-28s %14.1f %14.1f %8.3f   n=%d/%d" % (k, ma, mb, ratio, len(a), len(b)))


if __name__ == "__main__":
    try:
        main()
    finally:
        for s in LIVE:
            for pid in (getattr(s, "pid", None),):
                if pid:
                    try:
                        os.kill(pid, signal.SIGKILL)
                    except OSError:
                        pass
            if getattr(s, "relay", None):
                s.relay.p.kill()
        subprocess.run(["rm", "-rf", TMP])
