package dev.merpati.web.mail;

import dev.merpati.mailbox.MailboxQueries;
import dev.merpati.mailbox.MessageSummary;
import dev.merpati.web.security.CurrentAccount;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The message list of one folder of the logged-in user (INBOX for now). */
@Named
@RequestScoped
public class FolderView {

    static final String INBOX = "INBOX";

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
}
