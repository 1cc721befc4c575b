package dev.merpati.connector.imap;

import dev.merpati.connector.api.AuthenticationListener;
import dev.merpati.connector.api.MailboxListener;
import dev.merpati.connector.imap.codec.CommandInput;
import dev.merpati.connector.imap.codec.ImapParser;
import dev.merpati.connector.imap.codec.ImapReply;
import dev.merpati.connector.imap.codec.ImapSyntaxException;
import dev.merpati.connector.imap.codec.LiteralAnnouncement;
import dev.merpati.connector.imap.command.AppendCommand;
import dev.merpati.connector.imap.command.ImapCommand;
import dev.merpati.connector.imap.command.ImapCommands;
import dev.merpati.connector.imap.command.ImapResponses;
import dev.merpati.connector.imap.session.ImapSession;
import dev.merpati.connector.imap.session.MailboxEvents;
import dev.merpati.connector.net.InputLine;
import dev.merpati.connector.net.LineReader;
import dev.merpati.connector.net.LoopBoundInvoker;
import dev.merpati.connector.net.MessageSpool;
import dev.merpati.connector.net.OrderedInputHandler;
import dev.merpati.connector.net.TlsState;
import dev.merpati.connector.spi.ListenerInvoker;
import io.netty.buffer.ByteBuf;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one IMAP connection: frames commands (lines and the literals between them), dispatches each
 * complete command, and writes or streams the answers. Synchronizing literals get their "+"
 * continuation only once the size was accepted; a literal that is too large is refused before any of
 * it is read (or, non-synchronizing, ends the connection), so memory stays bounded.
 */
final class ImapConnectionHandler extends OrderedInputHandler {

    private static final System.Logger LOG = System.getLogger(ImapConnectionHandler.class.getName());

    private final ImapConfig config;
    private final ListenerInvoker<AuthenticationListener> authentication;
    private final ListenerInvoker<MailboxListener> mailbox;
    private final MailboxEvents events;
    private final LineReader lines;
    private ImapSession session;
    private CommandInput command;
    private long commandSize;
    private final List<MessageSpool> spools = new ArrayList<>();
    private long literalRemaining = -1;
    private byte[] literalBytes;
    private int literalFilled;
    private MessageSpool literalSpool;
    private ImapReply.Continuation continuation;
    private ReplyWriter writer;

    ImapConnectionHandler(
            ImapConfig config,
            ListenerInvoker<AuthenticationListener> authentication,
            ListenerInvoker<MailboxListener> mailbox,
            MailboxEvents events) {
        this.config = config;
        this.authentication = authentication;
        this.mailbox = mailbox;
        this.events = events;
        this.lines = new LineReader(config.maxLineLength());
    }

    @Override
    protected void connected() {
        session = new ImapSession(
                config.tls(),
                config.maxMessageSize(),
                new LoopBoundInvoker<>(authentication, context().executor()),
                new LoopBoundInvoker<>(mailbox, context().executor()),
                events);
        session.pusher(this::push);
        session.loop(context().executor());
        session.connection(
                () -> TlsState.started(context().channel()),
                config.plaintextAuthClients().contains(clientAddress()));
        writeLine("* " + ImapResponses.greeting(session));
    }

    @Override
    protected boolean processInput(ByteBuf in) {
        if (literalRemaining >= 0) {
            readLiteral(in);
            return true;
        }
        int start = in.readerIndex();
        InputLine line = lines.read(in);
        if (line == null && in.readerIndex() != start) {
            // The reader began discarding a line over the limit: there is no way to resynchronise.
            line = InputLine.TOO_LONG;
        }
        if (line == null) {
            return false;
        }
        if (line.tooLong()) {
            discardCommand();
            closeAfter("* " + ImapResponses.BYE_LINE_TOO_LONG);
            return true;
        }
        String text = line.text();
        if (continuation != null && command == null) {
            ImapReply.Continuation waiting = continuation;
            continuation = null;
            await(waiting.apply(text), (reply, error) -> respond(reply, error, null));
            return true;
        }
        if (command == null) {
            command = new CommandInput();
            commandSize = 0;
        }
        commandSize += text.length() + 2;
        if (commandSize > config.maxCommandSize()) {
            discardCommand();
            closeAfter("* " + ImapResponses.BYE_LINE_TOO_LONG);
            return true;
        }
        command.addLine(text);
        LiteralAnnouncement literal = LiteralAnnouncement.at(text);
        if (literal != null) {
            startLiteral(literal);
            return true;
        }
        CommandInput complete = command;
        command = null;
        dispatch(complete);
        return true;
    }

    private void startLiteral(LiteralAnnouncement literal) {
        boolean message = AppendCommand.isMessageLiteral(command);
        long limit = message ? config.maxMessageSize() : config.maxCommandSize() - commandSize;
        if (literal.size() > limit) {
            String tag = tagOf(command);
            discardCommand();
            if (literal.synchronizing()) {
                writeLine(tag + " "
                        + (message ? ImapResponses.LITERAL_TOO_LARGE : ImapResponses.bad("Literal too large")));
            } else {
                closeAfter("* " + ImapResponses.BYE_LITERAL_TOO_LARGE);
            }
            return;
        }
        if (message) {
            literalSpool =
                    new MessageSpool(config.maxMessageSize(), ImapConfig.SPOOL_MEMORY_LIMIT, config.spoolDirectory());
            spools.add(literalSpool);
        } else {
            literalBytes = new byte[(int) literal.size()];
            literalFilled = 0;
            commandSize += literal.size();
        }
        literalRemaining = literal.size();
        if (literal.synchronizing()) {
            writeLine(ImapResponses.CONTINUE_LITERAL);
        }
        if (literalRemaining == 0) {
            endLiteral();
        }
    }

    private void readLiteral(ByteBuf in) {
        int count = (int) Math.min(in.readableBytes(), literalRemaining);
        if (literalSpool != null) {
            byte[] piece = new byte[count];
            in.readBytes(piece);
            literalSpool.write(piece, 0, count);
        } else {
            in.readBytes(literalBytes, literalFilled, count);
            literalFilled += count;
        }
        literalRemaining -= count;
        if (literalRemaining == 0) {
            endLiteral();
        }
    }

    private void endLiteral() {
        literalRemaining = -1;
        if (literalSpool != null) {
            literalSpool.finish();
            command.addLiteral(literalSpool);
            literalSpool = null;
        } else {
            command.addLiteral(literalBytes);
            literalBytes = null;
        }
    }

    private void discardCommand() {
        command = null;
        literalRemaining = -1;
        literalBytes = null;
        literalSpool = null;
        closeSpools();
    }

    private static String tagOf(CommandInput input) {
        String first = input.lines().get(0);
        int space = first.indexOf(' ');
        String tag = space < 0 ? first : first.substring(0, space);
        return tag.isEmpty() || tag.length() > 64 ? "*" : tag;
    }

    private void dispatch(CommandInput input) {
        ImapParser parser = new ImapParser(input);
        String tag;
        String name;
        try {
            tag = parser.tag();
        } catch (ImapSyntaxException e) {
            writeLine("* " + ImapResponses.bad("Missing tag"));
            closeSpools();
            return;
        }
        try {
            parser.sp();
            name = parser.keyword();
            if (name.equals("UID")) {
                parser.sp();
                name = "UID " + parser.keyword();
            }
        } catch (ImapSyntaxException e) {
            writeLine(tag + " " + ImapResponses.bad("Missing command"));
            closeSpools();
            return;
        }
        ImapCommand handler = ImapCommands.find(name);
        if (handler == null) {
            writeLine(tag + " " + ImapResponses.UNKNOWN_COMMAND);
            closeSpools();
            return;
        }
        if (!handler.validStates().contains(session.state())) {
            writeLine(tag + " " + ImapResponses.WRONG_STATE);
            closeSpools();
            return;
        }
        try {
            await(handler.execute(session, tag, parser), (reply, error) -> respond(reply, error, tag));
        } catch (ImapSyntaxException e) {
            writeLine(tag + " " + ImapResponses.bad(e.getMessage()));
            closeSpools();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "IMAP command failed: " + name, e);
            writeLine(tag + " " + ImapResponses.TEMPORARY_FAILURE);
            closeSpools();
        }
    }

    private String clientAddress() {
        return context().channel().remoteAddress() instanceof InetSocketAddress address
                ? address.getAddress().getHostAddress()
                : "";
    }

    private void respond(ImapReply reply, Throwable error, String tag) {
        closeSpools();
        if (error == null && reply != null && reply.startTls()) {
            String line = ((ImapReply.Text) reply.segments().get(0)).text();
            startTls(config.tls(), line.substring(0, line.length() - 2));
            return;
        }
        if (error != null || reply == null) {
            if (error != null) {
                LOG.log(System.Logger.Level.WARNING, "IMAP command failed", error);
            }
            writeLine((tag == null ? "*" : tag) + " " + ImapResponses.TEMPORARY_FAILURE);
            return;
        }
        writer = new ReplyWriter(
                context(),
                (messageId, offset, length) ->
                        session.mailbox().call(listener -> listener.read(messageId, offset, length)),
                config.chunkSize(),
                reply);
        await(writer.start(), (ignored, failure) -> {
            writer = null;
            if (failure != null) {
                // Part of a literal may be out: the only honest end is to close.
                LOG.log(System.Logger.Level.WARNING, "IMAP response streaming failed", failure);
                context().close();
                return;
            }
            if (reply.close()) {
                context().flush();
                context().close();
            } else if (reply.continuation() != null) {
                continuation = reply.continuation();
            }
        });
    }

    /** Untagged responses that arrive outside a command (IDLE wake-ups): text only. */
    private void push(ImapReply reply) {
        if (!context().channel().isActive()) {
            return;
        }
        for (ImapReply.Segment segment : reply.segments()) {
            if (segment instanceof ImapReply.Text text) {
                context()
                        .write(io.netty.buffer.Unpooled.copiedBuffer(
                                text.text(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        context().flush();
    }

    private void closeSpools() {
        spools.forEach(MessageSpool::close);
        spools.clear();
    }

    @Override
    protected void writable() {
        if (writer != null) {
            writer.writable();
        }
    }

    @Override
    protected void idleTimeout() {
        closeAfter("* " + ImapResponses.BYE_TIMEOUT);
    }

    @Override
    protected void disconnected() {
        discardCommand();
        if (continuation != null) {
            continuation.cancel();
            continuation = null;
        }
    }
}
