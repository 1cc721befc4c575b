package dev.merpati.connector.imap.command;

import org.junit.jupiter.api.Test;

/** THREAD's answer syntax (RFC 5256 §5); the command on the wire is in ImapSortThreadTest. */
class ThreadCommandTest {

    @Test
    void threadListSyntax() {
        var chain = new dev.merpati.connector.api.MessageThread(
                3,
                java.util.List.of(new dev.merpati.connector.api.MessageThread(
                        6,
                        java.util.List.of(
                                new dev.merpati.connector.api.MessageThread(
                                        4,
                                        java.util.List.of(
                                                new dev.merpati.connector.api.MessageThread(23, java.util.List.of()))),
                                new dev.merpati.connector.api.MessageThread(
                                        44,
                                        java.util.List.of(new dev.merpati.connector.api.MessageThread(
                                                7,
                                                java.util.List.of(new dev.merpati.connector.api.MessageThread(
                                                        96, java.util.List.of())))))))));
        StringBuilder out = new StringBuilder();
        ThreadCommand.members(out, chain, n -> n);
        // RFC 5256 §4's example thread
        org.junit.jupiter.api.Assertions.assertEquals("3 6 (4 23)(44 7 96)", out.toString());
        var placeholder = new dev.merpati.connector.api.MessageThread(
                0,
                java.util.List.of(
                        new dev.merpati.connector.api.MessageThread(3, java.util.List.of()),
                        new dev.merpati.connector.api.MessageThread(5, java.util.List.of())));
        out = new StringBuilder();
        ThreadCommand.members(out, placeholder, n -> n);
        org.junit.jupiter.api.Assertions.assertEquals("(3)(5)", out.toString());
    }
}
