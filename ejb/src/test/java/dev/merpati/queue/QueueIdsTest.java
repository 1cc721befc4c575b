package dev.merpati.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class QueueIdsTest {

    @Test
    void queueIdIsUpperCaseHex() {
        assertEquals("00000000FF", QueueIds.of(255));
        assertEquals("7FFFFFFFFFFFFFFF", QueueIds.of(Long.MAX_VALUE));
    }

    @Test
    void duplicateRecipientsAreDroppedCaseInsensitively() {
        assertEquals(
                List.of("Bob@merpati.test", "carol@merpati.test"),
                List.copyOf(QueueRepository.uniqueRecipients(
                        List.of("Bob@merpati.test", "bob@MERPATI.test", " carol@merpati.test", ""))));
    }
}
