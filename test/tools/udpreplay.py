#!/usr/bin/env python3
# test/tools/udpreplay.py - plays recorded server datagrams to a client.
#
#   udpreplay.py PORT RECORD GAP_MS
#
# Listens on 127.0.0.1:PORT as the "server", waits for the client's first
# datagram, then sends it every datagram of RECORD (written by udptap.py:
# 2-byte big-endian length + bytes) in order, GAP_MS apart, and exits.
# Every client given the same record and key does the same work, which
# makes instruction counts comparable between clients.
import socket
import sys
import time

port, path, gap = int(sys.argv[1]), sys.argv[2], float(sys.argv[3]) / 1000
data = open(path, "rb").read()
dgs = []
i = 0
while i + 2 <= len(data):
    n = int.from_bytes(data[i:i + 2], "big")
    dgs.append(data[i + 2:i + 2 + n])
    i += 2 + n
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("127.0.0.1", port))
_, client = s.recvfrom(4096)
for dg in dgs:
    s.sendto(dg, client)
    time.sleep(gap)
print("sent %d datagrams" % len(dgs))
