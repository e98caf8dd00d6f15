package io.baton.erasure;

import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The content Baton's own case records hold about the subject's cases: the message a review saw,
 * the reply sent (and the customer id it went to), the facts routing locked, what a tool's effect
 * returned, and the reasons people gave. Labels, routes, digests and who decided stay: they hold
 * nothing of the subject and keep the measures (reviewer agreement, cost) whole.
 */
@Component
class CaseRecordsData implements SubjectData {

  private static final List<String> ERASURES =
      List.of(
          "UPDATE baton_review_outcome SET input_text = NULL WHERE input_text IS NOT NULL AND"
              + " process_instance_id IN (%s)",
          "DELETE FROM baton_reply_outbox WHERE process_instance_id IN (%s)",
          "DELETE FROM baton_case_facts WHERE process_instance_id IN (%s)",
          "UPDATE baton_effect SET result = NULL WHERE result IS NOT NULL AND"
              + " process_instance_id IN (%s)",
          "UPDATE baton_approval_record SET reason = NULL WHERE reason IS NOT NULL AND"
              + " process_instance_id IN (%s)");

  private final JdbcTemplate jdbc;

  CaseRecordsData(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public String name() {
    return "caseRecords";
  }

  @Override
  public Set<String> subjectKeys() {
    return Set.of();
  }

  @Override
  public int erase(ErasedSubject subject) {
    return subject.eraseCases(
        (ids, cases) -> {
          int erased = 0;
          for (String erasure : ERASURES) {
            erased += jdbc.update(erasure.formatted(ids), cases);
          }
          return erased;
        });
  }
}
