package dev.merpati.mailbox;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeUtility;
import java.io.InputStream;
import java.util.Locale;

/** Removes a part's Content-Transfer-Encoding while the part is read (Jakarta Mail's decoders stream). */
final class TransferDecoding {

    private TransferDecoding() {}

    /** The decoded content; an unknown encoding is passed on as stored. */
    static InputStream decode(InputStream raw, MimeNode part) {
        String encoding = part.transferEncoding().toLowerCase(Locale.ROOT);
        if (part.isMultipart() || part.isMessage()) {
            return raw; // composite parts are never encoded (RFC 2045 §6.4)
        }
        try {
            return switch (encoding) {
                case "base64", "quoted-printable", "uuencode", "x-uuencode", "x-uue" -> MimeUtility.decode(
                        raw, encoding);
                default -> raw;
            };
        } catch (MessagingException e) {
            return raw;
        }
    }
}
