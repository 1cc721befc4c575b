package dev.merpati.web.mail;

import dev.merpati.mailbox.MailboxService;
import dev.merpati.mailbox.MessageSummary;
import dev.merpati.mailbox.Page;
import dev.merpati.mailbox.PageRequest;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The first page of one folder of the logged-in user (INBOX for now), newest first. */
@Named
@RequestScoped
public class FolderView {

    static final String INBOX = "INBOX";

    private static final DateTimeFormatter LIST_DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    static final int PAGE_SIZE = 50;

    @EJB
    private MailboxService mailboxes;

    private List<MessageSummary> messages;

    public String getFolderName() {
        return INBOX;
    }

    public List<MessageSummary> getMessages() {
        if (messages == null) {
            messages = mailboxes
                    .page(INBOX, PageRequest.newestFirst(0, PAGE_SIZE))
                    .map(Page::messages)
                    .orElse(List.of());
        }
        return messages;
    }

    /** How the message list shows a date (Faces 4.0's date converter does not take an Instant). */
    public String listDate(Instant date) {
        return LIST_DATE.format(date);
    }
}
