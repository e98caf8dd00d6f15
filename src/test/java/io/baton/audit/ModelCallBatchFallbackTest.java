package io.baton.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.models.ModelCallRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DeadlockLoserDataAccessException;
import org.springframework.dao.DuplicateKeyException;

/**
 * The batch endpoint keeps a batch in one transaction; when that transaction meets a report of one
 * of its calls racing it, or loses a lock, it keeps the reports one by one instead, and a report
 * kept meanwhile by the other request answers {@code first: false}.
 */
class ModelCallBatchFallbackTest {

  private final IdentityServiceImpl identity = new IdentityServiceImpl();

  @AfterEach
  void signOut() {
    identity.clearAuthentication();
  }

  @Test
  void a_batch_that_meets_a_racing_report_is_kept_one_by_one() {
    assertOneByOne(new DuplicateKeyException("call b was kept by a racing request"));
  }

  @Test
  void a_batch_that_loses_a_lock_is_kept_one_by_one() {
    assertOneByOne(new DeadlockLoserDataAccessException("deadlock", null));
  }

  private void assertOneByOne(RuntimeException batchFailure) {
    List<String> keptOneByOne = new ArrayList<>();
    JdbcModelCallLog log =
        new JdbcModelCallLog(null, null, null, null) {
          @Override
          public List<Boolean> recordAll(List<ModelCallRecord> calls) {
            throw batchFailure;
          }

          @Override
          public boolean record(ModelCallRecord call) {
            keptOneByOne.add(call.callId());
            if (call.callId().equals("b")) {
              throw new DuplicateKeyException("call b was kept by the racing request");
            }
            return true;
          }
        };
    identity.setAuthentication("worker", List.of("workers"));

    List<ModelCallController.Kept> answer =
        new ModelCallController(log, identity).recordAll(List.of(call("a"), call("b")));

    assertThat(keptOneByOne).containsExactly("a", "b");
    assertThat(answer)
        .containsExactly(
            new ModelCallController.Kept("a", true), new ModelCallController.Kept("b", false));
  }

  private static ModelCallRecord call(String callId) {
    return new ModelCallRecord(
        callId,
        Instant.now(),
        "local",
        "local",
        "all-minilm-l6-v2",
        "classify",
        null,
        null,
        0,
        0,
        BigDecimal.ZERO,
        1,
        "OK",
        null,
        "sha-" + callId,
        "case-1",
        "classify-intent",
        "task-" + callId,
        null,
        null);
  }
}
