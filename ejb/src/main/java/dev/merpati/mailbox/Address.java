package dev.merpati.mailbox;

/**
 * One address of a header field.
 *
 * @param name the display name, decoded (RFC 2047), or {@code null}
 * @param address the addr-spec ("user@example.org"), "" for a group's start
 */
public record Address(String name, String address) {

    /** "Name <address>", or the address alone. */
    public String display() {
        return name == null || name.isBlank() ? address : name + " <" + address + ">";
    }

    /** What a list column shows: the name, else the address. */
    public String shortDisplay() {
        return name == null || name.isBlank() ? address : name;
    }
}
