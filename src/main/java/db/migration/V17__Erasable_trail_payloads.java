package db.migration;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.baton.audit.TrailEntry;
import io.baton.audit.TrailHash;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.codec.digest.DigestUtils;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Trail entries hash their payload's SHA-256 instead of the payload, so that an erasure can remove
 * a payload and the chain still verifies. Adds {@code payload_sha256} and {@code erased_by}, lets
 * {@code payload} be empty (erased), and hashes every case's trail again under the new rule, but
 * only a trail that verifies under the old one: a trail that was changed before this migration
 * keeps its old hashes, so it still fails to verify and the change stays visible.
 */
public class V17__Erasable_trail_payloads extends BaseJavaMigration {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    try (Statement ddl = connection.createStatement()) {
      ddl.execute("ALTER TABLE baton_audit_entry ADD COLUMN payload_sha256 VARCHAR(64)");
      ddl.execute("ALTER TABLE baton_audit_entry ADD COLUMN erased_by VARCHAR(64)");
      ddl.execute("ALTER TABLE baton_audit_entry ALTER COLUMN payload DROP NOT NULL");
    }
    Map<String, List<TrailEntry>> trails = new LinkedHashMap<>();
    try (Statement query = connection.createStatement();
        ResultSet rs =
            query.executeQuery(
                "SELECT process_instance_id, seq, recorded_at, kind, actor, activity_id, model,"
                    + " ai_generated, source_ref, payload, prev_hash, hash FROM baton_audit_entry"
                    + " ORDER BY process_instance_id, seq")) {
      while (rs.next()) {
        String payload = rs.getString("payload");
        trails
            .computeIfAbsent(rs.getString("process_instance_id"), id -> new ArrayList<>())
            .add(
                new TrailEntry(
                    rs.getString("process_instance_id"),
                    rs.getInt("seq"),
                    rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                    rs.getString("kind"),
                    rs.getString("actor"),
                    rs.getString("activity_id"),
                    rs.getString("model"),
                    rs.getBoolean("ai_generated"),
                    rs.getString("source_ref"),
                    payload,
                    TrailHash.digest(payload),
                    null,
                    rs.getString("prev_hash"),
                    rs.getString("hash")));
      }
    }
    try (PreparedStatement entry =
            connection.prepareStatement(
                "UPDATE baton_audit_entry SET payload_sha256 = ?, prev_hash = ?, hash = ?"
                    + " WHERE process_instance_id = ? AND seq = ?");
        PreparedStatement digestOnly =
            connection.prepareStatement(
                "UPDATE baton_audit_entry SET payload_sha256 = ?"
                    + " WHERE process_instance_id = ? AND seq = ?");
        PreparedStatement head =
            connection.prepareStatement(
                "UPDATE baton_audit_case SET last_hash = ? WHERE process_instance_id = ?")) {
      for (List<TrailEntry> trail : trails.values()) {
        if (!verifiesUnderOldRule(trail)) {
          for (TrailEntry old : trail) {
            digestOnly.setString(1, old.payloadSha256());
            digestOnly.setString(2, old.processInstanceId());
            digestOnly.setInt(3, old.seq());
            digestOnly.addBatch();
          }
          continue;
        }
        String previous = TrailHash.GENESIS;
        for (TrailEntry old : trail) {
          TrailEntry rehashed =
              new TrailEntry(
                  old.processInstanceId(),
                  old.seq(),
                  old.recordedAt(),
                  old.kind(),
                  old.actor(),
                  old.activityId(),
                  old.model(),
                  old.aiGenerated(),
                  old.sourceRef(),
                  old.payload(),
                  old.payloadSha256(),
                  null,
                  previous,
                  null);
          String hash = TrailHash.of(rehashed);
          entry.setString(1, old.payloadSha256());
          entry.setString(2, previous);
          entry.setString(3, hash);
          entry.setString(4, old.processInstanceId());
          entry.setInt(5, old.seq());
          entry.addBatch();
          previous = hash;
        }
        head.setString(1, previous);
        head.setString(2, trail.get(0).processInstanceId());
        head.addBatch();
      }
      entry.executeBatch();
      digestOnly.executeBatch();
      head.executeBatch();
    }
    try (Statement ddl = connection.createStatement()) {
      ddl.execute("ALTER TABLE baton_audit_entry ALTER COLUMN payload_sha256 SET NOT NULL");
    }
  }

  /** The rule before this migration: the hash covered the canonical payload itself. */
  private static boolean verifiesUnderOldRule(List<TrailEntry> trail) throws Exception {
    String previous = TrailHash.GENESIS;
    int seq = 1;
    for (TrailEntry old : trail) {
      String hash =
          DigestUtils.sha256Hex(
              JSON.writeValueAsString(
                  Arrays.asList(
                      old.prevHash(),
                      old.processInstanceId(),
                      old.seq(),
                      old.recordedAt().toString(),
                      old.kind(),
                      old.actor(),
                      old.activityId(),
                      old.model(),
                      old.aiGenerated(),
                      old.sourceRef(),
                      old.payload())));
      if (old.seq() != seq++ || !previous.equals(old.prevHash()) || !hash.equals(old.hash())) {
        return false;
      }
      previous = hash;
    }
    return true;
  }
}
