package dev.merpati.connector.smtp;

import dev.merpati.connector.api.AuthenticationListener;
import dev.merpati.connector.api.MailReceiverListener;
import dev.merpati.connector.net.InputLine;
import dev.merpati.connector.net.LineReader;
import dev.merpati.connector.net.LoopBoundInvoker;
import dev.merpati.connector.net.MessageSpool;
import dev.merpati.connector.net.OrderedInputHandler;
import dev.merpati.connector.net.TlsState;
import dev.merpati.connector.spi.ListenerInvoker;
import io.netty.buffer.ByteBuf;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.CompletionStage;

/**
 * Runs one SMTP connection: dispatches command lines, feeds DATA and BDAT chunks to the transaction,
 * passes lines of an AUTH exchange to it, and upgrades to TLS after STARTTLS.
 */
final class SmtpConnectionHandler extends OrderedInputHandler {

    private final SmtpConfig config;
    private final SmtpListener listener;
    private final ListenerInvoker<MailReceiverListener> receiver;
    private final ListenerInvoker<AuthenticationListener> authentication;
    private final boolean admitted;
    private final LineReader lines;
    private SmtpSession session;
    private int errors;

    SmtpConnectionHandler(
            SmtpConfig config,
            SmtpListener listener,
            ListenerInvoker<MailReceiverListener> receiver,
            ListenerInvoker<AuthenticationListener> authentication,
            boolean admitted) {
        this.config = config;
        this.listener = listener;
        this.receiver = receiver;
        this.authentication = authentication;
        this.admitted = admitted;
        this.lines = new LineReader(config.maxLineLength());
    }

    @Override
    protected void connected() {
        session = new SmtpSession(
                        config,
                        clientAddress(context().channel().remoteAddress()),
                        new LoopBoundInvoker<>(receiver, context().executor()))
                .on(
                        listener,
                        authentication == null
                                ? null
                                : new LoopBoundInvoker<>(
                                        authentication, context().executor()),
                        context().executor());
        if (!admitted) {
            closeAfter(SmtpReplies.tooManyConnections(config.hostName()).format());
        } else if (receiver.available()) {
            writeLine(SmtpReplies.greeting(config.hostName()).format());
        } else {
            closeAfter(SmtpReplies.serviceUnavailable(config.hostName()).format());
        }
    }

    @Override
    protected boolean processInput(ByteBuf in) {
        if (session.discarding() > 0) {
            int skip = (int) Math.min(in.readableBytes(), session.discarding());
            in.skipBytes(skip);
            session.discard(session.discarding() - skip);
            return true;
        }
        if (session.readingData()) {
            MailTransaction transaction = session.transaction();
            if (transaction.readingChunk()) {
                if (transaction.readChunk(in)) {
                    chunkRead(transaction);
                }
            } else if (transaction.readData(in)) {
                session.detachTransaction();
                run(EndOfData.complete(session, transaction));
            }
            return true;
        }
        int start = in.readerIndex();
        InputLine line = lines.read(in);
        if (line == null) {
            return in.readerIndex() != start;
        }
        session.tls(TlsState.of(context().channel()).orElse(null));
        SaslExchange exchange = session.saslExchange();
        if (exchange != null) {
            continueAuth(exchange, line);
        } else if (line.tooLong()) {
            reply(SmtpReplies.LINE_TOO_LONG);
        } else {
            execute(CommandLine.parse(line.text()));
        }
        return true;
    }

    private void continueAuth(SaslExchange exchange, InputLine line) {
        if (line.tooLong()) {
            session.saslExchange(null);
            reply(SmtpReplies.AUTH_LINE_TOO_LONG);
        } else if (line.text().strip().equals("*")) {
            session.saslExchange(null);
            reply(SmtpReplies.AUTH_ABORTED);
        } else {
            run(exchange.respond(session, line.text().strip()));
        }
    }

    private void execute(CommandLine line) {
        if (line.verb().isEmpty()) {
            reply(SmtpReplies.BAD_SYNTAX);
            return;
        }
        SmtpCommand command = SmtpCommands.find(line.verb());
        if (command == null) {
            reply(SmtpReplies.COMMAND_UNRECOGNIZED);
        } else if (!command.validStates().contains(session.state())) {
            reply(command.outOfSequence(session.state()));
        } else {
            run(command.execute(session, line.argument()));
        }
    }

    /** A BDAT chunk is in: the last one completes the mail, any other is acknowledged. */
    private void chunkRead(MailTransaction transaction) {
        MessageSpool content = transaction.content();
        if (transaction.lastChunk()) {
            transaction.finishChunks();
            session.detachTransaction();
            run(EndOfData.complete(session, transaction));
        } else if (content.exceeded()) {
            session.resetTransaction();
            reply(SmtpReplies.SIZE_EXCEEDED);
        } else if (content.failure() != null) {
            session.resetTransaction();
            reply(SmtpReplies.QUEUE_WRITE_ERROR);
        } else {
            reply(SmtpReplies.chunkReceived(content.size()));
        }
    }

    private void run(CompletionStage<SmtpReply> result) {
        await(result, (reply, error) -> reply(orTemporaryFailure(reply, error)));
    }

    private static SmtpReply orTemporaryFailure(SmtpReply reply, Throwable error) {
        return error == null && reply != null ? reply : SmtpReplies.TEMPORARY_FAILURE;
    }

    private void reply(SmtpReply reply) {
        if (reply == SmtpReplies.AFTER_CHUNK) {
            MailTransaction transaction = session.transaction();
            if (!transaction.readingChunk()) {
                chunkRead(transaction); // BDAT 0
            }
            return;
        }
        if (session.quitRequested()) {
            closeAfter(reply.format());
            return;
        }
        if (session.takeTlsRequest()) {
            startTls(listener.tls(), reply.format());
            return;
        }
        writeLine(reply.format());
        if (reply.isError() && ++errors > config.maxErrors()) {
            closeAfter(SmtpReplies.tooManyErrors(config.hostName()).format());
        }
    }

    @Override
    protected void idleTimeout() {
        closeAfter(SmtpReplies.timeout(config.hostName()).format());
    }

    @Override
    protected void disconnected() {
        if (session != null) {
            session.resetTransaction();
        }
    }

    static String clientAddress(SocketAddress address) {
        return address instanceof InetSocketAddress inet && inet.getAddress() != null
                ? inet.getAddress().getHostAddress()
                : String.valueOf(address);
    }
}
