package dev.merpati.connector.smtp;

import java.util.concurrent.CompletionStage;

/** An AUTH exchange in progress (RFC 4954): the client's next line answers our 334 challenge. */
@FunctionalInterface
interface SaslExchange {

    /** @param response the client's line, base64; never "*" (the server handles the abort) */
    CompletionStage<SmtpReply> respond(SmtpSession session, String response);
}
