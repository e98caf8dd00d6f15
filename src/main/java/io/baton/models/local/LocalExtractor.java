package io.baton.models.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.data.embedding.Embedding;
import io.baton.models.PromptRef;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a flat JSON schema from a document whose fields are written as labelled lines ({@code
 * Invoice number: INV-17}). Each property takes the value of the line whose label is most like the
 * property's name, title and description; values are converted to the property's type. It reads
 * structured documents only: a field that is not on a labelled line stays empty, and the schema
 * check says so.
 */
final class LocalExtractor {

  static final PromptRef LABELLED_LINES = new PromptRef("local-labelled-lines", 1);

  /** Label similarity below which a line is not taken for a property. */
  static final double MIN_SIMILARITY = 0.55;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern LABELLED_LINE =
      Pattern.compile("^\\s*([^:=]{1,60}?)\\s*[:=]\\s*(.+?)\\s*$");
  private static final Pattern NUMBER = Pattern.compile("-?[0-9][0-9.,' ]*");

  private final LocalEmbeddings embeddings;

  LocalExtractor(LocalEmbeddings embeddings) {
    this.embeddings = embeddings;
  }

  String extract(String text, String schema) {
    JsonNode properties = properties(schema);
    List<String[]> lines = labelledLines(text);
    List<Embedding> labels = lines.stream().map(line -> embeddings.embed(line[0])).toList();
    ObjectNode result = JSON.createObjectNode();
    boolean[] used = new boolean[lines.size()];
    for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> property = it.next();
      int best = bestLine(property.getKey(), property.getValue(), lines, labels, used);
      if (best >= 0) {
        Object value = convert(lines.get(best)[1], property.getValue());
        if (value != null) {
          used[best] = true;
          put(result, property.getKey(), value);
        }
      }
    }
    return result.toString();
  }

  private int bestLine(
      String name,
      JsonNode property,
      List<String[]> lines,
      List<Embedding> labels,
      boolean[] used) {
    List<Embedding> wanted = new ArrayList<>();
    for (String phrase :
        List.of(
            words(name),
            property.path("title").asText(""),
            property.path("description").asText(""))) {
      if (!phrase.isBlank()) {
        wanted.add(embeddings.embedCached(phrase));
      }
    }
    int best = -1;
    double bestSimilarity = MIN_SIMILARITY;
    for (int i = 0; i < lines.size(); i++) {
      if (used[i]) {
        continue;
      }
      String label = normalise(lines.get(i)[0]);
      double similarity =
          label.equals(normalise(name))
                  || label.equals(normalise(property.path("title").asText("")))
              ? 1
              : closest(wanted, labels.get(i));
      if (similarity > bestSimilarity) {
        best = i;
        bestSimilarity = similarity;
      }
    }
    return best;
  }

  private static void put(ObjectNode result, String name, Object value) {
    if (value instanceof BigDecimal number) {
      result.put(name, number);
    } else if (value instanceof java.math.BigInteger number) {
      result.put(name, number);
    } else if (value instanceof Boolean bool) {
      result.put(name, bool);
    } else {
      result.put(name, value.toString());
    }
  }

  private static double closest(List<Embedding> phrases, Embedding label) {
    return phrases.stream().mapToDouble(p -> LocalEmbeddings.similarity(p, label)).max().orElse(0);
  }

  private static Object convert(String value, JsonNode property) {
    JsonNode options = property.path("enum");
    if (options.isArray()) {
      for (JsonNode option : options) {
        if (option.asText().equalsIgnoreCase(value.strip())) {
          return option.asText();
        }
      }
      return null;
    }
    return switch (property.path("type").asText("string")) {
      case "number" -> number(value);
      case "integer" -> {
        BigDecimal number = number(value);
        yield number == null || number.stripTrailingZeros().scale() > 0
            ? null
            : number.toBigInteger();
      }
      case "boolean" -> bool(value);
      case "string" -> value.strip();
      default -> null;
    };
  }

  /** Reads 1234.5, 1,234.50, 1.234,50 and 1'234.50, with or without a currency around them. */
  static BigDecimal number(String value) {
    Matcher matcher = NUMBER.matcher(value);
    if (!matcher.find()) {
      return null;
    }
    String digits = matcher.group().replaceAll("[' ]", "").replaceAll("[.,]$", "");
    if (ambiguous(digits)) {
      return null;
    }
    int comma = digits.lastIndexOf(',');
    int dot = digits.lastIndexOf('.');
    if (comma > dot) {
      boolean decimalComma = digits.length() - comma - 1 != 3 || dot >= 0;
      digits = decimalComma ? digits.replace(".", "").replace(',', '.') : digits.replace(",", "");
    } else {
      digits = digits.replace(",", "");
    }
    try {
      return new BigDecimal(digits.replaceAll("[.,]$", ""));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * One separator followed by exactly three digits (1,000 or 10.500) is a thousands separator in
   * one convention and a decimal point in the other: better no value, which sends the document to a
   * person, than a wrong amount.
   */
  private static boolean ambiguous(String digits) {
    boolean oneComma = digits.indexOf(',') >= 0 && digits.indexOf(',') == digits.lastIndexOf(',');
    boolean oneDot = digits.indexOf('.') >= 0 && digits.indexOf('.') == digits.lastIndexOf('.');
    int separator = Math.max(digits.indexOf(','), digits.indexOf('.'));
    return (oneComma ^ oneDot) && digits.length() - separator - 1 == 3;
  }

  private static Boolean bool(String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "yes", "true", "y", "ja", "oui" -> true;
      case "no", "false", "n", "nein", "non" -> false;
      default -> null;
    };
  }

  private static JsonNode properties(String schema) {
    try {
      JsonNode properties = JSON.readTree(schema).path("properties");
      if (!properties.isObject()) {
        throw new IllegalArgumentException("the JSON schema has no properties to fill");
      }
      return properties;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "the JSON schema is not valid JSON: " + e.getOriginalMessage());
    }
  }

  private static List<String[]> labelledLines(String text) {
    List<String[]> lines = new ArrayList<>();
    for (String line : text.split("\\R")) {
      Matcher matcher = LABELLED_LINE.matcher(line);
      if (matcher.matches()) {
        lines.add(new String[] {matcher.group(1), matcher.group(2)});
      }
    }
    return lines;
  }

  private static String words(String name) {
    return name.replaceAll("([a-z])([A-Z])", "$1 $2").replace('_', ' ').replace('-', ' ');
  }

  private static String normalise(String label) {
    return label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }
}
