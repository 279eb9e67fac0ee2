package io.tickwatch.schemas.profile;

/** A set of {@link io.tickwatch.avro.ProfileChunk} records that cannot form one valid report. */
public final class ProfileChunkException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what is wrong, naming the profile id and chunk index involved
   */
  public ProfileChunkException(String message) {
    super(message);
  }

  /**
   * @param message what is wrong
   * @param cause the underlying failure (for example a corrupt gzip stream)
   */
  public ProfileChunkException(String message, Throwable cause) {
    super(message, cause);
  }
}
