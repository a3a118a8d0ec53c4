#!/usr/bin/env python3
"""Extracts the server->client terminal diffs stock mosh-server 1.4 sent in
../../../../shared/vectors/vectors.json (PROTOCOL.md 12) into
stock_diffs.txt, for test/unit/term_display_stock.c:

    S <scenario> <cols> <rows>            a scenario, initial size
    T <old> <new> <width> <height> <hex>  state new = state old + diff
                                          (width/height 0: no resize;
                                          hex: the HostBytes, may be empty)

Retransmissions (same old/new) are written once."""
import json, sys, os

def varint(b, i):
    v = s = 0
    while True:
        c = b[i]; i += 1
        v |= (c & 0x7f) << s; s += 7
        if c < 0x80:
            return v, i

def fields(b):
    i, out = 0, []
    while i < len(b):
        key, i = varint(b, i)
        f, t = key >> 3, key & 7
        if t == 0:
            v, i = varint(b, i)
        elif t == 2:
            n, i = varint(b, i); v = b[i:i + n]; i += n
        elif t == 1:
            v = b[i:i + 8]; i += 8
        elif t == 5:
            v = b[i:i + 4]; i += 4
        else:
            raise ValueError(t)
        out.append((f, v))
    return out

here = os.path.dirname(os.path.abspath(__file__))
src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    here, '../../../../shared/vectors/vectors.json')
v = json.load(open(src))
size = {c['scenario']: c.get('initial_winsize_rows_cols', [24, 80])
        for c in v['captures']}
out, seen, cur = [], set(), None
for d in v['datagrams']:
    if d['direction'] != 'server->client' or 'instruction' not in d:
        continue
    ins = d['instruction']
    if 'diff_hex' not in ins:
        continue
    sc = d['scenario']
    if sc != cur:
        rows, cols = size.get(sc, [24, 80])
        out.append('S %s %d %d' % (sc, cols, rows))
        cur = sc
    k = (sc, ins['old_num'], ins['new_num'])
    if k in seen:
        continue
    seen.add(k)
    host, w, h = b'', 0, 0
    for f, val in fields(bytes.fromhex(ins['diff_hex'])):
        if f != 1:
            continue
        for g, x in fields(val):
            if g == 2:
                for q, y in fields(x):
                    if q == 4:
                        host += y
            elif g == 3:
                for q, y in fields(x):
                    if q == 5: w = y
                    if q == 6: h = y
    out.append('T %d %d %d %d %s' % (ins['old_num'], ins['new_num'], w, h,
                                     host.hex()))
open(os.path.join(here, 'stock_diffs.txt'), 'w').write('\n'.join(out) + '\n')
