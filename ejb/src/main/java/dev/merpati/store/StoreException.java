package dev.merpati.store;

/** A database failure of the body store; the transaction rolls back and the caller may retry. */
public class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
