package example;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a Tickwatch topic with nothing but kafka-clients, Avro and Jackson: each value is in the
 * Confluent wire format (byte 0x00, a 4-byte big-endian schema id, Avro binary), the writer schema
 * comes from the registry's REST API ({@code GET /schemas/ids/<id>}, cached), and the record is
 * decoded as a GenericRecord. With Confluent's own {@code KafkaAvroDeserializer} on your class
 * path, set {@code value.deserializer} to it instead and drop {@link #decode} (docs/topics.md).
 *
 * <pre>
 * mvn -q compile exec:java -Dexec.args="tickwatch.anomalies localhost:9092 http://localhost:8081"
 * </pre>
 */
public final class TickwatchConsumer {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newHttpClient();
  private final String registryUrl;
  private final Map<Integer, GenericDatumReader<GenericRecord>> readers = new HashMap<>();

  public TickwatchConsumer(String registryUrl) {
    this.registryUrl = registryUrl.replaceAll("/+$", "");
  }

  public static void main(String[] args) throws Exception {
    String topic = args.length > 0 ? args[0] : "tickwatch.anomalies";
    String bootstrap = args.length > 1 ? args[1] : "localhost:9092";
    String registry = args.length > 2 ? args[2] : "http://localhost:8081";
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "example-consumer");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    // Tickwatch's streams apps write with exactly-once: read only committed records
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    TickwatchConsumer decoder = new TickwatchConsumer(registry);
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      while (true) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
          System.out.println(record.key() + " " + decoder.decode(record.value()));
        }
      }
    }
  }

  /** One wire-format value as a GenericRecord, or null for a tombstone. */
  public GenericRecord decode(byte[] value) throws IOException, InterruptedException {
    if (value == null) {
      return null;
    }
    ByteBuffer buffer = ByteBuffer.wrap(value);
    if (value.length < 5 || buffer.get() != 0) {
      throw new IOException("not the Confluent wire format");
    }
    int schemaId = buffer.getInt();
    GenericDatumReader<GenericRecord> reader = readers.get(schemaId);
    if (reader == null) {
      reader = new GenericDatumReader<>(fetchSchema(schemaId));
      readers.put(schemaId, reader);
    }
    return reader.read(
        null, DecoderFactory.get().binaryDecoder(value, 5, value.length - 5, null));
  }

  private Schema fetchSchema(int schemaId) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(registryUrl + "/schemas/ids/" + schemaId)).build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("registry answered " + response.statusCode() + ": " + response.body());
    }
    return new Schema.Parser().parse(JSON.readTree(response.body()).get("schema").asText());
  }
}
