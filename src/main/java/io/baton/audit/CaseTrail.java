package io.baton.audit;

import io.baton.rows.LockedRow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case trail: one hash-chained, append-only list of entries per process instance. An append
 * runs in the caller's transaction (the engine's, when a listener appends), so an entry exists
 * exactly when what it records was committed. Appends to one case are serialised on its row in
 * {@code baton_audit_case}, which also keeps the chain's head.
 */
@Component
public class CaseTrail {

  static final String COLUMNS =
      "process_instance_id, seq, recorded_at, kind, actor, activity_id, model, ai_generated,"
          + " source_ref, payload, payload_sha256, erased_by, prev_hash, hash";

  static final RowMapper<TrailEntry> ENTRY = CaseTrail::entry;

  private final JdbcTemplate jdbc;
  private final LockedRow lockedRow;
  private final CaseMetadata metadata;

  public CaseTrail(JdbcTemplate jdbc, LockedRow lockedRow) {
    this.jdbc = jdbc;
    this.lockedRow = lockedRow;
    this.metadata = new CaseMetadata(jdbc);
  }

  /**
   * Appends an entry to the trail of a case; an event whose {@code sourceRef} is on record already
   * is not appended again. Returns whether it was appended.
   */
  @Transactional
  public boolean append(String processInstanceId, TrailEvent event) {
    return appendAll(processInstanceId, List.of(event)) == 1;
  }

  /**
   * Appends entries to the trail of a case in their order, under one lock of its head; events whose
   * {@code sourceRef} is on record already (or earlier in the list) are left out. Returns how many
   * were appended.
   */
  @Transactional
  public int appendAll(String processInstanceId, List<TrailEvent> events) {
    if (processInstanceId == null) {
      throw new IllegalArgumentException(
          "a trail entry belongs to a case: processInstanceId is missing");
    }
    Head head = lockHead(processInstanceId);
    Set<String> recorded = recordedSourceRefs(events);
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    int seq = head.seq();
    String previous = head.hash();
    List<Object[]> rows = new ArrayList<>();
    for (TrailEvent event : events) {
      if (event.sourceRef() != null && !recorded.add(event.sourceRef())) {
        continue;
      }
      seq++;
      String payload = TrailHash.canonical(event.payload() == null ? Map.of() : event.payload());
      TrailEntry entry =
          new TrailEntry(
              processInstanceId,
              seq,
              now,
              event.kind().name(),
              event.actor(),
              event.activityId(),
              event.model(),
              event.aiGenerated(),
              event.sourceRef(),
              payload,
              TrailHash.digest(payload),
              null,
              previous,
              null);
      String hash = TrailHash.of(entry);
      rows.add(
          new Object[] {
            processInstanceId,
            seq,
            OffsetDateTime.ofInstant(now, ZoneOffset.UTC),
            entry.kind(),
            entry.actor(),
            entry.activityId(),
            entry.model(),
            entry.aiGenerated(),
            entry.sourceRef(),
            payload,
            entry.payloadSha256(),
            null,
            previous,
            hash
          });
      previous = hash;
    }
    if (rows.isEmpty()) {
      return 0;
    }
    jdbc.batchUpdate(
        "INSERT INTO baton_audit_entry (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        rows);
    jdbc.update(
        "UPDATE baton_audit_case SET last_seq = ?, last_hash = ? WHERE process_instance_id = ?",
        seq,
        previous,
        processInstanceId);
    return rows.size();
  }

  private Set<String> recordedSourceRefs(List<TrailEvent> events) {
    List<String> refs =
        events.stream().map(TrailEvent::sourceRef).filter(Objects::nonNull).distinct().toList();
    if (refs.isEmpty()) {
      return new HashSet<>();
    }
    return new HashSet<>(
        jdbc.queryForList(
            "SELECT source_ref FROM baton_audit_entry WHERE source_ref IN ("
                + String.join(",", Collections.nCopies(refs.size(), "?"))
                + ")",
            String.class,
            refs.toArray()));
  }

  /**
   * Removes the payloads of a case's entries for an erasure and appends the erasure's entry (whose
   * payload must not hold what was erased), under the lock of the case's head; the case's business
   * key goes too. The chain still verifies: it covers each payload's digest, and the erased entries
   * name the erasure the trail now records. Returns how many payloads were removed.
   */
  @Transactional
  public int erase(String processInstanceId, String erasureId, TrailEvent erasure) {
    lockHead(processInstanceId);
    int erased =
        jdbc.update(
            "UPDATE baton_audit_entry SET payload = NULL, erased_by = ?"
                + " WHERE process_instance_id = ? AND payload IS NOT NULL",
            erasureId,
            processInstanceId);
    Map<String, Object> payload = new LinkedHashMap<>(erasure.payload());
    payload.put("entriesErased", erased);
    appendAll(
        processInstanceId,
        List.of(
            new TrailEvent(
                TrailKind.ERASURE,
                erasure.actor(),
                null,
                null,
                false,
                TrailChain.erasureRef(erasureId, processInstanceId),
                payload)));
    jdbc.update(
        "UPDATE baton_audit_case SET business_key = NULL WHERE process_instance_id = ?",
        processInstanceId);
    return erased;
  }

  /** A case's trail, oldest first. */
  public List<TrailEntry> entries(String processInstanceId) {
    return jdbc.query(
        "SELECT " + COLUMNS + " FROM baton_audit_entry WHERE process_instance_id = ? ORDER BY seq",
        ENTRY,
        processInstanceId);
  }

  /** Checks a case's whole trail against its chain and its recorded head. */
  public TrailVerification verify(String processInstanceId) {
    TrailChain chain = TrailChain.wholeTrails();
    List<TrailEntry> entries = entries(processInstanceId);
    entries.forEach(chain::accept);
    TrailVerification result = chain.result();
    List<Map<String, Object>> head =
        jdbc.queryForList(
            "SELECT last_seq, last_hash FROM baton_audit_case WHERE process_instance_id = ?",
            processInstanceId);
    if (result.intact() && !head.isEmpty()) {
      int lastSeq = ((Number) head.get(0).get("last_seq")).intValue();
      String lastHash = (String) head.get(0).get("last_hash");
      TrailEntry last = entries.isEmpty() ? null : entries.get(entries.size() - 1);
      if (last == null || last.seq() != lastSeq || !last.hash().equals(lastHash)) {
        return new TrailVerification(
            false,
            result.entries(),
            processInstanceId,
            last == null ? 1 : last.seq(),
            "case %s: the trail ends at entry %d, but %d entries were recorded: entries were removed"
                .formatted(processInstanceId, last == null ? 0 : last.seq(), lastSeq));
      }
    }
    return result;
  }

  /** The case's row, locked for this transaction, made first when the case has none yet. */
  private Head lockHead(String processInstanceId) {
    return lockedRow.lock(
        () -> selectHeadForUpdate(processInstanceId),
        () -> {
          CaseMetadata.Case known = metadata.of(processInstanceId);
          jdbc.update(
              "INSERT INTO baton_audit_case (process_instance_id, root_process_instance_id,"
                  + " business_key, process_definition_key, last_seq, last_hash)"
                  + " VALUES (?, ?, ?, ?, 0, ?)",
              processInstanceId,
              known.rootProcessInstanceId(),
              known.businessKey(),
              known.processDefinitionKey(),
              TrailHash.GENESIS);
        });
  }

  private List<Head> selectHeadForUpdate(String processInstanceId) {
    return jdbc.query(
        "SELECT last_seq, last_hash FROM baton_audit_case WHERE process_instance_id = ? FOR UPDATE",
        (rs, row) -> new Head(rs.getInt(1), rs.getString(2)),
        processInstanceId);
  }

  private record Head(int seq, String hash) {}

  static TrailEntry entry(ResultSet rs, int row) throws SQLException {
    return new TrailEntry(
        rs.getString("process_instance_id"),
        rs.getInt("seq"),
        rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
        rs.getString("kind"),
        rs.getString("actor"),
        rs.getString("activity_id"),
        rs.getString("model"),
        rs.getBoolean("ai_generated"),
        rs.getString("source_ref"),
        rs.getString("payload"),
        rs.getString("payload_sha256"),
        rs.getString("erased_by"),
        rs.getString("prev_hash"),
        rs.getString("hash"));
  }
}
