package dev.merpati.connector.spi;

/** No listener could take a call now; the protocol answers with a temporary failure. */
public class ListenerUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ListenerUnavailableException(String message) {
        super(message);
    }

    public ListenerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
