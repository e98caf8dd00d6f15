package io.baton.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A stand-in ERP for the demo run: it takes the reroute of a shipment ({@code PUT
 * /demo/erp/shipments/{id}/reroute}) and the refund of an order ({@code POST
 * /demo/erp/orders/{id}/refunds}), and lists what it took ({@code GET /demo/erp/shipments}). Like a
 * real system it has its own credentials, a bearer token ({@code baton.demo.erp.token}), and it
 * applies each {@code Idempotency-Key} once: a repeated request answers what the first did.
 */
@RestController
@RequestMapping("/demo/erp")
@ConditionalOnProperty(name = "baton.demo.erp.enabled", havingValue = "true")
class DemoErpController {

  private final byte[] token;
  private final DemoErpLedger ledger = new DemoErpLedger();

  DemoErpController(@Value("${baton.demo.erp.token}") String token) {
    this.token = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
  }

  @PutMapping("/shipments/{shipmentId}/reroute")
  ResponseEntity<Object> reroute(
      @RequestHeader(name = "Authorization", required = false) String authorization,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      @PathVariable String shipmentId,
      @RequestBody(required = false) Map<String, Object> body) {
    if (!authorized(authorization)) {
      return unauthorized();
    }
    if (!shipmentId.matches("S-[0-9]{1,12}")) {
      return problem(HttpStatus.NOT_FOUND, "no shipment " + shipmentId);
    }
    if (body == null || !(body.get("option") instanceof String option) || option.isBlank()) {
      return problem(HttpStatus.UNPROCESSABLE_ENTITY, "a reroute needs an option");
    }
    return ResponseEntity.ok(ledger.apply(shipmentId, idempotencyKey, body, Instant.now()));
  }

  /** A refund of an order, as the agents' issue-refund tool asks for it after approval. */
  @PostMapping("/orders/{orderId}/refunds")
  ResponseEntity<Object> refund(
      @RequestHeader(name = "Authorization", required = false) String authorization,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      @PathVariable String orderId,
      @RequestBody(required = false) Map<String, Object> body) {
    if (!authorized(authorization)) {
      return unauthorized();
    }
    if (!orderId.matches("O-[0-9]{1,12}")) {
      return problem(HttpStatus.NOT_FOUND, "no order " + orderId);
    }
    if (body == null
        || !(body.get("amount") instanceof Number amount)
        || amount.doubleValue() <= 0) {
      return problem(HttpStatus.UNPROCESSABLE_ENTITY, "a refund needs an amount above zero");
    }
    return ResponseEntity.ok(
        ledger.apply("refund:" + orderId, idempotencyKey, body, Instant.now()));
  }

  @GetMapping("/shipments")
  ResponseEntity<Object> updates(
      @RequestHeader(name = "Authorization", required = false) String authorization) {
    if (!authorized(authorization)) {
      return unauthorized();
    }
    List<DemoErpLedger.Update> updates = ledger.updates();
    return ResponseEntity.ok(Map.of("updates", updates, "count", updates.size()));
  }

  private boolean authorized(String authorization) {
    return authorization != null
        && MessageDigest.isEqual(token, authorization.getBytes(StandardCharsets.UTF_8));
  }

  private static ResponseEntity<Object> unauthorized() {
    return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
        .header("WWW-Authenticate", "Bearer realm=\"demo-erp\"")
        .body(Map.of("error", "the demo ERP needs its bearer token (baton.demo.erp.token)"));
  }

  private static ResponseEntity<Object> problem(HttpStatus status, String message) {
    return ResponseEntity.status(status).body(Map.of("error", message));
  }
}
