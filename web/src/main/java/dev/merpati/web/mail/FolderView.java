package dev.merpati.web.mail;

import dev.merpati.mailbox.Folder;
import dev.merpati.mailbox.MailboxService;
import dev.merpati.mailbox.MessageSummary;
import dev.merpati.mailbox.Page;
import dev.merpati.mailbox.PageRequest;
import dev.merpati.mailbox.SearchCriteria;
import dev.merpati.mailbox.SortKey;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * One page of a folder of the logged-in user, as the message list shows it: ordered and cut by the
 * store ({@code ?folder=F&page=N&sort=date|from|to|subject|size&asc=true}), with the user's folders
 * and their unread counts beside it.
 */
@Named
@RequestScoped
public class FolderView {

    static final String INBOX = "INBOX";
    static final int PAGE_SIZE = 50;

    private static final DateTimeFormatter LIST_DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    @EJB
    private MailboxService mailboxes;

    private String folder = INBOX;
    private int page;
    private String sort = "date";
    private boolean asc;
    private String query;
    private Page current;
    private List<Folder> folders;

    public List<MessageSummary> getMessages() {
        return current().messages();
    }

    private Page current() {
        if (current == null) {
            PageRequest request = new PageRequest(sortKey(), !asc, page * PAGE_SIZE, PAGE_SIZE);
            current = (query == null || query.isBlank()
                            ? mailboxes.page(folder, request)
                            : mailboxes.search(folder, SearchCriteria.text(query), request))
                    .orElse(new Page(List.of(), 0));
        }
        return current;
    }

    private SortKey sortKey() {
        try {
            return SortKey.valueOf(sort.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return SortKey.DATE;
        }
    }

    public List<Folder> getFolders() {
        if (folders == null) {
            folders = mailboxes.folders();
        }
        return folders;
    }

    public long getTotal() {
        return current().total();
    }

    public boolean isHasNext() {
        return (long) (page + 1) * PAGE_SIZE < current().total();
    }

    public boolean isHasPrevious() {
        return page > 0;
    }

    public String getFolderName() {
        return folder;
    }

    /** How the message list shows a date (Faces 4.0's date converter does not take an Instant). */
    public String listDate(Instant date) {
        return LIST_DATE.format(date);
    }

    public String getFolder() {
        return folder;
    }

    public void setFolder(String folder) {
        this.folder = folder == null || folder.isBlank() ? INBOX : folder;
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = Math.max(0, page);
    }

    public String getSort() {
        return sort;
    }

    public void setSort(String sort) {
        this.sort = sort == null ? "date" : sort;
    }

    /** The quick search: text in the subject, sender or recipients ({@code ?q=}). */
    public String getQ() {
        return query;
    }

    public void setQ(String query) {
        this.query = query;
    }

    public boolean isAsc() {
        return asc;
    }

    public void setAsc(boolean asc) {
        this.asc = asc;
    }
}
