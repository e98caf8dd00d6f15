package io.baton.connectors.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a markdown or text document into passages: a heading starts a new section, a blank line
 * ends a paragraph, and a paragraph longer than {@value #MAX_LENGTH} characters is cut between
 * sentences. Each passage carries the headings above it as its title.
 */
final class PassageSplitter {

  static final int MAX_LENGTH = 600;

  private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.+?)\\s*#*\\s*$");
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");

  private PassageSplitter() {}

  static List<Passage> split(String fileName, String content) {
    List<Passage> passages = new ArrayList<>();
    String[] headings = new String[6];
    StringBuilder paragraph = new StringBuilder();
    for (String line : content.split("\\R", -1)) {
      Matcher heading = HEADING.matcher(line);
      if (heading.matches()) {
        flush(fileName, title(fileName, headings), paragraph, passages);
        int level = heading.group(1).length();
        headings[level - 1] = heading.group(2);
        for (int deeper = level; deeper < headings.length; deeper++) {
          headings[deeper] = null;
        }
      } else if (line.isBlank()) {
        flush(fileName, title(fileName, headings), paragraph, passages);
      } else {
        paragraph.append(paragraph.isEmpty() ? "" : "\n").append(line.strip());
      }
    }
    flush(fileName, title(fileName, headings), paragraph, passages);
    return passages;
  }

  private static void flush(
      String fileName, String title, StringBuilder paragraph, List<Passage> passages) {
    String text = paragraph.toString().strip();
    paragraph.setLength(0);
    if (text.isEmpty()) {
      return;
    }
    for (String chunk : chunks(text)) {
      passages.add(new Passage(fileName + "#" + (passages.size() + 1), title, chunk));
    }
  }

  /** The paragraph in pieces of at most MAX_LENGTH characters, cut after a sentence if it can. */
  private static List<String> chunks(String text) {
    if (text.length() <= MAX_LENGTH) {
      return List.of(text);
    }
    List<String> chunks = new ArrayList<>();
    StringBuilder chunk = new StringBuilder();
    for (String sentence : SENTENCE_END.split(text)) {
      if (!chunk.isEmpty() && chunk.length() + 1 + sentence.length() > MAX_LENGTH) {
        chunks.add(chunk.toString());
        chunk.setLength(0);
      }
      while (sentence.length() > MAX_LENGTH) {
        int cut = sentence.lastIndexOf(' ', MAX_LENGTH);
        cut = cut > 0 ? cut : MAX_LENGTH;
        chunks.add(sentence.substring(0, cut).strip());
        sentence = sentence.substring(cut).strip();
      }
      chunk.append(chunk.isEmpty() ? "" : " ").append(sentence);
    }
    if (!chunk.isEmpty()) {
      chunks.add(chunk.toString());
    }
    return chunks;
  }

  private static String title(String fileName, String[] headings) {
    List<String> path = new ArrayList<>();
    for (String heading : headings) {
      if (heading != null) {
        path.add(heading);
      }
    }
    if (path.isEmpty()) {
      int dot = fileName.lastIndexOf('.');
      return dot > 0 ? fileName.substring(0, dot) : fileName;
    }
    return String.join(" > ", path);
  }
}
