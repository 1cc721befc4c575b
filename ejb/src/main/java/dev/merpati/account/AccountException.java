package dev.merpati.account;

import jakarta.ejb.ApplicationException;

/** An account cannot be created as asked (bad address, already exists, empty password). */
@ApplicationException(rollback = true)
public class AccountException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AccountException(String message) {
        super(message);
    }
}
