#!/usr/bin/env python3
"""Heap and RSS used by Payara for many IMAP sessions idling (issue 6: <= 1 GiB for 10,000).

usage: imap_idle_heap.py --pid PID [--imap-port P] [--smtp-port P] [--admin-url URL]
                         [--admin ADDRESS:PASSWORD] [--accounts N] [--conns N]

Creates N accounts idle1..idleN@merpati.test through the admin REST API (an existing one is
kept), measures heap used after a full GC (jcmd GC.run, GC.heap_info) and RSS, opens the
connections (round-robin over the accounts), each LOGIN + SELECT INBOX + IDLE, measures again,
then sends one mail over SMTP to idle1 and counts how many of idle1's IDLE sessions get the
EXISTS push and how fast. Needs jcmd on PATH.
"""
import argparse
import asyncio
import base64
import re
import smtplib
import subprocess
import sys
import time
import urllib.error
import urllib.request

PASSWORD = "idle-secret"


def heap_used_kib(pid):
    subprocess.run(["jcmd", str(pid), "GC.run"], check=True, capture_output=True)
    out = subprocess.run(["jcmd", str(pid), "GC.heap_info"], check=True, capture_output=True, text=True).stdout
    return int(re.search(r"used (\d+)K", out).group(1))


def rss_kib(pid):
    with open("/proc/%d/status" % pid) as f:
        return int(re.search(r"VmRSS:\s+(\d+) kB", f.read()).group(1))


def open_fds(pid):
    import os
    return len(os.listdir("/proc/%d/fd" % pid))


def create_accounts(a):
    auth = "Basic " + base64.b64encode(a.admin.encode()).decode()
    for i in range(1, a.accounts + 1):
        req = urllib.request.Request(
            "%s/accounts/idle%d@merpati.test" % (a.admin_url, i), data=PASSWORD.encode(), method="PUT",
            headers={"Authorization": auth, "Content-Type": "text/plain"})
        try:
            urllib.request.urlopen(req, timeout=120).read()
        except urllib.error.HTTPError as e:
            if e.code not in (400, 409):  # exists already
                raise


class Session:
    def __init__(self, user):
        self.user = user
        self.reader = self.writer = None

    async def expect_tagged(self, tag):
        while True:
            line = await self.reader.readline()
            if not line:
                raise ConnectionError("closed")
            if line.startswith(tag + b" "):
                if not line.startswith(tag + b" OK"):
                    raise RuntimeError(line)
                return

    async def open(self, port):
        self.reader, self.writer = await asyncio.open_connection("127.0.0.1", port, limit=1 << 16)
        await self.reader.readline()
        self.writer.write(b"a LOGIN %s %s\r\n" % (self.user.encode(), PASSWORD.encode()))
        await self.expect_tagged(b"a")
        self.writer.write(b"b SELECT INBOX\r\n")
        await self.expect_tagged(b"b")
        self.writer.write(b"c IDLE\r\n")
        line = await self.reader.readline()
        if not line.startswith(b"+"):
            raise RuntimeError(line)

    async def wait_exists(self, timeout):
        end = time.monotonic() + timeout
        while True:
            line = await asyncio.wait_for(self.reader.readline(), max(0.01, end - time.monotonic()))
            if line.endswith(b" EXISTS\r\n"):
                return time.monotonic()


async def run(a):
    pid = a.pid
    base_heap, base_rss, base_fds = heap_used_kib(pid), rss_kib(pid), open_fds(pid)
    print("before: heap used after full GC %.1f MiB, RSS %.1f MiB, %d fds"
          % (base_heap / 1024, base_rss / 1024, base_fds), flush=True)
    sessions = [Session("idle%d@merpati.test" % (i % a.accounts + 1)) for i in range(a.conns)]
    gate = asyncio.Semaphore(a.parallel)
    failures = []

    async def open_one(s):
        async with gate:
            try:
                await asyncio.wait_for(s.open(a.imap_port), 300)
            except Exception as e:  # noqa: BLE001 - counted and shown
                failures.append(repr(e))
                s.writer = None

    t0 = time.monotonic()
    tasks = [asyncio.ensure_future(open_one(s)) for s in sessions]
    done = 0
    while done < len(tasks):
        await asyncio.sleep(10)
        done = sum(t.done() for t in tasks)
        print("  %d/%d sessions in IDLE or failed after %.0f s" % (done, len(tasks), time.monotonic() - t0),
              flush=True)
    idle = [s for s in sessions if s.writer is not None]
    print("%d sessions logged in, selected INBOX and idling in %.1f s; %d failed %s"
          % (len(idle), time.monotonic() - t0, len(failures), sorted(set(failures))[:3]), flush=True)
    heap, rss, fds = heap_used_kib(pid), rss_kib(pid), open_fds(pid)
    n = max(1, len(idle))
    print("with %d idling: heap used after full GC %.1f MiB (+%.1f MiB, %.1f KiB per session), "
          "RSS %.1f MiB (+%.1f MiB, %.1f KiB per session), %d fds"
          % (len(idle), heap / 1024, (heap - base_heap) / 1024, (heap - base_heap) / n,
             rss / 1024, (rss - base_rss) / 1024, (rss - base_rss) / n, fds), flush=True)

    watched = [s for s in idle if s.user == "idle1@merpati.test"]
    subject = "wake %d" % time.time()
    t_send = time.monotonic()
    with smtplib.SMTP("127.0.0.1", a.smtp_port) as smtp:
        smtp.sendmail("alice@merpati.test", ["idle1@merpati.test"],
                      ("From: alice@merpati.test\r\nTo: idle1@merpati.test\r\nSubject: %s\r\n\r\nwake up\r\n"
                       % subject).encode())
    t_250 = time.monotonic()
    results = await asyncio.gather(*(s.wait_exists(a.wake_timeout) for s in watched), return_exceptions=True)
    woken = sorted(r - t_250 for r in results if isinstance(r, float))
    if woken:
        print("SMTP 250 after %.0f ms; %d of %d IDLE sessions of idle1 got EXISTS, %.0f ms (first) to %.0f ms "
              "(last) after the 250" % (1000 * (t_250 - t_send), len(woken), len(watched), 1000 * woken[0],
                                         1000 * woken[-1]))
    else:
        print("no IDLE session of idle1 got EXISTS within %d s of the SMTP 250" % a.wake_timeout)
    for s in idle:
        s.writer.close()
    return 0 if woken and len(idle) == a.conns else 1


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pid", type=int, required=True)
    ap.add_argument("--imap-port", type=int, default=35043)
    ap.add_argument("--smtp-port", type=int, default=35025)
    ap.add_argument("--admin-url", default="http://127.0.0.1:35080/admin/api")
    ap.add_argument("--admin", default="alice@merpati.test:alice-secret")
    ap.add_argument("--accounts", type=int, default=20)
    ap.add_argument("--conns", type=int, default=10000)
    ap.add_argument("--parallel", type=int, default=64)
    ap.add_argument("--wake-timeout", type=int, default=30)
    a = ap.parse_args()
    create_accounts(a)
    sys.exit(asyncio.run(run(a)))


if __name__ == "__main__":
    main()
