package io.baton.agents;

import io.baton.erasure.ErasedSubject;
import io.baton.erasure.SubjectData;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The agent conversations of an erased subject's cases: their opening prompts, answers and tool
 * results hold what the subject wrote and what was found about them, so they go whole (their
 * messages with them). The model calls' audit rows stay, as for every model call.
 */
@Component
class AgentConversationData implements SubjectData {

  private final JdbcTemplate jdbc;

  AgentConversationData(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public String name() {
    return "agentConversations";
  }

  @Override
  public Set<String> subjectKeys() {
    return Set.of();
  }

  @Override
  public int erase(ErasedSubject subject) {
    // their messages go with them (ON DELETE CASCADE)
    return subject.eraseCases(
        (ids, cases) ->
            jdbc.update(
                "DELETE FROM baton_agent_conversation WHERE process_instance_id IN (%s)"
                    .formatted(ids),
                cases));
  }
}
