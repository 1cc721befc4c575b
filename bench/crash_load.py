#!/usr/bin/env python3
"""Crash-test helper for bench/crash-test.sh.

send:  N messages over S concurrent SMTP sessions, each with a unique id in its Subject; every id
       that got 250 after DATA is appended (and flushed) to the acked file at once, so the file is
       exactly the set of mails the server promised to keep, whenever the server dies.
count: reads the mailbox over POP3 (TOP n 0) and checks every acked id is there exactly once.
       --key subject: the id this script put in the Subject; --key queue-id: the queue id of the
       server's 250 reply ("queued as ID"), found again in Merpati's Received header ("id ID"), for
       loads made by smtp-source, whose messages carry no id of the client's own.
"""
import argparse
import collections
import poplib
import re
import smtplib
import sys
import threading
import time


def send(args):
    lock = threading.Lock()
    next_id = [0]
    stats = collections.Counter()
    acked = open(args.acked, "a", buffering=1)

    def take():
        with lock:
            if next_id[0] >= args.messages:
                return None
            next_id[0] += 1
            return next_id[0]

    def worker():
        client = None
        n = take()
        while n is not None:
            mid = f"{args.run}-{n:06d}"
            body = (f"From: load@example.org\r\nTo: {args.to}\r\nSubject: crash {mid}\r\n"
                    f"Message-ID: <{mid}@crash.test>\r\n\r\n" + ("x" * 70 + "\r\n") * args.lines)
            try:
                if client is None:
                    client = smtplib.SMTP(args.host, args.port, timeout=30)
                    client.ehlo("load.example.org")
                client.sendmail("load@example.org", [args.to], body)
                with lock:
                    acked.write(mid + "\n")
                    stats["acked"] += 1
            except (smtplib.SMTPException, OSError) as e:
                with lock:
                    stats["failed"] += 1
                try:
                    if client is not None:
                        client.close()
                except OSError:
                    pass
                client = None
                time.sleep(0.2)
            n = take()
        if client is not None:
            try:
                client.quit()
            except (smtplib.SMTPException, OSError):
                pass

    threads = [threading.Thread(target=worker) for _ in range(args.sessions)]
    start = time.time()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.time() - start
    print(f"send {args.run}: {stats['acked']} acked, {stats['failed']} failed in {elapsed:.1f}s")


def count(args):
    acked = [line.strip() for line in open(args.acked) if line.strip()]
    pop = poplib.POP3(args.host, args.port, timeout=60)
    pop.user(args.user)
    pop.pass_(args.password)
    total, _ = pop.stat()
    seen = collections.Counter()
    if args.key == "queue-id":
        pattern = re.compile(rb"\(Merpati\) with \S+ id ([0-9A-Za-z]+)")
    else:
        pattern = re.compile(rb"^Subject: crash (\S+)", re.MULTILINE)
    for i in range(1, total + 1):
        _, lines, _ = pop.top(i, 0)
        m = pattern.search(b"\r\n".join(lines))
        if m:
            seen[m.group(1).decode()] += 1
    pop.quit()
    missing = [a for a in acked if seen[a] == 0]
    duplicated = {k: v for k, v in seen.items() if v > 1}
    unacked_delivered = len([k for k in seen if k not in set(acked)])
    print(f"count: {len(acked)} acked, {total} in the mailbox, {len(missing)} acked but missing, "
          f"{len(duplicated)} delivered more than once, {unacked_delivered} delivered without a 250 "
          f"(allowed: the connection died after the commit)")
    if missing:
        print("missing:", " ".join(missing[:20]))
    if duplicated:
        print("duplicated:", list(duplicated.items())[:20])
    return 0 if not missing and not duplicated else 1


def main():
    p = argparse.ArgumentParser()
    p.add_argument("mode", choices=["send", "count"])
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--acked", required=True)
    p.add_argument("--run", default="a")
    p.add_argument("--to", default="bench@merpati.test")
    p.add_argument("--messages", type=int, default=2000)
    p.add_argument("--sessions", type=int, default=20)
    p.add_argument("--lines", type=int, default=20)
    p.add_argument("--user", default="bench@merpati.test")
    p.add_argument("--password", default="bench-secret")
    p.add_argument("--key", choices=["subject", "queue-id"], default="subject")
    args = p.parse_args()
    if args.mode == "send":
        send(args)
        return 0
    return count(args)


if __name__ == "__main__":
    sys.exit(main())
