#!/usr/bin/env python3
# test/tools/udptap.py - a tiny UDP man-in-the-middle for client tests.
#
#   udptap.py LISTEN_PORT SERVER_PORT [LOG [RECORD]]
#
# Forwards datagrams between one client (whoever writes to 127.0.0.1:
# LISTEN_PORT; the newest source address wins, as a mosh server roams)
# and 127.0.0.1:SERVER_PORT, keeping a copy of everything the server sent.
# Signals drive the attacks:
#   SIGUSR1  toggles a blackhole (both directions dropped)
#   SIGUSR2  replays every server datagram seen so far to the client, then
#            sends forged ones: random bytes, a real datagram with one bit
#            flipped, a truncated one, and one reflected back (client's
#            own datagram)
# LOG gets one line per event ("replayed N", "forged N", "client ADDR").
# RECORD gets every server datagram, each as a 2-byte big-endian length
# and the bytes (for udpreplay.py).
import os
import random
import select
import signal
import socket
import sys

listen_port, server_port = int(sys.argv[1]), int(sys.argv[2])
log = open(sys.argv[3], "a", buffering=1) if len(sys.argv) > 3 else None
rec = open(sys.argv[4], "ab") if len(sys.argv) > 4 else None
front = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
front.bind(("127.0.0.1", listen_port))
back = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
back.bind(("127.0.0.1", 0))
server = ("127.0.0.1", server_port)
client = None
seen = []
last_client_dg = None
state = {"hole": False, "attack": False}


def on_usr1(signo, frame):
    state["hole"] = not state["hole"]


def on_usr2(signo, frame):
    state["attack"] = True


signal.signal(signal.SIGUSR1, on_usr1)
signal.signal(signal.SIGUSR2, on_usr2)


def attack():
    if client is None:
        return
    old = list(seen)
    for dg in old:
        front.sendto(dg, client)
    n = 0
    rnd = random.Random(6)
    for _ in range(50):
        front.sendto(bytes(rnd.getrandbits(8) for _ in range(rnd.randint(24, 300))), client)
        n += 1
    for dg in old[-20:]:
        b = bytearray(dg)
        i = rnd.randrange(len(b))
        b[i] ^= 1 << rnd.randrange(8)
        front.sendto(bytes(b), client)
        front.sendto(dg[:23], client)
        n += 2
    if last_client_dg is not None:
        front.sendto(last_client_dg, client)
        n += 1
    if log:
        log.write("replayed %d\nforged %d\n" % (len(old), n))


while True:
    try:
        r, _, _ = select.select([front, back], [], [], 0.1)
    except InterruptedError:
        r = []
    if state["attack"]:
        state["attack"] = False
        attack()
    for s in r:
        dg, addr = s.recvfrom(4096)
        if s is front:
            if addr != client and log:
                log.write("client %s:%d\n" % addr)
            client = addr
            last_client_dg = dg
            if not state["hole"]:
                back.sendto(dg, server)
        else:
            if len(seen) < 5000:
                seen.append(dg)
            if rec:
                rec.write(len(dg).to_bytes(2, "big") + dg)
                rec.flush()
            if not state["hole"] and client is not None:
                front.sendto(dg, client)
