package dev.merpati.web.mail;

import dev.merpati.mailbox.MailboxQueries;
import dev.merpati.mailbox.MessageSummary;
import dev.merpati.web.security.CurrentAccount;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The message list of one folder of the logged-in user (INBOX for now). */
@Named
@RequestScoped
public class FolderView {

    static final String INBOX = "INBOX";

    private static final DateTimeFormatter LIST_DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    @Inject
    private CurrentAccount currentAccount;

    @EJB
    private MailboxQueries mailboxes;

    private List<MessageSummary> messages;

    public String getFolderName() {
        return INBOX;
    }

    public List<MessageSummary> getMessages() {
        if (messages == null) {
            messages = mailboxes.listFolder(currentAccount.get().id(), INBOX);
        }
        return messages;
    }

    /** How the message list shows a date (Faces 4.0's date converter does not take an Instant). */
    public String listDate(Instant date) {
        return LIST_DATE.format(date);
    }
}
