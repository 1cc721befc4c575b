package dev.merpati.connector.imap.command;

import dev.merpati.connector.api.MessageContent;
import dev.merpati.connector.imap.codec.CommandInput;
import dev.merpati.connector.imap.codec.FlagNames;
import dev.merpati.connector.imap.codec.ImapDates;
import dev.merpati.connector.imap.codec.ImapParser;
import dev.merpati.connector.imap.codec.ImapReply;
import dev.merpati.connector.imap.codec.ImapSyntaxException;
import dev.merpati.connector.imap.session.FolderSync;
import dev.merpati.connector.imap.session.ImapSession;
import dev.merpati.connector.imap.session.ImapState;
import dev.merpati.connector.net.MessageSpool;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * APPEND folder [(flags)] [date-time] literal (or literal8). The message literal was spooled by the connection
 * while it arrived (see {@link #isMessageLiteral}) and crosses to the listener by reference.
 */
public final class AppendCommand implements ImapCommand {

    AppendCommand() {}

    @Override
    public Set<ImapState> validStates() {
        return AUTHENTICATED;
    }

    @Override
    public CompletionStage<ImapReply> execute(ImapSession session, String tag, ImapParser parser)
            throws ImapSyntaxException {
        parser.sp();
        String folder = parser.astring();
        parser.sp();
        List<String> flags = List.of();
        if (parser.peek() == '(') {
            flags = FlagNames.checked(parser.flagList());
            parser.sp();
        }
        Instant date = null;
        if (parser.peek() == '"') {
            date = ImapDates.parseDateTime(parser.string());
            parser.sp();
        }
        // RFC 3516 §4.4 (BINARY): the message may come as a literal8, "~{n}", NULs and all.
        parser.tryChar('~');
        MessageContent content = parser.messageLiteral();
        parser.end();
        if (content instanceof MessageSpool spool && (spool.exceeded() || spool.failure() != null)) {
            return ImapCommand.tagged(tag, ImapResponses.no("[TOOBIG] Message not stored"));
        }
        long accountId = session.accountId();
        List<String> chosen = flags;
        Instant internalDate = date;
        return session.mailbox()
                .call(listener -> listener.append(folder, chosen, internalDate, content))
                .thenCompose(outcome -> {
                    if (!outcome.folderExists()) {
                        return ImapCommand.tagged(tag, ImapResponses.TRYCREATE);
                    }
                    if (outcome.overQuota()) {
                        return ImapCommand.tagged(tag, ImapResponses.OVER_QUOTA);
                    }
                    session.events().changed(accountId, -1, null);
                    return FolderSync.refresh(session, new ImapReply())
                            .thenApply(reply -> reply.tagged(
                                    tag,
                                    ImapResponses.ok("[APPENDUID " + outcome.uidvalidity() + " " + outcome.uid()
                                            + "] APPEND completed")));
                });
    }

    /**
     * Whether the literal announced at the end of the command so far is APPEND's message (rather
     * than, say, a folder name sent as a literal), so the connection spools it instead of holding it.
     */
    public static boolean isMessageLiteral(CommandInput partial) {
        try {
            ImapParser parser = new ImapParser(partial, true);
            parser.tag();
            parser.sp();
            if (!parser.keyword().equals("APPEND")) {
                return false;
            }
            parser.sp();
            parser.astring();
            parser.sp();
            if (parser.peek() == '(') {
                parser.flagList();
                parser.sp();
            }
            if (parser.peek() == '"') {
                parser.string();
                parser.sp();
            }
            parser.tryChar('~');
            return parser.atLiteral() && parser.onLastLine();
        } catch (ImapSyntaxException | RuntimeException e) {
            return false;
        }
    }
}
