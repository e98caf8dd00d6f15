package io.baton.connectors.guard;

import io.baton.connectors.guard.Finding.Kind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deterministic detectors: word patterns for critical signals (legal action, data-protection
 * demands, refunds, money amounts) and for text that tries to instruct the system (prompt
 * injection), and decoders for payloads hidden in base64, hex or invisible characters, whose
 * decoded text is checked again.
 */
final class Detectors {

  private record Detector(Kind kind, String name, Pattern pattern) {}

  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  /** Anything within one sentence. */
  private static final String NEAR = "[^.!?\\n]{0,40}?";

  private static final List<Detector> DETECTORS =
      List.of(
          // critical signals
          detector(
              Kind.LEGAL_ACTION,
              "legal action",
              "\\b(lawyers?|attorneys?|solicitors?|legal (action|firm|team|steps|proceedings|advice)"
                  + "|law ?suits?|sue|suing|court|litigation|police|fraud|scam|breach of contract"
                  + "|consumer protection|ombudsman|trading standards)\\b"),
          detector(
              Kind.DATA_PROTECTION,
              "data-protection demand",
              "\\b(gdpr|dsgvo|data protection|right to be forgotten|erasure|subject access|dsar"
                  + "|article 1[5-7]|personal (data|information)"
                  + "|(delete|erase|wipe|remove|close)\\s+(my|all( of)?( my)?|the|every)\\s*"
                  + "(account|data|records?|information|details|everything)"
                  + "|(what|which|all)( personal)? data you (hold|store|keep|have|share|process))\\b"),
          detector(
              Kind.REFUND,
              "refund or chargeback",
              "\\b(refunds?|refunded|reimburse\\w*|charge ?backs?|money back|compensation"
                  + "|dispute (the|a|this) (charge|payment|transaction)"
                  + "|reverse (the|this|my) (payment|charge)|(charged|billed) twice|double charged)\\b"),
          detector(
              Kind.AMOUNT,
              "money amount",
              "(?:[€$£]|\\b(?:eur|usd|gbp|chf)\\b)\\s?\\d[\\d.,']*"
                  + "|\\b\\d[\\d.,']*\\s?(?:[€$£]|(?:eur|euros?|usd|dollars?|gbp|pounds?|chf|francs?)\\b)"),
          // text that tries to instruct the system
          detector(
              Kind.PROMPT_INJECTION,
              "ignore instructions",
              "\\b(ignore|disregard|forget|override|overrule|skip|bypass)\\b"
                  + NEAR
                  + "\\b(instructions?|rules|directives?|guidelines|prompts?|polic(y|ies)|restrictions"
                  + "|directions|what you were told|everything (you were|i said|above))\\b"
                  + "|\\b(forget|ignore|disregard) (everything|all|all rules|the above|above)\\b"
                  + "|\\b(vergiss|ignoriere)\\b.{0,40}\\b(anweisungen|regeln|alles)\\b"
                  + "|\\bignorez?\\b.{0,20}\\binstructions\\b"),
          detector(
              Kind.PROMPT_INJECTION,
              "role play",
              "\\byou('re| are) now (a|an|in|the|operating|acting|running|called|named|dan)\\b"
                  + "|\\byou are no longer\\b|\\bno longer an? \\w+ (bot|assistant|ai)\\b"
                  + "|\\bfrom now on,? (you|act|answer|respond|reply)\\b"
                  + "|\\b(pretend|imagine) (that )?(you are|you're|to be)\\b|\\bact as (if|an?|my)\\b"
                  + "|\\brole ?play\\b|\\bstay in character\\b|\\byour new (role|task)\\b|\\bnew task\\s*:"
                  + "|\\b(developer|maintenance|jailbreak|god|admin|debug|unrestricted) mode\\b"
                  + "|\\bDAN\\b|\\bdo anything now\\b|\\bjailbreak\\b|\\bunrestricted\\b"
                  + "|\\b(without|no) (any )?(restrictions|rules|limits|content polic\\w+)\\b"
                  + "|\\bas an ai language model\\b|\\blet's play a game\\b|\\bhypothetically\\b"
                  + "|\\b(simulate|enable|enter|switch to) \\w+ mode\\b"),
          detector(
              Kind.PROMPT_INJECTION,
              "system prompt",
              "\\bsystem ?(prompt|message|instructions?|notice|update)\\b"
                  + "|\\b(initial|hidden|internal|original|secret|previous) (prompt|instructions|rules"
                  + "|configuration|directives)\\b"
                  + "|\\b(repeat|print|output|show|reveal|tell me|complete)\\b"
                  + NEAR
                  + "\\b(instructions|prompt|text above|above this|context window|configuration"
                  + "|rules you|everything (in|above))\\b"
                  + "|\\bwhat (were|are) (the|your) (instructions|rules)\\b"
                  + "|\\bwhich rules you\\b|\\bwelche regeln\\b"),
          detector(
              Kind.PROMPT_INJECTION,
              "message boundary or role marker",
              "(^|[\\n.!?]\\s*)(system|assistant|admin|developer)\\s*:|\\brole\\s*:\\s*system\\b"
                  + "|\\[(system|admin|developer|admin override)[^\\]]*\\]|<\\s*/?\\s*system\\s*>|<!--"
                  + "|\\bend of (the )?(customer |user )?(message|input)\\b"
                  + "|\\bnew (system )?instructions\\b|\\binstructions (supersede|override)\\b"
                  + "|\\b(assistant|model|ai)( assistant)? instructions\\b"
                  + "|\\bnote to the (ai|assistant|model|bot)\\b"
                  + "|\\b(ai|assistant|model|bot)\\b[^.!?]{0,20}\\b(processing|reading) this\\b"
                  + "|%{3}|#{3}|={4,}"),
          detector(
              Kind.PROMPT_INJECTION,
              "asks for secrets or privileges",
              "\\b(the|secret|hidden|admin(istrator)?|master|root|system)\\s+passwords?\\b"
                  + "(?!\\s*(reset|link|e-?mail|page|field|form))"
                  + "|\\b(admin(istrator)?|moderator|root|full|superuser) (rights|access|privileges)\\b"
                  + "|\\bgrant (me|this|full|admin)\\b|\\bapi keys?\\b"
                  + "|\\breveal\\b|\\b(secret|hidden) (word|key|code)\\b|\\bmot de passe\\b"
                  + "|\\b(administrator|admin)passwort\\b"),
          detector(
              Kind.PROMPT_INJECTION,
              "acts on another account",
              "\\b(reset|change|unlock(ing)?|send)\\b"
                  + NEAR
                  + "\\b(password|account|credentials|reset link|token)s?\\b[^.!?\\n]{0,25}?"
                  + "\\b(for|of|to)\\s+(the account |user |customer )?(all\\b|admin\\b|user\\b|\\S+@)"
                  + "|\\bunlock(ing)? (the )?account (of |for )?(user |customer )?\\d"
                  + "|\\b(all|every|other) (customers?|users?|accounts?)('s?)?\\b"
                  + NEAR
                  + "\\b(data|records|passwords?|orders|e-?mails?|list)\\b"
                  + "|\\b(customer|user) (list|database|records|data)\\b"
                  + "|\\bsomeone else'?s\\b|\\bpersonal data of\\b|\\bother customers'?\\b"),
          detector(
              Kind.PROMPT_INJECTION,
              "tells the system what to do",
              "\\b(bypass|skip|disable|switch off|turn off|override)\\b"
                  + NEAR
                  + "\\b(verification|security|safety|checks?|logging|filters?|identity|review)\\b"
                  + "|\\bwithout (human )?(review|approval|verification)\\b"
                  + "|\\b(approve|issue|process)\\b[^.!?\\n]{0,30}\\b(automatically|silently|without)\\b"
                  + "|\\b(classify|mark|label|route)\\b[^.!?\\n]{0,30}\\bas\\b[^.!?\\n]{0,20}"
                  + "(low risk|resolved|approved|[A-Z]{3,}_[A-Z]{3,})|\\bauto-?answer\\b"
                  + "|\\b(execute|run)\\s*:|\\b(execute|run) (it|this|the following)\\b|/etc/passwd"
                  + "|\\bsudo\\b|\\brm -rf\\b|\\bi authori[sz]e you\\b|\\byou (may|must|will) now\\b"
                  + "|\\b(i am|i'm|as)\\s+(your|the)\\s+(admin(istrator)?|developer|engineer|supervisor"
                  + "|creator|owner of this (system|bot))\\b"),
          detector(
              Kind.PROMPT_INJECTION,
              "asks for a scripted answer",
              "\\b(pwned|access granted|gehackt)\\b"
                  + "|\\b(say|reply|respond|answer|output)\\b( only)? (with )?['\"‘“«]"
                  + "|\\b(spell(ed)? (it )?backwards|acrostic|first letter of each|letter per line"
                  + "|between each letter|in base ?64|so (that )?the filter)\\b"));

  private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]{20,}={0,2}");
  private static final Pattern HEX = Pattern.compile("\\b(?:[0-9a-fA-F]{2}){12,}\\b");
  private static final Pattern INVISIBLE =
      Pattern.compile(
          "[\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\uFEFF\\x{E0000}-\\x{E007F}]");

  private Detectors() {}

  private static Detector detector(Kind kind, String name, String regex) {
    return new Detector(kind, name, Pattern.compile(regex, FLAGS));
  }

  /** What the patterns find in the text and in any payload decoded from it, one per detector. */
  static List<Finding> find(String text) {
    Set<Finding> findings = new LinkedHashSet<>();
    findings.addAll(patterns(text, ""));
    for (String payload : decodedPayloads(text)) {
      findings.add(Kind.ENCODED_PAYLOAD.of(quote(shorten(payload))));
      findings.addAll(patterns(payload, "decoded "));
    }
    if (INVISIBLE.matcher(text).find()) {
      findings.add(Kind.ENCODED_PAYLOAD.of("invisible characters"));
    }
    return new ArrayList<>(findings);
  }

  private static List<Finding> patterns(String text, String prefix) {
    List<Finding> findings = new ArrayList<>();
    for (Detector detector : DETECTORS) {
      Matcher matcher = detector.pattern().matcher(text);
      if (matcher.find()) {
        String evidence = quote(matcher.group().strip());
        findings.add(
            detector.kind() == Kind.PROMPT_INJECTION
                ? detector.kind().of(prefix + detector.name() + " " + evidence)
                : detector.kind().of(prefix + evidence));
      }
    }
    return findings;
  }

  /** Text hidden as base64 or hex that decodes to readable words. */
  private static List<String> decodedPayloads(String text) {
    List<String> payloads = new ArrayList<>();
    Matcher base64 = BASE64.matcher(text);
    while (base64.find()) {
      readable(decodeBase64(base64.group())).ifPresent(payloads::add);
    }
    Matcher hex = HEX.matcher(text);
    while (hex.find()) {
      readable(HexFormat.of().parseHex(hex.group().toLowerCase(Locale.ROOT)))
          .ifPresent(payloads::add);
    }
    return payloads;
  }

  private static byte[] decodeBase64(String candidate) {
    String padded = candidate.replace("=", "");
    padded = padded + "=".repeat((4 - padded.length() % 4) % 4);
    try {
      return Base64.getDecoder().decode(padded);
    } catch (IllegalArgumentException notBase64) {
      return new byte[0];
    }
  }

  private static Optional<String> readable(byte[] bytes) {
    if (bytes.length < 8) {
      return Optional.empty();
    }
    String decoded = new String(bytes, StandardCharsets.UTF_8);
    long letters = decoded.chars().filter(c -> Character.isLetter(c) || c == ' ').count();
    boolean words = decoded.contains(" ") && letters >= 0.85 * decoded.length();
    return words ? Optional.of(decoded) : Optional.empty();
  }

  private static String shorten(String text) {
    return text.length() <= 80 ? text : text.substring(0, 77) + "...";
  }

  static String quote(String text) {
    return "'" + text + "'";
  }
}
