package io.baton.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The demo ERP's record of reroutes, in memory: each idempotency key is applied once. */
final class DemoErpLedger {

  /** One reroute the ERP applied. */
  record Update(
      String updateId,
      String shipmentId,
      Map<String, Object> reroute,
      String idempotencyKey,
      Instant appliedAt) {}

  private final Map<String, Update> byKey = new LinkedHashMap<>();
  private final List<Update> applied = new ArrayList<>();

  synchronized Map<String, Object> apply(
      String shipmentId, String idempotencyKey, Map<String, Object> reroute, Instant now) {
    Update earlier = idempotencyKey == null ? null : byKey.get(idempotencyKey);
    if (earlier != null) {
      return answer(earlier, true);
    }
    Update update =
        new Update(
            UUID.randomUUID().toString(),
            shipmentId,
            java.util.Collections.unmodifiableMap(new LinkedHashMap<>(reroute)),
            idempotencyKey,
            now);
    applied.add(update);
    if (idempotencyKey != null) {
      byKey.put(idempotencyKey, update);
    }
    return answer(update, false);
  }

  synchronized List<Update> updates() {
    return List.copyOf(applied);
  }

  private static Map<String, Object> answer(Update update, boolean replayed) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("updateId", update.updateId());
    answer.put("shipmentId", update.shipmentId());
    answer.put("status", "REROUTED");
    answer.put("replayed", replayed);
    return answer;
  }
}
