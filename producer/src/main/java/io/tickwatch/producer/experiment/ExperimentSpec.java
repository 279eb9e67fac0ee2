package io.tickwatch.producer.experiment;

import io.tickwatch.avro.AssignmentUnit;
import io.tickwatch.avro.Experiment;
import io.tickwatch.avro.ExperimentStatus;
import io.tickwatch.avro.ExperimentVariant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an agent needs to know of an experiment: its id, variants with traffic shares, the control
 * variant, the unit of randomisation, the assignment salt and whether it is running. Immutable and
 * validated: {@link #validate} lists every problem at once.
 *
 * @param experimentId {@code [a-z0-9-]+}
 * @param variants two or more, unique names, shares in {@code (0, 1]} summing to 1 (within 1e-9)
 * @param controlVariant one of the variant names
 * @param unit what is randomised
 * @param assignmentSalt salt of the assignment hash; empty means the experiment id
 * @param running true when units are assigned (RUNNING); otherwise every unit gets the control
 *     variant and nothing is recorded
 */
public record ExperimentSpec(
    String experimentId,
    List<Variant> variants,
    String controlVariant,
    AssignmentUnit unit,
    String assignmentSalt,
    boolean running) {

  private static final Pattern ID = Pattern.compile("[a-z0-9-]+");

  /** Validates and copies. */
  public ExperimentSpec {
    variants = variants == null ? List.of() : List.copyOf(variants);
    assignmentSalt = assignmentSalt == null ? "" : assignmentSalt;
    List<String> problems = validate(experimentId, variants, controlVariant, unit);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
  }

  /** A running experiment salted with its id. */
  public static ExperimentSpec running(
      String experimentId, AssignmentUnit unit, String controlVariant, List<Variant> variants) {
    return new ExperimentSpec(experimentId, variants, controlVariant, unit, "", true);
  }

  /** The spec of an {@link Experiment} record: only {@code RUNNING} assigns. */
  public static ExperimentSpec fromAvro(Experiment experiment) {
    List<Variant> variants = new ArrayList<>();
    for (ExperimentVariant v : experiment.getVariants()) {
      variants.add(new Variant(v.getName(), v.getTrafficShare()));
    }
    return new ExperimentSpec(
        experiment.getExperimentId(),
        variants,
        experiment.getControlVariant(),
        experiment.getAssignmentUnit(),
        experiment.getAssignmentSalt(),
        experiment.getStatus() == ExperimentStatus.RUNNING);
  }

  /** The same spec, running or not. */
  public ExperimentSpec withRunning(boolean running) {
    return new ExperimentSpec(
        experimentId, variants, controlVariant, unit, assignmentSalt, running);
  }

  /** The salt actually hashed: {@link #assignmentSalt}, or the id when it is empty. */
  public String effectiveSalt() {
    return assignmentSalt.isEmpty() ? experimentId : assignmentSalt;
  }

  /** Index of the control variant in {@link #variants}. */
  public int controlIndex() {
    for (int i = 0; i < variants.size(); i++) {
      if (variants.get(i).name().equals(controlVariant)) {
        return i;
      }
    }
    throw new IllegalStateException("validated spec without control");
  }

  /** Every problem of a definition (empty when valid). */
  public static List<String> validate(
      String experimentId, List<Variant> variants, String controlVariant, AssignmentUnit unit) {
    List<String> problems = new ArrayList<>();
    if (experimentId == null || !ID.matcher(experimentId).matches()) {
      problems.add("experiment id must match [a-z0-9-]+, got '" + experimentId + "'");
    }
    if (unit == null) {
      problems.add("the assignment unit (PLAYER or SESSION) is missing");
    }
    if (variants == null || variants.size() < 2) {
      problems.add("an experiment needs at least two variants");
      return problems;
    }
    Set<String> names = new HashSet<>();
    double sum = 0;
    for (Variant v : variants) {
      if (v == null || v.name() == null || !ID.matcher(v.name()).matches()) {
        problems.add(
            "variant name must match [a-z0-9-]+, got '" + (v == null ? null : v.name()) + "'");
        continue;
      }
      if (!names.add(v.name())) {
        problems.add("variant '" + v.name() + "' is listed twice");
      }
      if (!(v.trafficShare() > 0 && v.trafficShare() <= 1)) {
        problems.add(
            "traffic share of '" + v.name() + "' must be in (0, 1], got " + v.trafficShare());
      }
      sum += v.trafficShare();
    }
    if (Math.abs(sum - 1) > 1e-9) {
      problems.add("traffic shares must sum to 1, got " + sum);
    }
    if (!names.contains(Objects.requireNonNullElse(controlVariant, ""))) {
      problems.add("control variant '" + controlVariant + "' is not one of the variants " + names);
    }
    return problems;
  }
}
