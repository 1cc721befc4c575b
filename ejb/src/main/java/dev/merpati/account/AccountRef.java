package dev.merpati.account;

/** An account as callers outside the store see it. */
public record AccountRef(long id, String address) {}
