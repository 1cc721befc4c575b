package dev.merpati.mailbox;

/** A message named by its id in the store and its UID in the folder, with its size in octets. */
public record MessageRef(long id, long uid, long size) {}
