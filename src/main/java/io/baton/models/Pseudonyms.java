package io.baton.models;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Personal data swapped for placeholders before a prompt leaves the machine, and swapped back in
 * the answer. The same value gets the same placeholder ({@code [EMAIL_1]}, {@code [IBAN_2]}, ...)
 * within one call, so a model can still tell values apart, refer to them and copy them into its
 * answer; only placeholders this call handed out are restored.
 */
public final class Pseudonyms {

  private final Map<String, String> placeholderByValue = new HashMap<>();
  private final Map<String, String> valueByPlaceholder = new LinkedHashMap<>();
  private final Map<PersonalData.Kind, Integer> counts = new EnumMap<>(PersonalData.Kind.class);

  /** The text with its personal data replaced by placeholders; {@code null} stays {@code null}. */
  public String hide(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder hidden = new StringBuilder();
    int from = 0;
    for (PersonalData.Finding finding : PersonalData.find(text)) {
      if (finding.start() < from) {
        continue; // overlaps a finding already replaced
      }
      String value = text.substring(finding.start(), finding.end());
      hidden.append(text, from, finding.start()).append(placeholder(finding.kind(), value));
      from = finding.end();
    }
    return hidden.append(text.substring(from)).toString();
  }

  /** The text with this call's placeholders replaced by the values they stand for. */
  public String restore(String text) {
    if (text == null || valueByPlaceholder.isEmpty()) {
      return text;
    }
    String restored = text;
    for (Map.Entry<String, String> entry : valueByPlaceholder.entrySet()) {
      restored = restored.replace(entry.getKey(), entry.getValue());
    }
    return restored;
  }

  /** How many values were hidden. */
  public int size() {
    return valueByPlaceholder.size();
  }

  private String placeholder(PersonalData.Kind kind, String value) {
    return placeholderByValue.computeIfAbsent(
        value,
        v -> {
          int number = counts.merge(kind, 1, Integer::sum);
          String placeholder = "[" + kind + "_" + number + "]";
          valueByPlaceholder.put(placeholder, v);
          return placeholder;
        });
  }
}
