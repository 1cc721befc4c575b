"""A client that keeps an offline copy of a folder and resynchronises it with QRESYNC (RFC 7162).

python imaplib knows ENABLE but not QRESYNC's SELECT parameter or VANISHED, so those go out as raw
commands and the untagged responses are read from imaplib's table. Prints one line per observation.
usage: qresync.py host port password folder
"""
import imaplib
import re
import sys

host, port, password, folder = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]


def connect():
    m = imaplib.IMAP4(host, port)
    m.login('alice', password)
    return m


def raw(m, name, args):
    m.untagged_responses.clear()
    typ, data = m._simple_command(name, args)
    assert typ == 'OK', (name, args, typ, data)
    return {k: [d.decode() if isinstance(d, bytes) else d for d in v] for k, v in m.untagged_responses.items()}


def fetches(responses):
    return sorted(' '.join(str(x) for x in f) if isinstance(f, tuple) else f for f in responses.get('FETCH', []))


# The client's cache: the folder as it was when it went offline.
online = connect()
assert online.create(folder)[0] == 'OK'
for n in (1, 2, 3):
    online.append(folder, None, None, b'Subject: cached %d\r\n\r\nbody %d\r\n' % (n, n))
typ, data = online.enable('QRESYNC')
print('ENABLED', online.untagged_responses['ENABLED'][0].decode())
state = raw(online, 'SELECT', folder)
uidvalidity = state['UIDVALIDITY'][0]
known_modseq = state['HIGHESTMODSEQ'][0]
print('CACHED', uidvalidity, known_modseq, state['EXISTS'][0])
online.logout()

# Meanwhile another device flags one, expunges one and a message arrives.
other = connect()
other.select(folder)
other.uid('STORE', '1', '+FLAGS', '(\\Flagged)')
other.uid('STORE', '2', '+FLAGS', '(\\Deleted)')
other.expunge()
other.append(folder, None, None, b'Subject: new\r\n\r\nnew\r\n')

# Back online: one SELECT tells the client everything it missed.
client = connect()
client.enable('QRESYNC')
resync = raw(client, 'SELECT', '%s (QRESYNC (%s %s 1:3))' % (folder, uidvalidity, known_modseq))
client.state = 'SELECTED'
print('RESYNC EXISTS', resync['EXISTS'][0], 'UIDNEXT', resync['UIDNEXT'][0])
print('RESYNC VANISHED', resync.get('VANISHED'))
for f in fetches(resync):
    print('RESYNC FETCH', f)
changed = raw(client, 'UID', 'FETCH 1:* (FLAGS) (CHANGEDSINCE %s VANISHED)' % known_modseq)
print('CHANGEDSINCE VANISHED', changed.get('VANISHED'))
for f in fetches(changed):
    print('CHANGEDSINCE FETCH', f)

# Live: another session's expunge is reported by UID.
other.uid('STORE', '3', '+FLAGS', '(\\Deleted)')
other.expunge()
client.untagged_responses.clear()
client.noop()
print('LIVE VANISHED', [d.decode() for d in client.untagged_responses.get('VANISHED', [])])
print('LIVE EXPUNGE', client.untagged_responses.get('EXPUNGE'))

other.close()
other.logout()
client.close()
assert client.delete(folder)[0] == 'OK'
client.logout()
