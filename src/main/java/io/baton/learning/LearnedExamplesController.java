package io.baton.learning;

import io.baton.connectors.labels.LabelSetCatalog;
import io.baton.identity.BatonGroups;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/learned-examples?labelSet=...}: the examples the local model uses for a label
 * set, with who taught them and from which case (standalone workers read them here); {@code DELETE
 * /api/learned-examples?reviewer=...}: removes what one reviewer's corrections taught.
 */
@RestController
@RequestMapping("/api/learned-examples")
class LearnedExamplesController {

  private static final Logger log = LoggerFactory.getLogger(LearnedExamplesController.class);

  private final LearnedExampleStore store;
  private final LabelSetCatalog labelSets;
  private final IdentityService identity;

  LearnedExamplesController(
      LearnedExampleStore store, LabelSetCatalog labelSets, IdentityService identity) {
    this.store = store;
    this.labelSets = labelSets;
    this.identity = identity;
  }

  @GetMapping
  List<StoredExample> used(@RequestParam String labelSet) {
    BatonGroups.require(
        identity,
        Set.of(BatonGroups.WORKERS, BatonGroups.SUPERVISORS, BatonGroups.AUDITORS, "camunda-admin"),
        "read learned examples");
    try {
      labelSets.get(labelSet);
    } catch (IllegalArgumentException unknown) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, unknown.getMessage());
    }
    return store.used(labelSet);
  }

  @DeleteMapping
  Map<String, Object> removeByReviewer(@RequestParam String reviewer) {
    BatonGroups.require(
        identity, Set.of(BatonGroups.SUPERVISORS, "camunda-admin"), "remove learned examples");
    if (reviewer.isBlank()) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "name the reviewer");
    }
    int removed = store.removeByReviewer(reviewer);
    log.info(
        "{} removed the {} learned examples of reviewer {}",
        identity.getCurrentAuthentication().getUserId(),
        removed,
        reviewer);
    return Map.of("reviewer", reviewer, "removed", removed);
  }
}
