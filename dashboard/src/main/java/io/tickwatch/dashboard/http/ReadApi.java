package io.tickwatch.dashboard.http;

import io.javalin.http.Context;
import io.tickwatch.avro.AbResult;
import io.tickwatch.avro.Alert;
import io.tickwatch.avro.Experiment;
import io.tickwatch.avro.ProfileChunk;
import io.tickwatch.dashboard.state.HostEntry;
import io.tickwatch.dashboard.state.MetricCatalog;
import io.tickwatch.dashboard.state.Resolution;
import io.tickwatch.dashboard.state.SeriesColumns;
import io.tickwatch.dashboard.upstream.UpstreamException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The read-only JSON endpoints. */
final class ReadApi {

  private static final Logger LOG = LoggerFactory.getLogger(ReadApi.class);

  private final ApiContext api;

  ReadApi(ApiContext api) {
    this.api = api;
  }

  void overview(Context ctx) {
    var overview = api.overview().overview();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("fleet", overview.fleet());
    out.put("hosts", overview.hosts());
    Json.answer(ctx, 200, out);
  }

  void hosts(Context ctx) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (HostEntry h : api.store().hosts()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("hostId", h.hostId());
      m.put("cluster", h.cluster());
      m.put("lastSeenMillis", h.lastSeenMillis());
      out.add(m);
    }
    Json.answer(ctx, 200, out);
  }

  void catalog(Context ctx) {
    TreeSet<String> metrics = new TreeSet<>();
    api.store().keys().forEach(k -> metrics.add(k.metric()));
    Json.answer(ctx, 200, MetricCatalog.catalog(metrics));
  }

  void series(Context ctx) {
    SeriesParams p = SeriesParams.parse(params(ctx), api.clock().millis());
    SeriesColumns memory = api.store().read(p.key(), p.resolution(), p.fromMillis(), p.toMillis());
    SeriesColumns columns = memory;
    String historyError = null;
    boolean needsHistory =
        p.resolution() != Resolution.MILLIS_1
            && (memory.size() == 0 || memory.t()[0] > p.fromMillis() + p.resolution().millis());
    if (needsHistory && api.history().isPresent()) {
      try {
        SeriesColumns older =
            api.history().get().fetch(p.key(), p.resolution(), p.fromMillis(), p.toMillis());
        columns = SeriesColumns.merge(older, memory);
      } catch (UpstreamException e) {
        LOG.debug("History of {} unavailable: {}", p.key().id(), e.getMessage());
        historyError = e.getMessage();
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("host", p.key().host());
    out.put("metric", p.key().metric());
    if (!p.key().labels().isEmpty()) {
      out.put("labels", p.key().labels());
    }
    out.put("resolution", p.resolution().label());
    out.put("unit", MetricCatalog.entry(p.key().metric()).unit());
    out.put("fromMillis", p.fromMillis());
    out.put("toMillis", p.toMillis());
    out.put("t", columns.t());
    out.put("mean", nullable(columns.mean()));
    out.put("p99", nullable(columns.p99()));
    out.put("max", nullable(columns.max()));
    if (historyError != null) {
      out.put("historyError", historyError);
    }
    Json.answer(ctx, 200, out);
  }

  private static Double[] nullable(double[] values) {
    return Arrays.stream(values).mapToObj(Json::num).toArray(Double[]::new);
  }

  void alerts(Context ctx) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Alert a : api.alerts().alerts()) {
      out.add(alertView(a));
    }
    Json.answer(ctx, 200, out);
  }

  Map<String, Object> alertView(Alert a) {
    String fp = a.getFingerprint();
    String profileId =
        api.profiles()
            .profileForAlert(fp)
            .orElseGet(
                () ->
                    api.alerts().actions(fp).stream()
                        .map(x -> x.getParameters().get("profileId"))
                        .filter(id -> id != null)
                        .reduce((first, second) -> second)
                        .orElse(null));
    return Views.alert(a, api.alerts().actions(fp), profileId);
  }

  void experiments(Context ctx) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (String id : api.experiments().ids()) {
      out.add(experimentView(id));
    }
    Json.answer(ctx, 200, out);
  }

  Map<String, Object> experimentView(String id) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("experimentId", id);
    Experiment e = api.experiments().experiment(id).orElse(null);
    m.put("name", e == null ? id : e.getName());
    m.put("status", e == null ? null : e.getStatus().name());
    m.put("controlVariant", e == null ? null : e.getControlVariant());
    m.put(
        "variants", e == null ? List.of() : e.getVariants().stream().map(AvroJson::toMap).toList());
    m.put(
        "metrics", e == null ? List.of() : e.getMetrics().stream().map(Object::toString).toList());
    m.put("latest", api.experiments().latest(id).map(AvroJson::toMap).orElse(null));
    return m;
  }

  void experimentResults(Context ctx) {
    String id = ctx.pathParam("id");
    List<AbResult> results = api.experiments().results(id);
    if (results.isEmpty() && api.experiments().experiment(id).isEmpty()) {
      throw new ApiException(404, "no experiment " + id);
    }
    Json.answer(ctx, 200, results.stream().map(AvroJson::toMap).toList());
  }

  void profiles(Context ctx) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (ProfileChunk head : api.profiles().heads()) {
      out.add(ProfileViews.summary(head));
    }
    Json.answer(ctx, 200, out);
  }

  void profile(Context ctx) {
    String id = ctx.pathParam("id");
    var chunks =
        api.profiles()
            .complete(id)
            .orElseThrow(() -> new ApiException(404, "no complete profile " + id));
    Json.answer(ctx, 200, ProfileViews.profile(chunks));
  }

  static Map<String, String> params(Context ctx) {
    Map<String, String> out = new LinkedHashMap<>();
    ctx.queryParamMap().forEach((k, v) -> out.put(k, v.isEmpty() ? "" : v.get(0)));
    return out;
  }
}
