package io.tickwatch.dashboard.state;

import io.tickwatch.avro.AbResult;
import io.tickwatch.avro.Experiment;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Experiments (compacted topic) and their evaluations, oldest first, at most {@code
 * maxResultsPerExperiment} each (older ones are thinned out by dropping the oldest). Thread-safe.
 */
public final class ExperimentBook {

  private final int maxResultsPerExperiment;
  private final Map<String, Experiment> experiments = new TreeMap<>();
  private final Map<String, Deque<AbResult>> results = new TreeMap<>();

  public ExperimentBook(int maxResultsPerExperiment) {
    this.maxResultsPerExperiment = maxResultsPerExperiment;
  }

  /** The latest definition, or removal on a tombstone. */
  public synchronized void put(String experimentId, Experiment experiment) {
    if (experiment == null) {
      experiments.remove(experimentId);
    } else {
      experiments.put(experimentId, experiment);
    }
  }

  /** One evaluation; an evaluation older than the newest one kept is ignored. */
  public synchronized boolean addResult(AbResult result) {
    Deque<AbResult> list =
        results.computeIfAbsent(result.getExperimentId(), k -> new ArrayDeque<>());
    AbResult last = list.peekLast();
    if (last != null && last.getEvaluatedAtMillis().isAfter(result.getEvaluatedAtMillis())) {
      return false;
    }
    list.addLast(result);
    while (list.size() > maxResultsPerExperiment) {
      list.removeFirst();
    }
    return true;
  }

  /** Ids of every experiment with a definition or results. */
  public synchronized List<String> ids() {
    TreeMap<String, Boolean> ids = new TreeMap<>();
    experiments.keySet().forEach(id -> ids.put(id, true));
    results.keySet().forEach(id -> ids.put(id, true));
    return new ArrayList<>(ids.keySet());
  }

  /** The definition of an experiment. */
  public synchronized Optional<Experiment> experiment(String id) {
    return Optional.ofNullable(experiments.get(id));
  }

  /** Evaluations, oldest first. */
  public synchronized List<AbResult> results(String id) {
    Deque<AbResult> list = results.get(id);
    return list == null ? List.of() : new ArrayList<>(list);
  }

  /** The newest evaluation. */
  public synchronized Optional<AbResult> latest(String id) {
    Deque<AbResult> list = results.get(id);
    return list == null ? Optional.empty() : Optional.ofNullable(list.peekLast());
  }
}
