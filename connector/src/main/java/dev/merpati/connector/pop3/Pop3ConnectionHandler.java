package dev.merpati.connector.pop3;

import dev.merpati.connector.api.AuthenticationListener;
import dev.merpati.connector.api.MaildropListener;
import dev.merpati.connector.net.InputLine;
import dev.merpati.connector.net.LineReader;
import dev.merpati.connector.net.LoopBoundInvoker;
import dev.merpati.connector.net.OrderedInputHandler;
import dev.merpati.connector.spi.ListenerInvoker;
import io.netty.buffer.ByteBuf;
import java.util.Locale;

/** Runs one POP3 connection: dispatches command lines and writes or streams the responses. */
final class Pop3ConnectionHandler extends OrderedInputHandler {

    private final Pop3Config config;
    private final MaildropLocks locks;
    private final ListenerInvoker<AuthenticationListener> authentication;
    private final ListenerInvoker<MaildropListener> maildrop;
    private final LineReader lines;
    private Pop3Session session;
    private MessageStreamer streamer;

    Pop3ConnectionHandler(
            Pop3Config config,
            MaildropLocks locks,
            ListenerInvoker<AuthenticationListener> authentication,
            ListenerInvoker<MaildropListener> maildrop) {
        this.config = config;
        this.locks = locks;
        this.authentication = authentication;
        this.maildrop = maildrop;
        this.lines = new LineReader(config.maxLineLength());
    }

    @Override
    protected void connected() {
        session = new Pop3Session(
                config,
                context().channel(),
                locks,
                new LoopBoundInvoker<>(authentication, context().executor()),
                new LoopBoundInvoker<>(maildrop, context().executor()));
        writeLine(Pop3Replies.GREETING);
    }

    @Override
    protected boolean processInput(ByteBuf in) {
        int start = in.readerIndex();
        InputLine line = lines.read(in);
        if (line == null) {
            return in.readerIndex() != start;
        }
        if (line.tooLong()) {
            session.takeContinuation();
            writeLine(Pop3Replies.LINE_TOO_LONG);
        } else {
            execute(line.text());
        }
        return true;
    }

    private void execute(String line) {
        var continuation = session.takeContinuation();
        if (continuation != null) {
            await(continuation.apply(line), (response, error) -> respond(orFailure(response, error)));
            return;
        }
        int space = line.indexOf(' ');
        String verb = (space < 0 ? line : line.substring(0, space)).toUpperCase(Locale.ROOT);
        String argument = space < 0 ? "" : line.substring(space + 1);
        Pop3Command command = Pop3Commands.find(verb);
        if (command == null) {
            writeLine(Pop3Replies.UNKNOWN_COMMAND);
            return;
        }
        if (!command.validStates().contains(session.state())) {
            writeLine(Pop3Replies.WRONG_STATE);
            return;
        }
        // PASS keeps its argument as given: a password may contain or end with spaces.
        String cleaned = verb.equals("PASS") ? argument : argument.strip();
        await(command.execute(session, cleaned), (response, error) -> respond(orFailure(response, error)));
    }

    private static Pop3Response orFailure(Pop3Response response, Throwable error) {
        return error == null && response != null ? response : Pop3Response.line(Pop3Replies.MAILDROP_UNAVAILABLE);
    }

    private void respond(Pop3Response response) {
        if (response instanceof Pop3Response.Line line) {
            if (line.close()) {
                closeAfter(line.text());
            } else {
                writeLine(line.text());
            }
        } else if (response instanceof Pop3Response.MultiLine list) {
            writeLine(list.status());
            for (String text : list.lines()) {
                writeLine(text.startsWith(".") ? "." + text : text);
            }
            writeLine(".");
        } else if (response instanceof Pop3Response.Content content) {
            stream(content);
        } else if (response instanceof Pop3Response.StartTls startTls) {
            session.resetForTls();
            startTls(config.tls(), startTls.text());
        }
    }

    private void stream(Pop3Response.Content content) {
        writeLine(content.status());
        long messageId = content.message().messageId();
        int chunkSize = config.chunkSize();
        streamer = new MessageStreamer(
                context(),
                offset -> session.maildropListener().call(listener -> listener.read(messageId, offset, chunkSize)),
                content.message().size(),
                content.filter());
        await(streamer.start(content.firstChunk()), (ignored, error) -> {
            streamer = null;
            if (error != null) {
                // The +OK is out and part of the message may be: the only honest end is to close.
                context().close();
            }
        });
    }

    @Override
    protected void writable() {
        if (streamer != null) {
            streamer.writable();
        }
    }

    @Override
    protected void idleTimeout() {
        closeAfter(Pop3Replies.TIMEOUT);
    }

    @Override
    protected void disconnected() {
        // Without QUIT nothing is deleted (RFC 1939 §6); the maildrop is free for the next session.
        session.unlock();
    }
}
