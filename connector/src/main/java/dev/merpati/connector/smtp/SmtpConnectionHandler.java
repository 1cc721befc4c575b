package dev.merpati.connector.smtp;

import dev.merpati.connector.api.MailReceiverListener;
import dev.merpati.connector.net.InputLine;
import dev.merpati.connector.net.LineReader;
import dev.merpati.connector.net.LoopBoundInvoker;
import dev.merpati.connector.net.OrderedInputHandler;
import dev.merpati.connector.spi.ListenerInvoker;
import io.netty.buffer.ByteBuf;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.CompletionStage;

/** Runs one SMTP connection: dispatches command lines, feeds DATA to its transaction. */
final class SmtpConnectionHandler extends OrderedInputHandler {

    private final SmtpConfig config;
    private final ListenerInvoker<MailReceiverListener> receiver;
    private final LineReader lines;
    private SmtpSession session;
    private int errors;

    SmtpConnectionHandler(SmtpConfig config, ListenerInvoker<MailReceiverListener> receiver) {
        this.config = config;
        this.receiver = receiver;
        this.lines = new LineReader(config.maxLineLength());
    }

    @Override
    protected void connected() {
        session = new SmtpSession(
                config,
                clientAddress(context().channel().remoteAddress()),
                new LoopBoundInvoker<>(receiver, context().executor()));
        if (receiver.available()) {
            writeLine(SmtpReplies.greeting(config.hostName()).format());
        } else {
            closeAfter(SmtpReplies.serviceUnavailable(config.hostName()).format());
        }
    }

    @Override
    protected boolean processInput(ByteBuf in) {
        if (session.readingData()) {
            MailTransaction transaction = session.transaction();
            if (transaction.readData(in)) {
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
        if (line.tooLong()) {
            reply(SmtpReplies.LINE_TOO_LONG);
        } else {
            execute(CommandLine.parse(line.text()));
        }
        return true;
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

    private void run(CompletionStage<SmtpReply> result) {
        await(result, (reply, error) -> reply(orTemporaryFailure(reply, error)));
    }

    private static SmtpReply orTemporaryFailure(SmtpReply reply, Throwable error) {
        return error == null && reply != null ? reply : SmtpReplies.TEMPORARY_FAILURE;
    }

    private void reply(SmtpReply reply) {
        if (session.quitRequested()) {
            closeAfter(reply.format());
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

    private static String clientAddress(SocketAddress address) {
        return address instanceof InetSocketAddress inet && inet.getAddress() != null
                ? inet.getAddress().getHostAddress()
                : String.valueOf(address);
    }
}
