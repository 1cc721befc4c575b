package dev.merpati.connector.imap.command;

import static dev.merpati.connector.imap.command.ImapCommand.ANY;
import static dev.merpati.connector.imap.command.ImapCommand.AUTHENTICATED;
import static dev.merpati.connector.imap.command.ImapCommand.NOT_AUTHENTICATED;

import dev.merpati.connector.imap.codec.ImapParser;
import dev.merpati.connector.imap.codec.ImapReply;
import dev.merpati.connector.imap.codec.ImapSyntaxException;
import dev.merpati.connector.imap.session.FolderSync;
import dev.merpati.connector.imap.session.ImapSession;
import dev.merpati.connector.imap.session.ImapState;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/** CAPABILITY, NOOP, CHECK, LOGOUT, NAMESPACE: commands without mail work of their own. */
final class SimpleCommands {

    private SimpleCommands() {}

    static final ImapCommand CAPABILITY = ImapCommand.of(ANY, (session, tag, parser) -> {
        parser.end();
        return ImapCommand.done(new ImapReply()
                .untagged("CAPABILITY " + ImapResponses.capabilities(session))
                .tagged(tag, ImapResponses.ok("CAPABILITY completed")));
    });

    /** NOOP and CHECK: report what changed in the selected folder. */
    static ImapCommand noop(String name) {
        return new ImapCommand() {
            @Override
            public Set<ImapState> validStates() {
                return name.equals("CHECK") ? SELECTED : ANY;
            }

            @Override
            public CompletionStage<ImapReply> execute(ImapSession session, String tag, ImapParser parser)
                    throws ImapSyntaxException {
                parser.end();
                return FolderSync.refresh(session, new ImapReply())
                        .thenApply(reply -> reply.tagged(tag, ImapResponses.ok(name + " completed")));
            }
        };
    }

    /** STARTTLS (RFC 3501 §6.2.1): the OK goes out in the clear, then the handshake. */
    static final ImapCommand STARTTLS = ImapCommand.of(NOT_AUTHENTICATED, (session, tag, parser) -> {
        parser.end();
        if (session.tls() == null) {
            return ImapCommand.tagged(tag, ImapResponses.bad("TLS is not configured"));
        }
        if (session.secure()) {
            return ImapCommand.tagged(tag, ImapResponses.bad("TLS is already active"));
        }
        return ImapCommand.done(new ImapReply()
                .tagged(tag, ImapResponses.ok("Begin TLS negotiation now"))
                .thenStartTls());
    });

    static final ImapCommand LOGOUT = ImapCommand.of(ANY, (session, tag, parser) -> {
        parser.end();
        session.logout();
        return ImapCommand.done(new ImapReply()
                .untagged(ImapResponses.BYE_LOGOUT)
                .tagged(tag, ImapResponses.ok("LOGOUT completed"))
                .thenClose());
    });

    static final ImapCommand NAMESPACE = ImapCommand.of(AUTHENTICATED, (session, tag, parser) -> {
        parser.end();
        return ImapCommand.done(new ImapReply()
                .untagged("NAMESPACE ((\"\" \"/\")) NIL NIL")
                .tagged(tag, ImapResponses.ok("NAMESPACE completed")));
    });

    /** ID (RFC 2971): the client's parameters are read and ignored. */
    static final ImapCommand ID = ImapCommand.of(ANY, (session, tag, parser) -> {
        parser.sp();
        if (parser.tryChar('(')) {
            if (!parser.tryChar(')')) {
                do {
                    parser.string();
                    parser.sp();
                    nstring(parser);
                } while (parser.tryChar(' '));
                parser.expect(')');
            }
        } else {
            String nil = parser.keyword();
            if (!nil.equals("NIL")) {
                throw new ImapSyntaxException("expected a parameter list or NIL");
            }
        }
        parser.end();
        return ImapCommand.done(new ImapReply()
                .untagged("ID (\"name\" \"Merpati\" \"vendor\" \"Merpati\")")
                .tagged(tag, ImapResponses.ok("ID completed")));
    });

    private static void nstring(ImapParser parser) throws ImapSyntaxException {
        if (parser.peek() == 'N' || parser.peek() == 'n') {
            parser.keyword();
        } else {
            parser.string();
        }
    }

    /** ENABLE (RFC 5161): IMAP4rev2, CONDSTORE and QRESYNC. */
    static final ImapCommand ENABLE = ImapCommand.of(AUTHENTICATED, (session, tag, parser) -> {
        StringBuilder enabled = new StringBuilder("ENABLED");
        do {
            parser.sp();
            String capability = parser.keyword();
            if ((capability.equals("IMAP4REV2") || capability.equals("CONDSTORE") || capability.equals("QRESYNC"))
                    && !session.enabled(capability)) {
                session.enable(capability);
                enabled.append(' ').append(capability.equals("IMAP4REV2") ? "IMAP4rev2" : capability);
                if (capability.equals("QRESYNC")) {
                    // QRESYNC implies CONDSTORE (RFC 7162 §3.2.3); expunges become VANISHED.
                    session.enable("CONDSTORE");
                    if (session.selected() != null) {
                        session.selected().reportVanished();
                    }
                }
            }
        } while (!parser.atEnd());
        return ImapCommand.done(
                new ImapReply().untagged(enabled.toString()).tagged(tag, ImapResponses.ok("ENABLE completed")));
    });
}
