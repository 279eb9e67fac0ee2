package io.tickwatch.schemas.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tickwatch.avro.MetricSeries;
import io.tickwatch.avro.SampleBatch;
import io.tickwatch.schemas.registry.RestSchemaRegistryClient;
import io.tickwatch.schemas.registry.server.EmbeddedSchemaRegistry;
import io.tickwatch.schemas.serde.AvroSerializer;
import io.tickwatch.schemas.topic.Topics;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The consumer examples of docs/topics.md against a real registry over HTTP: the Java example
 * (examples/java-consumer, not a reactor module) is compiled here against kafka-clients, Avro and
 * Jackson and decodes a wire-format record; the standard-library Python decoder
 * (examples/python-consumer, fed by {@code kcat -f '%R%s'} in real use) decodes the same framing.
 */
class ConsumerExamplesTest {
  private static final Path EXAMPLES = Path.of("..", "examples");
  private static final ObjectMapper JSON = new ObjectMapper();

  private EmbeddedSchemaRegistry registry;
  private RestSchemaRegistryClient client;
  private byte[] record;

  @BeforeEach
  void start() {
    registry =
        EmbeddedSchemaRegistry.builder().inMemory().host("127.0.0.1").port(0).build().start();
    client = new RestSchemaRegistryClient(registry.url());
    List<Double> values = new ArrayList<>(List.of(1.5, Double.NaN));
    SampleBatch batch =
        SampleBatch.newBuilder()
            .setHostId("host-7")
            .setStartTimeMillis(Instant.ofEpochMilli(1_795_000_000_000L))
            .setSampleCount(2)
            .setSeries(List.of(new MetricSeries("tick.max.micros", Map.of("a", "b"), values)))
            .build();
    record = new AvroSerializer<SampleBatch>(client).serialize(Topics.SAMPLES.name(), batch);
  }

  @AfterEach
  void stop() {
    client.close();
    registry.close();
  }

  @Test
  void shouldCompileTheJavaExampleAndDecodeAWireFormatRecord(@TempDir Path classes)
      throws Exception {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    assumeTrue(compiler != null, "no system Java compiler (a JRE, not a JDK)");
    Path source = EXAMPLES.resolve("java-consumer/src/main/java/example/TickwatchConsumer.java");
    ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
    int status =
        compiler.run(
            null,
            diagnostics,
            diagnostics,
            "-d",
            classes.toString(),
            "-classpath",
            System.getProperty("java.class.path"),
            "--release",
            "17",
            source.toString());
    assertThat(status).as(diagnostics.toString(StandardCharsets.UTF_8)).isZero();

    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      Class<?> type = loader.loadClass("example.TickwatchConsumer");
      Object decoder = type.getConstructor(String.class).newInstance(registry.url() + "/");
      Method decode = type.getMethod("decode", byte[].class);
      GenericRecord decoded = (GenericRecord) decode.invoke(decoder, (Object) record);
      assertThat(decoded.get("hostId").toString()).isEqualTo("host-7");
      assertThat(decoded.getSchema().getFullName()).isEqualTo("io.tickwatch.avro.SampleBatch");
    }
  }

  @Test
  void shouldDecodeKcatFramedRecordsWithThePythonStandardLibraryExample() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "python3 is not installed here");
    Process python =
        new ProcessBuilder(
                "/usr/bin/python3",
                EXAMPLES.resolve("python-consumer/tickwatch_decode.py").toString(),
                "--registry",
                registry.url())
            .redirectErrorStream(true)
            .start();
    try (OutputStream in = python.getOutputStream()) {
      for (byte[] value : List.of(record, "{\"json\":1}".getBytes(StandardCharsets.UTF_8))) {
        in.write(ByteBuffer.allocate(4).putInt(value.length).array());
        in.write(value);
      }
    }
    assertThat(python.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(python.exitValue()).as(output).isZero();
    String[] lines = output.strip().split("\n");
    assertThat(lines).hasSize(2);
    JsonNode first = JSON.readTree(lines[0]).get("value");
    assertThat(first.get("hostId").asText()).isEqualTo("host-7");
    assertThat(first.get("startTimeMillis").asLong()).isEqualTo(1_795_000_000_000L);
    JsonNode series = first.get("series").get(0);
    assertThat(series.get("labels").get("a").asText()).isEqualTo("b");
    assertThat(series.get("values").get(0).asDouble()).isEqualTo(1.5);
    assertThat(series.get("values").get(1).asText()).isEqualTo("NaN");
    assertThat(first.get("health").isNull()).isTrue();
    assertThat(JSON.readTree(lines[1]).get("error").asText()).contains("wire format");
  }
}
