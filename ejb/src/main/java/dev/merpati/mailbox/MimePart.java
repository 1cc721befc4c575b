package dev.merpati.mailbox;

import java.util.ArrayList;
import java.util.List;

/**
 * One entity of a message's MIME structure with its octet offsets in the stored message: header
 * from {@code headerStart} to {@code bodyStart}, body to {@code bodyEnd}. A multipart has children;
 * a message/rfc822 part has the encapsulated message as {@code message}.
 */
final class MimePart {

    long headerStart;
    long bodyStart;
    long bodyEnd;
    long lines;
    byte[] header = new byte[0];
    String type = "text";
    String subtype = "plain";
    List<String[]> parameters = new ArrayList<>();
    String id;
    String description;
    String encoding = "7BIT";
    String md5;
    String disposition;
    List<String[]> dispositionParameters = new ArrayList<>();
    String language;
    String location;
    final List<MimePart> children = new ArrayList<>();
    MimePart message;

    boolean isMultipart() {
        return type.equalsIgnoreCase("multipart");
    }

    boolean isMessage() {
        return type.equalsIgnoreCase("message")
                && (subtype.equalsIgnoreCase("rfc822") || subtype.equalsIgnoreCase("global"));
    }
}
