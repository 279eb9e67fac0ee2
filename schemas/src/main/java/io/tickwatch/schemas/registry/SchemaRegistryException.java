package io.tickwatch.schemas.registry;

/**
 * A registry request that failed: refused by the registry (with its HTTP status and Confluent error
 * code) or not answered at all (status 0).
 */
public class SchemaRegistryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Confluent error code: subject not found. */
  public static final int SUBJECT_NOT_FOUND = 40401;

  /** Confluent error code: version not found. */
  public static final int VERSION_NOT_FOUND = 40402;

  /** Confluent error code: schema not found. */
  public static final int SCHEMA_NOT_FOUND = 40403;

  /** Confluent error code (same as the HTTP status): incompatible schema. */
  public static final int INCOMPATIBLE_SCHEMA = 409;

  /** Confluent error code: invalid schema. */
  public static final int INVALID_SCHEMA = 42201;

  /** Confluent error code: invalid version. */
  public static final int INVALID_VERSION = 42202;

  /** Confluent error code: invalid compatibility level. */
  public static final int INVALID_COMPATIBILITY_LEVEL = 42203;

  private final int httpStatus;
  private final int errorCode;

  public SchemaRegistryException(int httpStatus, int errorCode, String message) {
    super(message);
    this.httpStatus = httpStatus;
    this.errorCode = errorCode;
  }

  public SchemaRegistryException(String message, Throwable cause) {
    super(message, cause);
    this.httpStatus = 0;
    this.errorCode = 0;
  }

  /** HTTP status of the registry's answer, or 0 when the registry could not be reached. */
  public int httpStatus() {
    return httpStatus;
  }

  /** Confluent error code from the response body, or 0 when there was none. */
  public int errorCode() {
    return errorCode;
  }
}
