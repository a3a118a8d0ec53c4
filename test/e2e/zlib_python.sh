#!/usr/bin/env bash
# test/e2e/zlib_python.sh - our zlib coder (through test/tools/zlibtool)
# against Python's zlib, both ways, on a generated corpus; plus the 1057
# compressed instructions captured from stock mosh (vectors.json).
. "$(dirname "$0")/lib.sh"

TOOL=${ZLIBTOOL:-$E2E_TOP/${BUILD:-build}/$(uname -m)/tools/zlibtool}
VECTORS=${TEST_SHARED:-$E2E_TOP/../shared}/vectors/vectors.json
if [ ! -x "$TOOL" ]; then
	fail "zlibtool built" "missing $TOOL (make tools)"
	finish
fi

# The corpus: deterministic, written to $T/corpus/.
mkdir -p "$T/corpus"
python3 - "$T/corpus" <<'EOF'
import random, sys
out = sys.argv[1]
rnd = random.Random(20261123)
words = ("the of and to in is that for it as with was on be by this are "
         "from or have an they which one you were her all she there would "
         "their we him been has when who will more no if out so said what "
         "up its about into than them can only other new some could time "
         "mosh state sync datagram terminal").split()

def text(n):
    s = []
    while sum(map(len, s)) < n:
        line = " ".join(rnd.choice(words) for _ in range(rnd.randint(3, 14)))
        s.append(line.capitalize() + ".\n")
    return "".join(s).encode()[:n]

def terminal(n):
    """colored ls, seq, prompts and full-screen redraws with escapes"""
    parts = []
    names = ["bin", "boot", "dev", "etc", "home", "lib", "lib64", "media",
             "mnt", "opt", "proc", "root", "run", "sbin", "srv", "sys",
             "tmp", "usr", "var", "README.md", "main.c", "Makefile"]
    row = 0
    while sum(map(len, parts)) < n:
        k = rnd.randrange(4)
        if k == 0:
            parts.append(b"\x1b[?25l\x1b[H\x1b[2J")
            for r in range(24):
                parts.append(("\x1b[%d;1H\x1b[0;%dm%-6d\x1b[0m %s\x1b[K"
                    % (r + 1, 30 + r % 8, rnd.randint(1, 9999),
                       " ".join(rnd.choice(words) for _ in range(8))))
                    .encode())
            parts.append(b"\x1b[24;1H\x1b[7m-- INSERT --\x1b[27m\x1b[?25h")
        elif k == 1:
            for nm in rnd.sample(names, 12):
                c = "01;34" if "." not in nm else "0"
                parts.append(("\x1b[%sm%s\x1b[0m  " % (c, nm)).encode())
            parts.append(b"\r\n")
        elif k == 2:
            a = rnd.randint(1, 100000)
            parts.append("".join("%d\r\n" % i for i in range(a, a + 50))
                         .encode())
        else:
            row += 1
            parts.append(("\x1b[32muser@host\x1b[0m:\x1b[34m~/src\x1b[0m$ "
                          "make -j2 && ./run %d\r\n" % row).encode())
    return b"".join(parts)[:n]

files = {
    "empty": b"",
    "one": b"x",
    "three": b"abc",
    "text": text(200000),
    "random": bytes(rnd.getrandbits(8) for _ in range(100000)),
    "terminal": terminal(300000),
    "zeros": bytes(70000),
    # byte i appears fib(i) times, shuffled: deep Huffman trees to limit
    "fibonacci": bytes(rnd.sample([i for i in range(24) for _ in range(
        [1, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987,
         1597, 2584, 4181, 6765, 10946, 17711, 28657, 46368][i])],
        121392)),
    "small_frame": terminal(600),
    "mixed_1mb": (terminal(400000) + text(300000) +
                  bytes(rnd.getrandbits(8) for _ in range(100000)) +
                  terminal(248576)),
}
for name, data in files.items():
    open("%s/%s" % (out, name), "wb").write(data)
EOF

# Python -> our inflate; our deflate -> Python.  One line per case.
python3 - "$TOOL" "$T/corpus" "$T" <<'EOF' >"$T/results"
import os, subprocess, sys, zlib
tool, corpus, tmp = sys.argv[1:4]

def run(mode, data):
    r = subprocess.run([tool, mode], input=data, capture_output=True)
    return r.returncode, r.stdout, r.stderr.decode(errors="replace").strip()

def streams(data):
    for lvl in (0, 1, 6, 9):
        yield "level%d" % lvl, zlib.compress(data, lvl)
    for name, lvl, strat in (("fixed", 9, zlib.Z_FIXED),
                             ("huffonly", 6, zlib.Z_HUFFMAN_ONLY),
                             ("rle", 6, zlib.Z_RLE),
                             ("stored", 0, zlib.Z_DEFAULT_STRATEGY)):
        c = zlib.compressobj(lvl, zlib.DEFLATED, 15, 9, strat)
        yield name, c.compress(data) + c.flush()
    # small windows (CINFO < 7) and sync/full flushes (empty stored blocks)
    c = zlib.compressobj(6, zlib.DEFLATED, 9)
    yield "window512", c.compress(data) + c.flush()
    c = zlib.compressobj(6)
    z = b""
    for i in range(0, len(data), 7000):
        z += c.compress(data[i:i + 7000])
        z += c.flush(zlib.Z_SYNC_FLUSH if i % 14000 else zlib.Z_FULL_FLUSH)
    yield "flushes", z + c.flush()

for name in sorted(os.listdir(corpus)):
    data = open(os.path.join(corpus, name), "rb").read()
    for kind, z in streams(data):
        rc, out, err = run("inflate", z)
        ok = rc == 0 and out == data
        print("PASS" if ok else "FAIL", "inflate/%s/%s" % (name, kind),
              "" if ok else "rc=%d %s (%d of %d bytes)" % (rc, err, len(out),
                                                          len(data)))
    rc, z, err = run("deflate", data)
    try:
        back = zlib.decompress(z) if rc == 0 else None
    except zlib.error as e:
        back, err = None, str(e)
    ok = back == data
    print("PASS" if ok else "FAIL", "deflate/%s" % name,
          "" if ok else "rc=%d %s" % (rc, err))
    if name == "terminal":
        py = len(zlib.compress(data, 6))
        ours = len(z)
        print("INFO ratio terminal: %d bytes, ours %d (%.2f%%), python "
              "level 6 %d (%.2f%%), ours/python %.3f" % (len(data), ours,
              100.0 * ours / len(data), py, 100.0 * py / len(data),
              ours / py))
        ok = ours <= py * 1.15
        print("PASS" if ok else "FAIL", "deflate/terminal-ratio-within-15%",
              "" if ok else "ours %d vs python %d" % (ours, py))
EOF

while read -r status name rest; do
	case $status in
	PASS) pass "$name" ;;
	FAIL) fail "$name" "$rest" ;;
	INFO) echo "  # $name $rest" ;;
	esac
done <"$T/results"

# Differential: thousands of corrupted streams (bit flips, byte changes,
# cuts, insertions) must get the same verdict from us and from Python's
# zlib: accepted with identical output, or refused.
python3 - "$TOOL" <<'EOF' >"$T/diff_results"
import random, struct, subprocess, sys, zlib
tool = sys.argv[1]
rnd = random.Random(4242)
seeds = []
for i in range(60):
    n = rnd.choice([0, 1, 5, 40, 300, 2000])
    alpha = rnd.choice([b"ab", b"abcdefgh \r\n\x1b[0m", bytes(range(256))])
    data = bytes(rnd.choice(alpha) for _ in range(n))
    if rnd.random() < 0.5:
        data = data * rnd.randint(1, 4)
    lvl = rnd.choice([0, 1, 6, 9])
    strat = rnd.choice([zlib.Z_DEFAULT_STRATEGY, zlib.Z_FIXED,
                        zlib.Z_HUFFMAN_ONLY, zlib.Z_RLE])
    c = zlib.compressobj(lvl, zlib.DEFLATED, rnd.choice([9, 12, 15]), 8,
                         strat)
    seeds.append(c.compress(data) + c.flush())
def mutate(z):
    z = bytearray(z)
    if not z:
        return bytes(rnd.randrange(256) for _ in range(rnd.randint(1, 4)))
    k = rnd.randrange(5)
    if k == 0:
        for _ in range(rnd.randint(1, 3)):
            z[rnd.randrange(len(z))] ^= 1 << rnd.randrange(8)
    elif k == 1:
        z[rnd.randrange(len(z))] = rnd.randrange(256)
    elif k == 2:
        z = z[:rnd.randrange(len(z) + 1)]
    elif k == 3:
        p = rnd.randrange(len(z) + 1)
        z[p:p] = bytes(rnd.randrange(256) for _ in range(rnd.randint(1, 4)))
    else:
        # block headers and code lengths live in the first bytes
        z[rnd.randrange(min(len(z), 10))] ^= 1 << rnd.randrange(8)
    return bytes(z)

cases = []
for i in range(4000):
    # anywhere in the stream: mostly refused by header or Adler-32 checks
    cases.append(mutate(rnd.choice(seeds)))
for i in range(16000):
    # inside the DEFLATE data, with the trailer fixed up whenever Python's
    # raw inflate accepts the result, so the block decoding is compared
    z = rnd.choice(seeds)
    body = mutate(z[2:-4])
    trailer = z[-4:]
    try:
        d = zlib.decompressobj(-15)
        raw = d.decompress(body, 1 << 20)
        if d.eof and not d.unused_data and not d.unconsumed_tail:
            trailer = struct.pack(">I", zlib.adler32(raw))
    except zlib.error:
        pass
    cases.append(z[:2] + body + trailer)
inp = b"".join(struct.pack(">I", len(z)) + z for z in cases)
r = subprocess.run([tool, "inflate-batch", str(1 << 20)], input=inp,
                   capture_output=True)
if r.returncode != 0:
    print("FAIL differential/batch-run", r.stderr.decode()[:200])
    sys.exit(0)
out, pos = r.stdout, 0
ok_both = refused_both = 0
bad = []
for z in cases:
    rc, n = struct.unpack(">iI", out[pos:pos + 8])
    ours = out[pos + 8:pos + 8 + n]
    pos += 8 + n
    try:
        d = zlib.decompressobj()
        py = d.decompress(z, 1 << 20)
        good = d.eof and not d.unused_data and not d.unconsumed_tail
    except zlib.error:
        good = False
    if good and rc == 0 and ours == py:
        ok_both += 1
    elif not good and rc != 0:
        refused_both += 1
    elif len(bad) < 5:
        bad.append("rc=%d python=%s %s" % (rc, good, z.hex()[:120]))
print("INFO differential: %d streams, %d accepted by both, %d refused by "
      "both" % (len(cases), ok_both, refused_both))
if bad:
    print("FAIL differential/verdicts", " | ".join(bad))
else:
    print("PASS differential/verdicts")
EOF
while read -r status name rest; do
	case $status in
	PASS) pass "$name" ;;
	FAIL) fail "$name" "$rest" ;;
	INFO) echo "  # $name $rest" ;;
	esac
done <"$T/diff_results"

# The captured instructions: compressed_hex must inflate to instruction_hex,
# and our deflate of each instruction must come back through Python.
if [ -r "$VECTORS" ]; then
	out=$(python3 - "$TOOL" "$VECTORS" <<'EOF'
import json, subprocess, sys, zlib
tool, path = sys.argv[1:3]
d = json.load(open(path))
n = inf_ok = def_ok = ours = stock = same = 0
bad = []
for x in d["datagrams"]:
    if not x.get("assembled"):
        continue
    n += 1
    z = bytes.fromhex(x["compressed_hex"])
    want = bytes.fromhex(x["instruction_hex"])
    r = subprocess.run([tool, "inflate"], input=z, capture_output=True)
    if r.returncode == 0 and r.stdout == want:
        inf_ok += 1
    elif len(bad) < 3:
        bad.append("%s/%s" % (x["scenario"], x["index"]))
    r = subprocess.run([tool, "deflate"], input=want, capture_output=True)
    if r.returncode == 0 and zlib.decompress(r.stdout) == want:
        def_ok += 1
        ours += len(r.stdout)
        stock += len(z)
        same += r.stdout == z
print(n, inf_ok, def_ok, ours, stock, same, " ".join(bad))
EOF
)
	read -r n inf_ok def_ok ours stock same bad <<<"$out"
	check_eq "vectors: instructions captured" 1057 "$n"
	check_eq "vectors: inflate to instruction_hex ($bad)" "$n" "$inf_ok"
	check_eq "vectors: our deflate decompresses in python" "$n" "$def_ok"
	echo "  # vectors: stock compressed $stock bytes, ours $ours bytes;" \
		"$same of $n byte-identical to stock"
else
	fail "vectors.json readable" "missing $VECTORS"
fi
finish
