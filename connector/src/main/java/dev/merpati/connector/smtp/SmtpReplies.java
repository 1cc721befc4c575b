package dev.merpati.connector.smtp;

import java.util.ArrayList;
import java.util.List;

/**
 * Every reply the SMTP server sends, with its reply code (RFC 5321) and enhanced status code
 * (RFC 3463); wording follows Postfix so that operators and scripts recognise it.
 */
public final class SmtpReplies {

    public static final SmtpReply OK = SmtpReply.of(250, "2.0.0", "Ok");
    public static final SmtpReply SENDER_OK = SmtpReply.of(250, "2.1.0", "Ok");
    public static final SmtpReply RECIPIENT_OK = SmtpReply.of(250, "2.1.5", "Ok");
    public static final SmtpReply START_DATA = SmtpReply.plain(354, "End data with <CR><LF>.<CR><LF>");
    public static final SmtpReply BYE = SmtpReply.of(221, "2.0.0", "Bye");
    public static final SmtpReply CANNOT_VRFY =
            SmtpReply.of(252, "2.0.0", "Cannot VRFY user, but will accept message and attempt delivery");
    public static final SmtpReply HELP = SmtpReply.of(
            214, "2.0.0", "Commands: EHLO HELO MAIL RCPT DATA BDAT RSET NOOP QUIT VRFY HELP STARTTLS AUTH");

    public static final SmtpReply COMMAND_UNRECOGNIZED = SmtpReply.of(500, "5.5.2", "Error: command not recognized");
    public static final SmtpReply BAD_SYNTAX = SmtpReply.of(500, "5.5.2", "Error: bad syntax");
    public static final SmtpReply LINE_TOO_LONG = SmtpReply.of(500, "5.5.2", "Error: line too long");
    public static final SmtpReply SEND_HELO_FIRST = SmtpReply.of(503, "5.5.1", "Error: send HELO/EHLO first");
    public static final SmtpReply NESTED_MAIL = SmtpReply.of(503, "5.5.1", "Error: nested MAIL command");
    public static final SmtpReply NEED_MAIL = SmtpReply.of(503, "5.5.1", "Error: need MAIL command");
    public static final SmtpReply NEED_RCPT = SmtpReply.of(503, "5.5.1", "Error: need RCPT command");
    public static final SmtpReply BAD_SENDER = SmtpReply.of(501, "5.1.7", "Bad sender address syntax");
    public static final SmtpReply BAD_RECIPIENT = SmtpReply.of(501, "5.1.3", "Bad recipient address syntax");
    public static final SmtpReply BAD_BODY = SmtpReply.of(501, "5.5.4", "Bad BODY parameter");
    public static final SmtpReply BAD_SIZE = SmtpReply.of(501, "5.5.4", "Bad SIZE parameter");
    public static final SmtpReply NO_VALID_RECIPIENTS = SmtpReply.of(554, "5.5.1", "Error: no valid recipients");
    public static final SmtpReply SIZE_EXCEEDED = SmtpReply.of(552, "5.3.4", "Message size exceeds fixed limit");
    public static final SmtpReply TOO_MANY_RECIPIENTS = SmtpReply.of(452, "4.5.3", "Error: too many recipients");
    public static final SmtpReply QUEUE_WRITE_ERROR = SmtpReply.of(451, "4.3.0", "Error: queue file write error");
    public static final SmtpReply TEMPORARY_FAILURE = SmtpReply.of(451, "4.3.0", "Error: temporary failure");
    public static final SmtpReply SENDER_CHECK_FAILURE =
            SmtpReply.of(451, "4.3.0", "Error: temporary failure checking the sender address");

    public static final SmtpReply READY_TO_START_TLS = SmtpReply.of(220, "2.0.0", "Ready to start TLS");
    public static final SmtpReply TLS_NOT_AVAILABLE = SmtpReply.of(502, "5.5.1", "Error: command not implemented");
    public static final SmtpReply TLS_ALREADY_ACTIVE = SmtpReply.of(554, "5.5.1", "Error: TLS already active");
    public static final SmtpReply AUTH_SUCCEEDED = SmtpReply.of(235, "2.7.0", "Authentication successful");
    public static final SmtpReply AUTH_FAILED = SmtpReply.of(535, "5.7.8", "Error: authentication failed");
    public static final SmtpReply AUTH_NOT_ENABLED = SmtpReply.of(503, "5.5.1", "Error: authentication not enabled");
    public static final SmtpReply ALREADY_AUTHENTICATED = SmtpReply.of(503, "5.5.1", "Error: already authenticated");
    public static final SmtpReply AUTH_IN_TRANSACTION =
            SmtpReply.of(503, "5.5.1", "Error: MAIL transaction in progress");
    public static final SmtpReply ENCRYPTION_REQUIRED =
            SmtpReply.of(538, "5.7.11", "Encryption required for requested authentication mechanism");
    public static final SmtpReply UNKNOWN_MECHANISM = SmtpReply.of(504, "5.5.4", "Unrecognized authentication type");
    public static final SmtpReply AUTH_ABORTED = SmtpReply.of(501, "5.7.0", "Authentication aborted");
    public static final SmtpReply CANNOT_DECODE = SmtpReply.of(501, "5.5.2", "Cannot decode response");
    public static final SmtpReply AUTH_LINE_TOO_LONG =
            SmtpReply.of(500, "5.5.6", "Authentication exchange line is too long");
    public static final SmtpReply AUTH_UNAVAILABLE = SmtpReply.of(454, "4.7.0", "Temporary authentication failure");
    public static final SmtpReply AUTH_REQUIRED = SmtpReply.of(530, "5.7.0", "Authentication required");
    public static final SmtpReply BAD_SMTPUTF8 = SmtpReply.of(501, "5.5.4", "Bad SMTPUTF8 parameter");
    public static final SmtpReply UTF8_NEEDS_SMTPUTF8 =
            SmtpReply.of(553, "5.6.7", "Address needs the SMTPUTF8 parameter");
    public static final SmtpReply BAD_RET = SmtpReply.of(501, "5.5.4", "Bad RET parameter");
    public static final SmtpReply BAD_ENVID = SmtpReply.of(501, "5.5.4", "Bad ENVID parameter");
    public static final SmtpReply BAD_NOTIFY = SmtpReply.of(501, "5.5.4", "Bad NOTIFY parameter");
    public static final SmtpReply BAD_ORCPT = SmtpReply.of(501, "5.5.4", "Bad ORCPT parameter");
    public static final SmtpReply BAD_BDAT = SmtpReply.of(501, "5.5.4", "Syntax: BDAT size [LAST]");
    public static final SmtpReply DATA_AFTER_BDAT =
            SmtpReply.of(503, "5.5.1", "Error: DATA after BDAT in one transaction");

    /** Not sent: the reply to an accepted BDAT comes once its chunk has been read. */
    public static final SmtpReply AFTER_CHUNK = SmtpReply.plain(250, "(after the chunk)");

    private SmtpReplies() {}

    public static SmtpReply greeting(String hostName) {
        return SmtpReply.plain(220, hostName + " ESMTP Merpati");
    }

    public static SmtpReply serviceUnavailable(String hostName) {
        return SmtpReply.of(421, "4.3.2", hostName + " Service not available, closing transmission channel");
    }

    public static SmtpReply tooManyErrors(String hostName) {
        return SmtpReply.of(421, "4.7.0", hostName + " Error: too many errors");
    }

    public static SmtpReply timeout(String hostName) {
        return SmtpReply.of(421, "4.4.2", hostName + " Error: timeout exceeded");
    }

    public static SmtpReply tooManyConnections(String hostName) {
        return SmtpReply.of(421, "4.7.0", hostName + " Error: too many connections");
    }

    public static SmtpReply tooManyAuthFailures(String hostName) {
        return SmtpReply.of(421, "4.7.0", hostName + " Error: too many failed authentications");
    }

    /** A SASL challenge, base64 (empty for PLAIN without initial response). */
    public static SmtpReply challenge(String base64) {
        return SmtpReply.plain(334, base64);
    }

    public static SmtpReply senderNotOwned(String sender, String user) {
        return SmtpReply.of(553, "5.7.1", "<" + sender + ">: Sender address rejected: not owned by user " + user);
    }

    public static SmtpReply chunkReceived(long octets) {
        return SmtpReply.of(250, "2.0.0", "Ok: " + octets + " octets received");
    }

    public static SmtpReply helo(String hostName) {
        return SmtpReply.plain(250, hostName);
    }

    public static SmtpReply ehlo(String hostName, long maxMessageSize) {
        return ehlo(hostName, maxMessageSize, false, false);
    }

    /** The EHLO reply: the extensions in Postfix's order, STARTTLS and AUTH only where offered. */
    public static SmtpReply ehlo(String hostName, long maxMessageSize, boolean startTls, boolean auth) {
        List<String> lines = new ArrayList<>(List.of(hostName, "PIPELINING", "SIZE " + maxMessageSize));
        if (startTls) {
            lines.add("STARTTLS");
        }
        if (auth) {
            lines.add("AUTH PLAIN LOGIN");
        }
        lines.addAll(List.of("ENHANCEDSTATUSCODES", "8BITMIME", "DSN", "SMTPUTF8", "CHUNKING"));
        return new SmtpReply(250, lines);
    }

    /** 501: the command's argument does not parse; {@code usage} shows the expected form. */
    public static SmtpReply syntax(String usage) {
        return SmtpReply.of(501, "5.5.4", "Syntax: " + usage);
    }

    public static SmtpReply unsupportedParameter(String parameter) {
        return SmtpReply.of(555, "5.5.4", "Unsupported option: " + parameter);
    }

    public static SmtpReply unknownUser(String recipient) {
        return SmtpReply.of(
                550, "5.1.1", "<" + recipient + ">: Recipient address rejected: User unknown in local recipient table");
    }

    public static SmtpReply relayDenied(String recipient) {
        return SmtpReply.of(554, "5.7.1", "<" + recipient + ">: Relay access denied");
    }

    /** VRFY of an existing local user (RFC 5321 §3.5.3). */
    public static SmtpReply verified(String address) {
        return SmtpReply.of(250, "2.0.0", "<" + address + ">");
    }

    public static SmtpReply recipientLookupFailure(String recipient) {
        return SmtpReply.of(451, "4.3.0", "<" + recipient + ">: Temporary lookup failure");
    }

    public static SmtpReply queued(String queueId) {
        return SmtpReply.of(250, "2.0.0", "Ok: queued as " + queueId);
    }
}
