package io.baton.connectors.reply;

import io.baton.connectors.ConnectorFunction;
import io.baton.connectors.TaskContext;
import io.baton.connectors.labels.LabelSet;
import io.baton.connectors.labels.LabelSetCatalog;
import io.baton.models.Completions;
import io.baton.models.Model;
import io.baton.models.ModelRegistry;
import io.baton.models.ModelTask;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.springframework.stereotype.Component;

/** Drafts a reply from the reply templates of an intent, on topic {@code baton.draft-reply}. */
@Component
public class DraftReplyFunction implements ConnectorFunction<DraftReplyRequest, DraftReplyResult> {

  private final ModelRegistry models;
  private final LabelSetCatalog labelSets;

  public DraftReplyFunction(ModelRegistry models, LabelSetCatalog labelSets) {
    this.models = models;
    this.labelSets = labelSets;
  }

  @Override
  public String topic() {
    return "baton.draft-reply";
  }

  @Override
  public Class<DraftReplyRequest> inputType() {
    return DraftReplyRequest.class;
  }

  @Override
  public DraftReplyResult apply(DraftReplyRequest request, TaskContext context) {
    return Completions.join(applyAsync(request, context, Completions.CALLER));
  }

  @Override
  public CompletionStage<DraftReplyResult> applyAsync(
      DraftReplyRequest request, TaskContext context, Executor executor) {
    LabelSet labelSet = labelSets.get(request.labelSet());
    LabelSet.Label label =
        labelSet
            .label(request.intent())
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "intent '%s' is not in label set '%s': it has %s"
                            .formatted(request.intent(), labelSet.id(), labelSet.names())));
    Model model = models.get(request.model());
    String customerId = request.customerId() == null ? "" : request.customerId();
    return model
        .draftAsync(
            new ModelTask.DraftReply(
                request.message(), label.replies(), request.context(), context.callSite()),
            executor)
        .thenApply(
            draft ->
                new DraftReplyResult(
                    draft.text().replace("{customerId}", customerId),
                    draft.generated(),
                    draft.model()));
  }
}
