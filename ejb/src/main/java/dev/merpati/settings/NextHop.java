package dev.merpati.settings;

/** A server that mail is sent to by SMTP: a host name or address, and a port. */
public record NextHop(String host, int port) {

    /** The port of a next hop that names none. */
    public static final int SMTP_PORT = 25;
}
