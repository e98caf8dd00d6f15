package io.baton.connectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.codec.digest.DigestUtils;

/**
 * The SHA-256 digest of an action's exact arguments, computed the same way where an approval is
 * given (the engine, from the diagram's input mappings) and where the action runs (the worker, from
 * the connector's bound input): the arguments as JSON with sorted names and numbers in one form, so
 * {@code 5}, {@code 5.0} and {@code 5L} are the same argument and anything else is not.
 */
public final class ActionDigest {

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          // the modules named, not all on the classpath: a test classpath has Kafka's Scala module,
          // which would turn untyped maps and lists into Scala collections
          .addModules(new Jdk8Module(), new JavaTimeModule(), new ParameterNamesModule())
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .build();

  private ActionDigest() {}

  /** The digest of an action's arguments: a connector's input record, or a map of arguments. */
  public static String of(Object arguments) {
    return DigestUtils.sha256Hex(canonical(JSON.valueToTree(arguments)).toString());
  }

  /**
   * Binds argument values to a connector's input record as the worker runtime does (by component
   * name, unknown names ignored), so the engine can compute the digest the worker will compute.
   */
  public static <I> I bind(Map<String, ?> arguments, Class<I> inputType) {
    return JSON.convertValue(jsonAsText(arguments, inputType), inputType);
  }

  /**
   * The arguments with each JSON value given to a text component of the input record as its JSON
   * text, as the worker and the engine both read them.
   */
  public static Map<String, Object> jsonAsText(Map<String, ?> arguments, Class<?> inputType) {
    Map<String, Object> read = new java.util.LinkedHashMap<>(arguments);
    for (var component : inputType.getRecordComponents()) {
      if (component.getType() == String.class
          && read.get(component.getName()) instanceof JsonNode json) {
        read.put(component.getName(), json.isTextual() ? json.asText() : json.toString());
      }
    }
    return read;
  }

  /** Reads a JSON text (a JSON process variable) as a tree, to bind or digest it. */
  public static JsonNode readJson(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static JsonNode canonical(JsonNode node) {
    if (node.isObject()) {
      ObjectNode sorted = JsonNodeFactory.instance.objectNode();
      Map<String, JsonNode> fields = new TreeMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        fields.put(field.getKey(), canonical(field.getValue()));
      }
      fields.forEach(sorted::set);
      return sorted;
    }
    if (node.isArray()) {
      var array = JsonNodeFactory.instance.arrayNode();
      node.forEach(element -> array.add(canonical(element)));
      return array;
    }
    if (node.isNumber()) {
      BigDecimal number = node.decimalValue().stripTrailingZeros();
      return JsonNodeFactory.instance.textNode("number:" + number.toPlainString());
    }
    return node;
  }
}
