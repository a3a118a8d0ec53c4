#!/usr/bin/env python3
"""test/tools/fuzz_seeds.py - writes the seed corpora of fuzz_dgram and
fuzz_frag (test/fuzz/corpus/{dgram,frag}/) from shared/vectors/vectors.json.

dgram: raw datagrams of scenario session_exit (the key fuzz_dgram uses).
frag:  runs of consecutive fragment payloads of one direction, each as
       [u16 BE length][payload], including the one two-fragment instruction
       in both orders.
Usage: test/tools/fuzz_seeds.py [VECTORS_JSON]
"""
import json
import os
import struct
import sys


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(os.path.dirname(here))
    src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        root, "..", "shared", "vectors", "vectors.json")
    with open(src) as f:
        dgs = json.load(f)["datagrams"]
    se = [d for d in dgs if d["scenario"] == "session_exit"]
    ddir = os.path.join(root, "test", "fuzz", "corpus", "dgram")
    fdir = os.path.join(root, "test", "fuzz", "corpus", "frag")
    os.makedirs(ddir, exist_ok=True)
    os.makedirs(fdir, exist_ok=True)
    picks = se[:12] + [d for d in se if d["fragment"]["final"] == 0] + \
        [d for d in se if d["length"] < 40][:4] + se[-6:]
    seen = set()
    for d in picks:
        name = "se_%03d" % d["index"]
        if name in seen:
            continue
        seen.add(name)
        with open(os.path.join(ddir, name), "wb") as f:
            f.write(bytes.fromhex(d["raw_hex"]))

    def rec(d):
        p = bytes.fromhex(d["plaintext_hex"])[4:]
        return struct.pack(">H", len(p)) + p

    for dirbit in (0, 1):
        run = [d for d in se if d["direction_bit"] == dirbit]
        for k in range(0, 40, 8):
            with open(os.path.join(fdir, "run%d_%02d" % (dirbit, k)), "wb") as f:
                f.write(b"".join(rec(d) for d in run[k:k + 6]))
    two = [d for d in dgs if d["fragment"]["final"] == 0]
    for d0 in two:
        d1 = next(d for d in dgs if d["scenario"] == d0["scenario"] and
                  d["direction_bit"] == d0["direction_bit"] and
                  d["fragment"]["instruction_id"] ==
                  d0["fragment"]["instruction_id"] and d is not d0)
        with open(os.path.join(fdir, "two_fwd"), "wb") as f:
            f.write(rec(d0) + rec(d1))
        with open(os.path.join(fdir, "two_rev"), "wb") as f:
            f.write(rec(d1) + rec(d0) + rec(d1))


if __name__ == "__main__":
    main()
