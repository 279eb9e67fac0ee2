package io.tickwatch.schemas.registry.store;

/** A {@link SchemaStore} could not be opened, read or written. */
public class SchemaStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SchemaStoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public SchemaStoreException(String message) {
    super(message);
  }
}
