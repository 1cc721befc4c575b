package dev.merpati.mailbox;

import java.util.List;
import java.util.Map;

/**
 * One entity of a message's MIME structure.
 *
 * @param path the part number as IMAP names it ("1.2"); "" for the message itself
 * @param type lower case, e.g. "text"
 * @param subtype lower case, e.g. "html"
 * @param parameters the Content-Type parameters, names in lower case, values decoded (RFC 2231)
 * @param disposition "inline", "attachment" or {@code null}
 * @param fileName the decoded file name (disposition or Content-Type name), or {@code null}
 * @param charset the charset parameter, or {@code null}
 * @param transferEncoding lower case, "7bit" when absent
 * @param size the octets of its body as stored (still transfer-encoded)
 * @param lines the lines of its body
 * @param children the parts of a multipart, or the one message a message/rfc822 part holds
 */
public record MimeNode(
        String path,
        String type,
        String subtype,
        Map<String, String> parameters,
        String disposition,
        String fileName,
        String charset,
        String transferEncoding,
        String contentId,
        long size,
        long lines,
        List<MimeNode> children) {

    public MimeNode {
        parameters = Map.copyOf(parameters);
        children = List.copyOf(children);
    }

    public String mimeType() {
        return type + "/" + subtype;
    }

    public boolean isMultipart() {
        return type.equals("multipart");
    }

    /** A whole message inside this one (message/rfc822 or message/global). */
    public boolean isMessage() {
        return type.equals("message") && (subtype.equals("rfc822") || subtype.equals("global"));
    }

    /** Whether a reader would call this part an attachment: marked so, or a named non-text leaf. */
    public boolean isAttachment() {
        if ("attachment".equals(disposition)) {
            return true;
        }
        return children.isEmpty() && !isMultipart() && fileName != null && !"inline".equals(disposition);
    }

    /** Whether the message has an attachment anywhere below this part. */
    public boolean hasAttachment() {
        return isAttachment() || children.stream().anyMatch(MimeNode::hasAttachment);
    }

    /** The part with the given path below (or at) this one, or {@code null}. */
    public MimeNode find(String wanted) {
        if (path.equals(wanted)) {
            return this;
        }
        for (MimeNode child : children) {
            MimeNode found = child.find(wanted);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
