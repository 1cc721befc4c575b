package dev.merpati.mailbox;

/** The roles the container checks before a call reaches mail. */
public final class MailRoles {

    /** A person with a mail account: reads and changes their own mail. */
    public static final String MAIL_USER = "mailuser";

    /** An operator: manages accounts, domains and the queue. */
    public static final String MAIL_ADMIN = "mailadmin";

    private MailRoles() {}
}
