package io.tickwatch.schemas.serde;

import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.config.ConfigException;

/**
 * The settings the serdes read in {@code configure(Map, boolean)}, with the key names Confluent's
 * serdes use, so one client configuration works with either.
 *
 * @param schemaRegistryUrl base URL of a Confluent-compatible schema registry, for example {@code
 *     http://localhost:8081}
 * @param autoRegisterSchemas whether the serializer registers its writer schema under {@code
 *     <topic>-value} (true, the default) or only looks up the id of an already registered schema
 */
public record AvroSerdeConfig(String schemaRegistryUrl, boolean autoRegisterSchemas) {
  /** Key of the registry URL (required). */
  public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";

  /** Key of the auto-registration switch (optional, default true). */
  public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";

  /**
   * Key of the switch that makes a class-less deserializer decode into generated classes (optional,
   * default false), as in Confluent's deserializer.
   */
  public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";

  public AvroSerdeConfig {
    Objects.requireNonNull(schemaRegistryUrl, "schemaRegistryUrl");
  }

  /**
   * Reads the settings from a Kafka client configuration.
   *
   * @throws ConfigException when {@value #SCHEMA_REGISTRY_URL} is missing or blank, or {@value
   *     #AUTO_REGISTER_SCHEMAS} is neither a boolean nor "true"/"false"
   */
  public static AvroSerdeConfig fromMap(Map<String, ?> configs) {
    Object url = configs.get(SCHEMA_REGISTRY_URL);
    if (url == null || url.toString().isBlank()) {
      throw new ConfigException(
          "Missing required configuration \""
              + SCHEMA_REGISTRY_URL
              + "\": the base URL of the schema registry, for example http://localhost:8081");
    }
    return new AvroSerdeConfig(url.toString().trim(), autoRegisterSchemas(configs, true));
  }

  /**
   * Reads {@value #AUTO_REGISTER_SCHEMAS} alone.
   *
   * @param defaultValue returned when the key is absent
   * @throws ConfigException when the value is neither a boolean nor "true"/"false"
   */
  public static boolean autoRegisterSchemas(Map<String, ?> configs, boolean defaultValue) {
    return booleanValue(configs, AUTO_REGISTER_SCHEMAS, defaultValue);
  }

  /**
   * Reads {@value #SPECIFIC_AVRO_READER}: whether a deserializer built without a class decodes into
   * the generated class named by each writer schema (true) or into GenericRecord (false, default).
   *
   * @throws ConfigException when the value is neither a boolean nor "true"/"false"
   */
  public static boolean specificAvroReader(Map<String, ?> configs) {
    return booleanValue(configs, SPECIFIC_AVRO_READER, false);
  }

  private static boolean booleanValue(Map<String, ?> configs, String key, boolean defaultValue) {
    Object value = configs.get(key);
    if (value == null) {
      return defaultValue;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    String text = value.toString().trim();
    if (text.equalsIgnoreCase("true")) {
      return true;
    }
    if (text.equalsIgnoreCase("false")) {
      return false;
    }
    throw new ConfigException(key, value, "Expected true or false");
  }
}
