package dev.merpati.connector.api;

import java.io.ByteArrayOutputStream;
import java.util.Locale;

/**
 * Removes a Content-Transfer-Encoding (RFC 2045) from octets pushed in pieces, so that a large part
 * is decoded while it streams, never held whole. The store counts with it what the connector later
 * sends with it, so both agree to the octet. Not thread-safe: one per stream.
 */
public abstract class TransferDecoder {

    /**
     * The decoder for an encoding name (case-insensitive; {@code null} or empty means 7bit), or
     * {@code null} when the encoding is unknown.
     */
    public static TransferDecoder forEncoding(String encoding) {
        String name = encoding == null ? "" : encoding.trim().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "", "7bit", "8bit", "binary" -> new Identity();
            case "base64" -> new Base64();
            case "quoted-printable" -> new QuotedPrintable();
            default -> null;
        };
    }

    /** Decodes the next piece; returns what is complete so far (possibly nothing). */
    public abstract byte[] decode(byte[] piece, int offset, int length);

    /** Ends the stream; returns what was held back. */
    public abstract byte[] finish();

    private static final class Identity extends TransferDecoder {
        @Override
        public byte[] decode(byte[] piece, int offset, int length) {
            return java.util.Arrays.copyOfRange(piece, offset, offset + length);
        }

        @Override
        public byte[] finish() {
            return new byte[0];
        }
    }

    /** RFC 2045 §6.8: characters outside the alphabet are ignored; '=' ends a group. */
    private static final class Base64 extends TransferDecoder {
        private int bits;
        private int count;

        @Override
        public byte[] decode(byte[] piece, int offset, int length) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(length * 3 / 4 + 3);
            for (int i = offset; i < offset + length; i++) {
                int b = piece[i] & 0xff;
                if (b == '=') {
                    flush(out);
                    continue;
                }
                int value = value(b);
                if (value < 0) {
                    continue;
                }
                bits = (bits << 6) | value;
                if (++count == 4) {
                    out.write(bits >> 16);
                    out.write(bits >> 8);
                    out.write(bits);
                    bits = 0;
                    count = 0;
                }
            }
            return out.toByteArray();
        }

        private void flush(ByteArrayOutputStream out) {
            if (count == 2) {
                out.write(bits >> 4);
            } else if (count == 3) {
                out.write(bits >> 10);
                out.write(bits >> 2);
            }
            bits = 0;
            count = 0;
        }

        @Override
        public byte[] finish() {
            ByteArrayOutputStream out = new ByteArrayOutputStream(2);
            flush(out);
            return out.toByteArray();
        }

        private static int value(int b) {
            if (b >= 'A' && b <= 'Z') {
                return b - 'A';
            }
            if (b >= 'a' && b <= 'z') {
                return b - 'a' + 26;
            }
            if (b >= '0' && b <= '9') {
                return b - '0' + 52;
            }
            return b == '+' ? 62 : b == '/' ? 63 : -1;
        }
    }

    /**
     * RFC 2045 §6.7: "=XX" is an octet, "=" at the end of a line a soft line break, whitespace at
     * the end of a line transport padding; a malformed "=" sequence is kept as it is.
     */
    private static final class QuotedPrintable extends TransferDecoder {
        /** 0: text; 1: after '='; 2: after '=' and one hex digit; 3: after '=' and CR. */
        private int state;

        private int firstDigit;
        private final ByteArrayOutputStream blanks = new ByteArrayOutputStream();

        @Override
        public byte[] decode(byte[] piece, int offset, int length) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(length);
            for (int i = offset; i < offset + length; i++) {
                accept(piece[i] & 0xff, out);
            }
            return out.toByteArray();
        }

        private void accept(int b, ByteArrayOutputStream out) {
            switch (state) {
                case 1 -> {
                    if (hex(b) >= 0) {
                        firstDigit = b;
                        state = 2;
                    } else if (b == '\r') {
                        state = 3;
                    } else if (b == '\n') {
                        state = 0;
                    } else {
                        out.write('=');
                        state = 0;
                        accept(b, out);
                    }
                }
                case 2 -> {
                    state = 0;
                    if (hex(b) >= 0) {
                        out.write(hex(firstDigit) << 4 | hex(b));
                    } else {
                        out.write('=');
                        out.write(firstDigit);
                        accept(b, out);
                    }
                }
                case 3 -> {
                    state = 0;
                    if (b != '\n') {
                        accept(b, out);
                    }
                }
                default -> {
                    if (b == ' ' || b == '\t') {
                        blanks.write(b);
                        return;
                    }
                    if (b == '\r' || b == '\n') {
                        blanks.reset();
                    } else {
                        out.writeBytes(blanks.toByteArray());
                        blanks.reset();
                    }
                    if (b == '=') {
                        state = 1;
                    } else {
                        out.write(b);
                    }
                }
            }
        }

        @Override
        public byte[] finish() {
            ByteArrayOutputStream out = new ByteArrayOutputStream(2);
            if (state == 1) {
                out.write('=');
            } else if (state == 2) {
                out.write('=');
                out.write(firstDigit);
            }
            state = 0;
            blanks.reset();
            return out.toByteArray();
        }

        private static int hex(int b) {
            if (b >= '0' && b <= '9') {
                return b - '0';
            }
            if (b >= 'A' && b <= 'F') {
                return b - 'A' + 10;
            }
            if (b >= 'a' && b <= 'f') {
                return b - 'a' + 10;
            }
            return -1;
        }
    }
}
