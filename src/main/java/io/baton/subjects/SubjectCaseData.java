package io.baton.subjects;

import io.baton.erasure.ErasedSubject;
import io.baton.erasure.SubjectData;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What an erasure removes of the subjects' cases ({@code baton_subject_case}); the keys are those
 * the deployed processes name in {@code baton.subject}, and those cases were kept under.
 */
@Component
class SubjectCaseData implements SubjectData {

  private final JdbcTemplate jdbc;
  private final SubjectsPlugin plugin;

  SubjectCaseData(JdbcTemplate jdbc, SubjectsPlugin plugin) {
    this.jdbc = jdbc;
    this.plugin = plugin;
  }

  @Override
  public String name() {
    return "subjectCases";
  }

  @Override
  public Set<String> subjectKeys() {
    Set<String> keys = new TreeSet<>(plugin.subjectKeys());
    keys.addAll(
        jdbc.queryForList("SELECT DISTINCT subject_key FROM baton_subject_case", String.class));
    return keys;
  }

  @Override
  public int erase(ErasedSubject subject) {
    return jdbc.update(
        "DELETE FROM baton_subject_case WHERE subject_key = ? AND subject_id = ?",
        subject.subjectKey(),
        subject.subjectId());
  }
}
