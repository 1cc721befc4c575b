package dev.merpati.connector.api;

/** An account whose credentials were checked. */
public record AuthenticatedUser(long accountId, String address) {}
