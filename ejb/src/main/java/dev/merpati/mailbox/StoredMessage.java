package dev.merpati.mailbox;

import dev.merpati.store.BodyChunks;
import dev.merpati.store.BodyStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A stored message as a front end reads it, within the transaction that handed it out: UID, MODSEQ,
 * flags, dates and size from its row, the structure computed for IMAP when it was stored, and its
 * octets read on demand. Read-only: changes go through {@link MailboxStore}.
 */
public final class StoredMessage {

    /** Header sections larger than this are cut where a header is read whole. */
    public static final int MAX_HEADER = 1024 * 1024;

    private final MailboxMessage row;
    private final List<String> keywords;
    private final BodyStore bodies;

    StoredMessage(MailboxMessage row, List<String> keywords, BodyStore bodies) {
        this.row = row;
        this.keywords = List.copyOf(keywords);
        this.bodies = bodies;
    }

    /** The message's id in the store (unique across folders; a copy has another). */
    public long id() {
        return row.getId();
    }

    public long uid() {
        return row.getUid();
    }

    public long modseq() {
        return row.getModseq();
    }

    public Set<Flag> flags() {
        return MailboxStore.flags(row);
    }

    public boolean has(Flag flag) {
        return switch (flag) {
            case SEEN -> row.isSeen();
            case ANSWERED -> row.isAnswered();
            case FLAGGED -> row.isFlagged();
            case DELETED -> row.isDeleted();
            case DRAFT -> row.isDraft();
        };
    }

    /** $Forwarded, $Junk, labels: as first written; they compare without regard to case. */
    public List<String> keywords() {
        return keywords;
    }

    /** UID, MODSEQ, flags and keywords together. */
    public MessageFlagState flagState() {
        return new MessageFlagState(row.getUid(), row.getModseq(), flags(), MailboxStore.keywordList(keywords));
    }

    /** When it arrived. */
    public Instant internalDate() {
        return row.getInternalDate();
    }

    /** Its octets as stored. */
    public long size() {
        return row.getOctets();
    }

    /** The Date field, or {@code null} when it has none that parses. */
    public Instant headerDate() {
        return row.getHeaderDate();
    }

    /**
     * What IMAP FETCH sends of the message's structure (ENVELOPE, BODY, BODYSTRUCTURE and the part
     * offsets), computed once when it was stored; for a message stored before it was kept, computed
     * now, once.
     */
    public MessageStructure structure() {
        if (row.getMimeParts() == null) {
            long bodyId = row.getBodyId();
            row.setStructure(
                    MessageStructure.of(offset -> bodies.read(bodyId, offset, BodyChunks.CHUNK_SIZE), row.getOctets()));
        }
        return new MessageStructure(
                row.getHeaderSize() == null ? 0 : row.getHeaderSize(),
                row.getEnvelope(),
                row.getBodySummary(),
                row.getBodyStructure(),
                row.getMimeParts());
    }

    /**
     * Up to {@code length} octets of the message from {@code offset}: fewer at the end of a storage
     * chunk, none past the end.
     */
    public byte[] read(long offset, int length) {
        return bodies.read(row.getBodyId(), offset, length);
    }

    /**
     * The header section, cut at {@value #MAX_HEADER} octets (for a message stored before its size
     * was kept: the first storage chunk).
     */
    public byte[] header() {
        long size = row.getHeaderSize() != null ? row.getHeaderSize() : BodyChunks.CHUNK_SIZE;
        return read(0, (int) Math.min(size, MAX_HEADER));
    }

    /**
     * Whether the text after the header (with {@code includeHeader}, or when the header's size was
     * not kept: the whole message) contains {@code needle}, ASCII case-insensitively; read in chunks.
     */
    public boolean contains(String needle, boolean includeHeader) {
        byte[] wanted = needle.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
        if (wanted.length == 0) {
            return true;
        }
        long offset = includeHeader || row.getHeaderSize() == null ? 0 : row.getHeaderSize();
        byte[] carry = new byte[0];
        while (offset < row.getOctets()) {
            byte[] chunk = read(offset, BodyChunks.CHUNK_SIZE);
            if (chunk.length == 0) {
                break;
            }
            byte[] window = new byte[carry.length + chunk.length];
            System.arraycopy(carry, 0, window, 0, carry.length);
            System.arraycopy(chunk, 0, window, carry.length, chunk.length);
            if (indexOfIgnoreCase(window, wanted) >= 0) {
                return true;
            }
            int keep = Math.min(wanted.length - 1, window.length);
            carry = Arrays.copyOfRange(window, window.length - keep, window.length);
            offset += chunk.length;
        }
        return false;
    }

    /** Index of {@code needle} (already lower case ASCII/UTF-8) in {@code haystack}, ASCII case-insensitively. */
    private static int indexOfIgnoreCase(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                byte b = haystack[i + j];
                if (b >= 'A' && b <= 'Z') {
                    b = (byte) (b + 32);
                }
                if (b != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
