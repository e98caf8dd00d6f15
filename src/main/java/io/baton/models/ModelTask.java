package io.baton.models;

import java.util.List;

/** What a connector asks a model to do; each kind names the call site it is made for. */
public sealed interface ModelTask {

  CallSite site();

  /**
   * Pick one of the labels for the text.
   *
   * @param labelSet the id of the label set the labels come from, whose learned examples a model
   *     may use too; null for labels a task names itself
   * @param context what the process knows from before (such as the subject's earlier cases), sent
   *     with the text to a generative model; empty when there is none
   */
  record Classify(
      String text, List<LabelExamples> labels, String labelSet, String context, CallSite site)
      implements ModelTask {
    public Classify {
      labels = List.copyOf(labels);
      context = context == null ? "" : context;
    }

    public Classify(String text, List<LabelExamples> labels, CallSite site) {
      this(text, labels, null, "", site);
    }
  }

  /**
   * Draft a reply to the text; a non-generative model chooses among the candidates.
   *
   * @param context what the process knows from before, as for {@link Classify}
   */
  record DraftReply(String text, List<String> candidates, String context, CallSite site)
      implements ModelTask {
    public DraftReply {
      candidates = List.copyOf(candidates);
      context = context == null ? "" : context;
    }

    public DraftReply(String text, List<String> candidates, CallSite site) {
      this(text, candidates, "", site);
    }
  }

  /**
   * Fill the JSON schema from the text.
   *
   * @param problems what was wrong with the previous attempt, fed back for a repair; empty at first
   */
  record Extract(String text, String jsonSchema, List<String> problems, CallSite site)
      implements ModelTask {
    public Extract {
      problems = List.copyOf(problems);
    }
  }

  /** Answer a rendered prompt. */
  record Ask(RenderedPrompt prompt, CallSite site) implements ModelTask {}

  /**
   * Take the next turn of a tool-calling agent: the opening prompt (the agent's instructions and
   * goal), the conversation since, and the tools it may call.
   */
  record Converse(
      RenderedPrompt prompt, List<AgentMessage> messages, List<ToolSpec> tools, CallSite site)
      implements ModelTask {
    public Converse {
      messages = List.copyOf(messages);
      tools = List.copyOf(tools);
    }
  }
}
