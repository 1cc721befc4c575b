package dev.merpati.connector.imap.command;

import dev.merpati.connector.api.MessageThread;
import dev.merpati.connector.api.SearchKey;
import dev.merpati.connector.imap.codec.ImapParser;
import dev.merpati.connector.imap.codec.ImapReply;
import dev.merpati.connector.imap.codec.ImapSyntaxException;
import dev.merpati.connector.imap.codec.SequenceSet;
import dev.merpati.connector.imap.session.ImapSession;
import dev.merpati.connector.imap.session.ImapState;
import dev.merpati.connector.imap.session.SelectedFolder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.LongUnaryOperator;

/** THREAD and UID THREAD (RFC 5256 §4): THREAD algorithm charset search-criteria. */
final class ThreadCommand implements ImapCommand {

    static final Set<String> ALGORITHMS = Set.of("ORDEREDSUBJECT", "REFERENCES");

    private final boolean byUid;

    ThreadCommand(boolean byUid) {
        this.byUid = byUid;
    }

    @Override
    public Set<ImapState> validStates() {
        return SELECTED;
    }

    @Override
    public CompletionStage<ImapReply> execute(ImapSession session, String tag, ImapParser parser)
            throws ImapSyntaxException {
        parser.sp();
        String algorithm = parser.keyword();
        if (!ALGORITHMS.contains(algorithm)) {
            throw new ImapSyntaxException("unknown threading algorithm " + algorithm);
        }
        parser.sp();
        String charset = parser.astring().toUpperCase(Locale.ROOT);
        parser.sp();
        SelectedFolder folder = session.selected();
        SearchKey criteria = new SearchParser(parser, folder).criteria();
        if (!SortCommand.CHARSETS.contains(charset)) {
            return ImapCommand.tagged(tag, ImapResponses.no(SortCommand.BADCHARSET));
        }
        List<Long> all = folder.resolve(SequenceSet.parse("1:*"), false);
        long folderId = folder.folderId();
        return session.mailbox()
                .call(listener -> listener.thread(folderId, all, algorithm, criteria))
                .thenApply(threads -> {
                    LongUnaryOperator number =
                            uid -> byUid ? (folder.sequenceOf(uid) > 0 ? uid : 0) : folder.sequenceOf(uid);
                    StringBuilder line = new StringBuilder("THREAD");
                    if (!threads.isEmpty()) {
                        line.append(' ');
                    }
                    for (MessageThread thread : known(threads, number)) {
                        line.append('(');
                        members(line, thread, number);
                        line.append(')');
                    }
                    return new ImapReply()
                            .untagged(line.toString())
                            .tagged(tag, ImapResponses.ok((byUid ? "UID THREAD" : "THREAD") + " completed"));
                });
    }

    /** The threads without messages the session does not know (their replies move up). */
    private static List<MessageThread> known(List<MessageThread> threads, LongUnaryOperator number) {
        List<MessageThread> result = new ArrayList<>();
        for (MessageThread thread : threads) {
            List<MessageThread> children = known(thread.children(), number);
            if (thread.placeholder() || number.applyAsLong(thread.uid()) > 0) {
                if (!thread.placeholder() || !children.isEmpty()) {
                    result.add(new MessageThread(thread.uid(), children));
                }
            } else {
                result.addAll(children);
            }
        }
        return result;
    }

    /** thread-members / thread-nested of RFC 5256 §5: a chain of single replies, then the branches. */
    static void members(StringBuilder out, MessageThread node, LongUnaryOperator number) {
        List<MessageThread> children = node.children();
        if (!node.placeholder()) {
            out.append(number.applyAsLong(node.uid()));
            if (children.size() == 1) {
                out.append(' ');
                members(out, children.get(0), number);
                return;
            }
            if (!children.isEmpty()) {
                out.append(' ');
            }
        }
        for (MessageThread child : children) {
            out.append('(');
            members(out, child, number);
            out.append(')');
        }
    }
}
