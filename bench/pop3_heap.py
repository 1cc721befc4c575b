#!/usr/bin/env python3
"""Heap used by Payara while POP3 streams a large message (issue 5: RETR of 50 MiB must not need
50 MiB of heap per session).

usage: pop3_heap.py PAYARA_PID SMTP_PORT POP3_PORT [MiB]
Sends one message of MiB (default 50) to bob@merpati.test over SMTP, waits for it in bob's maildrop,
then: full GC + heap used (baseline); a RETR read slowly so the transfer is half-way; full GC +
heap used during the transfer; the rest read at full speed (MiB/s). Needs jcmd on PATH.
"""
import poplib
import re
import smtplib
import socket
import subprocess
import sys
import time

USER, PASSWORD = "bob@merpati.test", "bob-secret"


def heap_used_kib(pid):
    subprocess.run(["jcmd", pid, "GC.run"], check=True, capture_output=True)
    out = subprocess.run(["jcmd", pid, "GC.heap_info"], check=True, capture_output=True, text=True).stdout
    return int(re.search(r"used (\d+)K", out).group(1))


def main():
    pid, smtp_port, pop3_port = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    mib = int(sys.argv[4]) if len(sys.argv) > 4 else 50
    line = b"x" * 76 + b"\r\n"
    body = line * (mib * 1048576 // len(line))
    subject = "heap %d" % time.time()
    message = b"From: alice@merpati.test\r\nTo: bob@merpati.test\r\nSubject: " + subject.encode() + b"\r\n\r\n" + body
    with smtplib.SMTP("127.0.0.1", smtp_port) as smtp:
        smtp.sendmail("alice@merpati.test", [USER], message)
    deadline = time.time() + 300
    number = size = None
    while number is None and time.time() < deadline:
        p = poplib.POP3("127.0.0.1", pop3_port)
        p.user(USER)
        p.pass_(PASSWORD)
        for entry in p.list()[1]:
            n, s = map(int, entry.split())
            if s >= len(message):
                number, size = n, s
        p.quit()
        time.sleep(1)
    if number is None:
        sys.exit("the message did not arrive")
    print("message %d: %.1f MiB" % (number, size / 1048576))
    baseline = heap_used_kib(pid)
    print("heap used after full GC, idle:           %7.1f MiB" % (baseline / 1024))

    s = socket.create_connection(("127.0.0.1", pop3_port))
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 65536)
    f = s.makefile("rb")
    f.readline()
    for command in ("USER " + USER, "PASS " + PASSWORD, "RETR %d" % number):
        s.sendall(command.encode() + b"\r\n")
        reply = f.readline()
        assert reply.startswith(b"+OK"), reply
    received = 0
    while received < size // 2:
        received += len(f.read(65536))
        time.sleep(0.002)
    during = heap_used_kib(pid)
    print("heap used after full GC, RETR half-way:  %7.1f MiB (delta %+.1f MiB)"
          % (during / 1024, (during - baseline) / 1024))
    t0 = time.perf_counter()
    rest = 0
    while True:
        chunk = f.readline()
        if chunk == b".\r\n":
            break
        rest += len(chunk)
    dt = time.perf_counter() - t0
    print("rest of the RETR at full speed: %.1f MiB in %.2f s = %.1f MiB/s" % (rest / 1048576, dt, rest / 1048576 / dt))
    s.sendall(b"QUIT\r\n")
    f.readline()


if __name__ == "__main__":
    main()
