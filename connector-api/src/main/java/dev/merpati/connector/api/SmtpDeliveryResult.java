package dev.merpati.connector.api;

/**
 * What the remote server (or the client, for a connection failure: code 0 is never sent by a
 * server and counts as temporary) said about one recipient.
 *
 * @param code the three-digit reply code, or 0 if the server could not be talked to
 * @param text the reply text, with the enhanced status code (e.g. "5.1.1 no such user") in front
 */
public record SmtpDeliveryResult(String recipient, int code, String text) {

    public boolean accepted() {
        return code >= 200 && code < 300;
    }

    public boolean permanent() {
        return code >= 500 && code < 600;
    }

    /** "4.4.1 ..." for a connection failure, else the enhanced code the text starts with, if any. */
    public String enhancedCode() {
        int space = text.indexOf(' ');
        String first = space < 0 ? text : text.substring(0, space);
        return first.matches("[245]\\.\\d{1,3}\\.\\d{1,3}") ? first : "";
    }
}
