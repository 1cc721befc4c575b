package dev.merpati.mailbox;

import java.util.List;

/** A page of a folder's message list and how many messages the whole list has. */
public record Page(List<MessageSummary> messages, long total) {

    public Page {
        messages = List.copyOf(messages);
    }
}
