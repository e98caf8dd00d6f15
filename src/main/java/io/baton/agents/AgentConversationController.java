package io.baton.agents;

import io.baton.connectors.agent.Conversation;
import io.baton.identity.BatonGroups;
import io.baton.models.RenderedPrompt;
import io.baton.models.Usage;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/agent-conversations}: agent conversations for standalone workers, which have no
 * database of their own. Only the workers' service account may use it; every write names its place,
 * so a request sent again changes nothing.
 */
@RestController
@RequestMapping("/api/agent-conversations")
class AgentConversationController {

  private final JdbcAgentConversations conversations;
  private final IdentityService identity;

  AgentConversationController(JdbcAgentConversations conversations, IdentityService identity) {
    this.conversations = conversations;
    this.identity = identity;
  }

  @GetMapping
  ResponseEntity<Conversation> find(@RequestParam String id) {
    require("read agent conversations");
    return ResponseEntity.of(conversations.find(id));
  }

  @PostMapping
  ResponseEntity<Void> open(@RequestBody Opening opening) {
    require("open agent conversations");
    if (opening.conversationId() == null
        || opening.processInstanceId() == null
        || opening.activityId() == null
        || opening.prompt() == null
        || opening.prompt().ref() == null
        || opening.prompt().user() == null) {
      throw new IllegalArgumentException(
          "an opening needs conversationId, processInstanceId, activityId and the prompt");
    }
    conversations.open(
        opening.conversationId(),
        opening.processInstanceId(),
        opening.activityId(),
        opening.prompt());
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/model-calls")
  ResponseEntity<Void> countModelCall(@RequestBody Counted call) {
    require("count agent model calls");
    if (call.conversationId() == null) {
      throw new IllegalArgumentException("a model call needs its conversationId");
    }
    conversations.countModelCall(call.conversationId());
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/turns")
  Kept keepTurn(@RequestBody Turn turn) {
    require("keep agent turns");
    if (turn.conversationId() == null
        || turn.activityInstanceId() == null
        || turn.messages() == null
        || turn.messages().isEmpty()
        || turn.usage() == null
        || turn.cost() == null) {
      throw new IllegalArgumentException(
          "a turn needs conversationId, activityInstanceId, messages, usage and cost");
    }
    return new Kept(
        conversations.keepTurn(
            turn.conversationId(),
            turn.activityInstanceId(),
            turn.messages(),
            turn.usage(),
            turn.cost()));
  }

  private void require(String what) {
    BatonGroups.require(identity, Set.of(BatonGroups.WORKERS), what);
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ProblemDetail refused(IllegalArgumentException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("Refused by the agent conversations");
    return problem;
  }

  record Opening(
      String conversationId, String processInstanceId, String activityId, RenderedPrompt prompt) {}

  record Counted(String conversationId) {}

  record Turn(
      String conversationId,
      String activityInstanceId,
      List<Conversation.Kept> messages,
      Usage usage,
      BigDecimal cost) {}

  record Kept(boolean kept) {}
}
