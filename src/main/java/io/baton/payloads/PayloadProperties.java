package io.baton.payloads;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code baton.payloads.*}: how large a variable a connector may write inline, and how large at
 * most.
 *
 * @param inlineLimit a value whose JSON is larger is stored by reference
 * @param maxSize a value whose JSON is larger is refused (the task fails with an incident); a
 *     standalone worker sends a payload as one request, so keep it within {@code
 *     baton.security.max-request-size}
 * @param timeToLive how long a payload is kept after it was stored; an expired payload is deleted
 *     once its case has ended
 * @param subjectVariables the process variables that name a case's subject (the first one set
 *     counts), stored with each payload so one subject's payloads can be erased
 */
@ConfigurationProperties("baton.payloads")
public record PayloadProperties(
    @DefaultValue("16KB") DataSize inlineLimit,
    @DefaultValue("1MB") DataSize maxSize,
    @DefaultValue("180d") Duration timeToLive,
    @DefaultValue({"subjectId", "customerId", "supplierId"})
        java.util.List<String> subjectVariables) {

  public PayloadProperties {
    if (inlineLimit.toBytes() <= 0 || maxSize.toBytes() < inlineLimit.toBytes()) {
      throw new IllegalArgumentException(
          "baton.payloads.max-size (%s) must be at least baton.payloads.inline-limit (%s), which"
                  .formatted(maxSize, inlineLimit)
              + " must be positive: set BATON_PAYLOADS_MAX_SIZE and BATON_PAYLOADS_INLINE_LIMIT");
    }
  }
}
