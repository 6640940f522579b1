package org.markguard.api;

/** The listing store could not do what was asked (unreachable, rejected). */
public class StoreException extends Exception {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
