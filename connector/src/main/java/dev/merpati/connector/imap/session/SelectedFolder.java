package dev.merpati.connector.imap.session;

import dev.merpati.connector.api.FolderSnapshot;
import dev.merpati.connector.api.MessageFlags;
import dev.merpati.connector.imap.codec.FlagNames;
import dev.merpati.connector.imap.codec.ImapReply;
import dev.merpati.connector.imap.codec.SequenceSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The selected folder as this session has told the client about it: message sequence numbers map to
 * UIDs (ascending), with the flags last reported. Changes made elsewhere are applied by {@link
 * #update}, which produces the untagged EXPUNGE, EXISTS and FETCH responses that tell the client.
 */
public final class SelectedFolder {

    private final long folderId;
    private final String name;
    private final boolean readOnly;
    private final long uidvalidity;
    private final boolean showRecent;
    /** The UIDs that are \Recent in this session (RFC 3501 §2.3.2); none under IMAP4rev2. */
    private final java.util.TreeSet<Long> recent = new java.util.TreeSet<>();

    /** The keywords announced to the client in FLAGS (case-insensitive, like IMAP compares them). */
    private final java.util.TreeSet<String> keywords = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);

    private boolean reportVanished;
    /** The \\Recent count last told to the client. */
    private int recentReported;

    private long highestModseq;
    private long uidnext;
    private long[] uids;
    private List<String>[] flags;
    private long[] modseqs;
    private int count;

    public SelectedFolder(FolderSnapshot snapshot, boolean readOnly) {
        this(snapshot, readOnly, true);
    }

    /** @param showRecent false under IMAP4rev2, which has no \Recent */
    public SelectedFolder(FolderSnapshot snapshot, boolean readOnly, boolean showRecent) {
        this.folderId = snapshot.status().folderId();
        this.name = snapshot.status().name();
        this.readOnly = readOnly;
        this.uidvalidity = snapshot.status().uidvalidity();
        this.showRecent = showRecent;
        load(snapshot);
        recentReported = recent.size();
        for (MessageFlags message : snapshot.messages()) {
            addKeywords(message.flags());
        }
    }

    /** The keywords in use in the folder, as told to the client in FLAGS and PERMANENTFLAGS. */
    public java.util.Set<String> keywords() {
        return java.util.Collections.unmodifiableSet(keywords);
    }

    private boolean addKeywords(List<String> messageFlags) {
        boolean added = false;
        for (String flag : messageFlags) {
            if (!flag.startsWith("\\")) {
                added |= keywords.add(flag);
            }
        }
        return added;
    }

    /**
     * Before flags with a keyword the client was not told about go out, the new FLAGS and
     * PERMANENTFLAGS lists (RFC 3501 §7.2.6: FLAGS may be sent whenever the set changes).
     */
    public void announceKeywords(List<String> messageFlags, ImapReply reply) {
        if (addKeywords(messageFlags)) {
            reply.untagged("FLAGS " + FlagNames.flags(keywords));
            reply.untagged(
                    "OK [PERMANENTFLAGS " + (readOnly ? "()" : FlagNames.permanent(keywords)) + "] Flags permitted");
        }
    }

    @SuppressWarnings("unchecked")
    private void load(FolderSnapshot snapshot) {
        List<MessageFlags> messages = snapshot.messages();
        count = messages.size();
        uids = new long[Math.max(16, count)];
        flags = new List[uids.length];
        modseqs = new long[uids.length];
        for (int i = 0; i < count; i++) {
            uids[i] = messages.get(i).uid();
            flags[i] = messages.get(i).flags();
            modseqs[i] = messages.get(i).modseq();
        }
        highestModseq = snapshot.status().highestModseq();
        uidnext = snapshot.status().uidnext();
        if (showRecent) {
            // Once \Recent in a session, a message stays so for the session's life.
            recent.addAll(snapshot.recent());
            recent.removeIf(uid -> sequenceOf(uid) == 0);
        }
    }

    /** The number of \Recent messages in this session (the RECENT response). */
    public int recentCount() {
        return recent.size();
    }

    /** The UIDs of this session's \Recent messages, ascending. */
    public List<Long> recentUids() {
        return List.copyOf(recent);
    }

    /** A message's flags as this session reports them: the stored ones, plus \Recent if it is. */
    public String flagList(long uid, List<String> stored) {
        if (!recent.contains(uid)) {
            return FlagNames.list(stored);
        }
        // After the system flags, before the keywords, as Dovecot writes it.
        List<String> all = new ArrayList<>(stored);
        int keywords = 0;
        while (keywords < all.size() && all.get(keywords).startsWith("\\")) {
            keywords++;
        }
        all.add(keywords, "\\Recent");
        return FlagNames.list(all);
    }

    public long folderId() {
        return folderId;
    }

    public String name() {
        return name;
    }

    public boolean readOnly() {
        return readOnly;
    }

    public long uidvalidity() {
        return uidvalidity;
    }

    public long highestModseq() {
        return highestModseq;
    }

    public long uidnext() {
        return uidnext;
    }

    public int count() {
        return count;
    }

    public long uid(int sequence) {
        return uids[sequence - 1];
    }

    public List<String> flags(int sequence) {
        return flags[sequence - 1];
    }

    public long modseq(int sequence) {
        return modseqs[sequence - 1];
    }

    /** The sequence number of a UID, or 0 when it is not (or no longer) in the session's view. */
    public int sequenceOf(long uid) {
        int index = Arrays.binarySearch(uids, 0, count, uid);
        return index >= 0 ? index + 1 : 0;
    }

    /** The UIDs a set names: by UID with {@code byUid}, else by sequence number. */
    public List<Long> resolve(SequenceSet set, boolean byUid) {
        if (byUid) {
            List<Long> selected = set.select(uids, count);
            // "n:*" always includes the highest UID even when n is above it (RFC 3501 §6.4.8).
            return selected;
        }
        List<Long> result = new ArrayList<>();
        for (int n : set.numbers(count)) {
            result.add(uids[n - 1]);
        }
        return result;
    }

    /** Records flags reported to the client (after FETCH or STORE). */
    public void flagsReported(MessageFlags message) {
        int sequence = sequenceOf(message.uid());
        if (sequence > 0) {
            flags[sequence - 1] = message.flags();
            modseqs[sequence - 1] = message.modseq();
        }
    }

    /** QRESYNC is enabled: expunges are reported as "* VANISHED uids" (RFC 7162 §3.2.10). */
    public void reportVanished() {
        reportVanished = true;
    }

    public boolean reportsVanished() {
        return reportVanished;
    }

    /**
     * Removes UIDs that are gone; answers "* n EXPUNGE" for each (highest first, so each number is
     * right when sent), or one "* VANISHED uids" under QRESYNC.
     */
    public void expunged(List<Long> removed, ImapReply reply) {
        List<Long> vanished = new ArrayList<>();
        for (int i = removed.size() - 1; i >= 0; i--) {
            int sequence = sequenceOf(removed.get(i));
            if (sequence > 0) {
                if (reportVanished) {
                    vanished.add(removed.get(i));
                } else {
                    reply.untagged(sequence + " EXPUNGE");
                }
                recent.remove(removed.get(i));
                System.arraycopy(uids, sequence, uids, sequence - 1, count - sequence);
                System.arraycopy(flags, sequence, flags, sequence - 1, count - sequence);
                System.arraycopy(modseqs, sequence, modseqs, sequence - 1, count - sequence);
                count--;
            }
        }
        if (!vanished.isEmpty()) {
            java.util.Collections.sort(vanished);
            reply.untagged("VANISHED " + SequenceSet.compact(vanished));
        }
    }

    /**
     * Brings the view up to {@code snapshot}: EXPUNGE for messages gone (highest first, so each
     * number is right when sent), EXISTS when messages arrived, FETCH FLAGS for flag changes.
     *
     * @param expunges whether EXPUNGE responses may be sent now (not during FETCH, STORE, SEARCH)
     */
    public void update(FolderSnapshot snapshot, ImapReply reply, boolean expunges) {
        update(snapshot, reply, expunges, false);
    }

    /** @param withModseq whether FETCH responses carry MODSEQ (CONDSTORE enabled) */
    public void update(FolderSnapshot snapshot, ImapReply reply, boolean expunges, boolean withModseq) {
        List<MessageFlags> now = snapshot.messages();
        Map<Long, MessageFlags> current = new HashMap<>(now.size() * 2);
        for (MessageFlags message : now) {
            current.put(message.uid(), message);
        }
        if (!expunges) {
            return;
        }
        List<Long> gone = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (!current.containsKey(uids[i])) {
                gone.add(uids[i]);
            }
        }
        expunged(gone, reply);
        int before = count;
        for (MessageFlags message : now) {
            announceKeywords(message.flags(), reply);
        }
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            MessageFlags message = current.get(uids[i]);
            if (!message.flags().equals(flags[i])) {
                changed.add((i + 1) + " FETCH (UID " + uids[i] + " FLAGS " + flagList(uids[i], message.flags())
                        + (withModseq ? " MODSEQ (" + message.modseq() + ")" : "") + ")");
            }
        }
        long last = count == 0 ? 0 : uids[count - 1];
        int added = 0;
        for (MessageFlags message : now) {
            if (message.uid() > last) {
                added++;
            }
        }
        load(snapshot);
        if (added > 0 || before != count) {
            reply.untagged(count + " EXISTS");
        }
        // Like Dovecot: RECENT only when this session's count changed (RFC 3501 §7.3.2), also by expunges.
        if (showRecent && recent.size() != recentReported) {
            recentReported = recent.size();
            reply.untagged(recentReported + " RECENT");
        }
        changed.forEach(reply::untagged);
    }
}
