package io.baton.dashboard;

import io.baton.dashboard.Dashboard.Incident;
import io.baton.dashboard.Dashboard.Incidents;
import io.baton.dashboard.Dashboard.ProcessSuccess;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Success rates per process and open incidents, read from the engine's tables on the same database.
 * Not through the engine's query API: its authorizations would hide from operators, who may read no
 * process instance, the very instances whose figures they are shown.
 */
@Component
class ProcessFigures {

  static final int LATEST_INCIDENTS = 5;

  private static final int COMPLETED = 0;
  private static final int TERMINATED = 1;
  private static final int RUNNING = 2;

  private final JdbcTemplate jdbc;

  ProcessFigures(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  List<ProcessSuccess> success(Window window) {
    Timestamp since = Timestamp.from(window.since());
    Map<String, long[]> perKey = new TreeMap<>();
    jdbc.query(
        "SELECT PROC_DEF_KEY_, STATE_, COUNT(*) FROM ACT_HI_PROCINST WHERE START_TIME_ >= ?"
            + " GROUP BY PROC_DEF_KEY_, STATE_",
        rs -> {
          long[] counts = perKey.computeIfAbsent(rs.getString(1), k -> new long[3]);
          counts[column(rs.getString(2))] += rs.getLong(3);
        },
        since);
    Map<String, Long> withIncident = new TreeMap<>();
    jdbc.query(
        "SELECT p.PROC_DEF_KEY_, COUNT(DISTINCT i.PROC_INST_ID_) FROM ACT_RU_INCIDENT i"
            + " JOIN ACT_HI_PROCINST p ON p.ID_ = i.PROC_INST_ID_ WHERE p.START_TIME_ >= ?"
            + " GROUP BY p.PROC_DEF_KEY_",
        rs -> {
          withIncident.put(rs.getString(1), rs.getLong(2));
        },
        since);
    return perKey.entrySet().stream()
        .map(e -> success(e.getKey(), e.getValue(), withIncident.getOrDefault(e.getKey(), 0L)))
        .toList();
  }

  private static ProcessSuccess success(String key, long[] counts, long withIncident) {
    long completed = counts[COMPLETED];
    long terminated = counts[TERMINATED];
    long ended = completed + terminated;
    return new ProcessSuccess(
        key,
        completed + terminated + counts[RUNNING],
        completed,
        terminated,
        counts[RUNNING],
        withIncident,
        ended == 0 ? null : (double) completed / ended);
  }

  /** The engine's history states; a state it adds later counts as running, never as success. */
  private static int column(String state) {
    return switch (state) {
      case "COMPLETED" -> COMPLETED;
      case "EXTERNALLY_TERMINATED", "INTERNALLY_TERMINATED" -> TERMINATED;
      default -> RUNNING;
    };
  }

  Incidents incidents() {
    Long open = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_INCIDENT", Long.class);
    List<Incident> latest =
        jdbc.query(
            "SELECT i.ID_, i.INCIDENT_TIMESTAMP_, i.INCIDENT_TYPE_, i.INCIDENT_MSG_, d.KEY_,"
                + " i.PROC_INST_ID_, i.ACTIVITY_ID_ FROM ACT_RU_INCIDENT i"
                + " LEFT JOIN ACT_RE_PROCDEF d ON d.ID_ = i.PROC_DEF_ID_"
                + " ORDER BY i.INCIDENT_TIMESTAMP_ DESC, i.ID_ FETCH FIRST "
                + LATEST_INCIDENTS
                + " ROWS ONLY",
            (rs, row) ->
                new Incident(
                    rs.getString(1),
                    rs.getTimestamp(2).toInstant(),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7)));
    return new Incidents(open == null ? 0 : open, latest);
  }
}
