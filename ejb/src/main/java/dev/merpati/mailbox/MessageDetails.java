package dev.merpati.mailbox;

/** One message as a read view needs it: its list line, the whole envelope and the MIME structure. */
public record MessageDetails(long folderId, MessageSummary summary, Envelope envelope, MimeNode structure) {}
