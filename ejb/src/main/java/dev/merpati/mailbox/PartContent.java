package dev.merpati.mailbox;

import java.io.InputStream;

/**
 * One part of a message: its description and its content with the transfer encoding removed, read
 * from the store while the stream is read. The caller closes the stream.
 */
public record PartContent(MimeNode part, InputStream content) {}
