package io.baton.connectors;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/**
 * Reads an input component that holds JSON (a map of query parameters, a request body) from either
 * form it reaches a connector in: a value (a map or list a diagram's expression made, or a JSON
 * variable as the engine reads it) or JSON text (a template field, or a JSON variable as the worker
 * receives it). Both bind to the same value, so an approval's digest computed by the engine matches
 * the one the worker computes. Text that is not JSON fails the binding, naming the component.
 *
 * <p>Use it as {@code @JsonDeserialize(using = JsonTextOrValue.class)} on a record component.
 */
public class JsonTextOrValue extends JsonDeserializer<Object> implements ContextualDeserializer {

  /** Refuses a name given twice, so a value put into the text cannot override another one. */
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private final JavaType type;

  public JsonTextOrValue() {
    this(null);
  }

  private JsonTextOrValue(JavaType type) {
    this.type = type;
  }

  @Override
  public JsonDeserializer<?> createContextual(
      DeserializationContext context, BeanProperty property) {
    JavaType target = property == null ? context.constructType(Object.class) : property.getType();
    return new JsonTextOrValue(target);
  }

  @Override
  public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    JavaType target = type == null ? context.constructType(Object.class) : type;
    JsonNode tree;
    if (parser.currentToken() == JsonToken.VALUE_STRING) {
      String text = parser.getText();
      if (text.isBlank()) {
        return null;
      }
      try {
        tree = JSON.readTree(text);
      } catch (JsonProcessingException e) {
        throw context.weirdStringException(
            abbreviate(text), target.getRawClass(), "not JSON: " + e.getOriginalMessage());
      }
    } else {
      tree = context.readTree(parser);
    }
    // plain Java maps, lists and values, whatever modules the caller's mapper has
    return JSON.convertValue(tree, JSON.constructType(target));
  }

  private static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 80) + "...";
  }
}
