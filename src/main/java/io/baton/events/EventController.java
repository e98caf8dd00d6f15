package io.baton.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.baton.events.CloudEventReader.Read;
import io.baton.events.EventIntake.Taken;
import io.baton.events.EventsProperties.Action;
import io.baton.identity.BatonGroups;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Events over HTTP, for the embedded default without a broker: {@code POST /api/events} with a
 * CloudEvent in structured mode answers 201 (a case started), 202 (a waiting case continued) or 200
 * with {@code "duplicate": true} and the first delivery's case; a refused event answers 400 with
 * the reason. A batch ({@code application/cloudevents-batch+json}) is answered per event. Only the
 * integrations group and administrators may post.
 */
@RestController
@RequestMapping("/api/events")
class EventController {

  static final String STRUCTURED = "application/cloudevents+json";
  static final String BATCH = "application/cloudevents-batch+json";
  private static final Set<String> POSTERS = Set.of(BatonGroups.INTEGRATIONS, Groups.CAMUNDA_ADMIN);

  private final EventIntake intake;
  private final CloudEventReader reader;
  private final IdentityService identity;

  EventController(EventIntake intake, CloudEventReader reader, IdentityService identity) {
    this.intake = intake;
    this.reader = reader;
    this.identity = identity;
  }

  @PostMapping(consumes = {STRUCTURED, "application/json"})
  ResponseEntity<Answer> post(@RequestBody(required = false) byte[] body) {
    requirePoster();
    IncomingEvent event = reader.structured(body);
    Taken taken = intake.take(event);
    return ResponseEntity.status(status(taken)).body(Answer.of(event.id(), taken));
  }

  @PostMapping(consumes = BATCH)
  List<Answer> postBatch(@RequestBody(required = false) byte[] body) {
    requirePoster();
    List<Answer> answers = new ArrayList<>();
    for (Read read : reader.batch(body)) {
      if (read.refusal() != null) {
        answers.add(Answer.refused(read.id(), read.refusal()));
        continue;
      }
      try {
        Taken taken = intake.take(read.event());
        answers.add(Answer.of(read.id(), taken));
      } catch (EventRefusedException e) {
        answers.add(Answer.refused(read.id(), e.getMessage()));
      }
    }
    return answers;
  }

  @ExceptionHandler(EventRefusedException.class)
  ProblemDetail refused(EventRefusedException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("Event refused");
    return problem;
  }

  private void requirePoster() {
    BatonGroups.require(identity, POSTERS, "post events");
  }

  private static HttpStatus status(Taken taken) {
    if (taken.duplicate()) {
      return HttpStatus.OK;
    }
    return taken.action() == Action.START ? HttpStatus.CREATED : HttpStatus.ACCEPTED;
  }

  /**
   * @param status per event in a batch: the status a single post would have answered
   * @param reason why the event was refused, else absent
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Answer(
      String eventId, String processInstanceId, Boolean duplicate, int status, String reason) {

    static Answer of(String eventId, Taken taken) {
      return new Answer(
          eventId,
          taken.processInstanceId(),
          taken.duplicate(),
          EventController.status(taken).value(),
          null);
    }

    static Answer refused(String eventId, String reason) {
      return new Answer(eventId, null, null, HttpStatus.BAD_REQUEST.value(), reason);
    }
  }
}
