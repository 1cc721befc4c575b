package dev.merpati.connector.imap.codec;

/** A command that does not follow the IMAP grammar: answered with BAD. */
public final class ImapSyntaxException extends Exception {

    private static final long serialVersionUID = 1L;

    public ImapSyntaxException(String message) {
        super(message, null, false, false);
    }
}
