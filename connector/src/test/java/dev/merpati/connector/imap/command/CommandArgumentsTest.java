package dev.merpati.connector.imap.command;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.merpati.connector.imap.codec.CommandInput;
import org.junit.jupiter.api.Test;

/** Argument handling of single commands that needs no server: APPEND's message literal, LIST patterns. */
class CommandArgumentsTest {

    @Test
    void appendMessageLiteralIsRecognisedWhileFraming() {
        assertTrue(AppendCommand.isMessageLiteral(CommandInput.of("a APPEND INBOX {10}")));
        assertTrue(AppendCommand.isMessageLiteral(
                CommandInput.of("a APPEND INBOX (\\Seen) \"05-Jan-2024 10:00:00 +0100\" {10+}")));
        assertFalse(AppendCommand.isMessageLiteral(CommandInput.of("a APPEND {5}")), "the folder name");
        assertFalse(AppendCommand.isMessageLiteral(CommandInput.of("a LOGIN {5}")));
    }

    @Test
    void listPatterns() {
        assertTrue(ListCommand.matches("*", "Archive/2024"));
        assertFalse(ListCommand.matches("%", "Archive/2024"));
        assertTrue(ListCommand.matches("Archive/%", "Archive/2024"));
        assertTrue(ListCommand.matches("inbox", "INBOX"));
        assertTrue(ListCommand.matches("In%", "INBOX"));
        assertFalse(ListCommand.matches("in%", "Inner"));
        assertTrue(ListCommand.matches("*4", "Archive/2024"));
        assertFalse(ListCommand.matches("*".repeat(30) + "x", "a".repeat(200)));
    }
}
