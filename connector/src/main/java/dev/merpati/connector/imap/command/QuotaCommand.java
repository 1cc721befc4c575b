package dev.merpati.connector.imap.command;

import dev.merpati.connector.api.QuotaUsage;
import dev.merpati.connector.imap.codec.ImapParser;
import dev.merpati.connector.imap.codec.ImapReply;
import dev.merpati.connector.imap.codec.ImapStrings;
import dev.merpati.connector.imap.codec.ImapSyntaxException;
import dev.merpati.connector.imap.session.ImapSession;
import dev.merpati.connector.imap.session.ImapState;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * QUOTA (RFC 9208): GETQUOTA root, GETQUOTAROOT folder, SETQUOTA. Every account has one quota root,
 * {@code ""}, over all its folders, with the STORAGE resource in units of 1024 octets; an account
 * without a limit has no quota root. Limits are set by the operator, so SETQUOTA is refused.
 */
final class QuotaCommand implements ImapCommand {

    enum Kind {
        GETQUOTA,
        GETQUOTAROOT,
        SETQUOTA
    }

    static final String ROOT = "";

    private final Kind kind;

    QuotaCommand(Kind kind) {
        this.kind = kind;
    }

    @Override
    public Set<ImapState> validStates() {
        return AUTHENTICATED;
    }

    @Override
    public CompletionStage<ImapReply> execute(ImapSession session, String tag, ImapParser parser)
            throws ImapSyntaxException {
        parser.sp();
        String name = parser.astring();
        if (kind == Kind.SETQUOTA) {
            parser.sp();
            parser.expect('(');
            while (parser.peek() != ')') {
                parser.keyword();
                parser.sp();
                parser.number();
                parser.tryChar(' ');
            }
            parser.expect(')');
            parser.end();
            return ImapCommand.tagged(tag, ImapResponses.QUOTA_NOT_SETTABLE);
        }
        parser.end();
        if (kind == Kind.GETQUOTA) {
            return session.mailbox().call(listener -> listener.quota()).thenApply(usage -> {
                if (!usage.limited() || !name.equals(ROOT)) {
                    return new ImapReply().tagged(tag, ImapResponses.NO_QUOTA_ROOT);
                }
                return new ImapReply().untagged(quota(usage)).tagged(tag, ImapResponses.ok("GETQUOTA completed"));
            });
        }
        return session.mailbox().call(listener -> listener.status(name)).thenCompose(status -> {
            if (status == null) {
                return ImapCommand.tagged(tag, ImapResponses.NONEXISTENT);
            }
            return session.mailbox().call(listener -> listener.quota()).thenApply(usage -> {
                String folder = ImapStrings.quoted(status.name());
                ImapReply reply = new ImapReply();
                if (usage.limited()) {
                    reply.untagged("QUOTAROOT " + folder + " " + ImapStrings.quoted(ROOT))
                            .untagged(quota(usage));
                } else {
                    reply.untagged("QUOTAROOT " + folder);
                }
                return reply.tagged(tag, ImapResponses.ok("GETQUOTAROOT completed"));
            });
        });
    }

    /** The untagged QUOTA response: usage rounded up, the limit down, both in KiB. */
    static String quota(QuotaUsage usage) {
        long used = (usage.usedBytes() + 1023) / 1024;
        long limit = usage.limitBytes() / 1024;
        return "QUOTA " + ImapStrings.quoted(ROOT) + " (STORAGE " + used + " " + limit + ")";
    }
}
