package io.baton.tracing;

import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;

import io.opentelemetry.api.common.AttributeKey;

/**
 * The attributes of Baton's spans: the OpenTelemetry GenAI semantic conventions (checked against
 * {@code opentelemetry-semconv-incubating} by {@code GenAiAttributesTest}; copied, because that
 * artifact is unstable by design) and Baton's own links to the case ({@code baton.*}).
 */
public final class GenAiAttributes {

  public static final AttributeKey<String> OPERATION_NAME = stringKey("gen_ai.operation.name");
  public static final AttributeKey<String> PROVIDER_NAME = stringKey("gen_ai.provider.name");
  public static final AttributeKey<String> REQUEST_MODEL = stringKey("gen_ai.request.model");
  public static final AttributeKey<Long> USAGE_INPUT_TOKENS = longKey("gen_ai.usage.input_tokens");
  public static final AttributeKey<Long> USAGE_OUTPUT_TOKENS =
      longKey("gen_ai.usage.output_tokens");
  public static final AttributeKey<String> TOOL_NAME = stringKey("gen_ai.tool.name");
  public static final AttributeKey<String> TOOL_CALL_ID = stringKey("gen_ai.tool.call.id");
  public static final AttributeKey<String> TOOL_TYPE = stringKey("gen_ai.tool.type");
  public static final AttributeKey<String> AGENT_NAME = stringKey("gen_ai.agent.name");
  public static final AttributeKey<String> AGENT_ID = stringKey("gen_ai.agent.id");
  public static final AttributeKey<String> ERROR_TYPE = stringKey("error.type");

  public static final String CHAT = "chat";
  public static final String EXECUTE_TOOL = "execute_tool";
  public static final String INVOKE_AGENT = "invoke_agent";

  /** A tool that calls an outside API or system from the worker (semconv's {@code extension}). */
  public static final String TOOL_TYPE_EXTENSION = "extension";

  public static final AttributeKey<String> PROCESS_DEFINITION_KEY =
      stringKey("baton.process_definition_key");
  public static final AttributeKey<String> PROCESS_INSTANCE_ID =
      stringKey("baton.process_instance_id");
  public static final AttributeKey<String> ACTIVITY_ID = stringKey("baton.activity_id");
  public static final AttributeKey<String> EXTERNAL_TASK_ID = stringKey("baton.external_task_id");
  public static final AttributeKey<String> TOPIC = stringKey("baton.topic");
  public static final AttributeKey<String> TASK_OUTCOME = stringKey("baton.task.outcome");
  public static final AttributeKey<String> MODEL = stringKey("baton.model");
  public static final AttributeKey<String> MODEL_TASK = stringKey("baton.model.task");
  public static final AttributeKey<String> PROMPT_ID = stringKey("baton.prompt.id");
  public static final AttributeKey<Long> PROMPT_VERSION = longKey("baton.prompt.version");

  private GenAiAttributes() {}
}
