package io.tickwatch.cli.experiment;

import io.tickwatch.avro.AssignmentUnit;
import io.tickwatch.avro.Experiment;
import io.tickwatch.avro.ExperimentStatus;
import io.tickwatch.avro.ExperimentVariant;
import io.tickwatch.producer.experiment.ExperimentSpec;
import io.tickwatch.producer.experiment.Variant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A new experiment as given on the command line, validated with every problem listed, and the
 * status transitions (DRAFT → RUNNING → STOPPED) that {@code start} and {@code stop} write.
 *
 * @param variants {@code name=share} pairs, for example {@code control=0.5}
 * @param control the control variant; null means the first variant
 * @param metrics compared metrics ({@code ab.*} series of the agent); empty means {@code
 *     ab.latency}
 */
public record ExperimentDefinition(
    String experimentId,
    String name,
    String description,
    List<String> variants,
    String control,
    AssignmentUnit unit,
    String salt,
    List<String> metrics,
    boolean lowerIsBetter,
    double alpha,
    String owner) {

  /** Every problem of this definition (empty when it is valid). */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    List<Variant> parsed = parseVariants(problems);
    String controlName = control != null ? control : parsed.isEmpty() ? null : parsed.get(0).name();
    problems.addAll(ExperimentSpec.validate(experimentId, parsed, controlName, unit));
    for (String metric : metrics) {
      if (!metric.startsWith("ab.") || metric.equals("ab.errors") || metric.equals("ab.units")) {
        problems.add(
            "metric '"
                + metric
                + "' is not a per-variant series (use ab.latency, ab.cpu or ab.alloc.kb)");
      }
    }
    if (metrics.size() != metrics.stream().distinct().count()) {
      problems.add("a metric is listed twice");
    }
    if (!(alpha > 0 && alpha < 1)) {
      problems.add("alpha must be in (0, 1), got " + alpha);
    }
    return problems;
  }

  /** The DRAFT record of a valid definition. */
  public Experiment toRecord(Instant now) {
    List<String> problems = problems();
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    List<Variant> parsed = parseVariants(new ArrayList<>());
    List<ExperimentVariant> avroVariants = new ArrayList<>();
    for (Variant v : parsed) {
      avroVariants.add(new ExperimentVariant(v.name(), v.trafficShare(), ""));
    }
    return Experiment.newBuilder()
        .setExperimentId(experimentId)
        .setName(name == null ? "" : name)
        .setDescription(description == null ? "" : description)
        .setVariants(avroVariants)
        .setControlVariant(control != null ? control : parsed.get(0).name())
        .setAssignmentUnit(unit)
        .setAssignmentSalt(salt == null ? "" : salt)
        .setMetrics(new ArrayList<>(metrics.isEmpty() ? List.of("ab.latency") : metrics))
        .setLowerIsBetter(lowerIsBetter)
        .setAlpha(alpha)
        .setStatus(ExperimentStatus.DRAFT)
        .setOwner(owner == null ? "" : owner)
        .setCreatedAtMillis(now)
        .setUpdatedAtMillis(now)
        .build();
  }

  /** The record after {@code start}: RUNNING from {@code now}; only a DRAFT can start. */
  public static Experiment started(Experiment current, Instant now) {
    if (current.getStatus() != ExperimentStatus.DRAFT) {
      throw new IllegalArgumentException(
          "experiment '"
              + current.getExperimentId()
              + "' is "
              + current.getStatus()
              + "; only a DRAFT experiment can start (create a new one to run again)");
    }
    return Experiment.newBuilder(current)
        .setStatus(ExperimentStatus.RUNNING)
        .setStartedAtMillis(now)
        .setUpdatedAtMillis(now)
        .build();
  }

  /** The record after {@code stop}: STOPPED at {@code now}; only a RUNNING experiment stops. */
  public static Experiment stopped(Experiment current, Instant now) {
    if (current.getStatus() != ExperimentStatus.RUNNING) {
      throw new IllegalArgumentException(
          "experiment '"
              + current.getExperimentId()
              + "' is "
              + current.getStatus()
              + "; only a RUNNING experiment can stop");
    }
    return Experiment.newBuilder(current)
        .setStatus(ExperimentStatus.STOPPED)
        .setStoppedAtMillis(now)
        .setUpdatedAtMillis(now)
        .build();
  }

  private List<Variant> parseVariants(List<String> problems) {
    List<Variant> parsed = new ArrayList<>();
    for (String v : variants) {
      int eq = v.indexOf('=');
      if (eq <= 0) {
        problems.add("variant '" + v + "' must be NAME=SHARE, for example control=0.5");
        continue;
      }
      try {
        parsed.add(new Variant(v.substring(0, eq).trim(), Double.parseDouble(v.substring(eq + 1))));
      } catch (NumberFormatException e) {
        problems.add("share of variant '" + v + "' is not a number");
      }
    }
    return parsed;
  }
}
