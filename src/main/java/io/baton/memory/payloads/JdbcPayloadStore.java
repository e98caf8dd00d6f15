package io.baton.memory.payloads;

import io.baton.payloads.PayloadNotFoundException;
import io.baton.payloads.PayloadProperties;
import io.baton.payloads.PayloadRef;
import io.baton.payloads.PayloadStore;
import io.baton.payloads.PayloadTooLargeException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.apache.commons.codec.digest.DigestUtils;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Keeps payloads in {@code baton_payload}, beside the engine's tables. */
@Component
public class JdbcPayloadStore implements PayloadStore {

  private final JdbcTemplate jdbc;
  private final RuntimeService runtime;
  private final PayloadProperties properties;

  JdbcPayloadStore(JdbcTemplate jdbc, RuntimeService runtime, PayloadProperties properties) {
    this.jdbc = jdbc;
    this.runtime = runtime;
    this.properties = properties;
  }

  /**
   * Keeps the content for a running case, with the case's subject.
   *
   * @throws IllegalArgumentException for an unknown kind or a case that is not running
   */
  @Override
  public PayloadRef store(String processInstanceId, String kind, String content) {
    if (runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 0) {
      throw new IllegalArgumentException(
          "case " + processInstanceId + " is not running: a payload belongs to a running case");
    }
    return keep(
        processInstanceId,
        subject(runtime.getVariables(processInstanceId, properties.subjectVariables())),
        kind,
        content);
  }

  /**
   * Keeps the content for the case and subject as they are given.
   *
   * @throws IllegalArgumentException for an unknown kind
   * @throws PayloadTooLargeException for content over the hard maximum
   */
  public PayloadRef keep(String processInstanceId, Subject subject, String kind, String content) {
    if (!PayloadRef.TEXT.equals(kind) && !PayloadRef.JSON.equals(kind)) {
      throw new IllegalArgumentException(
          "a payload's kind is '%s' or '%s', not '%s'"
              .formatted(PayloadRef.TEXT, PayloadRef.JSON, kind));
    }
    Objects.requireNonNull(content, "a payload needs content");
    long bytes = content.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > properties.maxSize().toBytes()) {
      throw new PayloadTooLargeException(
          "a payload of %,d bytes is over the most Baton keeps (baton.payloads.max-size, %,d bytes)"
              .formatted(bytes, properties.maxSize().toBytes()));
    }
    PayloadRef reference =
        new PayloadRef(UUID.randomUUID().toString(), kind, bytes, DigestUtils.sha256Hex(content));
    Instant now = Instant.now();
    jdbc.update(
        "INSERT INTO baton_payload (id, process_instance_id, subject_key, subject, kind, content,"
            + " size_bytes, sha256, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        reference.id(),
        processInstanceId,
        subject == null ? null : subject.key(),
        subject == null ? null : subject.id(),
        kind,
        content,
        bytes,
        reference.sha256(),
        Timestamp.from(now),
        Timestamp.from(now.plus(properties.timeToLive())));
    return reference;
  }

  /**
   * This store for a case that is not written yet (started in this transaction), whose subject is
   * known.
   */
  PayloadStore forSubject(Subject subject) {
    JdbcPayloadStore store = this;
    return new PayloadStore() {
      @Override
      public PayloadRef store(String processInstanceId, String kind, String content) {
        return keep(processInstanceId, subject, kind, content);
      }

      @Override
      public String read(String id) {
        return store.read(id);
      }
    };
  }

  /**
   * Whom a case is about: the variable that names the subject ({@code customerId}) and its value.
   */
  public record Subject(String key, String id) {}

  /** A case's subject: the first of {@code baton.payloads.subject-variables} it has, or null. */
  public Subject subject(Map<String, Object> variables) {
    return properties.subjectVariables().stream()
        .filter(
            name -> variables.get(name) != null && !String.valueOf(variables.get(name)).isBlank())
        .map(name -> new Subject(name, String.valueOf(variables.get(name))))
        .findFirst()
        .orElse(null);
  }

  @Override
  public String read(String id) {
    return find(id).content();
  }

  /** A stored payload with its kind and case. */
  public record Stored(String kind, String content, String processInstanceId) {}

  public Stored find(String id) {
    List<Stored> found =
        jdbc.query(
            "SELECT kind, content, process_instance_id FROM baton_payload WHERE id = ?",
            (rs, row) ->
                new Stored(
                    rs.getString("kind"),
                    rs.getString("content"),
                    rs.getString("process_instance_id")),
            id);
    if (found.isEmpty()) {
      throw new PayloadNotFoundException(id);
    }
    return found.get(0);
  }

  /**
   * Deletes the payloads whose time to live ran out, once their case has ended (a running case
   * still reads its references); returns how many.
   */
  public int deleteExpired(Instant now) {
    return jdbc.update(
        "DELETE FROM baton_payload WHERE expires_at < ? AND NOT EXISTS (SELECT 1 FROM"
            + " ACT_RU_EXECUTION e WHERE e.PROC_INST_ID_ = baton_payload.process_instance_id)",
        Timestamp.from(now));
  }

  /**
   * Deletes every payload of one subject (by the variable that names it and its value) and of the
   * given cases, for an erasure; returns how many.
   */
  public int deleteSubject(String subjectKey, String subjectId, List<String> caseIds) {
    int deleted =
        jdbc.update(
            "DELETE FROM baton_payload WHERE subject_key = ? AND subject = ?",
            subjectKey,
            subjectId);
    for (String caseId : caseIds) {
      deleted += jdbc.update("DELETE FROM baton_payload WHERE process_instance_id = ?", caseId);
    }
    return deleted;
  }
}
