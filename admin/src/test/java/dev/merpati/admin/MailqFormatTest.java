package dev.merpati.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.merpati.queue.QueueListing;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MailqFormatTest {

    @Test
    void oneBlockPerEntry() {
        var entry = new QueueListing(
                "000000000A",
                1234,
                Instant.parse("2025-03-04T05:06:07Z"),
                "",
                "ACTIVE",
                2,
                "4.4.0 later",
                Instant.parse("2025-03-04T05:21:07Z"),
                List.of(
                        new QueueListing.Recipient("team@x.test", "EXPANDED", null, null),
                        new QueueListing.Recipient("far@y.test", "DEFERRED", "4.4.0\r\nlater", "team@x.test")));
        assertEquals(
                "000000000A ACTIVE 1234 2025-03-04T05:06:07Z <> attempts=2 next=2025-03-04T05:21:07Z (4.4.0 later)\n"
                        + "  team@x.test EXPANDED\n"
                        + "  far@y.test DEFERRED from=team@x.test (4.4.0 later)\n"
                        + "-- 1 entry\n",
                MailqFormat.format(List.of(entry)));
    }
}
