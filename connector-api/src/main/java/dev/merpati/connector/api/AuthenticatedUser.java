package dev.merpati.connector.api;

/** An account whose credentials were checked. */
public record AuthenticatedUser(long accountId, String address) {

    /**
     * The group every logged-in mail user is in: calls made for the user carry it, and the
     * application maps it to its mail user role.
     */
    public static final String MAIL_USER_GROUP = "mailuser";
}
