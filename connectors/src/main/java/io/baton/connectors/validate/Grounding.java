package io.baton.connectors.validate;

import io.baton.models.Embeddings;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How well sources support a text: each sentence of the text (a "claim") is compared with each
 * source and each sentence of a source, and a claim is supported by its most similar one. Sentences
 * of fewer than {@value #MIN_WORDS} words ("Dear Ms Smith,") are not claims; a text without any
 * longer sentence is one claim as a whole.
 *
 * <p>Similarity measures whether a source speaks about the same thing, not whether it agrees: a
 * claim off the sources' subject scores about 0.2, a paraphrase of a source about 0.9, but a claim
 * that contradicts a source on its own subject can still score 0.6 to 0.8. The check catches
 * invented topics, not wrong details; a reviewer still reads what matters.
 */
final class Grounding {

  static final int MIN_WORDS = 4;

  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?;])\\s+|\\R+");

  /** A claim of the text and the similarity of its closest source. */
  record Claim(String text, double support) {}

  private final Embeddings embeddings;

  Grounding(Embeddings embeddings) {
    this.embeddings = embeddings;
  }

  /** The claims of the text with their support; empty when the text is blank. */
  List<Claim> claims(String text, List<String> sources) {
    List<String> claims = sentences(text);
    if (claims.isEmpty()) {
      if (text.isBlank()) {
        return List.of();
      }
      claims = List.of(text.strip());
    }
    List<String> references = new ArrayList<>();
    for (String source : sources) {
      references.add(source);
      List<String> sentences = sentences(source);
      if (sentences.size() > 1) {
        references.addAll(sentences);
      }
    }
    List<float[]> claimVectors = embeddings.vectors(claims);
    List<float[]> referenceVectors = embeddings.vectors(references);
    List<Claim> result = new ArrayList<>();
    for (int i = 0; i < claims.size(); i++) {
      double support = 0;
      for (float[] reference : referenceVectors) {
        support = Math.max(support, Embeddings.cosine(claimVectors.get(i), reference));
      }
      result.add(new Claim(claims.get(i), Math.round(support * 1000) / 1000.0));
    }
    return result;
  }

  static List<String> sentences(String text) {
    List<String> sentences = new ArrayList<>();
    for (String sentence : SENTENCE_END.split(text)) {
      String stripped = sentence.strip();
      if (stripped.split("\\s+").length >= MIN_WORDS) {
        sentences.add(stripped);
      }
    }
    return sentences;
  }
}
