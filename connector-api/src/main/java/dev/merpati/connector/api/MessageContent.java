package dev.merpati.connector.api;

import java.io.IOException;
import java.io.InputStream;

/**
 * Message bytes handed across the connector boundary by reference, so that a large message is
 * streamed from where it was spooled instead of being copied into one array.
 */
public interface MessageContent {

    /** The exact size in octets. */
    long size();

    /** A new stream over the whole content; the caller closes it. */
    InputStream openStream() throws IOException;
}
