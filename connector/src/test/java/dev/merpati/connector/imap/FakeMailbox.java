package dev.merpati.connector.imap;

import dev.merpati.connector.api.AppendOutcome;
import dev.merpati.connector.api.AuthenticatedUser;
import dev.merpati.connector.api.AuthenticationListener;
import dev.merpati.connector.api.CopyOutcome;
import dev.merpati.connector.api.FetchRequest;
import dev.merpati.connector.api.FetchedMessage;
import dev.merpati.connector.api.FlagChange;
import dev.merpati.connector.api.FolderChange;
import dev.merpati.connector.api.FolderInfo;
import dev.merpati.connector.api.FolderOutcome;
import dev.merpati.connector.api.FolderSnapshot;
import dev.merpati.connector.api.FolderStatus;
import dev.merpati.connector.api.MailboxListener;
import dev.merpati.connector.api.MessageContent;
import dev.merpati.connector.api.MessageFlags;
import dev.merpati.connector.api.MessageThread;
import dev.merpati.connector.api.QuotaUsage;
import dev.merpati.connector.api.SearchKey;
import dev.merpati.connector.api.SectionData;
import dev.merpati.connector.api.SortCriterion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An in-memory store for conversation tests: one account (alice/secret, id 1), single-part messages
 * only. Enough to drive the protocol; the real store is tested against the database.
 */
final class FakeMailbox implements MailboxListener, AuthenticationListener {

    static final class Message {
        final long uid;
        final byte[] bytes;
        LinkedHashSet<String> flags = new LinkedHashSet<>();
        long modseq;

        Message(long uid, byte[] bytes, long modseq) {
            this.uid = uid;
            this.bytes = bytes;
            this.modseq = modseq;
        }

        long headerSize() {
            for (int i = 0; i + 3 < bytes.length; i++) {
                if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n') {
                    return i + 4;
                }
            }
            return bytes.length;
        }
    }

    static final class Folder {
        final long id;
        String name;
        final TreeMap<Long, Message> messages = new TreeMap<>();
        long uidnext = 1;
        long modseq = 1;
        long firstRecentUid = 1;
        /** QRESYNC's expunge log: UID to the MODSEQ of its removal. */
        final TreeMap<Long, Long> expunged = new TreeMap<>();

        Folder(long id, String name) {
            this.id = id;
            this.name = name;
        }
    }

    final Map<String, Folder> folders = new ConcurrentHashMap<>();

    /** The account's storage limit in octets; 0 is unlimited. */
    volatile long quotaLimit;

    private long nextId = 1;

    FakeMailbox() {
        create("INBOX");
        create("Trash");
    }

    synchronized Folder create(String name) {
        Folder folder = new Folder(nextId++, name);
        folders.put(name, folder);
        return folder;
    }

    synchronized long add(String folderName, String message) {
        Folder folder = folders.get(folderName);
        Message m = new Message(
                folder.uidnext++, message.getBytes(java.nio.charset.StandardCharsets.UTF_8), ++folder.modseq);
        folder.messages.put(m.uid, m);
        return m.uid;
    }

    private Folder byId(long id) {
        return folders.values().stream().filter(f -> f.id == id).findFirst().orElse(null);
    }

    private static String name(String name) {
        return name.equalsIgnoreCase("INBOX") ? "INBOX" : name;
    }

    @Override
    public AuthenticatedUser authenticate(String login, String password) {
        return login.equals("alice") && password.equals("secret") ? new AuthenticatedUser(1, "alice@x.test") : null;
    }

    /** Existing folders that are not subscribed (all others are). */
    final java.util.Set<String> unsubscribed = ConcurrentHashMap.newKeySet();

    /** Subscribed names without a folder. */
    final java.util.Set<String> danglingSubscriptions = ConcurrentHashMap.newKeySet();

    /** Special-use attributes by folder name (Trash has \Trash). */
    final Map<String, String> specialUse = new ConcurrentHashMap<>(Map.of("Trash", "Trash"));

    @Override
    public synchronized List<FolderInfo> folders() {
        List<FolderInfo> result = new ArrayList<>(folders.values().stream()
                .sorted((a, b) -> a.name.compareTo(b.name))
                .map(f -> new FolderInfo(f.name, specialUse.get(f.name), !unsubscribed.contains(f.name)))
                .toList());
        danglingSubscriptions.forEach(name -> result.add(FolderInfo.subscriptionOnly(name)));
        return result;
    }

    @Override
    public synchronized List<FolderStatus> statuses(List<String> names) {
        return names.stream()
                .map(name -> status(name))
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    @Override
    public synchronized FolderOutcome changeFolder(FolderChange change) {
        String name = name(change.name());
        switch (change.kind()) {
            case CREATE:
                if (folders.containsKey(name)) {
                    return FolderOutcome.ALREADY_EXISTS;
                }
                // superior names are created too, as the real store does (RFC 3501 §6.3.3)
                for (int slash = name.indexOf('/'); slash > 0; slash = name.indexOf('/', slash + 1)) {
                    folders.computeIfAbsent(name.substring(0, slash), parent -> new Folder(nextId++, parent));
                }
                create(name);
                if (danglingSubscriptions.remove(name)) {
                    unsubscribed.remove(name);
                }
                return FolderOutcome.DONE;
            case DELETE:
                if (name.equals("INBOX")) {
                    return FolderOutcome.NOT_ALLOWED;
                }
                if (folders.remove(name) == null) {
                    return FolderOutcome.NO_SUCH_FOLDER;
                }
                if (!unsubscribed.remove(name)) {
                    danglingSubscriptions.add(name);
                }
                return FolderOutcome.DONE;
            case SUBSCRIBE:
                if (!folders.containsKey(name)) {
                    danglingSubscriptions.add(name);
                }
                unsubscribed.remove(name);
                return FolderOutcome.DONE;
            case UNSUBSCRIBE:
                boolean dangling = danglingSubscriptions.remove(name);
                if (folders.containsKey(name)) {
                    unsubscribed.add(name);
                    return FolderOutcome.DONE;
                }
                return dangling ? FolderOutcome.DONE : FolderOutcome.NO_SUCH_FOLDER;
            case RENAME:
                return rename(name, change.newName() == null ? null : name(change.newName()));
            default:
                return FolderOutcome.NOT_ALLOWED;
        }
    }

    /** RENAME as the real store does it: subfolders move along; INBOX hands its messages to the new folder. */
    private FolderOutcome rename(String from, String to) {
        if (to == null || to.equals("INBOX") || to.equals(from) || to.startsWith(from + "/")) {
            return FolderOutcome.NOT_ALLOWED;
        }
        if (folders.containsKey(to)) {
            return FolderOutcome.ALREADY_EXISTS;
        }
        Folder source = folders.get(from);
        if (source == null) {
            return FolderOutcome.NO_SUCH_FOLDER;
        }
        if (from.equals("INBOX")) {
            Folder target = create(to);
            for (Message message : source.messages.values()) {
                Message copy = new Message(target.uidnext++, message.bytes, ++target.modseq);
                copy.flags = new LinkedHashSet<>(message.flags);
                target.messages.put(copy.uid, copy);
            }
            source.modseq++;
            source.messages.keySet().forEach(uid -> source.expunged.put(uid, source.modseq));
            source.messages.clear();
            return FolderOutcome.DONE;
        }
        for (String name : List.copyOf(folders.keySet())) {
            if (name.equals(from) || name.startsWith(from + "/")) {
                Folder folder = folders.remove(name);
                folder.name = to + name.substring(from.length());
                folders.put(folder.name, folder);
            }
        }
        return FolderOutcome.DONE;
    }

    @Override
    public synchronized FolderStatus status(String name) {
        Folder folder = folders.get(name(name));
        return folder == null ? null : snapshot(folder).status();
    }

    @Override
    public synchronized FolderSnapshot select(String name, boolean readOnly) {
        Folder folder = folders.get(name(name));
        return folder == null ? null : snapshot(folder, !readOnly);
    }

    private FolderSnapshot snapshot(Folder folder) {
        return snapshot(folder, false);
    }

    /** As the real store: the first read-write session to look claims the new messages as \Recent. */
    private FolderSnapshot snapshot(Folder folder, boolean claimRecent) {
        List<MessageFlags> messages = new ArrayList<>();
        List<Long> recent = new ArrayList<>();
        long unseen = 0;
        long size = 0;
        long deleted = 0;
        for (Message m : folder.messages.values()) {
            messages.add(flags(m));
            size += m.bytes.length;
            deleted += m.flags.contains("\\Deleted") ? 1 : 0;
            unseen += m.flags.contains("\\Seen") ? 0 : 1;
            if (m.uid >= folder.firstRecentUid) {
                recent.add(m.uid);
            }
        }
        if (claimRecent) {
            folder.firstRecentUid = folder.uidnext;
        }
        return new FolderSnapshot(
                new FolderStatus(
                        folder.id,
                        folder.name,
                        messages.size(),
                        recent.size(),
                        unseen,
                        42,
                        folder.uidnext,
                        folder.modseq,
                        size,
                        deleted),
                messages,
                recent);
    }

    private static MessageFlags flags(Message m) {
        return new MessageFlags(m.uid, m.modseq, List.copyOf(m.flags));
    }

    @Override
    public synchronized FolderSnapshot changesSince(long folderId, long knownModseq, boolean claimRecent) {
        Folder folder = byId(folderId);
        return folder.modseq > knownModseq ? snapshot(folder, claimRecent) : null;
    }

    @Override
    public synchronized List<Long> vanished(long folderId, long sinceModseq) {
        return byId(folderId).expunged.entrySet().stream()
                .filter(e -> e.getValue() > sinceModseq)
                .map(Map.Entry::getKey)
                .toList();
    }

    @Override
    public synchronized List<FetchedMessage> fetch(long folderId, List<Long> uids, FetchRequest request) {
        Folder folder = byId(folderId);
        List<FetchedMessage> result = new ArrayList<>();
        for (long uid : uids) {
            Message m = folder.messages.get(uid);
            if (m == null) {
                continue;
            }
            if (request.markSeen() && m.flags.add("\\Seen")) {
                m.modseq = ++folder.modseq;
            }
            List<SectionData> sections = new ArrayList<>();
            for (FetchRequest.Section section : request.sections()) {
                long header = m.headerSize();
                sections.add(
                        switch (section.kind()) {
                            case HEADER -> SectionData.range(0, header);
                            case TEXT -> SectionData.range(header, m.bytes.length - header);
                            case CONTENT -> section.part().isEmpty()
                                    ? SectionData.range(0, m.bytes.length)
                                    : SectionData.range(header, m.bytes.length - header);
                            case BINARY -> binary(m, section.part());
                            default -> SectionData.empty();
                        });
            }
            result.add(new FetchedMessage(
                    uid * 1000 + folderId,
                    flags(m),
                    Instant.parse("2024-02-01T10:00:00Z"),
                    m.bytes.length,
                    "(NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL)",
                    "(\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 1 1)",
                    "(\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 1 1 NIL NIL NIL NIL)",
                    sections));
        }
        return result;
    }

    /** BINARY of a single-part message: [] is the message as stored, [1] its body decoded. */
    private static SectionData binary(Message m, List<Integer> part) {
        long header = m.headerSize();
        String encoding = "binary";
        long offset = 0;
        if (part.equals(List.of(1))) {
            offset = header;
            var matcher = java.util.regex.Pattern.compile("(?im)^Content-Transfer-Encoding:\\s*(\\S+)")
                    .matcher(new String(m.bytes, 0, (int) header, java.nio.charset.StandardCharsets.ISO_8859_1));
            encoding = matcher.find() ? matcher.group(1).toLowerCase(java.util.Locale.ROOT) : "7bit";
        } else if (!part.isEmpty()) {
            return SectionData.empty();
        }
        long length = m.bytes.length - offset;
        var decoder = dev.merpati.connector.api.TransferDecoder.forEncoding(encoding);
        if (decoder == null) {
            return SectionData.decoded(offset, length, new SectionData.Decoding(encoding, -1, false));
        }
        var out = new java.io.ByteArrayOutputStream();
        out.writeBytes(decoder.decode(m.bytes, (int) offset, (int) length));
        out.writeBytes(decoder.finish());
        byte[] decoded = out.toByteArray();
        boolean nul = false;
        for (byte b : decoded) {
            nul |= b == 0;
        }
        return SectionData.decoded(offset, length, new SectionData.Decoding(encoding, decoded.length, nul));
    }

    @Override
    public synchronized byte[] read(long messageId, long offset, int maxLength) {
        Message m = byId(messageId % 1000).messages.get(messageId / 1000);
        if (m == null) {
            throw new IllegalArgumentException("gone");
        }
        int from = (int) Math.min(offset, m.bytes.length);
        return Arrays.copyOfRange(m.bytes, from, (int) Math.min(m.bytes.length, from + (long) maxLength));
    }

    @Override
    public synchronized List<MessageFlags> store(long folderId, List<Long> uids, FlagChange change) {
        Folder folder = byId(folderId);
        List<MessageFlags> result = new ArrayList<>();
        for (long uid : uids) {
            Message m = folder.messages.get(uid);
            if (m == null || (change.unchangedSince() >= 0 && m.modseq > change.unchangedSince())) {
                continue;
            }
            switch (change.mode()) {
                case REPLACE -> m.flags = new LinkedHashSet<>(change.flags());
                case ADD -> m.flags.addAll(change.flags());
                case REMOVE -> change.flags().forEach(m.flags::remove);
            }
            m.modseq = ++folder.modseq;
            result.add(flags(m));
        }
        return result;
    }

    @Override
    public synchronized CopyOutcome copy(long folderId, List<Long> uids, String target, boolean move) {
        Folder from = byId(folderId);
        Folder to = folders.get(name(target));
        if (to == null) {
            return CopyOutcome.noTarget();
        }
        long added = move
                ? 0
                : uids.stream()
                        .map(from.messages::get)
                        .filter(java.util.Objects::nonNull)
                        .mapToLong(m -> m.bytes.length)
                        .sum();
        if (quota().exceededBy(added)) {
            return CopyOutcome.overQuotaLimit();
        }
        List<Long> source = new ArrayList<>();
        List<Long> copies = new ArrayList<>();
        for (long uid : uids) {
            Message m = move ? from.messages.remove(uid) : from.messages.get(uid);
            if (m == null) {
                continue;
            }
            Message copy = new Message(to.uidnext++, m.bytes, ++to.modseq);
            copy.flags.addAll(m.flags);
            to.messages.put(copy.uid, copy);
            source.add(uid);
            copies.add(copy.uid);
        }
        if (move && !source.isEmpty()) {
            from.modseq++;
            source.forEach(uid -> from.expunged.put(uid, from.modseq));
        }
        return new CopyOutcome(true, 42, source, copies);
    }

    @Override
    public synchronized List<Long> expunge(long folderId, List<Long> uids) {
        Folder folder = byId(folderId);
        List<Long> removed = new ArrayList<>();
        for (Message m : List.copyOf(folder.messages.values())) {
            if (m.flags.contains("\\Deleted") && (uids == null || uids.contains(m.uid))) {
                folder.messages.remove(m.uid);
                removed.add(m.uid);
            }
        }
        if (!removed.isEmpty()) {
            folder.modseq++;
            removed.forEach(uid -> folder.expunged.put(uid, folder.modseq));
        }
        return removed;
    }

    @Override
    public synchronized AppendOutcome append(
            String name, List<String> flags, Instant internalDate, MessageContent content) {
        Folder folder = folders.get(name(name));
        if (folder == null) {
            return AppendOutcome.noFolder();
        }
        if (quota().exceededBy(content.size())) {
            return AppendOutcome.overQuotaLimit();
        }
        try (InputStream in = content.openStream()) {
            Message m = new Message(folder.uidnext++, in.readAllBytes(), ++folder.modseq);
            m.flags.addAll(flags);
            folder.messages.put(m.uid, m);
            return new AppendOutcome(true, 42, m.uid);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized List<Long> search(long folderId, List<Long> uids, SearchKey criteria) {
        Folder folder = byId(folderId);
        return uids.stream()
                .filter(uid -> folder.messages.containsKey(uid) && matches(folder.messages.get(uid), criteria))
                .toList();
    }

    private static boolean matches(Message m, SearchKey key) {
        if (key instanceof SearchKey.And and) {
            return and.keys().stream().allMatch(k -> matches(m, k));
        }
        if (key instanceof SearchKey.Or or) {
            return matches(m, or.left()) || matches(m, or.right());
        }
        if (key instanceof SearchKey.Not not) {
            return !matches(m, not.key());
        }
        if (key instanceof SearchKey.Uids uids) {
            return uids.uids().contains(m.uid);
        }
        if (key instanceof SearchKey.Flag flag) {
            return m.flags.contains(flag.flag());
        }
        if (key instanceof SearchKey.ModseqAtLeast modseq) {
            return m.modseq >= modseq.modseq();
        }
        if (key instanceof SearchKey.Text text) {
            return new String(m.bytes, java.nio.charset.StandardCharsets.UTF_8).contains(text.value());
        }
        return key instanceof SearchKey.All;
    }

    /** SORT in the fake: by SIZE or by the raw Subject line, enough to drive the protocol. */
    @Override
    public synchronized List<Long> sort(long folderId, List<Long> uids, List<SortCriterion> order, SearchKey criteria) {
        java.util.Comparator<Message> comparator = (a, b) -> 0;
        for (SortCriterion criterion : order) {
            java.util.Comparator<Message> next = criterion.key() == SortCriterion.Key.SIZE
                    ? java.util.Comparator.comparingInt(m -> m.bytes.length)
                    : java.util.Comparator.comparing(FakeMailbox::subject);
            comparator = comparator.thenComparing(criterion.reverse() ? next.reversed() : next);
        }
        Folder folder = byId(folderId);
        return search(folderId, uids, criteria).stream()
                .map(folder.messages::get)
                .sorted(comparator.thenComparingLong(m -> m.uid))
                .map(m -> m.uid)
                .toList();
    }

    /** THREAD in the fake: ORDEREDSUBJECT by the raw Subject line, in UID order. */
    @Override
    public synchronized List<MessageThread> thread(
            long folderId, List<Long> uids, String algorithm, SearchKey criteria) {
        Folder folder = byId(folderId);
        Map<String, List<Long>> bySubject = new java.util.LinkedHashMap<>();
        for (long uid : search(folderId, uids, criteria)) {
            bySubject
                    .computeIfAbsent(subject(folder.messages.get(uid)), k -> new ArrayList<>())
                    .add(uid);
        }
        return bySubject.values().stream()
                .map(group -> new MessageThread(
                        group.get(0),
                        group.subList(1, group.size()).stream()
                                .map(uid -> new MessageThread(uid, List.of()))
                                .toList()))
                .toList();
    }

    private static String subject(Message m) {
        String text = new String(m.bytes, java.nio.charset.StandardCharsets.UTF_8);
        java.util.regex.Matcher matcher =
                java.util.regex.Pattern.compile("(?m)^Subject: ([^\r\n]*)").matcher(text);
        return matcher.find() ? matcher.group(1) : "";
    }

    @Override
    public synchronized QuotaUsage quota() {
        long used = folders.values().stream()
                .flatMap(f -> f.messages.values().stream())
                .mapToLong(m -> m.bytes.length)
                .sum();
        return new QuotaUsage(quotaLimit == 0 ? 0 : used, quotaLimit);
    }
}
