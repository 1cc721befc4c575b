package dev.merpati.connector.net;

/**
 * A command line without its line ending, or the marker for a line that exceeded the limit (its text
 * was discarded).
 */
public record InputLine(String text, boolean tooLong) {

    public static final InputLine TOO_LONG = new InputLine("", true);

    public static InputLine of(String text) {
        return new InputLine(text, false);
    }
}
